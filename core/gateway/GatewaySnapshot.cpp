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
        RoutableProvider rp{p, keys.value(p.id), keyErrors.value(p.id), {}, {}, {}, {}, {}, {}};
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
        rp.upstreamHeaders.append(
            {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
        rp.upstreamHeaders.append({QByteArrayLiteral("user-agent"), userAgent});
        if (!rp.key.isEmpty() && p.surface == ApiSurface::OpenAi)
            rp.upstreamHeaders.append({QByteArrayLiteral("authorization"), "Bearer " + rp.key});
        else if (!rp.key.isEmpty())
            rp.upstreamHeaders.append({QByteArrayLiteral("x-api-key"), rp.key});
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
