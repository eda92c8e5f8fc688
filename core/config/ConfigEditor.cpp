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

} // namespace gatehouse
