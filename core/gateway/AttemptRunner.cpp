#include "AttemptRunner.h"

#include "JsonField.h"
#include "Relay.h"
#include "RequestRecorder.h"
#include "http/HttpExchange.h"
#include "metrics/GatewayMetrics.h"
#include "surfaces/OllamaSurface.h"
#include "surfaces/UsageScanner.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gateway", text);
}

QString logError(const ApiError &error)
{
    return RequestRecorder::logError(error);
}

const QByteArray jsonType = QByteArrayLiteral("application/json");

// An attempt that failed in a way another provider (or a later try) might not: no
// connection, no answer in time, rate limited, or a server error.
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

// Response headers from the provider that are worth passing on to the client.
bool isRelayedHeader(const QByteArray &name)
{
    return name == "content-type" || name == "retry-after" || name.startsWith("x-ratelimit-") ||
           name == "openai-processing-ms" || name.startsWith("anthropic-ratelimit-");
}

QByteArray overheadMs(qint64 ns)
{
    return QByteArray::number(static_cast<double>(std::max<qint64>(ns, 0)) / 1e6, 'f', 3);
}

// A provider's error answer in the client's shape: relayed as it is when it already has
// that shape, else rebuilt around the provider's message.
QByteArray upstreamErrorBody(int status, const QByteArray &body, const QString &providerId,
                             const SurfaceAdapter &provider, ApiShape shape)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    const bool isObject = pe.error == QJsonParseError::NoError && doc.isObject();
    const QJsonObject o = doc.object();
    const bool anthropicShaped =
        o.value(QLatin1String("type")).toString() == QLatin1String("error");
    // Google's errors name their status: {"error":{"code","message","status"}}.
    const bool googleShaped =
        o.value(QLatin1String("error")).toObject().value(QLatin1String("status")).isString();
    if (isObject && o.value(QLatin1String("error")).isObject() && shape != ApiShape::Ollama &&
        anthropicShaped == (shape == ApiShape::Anthropic) &&
        googleShaped == (shape == ApiShape::Gemini))
        return body;
    if (isObject && shape == ApiShape::Ollama && o.value(QLatin1String("error")).isString() &&
        o.size() == 1)
        return body;
    ApiError error{status,
                   status >= 500 ? QStringLiteral("upstream_error")
                                 : QStringLiteral("invalid_request_error"),
                   QStringLiteral("upstream_status_%1").arg(status),
                   tr("Provider \"%1\" answered with HTTP %2: %3")
                       .arg(providerId)
                       .arg(status)
                       .arg(provider.errorMessage(body).left(500)),
                   {}};
    if (isObject) {
        const QJsonValue code =
            o.value(QLatin1String("error")).toObject().value(QLatin1String("code"));
        if (code.isString() && !code.toString().isEmpty())
            error.code = code.toString();
    }
    return error.body(shape);
}

// Applies what the catalog knows of a model's Chat Completions parameters: names it takes
// instead (max_completion_tokens), and ones it refuses. True when the body changed.
bool applyModelParams(QJsonObject &body, const CatalogModel *model)
{
    if (!model)
        return false;
    bool changed = false;
    for (auto it = model->renamedParams.constBegin(); it != model->renamedParams.constEnd(); ++it) {
        if (body.contains(it.key())) {
            if (!body.contains(it.value()))
                body.insert(it.value(), body.value(it.key()));
            body.remove(it.key());
            changed = true;
        }
    }
    for (const QString &name : model->droppedParams) {
        if (body.contains(name)) {
            body.remove(name);
            changed = true;
        }
    }
    return changed;
}

bool hasParamRules(const CatalogModel *model)
{
    return model && (!model->renamedParams.isEmpty() || !model->droppedParams.isEmpty());
}

// The content type of a stream of this framing.
QByteArray streamType(StreamFraming framing)
{
    return framing == StreamFraming::NdJson ? QByteArrayLiteral("application/x-ndjson")
                                            : QByteArrayLiteral("text/event-stream");
}

// Embeddings go between OpenAI's and Ollama's APIs, which both have them: the provider's
// endpoints of the other one, when the client's is not among its surfaces.
const RoutableProvider::Endpoints *embeddingsTranslation(const RoutableProvider &rp,
                                                         ApiSurface client)
{
    if (client != ApiSurface::OpenAi && client != ApiSurface::Ollama)
        return nullptr;
    const RoutableProvider::Endpoints *other =
        rp.endpointsFor(client == ApiSurface::OpenAi ? ApiSurface::Ollama : ApiSurface::OpenAi);
    return other && other->embeddings.isValid() ? other : nullptr;
}

