#pragma once

#include "UpstreamCall.h"
#include "util/Result.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QSslConfiguration>

class QAbstractSocket;
class QTimer;

namespace gatehouse {

class Http1Call;

// Sends requests to providers over HTTP/1.1, plain or TLS, on this thread's event loop: the
// request written in one piece, the answer read by HttpResponseParser (strict framing,
// gzip/deflate undone), connections kept per host and reused. Calls to the machine itself
// never go through a proxy; calls elsewhere follow the system's proxy settings (http_proxy,
// https_proxy, no_proxy, or the desktop's), asked once per host. A call reports nothing
// before the caller has had a chance to connect to its signals, and a caller may abort or
// start calls from inside any of them.
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
    // Connections open and waiting for the next request.
    int idleConnections() const;

    static constexpr int maxIdlePerHost = 256;
    // Local model servers close idle connections after about 5 s, cloud providers after a
    // minute or more; a connection is let go before its server would drop it.
    static constexpr int localIdleMs = 4000;
    static constexpr int remoteIdleMs = 50000;

private:
    friend class Http1Call;
    QNetworkProxy proxyFor(const UpstreamEndpoint &endpoint);
    QAbstractSocket *takeIdle(const QString &key);
    void keepIdle(const QString &key, QAbstractSocket *socket, bool loopback);
    void dropIdle(QAbstractSocket *socket);
    void sweep();

    struct Idle
    {
        QAbstractSocket *socket;
        qint64 expiresMs;
    };
    QHash<QString, QList<Idle>> m_idle;
    QHash<QString, QNetworkProxy> m_proxies; // per scheme://host:port
    QSslConfiguration m_tls;
    QTimer *m_sweep;
    QElapsedTimer m_clock;
    int m_active = 0;
};

} // namespace gatehouse
