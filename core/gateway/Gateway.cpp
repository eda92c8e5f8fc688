#include "Gateway.h"

#include "Authenticator.h"
#include "ChatCompletionRequest.h"
#include "JsonField.h"
#include "ModelDiscovery.h"
#include "ModelResolver.h"
#include "UpstreamClient.h"
#include "UsageScanner.h"
#include "config/ModelReference.h"
#include "http/HttpExchange.h"
#include "log/RequestLog.h"
#include "translate/ChatToMessages.h"
#include "translate/MessagesToChat.h"
#include "translate/SseParser.h"
#include "util/RandomSource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gateway", text);
}

const QByteArray jsonType = QByteArrayLiteral("application/json");

// Response headers from the provider that are worth passing on to the client.
bool isRelayedHeader(const QByteArray &name)
{
    return name == "content-type" || name == "retry-after" || name.startsWith("x-ratelimit-") ||
           name == "openai-processing-ms" || name.startsWith("anthropic-ratelimit-");
}

QByteArray upstreamErrorBody(int status, const QByteArray &body, const QString &providerId,
                             ApiShape shape)
{
    // An upstream error already in the caller's shape is relayed as it is.
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    const bool isObject = pe.error == QJsonParseError::NoError && doc.isObject();
    const QJsonObject o = doc.object();
    const bool anthropicShaped =
        o.value(QLatin1String("type")).toString() == QLatin1String("error");
    if (isObject && o.value(QLatin1String("error")).isObject() &&
        anthropicShaped == (shape == ApiShape::Anthropic))
        return body;
    QString text = QString::fromUtf8(body.left(500)).simplified();
    if (isObject) {
        const QJsonValue e = o.value(QLatin1String("error"));
        if (e.isString())
            text = e.toString();
        else if (e.toObject().value(QLatin1String("message")).isString())
            text = e.toObject().value(QLatin1String("message")).toString();
    }
    ApiError error{
        status,
        status >= 500 ? QStringLiteral("upstream_error") : QStringLiteral("invalid_request_error"),
        QStringLiteral("upstream_status_%1").arg(status),
        tr("Provider \"%1\" answered with HTTP %2: %3").arg(providerId).arg(status).arg(text),
        {}};
    return error.body(shape);
}

QByteArray overheadMs(qint64 ns)
{
    return QByteArray::number(static_cast<double>(std::max<qint64>(ns, 0)) / 1e6, 'f', 3);
}

// The client's body with only "model" changed. Every other byte goes to the provider as the
// client sent it; only a body the byte-level edit cannot handle is re-serialised.
QByteArray upstreamBody(const QByteArray &raw, ChatCompletionRequest &chat,
                        const QString &upstreamModel)
{
    if (chat.model == upstreamModel)
        return raw;
    const JsonField::Span span = JsonField::findTopLevelString(raw, "model");
    if (span.found())
        return JsonField::replace(raw, span, upstreamModel);
    chat.body.insert(QLatin1String("model"), upstreamModel);
    return QJsonDocument(chat.body).toJson(QJsonDocument::Compact);
}

} // namespace

struct Gateway::Context
{
    QElapsedTimer received; // since the request was complete
    ApiShape shape = ApiShape::OpenAi;
    QByteArray requestId;
    QByteArray corsOrigin;
    QString accessKey;
    HttpHeaders extraHeaders; // routing headers on an error answer
};

const Gateway::Route *Gateway::findRoute(const QByteArray &path)
{
    static const Route routes[] = {
        {"/v1/chat/completions", "POST", Endpoint::ChatCompletions, ApiSurface::OpenAi},
        {"/v1/embeddings", "POST", Endpoint::Embeddings, ApiSurface::OpenAi},
        {"/v1/messages", "POST", Endpoint::Messages, ApiSurface::Anthropic},
        {"/v1/messages/count_tokens", "POST", Endpoint::CountTokens, ApiSurface::Anthropic},
        {"/v1/models", "GET", Endpoint::Models, ApiSurface::OpenAi},
    };
    for (const Route &r : routes) {
        if (path == r.path)
            return &r;
    }
    return nullptr;
}

ApiError Gateway::surfaceMismatch(const Route &route, const Provider &provider)
{
    QString message;
    switch (route.endpoint) {
    case Endpoint::ChatCompletions: // translated to the other surface, never refused
    case Endpoint::Messages:
    case Endpoint::Models:
        break;
    case Endpoint::CountTokens:
        message = tr("Provider \"%1\" speaks the OpenAI API, which has no token counting endpoint; "
                     "Gatehouse will not guess a count.")
                      .arg(provider.id);
        break;
    case Endpoint::Embeddings:
        message = tr("Provider \"%1\" speaks the Anthropic API, which has no embeddings endpoint.")
                      .arg(provider.id);
        break;
    }
    return ApiError::badRequest(message, QStringLiteral("model"),
                                QStringLiteral("unsupported_surface"));
}