// A provider's embeddings answer in the other API's shape.
std::variant<TranslatedAnswer, ApiError>
translateEmbeddings(const QByteArray &body, ApiSurface provider, const QString &model)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    auto out = provider == ApiSurface::Ollama ? OllamaSurface::embedAnswerToOpenAi(answer, model)
                                              : OllamaSurface::embedAnswerFromOpenAi(answer, model);
    if (auto *e = std::get_if<ApiError>(&out))
        return *e;
    UsageScanner usage;
    usage.scan(body);
    return TranslatedAnswer{std::get<QJsonObject>(std::move(out)), usage.usage()};
}

} // namespace

// ---- preparing one attempt

std::variant<PreparedAttempt, UnusableTarget, ApiError> AttemptRunner::prepare(RequestContext &ctx,
                                                                               qint64 remainingMs)
{
    const RouteTarget &target = ctx.current();
    const RoutableProvider &rp = *target.provider;
    const Provider &provider = rp.provider;
    const EndpointSpec &spec = *ctx.endpoint;
    const Operation operation = *spec.operation;
    PreparedAttempt out;

    // The provider's surface that matches the client's, else (for model answers) the first
    // one it speaks, through translation.
    const RoutableProvider::Endpoints *endpoints = rp.endpointsFor(spec.surface);
    const bool answers = operation == Operation::Generate || operation == Operation::Complete;
    const RoutableProvider::Endpoints *embedder =
        operation == Operation::Embeddings ? embeddingsTranslation(rp, spec.surface) : nullptr;
    if (endpoints && endpoints->forOperation(operation).isValid()) {
        out.surface = spec.surface;
    } else if (answers) {
        endpoints = &rp.primaryEndpoints();
        out.surface = endpoints->surface;
        out.translated = true;
    } else if (embedder) {
        endpoints = embedder;
        out.surface = endpoints->surface;
        out.translated = true;
    } else {
        const QString what =
            operation == Operation::Embeddings ? tr("embeddings") : tr("token counting");
        QString message = tr("Provider \"%1\" speaks %2, which has no %3 endpoint.")
                              .arg(provider.id, provider.surfaceNames(), what);
        if (operation == Operation::CountTokens)
            message += QLatin1Char(' ') + tr("Gatehouse will not guess a count.");
        return UnusableTarget{ApiError::badRequest(message, QStringLiteral("model"),
                                                   QStringLiteral("unsupported_surface")),
                              QByteArrayLiteral("unsupported")};
    }

    if (!rp.missingSecret.isEmpty())
        return UnusableTarget{
            ApiError::serviceUnavailable(
                tr("The %1 of provider \"%2\" could not be read from the keychain: %3")
                    .arg(rp.missingSecret, provider.id,
                         rp.missingSecretError.isEmpty() ? tr("it is still being loaded.")
                                                         : rp.missingSecretError),
                QStringLiteral("provider_key_unavailable")),
            QByteArrayLiteral("no key")};

    // Which key: the one the key configuration bills to, else the provider's main key.
    const QString label = ctx.configuration->providerKeys.value(provider.id);
    QByteArray key = rp.key;
    if (!label.isEmpty()) {
        const auto it = rp.labeledKeys.constFind(label);
        if (it == rp.labeledKeys.constEnd()) {
            const QString why = rp.labeledKeyErrors.value(label);
            return UnusableTarget{
                ApiError::serviceUnavailable(
                    tr("The key \"%1\" of provider \"%2\" is not available: %3")
                        .arg(label, provider.id,
                             why.isEmpty() ? tr("it is not stored, or still being loaded.") : why),
                    QStringLiteral("provider_key_unavailable")),
                QByteArrayLiteral("no key")};
        }
        key = *it;
    } else if (provider.hasKey && rp.key.isEmpty()) {
        return UnusableTarget{
            ApiError::serviceUnavailable(
                tr("The key of provider \"%1\" could not be read from the keychain: %2")
                    .arg(provider.id,
                         rp.keyError.isEmpty() ? tr("it is still being loaded.") : rp.keyError),
                QStringLiteral("provider_key_unavailable")),
            QByteArrayLiteral("no key")};
    }

    const CatalogModel *model = rp.catalogModel(target.upstreamModel);
    const bool stream = ctx.request.stream && answers;
    UpstreamRequest &up = out.request;
    if (embedder) {
        const QJsonObject body =
            out.surface == ApiSurface::Ollama
                ? OllamaSurface::embedRequestFromOpenAi(ctx.request.body, target.upstreamModel)
                : OllamaSurface::embedRequestToOpenAi(ctx.request.body, target.upstreamModel);
        up.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    } else if (out.translated) {
        if (!ctx.conversation) {
            auto decoded = surfaceAdapter(spec.surface).decodeRequest(ctx.request.body);
            if (auto *e = std::get_if<ApiError>(&decoded))
                return *e;
            ctx.conversation = std::get<conversation::Request>(std::move(decoded));
        }
        auto encoded =
            surfaceAdapter(out.surface).encodeRequest(*ctx.conversation, target.upstreamModel);
        if (auto *e = std::get_if<ApiError>(&encoded))
            return *e;
        QJsonObject body = std::get<QJsonObject>(std::move(encoded));
        if (out.surface == ApiSurface::OpenAi)
            applyModelParams(body, model);
        up.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        out.droppedTools = ctx.conversation->hostedToolNames();
    } else {
        // The same surface: the client's bytes with only "model" changed, unless the model's
        // parameters or the key's limits need more.
        const bool wantUsage = stream && out.surface == ApiSurface::OpenAi &&
                               (ctx.configuration->limits.tokensPerDay > 0 ||
                                ctx.configuration->limits.spendPerMonth > 0) &&
                               !ctx.request.body.value(QLatin1String("stream_options"))
                                    .toObject()
                                    .value(QLatin1String("include_usage"))
                                    .toBool();
        const bool rules = out.surface == ApiSurface::OpenAi && hasParamRules(model);
        if (surfaceAdapter(out.surface).modelInUrl()) {
            up.body = ctx.request.raw; // the model goes in the URL
            // Gemini's countTokens may wrap a whole request, which names the model again.
            const QJsonObject inner =
                ctx.request.body.value(QLatin1String("generateContentRequest")).toObject();
            if (inner.contains(QLatin1String("model"))) {
                QJsonObject body = QJsonDocument::fromJson(ctx.request.raw).object();
                QJsonObject wrapped = inner;
                wrapped.insert(QLatin1String("model"),
                               QString(QLatin1String("models/") + target.upstreamModel));
                body.insert(QLatin1String("generateContentRequest"), wrapped);
                up.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            }
        } else if (wantUsage || rules) {
            QJsonObject body = ctx.request.body;
            body.insert(QLatin1String("model"), target.upstreamModel);
            if (rules)
                applyModelParams(body, model);
            if (wantUsage) {
                QJsonObject options = body.value(QLatin1String("stream_options")).toObject();
                options.insert(QLatin1String("include_usage"), true);
                body.insert(QLatin1String("stream_options"), options);
                out.injectedUsage = true;
            }
            up.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        } else if (ctx.request.model == target.upstreamModel) {
            up.body = ctx.request.raw;
        } else {
            const JsonField::Span span = JsonField::findTopLevelString(ctx.request.raw, "model");
            if (span.found()) {
                up.body = JsonField::replace(ctx.request.raw, span, target.upstreamModel);
            } else {
                QJsonObject body = ctx.request.body;
                body.insert(QLatin1String("model"), target.upstreamModel);
                up.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            }
        }
    }

    up.endpoint = surfaceAdapter(out.surface)
                      .callEndpoint(out.translated && answers ? endpoints->generate
                                                              : endpoints->forOperation(operation),
                                    operation, target.upstreamModel, stream);
    up.providerId = provider.id;
    up.headers = rp.headersFor(
        out.surface, key, out.translated || !ctx.exchange ? nullptr : &ctx.exchange->request());
    up.headers.append({QByteArrayLiteral("accept"),
                       stream ? streamType(surfaceAdapter(out.surface).framing()) : jsonType});
    up.timeouts = provider.timeouts;
    // No attempt outlives the route's deadline.
    const qint64 remaining = std::max<qint64>(1, remainingMs);
    up.timeouts.connectMs = int(std::min<qint64>(up.timeouts.connectMs, remaining));
    up.timeouts.firstByteMs = int(std::min<qint64>(up.timeouts.firstByteMs, remaining));
    return out;
}

