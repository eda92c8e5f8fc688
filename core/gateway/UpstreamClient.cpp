#include "UpstreamClient.h"

#include "Http1Upstream.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace gatehouse {

namespace {

// An upstream call carried by QNetworkAccessManager (https upstreams).
class QnamUpstreamCall : public UpstreamCall
{
public:
    QnamUpstreamCall(QNetworkReply *reply, const UpstreamRequest &request, QObject *parent)
        : UpstreamCall(request, parent), m_reply(reply)
    {
        connect(reply, &QNetworkReply::requestSent, this, [this] {
            if (!isDone() && !headersDelivered())
                enterPhase(Phase::AwaitingFirstByte);
        });
        connect(reply, &QNetworkReply::metaDataChanged, this, &QnamUpstreamCall::onMetaData);
        connect(reply, &QNetworkReply::readyRead, this, &QnamUpstreamCall::onReadyRead);
        connect(reply, &QNetworkReply::finished, this, &QnamUpstreamCall::onFinished);
    }
    ~QnamUpstreamCall() override { release(); }

protected:
    void releaseTransport() override
    {
        if (!m_reply)
            return;
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }

private:
    void onMetaData()
    {
        if (headersDelivered() || !m_reply)
            return;
        const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        HttpHeaders headers;
        for (const auto &h : m_reply->rawHeaderPairs())
            headers.append({h.first.toLower(), h.second});
        deliverHeaders(status.toInt(), headers);
    }

    void onReadyRead()
    {
        if (!m_reply)
            return;
        onMetaData();
        if (m_reply)
            deliverData(m_reply->readAll());
    }

    void onFinished()
    {
        if (!m_reply || isDone())
            return;
        onReadyRead();
        if (!m_reply)
            return;
        const QNetworkReply::NetworkError error = m_reply->error();
        // Once a status line arrived, QNetworkReply's HTTP status errors (4xx/5xx, reported as
        // content, protocol or server errors) are answers: the body says what went wrong. Only
        // transport-level failures (codes below 200) and broken framing mean the response is
        // incomplete.
        const bool answer =
            error == QNetworkReply::NoError || (error >= QNetworkReply::ContentAccessDenied &&
                                                error != QNetworkReply::ProtocolFailure &&
                                                error != QNetworkReply::ProtocolUnknownError);
        if (headersDelivered() && answer) {
            deliverFinished();
            return;
        }
        const QString detail = m_reply->errorString();
        fail(headersDelivered() ? brokenOff(detail) : unreachable(detail));
    }

    QPointer<QNetworkReply> m_reply;
};

} // namespace

UpstreamClient::UpstreamClient(QObject *parent)
    : QObject(parent), m_pool(new Http1ConnectionPool(this))
{
}

UpstreamClient::~UpstreamClient() = default;

int UpstreamClient::pickManager(const QString &hostKey)
{
    for (size_t i = 0; i < m_managers.size(); ++i) {
        if (m_managers[i].inFlight.value(hostKey) < connectionsPerManager)
            return static_cast<int>(i);
    }
    auto *nam = new QNetworkAccessManager(this);
    nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    nam->setAutoDeleteReplies(false);
    m_managers.push_back({nam, {}});
    return static_cast<int>(m_managers.size() - 1);
}

UpstreamCall *UpstreamClient::send(const UpstreamRequest &request, QObject *owner)
{
    if (request.endpoint.url.scheme() == QLatin1String("http"))
        return new Http1UpstreamCall(request, m_pool, owner);
    return sendWithManager(request, owner);
}

UpstreamCall *UpstreamClient::sendWithManager(const UpstreamRequest &request, QObject *owner)
{
    QNetworkRequest nr(request.endpoint.url);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                    QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    for (const auto &h : request.headers)
        nr.setRawHeader(h.first, h.second);

    const QString &hostKey = request.endpoint.poolKey;
    const int index = pickManager(hostKey);
    Manager &manager = m_managers[static_cast<size_t>(index)];
    manager.inFlight[hostKey] += 1;

    QNetworkReply *reply = manager.nam->sendCustomRequest(nr, request.method, request.body);
    auto *call = new QnamUpstreamCall(reply, request, owner);
    QPointer<UpstreamClient> self(this);
    call->m_onRelease = [self, index, hostKey] {
        if (!self)
            return;
        int &n = self->m_managers[static_cast<size_t>(index)].inFlight[hostKey];
        n = std::max(0, n - 1);
    };
    return call;
}

} // namespace gatehouse