Gateway::Gateway(QObject *parent)
    : QObject(parent), m_upstream(new UpstreamClient(this)),
      m_discovery(new ModelDiscovery(m_upstream, this))
{
    m_requestIdPrefix = "req_" + systemRandomBytes(4).toHex();
}

Gateway::~Gateway() = default;

void Gateway::setSnapshot(GatewaySnapshotPtr snapshot, quint16 port)
{
    m_snapshot = std::move(snapshot);
    m_guard = std::make_unique<RequestGuard>(m_snapshot->settings.bindAddress, port,
                                             m_snapshot->settings.allowedOrigins);
}

void Gateway::setRequestLog(RequestLog *log)
{
    m_log = log;
    if (!log)
        return;
    const auto usage = RequestLog::usageByKey(log->path(), QDateTime::currentDateTimeUtc());
    for (auto it = usage.constBegin(); it != usage.constEnd(); ++it)
        m_limiter.seed(it.key(), it->tokensToday, it->spendThisMonth);
}

void Gateway::noteAccessKeyUse(const QString &name)
{
    // Last-used times are kept to the second: one signal per key and second is plenty, and
    // keeps a cross-thread event off every request.
    if (!m_clock.isValid())
        m_clock.start();
    const qint64 now = m_clock.elapsed();
    auto it = m_keyUseReported.find(name);
    if (it != m_keyUseReported.end() && now - *it < 1000)
        return;
    m_keyUseReported.insert(name, now);
    emit accessKeyUsed(name);
}

QByteArray Gateway::nextRequestId()
{
    return m_requestIdPrefix + QByteArray::number(++m_requestCounter, 16).rightJustified(8, '0');
}

HttpHeaders Gateway::baseHeaders(const Context &ctx) const
{
    HttpHeaders headers;
    headers.reserve(8);
    headers.append({QByteArrayLiteral("x-request-id"), ctx.requestId});
    if (!ctx.corsOrigin.isEmpty()) {
        headers.append({QByteArrayLiteral("access-control-allow-origin"), ctx.corsOrigin});
        headers.append({QByteArrayLiteral("vary"), QByteArrayLiteral("Origin")});
        headers.append(
            {QByteArrayLiteral("access-control-expose-headers"),
             QByteArrayLiteral("x-request-id, x-gatehouse-provider, x-gatehouse-model, "
                               "x-gatehouse-route, x-gatehouse-attempts, x-gatehouse-tried")});
    }
    return headers;
}

void Gateway::respondJson(HttpExchange *exchange, const Context &ctx, int status,
                          const QByteArray &body)
{
    HttpHeaders headers = baseHeaders(ctx);
    headers.append({QByteArrayLiteral("content-type"), jsonType});
    exchange->respond(status, headers, body);
    emit requestFinished(status);
}

void Gateway::respondError(HttpExchange *exchange, const Context &ctx, const ApiError &error)
{
    HttpHeaders headers = baseHeaders(ctx);
    headers.append(ctx.extraHeaders);
    headers.append({QByteArrayLiteral("content-type"), jsonType});
    if (error.status == 401)
        headers.append({QByteArrayLiteral("www-authenticate"),
                        QByteArrayLiteral("Bearer realm=\"gatehouse\"")});
    if (error.retryAfterSeconds >= 0)
        headers.append(
            {QByteArrayLiteral("retry-after"), QByteArray::number(error.retryAfterSeconds)});
    exchange->respond(error.status, headers, error.body(ctx.shape));
    emit requestFinished(error.status);
}

void Gateway::handleMalformedRequest(HttpExchange *exchange, int status, const QString &message)
{
    Context ctx;
    ctx.requestId = nextRequestId();
    respondError(exchange, ctx, ApiError::fromTransport(status, message));
}