// ---- one request's attempts

class AttemptRunner::Session : public QObject
{
public:
    Session(AttemptRunner *runner, std::shared_ptr<RequestContext> ctx, Done done)
        : QObject(runner), m_runner(runner), m_ctx(std::move(ctx)), m_done(std::move(done))
    {
    }

    void start()
    {
        if (m_ctx->exchange)
            connect(m_ctx->exchange, &HttpExchange::clientGone, this, &Session::onClientGone);
        attempt();
    }

private:
    qint64 remainingMs() const
    {
        return m_ctx->plan.deadlineMs - (m_runner->m_scheduler->nowMs() - m_ctx->startedMs);
    }
    // Another attempt needs some time left to be worth starting (timers may also fire a
    // little early, which must not leave a sliver of deadline for one more try).
    bool hasAnotherAttempt() const
    {
        return remainingMs() >= shortestAttemptMs &&
               (m_ctx->tryOfTarget < m_ctx->plan.retries ||
                m_ctx->target + 1 < m_ctx->plan.targets.size());
    }
    QByteArray reference() const { return m_ctx->current().reference().toUtf8(); }

    void attempt()
    {
        m_waiting = false;
        if (m_ctx->clientGone()) {
            end({499, std::nullopt});
            return;
        }
        RequestContext &ctx = *m_ctx;
        ctx.log.provider = ctx.current().provider->provider.id;
        ctx.log.model = ctx.current().upstreamModel;
        ++ctx.log.attemptCount;
        auto prepared = prepare(ctx, remainingMs());
        if (auto *unusable = std::get_if<UnusableTarget>(&prepared)) {
            ctx.tried.append(reference() + ' ' + unusable->why);
            if (ctx.target + 1 < ctx.plan.targets.size() && remainingMs() >= shortestAttemptMs) {
                ++ctx.target;
                ctx.tryOfTarget = 0;
                attempt();
                return;
            }
            end({unusable->error.status, unusable->error});
            return;
        }
        if (auto *error = std::get_if<ApiError>(&prepared)) {
            end({error->status, *error});
            return;
        }
        m_attempt = std::get<PreparedAttempt>(std::move(prepared));
        m_status = 0;
        m_streaming = false;
        m_buffered.clear();
        m_chain = RelayChain();
        m_call = m_runner->m_transport->send(m_attempt.request, this);
        connect(m_call, &UpstreamCall::headersReceived, this, &Session::onHeaders);
        connect(m_call, &UpstreamCall::dataReceived, this, &Session::onData);
        connect(m_call, &UpstreamCall::finished, this, &Session::onFinished);
        // A client that reads slowly holds the provider back instead of filling memory.
        if (ctx.exchange)
            connect(ctx.exchange, &HttpExchange::sendBufferFull, m_call, &UpstreamCall::setPaused);
    }

