#pragma once

#include "config/Config.h"
#include "secrets/SecretStore.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>
#include <functional>

namespace gatehouse {

// A provider key found in an imported file: written there, or in an environment variable
// the file names. It goes to the keychain, never into the config file.
struct ImportedKey
{
    QString providerId;
    QByteArray value;
    QString origin; // "the file", or "$OPENAI_API_KEY"
};

// What an import would add, shown before anything changes (the command line's --dry-run,
// the window's preview) and then applied under the config lock.
struct MigrationPlan
{
    QList<Provider> providers; // hasKey is set for those with a key in `keys`
    // Providers of the config at the same address as one in the file: used as they are, with
    // the file's models added to those they list.
    QHash<QString, QStringList> existingProviderModels;
    QList<RouteRule> routes; // for all keys
    QList<ImportedKey> keys;
    // Providers whose key is needed but was not found, one readable line each, with the
    // command that sets it.
    QStringList missingKeys;
    // Everything in the file that has no place in Gatehouse, one readable line each.
    QStringList notImported;

    bool isEmpty() const
    {
        for (const QStringList &models : existingProviderModels) {
            if (!models.isEmpty())
                return false;
        }
        return providers.isEmpty() && routes.isEmpty();
    }
    // The plan as lines a person reads: providers, models, routes, keys, and what is left out.
    QString describe() const;

    // Adds the plan's providers and routes to `config` (inside ConfigStore::update). Refuses,
    // changing nothing that is saved, when an id or route name was taken since the plan was
    // made.
    Status applyTo(Config &config) const;
    // Writes the keys to the keychain one after another. `done` reports once: success, or the
    // first failure after removing the keys already written.
    void storeKeys(SecretStore *secrets, const QString &instanceId,
                   const SecretStore::Callback &done) const;
};

// Reads environment variables named by an imported file; a seam for tests.
using EnvironmentLookup = std::function<QByteArray(const QString &name)>;
EnvironmentLookup processEnvironment();

// Collects a plan while an importer reads a file: providers made once per distinct endpoint
// and key, ids made valid and unique (against the config too), the URL rule applied.
class PlanBuilder
{
public:
    // How the file gives a provider's key.
    struct KeySource
    {
        QByteArray literal;
        QString environmentName;
        bool isEmpty() const { return literal.isEmpty() && environmentName.isEmpty(); }
    };

    PlanBuilder(const Config &existing, EnvironmentLookup environment);

    // The id of a provider for these surfaces, base URL and key: one made before for the
    // same, else a new one named after `wantedId`. Empty when the URL is refused (reported,
    // with `where` naming the place in the file). `needsKey`: report a missing key.
    QString provider(const QString &wantedId, const QList<ApiSurface> &surfaces,
                     const QString &baseUrl, const KeySource &key, bool needsKey,
                     const QString &where);
    void addModel(const QString &providerId, const QString &model);
    // Adds a route under a valid name not used yet; gives that name, or empty when the rule
    // has no candidates left (reported).
    QString addRoute(RouteRule rule, const QString &where);
    void note(const QString &line) { m_plan.notImported << line; }

    MigrationPlan take() { return std::move(m_plan); }

    // "My Provider" -> "my-provider": a valid id or route name made from any text.
    static QString cleanId(const QString &text, const QString &fallback);

private:
    Provider *findInPlan(const QString &id);

    const Config &m_existing;
    EnvironmentLookup m_environment;
    MigrationPlan m_plan;
    QHash<QString, QString> m_bySignature; // surfaces|url|key -> provider id
};

} // namespace gatehouse
