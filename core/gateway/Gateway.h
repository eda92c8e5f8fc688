#pragma once

#include "ApiError.h"
#include "AttemptRunner.h"
#include "EndpointTable.h"
#include "GatewaySnapshot.h"
#include "RateLimiter.h"
#include "RequestContext.h"
#include "RequestGuard.h"
#include "RequestRecorder.h"
#include "Router.h"
#include "http/HttpHandler.h"
#include "log/ResponseStore.h"
#include "util/Scheduler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace gatehouse {

class HttpExchange;
class ModelDiscovery;
class UpstreamClient;
class RequestLog;
class CaptureStore;
class GatewayMetrics;

// The gateway's request path, a chain of stages:
//   guard (Host, Origin) → endpoint (a registered spec) → authenticate → parse → plan →
//   limits → attempts (AttemptRunner: upstream calls and the relay filter chain) → finish.
// Each stage is its own class with its own test; this one runs them in order. Every exit,
// errors, answers and clients that leave (499) alike, goes through finish(), which answers
// errors in the caller's API shape, writes the request-log row and counts usage.
class Gateway : public QObject, public HttpHandler
{
    Q_OBJECT
public:
    // What tests replace: the upstream transport and the clock. Null: the real ones.
    struct Seams
    {
        UpstreamTransport *transport = nullptr;
        Scheduler *scheduler = nullptr;
    };
    explicit Gateway(QObject *parent = nullptr);
    Gateway(Seams seams, QObject *parent = nullptr);
    ~Gateway() override;

    void setSnapshot(GatewaySnapshotPtr snapshot, quint16 port);
    // Where finished requests are recorded (may be null); limits start from what it holds.
    void setRequestLog(RequestLog *log);
    // Where Responses API answers are kept (may be null: then in memory, for this run only).
    void setResponseStore(ResponseStore *store);
    const GatewaySnapshotPtr &snapshot() const { return m_snapshot; }
    // Where finished requests are counted for GET /metrics (may be null: not counted, and
    // /metrics answers 404).
    void setMetrics(GatewayMetrics *metrics);
    // Where the bodies of key configurations that capture content go (may be null: none kept).
    void setCaptureStore(CaptureStore *store) { m_captures = store; }
    // Whether routing leaves a provider out for now, after repeated failures.
    bool isCoolingOff(const QString &provider) const { return m_router.isCooling(provider); }
    // The providers routing leaves out for now, and until when (ms since 1970, UTC).
    QHash<QString, qint64> coolingOff() const;

    // The keyless Ollama API listener's way in (OllamaApiEntrance.cpp): only Ollama's API,
    // without an access key, under the key configuration its settings name, logged as
    // "ollama-api". Requests reach it only on `port` (0: closed).
    HttpHandler *ollamaApiHandler();
    void setOllamaApiPort(quint16 port);

    void handleHead(HttpExchange *exchange) override;
    void handleRequest(HttpExchange *exchange) override;
    void handleMalformedRequest(HttpExchange *exchange, int status,
                                const QString &message) override;