    void dropCall()
    {
        if (!m_call)
            return;
        UpstreamCall *call = m_call;
        m_call = nullptr;
        call->disconnect(this);
        call->abort();
        call->deleteLater();
    }

    // Gives up on this attempt and tries again, here or at the next target.
    void failOver(const QByteArray &why, int retryAfterSeconds, qint64 elapsed)
    {
        dropCall();
        RequestContext &ctx = *m_ctx;
        ctx.tried.append(reference() + ' ' + why + " (" + QByteArray::number(elapsed) + " ms)");
        m_runner->m_router->recordFailure(ctx.current());
        // Retry the same target after a pause (its retry-after, if it gave one and it fits
        // the deadline), or move on to the next one at once.
        qint64 delay = -1;
        if (ctx.tryOfTarget < ctx.plan.retries) {
            delay = retryAfterSeconds >= 0 ? qint64{retryAfterSeconds} * 1000
                                           : qint64{250} << std::min(ctx.tryOfTarget, 4);
            if (delay >= remainingMs())
                delay = -1;
        }
        if (delay >= 0) {
            ++ctx.tryOfTarget;
        } else if (ctx.target + 1 < ctx.plan.targets.size()) {
            ++ctx.target;
            ctx.tryOfTarget = 0;
            delay = 0;
        }
        m_waiting = true;
        m_runner->m_scheduler->after(std::max<qint64>(delay, 0), this, [this] {
            if (m_waiting)
                attempt();
        });
    }

