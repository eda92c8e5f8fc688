#include "UpstreamClient.h"

#include "http/HttpResponseParser.h"

#include <QFile>
#include <QNetworkProxyFactory>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

namespace gatehouse {

namespace {

bool isHeaderSafe(const QByteArray &text)
{
    return !text.contains('\r') && !text.contains('\n') && !text.contains('\0');
}

} // namespace

// One request on one HTTP/1.1 connection: a kept one when there is one, otherwise a new one.
class Http1Call : public UpstreamCall
{
public:
    Http1Call(const UpstreamRequest &request, UpstreamClient *client, QObject *parent)
        : UpstreamCall(request, parent), m_client(client), m_endpoint(request.endpoint)
    {
        m_parser.setHeadRequest(request.method == "HEAD");
        const UpstreamEndpoint &e = request.endpoint;
        if (!e.isValid() || e.port == 0) {
            m_refused = tr("the provider's address is not a valid http or https URL");
            return;
        }
        QByteArray &out = m_bytes;
        out.reserve(160 + e.target.size() + request.body.size() + 64 * request.headers.size());
        out += request.method;
        out += ' ';
        out += e.target;
        out += " HTTP/1.1\r\nhost: ";
        out += e.hostHeader;
        out += "\r\n";
        for (const auto &h : request.headers) {
            if (!isHeaderSafe(h.first) || !isHeaderSafe(h.second)) {
                // A key or a header with a line break would smuggle a header of its own.
                m_refused = tr("a request header contains a line break");
                m_bytes.clear();
                return;
            }
            out += h.first;
            out += ": ";
            out += h.second;
            out += "\r\n";
        }
        if (!e.loopback)
            out += "accept-encoding: gzip, deflate\r\n";
        if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT") {
            out += "content-length: ";
            out += QByteArray::number(request.body.size());
            out += "\r\n";
        }
        out += "\r\n";
        out += request.body;
    }
    ~Http1Call() override { stop(); }

    void start()
    {
        if (!m_refused.isEmpty()) {
            reportSoon(unreachable(m_refused));
            return;
        }
        ++m_client->m_active;
        m_counted = true;
        m_starting = true;
        open(true);
        m_starting = false;
    }

protected:
    void releaseTransport() override { stop(); }

    void pauseChanged() override
    {
        if (!m_socket)
            return;
        // Paused, the socket reads this much ahead and then leaves the rest to TCP.
        m_socket->setReadBufferSize(isPaused() ? pausedReadAheadBytes : readAheadBytes);
        if (isPaused())
            return;
        // What arrived meanwhile, and the end of the connection, are taken in now.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (isPaused() || isDone())
                    return;
                if (std::exchange(m_closedWhilePaused, false))
                    onDisconnected();
                else
                    onReadyRead();
            },
            Qt::QueuedConnection);
    }

