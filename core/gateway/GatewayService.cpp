#include "GatewayService.h"

#include "Gateway.h"
#include "http/HttpServer.h"
#include "util/OpenFileLimit.h"

#include <QCoreApplication>
#include <QThread>
#include <algorithm>

namespace gatehouse {

namespace {

HttpServer::Settings serverSettings(const GatewaySettings &s)
{
    HttpServer::Settings out;
    out.maxConnections = s.maxConnections;
    out.connection.idleTimeoutMs = s.idleTimeoutMs;
    out.connection.headerTimeoutMs = std::min(s.idleTimeoutMs, 30'000);
    // A body of the largest allowed size needs time on a slow link; a client that trickles
    // it is still cut off.
    out.connection.bodyTimeoutMs = std::min(s.idleTimeoutMs * 2, 120'000);
    out.connection.limits.maxBodyBytes = s.maxBodyBytes;
    out.connection.limits.maxHeaderBytes = s.maxHeaderBytes;
    return out;
}

} // namespace

// Lives on the gateway thread; owns everything that serves requests.
class GatewayWorker : public QObject
{
public:
    Gateway *gateway = nullptr;
    HttpServer *server = nullptr;

    void start(const GatewaySnapshotPtr &snapshot, GatewayService *service, RequestLog *log,
               ResponseStore *responses)
    {
        gateway = new Gateway(this);
        gateway->setRequestLog(log);
        gateway->setResponseStore(responses);
        server = new HttpServer(gateway, serverSettings(snapshot->settings), this);
        const QHostAddress address(snapshot->settings.bindAddress);
        if (!server->listen(address, snapshot->settings.port)) {
            const QString error =
                QCoreApplication::translate("GatewayService", "Cannot listen on %1 port %2: %3")
                    .arg(snapshot->settings.bindAddress)
                    .arg(snapshot->settings.port)
                    .arg(server->errorString());
            QMetaObject::invokeMethod(service,
                                      [service, error] { emit service->startFailed(error); });
            return;
        }
        gateway->setSnapshot(snapshot, server->serverPort());
        QObject::connect(gateway, &Gateway::accessKeyUsed, service, &GatewayService::accessKeyUsed);
        const quint16 port = server->serverPort();
        QMetaObject::invokeMethod(
            service, [service, address, port] { emit service->listening(address, port); });
    }
};

GatewayService::GatewayService(QObject *parent) : QObject(parent), m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("gateway"));
    raiseOpenFileLimit(); // the connection cap needs more than the usual 1024
    connect(this, &GatewayService::listening, this,
            [this](const QHostAddress &address, quint16 port) {
                m_listening = true;
                m_address = address;
                m_port = port;
            });
}

GatewayService::~GatewayService()
{
    stop();
}

void GatewayService::start(GatewaySnapshotPtr snapshot)
{
    if (m_worker)
        return;
    m_worker = new GatewayWorker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, snapshot = std::move(snapshot),
                                         log = m_log, responses = m_responses] {
        worker->start(snapshot, this, log, responses);
        if (!worker->gateway)
            return;
        connect(worker->gateway, &Gateway::requestFinished, worker, [this] {
            const quint64 n = ++m_requestCount;
            emit requestServed(n);
        });
    });
}

void GatewayService::updateSnapshot(GatewaySnapshotPtr snapshot)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, snapshot = std::move(snapshot)] {
        if (!worker->server || !worker->server->isListening())
            return;
        worker->server->setSettings(serverSettings(snapshot->settings));
        worker->gateway->setSnapshot(snapshot, worker->server->serverPort());
    });
}

void GatewayService::stop()
{
    if (!m_worker)
        return;
    m_thread->quit();
    m_thread->wait();
    m_worker = nullptr;
    m_listening = false;
}

} // namespace gatehouse
