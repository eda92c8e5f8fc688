#include "ConfigEditor.h"

#include "secrets/SecretStore.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gatehouse::ConfigEditor", text);
}

QString storedName(const QString &configuration)
{
    return configuration == KeyConfiguration::defaultName ? QString() : configuration;
}

} // namespace

Result<QStringList> ConfigEditor::removeProvider(Config &config, const QString &id)
{
    const Provider *p = config.findProvider(id);
    if (!p)
        return Result<QStringList>::failure(tr("There is no provider \"%1\".").arg(id));
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

Result<QString> ConfigEditor::createAccessKey(Config &config, const QString &name,
                                              const QString &configuration,
                                              const RandomSource &random, const QDateTime &now)
{
    if (auto s = AccessKeys::validateName(name); !s)
        return Result<QString>::failure(s.error());
    if (name == OllamaApiSettings::keyName) // its log rows and limits would be shared
        return Result<QString>::failure(
            tr("The name \"%1\" is the keyless Ollama API's; pick another name.").arg(name));
    const QString stored = storedName(configuration);
    if (!stored.isEmpty() && !config.findKeyConfiguration(stored))
        return Result<QString>::failure(
            tr("There is no key configuration \"%1\"; create it first.").arg(stored));
    if (const AccessKeyRecord *existing = config.findAccessKey(name);
        existing && existing->isActive())
        return Result<QString>::failure(
            tr("An access key named \"%1\" already exists; revoke it first or pick another name.")
                .arg(name));
    config.accessKeys.removeIf([&name](const AccessKeyRecord &k) { return k.name == name; });
    AccessKeys::Created created = AccessKeys::create(name, random, now);
    created.record.configuration = stored;
    config.accessKeys.append(created.record);
    return created.key;
}

Status ConfigEditor::revokeAccessKey(Config &config, const QString &name, const QDateTime &now)
{
    AccessKeyRecord *k = config.findAccessKey(name);
    if (!k)
        return Status::failure(tr("There is no access key \"%1\".").arg(name));
    if (!k->isActive())
        return Status::failure(tr("Access key \"%1\" is already revoked.").arg(name));
    k->revoked = now;
    return {};
}

Status ConfigEditor::assignKeyConfiguration(Config &config, const QString &key,
                                            const QString &configuration)
{
    AccessKeyRecord *k = config.findAccessKey(key);
    if (!k)
        return Status::failure(tr("There is no access key \"%1\".").arg(key));
    const QString stored = storedName(configuration);
    if (!stored.isEmpty() && !config.findKeyConfiguration(stored))
        return Status::failure(tr("There is no key configuration \"%1\".").arg(stored));
    k->configuration = stored;
    return {};
}

Result<bool> ConfigEditor::putKeyConfiguration(Config &config, const QString &previous,
                                               KeyConfiguration configuration)
{
    if (auto s = configuration.validate(); !s)
        return Result<bool>::failure(s.error());
    for (auto it = configuration.providerKeys.constBegin();
         it != configuration.providerKeys.constEnd(); ++it) {
        const Provider *p = config.findProvider(it.key());
        if (!p)
            return Result<bool>::failure(
                tr("Key configuration \"%1\": there is no provider \"%2\".")
                    .arg(configuration.name, it.key()));
        if (!it.value().isEmpty() && !p->keyLabels.contains(it.value()))
            return Result<bool>::failure(
                tr("Provider \"%1\" has no key \"%2\"; store it first.").arg(it.key(), it.value()));
    }
    const QString name = configuration.name;
    if (name != previous && config.findKeyConfiguration(name))
        return Result<bool>::failure(
            tr("A key configuration named \"%1\" exists already; pick another name.").arg(name));
    KeyConfiguration *existing =
        previous.isEmpty() ? nullptr : config.findKeyConfiguration(previous);
    if (!existing) {
        config.keyConfigurations.append(std::move(configuration));
        return false;
    }
    // What the caller did not know of stays as it was.
    if (configuration.otherFields.isEmpty())
        configuration.otherFields = existing->otherFields;
    for (RouteRule &r : configuration.routes) {
        if (const RouteRule *old = findRouteIn(existing->routes, r.name);
            old && r.otherFields.isEmpty())
            r.otherFields = old->otherFields;
    }
    *existing = std::move(configuration);
    if (name != previous) { // keys that used the old name follow the rename, as does the
                            // keyless Ollama API
        for (AccessKeyRecord &a : config.accessKeys) {
            if (a.configuration == previous)
                a.configuration = name;
        }
        if (config.gateway.ollamaApi.keyConfiguration == previous)
            config.gateway.ollamaApi.keyConfiguration = name;
    }
    return true;
}

Status ConfigEditor::removeKeyConfiguration(Config &config, const QString &name)
{
    if (!config.findKeyConfiguration(name))
        return Status::failure(tr("There is no key configuration \"%1\".").arg(name));
    QStringList users;
    for (const AccessKeyRecord &a : config.accessKeys) {
        if (a.configuration == name)
            users << a.name;
    }
    if (config.gateway.ollamaApi.keyConfiguration == name)
        users << OllamaApiSettings::keyName.toString();
    if (!users.isEmpty())
        return Status::failure(tr("Key configuration \"%1\" is used by %2; give those keys "
                                  "another configuration first.")
                                   .arg(name, users.join(QLatin1String(", "))));
    config.keyConfigurations.removeIf(
        [&name](const KeyConfiguration &c) { return c.name == name; });
    return {};
}

} // namespace gatehouse
