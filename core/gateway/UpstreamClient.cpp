#include "UpstreamClient.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace gatehouse {

UpstreamCall::UpstreamCall(QNetworkReply *reply, const UpstreamRequest &request, QObject *parent)
    : QObject(parent), m_reply(reply), m_timer(new QTimer(this)), m_timeouts(request.timeouts),
      m_providerId(request.providerId), m_url(request.url)
{
    m_clock.start();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &UpstreamCall::onTimeout);
    connect(reply, &QNetworkReply::requestSent, this, [this] {
        if (m_phase == Phase::Sending)
            enterPhase(Phase::AwaitingFirstByte);
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, &UpstreamCall::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &UpstreamCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &UpstreamCall::onFinished);
    enterPhase(Phase::Sending);
}

UpstreamCall::~UpstreamCall()
{
    abort();
}

void UpstreamCall::release()
{
    m_phase = Phase::Done;
    m_timer->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (m_onRelease) {
        auto onRelease = std::move(m_onRelease);
        m_onRelease = nullptr;
        onRelease();
    }
}

void UpstreamCall::abort()
{
    release();
}

void UpstreamCall::enterPhase(Phase phase)
{
    m_phase = phase;
    switch (phase) {
    case Phase::Sending:
        m_timer->start(m_timeouts.connectMs);
        break;
    case Phase::AwaitingFirstByte:
        m_timer->start(m_timeouts.firstByteMs);
        break;
    case Phase::Receiving:
        m_timer->start(m_timeouts.idleMs);
        break;
    case Phase::Done:
        m_timer->stop();
        break;
    }
}

void UpstreamCall::onMetaData()
{
    if (m_headersSent || !m_reply)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersSent = true;
    enterPhase(Phase::Receiving);
    HttpHeaders headers;
    for (const auto &h : m_reply->rawHeaderPairs())
        headers.append({h.first.toLower(), h.second});
    emit headersReceived(status.toInt(), headers);
}

void UpstreamCall::onReadyRead()
{
    if (!m_reply)
        return;
    if (!m_headersSent)
        onMetaData();
    if (!m_reply)
        return; // a slot aborted the call
    enterPhase(Phase::Receiving);
    const QByteArray data = m_reply->readAll();
    if (!data.isEmpty())
        emit dataReceived(data);
}

void UpstreamCall::onTimeout()
{
    QString what;
    int ms = 0;
    switch (m_phase) {
    case Phase::Sending:
        what = tr("connecting to");
        ms = m_timeouts.connectMs;
        break;
    case Phase::AwaitingFirstByte:
        what = tr("waiting for the first byte from");
        ms = m_timeouts.firstByteMs;
        break;
    case Phase::Receiving:
        what = tr("waiting for more data from");
        ms = m_timeouts.idleMs;
        break;
    case Phase::Done:
        return;
    }
    fail(ApiError::gatewayTimeout(
        tr("Timed out after %1 ms %2 provider \"%3\".").arg(ms).arg(what, m_providerId)));
}

void UpstreamCall::fail(const ApiError &error)
{
    if (m_phase == Phase::Done)
        return;
    const bool afterHeaders = m_headersSent;
    release();
    emit failed(error, afterHeaders);
}

void UpstreamCall::onFinished()
{
    if (!m_reply || m_phase == Phase::Done)
        return;
    if (!m_headersSent)
        onMetaData();
    if (!m_reply)
        return;
    const QByteArray rest = m_reply->readAll();
    if (!rest.isEmpty())
        emit dataReceived(rest);
    if (!m_reply)
        return;
    const QNetworkReply::NetworkError error = m_reply->error();
    // HTTP status errors (4xx/5xx) are answers, not failures: the body says what went wrong.
    // Once a status line arrived, QNetworkReply's HTTP status errors (4xx/5xx, reported as
    // content, protocol or server errors) are answers: the body says what went wrong. Only
    // transport-level failures (codes below 200) and broken framing mean the response is
    // incomplete.
    const bool answer =
        error == QNetworkReply::NoError ||
        (error >= QNetworkReply::ContentAccessDenied && error != QNetworkReply::ProtocolFailure &&
         error != QNetworkReply::ProtocolUnknownError);
    if (m_headersSent && answer) {
        release();
        emit finished();
        return;
    }
    const QString detail = m_reply->errorString();
    if (m_headersSent) {
        fail(ApiError::badGateway(
            tr("Provider \"%1\" broke off the response: %2").arg(m_providerId, detail),
            QStringLiteral("upstream_incomplete")));
        return;
    }
    fail(ApiError::badGateway(
        tr("Cannot reach provider \"%1\" at %2: %3")
            .arg(m_providerId, m_url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), detail),
        QStringLiteral("upstream_unreachable")));
}

UpstreamClient::UpstreamClient(QObject *parent) : QObject(parent) {}

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
    QNetworkRequest nr(request.url);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                    QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    nr.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    nr.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    for (const auto &h : request.headers)
        nr.setRawHeader(h.first, h.second);

    const QString hostKey = request.url.scheme() + QLatin1String("://") + request.url.host() +
                            QLatin1Char(':') + QString::number(request.url.port(-1));
    const int index = pickManager(hostKey);
    m_managers[static_cast<size_t>(index)].inFlight[hostKey] += 1;

    QNetworkReply *reply = m_managers[static_cast<size_t>(index)].nam->sendCustomRequest(
        nr, request.method, request.body);
    auto *call = new UpstreamCall(reply, request, owner);
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
