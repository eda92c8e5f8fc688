#include "RequestRecorder.h"

#include "log/RequestLog.h"

namespace gatehouse {

RequestLogEntry RequestRecorder::entryFor(const RequestContext &ctx, int status, qint64 totalMs)
{
    RequestLogEntry e = ctx.log;
    e.status = status;
    e.totalMs = totalMs;
    e.attempts = QString::fromUtf8(ctx.tried.join("; "));
    const conversation::Usage &usage = ctx.usage;
    if (usage.known()) {
        e.inputTokens = usage.inputTokens;
        e.outputTokens = usage.outputTokens;
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
    if (m_log)
        m_log->append(e);
}

} // namespace gatehouse
