#include "Gateway.h"

#include "Authenticator.h"
#include "CorsPolicy.h"
#include "ModelDiscovery.h"
#include "ModelResolver.h"
#include "Planner.h"
#include "config/ModelReference.h"
#include "http/HttpExchange.h"
#include "log/CaptureStore.h"
#include "log/RequestLog.h"
#include "log/ResponseStore.h"
#include "metrics/GatewayMetrics.h"
#include "surfaces/ResponsesSurface.h"
#include "upstream/UpstreamClient.h"
#include "util/RandomSource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace gatehouse {

namespace {

const QByteArray jsonType = QByteArrayLiteral("application/json");

} // namespace

Gateway::Gateway(QObject *parent) : Gateway(Seams{}, parent) {}

Gateway::Gateway(Seams seams, QObject *parent)
    : QObject(parent), m_endpoints(EndpointTable::standard()),
      m_ownScheduler(seams.scheduler ? nullptr : std::make_unique<RealScheduler>()),
      m_scheduler(seams.scheduler ? seams.scheduler : m_ownScheduler.get()),
      m_upstream(seams.transport ? nullptr : new UpstreamClient(this)),
      m_transport(seams.transport ? seams.transport : m_upstream),
      m_discovery(new ModelDiscovery(m_transport, this)),
      m_router([s = m_scheduler] { return s->nowMs(); }), m_recorder(&m_limiter, nullptr),
      m_attempts(new AttemptRunner(m_transport, &m_router, m_scheduler, this)),
      m_ownResponses(std::make_unique<ResponseStore>()), m_responses(m_ownResponses.get())
{
    m_requestIdPrefix = "req_" + systemRandomBytes(4).toHex();
}

Gateway::~Gateway() = default;

void Gateway::setSnapshot(GatewaySnapshotPtr snapshot, quint16 port)
{
    m_snapshot = std::move(snapshot);
    m_guard = std::make_unique<RequestGuard>(m_snapshot->settings.bindAddress, port,
                                             m_snapshot->settings.allowedOrigins);
    if (m_upstream)
        m_upstream->setExtraCaFile(m_snapshot->settings.extraCaFile);
    setOllamaApiPort(m_ollamaApiPort); // its guard follows the allowed origins
    if (m_metrics)
        m_metrics->setSnapshot(*m_snapshot);
}

void Gateway::setMetrics(GatewayMetrics *metrics)
{
    m_metrics = metrics;
    m_recorder.setMetrics(metrics);
    m_attempts->setMetrics(metrics);
    if (m_metrics && m_snapshot)
        m_metrics->setSnapshot(*m_snapshot);
}

void Gateway::setRequestLog(RequestLog *log)
{
    m_recorder.setLog(log);
    m_requestLog = log;
    m_usageReadError.clear();
    if (!log)
        return;
    // The limiter's counts live in memory from here on and stay authoritative whatever
    // happens to the file; a log that cannot be read is said to be so, not taken as no usage.
    QString error;
    const auto usage = RequestLog::usageByKey(log->path(), QDateTime::currentDateTimeUtc(), &error);
    if (!error.isEmpty()) {
        m_usageReadError = error;
        qWarning("request log: past usage could not be read from %s, so token and spending "
                 "limits count from zero: %s",
                 qPrintable(log->path()), qPrintable(error));
    }
    for (auto it = usage.constBegin(); it != usage.constEnd(); ++it)
        m_limiter.seed(it.key(), it->tokensToday, it->spendThisMonth);
}

QHash<QString, qint64> Gateway::coolingOff() const
{
    QHash<QString, qint64> out;
    if (!m_snapshot)
        return out;
    const qint64 now = m_scheduler->nowMs();
    const qint64 wallNow = QDateTime::currentMSecsSinceEpoch();
    for (const RoutableProvider &rp : m_snapshot->providers) {
        if (m_router.isCooling(rp.provider.id))
            out.insert(rp.provider.id, wallNow + m_router.coolingUntil(rp.provider.id) - now);
    }
    return out;
}

