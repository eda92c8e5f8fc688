#include "GatewaySnapshot.h"

#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QUrl>

namespace gatehouse {

std::shared_ptr<const GatewaySnapshot>
GatewaySnapshot::build(const Config &config, const QHash<QString, QByteArray> &keys,
                       const QHash<QString, QString> &keyErrors, CatalogPtr catalog)
{
    auto s = std::make_shared<GatewaySnapshot>();
    s->settings = config.gateway;
    s->catalog = catalog ? std::move(catalog) : std::make_shared<const Catalog>(Catalog::builtIn());
    const QByteArray userAgent = "Gatehouse/" + QCoreApplication::applicationVersion().toLatin1();
    for (const Provider &p : config.providers) {
        s->providerIndex.insert(p.id, static_cast<int>(s->providers.size()));
        RoutableProvider rp;
        rp.provider = p;
        rp.key = keys.value(p.id);
        rp.keyError = keyErrors.value(p.id);
        HttpHeaders secretHeaders;
        for (const QString &name : p.secretHeaders) {
            const QString id = SecretStore::providerSecretId(p.id, QStringLiteral("header"), name);
            if (keys.contains(id)) {
                secretHeaders.append({name.toLatin1(), keys.value(id)});
            } else if (rp.missingSecret.isEmpty()) {
                rp.missingSecret = QStringLiteral("header %1").arg(name);
                rp.missingSecretError = keyErrors.value(id);
            }
        }
        QByteArray secretQuery;
        for (const QString &name : p.secretQueryItems) {
            const QString id = SecretStore::providerSecretId(p.id, QStringLiteral("query"), name);
            if (!keys.contains(id)) {
                if (rp.missingSecret.isEmpty()) {
                    rp.missingSecret = QStringLiteral("query parameter %1").arg(name);
                    rp.missingSecretError = keyErrors.value(id);
                }
                continue;
            }
            if (!secretQuery.isEmpty())
                secretQuery += '&';
            secretQuery += QUrl::toPercentEncoding(name) + '=' +
                           QUrl::toPercentEncoding(QString::fromUtf8(keys.value(id)));
        }
        for (const ApiSurface surface : p.surfaces) {
            const SurfaceAdapter &adapter = surfaceAdapter(surface);
            RoutableProvider::Endpoints e;
            e.surface = surface;
            auto at = [&](Operation operation) {
                const QUrl url = adapter.url(p.baseUrl, operation);
                if (!url.isValid())
                    return UpstreamEndpoint();
                UpstreamEndpoint endpoint = UpstreamEndpoint::fromUrl(url);
                // Credentials in the query go on the request line only, never into the
                // URL that logs and messages show.
                if (!secretQuery.isEmpty())
                    endpoint.target += (endpoint.target.contains('?') ? '&' : '?') + secretQuery;
                return endpoint;
            };
            e.generate = at(Operation::Generate);
            e.embeddings = at(Operation::Embeddings);
            e.countTokens = at(Operation::CountTokens);
            e.models = at(Operation::ListModels);
            e.complete = at(Operation::Complete);
            rp.endpoints.append(e);
        }
        rp.commonHeaders.append(
            {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
        rp.commonHeaders.append({QByteArrayLiteral("user-agent"), userAgent});
        rp.commonHeaders.append(p.extraHeaders);
        rp.commonHeaders.append(secretHeaders);
        for (const QString &label : p.keyLabels) {
            const QString id = SecretStore::providerKeyId(p.id, label);
            if (keys.contains(id))
                rp.labeledKeys.insert(label, keys.value(id));
            else
                rp.labeledKeyErrors.insert(label, keyErrors.value(id));
        }
        rp.catalog = s->catalog->providerFor(p);
        s->providers.append(std::move(rp));
    }
    s->keyConfigurations =
        QVector<KeyConfiguration>(config.keyConfigurations.begin(), config.keyConfigurations.end());
    for (const AccessKeyRecord &k : config.accessKeys) {
        if (!k.isActive())
            continue;
        const QString configName =
            k.configuration.isEmpty() ? QString(KeyConfiguration::defaultName) : k.configuration;
        int index = -1;
        for (int i = 0; i < s->keyConfigurations.size(); ++i) {
            if (s->keyConfigurations[i].name == configName)
                index = i;
        }
        s->accessKeys.append({k.name, k.hash, index});
    }
    s->routes = config.routes;
    for (int i = 0; i < s->routes.size(); ++i)
        s->routeIndex.insert(s->routes[i].name, i);
    return s;
}

const UpstreamEndpoint &RoutableProvider::Endpoints::forOperation(Operation operation) const
{
    switch (operation) {
    case Operation::Generate:
        return generate;
    case Operation::Embeddings:
        return embeddings;
    case Operation::CountTokens:
        return countTokens;
    case Operation::Complete:
        return complete;
    case Operation::ListModels:
        break;
    }
    return models;
}

const RoutableProvider::Endpoints *RoutableProvider::endpointsFor(ApiSurface surface) const
{
    for (const Endpoints &e : endpoints) {
        if (e.surface == surface)
            return &e;
    }
    return nullptr;
}

HttpHeaders RoutableProvider::headersFor(ApiSurface surface, const QByteArray &withKey,
                                         const HttpRequest *client) const
{
    const SurfaceAdapter &adapter = surfaceAdapter(surface);
    HttpHeaders h = commonHeaders;
    h.append(adapter.credentials(withKey));
    h.append(adapter.protocolHeaders(client));
    return h;
}

UpstreamRequest RoutableProvider::modelListRequest() const
{
    const Endpoints &e = primaryEndpoints();
    UpstreamRequest request;
    request.method = "GET";
    request.endpoint = e.models;
    request.providerId = provider.id;
    for (const auto &h : headersFor(e.surface, key)) {
        if (h.first != "content-type")
            request.headers.append(h);
    }
    request.headers.append({QByteArrayLiteral("accept"), QByteArrayLiteral("application/json")});
    return request;
}

const KeyConfiguration &GatewaySnapshot::configurationOf(const AccessKeyEntry &key) const
{
    static const KeyConfiguration open = [] {
        KeyConfiguration c;
        c.name = KeyConfiguration::defaultName;
        return c;
    }();
    return key.configuration >= 0 && key.configuration < keyConfigurations.size()
               ? keyConfigurations[key.configuration]
               : open;
}

const AccessKeyEntry *GatewaySnapshot::accessKey(const QString &name) const
{
    for (const AccessKeyEntry &k : accessKeys) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

} // namespace gatehouse
