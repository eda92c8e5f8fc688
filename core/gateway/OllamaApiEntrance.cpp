// The keyless Ollama API listener's way into the gateway: the same request path as the main
// port, with the endpoint limited to Ollama's API and the access key replaced by the key
// configuration the listener's settings name.
#include "Gateway.h"
#include "http/HttpExchange.h"

namespace gatehouse {

namespace {

bool isOllamaApiPath(QByteArrayView path)
{
    return path.startsWith("/api/");
}

} // namespace

HttpHandler *Gateway::ollamaApiHandler()
{
    return &m_ollamaApi;
}

void Gateway::setOllamaApiPort(quint16 port)
{
    m_ollamaApiPort = port;
    m_ollamaApiGuard.reset();
    // Loopback only, whatever the main bind address: the Host check knows no other name.
    if (port != 0 && m_snapshot)
        m_ollamaApiGuard = std::make_unique<RequestGuard>(QStringLiteral("127.0.0.1"), port,
                                                          m_snapshot->settings.allowedOrigins);
}

std::shared_ptr<RequestContext> Gateway::admitKeyless(HttpExchange *exchange)
{
    auto ctx = std::make_shared<RequestContext>();
    ctx->exchange = exchange;
    ctx->received.start();
    ctx->startedMs = m_scheduler->nowMs();
    ctx->requestId = nextRequestId();
    ctx->shape = ApiShape::Ollama;
    const HttpRequest &request = exchange->request();
    if (!m_snapshot) {
        finishWithError(ctx, ApiError::serviceUnavailable(tr("The gateway is starting."),
                                                          QStringLiteral("starting")));
        return nullptr;
    }
    ctx->snapshot = m_snapshot;
    // A connection opened before the listener closed or moved is not served any more.
    if (!m_ollamaApiGuard || request.environment.localPort != m_ollamaApiPort) {
        finishWithError(ctx, ApiError::serviceUnavailable(
                                 tr("The Ollama API is not served on this port any more; see "
                                    "\"gatehouse ollama-api status\"."),
                                 QStringLiteral("ollama_api_closed")));
        return nullptr;
    }

    // Stage: guard, as on the main port
    if (auto error = m_ollamaApiGuard->check(request)) {
        finishWithError(ctx, *error);
        return nullptr;
    }
    ctx->corsOrigin = m_ollamaApiGuard->allowedOrigin(request);
    if (request.method == "OPTIONS") {
        handlePreflight(ctx);
        return nullptr;
    }
    // Ollama clients look for a server by asking for its root.
    if (request.path == "/" && (request.method == "GET" || request.method == "HEAD")) {
        exchange->respond(
            200,
            {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain; charset=utf-8")}},
            QByteArrayLiteral("Ollama is running"));
        finish(ctx, {200, std::nullopt});
        return nullptr;
    }

    // Stage: endpoint, Ollama's only
    if (!isOllamaApiPath(request.path)) {
        finishWithError(ctx, ApiError::notFound(
                                 tr("This port serves only Ollama's API (/api/…); the other APIs "
                                    "are on Gatehouse's main port, with an access key."),
                                 QStringLiteral("not_found")));
        return nullptr;
    }
    const auto match = m_endpoints.match(request.method, request.path);
    if (const auto *error = std::get_if<ApiError>(&match)) {
        finishWithError(ctx, *error);
        return nullptr;
    }
    const auto &found = std::get<EndpointTable::Match>(match);
    ctx->endpoint = found.spec;
    ctx->params = found.params;

    // Stage: authenticate, without a key: the listener's key configuration applies.
    const OllamaApiSettings &settings = m_snapshot->settings.ollamaApi;
    ctx->configuration = OllamaApiSettings::configurationIn(m_snapshot->keyConfigurations,
                                                            settings.keyConfiguration);
    if (!ctx->configuration) {
        finishWithError(ctx, ApiError::forbidden(
                                 tr("The Ollama API uses the key configuration \"%1\", which does "
                                    "not exist any more; pick another in Settings or with "
                                    "\"gatehouse ollama-api enable --key-config NAME\".")
                                     .arg(settings.keyConfiguration),
                                 QStringLiteral("key_configuration_missing")));
        return nullptr;
    }
    ctx->accessKey = OllamaApiSettings::keyName;
    return ctx;
}

void Gateway::OllamaApiEntrance::handleHead(HttpExchange *exchange)
{
    auto ctx = m_gateway->admitKeyless(exchange);
    if (!ctx)
        return;
    m_gateway->m_awaitingBody.insert(exchange, ctx);
    QObject::connect(exchange, &QObject::destroyed, m_gateway,
                     [gateway = m_gateway, exchange] { gateway->m_awaitingBody.remove(exchange); });
}

void Gateway::OllamaApiEntrance::handleRequest(HttpExchange *exchange)
{
    // A transport that does not report heads: admitted here, then served as on the main port.
    if (!m_gateway->m_awaitingBody.contains(exchange)) {
        auto ctx = m_gateway->admitKeyless(exchange);
        if (!ctx)
            return;
        m_gateway->m_awaitingBody.insert(exchange, ctx);
    }
    m_gateway->handleRequest(exchange);
}

void Gateway::OllamaApiEntrance::handleMalformedRequest(HttpExchange *exchange, int status,
                                                        const QString &message)
{
    auto ctx = std::make_shared<RequestContext>();
    ctx->exchange = exchange;
    ctx->received.start();
    ctx->requestId = m_gateway->nextRequestId();
    ctx->shape = ApiShape::Ollama;
    m_gateway->finishWithError(ctx, ApiError::fromTransport(status, message));
}

} // namespace gatehouse
