#include "UpstreamCall.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QSet>
#include <QTimer>
#include <limits>

namespace gatehouse {

// The deadlines of the running calls of one thread, checked every few dozen milliseconds
// while there are any.
class CallDeadlines : public QObject
{
public:
    static constexpr int tickMs = 25;

    static CallDeadlines &ofThisThread()
    {
        thread_local CallDeadlines deadlines;
        return deadlines;
    }
    qint64 now() const { return m_clock.elapsed(); }
    void watch(UpstreamCall *call)
    {
        m_calls.insert(call);
        if (!m_timer.isActive())
            m_timer.start();
    }
    void forget(UpstreamCall *call) { m_calls.remove(call); }

private:
    CallDeadlines()
    {
        m_clock.start();
        m_timer.setInterval(tickMs);
        m_timer.setTimerType(Qt::CoarseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { check(); });
    }
    void check()
    {
        if (m_calls.isEmpty()) {
            m_timer.stop();
            return;
        }
        const qint64 t = now();
        QList<UpstreamCall *> due;
        for (UpstreamCall *call : std::as_const(m_calls)) {
            if (call->m_deadlineMs <= t)
                due.append(call);
        }
        // A call that times out may end others (its caller fails over): look each one up
        // again before telling it.
        for (UpstreamCall *call : std::as_const(due)) {
            if (m_calls.contains(call))
                call->onTimeout();
        }
    }

    QElapsedTimer m_clock;
    QTimer m_timer;
    QSet<UpstreamCall *> m_calls;
};

UpstreamEndpoint UpstreamEndpoint::fromUrl(const QUrl &url)
{
    UpstreamEndpoint e;
    e.url = url;
    e.host = url.host();
    e.https = url.scheme() == QLatin1String("https");
    e.port = static_cast<quint16>(url.port(e.https ? 443 : 80));
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
    e.poolKey =
        url.scheme() + QLatin1String("://") + e.host + QLatin1Char(':') + QString::number(e.port);
    const QString host = url.host();
    const QHostAddress address(host);
    e.loopback = host == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
    return e;
}

UpstreamCall::UpstreamCall(const UpstreamRequest &request, QObject *parent)
    : QObject(parent), m_timeouts(request.timeouts), m_providerId(request.providerId),
      m_url(request.endpoint.url)
{
    m_clock.start();
    // Connecting and sending count towards the first byte; the transport bounds the
    // connection attempt itself with the connect timeout.
    CallDeadlines &deadlines = CallDeadlines::ofThisThread();
    m_deadlineMs = deadlines.now() + m_timeouts.firstByteMs;
    deadlines.watch(this);
}

UpstreamCall::~UpstreamCall()
{
    CallDeadlines::ofThisThread().forget(this);
}

void UpstreamCall::abort()
{
    if (isDone())
        return;
    end({UpstreamResult::Outcome::Cancelled,
         ApiError::badGateway(tr("The request to provider \"%1\" was cancelled.").arg(m_providerId),
                              QStringLiteral("cancelled")),
         m_headersSent});
}

void UpstreamCall::setPaused(bool paused)
{
    if (paused == m_paused || isDone())
        return;
    m_paused = paused;
    // A paused call waits on its reader, not on the provider.
    m_deadlineMs = paused ? std::numeric_limits<qint64>::max()
                          : CallDeadlines::ofThisThread().now() + m_timeouts.idleMs;
    pauseChanged();
}

void UpstreamCall::end(const UpstreamResult &result)
{
    m_phase = Phase::Done;
    CallDeadlines::ofThisThread().forget(this);
    releaseTransport();
    emit finished(result);
}

void UpstreamCall::connecting()
{
    if (isDone() || m_headersSent)
        return;
    m_phase = Phase::Connecting;
    m_deadlineMs = CallDeadlines::ofThisThread().now() + m_timeouts.connectMs;
}

void UpstreamCall::sending()
{
    if (isDone() || m_headersSent)
        return;
    m_phase = Phase::AwaitingFirstByte;
    m_deadlineMs = CallDeadlines::ofThisThread().now() + m_timeouts.firstByteMs;
}

void UpstreamCall::deliverHeaders(int status, const HttpHeaders &headers)
{
    if (m_headersSent || isDone())
        return;
    m_headersSent = true;
    m_phase = Phase::Receiving;
    m_deadlineMs = CallDeadlines::ofThisThread().now() + m_timeouts.idleMs;
    emit headersReceived(status, headers);
}

void UpstreamCall::deliverData(const QByteArray &data)
{
    if (isDone() || data.isEmpty())
        return;
    if (!m_paused)
        m_deadlineMs = CallDeadlines::ofThisThread().now() + m_timeouts.idleMs;
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
    case Phase::Connecting:
        fail(timedOut(tr("connecting to"), m_timeouts.connectMs));
        return;
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

void collectAnswer(
    UpstreamCall *call, QObject *context, qint64 maxBytes,
    std::function<void(const UpstreamResult &, int status, const QByteArray &body)> done)
{
    struct Answer
    {
        int status = 0;
        QByteArray body;
    };
    auto answer = std::make_shared<Answer>();
    QObject::connect(call, &UpstreamCall::headersReceived, context,
                     [answer](int status, const HttpHeaders &) { answer->status = status; });
    QObject::connect(call, &UpstreamCall::dataReceived, context,
                     [answer, call, maxBytes](const QByteArray &data) {
                         answer->body += data;
                         if (answer->body.size() > maxBytes)
                             call->abort();
                     });
    QObject::connect(call, &UpstreamCall::finished, context,
                     [answer, call, done = std::move(done)](const UpstreamResult &result) {
                         call->deleteLater();
                         done(result, answer->status, answer->body);
                     });
}

} // namespace gatehouse
