#pragma once

#include "RateLimiter.h"
#include "RequestContext.h"

namespace gatehouse {

class RequestLog;
class GatewayMetrics;

// What the finish stage keeps of a request: its request-log row, its metrics, and the tokens
// and money it used, counted towards its key's limits.
class RequestRecorder
{
public:
    RequestRecorder(RateLimiter *limiter, RequestLog *log) : m_limiter(limiter), m_log(log) {}
    void setLog(RequestLog *log) { m_log = log; }
    void setMetrics(GatewayMetrics *metrics) { m_metrics = metrics; }

    // The row for a request that ended with `status` (499: the client left).
    // Every text is capped, so that no request can make a row large.
    static RequestLogEntry entryFor(const RequestContext &ctx, int status, qint64 totalMs);
    // How an error is logged: its class (the error code, e.g. upstream_timeout) and
    // Gatehouse's own message, never words of the provider's.
    static QString logError(const ApiError &error);
    static constexpr qsizetype maxNameLength = 256; // models, routes, providers, keys
    static constexpr qsizetype maxErrorLength = 500;
    static constexpr qsizetype maxAttemptsLength = 1000;
    void record(const RequestContext &ctx, int status);

private:
    RateLimiter *m_limiter;
    RequestLog *m_log;
    GatewayMetrics *m_metrics = nullptr;
};

} // namespace gatehouse
