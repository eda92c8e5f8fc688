#include "GatewaySnapshot.h"

#include "secrets/SecretStore.h"

#include <QCoreApplication>

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
        const QString base = p.baseUrl.path();
        auto endpoint = [&p](const QString &path) {
            QUrl url = p.baseUrl;
            url.setPath(path);
            return UpstreamEndpoint::fromUrl(url);
        };
        if (p.surface == ApiSurface::OpenAi) {
            rp.chatEndpoint = endpoint(base + QLatin1String("/chat/completions"));
            rp.embeddingsEndpoint = endpoint(base + QLatin1String("/embeddings"));
            rp.modelsEndpoint = endpoint(base + QLatin1String("/models"));
        } else {
            // Anthropic base URLs are the host root; a "/v1" typed by the user is not doubled.
            const QString v1 =
                base.endsWith(QLatin1String("/v1")) ? base : base + QLatin1String("/v1");
            rp.messagesEndpoint = endpoint(v1 + QLatin1String("/messages"));
            rp.countTokensEndpoint = endpoint(v1 + QLatin1String("/messages/count_tokens"));
            rp.modelsEndpoint = endpoint(v1 + QLatin1String("/models"));
        }
        auto headersWith = [&p, &userAgent](const QByteArray &key) {
            HttpHeaders h;
            h.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
            h.append({QByteArrayLiteral("user-agent"), userAgent});
            if (!key.isEmpty() && p.surface == ApiSurface::OpenAi)
                h.append({QByteArrayLiteral("authorization"), "Bearer " + key});
            else if (!key.isEmpty())
                h.append({QByteArrayLiteral("x-api-key"), key});
            h.append(p.extraHeaders);
            return h;
        };
        rp.upstreamHeaders = headersWith(rp.key);
        for (const QString &label : p.keyLabels) {
            const QString id = SecretStore::providerKeyId(p.id, label);
            if (keys.contains(id))
                rp.labeledHeaders.insert(label, headersWith(keys.value(id)));
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
