#include "Http1Upstream.h"

#include "http/HttpNumber.h"

#include <QTcpSocket>
#include <QTimer>

namespace gatehouse {

namespace {
constexpr int maxResponseHeadBytes = 64 * 1024;

} // namespace

Http1ConnectionPool::Http1ConnectionPool(QObject *parent)
    : QObject(parent), m_sweepTimer(new QTimer(this))
{
    m_clock.start();
    m_sweepTimer->setInterval(1000);
    m_sweepTimer->setTimerType(Qt::CoarseTimer);
    connect(m_sweepTimer, &QTimer::timeout, this, &Http1ConnectionPool::sweep);
}

QTcpSocket *Http1ConnectionPool::take(const QString &key)
{
    auto it = m_idle.find(key);
    if (it == m_idle.end())
        return nullptr;
    while (!it->isEmpty()) {
        QTcpSocket *socket = it->takeLast().socket; // most recently used: least likely closed
        socket->disconnect(this);
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0)
            return socket;
        socket->abort();
        socket->deleteLater();
    }
    return nullptr;
}

void Http1ConnectionPool::giveBack(const QString &key, QTcpSocket *socket)
{
    QList<Idle> &list = m_idle[key];
    if (list.size() >= maxIdlePerHost || socket->state() != QAbstractSocket::ConnectedState) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    // An idle connection that speaks or closes is of no further use.
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    list.append({socket, m_clock.elapsed()});
    if (!m_sweepTimer->isActive())
        m_sweepTimer->start();
}

void Http1ConnectionPool::drop(QTcpSocket *socket)
{
    for (auto &list : m_idle) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].socket == socket) {
                list.removeAt(i);
                socket->disconnect(this);
                socket->abort();
                socket->deleteLater();
                return;
            }
        }
    }
}

void Http1ConnectionPool::sweep()
{
    const qint64 now = m_clock.elapsed();
    bool any = false;
    for (auto &list : m_idle) {
        while (!list.isEmpty() && now - list.first().since > idleTimeoutMs) {
            QTcpSocket *socket = list.takeFirst().socket;
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
        any = any || !list.isEmpty();
    }
    if (!any)
        m_sweepTimer->stop();
}

int Http1ConnectionPool::idleCount() const
{
    int n = 0;
    for (const auto &list : m_idle)
        n += static_cast<int>(list.size());
    return n;
}

Http1UpstreamCall::Http1UpstreamCall(const UpstreamRequest &request, Http1ConnectionPool *pool,
                                     QObject *parent)
    : UpstreamCall(request, parent), m_pool(pool), m_key(request.endpoint.poolKey),
      m_host(request.endpoint.host), m_port(request.endpoint.port)
{
    const UpstreamEndpoint &e = request.endpoint;
    QByteArray &out = m_requestBytes;
    out.reserve(256 + request.body.size());
    out += request.method;
    out += ' ';
    out += e.target;
    out += " HTTP/1.1\r\nhost: ";
    out += e.hostHeader;
    out += "\r\n";
    for (const auto &h : request.headers) {
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
    if (!request.body.isEmpty() || request.method == "POST" || request.method == "PUT") {
        out += "content-length: ";
        out += QByteArray::number(request.body.size());
        out += "\r\n";
    }
    out += "\r\n";
    out += request.body;
    start(true);
}

Http1UpstreamCall::~Http1UpstreamCall()
{
    release();
}

void Http1UpstreamCall::attach(QTcpSocket *socket)
{
    m_socket = socket;
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &Http1UpstreamCall::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &Http1UpstreamCall::onDisconnected);
    connect(socket, &QTcpSocket::errorOccurred, this, &Http1UpstreamCall::onSocketError);
}

void Http1UpstreamCall::start(bool allowReuse)
{
    QTcpSocket *socket = allowReuse && m_pool ? m_pool->take(m_key) : nullptr;
    m_reused = socket != nullptr;
    if (socket) {
        attach(socket);
        sendRequest();
        return;
    }
    socket = new QTcpSocket(this);
    attach(socket);
    connect(socket, &QTcpSocket::connected, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        sendRequest();
    });
    enterPhase(Phase::Sending);
    socket->connectToHost(m_host, m_port);
}

