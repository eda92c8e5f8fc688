#include "ProviderCredentials.h"

#include <QUrl>
#include <QUrlQuery>
#include <memory>

namespace gatehouse {

QString ProviderCredentials::takeFromUrl(const QString &url, QList<Entry> &taken)
{
    QUrl parsed(url);
    if (!parsed.hasQuery())
        return url;
    QUrlQuery query(parsed);
    bool changed = false;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (!Provider::isCredentialQueryItem(name))
            continue;
        taken.append({QStringLiteral("query"), name, value.toUtf8()});
        query.removeAllQueryItems(name);
        changed = true;
    }
    if (!changed)
        return url;
    parsed.setQuery(query.isEmpty() ? QString() : query.query(QUrl::FullyEncoded));
    return parsed.toString(QUrl::FullyEncoded);
}

void ProviderCredentials::recordNames(Provider &provider, const QList<Entry> &entries)
{
    for (const Entry &e : entries) {
        QStringList &names =
            e.kind == QLatin1String("header") ? provider.secretHeaders : provider.secretQueryItems;
        if (!names.contains(e.name, Qt::CaseInsensitive))
            names << e.name;
    }
}

void ProviderCredentials::store(SecretStore *secrets, const QString &instanceId,
                                const QString &providerId, const QList<Entry> &entries,
                                const SecretStore::Callback &done)
{
    QStringList names;
    QList<QByteArray> values;
    for (const Entry &e : entries) {
        names << SecretStore::providerSecretName(instanceId, providerId, e.kind, e.name);
        values << e.value;
    }
    writeInOrder(secrets, names, values, done);
}

void ProviderCredentials::writeInOrder(SecretStore *secrets, const QStringList &names,
                                       const QList<QByteArray> &values,
                                       const SecretStore::Callback &done)
{
    struct State
    {
        QStringList names;
        QList<QByteArray> values;
        int next = 0;
        std::function<void()> step;
    };
    auto state = std::make_shared<State>();
    state->names = names;
    state->values = values;
    state->step = [secrets, state, done] {
        if (state->next == state->names.size()) {
            // Clearing `step` ends the cycle state -> step -> state and destroys this very
            // closure, so nothing of it may be used afterwards.
            const SecretStore::Callback finished = done;
            state->step = nullptr;
            finished(SecretResult());
            return;
        }
        const int index = state->next++;
        secrets->write(state->names[index], state->values[index],
                       [secrets, state, done, index](const SecretResult &r) {
                           state->values[index].fill('\0');
                           if (r.ok()) {
                               state->step();
                               return;
                           }
                           for (int i = 0; i < index; ++i)
                               secrets->remove(state->names[i], [](const SecretResult &) {});
                           state->step = nullptr;
                           done(r);
                       });
    };
    state->step();
}

} // namespace gatehouse
