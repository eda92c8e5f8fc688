#pragma once

#include "HttpRequestParser.h"

#include <QObject>
#include <QPointer>

class QSocketNotifier;
class QTcpSocket;
class QTimer;

namespace gatehouse {

class HttpExchange;
class HttpHandler;

// One client connection: reads requests one at a time (keep-alive, pipelined requests
// wait their turn in the socket), hands them to the handler and writes responses. What it
// holds is bounded: it reads no further than the request being parsed, and stops reading
// while an answer is served or its unsent bytes pile up.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        HttpRequestParser::Limits limits;
        int idleTimeoutMs = 60'000;   // between requests
        int headerTimeoutMs = 30'000; // from a request's first byte to the end of its headers
        int bodyTimeoutMs = 120'000;  // from the end of the headers to the end of the body
    };
    // Bytes read from the socket ahead of the parser, at most (more when a request head
    // may be larger).
    static constexpr qint64 readAheadBytes = qint64{64} * 1024;
    // Unsent answer bytes at which the sender is asked to pause, and at which it resumes.
    static constexpr qint64 writeHighWaterBytes = qint64{2} * 1024 * 1024;
    static constexpr qint64 writeLowWaterBytes = qint64{512} * 1024;
    // How long a connection refused before its body was read takes in, and drops, what the
    // client still sends, so that the answer is not lost to a reset.
    static constexpr int lingerMs = 2000;
    // How often a client that closed its sending side is checked for having left altogether,
    // until its answer is out.
    static constexpr int probeIntervalMs = 100;

    HttpConnection(QTcpSocket *socket, HttpHandler *handler, const Settings &settings,
                   QObject *parent = nullptr);
    ~HttpConnection() override;

    // Answers `status` at once, without reading a request, and closes (a server that is full).
    void refuse(int status, const QString &message);

signals:
    void closed();

private:
    friend class HttpExchange;
    // Which deadline runs. Each starts once, when its phase begins: bytes that trickle in
    // do not push it back.
    enum class Deadline
    {
        None,  // an answer is being served
        Idle,  // between requests
        Head,  // a request has started: its headers are due
        Body,  // the headers were accepted: the body is due
        Linger // the answer is out; what the client still sends is dropped until then
    };
    void pump();
    void processBuffer();
    bool beginExchange(bool complete);
    void rejectMalformed(int status, const QString &message);
    void write(const QByteArray &data);
    void onBytesWritten();
    void exchangeFinished(bool closeConnection);
    void closeAfterAnswer();
    void shutdownWhenSent();
    void close();
    void updateDeadline();
    void onDeadline();
    // The client's end of the connection closed. A client that only shut its sending side
    // after a whole request still gets its answer; one that left is let go.
    void onPeerClosed();
    bool continueHalfClosed();
    void probePeer();
    void sendRaw();
    qint64 unsentBytes() const;

    QTcpSocket *m_socket;
    HttpHandler *m_handler;
    Settings m_settings;
    HttpRequestParser m_parser;
    HttpEnvironment m_environment;
    QByteArray m_buffer;
    QPointer<HttpExchange> m_exchange;
    QTimer *m_timer;
    qint64 m_readAhead;
    Deadline m_deadline = Deadline::None;
    bool m_serving = false;      // m_exchange has its whole request and is being answered
    bool m_writeBlocked = false; // unsent bytes passed the high-water mark
    bool m_pumpQueued = false;
    bool m_lingerOnClose = false; // the answer refuses a body that is still on its way
    bool m_lingering = false;
    bool m_closing = false; // no more writes: the connection is on its way out
    bool m_closed = false;  // closed() was emitted
    // A second descriptor of the socket: Qt closes its own at the client's end of stream, and
    // an answer to a client that half-closed after its request goes out through this one.
    int m_spareDescriptor = -1;
    bool m_halfClosed = false; // the client shut its sending side; the answer goes out raw
    QByteArray m_rawUnsent;    // what is still to be sent through the spare descriptor
    QSocketNotifier *m_rawWritable = nullptr;
    QTimer *m_probe = nullptr;   // looks for a reset while the answer goes out
    bool m_peerFinished = false; // the client's end of stream arrived
    qint64 m_unsentAtPeerClose = 0;
};

} // namespace gatehouse
