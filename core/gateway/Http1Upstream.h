#pragma once

#include "UpstreamCall.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>

class QTcpSocket;
class QTimer;

namespace gatehouse {

// Keep-alive connections to plain-HTTP upstreams, by host and port, waiting to be reused.
class Http1ConnectionPool : public QObject
{
    Q_OBJECT
public:
    explicit Http1ConnectionPool(QObject *parent = nullptr);

    // An open idle connection to `key`, now owned by the caller, or nullptr.
    QTcpSocket *take(const QString &key);
    void giveBack(const QString &key, QTcpSocket *socket);
    int idleCount() const;

    static constexpr int maxIdlePerHost = 256;
    // Below the 5 s keep-alive of common servers (uvicorn, llama.cpp), so the server rarely
    // closes a connection the moment it is reused.
    static constexpr int idleTimeoutMs = 4000;

private:
    struct Idle
    {
        QTcpSocket *socket;
        qint64 since;
    };
    void drop(QTcpSocket *socket);
    void sweep();

    QHash<QString, QList<Idle>> m_idle;
    QTimer *m_sweepTimer;
    QElapsedTimer m_clock;
};

// One request to a plain-HTTP upstream on a pooled connection, parsed as it streams in.
class Http1UpstreamCall : public UpstreamCall
{
    Q_OBJECT
public:
    Http1UpstreamCall(const UpstreamRequest &request, Http1ConnectionPool *pool, QObject *parent);
    ~Http1UpstreamCall() override;

protected:
    void releaseTransport() override;

private:
    enum class BodyMode
    {
        None,
        Length,
        Chunked,
        UntilClose
    };
    enum class ChunkState
    {
        Size,
        Data,
        DataEnd,
        Trailers
    };
    void start(bool allowReuse);
    void attach(QTcpSocket *socket);
    void sendRequest();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    bool retryOnFreshConnection();
    void parse();
    bool parseHead(); // false when more bytes are needed or the call ended
    void parseChunked();
    void completeResponse();
    void detachSocket();

    QPointer<Http1ConnectionPool> m_pool;
    QString m_key;
    QString m_host;
    quint16 m_port;
    QByteArray m_requestBytes;
    QTcpSocket *m_socket = nullptr;
    bool m_reused = false;
    bool m_retried = false;
    bool m_gotBytes = false;

    QByteArray m_buffer;
    bool m_inHead = true;
    BodyMode m_mode = BodyMode::None;
    ChunkState m_chunkState = ChunkState::Size;
    qint64 m_remaining = 0;
    bool m_keepAlive = false;
};

} // namespace gatehouse
