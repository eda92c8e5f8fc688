#include "ProviderProbe.h"

#include "gateway/GatewaySnapshot.h"
#include "gateway/ModelDiscovery.h"
#include "upstream/UpstreamClient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QPointer>

namespace gatehouse {

ProviderProbe::ProviderProbe(QObject *parent) : QObject(parent), m_client(new UpstreamClient(this))
{
}

namespace {

// The provider exactly as the gateway would route to it, with this key.
RoutableProvider routable(const Provider &provider, const QByteArray &key)
{
    Config config;
    config.providers.append(provider);
    QHash<QString, QByteArray> keys;
    if (!key.isEmpty())
        keys.insert(provider.id, key);
    return GatewaySnapshot::build(config, keys, {})->providers.first();
}

} // namespace

QUrl ProviderProbe::modelsUrl(const Provider &provider)
{
    return routable(provider, {}).primaryEndpoints().models.url;
}

void ProviderProbe::probe(const Provider &provider, const QByteArray &key,
                          std::function<void(const ProbeResult &)> done, int timeoutMs)
{
    const RoutableProvider rp = routable(provider, key);
    struct Pending
    {
        ProbeResult result;
        int outstanding = 0;
        std::function<void(const ProbeResult &)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    QPointer<ProviderProbe> self(this);
    auto settle = [pending] {
        if (--pending->outstanding == 0)
            pending->done(pending->result);
    };
    auto send = [this, timeoutMs](UpstreamRequest request) {
        request.timeouts.connectMs = std::min(request.timeouts.connectMs, timeoutMs);
        request.timeouts.firstByteMs = timeoutMs;
        request.timeouts.idleMs = timeoutMs;
        return m_client->send(request, this);
    };

    // The model list: what "Test connection" shows.
    UpstreamRequest list = rp.modelListRequest();
    const QString url = list.endpoint.url.toDisplayString();
    const ApiSurface surface = rp.primaryEndpoints().surface;
    ++pending->outstanding;
    collectAnswer(
        send(list), this, ModelDiscovery::maxListBytes,
        [pending, settle, url, surface](const UpstreamResult &outcome, int status,
                                        const QByteArray &body) {
            ProbeResult &result = pending->result;
            result.httpStatus = status;
            const SurfaceAdapter &adapter = surfaceAdapter(surface);
            if (outcome.cancelled()) {
                result.error =
                    tr("%1 answered with more than a model list; is this the API's base URL?")
                        .arg(url);
            } else if (!outcome.completed() && status == 0) {
                result.error = outcome.error.message;
            } else if (status < 200 || status > 299) {
                const QString message = adapter.errorMessage(body);
                result.error =
                    tr("%1 answered HTTP %2%3")
                        .arg(url)
                        .arg(status)
                        .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message);
            } else if (!QJsonDocument::fromJson(body).isObject()) {
                result.error =
                    tr("%1 did not answer with a model list; is this the API's base URL?").arg(url);
            } else {
                result.ok = true;
                result.models = adapter.parseModelList(body);
            }
            settle();
        });

    // The Responses API, where the provider's base URL is an OpenAI-style one: an empty
    // request is refused as invalid (400) by a server that has the endpoint, and not found
    // (404, 405, 501) by one that has not.
    if (provider.speaks(ApiSurface::OpenAi) || provider.speaks(ApiSurface::Responses)) {
        UpstreamRequest responses;
        responses.endpoint = UpstreamEndpoint::fromUrl(
            surfaceAdapter(ApiSurface::Responses).url(provider.baseUrl, Operation::Generate));
        responses.providerId = provider.id;
        responses.headers = rp.headersFor(ApiSurface::Responses, rp.key);
        responses.headers.append(
            {QByteArrayLiteral("accept"), QByteArrayLiteral("application/json")});
        responses.body = QByteArrayLiteral("{}");
        ++pending->outstanding;
        // Only the status counts; an error body is small.
        collectAnswer(send(responses), this, qint64{64} * 1024,
                      [pending, settle](const UpstreamResult &, int status, const QByteArray &) {
                          pending->result.servesResponses = status == 400 || status == 422;
                          settle();
                      });
    }
}

} // namespace gatehouse
