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
        const QByteArray body = "{\"error\":{\"message\":\"Too many open connections to "
                                "Gatehouse.\",\"type\":\"server_error\",\"param\":null,"
                                "\"code\":\"too_many_connections\"}}\n";
        socket->write("HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\n"
                      "connection: close\r\nretry-after: 1\r\ncontent-length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    ++m_connectionCount;
    auto *connection = new HttpConnection(socket, m_handler, m_settings.connection, this);
    connect(connection, &HttpConnection::closed, this, [this] { --m_connectionCount; });
}

} // namespace gatehouse
