#pragma once

#include "GatewaySnapshot.h"

#include <QHostAddress>
#include <QObject>
#include <atomic>

class QThread;

namespace gatehouse {

class GatewayWorker;
class RequestLog;
class CaptureStore;
class ResponseStore;

// Runs the gateway (server, request path, upstream client) on a thread of its own, so a
// busy window never delays a request and a busy gateway never freezes the window.
// Everything crossing the thread boundary is a value.
class GatewayService : public QObject
{
    Q_OBJECT
public:
    explicit GatewayService(QObject *parent = nullptr);
    ~GatewayService() override;

    // Starts listening; reports listening() or startFailed() once.
    void start(GatewaySnapshotPtr snapshot);
    // Where finished requests are recorded; set before start(). May be null.
    void setRequestLog(RequestLog *log) { m_log = log; }
    // Where Responses API answers are kept; set before start(), used on the gateway's thread
    // only. May be null (then in memory).
    void setResponseStore(ResponseStore *store) { m_responses = store; }
    // Where captured bodies go; set before start(). May be null (then nothing is captured).
    void setCaptureStore(CaptureStore *store) { m_captures = store; }
    void updateSnapshot(GatewaySnapshotPtr snapshot);
    // Asks which providers are cooling off; answered by coolingOff().
    void requestCoolingOff();
    void stop();

    bool isListening() const { return m_listening; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    quint64 requestCount() const { return m_requestCount.load(); }
    // The keyless Ollama API listener: its port while open (0: closed), and why it could not
    // open when it should have.
    quint16 ollamaApiPort() const { return m_ollamaApiPort; }
    QString ollamaApiError() const { return m_ollamaApiError; }

signals:
    void listening(const QHostAddress &address, quint16 port);
    void startFailed(const QString &error);
    void requestServed(quint64 total);
    void accessKeyUsed(const QString &name);
    void ollamaApiChanged(quint16 port, const QString &error);
    // Providers that routing leaves out for now after repeated failures, and until when
    // (ms since 1970, UTC); empty when none is.
    void coolingOff(const QHash<QString, qint64> &until);

private:
    QThread *m_thread;
    GatewayWorker *m_worker = nullptr;
    RequestLog *m_log = nullptr;
    ResponseStore *m_responses = nullptr;
    CaptureStore *m_captures = nullptr;
    bool m_listening = false;
    QHostAddress m_address;
    quint16 m_port = 0;
    quint16 m_ollamaApiPort = 0;
    QString m_ollamaApiError;
    std::atomic<quint64> m_requestCount{0};
};

} // namespace gatehouse
