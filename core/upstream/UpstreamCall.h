#pragma once

#include "UpstreamRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <functional>

namespace gatehouse {

class CallDeadlines;

// One request to a provider. Reports headers once, then body bytes as they arrive, then
// finished() exactly once: completed, failed, or cancelled by abort(). Nothing is reported
// after finished(). Subclasses supply the transport; this class owns the timeouts and the
// reporting rules.
class UpstreamCall : public QObject
{
    Q_OBJECT
public:
    ~UpstreamCall() override;
    // Stops the request and reports a cancelled outcome (unless it had ended already).
    void abort();
    bool isDone() const { return m_phase == Phase::Done; }
    // Stops taking the answer in while its reader cannot keep up, and takes it in again
    // after: the provider is held back by TCP. The idle timeout does not run in between.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    qint64 elapsedNs() const { return m_clock.nsecsElapsed(); }

signals:
    void headersReceived(int status, const gatehouse::HttpHeaders &headers);
    void dataReceived(const QByteArray &data);
    void finished(const gatehouse::UpstreamResult &result);

protected:
    UpstreamCall(const UpstreamRequest &request, QObject *parent);
    enum class Phase
    {
        Connecting,        // opening a connection: connect timeout
        AwaitingFirstByte, // request sent (or being sent): first-byte timeout
        Receiving,         // between body bytes: idle timeout
        Done
    };
    // A new connection is being opened (the first-byte clock starts once it is).
    void connecting();
    // The request is on its way: the first-byte timeout runs from now.
    void sending();
    bool headersDelivered() const { return m_headersSent; }
    void deliverHeaders(int status, const HttpHeaders &headers);
    void deliverData(const QByteArray &data);
    void deliverCompleted();
    void fail(const ApiError &error);
    ApiError unreachable(const QString &detail) const;
    ApiError brokenOff(const QString &detail) const;
    ApiError timedOut(const QString &what, int ms) const;
    // Stops all network activity of the transport; called once, when the call ends.
    virtual void releaseTransport() = 0;
    // The transport stops or resumes reading as isPaused() says.
    virtual void pauseChanged() {}

private:
    friend class CallDeadlines;
    void end(const UpstreamResult &result);
    void onTimeout();

    // Timeouts are deadlines that one coarse timer per thread checks: re-arming after each
    // piece of a stream is one assignment, not a timer restart.
    qint64 m_deadlineMs = 0;
    ProviderTimeouts m_timeouts;
    QString m_providerId;
    QUrl m_url;
    Phase m_phase = Phase::AwaitingFirstByte;
    bool m_headersSent = false;
    bool m_paused = false;
    QElapsedTimer m_clock;
};

// Collects a call's whole answer for a caller that needs it in one piece (a model list, a
// probe): `done` gets the outcome, the status (0 when no answer came) and the body once the
// call ends, and the call is deleted after. A body over `maxBytes` aborts the call, which
// then reports Cancelled.
void collectAnswer(
    UpstreamCall *call, QObject *context, qint64 maxBytes,
    std::function<void(const UpstreamResult &, int status, const QByteArray &body)> done);

// What sends upstream requests: the real client, or a scripted one in tests.
class UpstreamTransport
{
public:
    virtual ~UpstreamTransport() = default;
    // The call is a child of `owner` and starts at once.
    virtual UpstreamCall *send(const UpstreamRequest &request, QObject *owner) = 0;
};

} // namespace gatehouse