void Http1UpstreamCall::sendRequest()
{
    m_socket->write(m_requestBytes);
    m_socket->flush();
    enterPhase(Phase::AwaitingFirstByte);
}

bool Http1UpstreamCall::retryOnFreshConnection()
{
    // A kept-alive connection the server closed just as it was reused: nothing was answered,
    // so send once more on a new connection.
    if (!m_reused || m_retried || m_gotBytes || isDone())
        return false;
    m_retried = true;
    detachSocket();
    start(false);
    return true;
}

void Http1UpstreamCall::onSocketError()
{
    if (!m_socket || isDone())
        return;
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return; // handled in onDisconnected, after the last bytes are read
    if (retryOnFreshConnection())
        return;
    const QString detail = m_socket->errorString();
    fail(headersDelivered() ? brokenOff(detail) : unreachable(detail));
}

void Http1UpstreamCall::onDisconnected()
{
    if (!m_socket || isDone())
        return;
    onReadyRead();
    if (isDone())
        return;
    if (!m_inHead && m_mode == BodyMode::UntilClose) {
        detachSocket();
        deliverFinished();
        return;
    }
    if (retryOnFreshConnection())
        return;
    fail(headersDelivered()
             ? brokenOff(tr("the connection closed before the response was complete"))
             : unreachable(tr("the connection closed without an answer")));
}

void Http1UpstreamCall::onReadyRead()
{
    if (!m_socket || isDone())
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    m_gotBytes = true;
    if (m_buffer.isEmpty())
        m_buffer = data;
    else
        m_buffer += data;
    parse();
}

void Http1UpstreamCall::parse()
{
    if (m_inHead && !parseHead())
        return;
    switch (m_mode) {
    case BodyMode::None:
        completeResponse();
        return;
    case BodyMode::Length: {
        const qint64 take = std::min<qint64>(m_remaining, m_buffer.size());
        if (take > 0) {
            m_remaining -= take;
            deliverData(take == m_buffer.size() ? std::exchange(m_buffer, {})
                                                : m_buffer.left(take));
            if (isDone())
                return;
            m_buffer.remove(0, std::min<qint64>(take, m_buffer.size()));
        }
        if (m_remaining == 0)
            completeResponse();
        return;
    }
    case BodyMode::UntilClose:
        if (!m_buffer.isEmpty())
            deliverData(std::exchange(m_buffer, {}));
        return;
    case BodyMode::Chunked:
        parseChunked();
        return;
    }
}

bool Http1UpstreamCall::parseHead()
{
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > maxResponseHeadBytes)
                fail(brokenOff(tr("the response headers are larger than 64 KiB")));
            return false;
        }
        const QByteArrayView head(m_buffer.constData(), end);
        qsizetype lineEnd = head.indexOf("\r\n");
        if (lineEnd < 0)
            lineEnd = head.size();
        const QByteArrayView statusLine = head.first(lineEnd);
        // "HTTP/1.1 200 OK"
        if (statusLine.size() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine[8] != ' ') {
            fail(unreachable(tr("the answer is not HTTP/1.x")));
            return false;
        }
        const int status = statusLine.sliced(9, 3).toInt();
        const bool http10 = statusLine[7] == '0';
        if (status < 100 || status > 999) {
            fail(unreachable(tr("the answer has no valid status code")));
            return false;
        }
        HttpHeaders headers;
        qsizetype pos = lineEnd + 2;
        while (pos < head.size()) {
            qsizetype next = head.indexOf("\r\n", pos);
            if (next < 0)
                next = head.size();
            const QByteArrayView line = head.sliced(pos, next - pos);
            pos = next + 2;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            headers.append({line.first(colon).trimmed().toByteArray().toLower(),
                            line.sliced(colon + 1).trimmed().toByteArray()});
        }
        m_buffer.remove(0, end + 4);
        if (status < 200)
            continue; // 100 Continue and other interim answers

        QByteArray connection, transferEncoding, contentLength;
        for (const auto &h : headers) {
            if (h.first == "connection")
                connection = h.second.toLower();
            else if (h.first == "transfer-encoding")
                transferEncoding = h.second.toLower();
            else if (h.first == "content-length")
                contentLength = h.second;
        }
        m_keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        if (status == 204 || status == 304) {
            m_mode = BodyMode::None;
        } else if (transferEncoding.contains("chunked")) {
            m_mode = BodyMode::Chunked;
            m_chunkState = ChunkState::Size;
        } else if (!contentLength.isEmpty()) {
            bool ok = false;
            m_remaining = contentLength.toLongLong(&ok);
            if (!ok || m_remaining < 0) {
                fail(unreachable(tr("the answer has an invalid Content-Length")));
                return false;
            }
            m_mode = BodyMode::Length;
        } else {
            m_mode = BodyMode::UntilClose;
            m_keepAlive = false;
        }
        m_inHead = false;
        deliverHeaders(status, headers);
        return !isDone();
    }
}

