#include "ModelResolver.h"

#include "config/ModelReference.h"
#include "util/TextMatch.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ModelResolver", text);
}

QString suggestion(const QStringList &matches)
{
    if (matches.isEmpty())
        return {};
    return QLatin1Char(' ') + tr("Did you mean: %1?").arg(matches.join(QLatin1String(", ")));
}

} // namespace

QStringList ModelResolver::knownModels(const GatewaySnapshot &snapshot)
{
    QStringList out;
    for (const RoutableProvider &rp : snapshot.providers) {
        if (!rp.provider.enabled)
            continue;
        for (const QString &m : rp.provider.models)
            out << rp.provider.id + QLatin1Char(':') + m;
    }
    return out;
}

bool ModelResolver::lists(const RoutableProvider &rp, const QString &model)
{
    if (!rp.provider.models.isEmpty())
        return rp.provider.models.contains(model);
    return rp.catalogModel(model) != nullptr;
}

std::optional<ApiError> ModelResolver::checkLength(const QString &requested)
{
    if (requested.size() <= maxModelNameLength)
        return std::nullopt;
    return ApiError::badRequest(
        tr("The model name is %1 characters long; model names have at most %2.")
            .arg(requested.size())
            .arg(maxModelNameLength),
        QStringLiteral("model"), QStringLiteral("invalid_model"));
}

std::variant<QList<ResolvedModel>, ApiError>
ModelResolver::resolveAll(const QString &requested, const GatewaySnapshot &snapshot)
{
    if (auto tooLong = checkLength(requested))
        return *tooLong;
    const auto ref = ModelReference::parse(requested);
    if (!ref)
        return ApiError::badRequest(ref.error(), QStringLiteral("model"),
                                    QStringLiteral("invalid_model"));

    if (!ref->hasProvider()) {
        QList<ResolvedModel> all;
        for (const RoutableProvider &rp : snapshot.providers) {
            if (rp.provider.enabled && lists(rp, ref->model))
                all.append(ResolvedModel{&rp, ref->model});
        }
        if (!all.isEmpty())
            return all;
        return ApiError::notFound(
            tr("No provider offers a model named \"%1\". Name models as "
               "provider:model.%2")
                .arg(requested, suggestion(closeMatches(requested, knownModels(snapshot)))),
            QStringLiteral("model_not_found"));
    }

    const RoutableProvider *rp = snapshot.provider(ref->provider);
    if (!rp) {
        QStringList ids;
        for (const RoutableProvider &p : snapshot.providers)
            ids << p.provider.id;
        QStringList matches = closeMatches(ref->provider, ids);
        for (QString &m : matches)
            m += QLatin1Char(':') + ref->model;
        return ApiError::notFound(
            tr("There is no provider \"%1\".%2").arg(ref->provider, suggestion(matches)),
            QStringLiteral("provider_not_found"));
    }
    if (!rp->provider.enabled)
        return ApiError::forbidden(tr("Provider \"%1\" is disabled.").arg(ref->provider),
                                   QStringLiteral("provider_disabled"));
    // A provider with no model list passes any model name through.
    if (!rp->provider.models.isEmpty() && !rp->provider.models.contains(ref->model)) {
        QStringList own;
        for (const QString &m : rp->provider.models)
            own << rp->provider.id + QLatin1Char(':') + m;
        return ApiError::notFound(
            tr("Provider \"%1\" has no model \"%2\".%3")
                .arg(ref->provider, ref->model, suggestion(closeMatches(requested, own))),
            QStringLiteral("model_not_found"));
    }
    return QList<ResolvedModel>{ResolvedModel{rp, ref->model}};
}

} // namespace gatehouse
