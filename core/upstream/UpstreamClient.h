#pragma once

#include "UpstreamCall.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <memory>
#include <vector>

class QTimer;

namespace gatehouse {

class CurlCall;
class SocketWatch;

// Sends requests to providers: every upstream, http and https alike, through libcurl's
// multi interface, driven by this thread's Qt event loop (socket notifiers and one timer).
// libcurl brings strict HTTP framing, content decoding, TLS, HTTP/2, proxies and
// connection reuse. No code of the caller ever runs inside a libcurl callback: bytes and
// headers are collected there and delivered once libcurl has returned, so a caller may
// abort, delete or start calls from any signal.
class UpstreamClient : public QObject, public UpstreamTransport
{
    Q_OBJECT
public:
    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    UpstreamCall *send(const UpstreamRequest &request, QObject *owner) override;

    // Trusts the certificate authorities in this PEM file as well as the system's (a local
    // server with its own CA, a company proxy). An empty path goes back to the system's.
    Status setExtraCaFile(const QString &path);

    int activeCalls() const { return m_active; }
    // Connections kept open for reuse (for tests and the benchmark).
    static constexpr int maxKeptConnections = 512;

private:
    friend class CurlCall;
    friend class SocketWatch;
    static int onSocket(void *easy, int socket, int what, void *client, void *watch);
    static int onTimer(void *multi, long timeoutMs, void *client);
    void onSocketActivity(int socket, int events);
    void onTimeout();
    void dispatch(int socket, int events);
    void collectFinished();
    void deliverPending();
    void startTransfer(CurlCall *call);
    void stopTransfer(CurlCall *call);
    void *takeHandle();
    void giveBackHandle(void *easy);

    void *m_multi;
    QTimer *m_timer;
    QHash<int, SocketWatch *> m_watches;
    std::vector<void *> m_idleHandles;
    QList<QPointer<CurlCall>> m_toStart;
    QList<QPointer<CurlCall>> m_toDeliver;
    std::shared_ptr<const QByteArray> m_caBlob; // system CAs plus extra ones; null: default
    QSet<CurlCall *> m_calls;                   // transfers in libcurl now
    bool m_dispatching = false;
    int m_active = 0;
};

} // namespace gatehouse