    void onHeaders(int status, const HttpHeaders &headers)
    {
        RequestContext &ctx = *m_ctx;
        if (isRetryableStatus(status) && hasAnotherAttempt()) {
            failOver(QByteArray::number(status), retryAfterOf(headers), m_call->elapsedMs());
            return;
        }
        if (status < 400)
            m_runner->m_router->recordSuccess(ctx.current(), m_call->elapsedMs());
        else if (isRetryableStatus(status))
            m_runner->m_router->recordFailure(ctx.current());
        ctx.log.firstByteMs = ctx.received.elapsed();
        ctx.tried.append(reference() + ' ' + QByteArray::number(status));
        m_status = status;
        m_headers = baseHeaders(ctx);
        m_headers.append(routingHeaders(ctx));
        if (!m_attempt.droppedTools.isEmpty())
            m_headers.append({QByteArrayLiteral("x-gatehouse-dropped-tools"),
                              m_attempt.droppedTools.join(QLatin1String(", ")).toUtf8()});
        // What Gatehouse added before the first byte: all time so far but the provider's.
        m_overheadNs = ctx.received.nsecsElapsed() - m_call->elapsedNs();
        QByteArray contentType;
        for (const auto &h : headers) {
            if (h.first == "content-type")
                contentType = h.second;
            if (isRelayedHeader(h.first) && !(m_attempt.translated && h.first == "content-type"))
                m_headers.append(h);
            if (h.first == "x-request-id")
                m_headers.append({QByteArrayLiteral("x-upstream-request-id"), h.second});
        }
        // Events are passed on the moment they arrive; nothing else is held back.
        const SurfaceAdapter &provider = surfaceAdapter(m_attempt.surface);
        m_streaming = status < 300 &&
                      (*ctx.endpoint->operation == Operation::Generate ||
                       *ctx.endpoint->operation == Operation::Complete) &&
                      contentType.startsWith(streamType(provider.framing()));
        if (!m_streaming)
            return;
        const SurfaceAdapter &client = surfaceAdapter(ctx.endpoint->surface);
        m_chain = m_attempt.translated ? RelayChain::translation(surfaceAdapter(m_attempt.surface),
                                                                 client, *ctx.conversation)
                                       : RelayChain::passthrough(client, m_attempt.injectedUsage);
        if (m_attempt.translated)
            m_headers.append({QByteArrayLiteral("content-type"), streamType(client.framing())});
        if (ctx.jsonArrayStream) {
            // Gemini's stream for a client that did not ask for server-sent events.
            m_chain.frameAsJsonArray();
            for (auto &h : m_headers) {
                if (h.first == "content-type")
                    h.second = jsonType;
            }
        }
        m_headers.append({QByteArrayLiteral("x-gatehouse-overhead-ms"), overheadMs(m_overheadNs)});
        m_headers.append({QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache")});
        m_headers.append({QByteArrayLiteral("x-accel-buffering"), QByteArrayLiteral("no")});
        if (ctx.exchange)
            ctx.exchange->beginStream(status, m_headers);
        if (m_runner->m_metrics && !m_streamCounted) {
            m_runner->m_metrics->streamStarted();
            m_streamCounted = true;
        }
    }

    void onData(const QByteArray &data)
    {
        HttpExchange *exchange = m_ctx->exchange;
        if (!exchange)
            return;
        if (m_streaming) {
            const QByteArray out = m_chain.data(data);
            if (!out.isEmpty()) {
                exchange->writeChunk(out);
                capture(out);
            }
            if (const auto stop = m_chain.stopped())
                endStreamEarly(*stop);
            return;
        }
        if (m_buffered.size() + data.size() > maxWholeAnswerBytes) {
            dropCall();
            end({502,
                 ApiError::badGateway(tr("Provider \"%1\" sent a response larger than %2 bytes.")
                                          .arg(m_ctx->current().provider->provider.id)
                                          .arg(maxWholeAnswerBytes),
                                      QStringLiteral("upstream_response_too_large"))});
            return;
        }
        m_buffered += data;
    }

    // The stream cannot go on (an event over the limit, an invalid event, the provider's own
    // error event): the upstream call ends here, and the client's stream with an error event.
    void endStreamEarly(const RelayStop &stop)
    {
        dropCall();
        RequestContext &ctx = *m_ctx;
        if (HttpExchange *exchange = ctx.exchange) {
            if (!stop.written)
                exchange->writeChunk(
                    m_chain.endWithError(stop.error, surfaceAdapter(ctx.endpoint->surface)));
            exchange->writeChunk(m_chain.close());
            exchange->endStream();
        }
        ctx.log.error =
            stop.fromProvider ? QStringLiteral("upstream_stream_error") : logError(stop.error);
        ctx.usage = m_chain.usage();
        end({m_status, std::nullopt});
    }

    void onFinished(const UpstreamResult &result)
    {
        const qint64 finishedAtNs = m_ctx->received.nsecsElapsed();
        UpstreamCall *call = m_call;
        m_call = nullptr;
        if (call)
            call->deleteLater();
        RequestContext &ctx = *m_ctx;
        HttpExchange *exchange = ctx.exchange;
        if (!exchange || result.cancelled()) {
            end({499, std::nullopt});
            return;
        }
        const SurfaceAdapter &client = surfaceAdapter(ctx.endpoint->surface);
        if (!result.completed()) {
            const ApiError &error = result.error;
            if (!exchange->hasResponseStarted()) {
                if (isRetryableStatus(error.status) && hasAnotherAttempt()) {
                    failOver(error.status == 504 ? QByteArrayLiteral("timeout")
                                                 : QByteArrayLiteral("unreachable"),
                             -1, call ? call->elapsedMs() : 0);
                    return;
                }
                m_runner->m_router->recordFailure(ctx.current());
                ctx.tried.append(reference() + ' ' + QByteArray::number(error.status));
                end({error.status, error});
                return;
            }
            // Headers are gone already: end the stream with an error event the client can read.
            exchange->writeChunk(m_chain.endWithError(error, client));
            exchange->writeChunk(m_chain.close());
            exchange->endStream();
            ctx.log.error = logError(error);
            ctx.usage = m_chain.usage();
            end({error.status, std::nullopt});
            return;
        }
        if (m_streaming) {
            // A stream that ends without its closing event ([DONE], message_stop,
            // response.completed) was cut off.
            if (!m_chain.complete()) {
                const ApiError error = ApiError::badGateway(
                    tr("Provider \"%1\" ended the stream before it was complete.")
                        .arg(ctx.current().provider->provider.id),
                    QStringLiteral("upstream_incomplete"));
                exchange->writeChunk(m_chain.endWithError(error, client));
                ctx.log.error = logError(error);
            }
            exchange->writeChunk(m_chain.close());
            exchange->endStream();
            ctx.usage = m_chain.usage();
            ctx.answer = m_chain.finalResponse();
            end({m_status, std::nullopt});
            return;
        }
        // Whole answers also count the time spent turning the provider's answer into ours.
        HttpHeaders headers = m_headers;
        headers.append({QByteArrayLiteral("x-gatehouse-overhead-ms"),
                        overheadMs(m_overheadNs + ctx.received.nsecsElapsed() - finishedAtNs)});
        const SurfaceAdapter &provider = surfaceAdapter(m_attempt.surface);
        if (m_status >= 300) {
            for (auto &h : headers) {
                if (h.first == "content-type")
                    h.second = jsonType;
            }
            const QString providerId = ctx.current().provider->provider.id;
            exchange->respond(
                m_status, headers,
                upstreamErrorBody(m_status, m_buffered, providerId, provider, ctx.shape));
            // The provider's words stay out of the log: its error body may echo the prompt.
            ctx.log.error =
                QStringLiteral("upstream_%1: ").arg(m_status) +
                tr("Provider \"%1\" answered with HTTP %2.").arg(providerId).arg(m_status);
            end({m_status, std::nullopt});
            return;
        }
        if (m_attempt.translated && *ctx.endpoint->operation == Operation::Embeddings) {
            auto translated =
                translateEmbeddings(m_buffered, m_attempt.surface, ctx.current().upstreamModel);
            if (auto *e = std::get_if<ApiError>(&translated)) {
                end({e->status, *e});
                return;
            }
            TranslatedAnswer answer = std::get<TranslatedAnswer>(std::move(translated));
            headers.append({QByteArrayLiteral("content-type"), jsonType});
            const QByteArray body = QJsonDocument(answer.json).toJson(QJsonDocument::Compact);
            exchange->respond(m_status, headers,
                              ctx.endpoint->reshape ? ctx.endpoint->reshape(body) : body);
            ctx.usage = answer.usage;
            end({m_status, std::nullopt});
            return;
        }
        if (m_attempt.translated) {
            auto translated = translateAnswer(m_buffered, provider, client, *ctx.conversation);
            if (auto *e = std::get_if<ApiError>(&translated)) {
                ApiError error = *e;
                error.message = tr("Provider \"%1\" answered with something that is not %2: %3")
                                    .arg(ctx.current().provider->provider.id,
                                         apiSurfaceTitle(m_attempt.surface), e->message);
                end({error.status, error});
                return;
            }
            TranslatedAnswer answer = std::get<TranslatedAnswer>(std::move(translated));
            headers.append({QByteArrayLiteral("content-type"), jsonType});
            exchange->respond(m_status, headers,
                              QJsonDocument(answer.json).toJson(QJsonDocument::Compact));
            ctx.usage = answer.usage;
            ctx.answer = answer.json;
            end({m_status, std::nullopt});
            return;
        }
        exchange->respond(m_status, headers,
                          ctx.endpoint->reshape ? ctx.endpoint->reshape(m_buffered) : m_buffered);
        UsageScanner usage;
        usage.scan(m_buffered);
        ctx.usage = usage.usage();
        if (ctx.endpoint->answered)
            ctx.answer = QJsonDocument::fromJson(m_buffered).object();
        end({m_status, std::nullopt});
    }

    void onClientGone()
    {
        // Whether waiting to retry or in the middle of a call: stop, and say so once.
        m_waiting = false;
        dropCall();
        end({499, std::nullopt});
    }

    void end(const Outcome &outcome)
    {
        if (m_ended)
            return;
        m_ended = true;
        m_waiting = false;
        dropCall();
        if (m_streamCounted && m_runner->m_metrics)
            m_runner->m_metrics->streamEnded();
        m_streamCounted = false;
        if (m_ctx->captureContent && !m_streaming && !m_buffered.isEmpty())
            m_ctx->capturedAnswer = m_buffered.left(m_ctx->configuration->capture.maxBodyBytes + 1);
        if (m_ctx->exchange)
            m_ctx->exchange->disconnect(this);
        if (!outcome.error && m_ctx->log.error.isEmpty() && outcome.status >= 400 &&
            outcome.status != 499)
            m_ctx->log.error = QStringLiteral("upstream_%1").arg(outcome.status);
        if (outcome.error)
            m_ctx->extraHeaders = routingHeaders(*m_ctx);
        auto done = std::move(m_done);
        auto ctx = m_ctx;
        deleteLater();
        done(ctx, outcome);
    }

    // A stream's events as sent, for a key configuration that captures content (up to its cap).
    void capture(const QByteArray &events)
    {
        RequestContext &ctx = *m_ctx;
        if (!ctx.captureContent)
            return;
        qsizetype held = 0;
        for (const QByteArray &e : std::as_const(ctx.capturedEvents))
            held += e.size();
        const qint64 cap = ctx.configuration->capture.maxBodyBytes;
        if (held <= cap)
            ctx.capturedEvents.append(events.left(cap + 1 - held));
    }

    bool m_streamCounted = false;
    AttemptRunner *m_runner;
    std::shared_ptr<RequestContext> m_ctx;
    Done m_done;
    UpstreamCall *m_call = nullptr;
    PreparedAttempt m_attempt;
    bool m_waiting = false;
    bool m_ended = false;
    // The answer of the current attempt.
    int m_status = 0;
    bool m_streaming = false;
    HttpHeaders m_headers;
    QByteArray m_buffered;
    RelayChain m_chain;
    qint64 m_overheadNs = 0;
};

AttemptRunner::AttemptRunner(UpstreamTransport *transport, Router *router, Scheduler *scheduler,
                             QObject *parent)
    : QObject(parent), m_transport(transport), m_router(router), m_scheduler(scheduler)
{
}

void AttemptRunner::run(const std::shared_ptr<RequestContext> &ctx, Done done)
{
    auto *session = new Session(this, ctx, std::move(done));
    session->start();
}

} // namespace gatehouse
