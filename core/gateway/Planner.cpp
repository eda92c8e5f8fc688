#include "Planner.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gatehouse {

std::variant<RoutePlan, ApiError> Planner::plan(RequestContext &ctx, Router &router)
{
    QStringList fallbacks;
    const QJsonValue models = ctx.request.body.value(QLatin1String("models"));
    if (models.isArray()) {
        for (const QJsonValue v : models.toArray()) {
            if (!v.isString())
                return ApiError::badRequest(
                    QCoreApplication::translate("Gateway",
                                                "\"models\" must be a list of model names."),
                    QStringLiteral("models"));
            fallbacks << v.toString();
        }
        QJsonObject body = ctx.request.body;
        body.remove(QLatin1String("models"));
        ctx.request.setBody(body);
    }
    return router.plan(ctx.request.model, fallbacks, *ctx.configuration, *ctx.snapshot);
}

} // namespace gatehouse