void Gateway::handleRequest(HttpExchange *exchange)
{
    Context ctx;
    ctx.received.start();
    ctx.requestId = nextRequestId();
    const HttpRequest &request = exchange->request();
    if (request.path.startsWith("/v1/messages"))
        ctx.shape = ApiShape::Anthropic;
    if (!m_snapshot) {
        respondError(exchange, ctx,
                     ApiError::serviceUnavailable(tr("The gateway is starting."),
                                                  QStringLiteral("starting")));
        return;
    }
    if (auto error = m_guard->check(request)) {
        respondError(exchange, ctx, *error);
        return;
    }
    ctx.corsOrigin = m_guard->allowedOrigin(request);

    const QByteArray &path = request.path;
    const QByteArray &method = request.method;
    if (method == "OPTIONS") {
        handlePreflight(exchange, ctx);
        return;
    }
    if (path == "/healthz") {
        if (method != "GET" && method != "HEAD")
            respondError(exchange, ctx, ApiError::methodNotAllowed(tr("Use GET for /healthz.")));
        else
            respondJson(exchange, ctx, 200, QByteArrayLiteral("{\"status\":\"ok\"}\n"));
        return;
    }

    const Route *route = findRoute(path);
    if (!route) {
        respondError(
            exchange, ctx,
            ApiError::notFound(tr("Gatehouse has no endpoint %1 %2.")
                                   .arg(QString::fromLatin1(method), QString::fromUtf8(path)),
                               QStringLiteral("unknown_endpoint")));
        return;
    }
    if (method != route->method) {
        respondError(exchange, ctx,
                     ApiError::methodNotAllowed(tr("Use %1 for %2.")
                                                    .arg(QString::fromLatin1(route->method),
                                                         QString::fromLatin1(route->path))));
        return;
    }

    auto auth = Authenticator::authenticate(request, *m_snapshot);
    if (auto *error = std::get_if<ApiError>(&auth)) {
        respondError(exchange, ctx, *error);
        return;
    }
    ctx.accessKey = std::get<QString>(std::move(auth));
    noteAccessKeyUse(ctx.accessKey);

    if (route->endpoint == Endpoint::Models)
        handleModels(exchange, ctx);
    else
        forward(exchange, ctx, *route);
}

void Gateway::handlePreflight(HttpExchange *exchange, const Context &ctx)
{
    // Only origins the user allowed get here; the guard refused the others.
    HttpHeaders headers = baseHeaders(ctx);
    if (!ctx.corsOrigin.isEmpty()) {
        headers.append({QByteArrayLiteral("access-control-allow-methods"),
                        QByteArrayLiteral("GET, POST, OPTIONS")});
        headers.append(
            {QByteArrayLiteral("access-control-allow-headers"),
             QByteArrayLiteral("authorization, content-type, x-api-key, anthropic-version")});
        headers.append({QByteArrayLiteral("access-control-max-age"), QByteArrayLiteral("600")});
    }
    exchange->respond(204, headers, {});
    emit requestFinished(204);
}

