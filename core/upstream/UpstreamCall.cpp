#include "UpstreamCall.h"

#include <QTimer>

namespace gatehouse {

UpstreamEndpoint UpstreamEndpoint::fromUrl(const QUrl &url)
{
    UpstreamEndpoint e;
    e.url = url;
    e.encodedUrl = url.toEncoded(QUrl::RemoveUserInfo | QUrl::RemoveFragment);
    return e;
}

UpstreamCall::UpstreamCall(const UpstreamRequest &request, QObject *parent)
    : QObject(parent), m_timer(new QTimer(this)), m_timeouts(request.timeouts),
      m_providerId(request.providerId), m_url(request.endpoint.url)
{
    m_clock.start();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &UpstreamCall::onTimeout);
    // Connecting and sending count towards the first byte; the transport bounds the
    // connection attempt itself with the connect timeout.
    m_timer->start(m_timeouts.firstByteMs);
}

UpstreamCall::~UpstreamCall() = default;

void UpstreamCall::abort()
{
    if (isDone())
        return;
    end({UpstreamResult::Outcome::Cancelled,
         ApiError::badGateway(tr("The request to provider \"%1\" was cancelled.").arg(m_providerId),
                              QStringLiteral("cancelled")),
         m_headersSent});
}

void UpstreamCall::end(const UpstreamResult &result)
{
    m_phase = Phase::Done;
    m_timer->stop();
    releaseTransport();
    emit finished(result);
}

void UpstreamCall::deliverHeaders(int status, const HttpHeaders &headers)
{
    if (m_headersSent || isDone())
        return;
    m_headersSent = true;
    m_phase = Phase::Receiving;
    m_timer->start(m_timeouts.idleMs);
    emit headersReceived(status, headers);
}

void UpstreamCall::deliverData(const QByteArray &data)
{
    if (isDone() || data.isEmpty())
        return;
    m_timer->start(m_timeouts.idleMs);
    emit dataReceived(data);
}

void UpstreamCall::deliverCompleted()
{
    if (isDone())
        return;
    end({UpstreamResult::Outcome::Completed, {}, m_headersSent});
}

void UpstreamCall::fail(const ApiError &error)
{
    if (isDone())
        return;
    end({UpstreamResult::Outcome::Failed, error, m_headersSent});
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

ApiError UpstreamCall::timedOut(const QString &what, int ms) const
{
    return ApiError::gatewayTimeout(
        tr("Timed out after %1 ms %2 provider \"%3\".").arg(ms).arg(what, m_providerId));
}

void UpstreamCall::onTimeout()
{
    switch (m_phase) {
    case Phase::AwaitingFirstByte:
        fail(timedOut(tr("waiting for the first byte from"), m_timeouts.firstByteMs));
        return;
    case Phase::Receiving:
        fail(timedOut(tr("waiting for more data from"), m_timeouts.idleMs));
        return;
    case Phase::Done:
        return;
    }
}

} // namespace gatehouse