private:
    void stop()
    {
        if (m_counted && m_client)
            --m_client->m_active;
        m_counted = false;
        if (QAbstractSocket *socket = detach()) {
            socket->abort();
            socket->deleteLater();
        }
    }

    void open(bool allowReuse)
    {
        QAbstractSocket *socket =
            allowReuse && m_client ? m_client->takeIdle(m_endpoint.poolKey) : nullptr;
        m_reused = socket != nullptr;
        if (socket) {
            attach(socket);
            write();
            return;
        }
        if (m_endpoint.https) {
            auto *tls = new QSslSocket(this);
            tls->setSslConfiguration(m_client ? m_client->m_tls
                                              : QSslConfiguration::defaultConfiguration());
            socket = tls;
            attach(socket);
            // The request, and the key in it, leaves only over a verified connection.
            connect(tls, &QSslSocket::encrypted, this, [this] { write(); });
        } else {
            socket = new QTcpSocket(this);
            attach(socket);
        }
        connect(socket, &QAbstractSocket::connected, this, [this] {
            m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            if (!m_endpoint.loopback)
                m_socket->setSocketOption(QAbstractSocket::KeepAliveOption, 1);
            if (!m_endpoint.https)
                write();
        });
        socket->setProxy(proxy());
        connecting();
        if (m_endpoint.https)
            static_cast<QSslSocket *>(socket)->connectToHostEncrypted(m_endpoint.host,
                                                                      m_endpoint.port);
        else
            socket->connectToHost(m_endpoint.host, m_endpoint.port);
    }

    QNetworkProxy proxy() const
    {
        if (m_endpoint.loopback || !m_client)
            return QNetworkProxy(QNetworkProxy::NoProxy);
        return m_client->proxyFor(m_endpoint);
    }

    void attach(QAbstractSocket *socket)
    {
        m_socket = socket;
        socket->setParent(this);
        // What one read hands on, and the relay copies on its way to the client, stays small.
        socket->setReadBufferSize(readAheadBytes);
        connect(socket, &QAbstractSocket::readyRead, this, [this] { onReadyRead(); });
        connect(socket, &QAbstractSocket::disconnected, this, [this] { onDisconnected(); });
        connect(socket, &QAbstractSocket::errorOccurred, this,
                [this](QAbstractSocket::SocketError e) { onError(e); });
    }

    QAbstractSocket *detach()
    {
        QAbstractSocket *socket = std::exchange(m_socket, nullptr);
        if (socket)
            socket->disconnect(this);
        return socket;
    }

    void write()
    {
        if (!m_socket || isDone())
            return;
        sending();
        m_socket->write(m_bytes);
        m_socket->flush();
    }

    void onReadyRead()
    {
        if (!m_socket || isDone() || isPaused())
            return;
        const QByteArray data = m_socket->readAll();
        if (data.isEmpty())
            return;
        m_gotBytes = true;
        HttpResponseParser::Output out;
        const bool ok = m_parser.feed(data, out);
        handle(out, ok);
    }

    void handle(const HttpResponseParser::Output &out, bool ok)
    {
        // The caller may abort this call, or start others, from any of these signals.
        QPointer<Http1Call> self(this);
        if (out.headersReady) {
            deliverHeaders(m_parser.status(), m_parser.headers());
            if (!self || isDone())
                return;
        }
        if (!out.body.isEmpty()) {
            deliverData(out.body);
            if (!self || isDone())
                return;
        }
        if (!ok) {
            const QString why = m_parser.failureText();
            report(headersDelivered() ? brokenOff(why) : unreachable(why));
            return;
        }
        if (out.complete)
            complete();
    }

    void complete()
    {
        QAbstractSocket *socket = m_socket;
        if (socket && m_client && m_parser.keepAlive() &&
            socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0) {
            detach();
            m_client->keepIdle(m_endpoint.poolKey, socket, m_endpoint.loopback);
        }
        deliverCompleted();
    }

    void onDisconnected()
    {
        if (!m_socket || isDone())
            return;
        if (isPaused()) {
            m_closedWhilePaused = true; // the bytes before the close are still to be read
            return;
        }
        QPointer<Http1Call> self(this);
        onReadyRead(); // the last bytes, which may complete the answer
        if (!self || isDone() || !m_socket)
            return;
        if (retryOnFreshConnection())
            return;
        HttpResponseParser::Output out;
        const bool ok = m_parser.closed(out);
        if (!ok && !m_gotBytes) {
            report(unreachable(tr("the connection closed without an answer")));
            return;
        }
        handle(out, ok);
    }

    void onError(QAbstractSocket::SocketError error)
    {
        if (!m_socket || isDone())
            return;
        if (error == QAbstractSocket::RemoteHostClosedError &&
            m_socket->state() != QAbstractSocket::UnconnectedState)
            return; // onDisconnected follows, once the last bytes are read
        if (error == QAbstractSocket::RemoteHostClosedError) {
            onDisconnected();
            return;
        }
        if (retryOnFreshConnection())
            return;
        const QString detail = m_socket->errorString();
        report(headersDelivered() ? brokenOff(detail) : unreachable(detail));
    }

    // A kept connection the server closed just as it was reused: nothing was answered, so
    // the request goes once more on a new connection.
    bool retryOnFreshConnection()
    {
        if (!m_reused || m_retried || m_gotBytes || isDone())
            return false;
        m_retried = true;
        if (QAbstractSocket *socket = detach()) {
            socket->abort();
            socket->deleteLater();
        }
        open(false);
        return true;
    }

    void report(const ApiError &error)
    {
        if (m_starting)
            reportSoon(error);
        else
            fail(error);
    }

    // What goes wrong before send() has returned is told once the caller had a chance to
    // connect to the call's signals.
    void reportSoon(const ApiError &error)
    {
        QMetaObject::invokeMethod(
            this, [this, error] { fail(error); }, Qt::QueuedConnection);
    }

    QPointer<UpstreamClient> m_client;
    UpstreamEndpoint m_endpoint;
    QByteArray m_bytes;
    QString m_refused;
    QAbstractSocket *m_socket = nullptr;
    HttpResponseParser m_parser;
    bool m_counted = false;
    bool m_starting = false;
    bool m_reused = false;
    bool m_retried = false;
    bool m_gotBytes = false;
    bool m_closedWhilePaused = false;
    static constexpr qint64 readAheadBytes = qint64{1024} * 1024;
    static constexpr qint64 pausedReadAheadBytes = qint64{64} * 1024;
};