void Gateway::handleModels(HttpExchange *exchange, const Context &ctx)
{
    // Providers with a model list answer from the config; the others are asked.
    QList<const RoutableProvider *> toAsk;
    for (const RoutableProvider &rp : m_snapshot->providers) {
        if (rp.provider.enabled && rp.provider.models.isEmpty() &&
            !(rp.provider.hasKey && rp.key.isEmpty()))
            toAsk.append(&rp);
    }
    QPointer<HttpExchange> ex(exchange);
    const GatewaySnapshotPtr snapshot = m_snapshot;
    auto answer = [this, ex, ctx, snapshot](const ModelDiscovery::Models &discovered) {
        if (!ex)
            return;
        const AccessKeyEntry *key = snapshot->accessKey(ctx.accessKey);
        const KeyConfiguration &configuration =
            snapshot->configurationOf(key ? *key : AccessKeyEntry{});
        QJsonArray data;
        // Aliases first: the key's own, then the global ones, each if the key may use at
        // least one of its candidates.
        QStringList aliases;
        auto addRule = [&](const RouteRule &rule) {
            if (aliases.contains(rule.name))
                return;
            const bool usable = std::any_of(
                rule.candidates.cbegin(), rule.candidates.cend(), [&](const RouteCandidate &c) {
                    const auto ref = ModelReference::parse(c.model);
                    return ref && configuration.allows(ref->provider, ref->model);
                });
            if (!usable)
                return;
            aliases << rule.name;
            data.append(QJsonObject{
                {QLatin1String("id"), rule.name},
                {QLatin1String("object"), QLatin1String("model")},
                {QLatin1String("created"), 0},
                {QLatin1String("owned_by"), QLatin1String("gatehouse")},
                {QLatin1String("route"),
                 QJsonObject{{QLatin1String("strategy"), routeStrategyName(rule.strategy)},
                             {QLatin1String("candidates"), [&rule] {
                                  QJsonArray list;
                                  for (const RouteCandidate &c : rule.candidates)
                                      list.append(c.model);
                                  return list;
                              }()}}}});
        };
        for (const RouteRule &rule : configuration.routes)
            addRule(rule);
        for (const RouteRule &rule : snapshot->routes)
            addRule(rule);
        for (const RoutableProvider &rp : snapshot->providers) {
            if (!rp.provider.enabled)
                continue;
            QStringList models = rp.provider.models.isEmpty() ? discovered.value(rp.provider.id)
                                                              : rp.provider.models;
            if (models.isEmpty() && rp.provider.models.isEmpty() && rp.catalog) {
                // A catalog provider that could not be asked: what the catalog lists.
                for (const CatalogModel &m : rp.catalog->models)
                    models << m.id;
            }
            for (const QString &m : models) {
                if (!configuration.allows(rp.provider.id, m))
                    continue;
                QJsonObject entry{
                    {QLatin1String("id"), QString(rp.provider.id + QLatin1Char(':') + m)},
                    {QLatin1String("object"), QLatin1String("model")},
                    {QLatin1String("created"), 0},
                    {QLatin1String("owned_by"), rp.provider.id}};
                if (const CatalogModel *known = rp.catalogModel(m)) {
                    entry.insert(QLatin1String("context_length"), known->contextWindow);
                    entry.insert(QLatin1String("capabilities"),
                                 QJsonObject{{QLatin1String("tools"), known->tools},
                                             {QLatin1String("vision"), known->vision},
                                             {QLatin1String("reasoning"), known->reasoning}});
                    if (known->hasPrice())
                        entry.insert(
                            QLatin1String("pricing"),
                            QJsonObject{{QLatin1String("input_per_million"), known->inputPrice},
                                        {QLatin1String("output_per_million"), known->outputPrice}});
                }
                data.append(entry);
            }
        }
        const QJsonObject body{{QLatin1String("object"), QLatin1String("list")},
                               {QLatin1String("data"), data}};
        respondJson(ex, ctx, 200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    if (toAsk.isEmpty()) {
        answer({});
        return;
    }
    m_discovery->discover(toAsk, exchange, answer);
}

namespace {

// An attempt that failed in a way another provider (or a later try) might not:
// no connection, no answer in time, rate limited, or a server error.
bool isRetryableStatus(int status)
{
    return status == 429 || status >= 500;
}

int retryAfterOf(const HttpHeaders &headers)
{
    for (const auto &h : headers) {
        if (h.first == "retry-after") {
            bool ok = false;
            const int seconds = h.second.trimmed().toInt(&ok);
            return ok && seconds >= 0 ? seconds : -1;
        }
    }
    return -1;
}

} // namespace

// Everything one routed request needs, across its attempts.
struct Gateway::Job
{
    QPointer<HttpExchange> exchange;
    Context ctx;
    const Route *route = nullptr;
    ChatCompletionRequest chat;
    QByteArray requestBody;
    GatewaySnapshotPtr snapshot; // keeps the plan's providers alive
    const KeyConfiguration *configuration = nullptr;
    RoutePlan plan;
    int target = 0;             // index into plan.targets
    int tryOfTarget = 0;        // retries of the same target so far
    QList<QByteArray> tried;    // "openai:gpt-4o 429 (130 ms)"
    bool injectedUsage = false; // asked an OpenAI provider for usage the client did not ask for
    RequestLogEntry log;
    UsageScanner usage;

    const RouteTarget &current() const { return plan.targets[target]; }
    qint64 remainingMs() const { return plan.deadlineMs - ctx.received.elapsed(); }
    // Another attempt needs some time left to be worth starting (timers may also fire a
    // little early, which must not leave a sliver of deadline for one more try).
    static constexpr qint64 shortestAttemptMs = 100;
    bool hasAnotherAttempt() const
    {
        return remainingMs() >= shortestAttemptMs &&
               (tryOfTarget < plan.retries || target + 1 < plan.targets.size());
    }
};

void Gateway::forward(HttpExchange *exchange, const Context &ctx, const Route &route)
{
    const HttpRequest &request = exchange->request();
    auto parsed = route.endpoint == Endpoint::Embeddings
                      ? ChatCompletionRequest::parseEmbeddings(request.body)
                      : ChatCompletionRequest::parse(request.body);
    if (auto *error = std::get_if<ApiError>(&parsed)) {
        respondError(exchange, ctx, *error);
        return;
    }
    auto job = std::make_shared<Job>();
    job->exchange = exchange;
    job->ctx = ctx;
    job->route = &route;
    job->chat = std::get<ChatCompletionRequest>(std::move(parsed));
    job->requestBody = request.body;
    job->snapshot = m_snapshot;
    job->log.timeMs = QDateTime::currentMSecsSinceEpoch();
    job->log.requestId = QString::fromLatin1(ctx.requestId);
    job->log.accessKey = ctx.accessKey;
    job->log.endpoint = QString::fromLatin1(route.path).mid(4);
    job->log.requestedModel = job->chat.model;
    job->log.stream = job->chat.stream;

    const AccessKeyEntry *key = m_snapshot->accessKey(ctx.accessKey);
    job->configuration =
        key ? &m_snapshot->configurationOf(*key) : &m_snapshot->configurationOf(AccessKeyEntry{});
    if (auto refused = m_limiter.admit(ctx.accessKey, job->configuration->limits)) {
        finish(job, *refused);
        return;
    }

    // The request may name its own fallbacks ("models": [...]); they are Gatehouse's to use
    // and never reach the provider.
    QStringList fallbacks;
    const QJsonValue models = job->chat.body.value(QLatin1String("models"));
    if (models.isArray()) {
        for (const QJsonValue v : models.toArray()) {
            if (!v.isString()) {
                finish(job, ApiError::badRequest(tr("\"models\" must be a list of model names."),
                                                 QStringLiteral("models")));
                return;
            }
            fallbacks << v.toString();
        }
        job->chat.body.remove(QLatin1String("models"));
        job->requestBody = QJsonDocument(job->chat.body).toJson(QJsonDocument::Compact);
    }
    auto plan = m_router.plan(job->chat.model, fallbacks, *job->configuration, *m_snapshot);
    if (auto *error = std::get_if<ApiError>(&plan)) {
        finish(job, *error);
        return;
    }
    job->plan = std::get<RoutePlan>(std::move(plan));
    job->log.route = job->plan.rule;
    attempt(job);
}

void Gateway::attempt(const std::shared_ptr<Job> &job)
{
    if (!job->exchange)
        return; // the client left while we waited to retry
    const RouteTarget &target = job->current();
    const RoutableProvider &rp = *target.provider;
    const Provider &provider = rp.provider;
    const Route &route = *job->route;
    job->log.provider = provider.id;
    job->log.model = target.upstreamModel;
    ++job->log.attemptCount;

    // A target that cannot take this request at all is passed over like a failed one.
    auto unusable = [this, &job](const ApiError &error, const QByteArray &why) {
        job->tried.append(job->current().reference().toUtf8() + ' ' + why);
        if (job->target + 1 < job->plan.targets.size() &&
            job->remainingMs() >= Job::shortestAttemptMs) {
            ++job->target;
            job->tryOfTarget = 0;
            attempt(job);
            return;
        }
        finish(job, error);
    };
    // Chat Completions and Messages reach providers of the other surface through translation;
    // everything else is forwarded on the surface the client speaks.
    const bool chatToAnthropic =
        route.endpoint == Endpoint::ChatCompletions && provider.surface == ApiSurface::Anthropic;
    const bool messagesToOpenAi =
        route.endpoint == Endpoint::Messages && provider.surface == ApiSurface::OpenAi;
    const bool translated = chatToAnthropic || messagesToOpenAi;
    if (provider.surface != route.surface && !translated) {
        unusable(surfaceMismatch(route, provider), "unsupported");
        return;
    }
    const QString label = job->configuration->providerKeys.value(provider.id);
    const HttpHeaders *credentials = &rp.upstreamHeaders;
    if (!label.isEmpty()) {
        const auto it = rp.labeledHeaders.constFind(label);
        if (it == rp.labeledHeaders.constEnd()) {
            const QString why = rp.labeledKeyErrors.value(label);
            unusable(
                ApiError::serviceUnavailable(
                    tr("The key \"%1\" of provider \"%2\" is not available: %3")
                        .arg(label, provider.id,
                             why.isEmpty() ? tr("it is not stored, or still being loaded.") : why),
                    QStringLiteral("provider_key_unavailable")),
                "no key");
            return;
        }
        credentials = &it.value();
    } else if (provider.hasKey && rp.key.isEmpty()) {
        unusable(ApiError::serviceUnavailable(
                     tr("The key of provider \"%1\" could not be read from the keychain: %2")
                         .arg(provider.id, rp.keyError.isEmpty() ? tr("it is still being loaded.")
                                                                 : rp.keyError),
                     QStringLiteral("provider_key_unavailable")),
                 "no key");
        return;
    }

    UpstreamRequest up;
    switch (route.endpoint) {
    case Endpoint::ChatCompletions:
    case Endpoint::Messages:
        // Conversations go to the provider's own conversation endpoint, translated or not.
        up.endpoint =
            provider.surface == ApiSurface::Anthropic ? rp.messagesEndpoint : rp.chatEndpoint;
        break;
    case Endpoint::Embeddings:
        up.endpoint = rp.embeddingsEndpoint;
        break;
    case Endpoint::CountTokens:
        up.endpoint = rp.countTokensEndpoint;
        break;
    case Endpoint::Models:
        return;
    }
    const bool stream = job->chat.stream && (route.endpoint == Endpoint::ChatCompletions ||
                                             route.endpoint == Endpoint::Messages);
    job->injectedUsage = false;
    if (translated) {
        auto body = chatToAnthropic
                        ? ChatToMessages::translateRequest(job->chat.body, target.upstreamModel)
                        : MessagesToChat::translateRequest(job->chat.body, target.upstreamModel);
        if (auto *error = std::get_if<ApiError>(&body)) {
            finish(job, *error);
            return;
        }
        up.body = QJsonDocument(std::get<QJsonObject>(body)).toJson(QJsonDocument::Compact);
    } else if (stream && provider.surface == ApiSurface::OpenAi &&
               (job->configuration->limits.tokensPerDay > 0 ||
                job->configuration->limits.spendPerMonth > 0) &&
               !job->chat.body.value(QLatin1String("stream_options"))
                    .toObject()
                    .value(QLatin1String("include_usage"))
                    .toBool()) {
        // A key with token or spending limits needs the counts: ask for them, and take the
        // extra chunk out of the stream again.
        QJsonObject body = job->chat.body;
        QJsonObject options = body.value(QLatin1String("stream_options")).toObject();
        options.insert(QLatin1String("include_usage"), true);
        body.insert(QLatin1String("stream_options"), options);
        body.insert(QLatin1String("model"), target.upstreamModel);
        up.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        job->injectedUsage = true;
    } else {
        up.body = upstreamBody(job->requestBody, job->chat, target.upstreamModel);
    }
    up.timeouts = provider.timeouts;
    // No attempt outlives the route's deadline.
    const qint64 remaining = std::max<qint64>(1, job->remainingMs());
    up.timeouts.connectMs = int(std::min<qint64>(up.timeouts.connectMs, remaining));
    up.timeouts.firstByteMs = int(std::min<qint64>(up.timeouts.firstByteMs, remaining));
    up.providerId = provider.id;
    up.headers = *credentials;
    up.headers.append(
        {QByteArrayLiteral("accept"), stream ? QByteArrayLiteral("text/event-stream") : jsonType});
    if (provider.surface == ApiSurface::Anthropic) {
        const QByteArray version = job->exchange->request().header("anthropic-version");
        up.headers.append({QByteArrayLiteral("anthropic-version"),
                           version.isEmpty() ? QByteArrayLiteral("2023-06-01") : version});
        const QByteArray beta = job->exchange->request().header("anthropic-beta");
        if (!beta.isEmpty())
            up.headers.append({QByteArrayLiteral("anthropic-beta"), beta});
    }
    // How a complete stream ends, to tell it from one the provider broke off.
    const QByteArray streamEnd = provider.surface == ApiSurface::Anthropic
                                     ? QByteArrayLiteral("message_stop")
                                     : QByteArrayLiteral("[DONE]");

    HttpExchange *exchange = job->exchange;
    UpstreamCall *call = m_upstream->send(up, exchange);
    connect(exchange, &HttpExchange::clientGone, call, &UpstreamCall::abort);

    struct RelayState
    {
        int status = 0;
        bool streaming = false;
        HttpHeaders headers;
        QByteArray buffered;
        QByteArray streamTail; // the last bytes of a stream, to see whether it ended properly
        std::unique_ptr<StreamTranslator> translator; // for translated answers
        std::unique_ptr<SseParser> usageFilter;       // takes out a usage chunk we asked for
        bool anthropicAnswer = false;                 // the provider answers in Anthropic's shape
        qint64 overheadNs = 0;                        // Gatehouse's own time before the first byte
        qint64 finishedAtNs = 0;                      // when the provider's last byte arrived
    };
    auto state = std::make_shared<RelayState>();
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    if (chatToAnthropic) {
        const bool includeUsage = job->chat.body.value(QLatin1String("stream_options"))
                                      .toObject()
                                      .value(QLatin1String("include_usage"))
                                      .toBool();
        state->translator = std::make_unique<MessagesStreamToChat>(created, includeUsage);
    } else if (messagesToOpenAi) {
        state->translator = std::make_unique<ChatStreamToMessages>();
    }
    if (job->injectedUsage)
        state->usageFilter = std::make_unique<SseParser>();
    state->anthropicAnswer = chatToAnthropic;
    const QByteArray providerId = provider.id.toUtf8();
    const qint64 maxBuffered = up.maxResponseBytes;

    // Gives up on this attempt and tries again, here or at the next target.
    auto failOver = [this, job, call](const QByteArray &why, int retryAfterSeconds) {
        QObject::disconnect(call, nullptr, this, nullptr);
        call->abort();
        call->deleteLater();
        job->tried.append(job->current().reference().toUtf8() + ' ' + why + " (" +
                          QByteArray::number(call->elapsedMs()) + " ms)");
        m_router.recordFailure(job->current());
        // Retry the same target after a pause (its retry-after, if it gave one and it fits
        // the deadline), or move on to the next one at once.
        qint64 delay = -1;
        if (job->tryOfTarget < job->plan.retries) {
            delay = retryAfterSeconds >= 0 ? qint64{retryAfterSeconds} * 1000
                                           : qint64{250} << std::min(job->tryOfTarget, 4);
            if (delay >= job->remainingMs())
                delay = -1;
        }
        if (delay >= 0) {
            ++job->tryOfTarget;
        } else if (job->target + 1 < job->plan.targets.size()) {
            ++job->target;
            job->tryOfTarget = 0;
            delay = 0;
        }
        QTimer::singleShot(std::max<qint64>(delay, 0), this, [this, job] { attempt(job); });
    };

    connect(
        call, &UpstreamCall::headersReceived, this,
        [this, job, state, call, failOver](int status, const HttpHeaders &headers) {
            if (isRetryableStatus(status) && job->hasAnotherAttempt()) {
                failOver(QByteArray::number(status), retryAfterOf(headers));
                return;
            }
            if (status < 400)
                m_router.recordSuccess(job->current(), call->elapsedMs());
            else if (isRetryableStatus(status))
                m_router.recordFailure(job->current());
            job->log.firstByteMs = job->ctx.received.elapsed();
            job->tried.append(job->current().reference().toUtf8() + ' ' +
                              QByteArray::number(status));
            state->status = status;
            state->headers = baseHeaders(job->ctx);
            state->headers.append(routingHeaders(*job));
            // What Gatehouse added before the first byte: all time so far but the
            // provider's.
            state->overheadNs = job->ctx.received.nsecsElapsed() - call->elapsedNs();
            QByteArray contentType;
            for (const auto &h : headers) {
                if (isRelayedHeader(h.first))
                    state->headers.append(h);
                if (h.first == "content-type")
                    contentType = h.second;
                if (h.first == "x-request-id")
                    state->headers.append({QByteArrayLiteral("x-upstream-request-id"), h.second});
            }
            // Events are passed on the moment they arrive; nothing else is held back.
            state->streaming = status < 300 && contentType.startsWith("text/event-stream");
            if (state->streaming && job->exchange) {
                state->headers.append(
                    {QByteArrayLiteral("x-gatehouse-overhead-ms"), overheadMs(state->overheadNs)});
                state->headers.append(
                    {QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache")});
                state->headers.append(
                    {QByteArrayLiteral("x-accel-buffering"), QByteArrayLiteral("no")});
                job->exchange->beginStream(status, state->headers);
            }
        });
    connect(call, &UpstreamCall::dataReceived, this,
            [this, job, state, call, maxBuffered, providerId](const QByteArray &data) {
                HttpExchange *ex = job->exchange;
                if (!ex)
                    return;
                if (state->streaming) {
                    if (data.contains("\"usage\""))
                        job->usage.scan(QByteArray(state->streamTail + data));
                    state->streamTail = QByteArray(state->streamTail + data).right(512);
                }
                if (state->streaming && state->translator) {
                    const QByteArray out = state->translator->feed(data);
                    if (!out.isEmpty())
                        ex->writeChunk(out);
                    return;
                }
                if (state->streaming && state->usageFilter) {
                    QByteArray out;
                    for (const auto &event : state->usageFilter->feed(data)) {
                        if (event.data.contains("\"choices\":[]") &&
                            event.data.contains("\"usage\""))
                            continue;
                        out += "data: " + event.data + "\n\n";
                    }
                    if (!out.isEmpty())
                        ex->writeChunk(out);
                    return;
                }
                if (state->streaming) {
                    ex->writeChunk(data);
                    return;
                }
                if (state->buffered.size() + data.size() > maxBuffered) {
                    QObject::disconnect(call, nullptr, this, nullptr);
                    call->abort();
                    call->deleteLater();
                    finish(job, ApiError::badGateway(
                                    tr("Provider \"%1\" sent a response larger than %2 bytes.")
                                        .arg(QString::fromUtf8(providerId))
                                        .arg(maxBuffered),
                                    QStringLiteral("upstream_response_too_large")));
                    return;
                }
                state->buffered += data;
            });
    connect(
        call, &UpstreamCall::finished, this,
        [this, job, state, call, providerId, streamEnd, created] {
            state->finishedAtNs = job->ctx.received.nsecsElapsed();
            call->deleteLater();
            HttpExchange *ex = job->exchange;
            if (!ex)
                return;
            const Context &ctx = job->ctx;
            if (state->streaming) {
                // Qt 6.4 can report a chunked body cut off by the upstream as complete; a
                // stream that ends without its closing event ([DONE], message_stop) was cut
                // off.
                const bool complete = state->translator ? state->translator->isComplete() ||
                                                              state->translator->failed()
                                                        : state->streamTail.contains(streamEnd);
                if (!complete) {
                    const ApiError error = ApiError::badGateway(
                        tr("Provider \"%1\" ended the stream before it was complete.")
                            .arg(QString::fromUtf8(providerId)),
                        QStringLiteral("upstream_incomplete"));
                    ex->writeChunk(error.streamEvent(ctx.shape));
                    job->log.error = error.message;
                }
                ex->endStream();
                logFinished(job, state->status);
                return;
            }
            job->usage.scan(state->buffered);
            // Whole answers also count the time spent turning the provider's answer into ours.
            state->headers.append({QByteArrayLiteral("x-gatehouse-overhead-ms"),
                                   overheadMs(state->overheadNs + ctx.received.nsecsElapsed() -
                                              state->finishedAtNs)});
            if (state->status >= 300) {
                HttpHeaders headers = state->headers;
                for (auto &h : headers) {
                    if (h.first == "content-type")
                        h.second = jsonType;
                }
                ex->respond(state->status, headers,
                            upstreamErrorBody(state->status, state->buffered,
                                              QString::fromUtf8(providerId), ctx.shape));
                job->log.error = QString::fromUtf8(state->buffered.left(300)).simplified();
            } else if (state->translator) {
                // A whole answer from the other surface: translate it, or say it was not one.
                const QJsonObject answer = QJsonDocument::fromJson(state->buffered).object();
                const bool fromAnthropic = state->anthropicAnswer;
                const bool valid = fromAnthropic ? answer.value(QLatin1String("type")).toString() ==
                                                       QLatin1String("message")
                                                 : answer.value(QLatin1String("choices")).isArray();
                if (!valid) {
                    finish(job, ApiError::badGateway(
                                    tr("Provider \"%1\" answered with something that is not %2.")
                                        .arg(QString::fromUtf8(providerId),
                                             fromAnthropic ? tr("an Anthropic Messages response")
                                                           : tr("a Chat Completions response")),
                                    QStringLiteral("upstream_malformed")));
                    return;
                }
                HttpHeaders headers = state->headers;
                for (auto &h : headers) {
                    if (h.first == "content-type")
                        h.second = jsonType;
                }
                const QJsonObject translatedAnswer =
                    fromAnthropic ? MessagesToChat::translateResponse(answer, created)
                                  : ChatToMessages::translateResponse(answer);
                ex->respond(state->status, headers,
                            QJsonDocument(translatedAnswer).toJson(QJsonDocument::Compact));
            } else {
                ex->respond(state->status, state->headers, state->buffered);
            }
            logFinished(job, state->status);
        });
    connect(call, &UpstreamCall::failed, this,
            [this, job, call, failOver](const ApiError &error, bool) {
                HttpExchange *ex = job->exchange;
                if (!ex) {
                    call->deleteLater();
                    return;
                }
                if (!ex->hasResponseStarted() && job->hasAnotherAttempt() &&
                    isRetryableStatus(error.status)) {
                    failOver(error.status == 504 ? QByteArrayLiteral("timeout")
                                                 : QByteArrayLiteral("unreachable"),
                             -1);
                    return;
                }
                call->deleteLater();
                if (!ex->hasResponseStarted()) {
                    m_router.recordFailure(job->current());
                    job->tried.append(job->current().reference().toUtf8() + ' ' +
                                      QByteArray::number(error.status));
                    finish(job, error);
                    return;
                }
                // Headers are gone already: end the stream with an error event the client can
                // read.
                ex->writeChunk(error.streamEvent(job->ctx.shape));
                ex->endStream();
                job->log.error = error.message;
                logFinished(job, error.status);
            });
}

HttpHeaders Gateway::routingHeaders(const Job &job) const
{
    HttpHeaders headers;
    if (job.log.attemptCount > 0) {
        const RouteTarget &target = job.current();
        headers.append(
            {QByteArrayLiteral("x-gatehouse-provider"), target.provider->provider.id.toUtf8()});
        headers.append({QByteArrayLiteral("x-gatehouse-model"), target.upstreamModel.toUtf8()});
    }
    if (!job.plan.rule.isEmpty())
        headers.append({QByteArrayLiteral("x-gatehouse-route"), job.plan.rule.toUtf8()});
    if (!job.tried.isEmpty()) {
        headers.append(
            {QByteArrayLiteral("x-gatehouse-attempts"), QByteArray::number(job.log.attemptCount)});
        headers.append({QByteArrayLiteral("x-gatehouse-tried"), job.tried.join("; ")});
    }
    return headers;
}

void Gateway::finish(const std::shared_ptr<Job> &job, const ApiError &error)
{
    job->log.error = error.message;
    if (job->exchange) {
        Context ctx = job->ctx;
        ctx.extraHeaders = routingHeaders(*job);
        respondError(job->exchange, ctx, error);
    }
    logFinished(job, error.status);
}

void Gateway::logFinished(const std::shared_ptr<Job> &job, int status)
{
    RequestLogEntry &e = job->log;
    e.status = status;
    e.totalMs = job->ctx.received.elapsed();
    e.attempts = QString::fromUtf8(job->tried.join("; "));
    if (job->usage.known()) {
        e.inputTokens = job->usage.inputTokens;
        e.outputTokens = job->usage.outputTokens;
        if (job->log.attemptCount > 0) {
            if (const CatalogModel *m = job->current().provider->catalogModel(e.model);
                m && m->hasPrice())
                e.cost = m->cost(std::max<qint64>(0, e.inputTokens),
                                 std::max<qint64>(0, e.outputTokens));
        }
        m_limiter.addUsage(e.accessKey, job->usage.total(), std::max(0.0, e.cost));
    }
    if (m_log)
        m_log->append(e);
}

} // namespace gatehouse
