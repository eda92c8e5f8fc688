#pragma once

#include "HttpRequest.h"

#include <QObject>
#include <QPointer>

namespace gatehouse {

class HttpConnection;

// One request and its response on a connection. The response is written either whole
// (respond) or as a chunked stream (beginStream / writeChunk / endStream).
// When the client goes away first, clientGone() is emitted and writes become no-ops.
class HttpExchange : public QObject
{
    Q_OBJECT
public:
    HttpExchange(HttpConnection *connection, HttpRequest request);

    const HttpRequest &request() const { return m_request; }
    HttpRequest &request() { return m_request; }

    void respond(int status, const HttpHeaders &headers, const QByteArray &body);
    void beginStream(int status, const HttpHeaders &headers);
    void writeChunk(QByteArrayView data);
    void endStream();

    bool isClientConnected() const;
    bool hasResponseStarted() const { return m_state != State::NotStarted; }
    bool isFinished() const { return m_state == State::Finished; }

    static QByteArray reasonPhrase(int status);

signals:
    void clientGone();
    // The client takes the answer more slowly than it is written: true once the unsent bytes
    // pass a bound, false once they drained. A streaming sender pauses in between, so that
    // what a slow reader costs stays bounded.
    void sendBufferFull(bool full);

private:
    friend class HttpConnection;
    enum class State
    {
        NotStarted,
        Streaming,
        Finished
    };
    enum class Framing
    {
        Length,  // content-length: bodySize
        Chunked, // transfer-encoding: chunked
        Close    // neither: the body ends when the connection closes (HTTP/1.0), or there is none
    };
    QByteArray head(int status, const HttpHeaders &headers, Framing framing, qint64 bodySize) const;
    void notifyClientGone();

    QPointer<HttpConnection> m_connection;
    HttpRequest m_request;
    State m_state = State::NotStarted;
    bool m_closeAfter = false;
};

} // namespace gatehouse
