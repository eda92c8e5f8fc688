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

// A fake model server on loopback speaking every surface: OpenAI Chat Completions (streaming
// and not, embeddings, /v1/models), OpenAI Responses (streaming and not), Anthropic
// Messages (streaming and not, count_tokens), Ollama's native API (/api/chat and
// /api/generate, NDJSON streams by default, /api/embed, /api/tags, /api/show, /api/ps,
// /api/version; errors as {"error":"…"}) and Google's Gemini API (/v1beta/models,
// generateContent, streamGenerateContent with alt=sse, countTokens; its function calls carry
// a thoughtSignature, and a model turn whose function call comes back without one is refused,
// as Gemini 3 does). Tests and the benchmark script its behaviour
// through the model name:
//   "hang"          accept the request and never answer
//   "status-N"      answer HTTP N with an error body of the surface that echoes the last
//                   user text, as some providers do ("status-N-text": plain text)
//   "cut-N"         stream N events, then drop the connection
//   "slow-MS"       wait MS milliseconds before answering
//   "demo…"         stream a short Markdown answer (OpenAI surface), for screenshots
//   "flaky-N-S"     answer the first N requests for this name with HTTP S (429 comes with
//                   retry-after: 1), then normally
//   "agent…"        act as a coding agent's model: when the last user text says
//                   "WRITE <file> <word>", call the offered tool that runs a shell command
//                   (Codex exec_command, Claude Code Bash, opencode bash, a function with a
//                   "command" or "cmd" parameter) or Codex's apply_patch, to write <word> into
//                   <file>; once the tool's result is back, answer "AGENT DONE: <word>"
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

public:
    enum class Api
    {
        Chat,
        Messages,
        Responses,
        Ollama,
        Gemini
    };

private:
    // One answer: text, or a call of one tool (with JSON arguments, or a custom tool's input).
    struct Turn
    {
        QString text;
        QString tool;
        QString arguments;
        bool custom = false;
    };
    void answer(HttpExchange *exchange, const QByteArray &model, const QByteArray &body, Api api);
    void answerGemini(HttpExchange *exchange, const HttpRequest &request);
    void answerGeminiTurn(HttpExchange *exchange, const QByteArray &model, const Turn &turn,
                          bool stream, bool sse);
    void answerTurn(HttpExchange *exchange, Api api, const QByteArray &model, const Turn &turn,
                    bool stream, bool includeUsage);
    static Turn agentTurn(const QJsonObject &body, Api api);
    static QList<QByteArray> responsesEvents(const QByteArray &model, const Turn &turn,
                                             int textEvents);
    void stream(HttpExchange *exchange, const QList<QByteArray> &events, int cutAfter,
                const QByteArray &contentType = QByteArrayLiteral("text/event-stream"));
    bool answerOllamaLocal(HttpExchange *exchange, const HttpRequest &request);
    void answerOllama(HttpExchange *exchange, const QByteArray &model, const QJsonObject &body,
                      const Turn &turn, bool stream, int cutAfter);
    void answerWithToolCall(HttpExchange *exchange, const QByteArray &model, const QString &tool,
                            bool anthropic, bool stream, bool includeUsage);
    static QString toolToCall(const QJsonObject &body, Api api);
    static QList<QByteArray> openAiEvents(const QByteArray &model, int events, bool includeUsage);
    static QList<QByteArray> anthropicEvents(const QByteArray &model, int events);

    HttpServer *m_server;
    QHash<QByteArray, int> m_flakyCounts;
    bool m_tls = false;
};

} // namespace gatehouse