void Http1UpstreamCall::parseChunked()
{
    qsizetype pos = 0;
    QByteArray out;
    auto flush = [&] {
        m_buffer.remove(0, pos);
        pos = 0;
        if (!out.isEmpty())
            deliverData(std::exchange(out, {}));
    };
    for (;;) {
        switch (m_chunkState) {
        case ChunkState::Size: {
            const qsizetype eol = m_buffer.indexOf("\r\n", pos);
            if (eol < 0) {
                flush();
                if (!isDone() && m_buffer.size() > 1024)
                    fail(brokenOff(tr("a chunk size line is too long")));
                return;
            }
            QByteArrayView line(m_buffer.constData() + pos, eol - pos);
            if (const qsizetype semi = line.indexOf(';'); semi >= 0)
                line = line.first(semi);
            if (!parseHttpNumber(line.trimmed(), 16, m_remaining)) {
                fail(brokenOff(tr("a chunk size is malformed")));
                return;
            }
            pos = eol + 2;
            m_chunkState = m_remaining == 0 ? ChunkState::Trailers : ChunkState::Data;
            break;
        }
        case ChunkState::Data: {
            const qint64 take = std::min<qint64>(m_remaining, m_buffer.size() - pos);
            out += QByteArrayView(m_buffer.constData() + pos, take);
            pos += take;
            m_remaining -= take;
            if (m_remaining > 0) {
                flush();
                return;
            }
            m_chunkState = ChunkState::DataEnd;
            break;
        }
        case ChunkState::DataEnd:
            if (m_buffer.size() - pos < 2) {
                flush();
                return;
            }
            if (m_buffer[pos] != '\r' || m_buffer[pos + 1] != '\n') {
                fail(brokenOff(tr("a chunk is not followed by CRLF")));
                return;
            }
            pos += 2;
            m_chunkState = ChunkState::Size;
            // Hand each chunk on at once: an event stream must not wait for the next one.
            flush();
            if (isDone())
                return;
            break;
        case ChunkState::Trailers: {
            const qsizetype eol = m_buffer.indexOf("\r\n", pos);
            if (eol < 0) {
                flush();
                return;
            }
            const bool last = eol == pos;
            pos = eol + 2;
            if (last) {
                flush();
                if (!isDone())
                    completeResponse();
                return;
            }
            break;
        }
        }
    }
}

void Http1UpstreamCall::completeResponse()
{
    if (isDone())
        return;
    if (m_socket && m_keepAlive && m_buffer.isEmpty() && m_pool) {
        QTcpSocket *socket = m_socket;
        socket->disconnect(this);
        m_socket = nullptr;
        m_pool->giveBack(m_key, socket);
    } else {
        detachSocket();
    }
    deliverFinished();
}

void Http1UpstreamCall::detachSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void Http1UpstreamCall::releaseTransport()
{
    detachSocket();
}

} // namespace gatehouse
