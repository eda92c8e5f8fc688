#pragma once

#include "Provider.h"
#include "secrets/SecretStore.h"

#include <QList>

namespace gatehouse {

// Credentials given with a provider's settings (a credential header, ?key= in the URL),
// moved to the SecretStore so that the config file never holds them. The command line and
// the window use the same rules.
class ProviderCredentials
{
public:
    struct Entry
    {
        QString kind; // "header" or "query"
        QString name;
        QByteArray value;
    };

    // Takes credential parameters (key=, api_key=, access_token=, …) out of a base URL:
    // returns the URL without them and adds them to `taken`.
    static QString takeFromUrl(const QString &url, QList<Entry> &taken);
    // Records the names of `entries` on the provider (values stay out of it).
    static void recordNames(Provider &provider, const QList<Entry> &entries);
    // Writes the entries to the keychain one after another. `done` reports once: success,
    // or the first failure, after removing the entries already written.
    static void store(SecretStore *secrets, const QString &instanceId, const QString &providerId,
                      const QList<Entry> &entries, const SecretStore::Callback &done);
    // Writes values[i] under names[i], one after another, the same way: `done` reports once,
    // success or the first failure after removing what was written. The values are wiped
    // from memory as they are written.
    static void writeInOrder(SecretStore *secrets, const QStringList &names,
                             const QList<QByteArray> &values, const SecretStore::Callback &done);
};

} // namespace gatehouse
