#pragma once

#include "http/HttpHandler.h"

#include <QObject>
#include <QStringList>

namespace gatehouse {

class HttpServer;

// A fake Ollama server on loopback for the local side: its native model API (/api/tags,
// /api/show, /api/ps, /api/pull streamed as NDJSON), the OpenAI-compatible /v1/models a scan
// probes, and "/" answering "Ollama is running". Pulls are scripted through the model name:
//   "missing…"      stream "pulling manifest", then an {"error":…} line, as Ollama does for
//                   a name the registry does not have
//   "refused…"      answer HTTP 400 with {"error":…} before any line
//   "slow…"         stream a progress line every 50 ms, `slowPullSteps` of them (a minute by
//                   default, to cancel); `allPullsSlow` makes every pull so
//   anything else   stream the manifest, one layer in `pullSteps` steps, verification and
//                   "success", then list the model
class FakeOllama : public QObject, public HttpHandler
{
    Q_OBJECT
public:
    struct Model
    {
        QString name;
        qint64 size = 0;
        QString family;
        QString parameterSize;
        QString quantization;
        qint64 contextLength = 0;
        QStringList capabilities;
        bool loaded = false;
    };

    explicit FakeOllama(QObject *parent = nullptr);
    ~FakeOllama() override;

    bool listen();
    quint16 port() const;
    QString rootUrl() const; // http://127.0.0.1:PORT
    QString baseUrl() const; // http://127.0.0.1:PORT/v1

    QList<Model> models;
    int pullSteps = 4;
    int pullIntervalMs = 10;
    int showDelayMs = 0;
    int slowPullSteps = 1200;
    bool allPullsSlow = false;

    // What was received, for assertions.
    int showRequests = 0;
    int maxParallelShows = 0;
    int pullsAborted = 0; // pulls whose client went away before the end
    QList<QByteArray> pullBodies;

    void handleRequest(HttpExchange *exchange) override;
    void handleMalformedRequest(HttpExchange *exchange, int status,
                                const QString &message) override;

    // Three models like a real server's: one loaded, one with vision, one embedding model.
    static QList<Model> sampleModels();

signals:
    void pullAborted();

private:
    void show(HttpExchange *exchange);
    void pull(HttpExchange *exchange);

    HttpServer *m_server;
    int m_showsRunning = 0;
};

} // namespace gatehouse
