#pragma once

#include "HttpRequestParser.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;
class QTimer;

namespace gatehouse {

class HttpExchange;
class HttpHandler;

// One client connection: reads requests one at a time (keep-alive, pipelined requests
// wait their turn), hands them to the handler and writes responses.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        HttpRequestParser::Limits limits;
        int idleTimeoutMs = 60'000;   // between requests
        int headerTimeoutMs = 30'000; // to finish sending a request once started
    };
    HttpConnection(QTcpSocket *socket, HttpHandler *handler, const Settings &settings,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

signals:
    void closed();

private:
    friend class HttpExchange;
    void onReadyRead();
    void processBuffer();
    void rejectMalformed(int status, const QString &message);
    void write(const QByteArray &data);
    void exchangeFinished(bool closeConnection);
    void close();
    void armTimer();

    QTcpSocket *m_socket;
    HttpHandler *m_handler;
    Settings m_settings;
    HttpRequestParser m_parser;
    QByteArray m_buffer;
    QPointer<HttpExchange> m_exchange;
    QTimer *m_timer;
    bool m_closing = false; // no more writes: the connection is on its way out
    bool m_closed = false;  // closed() was emitted
};

} // namespace gatehouse
