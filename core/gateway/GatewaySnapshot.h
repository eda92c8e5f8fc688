#pragma once

#include "catalog/Catalog.h"
#include "config/Config.h"
#include "surfaces/SurfaceAdapter.h"
#include "upstream/UpstreamRequest.h"

#include <QHash>
#include <QVector>
#include <memory>

namespace gatehouse {

// A provider as the gateway uses it: its settings, its keys, and where each of its API
// surfaces answers, worked out once per configuration rather than for every request.
struct RoutableProvider
{
    struct Endpoints
    {
        ApiSurface surface = ApiSurface::OpenAi;
        UpstreamEndpoint generate;    // chat/completions, messages, responses
        UpstreamEndpoint embeddings;  // invalid where the surface has none
        UpstreamEndpoint countTokens; // likewise
        UpstreamEndpoint models;
        UpstreamEndpoint complete; // a bare prompt (Ollama /api/generate); likewise
        const UpstreamEndpoint &forOperation(Operation operation) const;
    };

    Provider provider;
    QByteArray key;   // empty when the provider needs none
    QString keyError; // why a key that should be there could not be read
    // A credential header or query parameter kept in the keychain is not (yet) at hand:
    // then the provider is not called at all, rather than called without it.
    QString missingSecret;      // which one, as the user named it
    QString missingSecretError; // why it could not be read; empty while it is being loaded
    // Its labelled keys, so that access key configurations can bill different accounts.
    QHash<QString, QByteArray> labeledKeys;
    QHash<QString, QString> labeledKeyErrors;
    QList<Endpoints> endpoints;               // one per surface, in the provider's order
    HttpHeaders commonHeaders;                // content type, user agent, extra headers
    const CatalogProvider *catalog = nullptr; // what the catalog knows of it, if anything

    const Endpoints *endpointsFor(ApiSurface surface) const;
    const Endpoints &primaryEndpoints() const { return endpoints.first(); }
    const CatalogModel *catalogModel(const QString &model) const
    {
        return catalog ? catalog->model(model) : nullptr;
    }
    // Everything a request on `surface` carries: common headers, the key's credentials, and
    // the surface's own headers (taking a same-surface client's into account).
    HttpHeaders headersFor(ApiSurface surface, const QByteArray &key,
                           const HttpRequest *client = nullptr) const;
    // A request for this provider's model list, with its main key.
    UpstreamRequest modelListRequest() const;
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
