#pragma once

#include "ApiError.h"
#include "config/Provider.h"
#include "http/HttpRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>
#include <functional>

class QTimer;

namespace gatehouse {

// Where requests to one provider endpoint go, worked out once per configuration rather
// than for every request.
struct UpstreamEndpoint
{
    QUrl url;
    QString host;
    quint16 port = 0;
    QByteArray target;     // path and query, as the request line carries them
    QByteArray hostHeader; // host[:port], as the Host header carries it
    QString poolKey;       // host:port

    static UpstreamEndpoint fromUrl(const QUrl &url);
};

struct UpstreamRequest
{
    UpstreamEndpoint endpoint;
    QByteArray method = "POST";
    HttpHeaders headers;
    QByteArray body;
    ProviderTimeouts timeouts;
    QString providerId;                                 // for messages
    qint64 maxResponseBytes = qint64{64} * 1024 * 1024; // for bodies the gateway holds whole
};

// One request to a provider. Reports headers once, then body bytes as they arrive, then
// exactly one of finished() or failed(). Deleting it (or abort()) cancels the request.
// Subclasses supply the transport; this class owns the deadlines and the reporting rules.
class UpstreamCall : public QObject
{
    Q_OBJECT
public:
    ~UpstreamCall() override;
    void abort() { release(); }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    qint64 elapsedNs() const { return m_clock.nsecsElapsed(); }

signals:
    void headersReceived(int status, const gatehouse::HttpHeaders &headers);
    void dataReceived(const QByteArray &data);
    void finished();
    // afterHeaders: whether headersReceived() was already emitted.
    void failed(const gatehouse::ApiError &error, bool afterHeaders);

protected:
    UpstreamCall(const UpstreamRequest &request, QObject *parent);
    enum class Phase
    {
        Sending,           // connecting and writing the request: connect timeout
        AwaitingFirstByte, // request sent: first-byte timeout
        Receiving,         // between body bytes: idle timeout
        Done
    };
    void enterPhase(Phase phase);
    bool isDone() const { return m_phase == Phase::Done; }
    bool headersDelivered() const { return m_headersSent; }
    void deliverHeaders(int status, const HttpHeaders &headers);
    void deliverData(const QByteArray &data);
    void deliverFinished();
    void fail(const ApiError &error);
    ApiError unreachable(const QString &detail) const;
    ApiError brokenOff(const QString &detail) const;
    // Stops all network activity of the transport; called once, from release().
    virtual void releaseTransport() = 0;
    // Subclasses call this from their destructor: the base destructor cannot reach them.
    void release();

private:
    friend class UpstreamClient;
    void onTimeout();

    QTimer *m_timer;
    ProviderTimeouts m_timeouts;
    QString m_providerId;
    QUrl m_url;
    Phase m_phase = Phase::Sending;
    bool m_headersSent = false;
    bool m_released = false;
    QElapsedTimer m_clock;
    std::function<void()> m_onRelease;
};

} // namespace gatehouse
