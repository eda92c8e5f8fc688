#include "HttpConnection.h"

#include "HttpExchange.h"
#include "HttpHandler.h"

#include <QSocketNotifier>
#include <QSslSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace gatehouse {

HttpConnection::HttpConnection(QTcpSocket *socket, HttpHandler *handler, const Settings &settings,
                               QObject *parent)
    : QObject(parent), m_socket(socket), m_handler(handler), m_settings(settings),
      m_parser(settings.limits), m_timer(new QTimer(this)),
      m_readAhead(std::max<qint64>(readAheadBytes, qint64{settings.limits.maxHeaderBytes} + 4))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // What the client sends beyond this waits in the kernel, which in turn holds the client.
    m_socket->setReadBufferSize(m_readAhead);
    m_environment.localAddress = m_socket->localAddress();
    m_environment.localPort = m_socket->localPort();
    m_environment.peerAddress = m_socket->peerAddress();
    m_environment.peerPort = m_socket->peerPort();
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &HttpConnection::onDeadline);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::pump);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onPeerClosed);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError ||
            m_socket->state() != QAbstractSocket::ConnectedState) {
            close();
            return;
        }
        m_peerFinished = true;
        m_unsentAtPeerClose = m_socket->bytesToWrite(); // lost with Qt's descriptor
    });
