#include "ProviderProbe.h"

#include "gateway/GatewaySnapshot.h"
#include "gateway/ModelDiscovery.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace gatehouse {

ProviderProbe::ProviderProbe(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
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
    return routable(provider, {}).modelsEndpoint.url;
}

QString ProviderProbe::errorMessageOf(const QByteArray &body)
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QJsonValue error = json.value(QLatin1String("error"));
    if (error.isObject()) {
        const QString message = error.toObject().value(QLatin1String("message")).toString();
        if (!message.isEmpty())
            return message;
    }
    if (error.isString())
        return error.toString();
    const QString text = QString::fromUtf8(body.left(300)).simplified();
    return text;
}

void ProviderProbe::probe(const Provider &provider, const QByteArray &key,
                          std::function<void(const ProbeResult &)> done, int timeoutMs)
{
    const RoutableProvider rp = routable(provider, key);
    QNetworkRequest request(rp.modelsEndpoint.url);
    for (const auto &h : rp.upstreamHeaders) {
        if (h.first != "content-type")
            request.setRawHeader(h.first, h.second);
    }
    if (provider.surface == ApiSurface::Anthropic)
        request.setRawHeader("anthropic-version", "2023-06-01");
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->get(request);
    const QString url = rp.modelsEndpoint.url.toDisplayString();
    connect(reply, &QNetworkReply::finished, this, [reply, url, done = std::move(done)] {
        reply->deleteLater();
        ProbeResult result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (result.httpStatus == 0) {
            const QString reason =
                reply->error() == QNetworkReply::OperationCanceledError
                    ? QCoreApplication::translate("ProviderProbe", "no answer in time")
                    : reply->errorString();
            result.error = QCoreApplication::translate("ProviderProbe", "Cannot reach %1: %2")
                               .arg(url, reason);
        } else if (result.httpStatus < 200 || result.httpStatus > 299) {
            const QString message = errorMessageOf(body);
            result.error = QCoreApplication::translate("ProviderProbe", "%1 answered HTTP %2%3")
                               .arg(url)
                               .arg(result.httpStatus)
                               .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message);
        } else if (!QJsonDocument::fromJson(body).isObject()) {
            result.error = QCoreApplication::translate(
                               "ProviderProbe",
                               "%1 did not answer with a model list; is this the API's base URL?")
                               .arg(url);
        } else {
            result.ok = true;
            result.models = ModelDiscovery::parseModelList(body);
        }
        done(result);
    });
}

} // namespace gatehouse
