#pragma once

#include "ApiError.h"
#include "config/Provider.h"
#include "http/HttpRequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace gatehouse {

struct UpstreamRequest
{
    QUrl url;
    QByteArray method = "POST";
    HttpHeaders headers;
    QByteArray body;
    ProviderTimeouts timeouts;
    QString providerId;                                 // for messages
    qint64 maxResponseBytes = qint64{64} * 1024 * 1024; // for bodies the gateway holds whole
};

// One request to a provider. Reports headers once, then body bytes as they arrive, then
// exactly one of finished() or failed(). Deleting it (or abort()) cancels the request.
class UpstreamCall : public QObject
{
    Q_OBJECT
public:
    ~UpstreamCall() override;
    void abort();
    qint64 elapsedMs() const { return m_clock.elapsed(); }

signals:
    void headersReceived(int status, const gatehouse::HttpHeaders &headers);
    void dataReceived(const QByteArray &data);
    void finished();
    // afterHeaders: whether headersReceived() was already emitted.
    void failed(const gatehouse::ApiError &error, bool afterHeaders);

private:
    friend class UpstreamClient;
    UpstreamCall(QNetworkReply *reply, const UpstreamRequest &request, QObject *parent);
    enum class Phase
    {
        Sending,
        AwaitingFirstByte,
        Receiving,
        Done
    };
    void enterPhase(Phase phase);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void fail(const ApiError &error);
    void release();

    QPointer<QNetworkReply> m_reply;
    QTimer *m_timer;
    ProviderTimeouts m_timeouts;
    QString m_providerId;
    QUrl m_url;
    Phase m_phase = Phase::Sending;
    bool m_headersSent = false;
    bool m_timedOut = false;
    QElapsedTimer m_clock;
    std::function<void()> m_onRelease;
};

// Sends requests to providers. Qt 6.4's QNetworkAccessManager opens at most six HTTP/1.1
// connections per host and queues the rest, so the client spreads requests to one host over
// several managers, each with its own connection pool, and no request waits for a free slot.
class UpstreamClient : public QObject
{
    Q_OBJECT
public:
    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    UpstreamCall *send(const UpstreamRequest &request, QObject *owner);
    int managerCount() const { return static_cast<int>(m_managers.size()); }

    static constexpr int connectionsPerManager = 6;

private:
    struct Manager
    {
        QNetworkAccessManager *nam;
        QHash<QString, int> inFlight; // per scheme://host:port
    };
    int pickManager(const QString &hostKey);

    std::vector<Manager> m_managers;
};

} // namespace gatehouse
