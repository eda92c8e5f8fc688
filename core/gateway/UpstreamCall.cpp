#include "UpstreamCall.h"

#include <QTimer>

namespace gatehouse {

UpstreamEndpoint UpstreamEndpoint::fromUrl(const QUrl &url)
{
    UpstreamEndpoint e;
    e.url = url;
    e.host = url.host();
    const bool https = url.scheme() == QLatin1String("https");
    e.port = static_cast<quint16>(url.port(https ? 443 : 80));
    e.target = url.path(QUrl::FullyEncoded).toLatin1();
    if (e.target.isEmpty())
        e.target = "/";
    if (url.hasQuery())
        e.target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    e.hostHeader = url.host(QUrl::FullyEncoded).toLatin1();
    if (e.hostHeader.contains(':'))
        e.hostHeader = '[' + e.hostHeader + ']';
    if (url.port(-1) != -1)
        e.hostHeader += ':' + QByteArray::number(e.port);
    e.poolKey = e.host + QLatin1Char(':') + QString::number(e.port);
    return e;
}

UpstreamCall::UpstreamCall(const UpstreamRequest &request, QObject *parent)
    : QObject(parent), m_timer(new QTimer(this)), m_timeouts(request.timeouts),
      m_providerId(request.providerId), m_url(request.endpoint.url)
{
    m_clock.start();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &UpstreamCall::onTimeout);
    enterPhase(Phase::Sending);
}

UpstreamCall::~UpstreamCall()
{
    // Subclasses released their transport already; this only settles the bookkeeping.
    m_released = true;
    if (m_onRelease) {
        auto onRelease = std::move(m_onRelease);
        m_onRelease = nullptr;
        onRelease();
    }
}

void UpstreamCall::release()
{
    m_phase = Phase::Done;
    m_timer->stop();
    if (m_released)
        return;
    m_released = true;
    releaseTransport();
    if (m_onRelease) {
        auto onRelease = std::move(m_onRelease);
        m_onRelease = nullptr;
        onRelease();
    }
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

void UpstreamCall::deliverHeaders(int status, const HttpHeaders &headers)
{
    if (m_headersSent || isDone())
        return;
    m_headersSent = true;
    enterPhase(Phase::Receiving);
    emit headersReceived(status, headers);
}

void UpstreamCall::deliverData(const QByteArray &data)
{
    if (isDone() || data.isEmpty())
        return;
    enterPhase(Phase::Receiving);
    emit dataReceived(data);
}

void UpstreamCall::deliverFinished()
{
    if (isDone())
        return;
    release();
    emit finished();
}

void UpstreamCall::fail(const ApiError &error)
{
    if (isDone())
        return;
    const bool afterHeaders = m_headersSent;
    release();
    emit failed(error, afterHeaders);
}

ApiError UpstreamCall::unreachable(const QString &detail) const
{
    return ApiError::badGateway(
        tr("Cannot reach provider \"%1\" at %2: %3")
            .arg(m_providerId, m_url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), detail),
        QStringLiteral("upstream_unreachable"));
}

ApiError UpstreamCall::brokenOff(const QString &detail) const
{
    return ApiError::badGateway(
        tr("Provider \"%1\" broke off the response: %2").arg(m_providerId, detail),
        QStringLiteral("upstream_incomplete"));
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

} // namespace gatehouse
