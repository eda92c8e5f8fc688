#include "RequestRecorder.h"

#include "log/RequestLog.h"
#include "metrics/GatewayMetrics.h"

namespace gatehouse {

namespace {

QString capped(const QString &text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    return text.left(length - 1) + QChar(0x2026); // "…"
}

} // namespace

QString RequestRecorder::logError(const ApiError &error)
{
    const QString kind =
        error.code.isEmpty() ? QStringLiteral("http_%1").arg(error.status) : error.code;
    return capped(kind + QStringLiteral(": ") + error.message, maxErrorLength);
}

RequestLogEntry RequestRecorder::entryFor(const RequestContext &ctx, int status, qint64 totalMs)
{
    RequestLogEntry e = ctx.log;
    e.status = status;
    e.totalMs = totalMs;
    e.requestId = capped(e.requestId, maxNameLength);
    e.accessKey = capped(e.accessKey, maxNameLength);
    e.endpoint = capped(e.endpoint, maxNameLength);
    e.requestedModel = capped(e.requestedModel, maxNameLength);
    e.route = capped(e.route, maxNameLength);
    e.provider = capped(e.provider, maxNameLength);
    e.model = capped(e.model, maxNameLength);
    e.error = capped(e.error, maxErrorLength);
    e.attempts = capped(QString::fromUtf8(ctx.tried.join("; ")), maxAttemptsLength);
    const conversation::Usage &usage = ctx.usage;
    if (usage.known()) {
        e.inputTokens = usage.inputTokens;
        e.outputTokens = usage.outputTokens;
        e.cachedTokens = usage.cachedInputTokens;
        e.reasoningTokens = usage.reasoningTokens;
        if (ctx.log.attemptCount > 0 && !ctx.plan.targets.isEmpty()) {
            if (const CatalogModel *m = ctx.current().provider->catalogModel(e.model);
                m && m->hasPrice())
                e.cost = m->cost(std::max<qint64>(0, e.inputTokens),
                                 std::max<qint64>(0, e.outputTokens));
        }
    }
    return e;
}

void RequestRecorder::record(const RequestContext &ctx, int status)
{
    const RequestLogEntry e = entryFor(ctx, status, ctx.received.elapsed());
    if (ctx.usage.known() && m_limiter)
        m_limiter->addUsage(
            e.accessKey, std::max<qint64>(0, e.inputTokens) + std::max<qint64>(0, e.outputTokens),
            std::max(0.0, e.cost));
    if (m_metrics && ctx.endpoint)
        m_metrics->recordRequest(ctx.endpoint->logName, e, ctx.tried);
    if (m_log)
        m_log->append(e);
}

} // namespace gatehouse