UpstreamClient::UpstreamClient(QObject *parent) : QObject(parent), m_sweep(new QTimer(this))
{
    m_clock.start();
    m_sweep->setInterval(1000);
    m_sweep->setTimerType(Qt::CoarseTimer);
    connect(m_sweep, &QTimer::timeout, this, &UpstreamClient::sweep);
    setExtraCaFile({});
}

UpstreamClient::~UpstreamClient() = default;

Status UpstreamClient::setExtraCaFile(const QString &path)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setAllowedNextProtocols({QByteArray(QSslConfiguration::NextProtocolHttp1_1)});
    if (!path.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Status::failure(
                tr("Cannot read the certificate file %1: %2").arg(path, file.errorString()));
        const QList<QSslCertificate> extra = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (extra.isEmpty())
            return Status::failure(tr("%1 holds no PEM certificate.").arg(path));
        // Setting authorities replaces the system's: they are listed too, so the file adds.
        tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + extra);
    }
    m_tls = tls;
    return {};
}

UpstreamCall *UpstreamClient::send(const UpstreamRequest &request, QObject *owner)
{
    auto *call = new Http1Call(request, this, owner);
    call->start();
    return call;
}

QNetworkProxy UpstreamClient::proxyFor(const UpstreamEndpoint &endpoint)
{
    // Asking the system may mean reading desktop settings or a proxy script: once per host.
    auto it = m_proxies.constFind(endpoint.poolKey);
    if (it != m_proxies.constEnd())
        return *it;
    const QList<QNetworkProxy> proxies =
        QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(endpoint.url));
    const QNetworkProxy proxy =
        proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::NoProxy) : proxies.first();
    m_proxies.insert(endpoint.poolKey, proxy);
    return proxy;
}

QAbstractSocket *UpstreamClient::takeIdle(const QString &key)
{
    auto it = m_idle.find(key);
    if (it == m_idle.end())
        return nullptr;
    while (!it->isEmpty()) {
        // The most recently used one: the least likely to have been closed by its server.
        QAbstractSocket *socket = it->takeLast().socket;
        socket->disconnect(this);
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0)
            return socket;
        socket->abort();
        socket->deleteLater();
    }
    return nullptr;
}

void UpstreamClient::keepIdle(const QString &key, QAbstractSocket *socket, bool loopback)
{
    QList<Idle> &list = m_idle[key];
    if (list.size() >= maxIdlePerHost) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    // An idle connection that speaks or closes is of no further use.
    connect(socket, &QAbstractSocket::readyRead, this, [this, socket] { dropIdle(socket); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { dropIdle(socket); });
    list.append({socket, m_clock.elapsed() + (loopback ? localIdleMs : remoteIdleMs)});
    if (!m_sweep->isActive())
        m_sweep->start();
}

void UpstreamClient::dropIdle(QAbstractSocket *socket)
{
    for (QList<Idle> &list : m_idle) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].socket != socket)
                continue;
            list.removeAt(i);
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
            return;
        }
    }
}

void UpstreamClient::sweep()
{
    const qint64 now = m_clock.elapsed();
    bool any = false;
    for (auto it = m_idle.begin(); it != m_idle.end();) {
        QList<Idle> &list = *it;
        // Oldest first: each host's list is in the order the connections became idle.
        while (!list.isEmpty() && list.first().expiresMs <= now) {
            QAbstractSocket *socket = list.takeFirst().socket;
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
        if (list.isEmpty()) {
            it = m_idle.erase(it);
        } else {
            any = true;
            ++it;
        }
    }
    if (!any)
        m_sweep->stop();
}

int UpstreamClient::idleConnections() const
{
    int n = 0;
    for (const QList<Idle> &list : m_idle)
        n += int(list.size());
    return n;
}

} // namespace gatehouse
