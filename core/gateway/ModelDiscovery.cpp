#include "ModelDiscovery.h"

#include "upstream/UpstreamCall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace gatehouse {

ModelDiscovery::ModelDiscovery(UpstreamTransport *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_clock.start();
}

void ModelDiscovery::discover(const QList<const RoutableProvider *> &providers, QObject *context,
                              std::function<void(const Models &)> done)
{
    struct Pending
    {
        Models models;
        int outstanding = 0;
        std::function<void(const Models &)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    QPointer<QObject> guard(context);
    auto settle = [pending, guard] {
        if (--pending->outstanding == 0 && guard)
            pending->done(pending->models);
    };

    pending->outstanding = 1; // held until every request is under way
    for (const RoutableProvider *rp : providers) {
        UpstreamRequest request = rp->modelListRequest();
        const QString cacheKey = request.endpoint.url.toString();
        const auto cached = m_cache.constFind(cacheKey);
        if (cached != m_cache.constEnd() && m_clock.elapsed() - cached->at < cacheMs) {
            pending->models.insert(rp->provider.id, cached->models);
            continue;
        }
        request.timeouts.connectMs = std::min(rp->provider.timeouts.connectMs, 2000);
        request.timeouts.firstByteMs = 5000;
        request.timeouts.idleMs = 5000;

        ++pending->outstanding;
        const QString id = rp->provider.id;
        const ApiSurface surface = rp->primaryEndpoints().surface;
        // Every call ends with exactly one finished(): answered, failed, or cancelled (a body
        // too large to be a model list).
        collectAnswer(m_client->send(request, this), this, maxListBytes,
                      [this, id, surface, cacheKey, pending,
                       settle](const UpstreamResult &result, int status, const QByteArray &body) {
                          if (result.completed() && status == 200) {
                              const QStringList models =
                                  surfaceAdapter(surface).parseModelList(body);
                              m_cache.insert(cacheKey, {models, m_clock.elapsed()});
                              pending->models.insert(id, models);
                          }
                          settle();
                      });
    }
    settle();
}

} // namespace gatehouse
