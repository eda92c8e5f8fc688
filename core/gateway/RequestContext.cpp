#include "RequestContext.h"

#include "CorsPolicy.h"
#include "http/HttpExchange.h"

namespace gatehouse {

bool RequestContext::clientGone() const
{
    return !exchange || !exchange->isClientConnected();
}

HttpHeaders baseHeaders(const RequestContext &ctx)
{
    HttpHeaders headers;
    headers.reserve(12);
    headers.append({QByteArrayLiteral("x-request-id"), ctx.requestId});
    if (!ctx.corsOrigin.isEmpty()) {
        headers.append({QByteArrayLiteral("access-control-allow-origin"), ctx.corsOrigin});
        headers.append({QByteArrayLiteral("vary"), QByteArrayLiteral("Origin")});
        headers.append({QByteArrayLiteral("access-control-expose-headers"),
                        CorsPolicy::exposedResponseHeaders()});
    }
    return headers;
}

HttpHeaders routingHeaders(const RequestContext &ctx)
{
    HttpHeaders headers;
    if (ctx.log.attemptCount > 0) {
        const RouteTarget &target = ctx.current();
        headers.append(
            {QByteArrayLiteral("x-gatehouse-provider"), target.provider->provider.id.toUtf8()});
        headers.append({QByteArrayLiteral("x-gatehouse-model"), target.upstreamModel.toUtf8()});
    }
    if (!ctx.plan.rule.isEmpty())
        headers.append({QByteArrayLiteral("x-gatehouse-route"), ctx.plan.rule.toUtf8()});
    if (!ctx.tried.isEmpty()) {
        headers.append(
            {QByteArrayLiteral("x-gatehouse-attempts"), QByteArray::number(ctx.log.attemptCount)});
        headers.append({QByteArrayLiteral("x-gatehouse-tried"), ctx.tried.join("; ")});
    }
    return headers;
}

} // namespace gatehouse
