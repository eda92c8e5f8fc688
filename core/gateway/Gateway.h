#pragma once

#include "ApiError.h"
#include "GatewaySnapshot.h"
#include "RateLimiter.h"
#include "RequestGuard.h"
#include "Router.h"
#include "http/HttpHandler.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <memory>

namespace gatehouse {

class HttpExchange;
class ModelDiscovery;
class UpstreamClient;
class RequestLog;

// The gateway's request path: guard → route → authenticate → parse → resolve → forward → relay.
// Each stage is its own class; this one runs them in order and turns every ApiError into
// a response in exactly one place (respondError).
class Gateway : public QObject, public HttpHandler
{
    Q_OBJECT
public:
    explicit Gateway(QObject *parent = nullptr);
    ~Gateway() override;

    void setSnapshot(GatewaySnapshotPtr snapshot, quint16 port);
    // Where finished requests are recorded (may be null); limits start from what it holds.
    void setRequestLog(RequestLog *log);
    const GatewaySnapshotPtr &snapshot() const { return m_snapshot; }

    void handleRequest(HttpExchange *exchange) override;
    void handleMalformedRequest(HttpExchange *exchange, int status,
                                const QString &message) override;

signals:
    void requestFinished(int status);
    void accessKeyUsed(const QString &name);

private:
    struct Context;
    struct Job;
    enum class Endpoint
    {
        ChatCompletions,
        Embeddings,
        Messages,
        CountTokens,
        Models
    };
    struct Route
    {
        const char *path;
        const char *method;
        Endpoint endpoint;
        ApiSurface surface; // the provider surface this endpoint forwards to unchanged
    };
    static const Route *findRoute(const QByteArray &path);
    static ApiError surfaceMismatch(const Route &route, const Provider &provider);
    void forward(HttpExchange *exchange, const Context &ctx, const Route &route);
    void attempt(const std::shared_ptr<Job> &job);
    void finish(const std::shared_ptr<Job> &job, const ApiError &error);
    void logFinished(const std::shared_ptr<Job> &job, int status);
    HttpHeaders routingHeaders(const Job &job) const;
    void respondError(HttpExchange *exchange, const Context &ctx, const ApiError &error);
    void respondJson(HttpExchange *exchange, const Context &ctx, int status,
                     const QByteArray &body);
    void handleModels(HttpExchange *exchange, const Context &ctx);
    void handlePreflight(HttpExchange *exchange, const Context &ctx);
    HttpHeaders baseHeaders(const Context &ctx) const;
    QByteArray nextRequestId();
    void noteAccessKeyUse(const QString &name);

    GatewaySnapshotPtr m_snapshot;
    std::unique_ptr<RequestGuard> m_guard;
    UpstreamClient *m_upstream;
    ModelDiscovery *m_discovery;
    QByteArray m_requestIdPrefix;
    quint64 m_requestCounter = 0;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_keyUseReported; // when each key's use was last reported
    Router m_router;
    RateLimiter m_limiter;
    RequestLog *m_log = nullptr;
};

} // namespace gatehouse
