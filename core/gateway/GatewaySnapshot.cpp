#include "GatewaySnapshot.h"

#include <QCoreApplication>

namespace gatehouse {

std::shared_ptr<const GatewaySnapshot>
GatewaySnapshot::build(const Config &config, const QHash<QString, QByteArray> &keys,
                       const QHash<QString, QString> &keyErrors)
{
    auto s = std::make_shared<GatewaySnapshot>();
    s->settings = config.gateway;
    const QByteArray userAgent = "Gatehouse/" + QCoreApplication::applicationVersion().toLatin1();
    for (const Provider &p : config.providers) {
        s->providerIndex.insert(p.id, static_cast<int>(s->providers.size()));
        RoutableProvider rp{p, keys.value(p.id), keyErrors.value(p.id), {}, {}, {}};
        QUrl chat = p.baseUrl;
        chat.setPath(p.baseUrl.path() + QLatin1String("/chat/completions"));
        rp.chatEndpoint = UpstreamEndpoint::fromUrl(chat);
        QUrl models = p.baseUrl;
        models.setPath(p.baseUrl.path() + QLatin1String("/models"));
        rp.modelsEndpoint = UpstreamEndpoint::fromUrl(models);
        rp.upstreamHeaders.append(
            {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
        rp.upstreamHeaders.append({QByteArrayLiteral("user-agent"), userAgent});
        if (!rp.key.isEmpty())
            rp.upstreamHeaders.append({QByteArrayLiteral("authorization"), "Bearer " + rp.key});
        rp.upstreamHeaders.append(p.extraHeaders);
        s->providers.append(std::move(rp));
    }
    for (const AccessKeyRecord &k : config.accessKeys) {
        if (k.isActive())
            s->accessKeys.append({k.name, k.hash});
    }
    return s;
}

} // namespace gatehouse
