#pragma once

#include "http/HttpHandler.h"
#include "http/HttpRequest.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

namespace gatehouse {

class HttpServer;

// A fake model server on loopback speaking both surfaces: OpenAI (chat completions, streaming
// and not, embeddings, /v1/models) and Anthropic (messages, streaming and not, count_tokens). Tests
// and the benchmark script its behaviour through the model name:
//   "hang"          accept the request and never answer
//   "status-N"      answer HTTP N with an OpenAI error body ("status-N-text": plain text)
//   "cut-N"         stream N events, then drop the connection
//   "slow-MS"       wait MS milliseconds before answering
//   "demo…"         stream a short Markdown answer (OpenAI surface), for screenshots
//   "flaky-N-S"     answer the first N requests for this name with HTTP S (429 comes with
//                   retry-after: 1), then normally
//   anything else   answer normally, echoing the last user message; when the request offers
//                   tools and carries no tool result yet, call the first tool with {"city":"Oslo"}
class FakeUpstream : public QObject, public HttpHandler
{
    Q_OBJECT
public:
    explicit FakeUpstream(QObject *parent = nullptr);
    ~FakeUpstream() override;

    bool listen(quint16 port = 0);
    // Serve HTTPS with this configuration (certificate and key); call before listen().
    void setTlsConfiguration(const QSslConfiguration &configuration);
    quint16 port() const;
    QString baseUrl() const; // http(s)://127.0.0.1:PORT/v1

    int streamEvents = 5;
    int streamIntervalMs = 0;
    QStringList models{QStringLiteral("echo-1"), QStringLiteral("echo-2")};

    // What was received, for assertions.
    QList<HttpRequest> received;
    int openStreams = 0;
    int maxOpenStreams = 0;
    int abortedStreams = 0;
    int completedStreams = 0;
    bool recordRequests = true;

    void handleRequest(HttpExchange *exchange) override;
    void handleMalformedRequest(HttpExchange *exchange, int status,
                                const QString &message) override;

signals:
    void requestReceived();
    void streamAborted();
    void streamCompleted();

private:
    void answer(HttpExchange *exchange, const QByteArray &model, const QByteArray &body,
                bool anthropic);
    void stream(HttpExchange *exchange, const QList<QByteArray> &events, int cutAfter);
    void answerWithToolCall(HttpExchange *exchange, const QByteArray &model, const QString &tool,
                            bool anthropic, bool stream, bool includeUsage);
    static QString toolToCall(const QJsonObject &body, bool anthropic);
    static QList<QByteArray> openAiEvents(const QByteArray &model, int events, bool includeUsage);
    static QList<QByteArray> anthropicEvents(const QByteArray &model, int events);

    HttpServer *m_server;
    QHash<QByteArray, int> m_flakyCounts;
    bool m_tls = false;
};

} // namespace gatehouse