    // ---- endpoint handlers, named by the endpoint specs (Endpoints.cpp)
    void serveModelCall(const std::shared_ptr<RequestContext> &ctx);
    void serveHealth(const std::shared_ptr<RequestContext> &ctx);
    void serveMetrics(const std::shared_ptr<RequestContext> &ctx);
    void serveModelList(const std::shared_ptr<RequestContext> &ctx);
    void serveStoredResponse(const std::shared_ptr<RequestContext> &ctx);
    void deleteStoredResponse(const std::shared_ptr<RequestContext> &ctx);
    void serveStoredInputItems(const std::shared_ptr<RequestContext> &ctx);
    std::optional<ApiError> continueStoredResponse(RequestContext &ctx);
    void storeResponse(const RequestContext &ctx, const QJsonObject &response);
    // Ollama's native API (OllamaEndpoints.cpp)
    void serveOllamaVersion(const std::shared_ptr<RequestContext> &ctx);
    void serveOllamaTags(const std::shared_ptr<RequestContext> &ctx);
    void serveOllamaShow(const std::shared_ptr<RequestContext> &ctx);
    void serveOllamaPs(const std::shared_ptr<RequestContext> &ctx);
    std::optional<ApiError> prepareGeminiCall(RequestContext &ctx);
    std::optional<ApiError> prepareGeminiStream(RequestContext &ctx);
    void serveGeminiModelList(const std::shared_ptr<RequestContext> &ctx);
    void serveGeminiModel(const std::shared_ptr<RequestContext> &ctx);
    void serveUnknownGeminiMethod(const std::shared_ptr<RequestContext> &ctx);

signals:
    void requestFinished(int status);
    void accessKeyUsed(const QString &name);

private:
    // Guard, endpoint and authenticate: what is decided from the headers alone. Null when the
    // request was answered (refused, or a preflight).
    std::shared_ptr<RequestContext> admitHead(HttpExchange *exchange);
    // The same for the keyless Ollama API listener.
    std::shared_ptr<RequestContext> admitKeyless(HttpExchange *exchange);
    void finish(const std::shared_ptr<RequestContext> &ctx, const AttemptRunner::Outcome &outcome);
    void finishWithError(const std::shared_ptr<RequestContext> &ctx, const ApiError &error);
    void respondJson(const std::shared_ptr<RequestContext> &ctx, int status,
                     const QByteArray &body);
    void respondError(HttpExchange *exchange, const RequestContext &ctx, const ApiError &error);
    void handlePreflight(const std::shared_ptr<RequestContext> &ctx);
    std::optional<ResponseStore::Entry> storedResponse(const RequestContext &ctx) const;
    // Every model the request's key may use, aliases first, as OpenAI list entries.
    void collectModels(const std::shared_ptr<RequestContext> &ctx,
                       const std::function<void(const QJsonArray &)> &done);
    QByteArray nextRequestId();
    void noteAccessKeyUse(const QString &name);
    // Keeps the bodies of a request whose key configuration captures content.
    void captureContent(const RequestContext &ctx);

    const EndpointTable &m_endpoints;
    GatewaySnapshotPtr m_snapshot;
    std::unique_ptr<RequestGuard> m_guard;
    std::unique_ptr<Scheduler> m_ownScheduler;
    Scheduler *m_scheduler;
    UpstreamClient *m_upstream = nullptr; // when no transport was given
    UpstreamTransport *m_transport;
    ModelDiscovery *m_discovery;
    Router m_router;
    RateLimiter m_limiter;
    RequestRecorder m_recorder;
    QPointer<RequestLog> m_requestLog;
    GatewayMetrics *m_metrics = nullptr;
    CaptureStore *m_captures = nullptr;
    QString m_usageReadError; // the log could not be read at start: limits began at zero
    AttemptRunner *m_attempts;
    std::unique_ptr<ResponseStore> m_ownResponses;
    ResponseStore *m_responses;
    QByteArray m_requestIdPrefix;
    quint64 m_requestCounter = 0;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_keyUseReported; // when each key's use was last reported
    // Requests admitted on their headers whose bodies are still arriving.
    QHash<const HttpExchange *, std::shared_ptr<RequestContext>> m_awaitingBody;
    // When each provider:model last answered (scheduler time), for Ollama's /api/ps.
    QHash<QString, qint64> m_recentModels;
    // The keyless Ollama API listener's handler (OllamaApiEntrance.cpp).
    class OllamaApiEntrance : public HttpHandler
    {
    public:
        explicit OllamaApiEntrance(Gateway *gateway) : m_gateway(gateway) {}
        void handleHead(HttpExchange *exchange) override;
        void handleRequest(HttpExchange *exchange) override;
        void handleMalformedRequest(HttpExchange *exchange, int status,
                                    const QString &message) override;

    private:
        Gateway *m_gateway;
    };
    OllamaApiEntrance m_ollamaApi{this};
    std::unique_ptr<RequestGuard> m_ollamaApiGuard;
    quint16 m_ollamaApiPort = 0;
};

} // namespace gatehouse