#ifdef Q_OS_UNIX
    if (!qobject_cast<QSslSocket *>(m_socket))
        m_spareDescriptor =
            ::fcntl(static_cast<int>(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
#endif
    updateDeadline();
}

HttpConnection::~HttpConnection()
{
#ifdef Q_OS_UNIX
    if (m_spareDescriptor >= 0)
        ::close(m_spareDescriptor);
#endif
}

void HttpConnection::refuse(int status, const QString &message)
{
    rejectMalformed(status, message);
}

void HttpConnection::updateDeadline()
{
    if (m_lingering)
        return;
    Deadline wanted = Deadline::Idle;
    if (m_closing || m_serving)
        wanted = Deadline::None;
    else if (m_exchange)
        wanted = Deadline::Body;
    else if (m_parser.inProgress() || !m_buffer.isEmpty())
        wanted = Deadline::Head;
    if (wanted == m_deadline)
        return; // the running deadline stands
    m_deadline = wanted;
    switch (wanted) {
    case Deadline::None:
        m_timer->stop();
        break;
    case Deadline::Idle:
        m_timer->start(m_settings.idleTimeoutMs);
        break;
    case Deadline::Head:
        m_timer->start(m_settings.headerTimeoutMs);
        break;
    case Deadline::Body:
        m_timer->start(m_settings.bodyTimeoutMs);
        break;
    case Deadline::Linger:
        m_timer->start(lingerMs);
        break;
    }
}

void HttpConnection::onDeadline()
{
    switch (m_deadline) {
    case Deadline::None:
        return;
    case Deadline::Idle:
    case Deadline::Linger:
        close();
        return;
    case Deadline::Head:
    case Deadline::Body:
        rejectMalformed(408, tr("The request was not completed in time."));
        return;
    }
}

void HttpConnection::pump()
{
    m_pumpQueued = false;
    if (m_lingering) {
        m_socket->readAll(); // dropped
        return;
    }
    // Reads only what the parser can take; while an answer is served or unread, the next
    // pipelined request stays in the socket.
    while (!m_closing && !m_serving && !m_writeBlocked) {
        const qsizetype before = m_buffer.size();
        const qint64 room = m_readAhead - before;
        const qint64 available = m_socket->bytesAvailable();
        if (room > 0 && available > 0) // readAll hands over Qt's buffer without a copy
            m_buffer.append(available <= room ? m_socket->readAll() : m_socket->read(room));
        const bool gotBytes = m_buffer.size() != before;
        const qsizetype beforeParse = m_buffer.size();
        const bool wasIdle = !m_parser.inProgress() && !m_exchange;
        processBuffer();
        if (!gotBytes && m_buffer.size() == beforeParse &&
            wasIdle == (!m_parser.inProgress() && !m_exchange))
            break;
    }
    updateDeadline();
}

void HttpConnection::processBuffer()
{
    if (m_exchange && m_serving)
        return;
    if (m_closing)
        return;
    if (m_buffer.isEmpty() && !m_parser.inProgress())
        return;
    const auto status = m_parser.parse(m_buffer);
    if (m_parser.takeHeadReady() && !beginExchange(status == HttpRequestParser::Status::Complete))
        return;
    if (status == HttpRequestParser::Status::Error) {
        rejectMalformed(m_parser.errorStatus(), m_parser.errorMessage());
        return;
    }
    if (status == HttpRequestParser::Status::Incomplete) {
        if (m_parser.takeContinueRequest() && m_exchange)
            write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        updateDeadline();
        return;
    }
    HttpRequest request = m_parser.takeRequest();
    HttpExchange *exchange = m_exchange;
    if (!exchange) // cannot happen: the head always comes first
        return;
    exchange->m_request.body = std::move(request.body);
    m_serving = true;
    updateDeadline();
    m_handler->handleRequest(exchange);
}

bool HttpConnection::beginExchange(bool complete)
{
    HttpRequest head = m_parser.head();
    head.environment = m_environment;
    auto *exchange = new HttpExchange(this, std::move(head));
    // An answer before the body was read ends the connection: the unread body is in the way.
    if (!complete)
        exchange->m_closeAfter = true;
    m_exchange = exchange;
    m_lingerOnClose = !complete;
    m_handler->handleHead(exchange);
    if (!exchange->hasResponseStarted()) {
        m_lingerOnClose = false;
        exchange->m_closeAfter = !exchange->m_request.keepAlive();
        return true;
    }
    // Refused on its head. A request that was all here is dropped, and the connection
    // goes on with the next one.
    if (complete && !m_closing)
        m_parser.takeRequest();
    return false;
}

void HttpConnection::rejectMalformed(int status, const QString &message)
{
    // Nothing after broken or unfinished framing can be trusted: answer, then close.
    HttpExchange *exchange = m_exchange;
    if (exchange && exchange->hasResponseStarted()) {
        close();
        return;
    }
    if (!exchange) {
        HttpRequest request = m_parser.takeRequest();
        request.environment = m_environment;
        exchange = new HttpExchange(this, std::move(request));
    }
    exchange->m_closeAfter = true;
    m_exchange = exchange;
    m_serving = true;
    // A body refused as too large may still be on its way; a late one is not waited for.
    m_lingerOnClose = status == 413;
    m_buffer.clear();
    updateDeadline();
    m_handler->handleMalformedRequest(exchange, status, message);
}

qint64 HttpConnection::unsentBytes() const
{
    return m_halfClosed ? m_rawUnsent.size() : m_socket->bytesToWrite();
}

void HttpConnection::write(const QByteArray &data)
{
    if (m_closing)
        return;
    if (m_halfClosed) {
        m_rawUnsent += data;
        sendRaw();
    } else {
        m_socket->write(data);
        m_socket->flush(); // send now rather than at the next event loop turn: lower latency
    }
    if (!m_closing && !m_writeBlocked && unsentBytes() > writeHighWaterBytes) {
        m_writeBlocked = true;
        if (m_exchange)
            emit m_exchange->sendBufferFull(true);
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_lingering) {
        shutdownWhenSent();
        return;
    }
    if (!m_writeBlocked || m_socket->bytesToWrite() > writeLowWaterBytes)
        return;
    m_writeBlocked = false;
    if (m_exchange)
        emit m_exchange->sendBufferFull(false);
    if (!m_pumpQueued) {
        m_pumpQueued = true;
        QMetaObject::invokeMethod(this, &HttpConnection::pump, Qt::QueuedConnection);
    }
}

void HttpConnection::exchangeFinished(bool closeConnection)
{
    if (m_exchange) {
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    m_serving = false;
    if (closeConnection) {
        closeAfterAnswer();
        return;
    }
    updateDeadline();
    // A pipelined request already here is taken up next; otherwise readyRead brings the next.
    if (!m_pumpQueued && (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)) {
        m_pumpQueued = true;
        QMetaObject::invokeMethod(this, &HttpConnection::pump, Qt::QueuedConnection);
    }
}

void HttpConnection::closeAfterAnswer()
{
    m_closing = true;
    if (m_halfClosed) { // the rest of the answer goes out through the spare descriptor
        m_timer->stop();
        if (m_rawUnsent.isEmpty())
            close();
        return;
    }
#ifdef Q_OS_UNIX
    // Closing a socket with unread bytes resets the connection, and a client still sending
    // its body may lose the answer with it: our side is shut once the answer is out, and
    // what the client still sends is read and dropped, for a short while.
    if (m_lingerOnClose && !qobject_cast<QSslSocket *>(m_socket)) {
        m_lingering = true;
        m_deadline = Deadline::Linger;
        m_timer->start(lingerMs);
        shutdownWhenSent();
        pump();
        return;
    }
#endif
    m_timer->stop();
    m_socket->disconnectFromHost(); // flushes what is written, then closes
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        close();
}

void HttpConnection::shutdownWhenSent()
{
#ifdef Q_OS_UNIX
    if (m_socket->bytesToWrite() == 0 && m_socket->state() == QAbstractSocket::ConnectedState)
        ::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR);
#endif
}

void HttpConnection::onPeerClosed()
{
    // Only the client's end of stream; not a close from this side (abort()).
    if (m_peerFinished && !m_closing && continueHalfClosed())
        return;
    close();
}

bool HttpConnection::continueHalfClosed()
{
#ifdef Q_OS_UNIX
    // A client may shut just its sending side once its request is out (RFC 9112, section
    // 9.6): a request that was whole is answered. Qt closed its descriptor at the end of the
    // stream, so the answer goes on through the spare one; an answer with bytes Qt had not
    // sent yet cannot, as they went with Qt's descriptor.
    if (m_spareDescriptor < 0 || !m_serving || !m_exchange ||
        (m_exchange->hasResponseStarted() && m_unsentAtPeerClose > 0))
        return false;
    m_halfClosed = true;
    m_exchange->m_closeAfter = true;
    if (m_writeBlocked) {
        m_writeBlocked = false;
        emit m_exchange->sendBufferFull(false);
    }
    // A client that closed altogether is told from one that only half-closed by what it does
    // with bytes sent after its end: a closed socket answers with a reset, which the probe
    // sees. Before the answer begins, an interim answer provokes it, which every HTTP/1.1
    // client reads past (RFC 9110, section 15.2); HTTP/1.0 has none, and there the answer
    // itself tells.
    if (!m_exchange->hasResponseStarted() && m_exchange->request().versionMinor >= 1) {
        m_rawUnsent = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
        sendRaw();
    }
    m_probe = new QTimer(this);
    m_probe->setInterval(probeIntervalMs);
    connect(m_probe, &QTimer::timeout, this, &HttpConnection::probePeer);
    m_probe->start();
    return true;
#else
    return false;
#endif
}

void HttpConnection::probePeer()
{
#ifdef Q_OS_UNIX
    if (m_closing || !m_exchange) {
        m_probe->stop();
        return;
    }
    pollfd descriptor{m_spareDescriptor, POLLOUT, 0};
    if (::poll(&descriptor, 1, 0) == 1 && (descriptor.revents & (POLLERR | POLLHUP)) != 0) {
        m_probe->stop();
        close(); // reset: the client is gone
    }
#endif
}

void HttpConnection::sendRaw()
{
#ifdef Q_OS_UNIX
    if (m_spareDescriptor < 0)
        return;
    qsizetype sent = 0;
    bool gone = false;
    while (sent < m_rawUnsent.size()) {
        const ssize_t n =
            ::send(m_spareDescriptor, m_rawUnsent.constData() + sent,
                   static_cast<size_t>(m_rawUnsent.size() - sent), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        gone = !(n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
        break;
    }
    m_rawUnsent.remove(0, sent);
    if (gone) {
        // Closed from a later turn of the event loop: the writer may be inside a write.
        m_rawUnsent.clear();
        m_closing = true;
        QMetaObject::invokeMethod(this, &HttpConnection::close, Qt::QueuedConnection);
        return;
    }
    if (!m_rawUnsent.isEmpty()) {
        if (!m_rawWritable) {
            m_rawWritable = new QSocketNotifier(m_spareDescriptor, QSocketNotifier::Write, this);
            connect(m_rawWritable, &QSocketNotifier::activated, this, &HttpConnection::sendRaw);
        }
        m_rawWritable->setEnabled(true);
        return;
    }
    if (m_rawWritable)
        m_rawWritable->setEnabled(false);
    if (m_writeBlocked && m_exchange) {
        m_writeBlocked = false;
        emit m_exchange->sendBufferFull(false);
    }
    if (m_closing)
        close(); // the whole answer is out
#endif
}

void HttpConnection::close()
{
    if (m_exchange) {
        HttpExchange *exchange = m_exchange;
        m_exchange = nullptr;
        m_closing = true;
        exchange->notifyClientGone();
        exchange->deleteLater();
    }
    if (m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_closing = true;
        m_socket->abort();
    }
#ifdef Q_OS_UNIX
    if (m_probe)
        m_probe->stop();
    if (m_spareDescriptor >= 0) {
        if (m_rawWritable)
            m_rawWritable->setEnabled(false);
        ::close(m_spareDescriptor);
        m_spareDescriptor = -1;
    }
#endif
    if (m_closed)
        return;
    m_closed = true;
    m_timer->stop();
    emit closed();
    deleteLater();
}

} // namespace gatehouse
