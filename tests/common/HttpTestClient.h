#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpSocket>

namespace gatehouse::test {

// A small HTTP/1.1 client on a raw socket, for tests that need control over the bytes
// on the wire (malformed requests, partial reads, disconnects). Waiting spins the event
// loop, so servers in the same thread keep working.
class HttpTestClient : public QObject
{
    Q_OBJECT
public:
    struct Response
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body; // de-chunked
        bool complete = false;
        bool chunked = false;
        QList<qint64> chunkTimesMs; // when each body chunk arrived, since the request was sent
        QByteArray header(const QByteArray &lowerName) const
        {
            for (const auto &h : headers) {
                if (h.first == lowerName)
                    return h.second;
            }
            return {};
        }
    };

    explicit HttpTestClient(quint16 port, QObject *parent = nullptr);

    bool connectToServer(int timeoutMs = 5000);
    void sendRaw(const QByteArray &bytes);
    void send(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
              const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // Waits until a whole response was read (or the timeout passed), and takes it.
    Response waitForResponse(int timeoutMs = 10000);
    // Waits until at least `count` body chunks of the current response arrived.
    bool waitForChunks(int count, int timeoutMs = 10000);
    bool waitForDisconnect(int timeoutMs = 5000);
    const Response &current() const { return m_response; }
    QTcpSocket *socket() { return &m_socket; }
    void close() { m_socket.abort(); }

    // One request on a fresh connection.
    static Response request(quint16 port, const QByteArray &method, const QByteArray &path,
                            const QByteArray &body = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {},
                            int timeoutMs = 10000);

private:
    void onReadyRead();
    void parse();

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
    Response m_response;
    bool m_headersDone = false;
    bool m_everConnected = false;
    qint64 m_contentLength = -1;
    QElapsedTimer m_clock;
};

} // namespace gatehouse::test
