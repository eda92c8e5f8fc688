#include "HttpConnection.h"

#include "HttpExchange.h"
#include "HttpHandler.h"

#include <QSslSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
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
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError ||
            m_socket->state() != QAbstractSocket::ConnectedState)
            close();
    });
    updateDeadline();
}

HttpConnection::~HttpConnection() = default;

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

void HttpConnection::write(const QByteArray &data)
{
    if (m_closing)
        return;
    m_socket->write(data);
    m_socket->flush(); // send now rather than at the next event loop turn: lower latency
    if (!m_writeBlocked && m_socket->bytesToWrite() > writeHighWaterBytes) {
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
    if (m_closed)
        return;
    m_closed = true;
    m_timer->stop();
    emit closed();
    deleteLater();
}

} // namespace gatehouse