void Gateway::setResponseStore(ResponseStore *store)
{
    m_responses = store ? store : m_ownResponses.get();
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

// ---- the request path

void Gateway::handleMalformedRequest(HttpExchange *exchange, int status, const QString &message)
{
    auto ctx = std::make_shared<RequestContext>();
    ctx->exchange = exchange;
    ctx->received.start();
    ctx->requestId = nextRequestId();
    finishWithError(ctx, ApiError::fromTransport(status, message));
}

void Gateway::handleHead(HttpExchange *exchange)
{
    // Decided before the body is read or "100 Continue" is sent: a refused client never gets
    // to send, nor make the gateway hold, a body.
    auto ctx = admitHead(exchange);
    if (!ctx)
        return;
    m_awaitingBody.insert(exchange, ctx);
    connect(exchange, &QObject::destroyed, this,
            [this, exchange] { m_awaitingBody.remove(exchange); });
}

void Gateway::handleRequest(HttpExchange *exchange)
{
    std::shared_ptr<RequestContext> ctx = m_awaitingBody.take(exchange);
    if (!ctx) {
        ctx = admitHead(exchange); // a transport that does not report heads
        if (!ctx)
            return;
    }
    // The request's clocks start once it is all here, as the upstream call can start.
    ctx->received.start();
    ctx->startedMs = m_scheduler->nowMs();
    (this->*(ctx->endpoint->handler))(ctx);
}

std::shared_ptr<RequestContext> Gateway::admitHead(HttpExchange *exchange)
{
    auto ctx = std::make_shared<RequestContext>();
    ctx->exchange = exchange;
    ctx->received.start();
    ctx->startedMs = m_scheduler->nowMs();
    ctx->requestId = nextRequestId();
    const HttpRequest &request = exchange->request();
    // The endpoint is looked up once, here: errors from every stage take its shape.
    const auto match = m_endpoints.match(request.method, request.path);
    const auto *found = std::get_if<EndpointTable::Match>(&match);
    ctx->shape = found ? found->spec->errorShape : m_endpoints.shapeFor(request.path);
    if (!m_snapshot) {
        finishWithError(ctx, ApiError::serviceUnavailable(tr("The gateway is starting."),
                                                          QStringLiteral("starting")));
        return nullptr;
    }
    ctx->snapshot = m_snapshot;

    // Stage: guard
    if (auto error = m_guard->check(request)) {
        finishWithError(ctx, *error);
        return nullptr;
    }
    ctx->corsOrigin = m_guard->allowedOrigin(request);
    if (request.method == "OPTIONS") {
        handlePreflight(ctx);
        return nullptr;
    }

    // Stage: endpoint
    if (const auto *error = std::get_if<ApiError>(&match)) {
        finishWithError(ctx, *error);
        return nullptr;
    }
    ctx->endpoint = found->spec;
    ctx->params = found->params;

    // Stage: authenticate
    if (found->spec->needsKey) {
        auto auth = Authenticator::authenticate(request, *m_snapshot);
        if (auto *error = std::get_if<ApiError>(&auth)) {
            finishWithError(ctx, *error);
            return nullptr;
        }
        ctx->accessKey = std::get<QString>(std::move(auth));
        noteAccessKeyUse(ctx->accessKey);
        const AccessKeyEntry *key = m_snapshot->accessKey(ctx->accessKey);
        ctx->configuration = &m_snapshot->configurationOf(key ? *key : AccessKeyEntry{});
    }
    return ctx;
}

void Gateway::serveModelCall(const std::shared_ptr<RequestContext> &ctx)
{
    const EndpointSpec &spec = *ctx->endpoint;
    RequestContext &c = *ctx;
    c.log.timeMs = QDateTime::currentMSecsSinceEpoch();
    c.log.requestId = QString::fromLatin1(c.requestId);
    c.log.accessKey = c.accessKey;
    c.log.endpoint = QString::fromLatin1(spec.logName);
    c.captureContent = m_captures && c.configuration && c.configuration->capture.enabled;

    // Stage: parse
    auto parsed = spec.parse(c.exchange->request().body);
    if (auto *error = std::get_if<ApiError>(&parsed)) {
        finishWithError(ctx, *error);
        return;
    }
    c.request = std::get<ModelRequest>(std::move(parsed));
    c.log.requestedModel = c.request.model;
    c.log.stream = c.request.stream;
    if (spec.prepare) {
        if (auto error = (this->*(spec.prepare))(c)) {
            finishWithError(ctx, *error);
            return;
        }
    }

    // Stage: plan
    auto plan = Planner::plan(c, m_router);
    if (auto *error = std::get_if<ApiError>(&plan)) {
        finishWithError(ctx, *error);
        return;
    }
    c.plan = std::get<RoutePlan>(std::move(plan));
    c.log.route = c.plan.rule;

    // Stage: limits
    if (auto refused = m_limiter.admit(c.accessKey, c.configuration->limits)) {
        finishWithError(ctx, *refused);
        return;
    }

    // Stage: attempts, then finish
    m_attempts->run(ctx, [this](const std::shared_ptr<RequestContext> &done,
                                const AttemptRunner::Outcome &outcome) { finish(done, outcome); });
}

void Gateway::finishWithError(const std::shared_ptr<RequestContext> &ctx, const ApiError &error)
{
    finish(ctx, {error.status, error});
}

void Gateway::finish(const std::shared_ptr<RequestContext> &ctx,
                     const AttemptRunner::Outcome &outcome)
{
    RequestContext &c = *ctx;
    if (c.finished)
        return;
    c.finished = true;
    int status = outcome.status;
    if (c.clientGone() && !(c.exchange && c.exchange->isFinished()))
        status = 499;
    if (outcome.error) {
        c.log.error = RequestRecorder::logError(*outcome.error);
        if (c.exchange && !c.exchange->hasResponseStarted() && c.exchange->isClientConnected())
            respondError(c.exchange, c, *outcome.error);
    }
    if (c.endpoint && c.endpoint->logName && c.endpoint->isModelCall())
        m_recorder.record(c, status);
    if (c.captureContent)
        captureContent(c);
    if (c.endpoint && c.endpoint->isModelCall() && status >= 200 && status < 300 &&
        !c.log.provider.isEmpty())
        m_recentModels.insert(c.log.provider + QLatin1Char(':') + c.log.model,
                              m_scheduler->nowMs());
    if (c.endpoint && c.endpoint->answered && status >= 200 && status < 300 && !c.answer.isEmpty())
        (this->*(c.endpoint->answered))(c, c.answer);
    emit requestFinished(status);
}

void Gateway::respondJson(const std::shared_ptr<RequestContext> &ctx, int status,
                          const QByteArray &body)
{
    if (ctx->exchange) {
        HttpHeaders headers = baseHeaders(*ctx);
        headers.append({QByteArrayLiteral("content-type"), jsonType});
        ctx->exchange->respond(status, headers, body);
    }
    finish(ctx, {status, std::nullopt});
}

void Gateway::respondError(HttpExchange *exchange, const RequestContext &ctx, const ApiError &error)
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
}

