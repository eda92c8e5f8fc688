#include "ConfigEditor.h"

#include "secrets/SecretStore.h"

#include <QCoreApplication>

namespace gatehouse {

Result<QStringList> ConfigEditor::removeProvider(Config &config, const QString &id)
{
    const Provider *p = config.findProvider(id);
    if (!p)
        return Result<QStringList>::failure(
            QCoreApplication::translate("gatehouse::ConfigEditor", "There is no provider \"%1\".")
                .arg(id));
    QStringList entries;
    if (p->hasKey)
        entries << SecretStore::providerKeyName(config.instanceId, id);
    for (const QString &label : p->keyLabels)
        entries << SecretStore::providerKeyName(config.instanceId, id, label);
    for (const QString &h : p->secretHeaders)
        entries << SecretStore::providerSecretName(config.instanceId, id, QStringLiteral("header"),
                                                   h);
    for (const QString &q : p->secretQueryItems)
        entries << SecretStore::providerSecretName(config.instanceId, id, QStringLiteral("query"),
                                                   q);
    config.providers.removeIf([&id](const Provider &x) { return x.id == id; });
    for (KeyConfiguration &k : config.keyConfigurations)
        k.providerKeys.remove(id);
    return entries;
}

Result<bool> ConfigEditor::putRoute(Config &config, const QString &scope, const QString &previous,
                                    RouteRule rule)
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("gatehouse::ConfigEditor", text);
    };
    QList<RouteRule> *routes = config.routesOf(scope);
    if (!routes)
        return Result<bool>::failure(tr("There is no key configuration \"%1\".").arg(scope));
    for (const RouteCandidate &c : rule.candidates) {
        const QString provider = c.model.section(QLatin1Char(':'), 0, 0);
        if (!config.findProvider(provider))
            return Result<bool>::failure(
                tr("Route \"%1\": there is no provider \"%2\" (in \"%3\").")
                    .arg(rule.name, provider, c.model));
    }
    if (rule.name != previous && findRouteIn(*routes, rule.name))
        return Result<bool>::failure(
            tr("A route named \"%1\" exists already; pick another name.").arg(rule.name));
    for (RouteRule &r : *routes) {
        if (previous.isEmpty() || r.name != previous)
            continue;
        if (rule.otherFields.isEmpty())
            rule.otherFields = r.otherFields;
        r = std::move(rule);
        return true;
    }
    routes->append(std::move(rule));
    return false;
}

} // namespace gatehouse
