#include "ModelDiscovery.h"

#include "UpstreamClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace gatehouse {

ModelDiscovery::ModelDiscovery(UpstreamClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_clock.start();
}

QStringList ModelDiscovery::parseModelList(const QByteArray &json)
{
    QStringList out;
    const QJsonArray data =
        QJsonDocument::fromJson(json).object().value(QLatin1String("data")).toArray();
    for (const QJsonValue v : data) {
        const QString id = v.toObject().value(QLatin1String("id")).toString();
        if (!id.isEmpty() && id.trimmed() == id && !out.contains(id))
            out << id;
    }
    return out;
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
        const QString cacheKey = rp->modelsEndpoint.url.toString();
        const auto cached = m_cache.constFind(cacheKey);
        if (cached != m_cache.constEnd() && m_clock.elapsed() - cached->at < cacheMs) {
            pending->models.insert(rp->provider.id, cached->models);
            continue;
        }
        UpstreamRequest request;
        request.method = "GET";
        request.endpoint = rp->modelsEndpoint;
        request.providerId = rp->provider.id;
        request.timeouts.connectMs = std::min(rp->provider.timeouts.connectMs, 2000);
        request.timeouts.firstByteMs = 5000;
        request.timeouts.idleMs = 5000;
        for (const auto &h : rp->upstreamHeaders) {
            if (h.first != "content-type")
                request.headers.append(h);
        }
        request.headers.append(
            {QByteArrayLiteral("accept"), QByteArrayLiteral("application/json")});
        if (rp->provider.surface == ApiSurface::Anthropic)
            request.headers.append(
                {QByteArrayLiteral("anthropic-version"), QByteArrayLiteral("2023-06-01")});

        ++pending->outstanding;
        UpstreamCall *call = m_client->send(request, this);
        auto status = std::make_shared<int>(0);
        auto body = std::make_shared<QByteArray>();
        const QString id = rp->provider.id;
        connect(call, &UpstreamCall::headersReceived, this,
                [status](int s, const HttpHeaders &) { *status = s; });
        connect(call, &UpstreamCall::dataReceived, this, [body, call](const QByteArray &data) {
            *body += data;
            if (body->size() > qsizetype{8} * 1024 * 1024)
                call->abort(); // not a model list
        });
        connect(call, &UpstreamCall::finished, this,
                [this, call, status, body, id, cacheKey, pending, settle] {
                    call->deleteLater();
                    if (*status == 200) {
                        const QStringList models = parseModelList(*body);
                        m_cache.insert(cacheKey, {models, m_clock.elapsed()});
                        pending->models.insert(id, models);
                    }
                    settle();
                });
        connect(call, &UpstreamCall::failed, this, [call, settle](const ApiError &, bool) {
            call->deleteLater();
            settle();
        });
    }
    settle();
}

} // namespace gatehouse
