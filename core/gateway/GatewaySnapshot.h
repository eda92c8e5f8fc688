#pragma once

#include "UpstreamCall.h"
#include "catalog/Catalog.h"
#include "config/Config.h"

#include <QHash>
#include <QVector>
#include <memory>

namespace gatehouse {

// A provider as the gateway uses it: its settings and, if it has one, its key.
struct RoutableProvider
{
    Provider provider;
    QByteArray key;   // empty when the provider needs none
    QString keyError; // why a key that should be there could not be read
    // Worked out once per configuration: where chat completions go, and the headers
    // every request to this provider carries (content type, credentials, extra headers).
    UpstreamEndpoint chatEndpoint;        // openai: POST chat/completions
    UpstreamEndpoint embeddingsEndpoint;  // openai: POST embeddings
    UpstreamEndpoint messagesEndpoint;    // anthropic: POST v1/messages
    UpstreamEndpoint countTokensEndpoint; // anthropic: POST v1/messages/count_tokens
    UpstreamEndpoint modelsEndpoint;      // GET models
    HttpHeaders upstreamHeaders;
    // The same headers with one of the provider's labelled keys instead of its main key.
    QHash<QString, HttpHeaders> labeledHeaders;
    QHash<QString, QString> labeledKeyErrors;
    const CatalogProvider *catalog = nullptr; // what the catalog knows of it, if anything

    const CatalogModel *catalogModel(const QString &model) const
    {
        return catalog ? catalog->model(model) : nullptr;
    }
};

struct AccessKeyEntry
{
    QString name;
    QByteArray hash;
    int configuration = -1; // index into keyConfigurations; -1: everything allowed
};

// Immutable view of the configuration the gateway serves with. A new one replaces the
// old one as a whole, so a request never sees half of an update.
struct GatewaySnapshot
{
    GatewaySettings settings;
    QVector<RoutableProvider> providers; // in config order, which is the priority order
    QHash<QString, int> providerIndex;
    QVector<AccessKeyEntry> accessKeys; // active keys only
    QVector<KeyConfiguration> keyConfigurations;
    QList<RouteRule> routes;
    QHash<QString, int> routeIndex;
    CatalogPtr catalog; // never null after build()

    const RouteRule *route(const QString &name) const
    {
        const auto it = routeIndex.constFind(name);
        return it == routeIndex.constEnd() ? nullptr : &routes[*it];
    }
    const KeyConfiguration &configurationOf(const AccessKeyEntry &key) const;
    const AccessKeyEntry *accessKey(const QString &name) const;

    const RoutableProvider *provider(const QString &id) const
    {
        const auto it = providerIndex.constFind(id);
        return it == providerIndex.constEnd() ? nullptr : &providers[*it];
    }

    // Builds the snapshot from a config and the provider keys read from the SecretStore.
    // Keys are named as SecretStore::providerKeyId() names them ("openai", "openai#work").
    static std::shared_ptr<const GatewaySnapshot> build(const Config &config,
                                                        const QHash<QString, QByteArray> &keys,
                                                        const QHash<QString, QString> &keyErrors,
                                                        CatalogPtr catalog = nullptr);
};

using GatewaySnapshotPtr = std::shared_ptr<const GatewaySnapshot>;

} // namespace gatehouse
