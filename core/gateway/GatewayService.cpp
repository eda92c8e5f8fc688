#include "GatewayService.h"

#include "Gateway.h"
#include "http/HttpServer.h"
#include "metrics/GatewayMetrics.h"
#include "util/OpenFileLimit.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>
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
    std::unique_ptr<GatewayMetrics> metrics;

    // The gateway (a child, deleted after the members) must not count into metrics that are
    // gone.
    ~GatewayWorker() override
    {
        if (gateway)
            gateway->setMetrics(nullptr);
    }
    HttpServer *ollamaApi = nullptr; // the keyless Ollama API listener, while open
    quint16 ollamaApiPort = 0;
    QString ollamaApiError;

    // Opens, moves or closes the keyless Ollama API listener as the settings say, and tells
    // the service when that changes anything.
    void applyOllamaApi(const GatewaySnapshotPtr &snapshot, GatewayService *service)
    {
        const OllamaApiSettings &wanted = snapshot->settings.ollamaApi;
        const quint16 port = wanted.enabled ? wanted.port : 0;
        if (ollamaApi)
            ollamaApi->setSettings(serverSettings(snapshot->settings));
        if (ollamaApi ? port == ollamaApiPort : port == 0 && ollamaApiError.isEmpty())
            return; // open where wanted, or closed as wanted
        if (ollamaApi) {
            // Stops accepting; connections still open are answered that the port is closed
            // (the gateway serves the listener's port only) and end with their clients.
            ollamaApi->close();
            retire(ollamaApi);
            ollamaApi = nullptr;
        }
        QString error;
        if (port != 0) {
            auto *listener = new HttpServer(gateway->ollamaApiHandler(),
                                            serverSettings(snapshot->settings), this);
            // Loopback only, whatever the main bind address.
            if (listener->listen(QHostAddress::LocalHost, port)) {
                ollamaApi = listener;
            } else {
                error =
                    QCoreApplication::translate(
                        "GatewayService", "The Ollama API cannot listen on 127.0.0.1 port %1: %2")
                        .arg(port)
                        .arg(listener->errorString());
                delete listener;
            }
        }
        const quint16 open = ollamaApi ? port : 0;
        gateway->setOllamaApiPort(open);
        if (open == ollamaApiPort && error == ollamaApiError)
            return;
        ollamaApiPort = open;
        ollamaApiError = error;
        QMetaObject::invokeMethod(
            service, [service, open, error] { emit service->ollamaApiChanged(open, error); });
    }

    // A closed listener is deleted once its last connection has ended.
    void retire(HttpServer *listener)
    {
        if (listener->connectionCount() == 0) {
            listener->deleteLater();
            return;
        }
        auto *poll = new QTimer(listener);
        poll->setInterval(1000);
        QObject::connect(poll, &QTimer::timeout, listener, [listener] {
            if (listener->connectionCount() == 0)
                listener->deleteLater();
        });
        poll->start();
    }

    void start(const GatewaySnapshotPtr &snapshot, GatewayService *service, RequestLog *log,
               ResponseStore *responses, CaptureStore *captures)
    {
        gateway = new Gateway(this);
        gateway->setRequestLog(log);
        gateway->setResponseStore(responses);
        gateway->setCaptureStore(captures);
        server = new HttpServer(gateway, serverSettings(snapshot->settings), this);
        metrics = std::make_unique<GatewayMetrics>();
        metrics->setSources(
            {[this] {
                 return server->connectionCount() + (ollamaApi ? ollamaApi->connectionCount() : 0);
             },
             [this](const QString &provider) { return gateway->isCoolingOff(provider); }});
        gateway->setMetrics(metrics.get());
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
        applyOllamaApi(snapshot, service);
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
    connect(this, &GatewayService::ollamaApiChanged, this,
            [this](quint16 port, const QString &error) {
                m_ollamaApiPort = port;
                m_ollamaApiError = error;
            });
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
                                         log = m_log, responses = m_responses,
                                         captures = m_captures] {
        worker->start(snapshot, this, log, responses, captures);
        if (!worker->gateway)
            return;
        connect(worker->gateway, &Gateway::requestFinished, worker, [this] {
            const quint64 n = ++m_requestCount;
            emit requestServed(n);
        });
    });
}

void GatewayService::requestCoolingOff()
{
    if (!m_worker) {
        QMetaObject::invokeMethod(
            this, [this] { emit coolingOff({}); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker] {
        const QHash<QString, qint64> until =
            worker->gateway ? worker->gateway->coolingOff() : QHash<QString, qint64>{};
        QMetaObject::invokeMethod(this, [this, until] { emit coolingOff(until); });
    });
}

void GatewayService::updateSnapshot(GatewaySnapshotPtr snapshot)
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, [this, worker = m_worker, snapshot = std::move(snapshot)] {
        if (!worker->server || !worker->server->isListening())
            return;
        worker->server->setSettings(serverSettings(snapshot->settings));
        worker->gateway->setSnapshot(snapshot, worker->server->serverPort());
        worker->applyOllamaApi(snapshot, this);
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
    if (m_ollamaApiPort != 0 || !m_ollamaApiError.isEmpty()) {
        m_ollamaApiPort = 0;
        m_ollamaApiError.clear();
        emit ollamaApiChanged(0, {});
    }
}

} // namespace gatehouse
