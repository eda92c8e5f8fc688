#include "HttpServer.h"

#include <QSslSocket>

namespace gatehouse {

HttpServer::HttpServer(HttpHandler *handler, const Settings &settings, QObject *parent)
    : QTcpServer(parent), m_handler(handler), m_settings(settings)
{
}

void HttpServer::incomingConnection(qintptr socketDescriptor)
{
    const bool tls = !m_tls.isNull();
    QTcpSocket *socket = tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    if (tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        ssl->setSslConfiguration(m_tls);
        ssl->startServerEncryption();
    }
    if (m_connectionCount >= m_settings.maxConnections) {
        // Answered by the handler like any refusal (its error shape, a request id), without
        // reading a request; the connection closes after the answer and is not counted.
        auto *refused = new HttpConnection(socket, m_handler, m_settings.connection, this);
        refused->refuse(503, tr("Too many open connections to Gatehouse."));
        return;
    }
    ++m_connectionCount;
    auto *connection = new HttpConnection(socket, m_handler, m_settings.connection, this);
    connect(connection, &HttpConnection::closed, this, [this] { --m_connectionCount; });
}

} // namespace gatehouse
