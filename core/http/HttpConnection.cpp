#include "HttpConnection.h"

#include "HttpExchange.h"
#include "HttpHandler.h"

#include <QTcpSocket>
#include <QTimer>

namespace gatehouse {

HttpConnection::HttpConnection(QTcpSocket *socket, HttpHandler *handler, const Settings &settings,
                               QObject *parent)
    : QObject(parent), m_socket(socket), m_handler(handler), m_settings(settings),
      m_parser(settings.limits), m_timer(new QTimer(this))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_exchange)
            return; // a request is being served; its own deadlines apply
        if (m_parser.inProgress() || !m_buffer.isEmpty()) {
            rejectMalformed(408, tr("The request was not completed in time."));
            return;
        }
        close();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError ||
            m_socket->state() != QAbstractSocket::ConnectedState)
            close();
    });
    armTimer();
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::armTimer()
{
    if (m_exchange) {
        m_timer->stop();
        return;
    }
    m_timer->start(m_parser.inProgress() || !m_buffer.isEmpty() ? m_settings.headerTimeoutMs
                                                                : m_settings.idleTimeoutMs);
}

void HttpConnection::onReadyRead()
{
    if (m_closing)
        return;
    if (m_buffer.isEmpty())
        m_buffer = m_socket->readAll();
    else
        m_buffer.append(m_socket->readAll());
    processBuffer();
}

void HttpConnection::processBuffer()
{
    // One request at a time: a pipelined next request waits in the buffer.
    if (m_exchange || m_closing)
        return;
    const auto status = m_parser.parse(m_buffer);
    if (status == HttpRequestParser::Status::Incomplete) {
        if (m_parser.takeContinueRequest())
            write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
        armTimer();
        return;
    }
    m_timer->stop();
    if (status == HttpRequestParser::Status::Error) {
        rejectMalformed(m_parser.errorStatus(), m_parser.errorMessage());
        return;
    }
    auto *exchange = new HttpExchange(this, m_parser.takeRequest());
    m_exchange = exchange;
    m_handler->handleRequest(exchange);
}

void HttpConnection::rejectMalformed(int status, const QString &message)
{
    // Nothing after broken or unfinished framing can be trusted: answer, then close.
    auto *exchange = new HttpExchange(this, m_parser.takeRequest());
    exchange->m_closeAfter = true;
    m_exchange = exchange;
    m_buffer.clear();
    m_handler->handleMalformedRequest(exchange, status, message);
}

void HttpConnection::write(const QByteArray &data)
{
    if (m_closing)
        return;
    m_socket->write(data);
    m_socket->flush(); // send now rather than at the next event loop turn: lower latency
}

void HttpConnection::exchangeFinished(bool closeConnection)
{
    if (m_exchange) {
        m_exchange->deleteLater();
        m_exchange = nullptr;
    }
    if (closeConnection) {
        m_closing = true;
        m_timer->stop();
        m_socket->disconnectFromHost(); // flushes what is written, then closes
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            close();
        return;
    }
    armTimer();
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
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
