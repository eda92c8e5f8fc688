#pragma once

#include "HttpConnection.h"

#include <QSslConfiguration>
#include <QTcpServer>

namespace gatehouse {

// Accepts TCP connections and serves HTTP/1.1 on them through one HttpHandler.
class HttpServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Settings
    {
        HttpConnection::Settings connection;
        int maxConnections = 1024;
    };
    HttpServer(HttpHandler *handler, const Settings &settings, QObject *parent = nullptr);

    void setSettings(const Settings &settings) { m_settings = settings; }
    // Serve HTTPS with this certificate and key instead of plain HTTP.
    void setTlsConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }
    int connectionCount() const { return m_connectionCount; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpHandler *m_handler;
    Settings m_settings;
    int m_connectionCount = 0;
    QSslConfiguration m_tls;
};

} // namespace gatehouse