void Gateway::handlePreflight(const std::shared_ptr<RequestContext> &ctx)
{
    // Only origins the user allowed get here; the guard refused the others.
    HttpHeaders headers = baseHeaders(*ctx);
    if (!ctx->corsOrigin.isEmpty()) {
        headers.append({QByteArrayLiteral("access-control-allow-methods"),
                        QByteArrayLiteral("GET, POST, DELETE, OPTIONS")});
        headers.append({QByteArrayLiteral("access-control-allow-headers"),
                        CorsPolicy::allowedRequestHeaders(
                            ctx->exchange->request().header("access-control-request-headers"))});
        headers.append(
            {QByteArrayLiteral("vary"), QByteArrayLiteral("Access-Control-Request-Headers")});
        headers.append({QByteArrayLiteral("access-control-max-age"), QByteArrayLiteral("600")});
    }
    ctx->exchange->respond(204, headers, {});
    finish(ctx, {204, std::nullopt});
}

// ---- content capture

void Gateway::captureContent(const RequestContext &c)
{
    if (!c.exchange || !m_captures)
        return;
    const HttpRequest &request = c.exchange->request();
    const ContentCapture &settings = c.configuration->capture;
    // Every key that could be in the bodies: the one the client presented, and the
    // providers' keys.
    QList<QByteArray> secrets;
    QByteArray headers;
    for (const auto &h : request.headers) {
        const bool credential = h.first == "authorization" || h.first == "x-api-key" ||
                                h.first == "x-goog-api-key" || h.first == "proxy-authorization";
        if (credential) {
            QByteArray value = h.second.trimmed();
            secrets << value;
            if (value.startsWith("Bearer ") || value.startsWith("bearer "))
                secrets << value.mid(7).trimmed();
        }
        headers += h.first + ": " + (credential ? CaptureStore::redacted : h.second) + '\n';
    }
    const QString queryKey = QUrlQuery(QString::fromUtf8(request.query))
                                 .queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded);
    if (!queryKey.isEmpty())
        secrets << queryKey.toUtf8();
    for (const RoutableProvider &rp : c.snapshot->providers) {
        secrets << rp.key;
        for (const QByteArray &k : rp.labeledKeys)
            secrets << k;
    }
    // Longest first, so that a key containing another is redacted whole.
    std::sort(secrets.begin(), secrets.end(),
              [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    const qint64 cap = settings.maxBodyBytes;
    CapturedExchange out;
    out.requestId = QString::fromLatin1(c.requestId);
    out.timeMs = c.log.timeMs;
    out.accessKey = c.accessKey;
    out.keepUntilMs = c.log.timeMs + qint64{settings.retentionDays} * 86'400'000;
    out.requestHeaders = CaptureStore::redact(headers, secrets);
    QByteArray events = c.capturedEvents.join();
    out.truncated =
        request.body.size() > cap || c.capturedAnswer.size() > cap || events.size() > cap;
    out.requestBody = CaptureStore::redact(request.body.left(cap), secrets);
    if (!events.isEmpty()) {
        out.responseEvents = CaptureStore::redact(events.left(cap), secrets);
        out.responseBody =
            CaptureStore::redact(CaptureStore::assembleText(events.left(cap)), secrets);
    } else {
        out.responseBody = CaptureStore::redact(c.capturedAnswer.left(cap), secrets);
    }
    m_captures->store(out);
}

// ---- local endpoints

void Gateway::serveMetrics(const std::shared_ptr<RequestContext> &ctx)
{
    if (!m_metrics) {
        finishWithError(ctx, ApiError::notFound(tr("Metrics are not collected in this gateway."),
                                                QStringLiteral("unknown_endpoint")));
        return;
    }
    if (ctx->exchange) {
        HttpHeaders headers = baseHeaders(*ctx);
        headers.append({QByteArrayLiteral("content-type"), GatewayMetrics::contentType});
        headers.append({QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-store")});
        ctx->exchange->respond(200, headers, m_metrics->scrape());
    }
    finish(ctx, {200, std::nullopt});
}

void Gateway::serveHealth(const std::shared_ptr<RequestContext> &ctx)
{
    // The gateway answers; what is wrong with its request log is said alongside.
    QJsonObject health{{QLatin1String("status"), QLatin1String("ok")}};
    const QString writeError = m_requestLog ? m_requestLog->writeError() : QString();
    if (!writeError.isEmpty())
        health.insert(QLatin1String("requestLog"),
                      QString(QLatin1String("write failed: ") + writeError));
    else if (!m_usageReadError.isEmpty())
        health.insert(QLatin1String("requestLog"),
                      QString(QLatin1String("usage read failed: ") + m_usageReadError));
    respondJson(ctx, 200, QJsonDocument(health).toJson(QJsonDocument::Compact) + '\n');
}

void Gateway::collectModels(const std::shared_ptr<RequestContext> &ctx,
                            const std::function<void(const QJsonArray &)> &done)
{
    // Providers with a model list answer from the config; the others are asked.
    QList<const RoutableProvider *> toAsk;
    for (const RoutableProvider &rp : m_snapshot->providers) {
        if (rp.provider.enabled && rp.provider.models.isEmpty() &&
            !(rp.provider.hasKey && rp.key.isEmpty()) && rp.missingSecret.isEmpty())
            toAsk.append(&rp);
    }
    auto answer = [this, ctx, done](const ModelDiscovery::Models &discovered) {
        if (ctx->clientGone()) {
            finish(ctx, {499, std::nullopt});
            return;
        }
        const GatewaySnapshot &snapshot = *ctx->snapshot;
        const KeyConfiguration &configuration = *ctx->configuration;
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
            QJsonArray candidates;
            for (const RouteCandidate &c : rule.candidates)
                candidates.append(c.model);
            data.append(QJsonObject{
                {QLatin1String("id"), rule.name},
                {QLatin1String("object"), QLatin1String("model")},
                {QLatin1String("created"), 0},
                {QLatin1String("owned_by"), QLatin1String("gatehouse")},
                {QLatin1String("route"),
                 QJsonObject{{QLatin1String("strategy"), routeStrategyName(rule.strategy)},
                             {QLatin1String("candidates"), candidates}}}});
        };
        for (const RouteRule &rule : configuration.routes)
            addRule(rule);
        for (const RouteRule &rule : snapshot.routes)
            addRule(rule);
        for (const RoutableProvider &rp : snapshot.providers) {
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
                    if (known->contextWindow > 0)
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
        done(data);
    };
    if (toAsk.isEmpty()) {
        answer({});
        return;
    }
    m_discovery->discover(toAsk, this, answer);
}

namespace {

// A Google client (Gemini SDKs, Gemini CLI) asking for /v1/models wants Gemini's list.
bool isGoogleClient(const HttpRequest &request)
{
    return request.hasHeader("x-goog-api-key") || request.hasHeader("x-goog-api-client") ||
           QUrlQuery(QString::fromUtf8(request.query)).hasQueryItem(QStringLiteral("key"));
}

// An entry of OpenAI's model list as Gemini's Model resource.
QJsonObject geminiModel(const QJsonObject &entry)
{
    const QString id = entry.value(QLatin1String("id")).toString();
    QJsonObject model{
        {QLatin1String("name"), QString(QLatin1String("models/") + id)},
        {QLatin1String("baseModelId"), id},
        {QLatin1String("version"), QLatin1String("gatehouse")},
        {QLatin1String("displayName"), id},
        {QLatin1String("supportedGenerationMethods"),
         QJsonArray{QLatin1String("generateContent"), QLatin1String("streamGenerateContent"),
                    QLatin1String("countTokens")}}};
    const QJsonObject route = entry.value(QLatin1String("route")).toObject();
    if (!route.isEmpty()) {
        QStringList candidates;
        for (const QJsonValue c : route.value(QLatin1String("candidates")).toArray())
            candidates << c.toString();
        model.insert(QLatin1String("description"), QString(QLatin1String("Gatehouse route: ") +
                                                           candidates.join(QLatin1String(", "))));
    }
    const qint64 context = entry.value(QLatin1String("context_length")).toInteger(-1);
    if (context > 0)
        model.insert(QLatin1String("inputTokenLimit"), context);
    const QJsonObject caps = entry.value(QLatin1String("capabilities")).toObject();
    if (!caps.isEmpty())
        model.insert(QLatin1String("thinking"), caps.value(QLatin1String("reasoning")).toBool());
    return model;
}

ApiError unknownGeminiModel(const QString &model)
{
    return ApiError::notFound(
        QCoreApplication::translate("Gateway",
                                    "models/%1 is not a model this access key may use; list "
                                    "them with GET /v1beta/models.")
            .arg(model),
        QStringLiteral("model_not_found"));
}

} // namespace

void Gateway::serveModelList(const std::shared_ptr<RequestContext> &ctx)
{
    if (isGoogleClient(ctx->exchange->request())) {
        serveGeminiModelList(ctx);
        return;
    }
    collectModels(ctx, [this, ctx](const QJsonArray &data) {
        const QJsonObject body{{QLatin1String("object"), QLatin1String("list")},
                               {QLatin1String("data"), data}};
        respondJson(ctx, 200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    });
}

void Gateway::serveGeminiModelList(const std::shared_ptr<RequestContext> &ctx)
{
    // One page holds them all: no nextPageToken.
    collectModels(ctx, [this, ctx](const QJsonArray &data) {
        QJsonArray models;
        for (const QJsonValue v : data)
            models.append(geminiModel(v.toObject()));
        respondJson(ctx, 200,
                    QJsonDocument(QJsonObject{{QLatin1String("models"), models}})
                        .toJson(QJsonDocument::Compact));
    });
}

void Gateway::serveGeminiModel(const std::shared_ptr<RequestContext> &ctx)
{
    const QString wanted = ctx->params.value(QStringLiteral("model"));
    collectModels(ctx, [this, ctx, wanted](const QJsonArray &data) {
        for (const QJsonValue v : data) {
            if (v.toObject().value(QLatin1String("id")).toString() == wanted) {
                respondJson(
                    ctx, 200,
                    QJsonDocument(geminiModel(v.toObject())).toJson(QJsonDocument::Compact));
                return;
            }
        }
        finishWithError(ctx, unknownGeminiModel(wanted));
    });
}

void Gateway::serveUnknownGeminiMethod(const std::shared_ptr<RequestContext> &ctx)
{
    finishWithError(
        ctx, ApiError::notFound(tr("Gatehouse serves generateContent, streamGenerateContent and "
                                   "countTokens, not %1.")
                                    .arg(ctx->params.value(QStringLiteral("method"))),
                                QStringLiteral("unknown_endpoint")));
}

namespace {

// The model and streaming of a Gemini call are in its URL: they go into the parsed body,
// where the surface adapter reads them, and never into the bytes sent on.
std::optional<ApiError> readGeminiUrl(RequestContext &ctx, bool stream)
{
    QString model = ctx.params.value(QStringLiteral("model"));
    if (model.isEmpty())
        return ApiError::badRequest(
            QCoreApplication::translate("Gateway",
                                        "The URL names no model: use models/provider:model."),
            QStringLiteral("model"));
    if (auto error = ModelResolver::checkLength(model))
        return error;
    ctx.request.model = model;
    ctx.request.stream = stream;
    ctx.request.body.insert(QLatin1String("model"), model);
    if (stream)
        ctx.request.body.insert(QLatin1String("stream"), true);
    ctx.jsonArrayStream =
        stream && QUrlQuery(QString::fromUtf8(ctx.exchange->request().query))
                          .queryItemValue(QStringLiteral("alt")) != QLatin1String("sse");
    ctx.log.requestedModel = model;
    ctx.log.stream = stream;
    return std::nullopt;
}

} // namespace

std::optional<ApiError> Gateway::prepareGeminiCall(RequestContext &ctx)
{
    return readGeminiUrl(ctx, false);
}

std::optional<ApiError> Gateway::prepareGeminiStream(RequestContext &ctx)
{
    return readGeminiUrl(ctx, true);
}

// ---- stored responses (Responses API)

std::optional<ResponseStore::Entry> Gateway::storedResponse(const RequestContext &ctx) const
{
    return m_responses->get(ctx.params.value(QStringLiteral("id")), ctx.accessKey);
}

namespace {

ApiError unknownResponse(const QString &id, const QString &param = {})
{
    ApiError e = ApiError::notFound(
        QCoreApplication::translate(
            "Gateway", "No response with id \"%1\" is stored for this access key: it was never "
                       "stored (store: false), has expired, or was deleted.")
            .arg(id),
        QStringLiteral("response_not_found"));
    e.type = QStringLiteral("invalid_request_error");
    e.param = param;
    return e;
}

// Input as a list of items: a string is one user message.
QJsonArray inputItems(const QJsonValue &input)
{
    if (input.isString())
        return QJsonArray{QJsonObject{
            {QLatin1String("type"), QLatin1String("message")},
            {QLatin1String("role"), QLatin1String("user")},
            {QLatin1String("content"),
             QJsonArray{QJsonObject{{QLatin1String("type"), QLatin1String("input_text")},
                                    {QLatin1String("text"), input.toString()}}}}}};
    return input.toArray();
}

} // namespace

void Gateway::serveStoredResponse(const std::shared_ptr<RequestContext> &ctx)
{
    const auto entry = storedResponse(*ctx);
    if (!entry) {
        finishWithError(ctx, unknownResponse(ctx->params.value(QStringLiteral("id"))));
        return;
    }
    respondJson(ctx, 200, QJsonDocument(entry->response).toJson(QJsonDocument::Compact));
}

void Gateway::deleteStoredResponse(const std::shared_ptr<RequestContext> &ctx)
{
    const QString id = ctx->params.value(QStringLiteral("id"));
    if (!m_responses->remove(id, ctx->accessKey)) {
        finishWithError(ctx, unknownResponse(id));
        return;
    }
    const QJsonObject body{{QLatin1String("id"), id},
                           {QLatin1String("object"), QLatin1String("response")},
                           {QLatin1String("deleted"), true}};
    respondJson(ctx, 200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void Gateway::serveStoredInputItems(const std::shared_ptr<RequestContext> &ctx)
{
    const auto entry = storedResponse(*ctx);
    if (!entry) {
        finishWithError(ctx, unknownResponse(ctx->params.value(QStringLiteral("id"))));
        return;
    }
    const QUrlQuery query(QString::fromUtf8(ctx->exchange->request().query));
    const QString order = query.queryItemValue(QStringLiteral("order"));
    if (!order.isEmpty() && order != QLatin1String("asc") && order != QLatin1String("desc")) {
        finishWithError(ctx, ApiError::badRequest(tr("\"order\" must be asc or desc."),
                                                  QStringLiteral("order")));
        return;
    }
    bool limitOk = true;
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 20 : limitText.toInt(&limitOk);
    if (!limitOk || limit < 1 || limit > 100) {
        finishWithError(ctx, ApiError::badRequest(tr("\"limit\" must be between 1 and 100."),
                                                  QStringLiteral("limit")));
        return;
    }
    QJsonArray items = entry->input;
    if (order != QLatin1String("asc")) {
        QJsonArray reversed;
        for (qsizetype i = items.size() - 1; i >= 0; --i)
            reversed.append(items.at(i));
        items = reversed;
    }
    const QString after = query.queryItemValue(QStringLiteral("after"));
    qsizetype start = 0;
    if (!after.isEmpty()) {
        start = items.size();
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).toObject().value(QLatin1String("id")).toString() == after) {
                start = i + 1;
                break;
            }
        }
    }
    QJsonArray page;
    for (qsizetype i = start; i < items.size() && page.size() < limit; ++i)
        page.append(items.at(i));
    const bool more = start + page.size() < items.size();
    const QJsonObject body{
        {QLatin1String("object"), QLatin1String("list")},
        {QLatin1String("data"), page},
        {QLatin1String("first_id"),
         page.isEmpty() ? QJsonValue() : page.first().toObject().value(QLatin1String("id"))},
        {QLatin1String("last_id"),
         page.isEmpty() ? QJsonValue() : page.last().toObject().value(QLatin1String("id"))},
        {QLatin1String("has_more"), more}};
    respondJson(ctx, 200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

std::optional<ApiError> Gateway::continueStoredResponse(RequestContext &ctx)
{
    QJsonObject body = ctx.request.body;
    const QString previous = body.value(QLatin1String("previous_response_id")).toString();
    if (previous.isEmpty())
        return std::nullopt;
    const auto entry = m_responses->get(previous, ctx.accessKey);
    if (!entry)
        return unknownResponse(previous, QStringLiteral("previous_response_id"));
    // The conversation so far, then what the client adds. Gatehouse keeps the state, so
    // every provider can continue it; the provider gets the whole conversation.
    QJsonArray input = entry->input;
    for (const QJsonValue item : entry->response.value(QLatin1String("output")).toArray())
        input.append(item);
    for (const QJsonValue item : inputItems(body.value(QLatin1String("input"))))
        input.append(item);
    body.insert(QLatin1String("input"), input);
    ctx.request.handledLocally << QStringLiteral("previous_response_id");
    ctx.request.setBody(body);
    return std::nullopt;
}

void Gateway::storeResponse(const RequestContext &ctx, const QJsonObject &response)
{
    if (ctx.request.body.value(QLatin1String("store")) == QJsonValue(false))
        return;
    const QString id = response.value(QLatin1String("id")).toString();
    if (id.isEmpty() ||
        response.value(QLatin1String("status")).toString() == QLatin1String("failed"))
        return;
    ResponseStore::Entry entry;
    entry.id = id;
    entry.accessKey = ctx.accessKey;
    entry.createdMs = QDateTime::currentMSecsSinceEpoch();
    // Input items get ids, as the input_items list shows them and pages through them.
    for (const QJsonValue v : inputItems(ctx.request.body.value(QLatin1String("input")))) {
        QJsonObject item = v.toObject();
        if (item.value(QLatin1String("id")).toString().isEmpty())
            item.insert(QLatin1String("id"), ResponsesSurface::newId("msg"));
        entry.input.append(item);
    }
    entry.response = response;
    if (auto stored = m_responses->put(entry); !stored)
        qWarning("%s", qPrintable(stored.error()));
}

} // namespace gatehouse
