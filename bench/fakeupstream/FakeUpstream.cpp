#include "FakeUpstream.h"

#include "http/HttpExchange.h"
#include "http/HttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

namespace gatehouse {

namespace {

const QByteArray jsonType = QByteArrayLiteral("application/json");

QByteArray lastUserText(const QJsonObject &body)
{
    if (body.value(QLatin1String("prompt")).isString()) // Ollama /api/generate
        return body.value(QLatin1String("prompt")).toString().toUtf8();
    if (body.contains(QLatin1String("contents"))) { // Gemini
        const QJsonArray contents = body.value(QLatin1String("contents")).toArray();
        for (qsizetype i = contents.size() - 1; i >= 0; --i) {
            const QJsonObject c = contents.at(i).toObject();
            if (c.value(QLatin1String("role")).toString(QStringLiteral("user")) !=
                QLatin1String("user"))
                continue;
            QByteArray text;
            for (const QJsonValue p : c.value(QLatin1String("parts")).toArray())
                text += p.toObject().value(QLatin1String("text")).toString().toUtf8();
            if (!text.isEmpty())
                return text;
        }
        return {};
    }
    if (body.value(QLatin1String("input")).isString())
        return body.value(QLatin1String("input")).toString().toUtf8();
    const QJsonArray messages = body.contains(QLatin1String("input"))
                                    ? body.value(QLatin1String("input")).toArray()
                                    : body.value(QLatin1String("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value(QLatin1String("role")).toString() == QLatin1String("user")) {
            const QJsonValue content = m.value(QLatin1String("content"));
            if (content.isString())
                return content.toString().toUtf8();
            QByteArray text; // Anthropic, OpenAI and Responses content blocks
            for (const QJsonValue block : content.toArray()) {
                const QString type = block.toObject().value(QLatin1String("type")).toString();
                if (type == QLatin1String("text") || type == QLatin1String("input_text"))
                    text += block.toObject().value(QLatin1String("text")).toString().toUtf8();
            }
            return text;
        }
    }
    return {};
}

QByteArray chunk(const QByteArray &model, const QByteArray &content, const char *finish)
{
    QByteArray out = "data: "
                     "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":"
                     "1700000000,\"model\":\"";
    out += model;
    out += "\",\"choices\":[{\"index\":0,\"delta\":{\"content\":";
    out += QJsonDocument(QJsonArray{QString::fromUtf8(content)})
               .toJson(QJsonDocument::Compact)
               .mid(1)
               .chopped(1);
    out += "},\"finish_reason\":";
    out += finish ? QByteArray('"' + QByteArray(finish) + '"') : QByteArray("null");
    out += "}]}\n\n";
    return out;
}

} // namespace

FakeUpstream::FakeUpstream(QObject *parent) : QObject(parent)
{
    HttpServer::Settings settings;
    settings.maxConnections = 4096;
    m_server = new HttpServer(this, settings, this);
}

FakeUpstream::~FakeUpstream() = default;

bool FakeUpstream::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

quint16 FakeUpstream::port() const
{
    return m_server->serverPort();
}

QString FakeUpstream::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2/v1")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(port());
}

void FakeUpstream::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = true;
    m_server->setTlsConfiguration(configuration);
}

void FakeUpstream::handleMalformedRequest(HttpExchange *exchange, int status,
                                          const QString &message)
{
    exchange->respond(status, {{"content-type", "text/plain"}}, message.toUtf8());
}

void FakeUpstream::handleRequest(HttpExchange *exchange)
{
    if (recordRequests)
        received.append(exchange->request());
    emit requestReceived();
    const HttpRequest &request = exchange->request();
    if (answerOllamaLocal(exchange, request))
        return;
    if (request.path.startsWith("/v1beta/")) {
        answerGemini(exchange, request);
        return;
    }
    if (request.path == "/v1/models") {
        QJsonArray data;
        for (const QString &m : models)
            data.append(QJsonObject{{QLatin1String("id"), m},
                                    {QLatin1String("object"), QLatin1String("model")}});
        exchange->respond(
            200, {{"content-type", jsonType}},
            QJsonDocument(QJsonObject{{QLatin1String("object"), QLatin1String("list")},
                                      {QLatin1String("data"), data}})
                .toJson(QJsonDocument::Compact));
        return;
    }
    if (request.path == "/v1/messages/count_tokens" && request.method == "POST") {
        exchange->respond(200, {{"content-type", jsonType}}, "{\"input_tokens\":12}");
        return;
    }
    if (request.path == "/v1/embeddings" && request.method == "POST") {
        const QByteArray model = QJsonDocument::fromJson(request.body)
                                     .object()
                                     .value(QLatin1String("model"))
                                     .toString()
                                     .toUtf8();
        exchange->respond(200, {{"content-type", jsonType}},
                          "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                          "\"embedding\":[0.25,-0.5,1.0]}],"
                          "\"model\":\"" +
                              model + "\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}");
        return;
    }
    const bool isMessages = request.path == "/v1/messages";
    const bool isResponses = request.path == "/v1/responses";
    const bool isOllama = request.path == "/api/chat" || request.path == "/api/generate";
    if ((request.path != "/v1/chat/completions" && !isMessages && !isResponses && !isOllama) ||
        request.method != "POST") {
        exchange->respond(404, {{"content-type", jsonType}},
                          "{\"error\":{\"message\":\"fake upstream: no such "
                          "endpoint\",\"type\":\"invalid_request_error\"}}");
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QByteArray model = body.value(QLatin1String("model")).toString().toUtf8();
    const Api api = isMessages    ? Api::Messages
                    : isResponses ? Api::Responses
                    : isOllama    ? Api::Ollama
                                  : Api::Chat;
    if (model.isEmpty()) {
        exchange->respond(400, {{"content-type", jsonType}},
                          "{\"error\":{\"message\":\"fake upstream: model is required\","
                          "\"type\":\"invalid_request_error\",\"param\":\"model\"}}");
        return;
    }
    if (model == "hang")
        return; // the exchange stays open until the client gives up
    if (model.startsWith("slow-")) {
        QPointer<HttpExchange> ex(exchange);
        QTimer::singleShot(model.mid(5).toInt(), this, [this, ex, model, api, body = request.body] {
            if (ex)
                answer(ex, model, body, api);
        });
        return;
    }
    answer(exchange, model, request.body, api);
}

void FakeUpstream::answer(HttpExchange *exchange, const QByteArray &model,
                          const QByteArray &rawBody, Api api)
{
    const bool anthropic = api == Api::Messages;
    const QJsonObject body = QJsonDocument::fromJson(rawBody).object();
    if (model.startsWith("flaky-")) {
        const QList<QByteArray> parts = model.split('-');
        if (++m_flakyCounts[model] <= parts.value(1).toInt()) {
            const int status = parts.size() > 2 ? parts.value(2).toInt() : 503;
            HttpHeaders headers{{"content-type", jsonType}};
            if (status == 429)
                headers.append({QByteArrayLiteral("retry-after"), QByteArrayLiteral("1")});
            exchange->respond(status, headers,
                              api == Api::Ollama
                                  ? QByteArray("{\"error\":\"flaky upstream\"}")
                                  : QByteArray("{\"error\":{\"message\":\"flaky "
                                               "upstream\",\"type\":\"fake_error\"}}"));
            return;
        }
    }
    if (model.startsWith("status-")) {
        const QList<QByteArray> parts = model.split('-');
        const int status = parts.value(1).toInt();
        if (parts.value(2) == "text") {
            exchange->respond(status, {{"content-type", "text/html"}},
                              "<html>upstream trouble</html>");
        } else {
            HttpHeaders headers{{"content-type", jsonType}};
            if (status == 429)
                headers.append({QByteArrayLiteral("retry-after"), QByteArrayLiteral("7")});
            // Like providers that echo the input in their errors: the prompt comes back.
            const QString message = QStringLiteral("fake upstream says %1 (you wrote: %2)")
                                        .arg(status)
                                        .arg(QString::fromUtf8(lastUserText(body)));
            QJsonObject error{{QStringLiteral("message"), message},
                              {QStringLiteral("type"), QStringLiteral("fake_error")}};
            if (api == Api::Ollama) {
                exchange->respond(status, headers,
                                  QJsonDocument(QJsonObject{{QStringLiteral("error"), message}})
                                      .toJson(QJsonDocument::Compact));
                return;
            }
            if (anthropic) {
                exchange->respond(
                    status, headers,
                    QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
                                              {QStringLiteral("error"), error}})
                        .toJson(QJsonDocument::Compact));
                return;
            }
            error.insert(QStringLiteral("param"), QJsonValue::Null);
            error.insert(QStringLiteral("code"), QStringLiteral("fake"));
            exchange->respond(status, headers,
                              QJsonDocument(QJsonObject{{QStringLiteral("error"), error}})
                                  .toJson(QJsonDocument::Compact));
        }
        return;
    }
    // Ollama streams unless told not to.
    const bool wantsStream = body.value(QLatin1String("stream")).toBool(api == Api::Ollama);
    const bool includeUsage = body.value(QLatin1String("stream_options"))
                                  .toObject()
                                  .value(QLatin1String("include_usage"))
                                  .toBool();
    if (model.startsWith("agent")) {
        answerTurn(exchange, api, model, agentTurn(body, api), wantsStream, includeUsage);
        return;
    }
    // Offered tools and no tool result yet: call the first tool, as a model would.
    const QString tool = toolToCall(body, api);
    if (api == Api::Ollama) {
        Turn turn;
        if (!tool.isEmpty()) {
            turn.tool = tool;
            turn.arguments = QStringLiteral("{\"city\":\"Oslo\"}");
        } else {
            turn.text = QString::fromUtf8("echo: " + lastUserText(body));
        }
        answerOllama(exchange, model, body, turn, wantsStream,
                     model.startsWith("cut-") ? model.mid(4).toInt() : -1);
        return;
    }
    if (api == Api::Responses) {
        Turn turn;
        if (!tool.isEmpty()) {
            turn.tool = tool;
            turn.arguments = QStringLiteral("{\"city\":\"Oslo\"}");
        } else {
            turn.text = QString::fromUtf8("echo: " + lastUserText(body));
        }
        if (wantsStream && tool.isEmpty()) {
            const int cutAfter = model.startsWith("cut-") ? model.mid(4).toInt() : -1;
            stream(exchange, responsesEvents(model, {}, streamEvents), cutAfter);
            return;
        }
        answerTurn(exchange, api, model, turn, wantsStream, includeUsage);
        return;
    }
    if (!tool.isEmpty()) {
        answerWithToolCall(exchange, model, tool, anthropic, wantsStream, includeUsage);
        return;
    }
    if (wantsStream) {
        const int cutAfter = model.startsWith("cut-") ? model.mid(4).toInt() : -1;
        stream(exchange,
               anthropic ? anthropicEvents(model, streamEvents)
                         : openAiEvents(model, streamEvents, includeUsage),
               cutAfter);
        return;
    }
    const QByteArray text = "echo: " + lastUserText(body);
    if (anthropic) {
        const QJsonObject message{
            {QLatin1String("id"), QLatin1String("msg_fake")},
            {QLatin1String("type"), QLatin1String("message")},
            {QLatin1String("role"), QLatin1String("assistant")},
            {QLatin1String("model"), QString::fromUtf8(model)},
            {QLatin1String("content"),
             QJsonArray{QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                    {QLatin1String("text"), QString::fromUtf8(text)}}}},
            {QLatin1String("stop_reason"), QLatin1String("end_turn")},
            {QLatin1String("stop_sequence"), QJsonValue()},
            {QLatin1String("usage"),
             QJsonObject{{QLatin1String("input_tokens"), 5}, {QLatin1String("output_tokens"), 3}}}};
        exchange->respond(200, {{"content-type", jsonType}, {"request-id", "req_fake_anthropic"}},
                          QJsonDocument(message).toJson(QJsonDocument::Compact));
        return;
    }
    const QJsonObject response{
        {QLatin1String("id"), QLatin1String("chatcmpl-fake")},
        {QLatin1String("object"), QLatin1String("chat.completion")},
        {QLatin1String("created"), 1700000000},
        {QLatin1String("model"), QString::fromUtf8(model)},
        {QLatin1String("choices"),
         QJsonArray{QJsonObject{{QLatin1String("index"), 0},
                                {QLatin1String("message"),
                                 QJsonObject{{QLatin1String("role"), QLatin1String("assistant")},
                                             {QLatin1String("content"), QString::fromUtf8(text)}}},
                                {QLatin1String("finish_reason"), QLatin1String("stop")}}}},
        {QLatin1String("usage"), QJsonObject{{QLatin1String("prompt_tokens"), 5},
                                             {QLatin1String("completion_tokens"), 3},
                                             {QLatin1String("total_tokens"), 8}}}};
    exchange->respond(200, {{"content-type", jsonType}, {"x-request-id", "upstream-req-1"}},
                      QJsonDocument(response).toJson(QJsonDocument::Compact));
}

QString FakeUpstream::toolToCall(const QJsonObject &body, Api api)
{
    const bool anthropic = api == Api::Messages;
    const QJsonArray tools = body.value(QLatin1String("tools")).toArray();
    if (tools.isEmpty())
        return {};
    if (body.contains(QLatin1String("prompt")))
        return {}; // Ollama /api/generate has no tools
    if (api == Api::Responses) {
        const QJsonArray input = body.value(QLatin1String("input")).toArray();
        if (input.last()
                .toObject()
                .value(QLatin1String("type"))
                .toString()
                .endsWith(QLatin1String("_call_output")))
            return {};
        for (const QJsonValue t : tools) {
            if (t.toObject().value(QLatin1String("type")).toString() == QLatin1String("function"))
                return t.toObject().value(QLatin1String("name")).toString();
        }
        return {};
    }
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    const QJsonObject last = messages.last().toObject();
    if (last.value(QLatin1String("role")).toString() == QLatin1String("tool"))
        return {};
    for (const QJsonValue block : last.value(QLatin1String("content")).toArray()) {
        if (block.toObject().value(QLatin1String("type")).toString() ==
            QLatin1String("tool_result"))
            return {};
    }
    const QJsonObject first = tools.first().toObject();
    return anthropic ? first.value(QLatin1String("name")).toString()
                     : first.value(QLatin1String("function"))
                           .toObject()
                           .value(QLatin1String("name"))
                           .toString();
}

void FakeUpstream::answerWithToolCall(HttpExchange *exchange, const QByteArray &model,
                                      const QString &tool, bool anthropic, bool stream,
                                      bool includeUsage)
{
    const QByteArray name = tool.toUtf8();
    if (!stream && anthropic) {
        exchange->respond(
            200, {{"content-type", jsonType}},
            "{\"id\":\"msg_fake_tool\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" +
                model +
                "\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_fake_1\",\"name\":\"" +
                name +
                "\",\"input\":{\"city\":\"Oslo\"}}],\"stop_reason\":\"tool_use\",\"stop_sequence\":"
                "null,"
                "\"usage\":{\"input_tokens\":20,\"output_tokens\":9}}");
        return;
    }
    if (!stream) {
        exchange->respond(
            200, {{"content-type", jsonType}},
            "{\"id\":\"chatcmpl-fake-tool\",\"object\":\"chat.completion\",\"created\":1700000000,"
            "\"model\":\"" +
                model +
                "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                "\"tool_calls\":["
                "{\"id\":\"call_fake_1\",\"type\":\"function\",\"function\":{\"name\":\"" +
                name +
                "\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},\"finish_reason\":\"tool_"
                "calls\"}],"
                "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":9,\"total_tokens\":29}}");
        return;
    }
    QList<QByteArray> events;
    if (anthropic) {
        auto event = [](const char *type, const QByteArray &data) -> QByteArray {
            return QByteArray("event: ") + type + "\ndata: " + data + "\n\n";
        };
        events << event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_"
                                         "fake_tool\",\"type\":\"message\","
                                         "\"role\":\"assistant\",\"model\":\"" +
                                             model +
                                             "\",\"content\":[],\"stop_reason\":null,\"usage\":{"
                                             "\"input_tokens\":20,\"output_tokens\":1}}}")
               << event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                                               "\"content_block\":{\"type\":\"tool_use\","
                                               "\"id\":\"toolu_fake_1\",\"name\":\"" +
                                                   name + "\",\"input\":{}}}")
               << event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                                               "\"delta\":{\"type\":\"input_json_delta\","
                                               "\"partial_json\":\"{\\\"city\\\":\"}}")
               << event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                                               "\"delta\":{\"type\":\"input_json_delta\","
                                               "\"partial_json\":\"\\\"Oslo\\\"}\"}}")
               << event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
               << event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                                         "\"tool_use\",\"stop_sequence\":null},"
                                         "\"usage\":{\"output_tokens\":9}}")
               << event("message_stop", "{\"type\":\"message_stop\"}");
    } else {
        const QByteArray head = "data: "
                                "{\"id\":\"chatcmpl-fake-tool\",\"object\":\"chat.completion."
                                "chunk\",\"created\":1700000000,\"model\":\"" +
                                model + "\",\"choices\":";
        events << head +
                      "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_"
                      "calls\":[{\"index\":0,"
                      "\"id\":\"call_fake_1\",\"type\":\"function\",\"function\":{\"name\":\"" +
                      name + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"
               << head + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
                         "\"arguments\":\"{\\\"city\\\":\"}}]},"
                         "\"finish_reason\":null}]}\n\n"
               << head + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
                         "\"arguments\":\"\\\"Oslo\\\"}\"}}]},"
                         "\"finish_reason\":null}]}\n\n"
               << head + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n";
        if (includeUsage)
            events << head + "[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":9,\"total_"
                             "tokens\":29}}\n\n";
        events << QByteArrayLiteral("data: [DONE]\n\n");
    }
    this->stream(exchange, events, -1);
}

QList<QByteArray> FakeUpstream::openAiEvents(const QByteArray &model, int events, bool includeUsage)
{
    QList<QByteArray> out;
    if (model.startsWith("demo")) {
        // A Markdown answer, word by word, for screenshots of the chat panel.
        const QList<QByteArray> words =
            QByteArrayLiteral("Here is a **streamed** answer, rendered as Markdown:\n\n"
                              "- it came through the *local gateway*\n- one event at a time\n\n"
                              "```python\nprint(\"hello from Gatehouse\")\n```\n")
                .split(' ');
        events = static_cast<int>(words.size());
        for (int i = 0; i < events; ++i)
            out << chunk(model, words[i] + (i == events - 1 ? "" : " "),
                         i == events - 1 ? "stop" : nullptr);
    } else {
        for (int i = 0; i < events; ++i)
            out << chunk(model, "tok" + QByteArray::number(i) + ' ',
                         i == events - 1 ? "stop" : nullptr);
    }
    if (includeUsage)
        out << QByteArray(
            "data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":"
            "1700000000,\"model\":\"" +
            model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":" +
            QByteArray::number(events) + ",\"total_tokens\":" + QByteArray::number(events + 5) +
            "}}\n\n");
    out << QByteArrayLiteral("data: [DONE]\n\n");
    return out;
}

QList<QByteArray> FakeUpstream::anthropicEvents(const QByteArray &model, int events)
{
    auto event = [](const char *name, const QByteArray &data) -> QByteArray {
        return QByteArray("event: ") + name + "\ndata: " + data + "\n\n";
    };
    QList<QByteArray> out;
    out << event(
        "message_start",
        "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake\",\"type\":\"message\","
        "\"role\":\"assistant\",\"model\":\"" +
            model +
            "\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,"
            "\"usage\":{\"input_tokens\":5,\"output_tokens\":0}}}");
    out << event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_"
                                        "block\":{\"type\":\"text\",\"text\":\"\"}}");
    for (int i = 0; i < events; ++i)
        out << event("content_block_delta",
                     "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                     "\"text_delta\",\"text\":\"tok" +
                         QByteArray::number(i) + " \"}}");
    out << event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
    out << event("message_delta",
                 "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                 "\"stop_sequence\":null},\"usage\":{\"output_tokens\":" +
                     QByteArray::number(events) + "}}");
    out << event("message_stop", "{\"type\":\"message_stop\"}");
    return out;
}

void FakeUpstream::stream(HttpExchange *exchange, const QList<QByteArray> &events, int cutAfter,
                          const QByteArray &contentType)
{
    exchange->beginStream(200, {{"content-type", contentType}, {"cache-control", "no-cache"}});
    ++openStreams;
    maxOpenStreams = std::max(maxOpenStreams, openStreams);
    struct State
    {
        int sent = 0;
        bool done = false;
    };
    auto state = std::make_shared<State>();
    QPointer<HttpExchange> ex(exchange);
    auto *timer = new QTimer(exchange);
    timer->setInterval(streamIntervalMs);
    auto finishStream = [this, state](bool aborted) {
        if (state->done)
            return;
        state->done = true;
        --openStreams;
        if (aborted) {
            ++abortedStreams;
            emit streamAborted();
        } else {
            ++completedStreams;
            emit streamCompleted();
        }
    };
    connect(exchange, &HttpExchange::clientGone, this, [finishStream] { finishStream(true); });
    auto step = [=] {
        if (!ex || state->done)
            return;
        if (cutAfter >= 0 && state->sent >= cutAfter) {
            timer->stop();
            finishStream(false);
            // Drop the connection in the middle of the chunked body.
            if (auto *socket = ex->parent()->findChild<QTcpSocket *>())
                socket->abort();
            return;
        }
        if (state->sent < events.size()) {
            ex->writeChunk(events[state->sent++]);
            if (state->sent < events.size())
                return;
        }
        timer->stop();
        finishStream(false);
        ex->endStream();
    };
    connect(timer, &QTimer::timeout, this, step);
    step();
    timer->start();
}

namespace {

// A new response id: every answer of the fake has its own.
QString nextResponseId()
{
    static int counter = 0;
    return QStringLiteral("resp_fake_%1").arg(++counter);
}

QJsonObject responseObject(const QString &id, const QByteArray &model, const QString &status,
                           const QJsonArray &output, bool withUsage)
{
    QJsonObject r{{QLatin1String("id"), id},
                  {QLatin1String("object"), QLatin1String("response")},
                  {QLatin1String("created_at"), 1700000000},
                  {QLatin1String("status"), status},
                  {QLatin1String("model"), QString::fromUtf8(model)},
                  {QLatin1String("output"), output},
                  {QLatin1String("usage"), QJsonValue()}};
    if (withUsage)
        r.insert(QLatin1String("usage"),
                 QJsonObject{{QLatin1String("input_tokens"), 7},
                             {QLatin1String("input_tokens_details"),
                              QJsonObject{{QLatin1String("cached_tokens"), 2}}},
                             {QLatin1String("output_tokens"), 4},
                             {QLatin1String("output_tokens_details"),
                              QJsonObject{{QLatin1String("reasoning_tokens"), 1}}},
                             {QLatin1String("total_tokens"), 11}});
    return r;
}

QByteArray sseEvent(const char *type, QJsonObject data, int &sequence)
{
    data.insert(QLatin1String("type"), QLatin1String(type));
    data.insert(QLatin1String("sequence_number"), sequence++);
    return QByteArray("event: ") + type +
           "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}

QJsonObject messageItem(const QString &text)
{
    return QJsonObject{
        {QLatin1String("id"), QLatin1String("msg_fake")},
        {QLatin1String("type"), QLatin1String("message")},
        {QLatin1String("status"), QLatin1String("completed")},
        {QLatin1String("role"), QLatin1String("assistant")},
        {QLatin1String("content"),
         QJsonArray{QJsonObject{{QLatin1String("type"), QLatin1String("output_text")},
                                {QLatin1String("text"), text},
                                {QLatin1String("annotations"), QJsonArray()}}}}};
}

QJsonObject callItem(const QString &tool, const QString &arguments, bool custom)
{
    if (custom)
        return QJsonObject{{QLatin1String("id"), QLatin1String("ctc_fake")},
                           {QLatin1String("type"), QLatin1String("custom_tool_call")},
                           {QLatin1String("status"), QLatin1String("completed")},
                           {QLatin1String("call_id"), QLatin1String("call_fake_1")},
                           {QLatin1String("name"), tool},
                           {QLatin1String("input"), arguments}};
    return QJsonObject{{QLatin1String("id"), QLatin1String("fc_fake")},
                       {QLatin1String("type"), QLatin1String("function_call")},
                       {QLatin1String("status"), QLatin1String("completed")},
                       {QLatin1String("call_id"), QLatin1String("call_fake_1")},
                       {QLatin1String("name"), tool},
                       {QLatin1String("arguments"), arguments}};
}

// The "WRITE <file> <word>" instruction anywhere in what the client sent.
bool agentInstruction(const QJsonObject &body, QString *file, QString *word)
{
    static const QRegularExpression instruction(
        QStringLiteral("WRITE ([A-Za-z0-9._/-]+) ([A-Za-z0-9._-]+)"));
    const QRegularExpressionMatch m =
        instruction.match(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)));
    if (!m.hasMatch())
        return false;
    *file = m.captured(1);
    *word = m.captured(2);
    return true;
}

} // namespace

FakeUpstream::Turn FakeUpstream::agentTurn(const QJsonObject &body, Api api)
{
    Turn turn;
    QString file, word;
    if (!agentInstruction(body, &file, &word)) {
        turn.text = QStringLiteral("AGENT: nothing to do");
        return turn;
    }
    // Has the tool answered yet?
    bool answered = false;
    if (api == Api::Responses) {
        const QJsonArray input = body.value(QLatin1String("input")).toArray();
        answered = input.last()
                       .toObject()
                       .value(QLatin1String("type"))
                       .toString()
                       .endsWith(QLatin1String("_call_output"));
    } else if (api == Api::Gemini) {
        const QJsonObject last = body.value(QLatin1String("contents")).toArray().last().toObject();
        for (const QJsonValue p : last.value(QLatin1String("parts")).toArray())
            answered = answered || p.toObject().contains(QLatin1String("functionResponse"));
    } else {
        const QJsonObject last = body.value(QLatin1String("messages")).toArray().last().toObject();
        answered = last.value(QLatin1String("role")).toString() == QLatin1String("tool");
        for (const QJsonValue block : last.value(QLatin1String("content")).toArray())
            answered = answered || block.toObject().value(QLatin1String("type")).toString() ==
                                       QLatin1String("tool_result");
    }
    if (answered) {
        turn.text = QStringLiteral("AGENT DONE: ") + word;
        return turn;
    }
    // The tools as name -> parameters, whatever the surface.
    struct Offered
    {
        QString name;
        QJsonObject parameters;
        bool custom = false;
    };
    QList<Offered> offered;
    for (const QJsonValue v : body.value(QLatin1String("tools")).toArray()) {
        const QJsonObject t = v.toObject();
        const QString type = t.value(QLatin1String("type")).toString();
        for (const QJsonValue d : t.value(QLatin1String("functionDeclarations")).toArray()) {
            const QJsonObject f = d.toObject();
            const QJsonObject parameters =
                f.value(QLatin1String("parametersJsonSchema")).isObject()
                    ? f.value(QLatin1String("parametersJsonSchema")).toObject()
                    : f.value(QLatin1String("parameters")).toObject();
            offered.append({f.value(QLatin1String("name")).toString(), parameters, false});
        }
        if ((api == Api::Chat || api == Api::Ollama) && type == QLatin1String("function")) {
            const QJsonObject f = t.value(QLatin1String("function")).toObject();
            offered.append({f.value(QLatin1String("name")).toString(),
                            f.value(QLatin1String("parameters")).toObject(), false});
        } else if (api == Api::Messages && t.contains(QLatin1String("input_schema"))) {
            offered.append({t.value(QLatin1String("name")).toString(),
                            t.value(QLatin1String("input_schema")).toObject(), false});
        } else if (api == Api::Responses &&
                   (type == QLatin1String("function") || type == QLatin1String("custom"))) {
            offered.append({t.value(QLatin1String("name")).toString(),
                            t.value(QLatin1String("parameters")).toObject(),
                            type == QLatin1String("custom")});
        }
    }
    const QString command = QStringLiteral("printf '%s\\n' %1 > %2").arg(word, file);
    const QString patch =
        QStringLiteral("*** Begin Patch\n*** Add File: %1\n+%2\n*** End Patch\n").arg(file, word);
    const bool preferPatch = QJsonDocument(body).toJson().contains("agent-patch");
    auto shellCall = [&](const Offered &t) -> std::optional<Turn> {
        const QJsonObject props = t.parameters.value(QLatin1String("properties")).toObject();
        Turn call;
        call.tool = t.name;
        if (props.contains(QLatin1String("cmd"))) {
            call.arguments =
                QString::fromUtf8(QJsonDocument(QJsonObject{{QLatin1String("cmd"), command}})
                                      .toJson(QJsonDocument::Compact));
            return call;
        }
        if (!props.contains(QLatin1String("command")))
            return std::nullopt;
        const bool argv = props.value(QLatin1String("command"))
                              .toObject()
                              .value(QLatin1String("type"))
                              .toString()
                              .compare(QLatin1String("array"), Qt::CaseInsensitive) == 0;
        call.arguments = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QLatin1String("command"),
                                       argv ? QJsonValue(QJsonArray{QStringLiteral("bash"),
                                                                    QStringLiteral("-lc"), command})
                                            : QJsonValue(command)}})
                .toJson(QJsonDocument::Compact));
        return call;
    };
    auto patchCall = [&](const Offered &t) -> std::optional<Turn> {
        if (t.name != QLatin1String("apply_patch"))
            return std::nullopt;
        Turn call;
        call.tool = t.name;
        call.custom = t.custom;
        call.arguments =
            t.custom ? patch
                     : QString::fromUtf8(QJsonDocument(QJsonObject{{QLatin1String("input"), patch}})
                                             .toJson(QJsonDocument::Compact));
        return call;
    };
    for (int pass = 0; pass < 2; ++pass) {
        const bool patchPass = (pass == 0) == preferPatch;
        for (const Offered &t : offered) {
            if (auto call = patchPass ? patchCall(t) : shellCall(t))
                return *call;
        }
    }
    turn.text = QStringLiteral("AGENT: no tool can write a file");
    return turn;
}

QList<QByteArray> FakeUpstream::responsesEvents(const QByteArray &model, const Turn &turn,
                                                int textEvents)
{
    QList<QByteArray> out;
    int seq = 0;
    const QString id = nextResponseId();
    out << sseEvent("response.created",
                    {{QLatin1String("response"),
                      responseObject(id, model, QStringLiteral("in_progress"), {}, false)}},
                    seq);
    out << sseEvent("response.in_progress",
                    {{QLatin1String("response"),
                      responseObject(id, model, QStringLiteral("in_progress"), {}, false)}},
                    seq);
    QJsonObject item;
    if (!turn.tool.isEmpty()) {
        item = callItem(turn.tool, turn.arguments, turn.custom);
        QJsonObject added = item;
        added.insert(QLatin1String("status"), QLatin1String("in_progress"));
        added.insert(turn.custom ? QLatin1String("input") : QLatin1String("arguments"), QString());
        out << sseEvent("response.output_item.added",
                        {{QLatin1String("output_index"), 0}, {QLatin1String("item"), added}}, seq);
        const QString a = turn.arguments;
        const char *delta = turn.custom ? "response.custom_tool_call_input.delta"
                                        : "response.function_call_arguments.delta";
        for (const QString &piece : {a.left(a.size() / 2), a.mid(a.size() / 2)})
            out << sseEvent(delta,
                            {{QLatin1String("item_id"), item.value(QLatin1String("id"))},
                             {QLatin1String("output_index"), 0},
                             {QLatin1String("delta"), piece}},
                            seq);
        out << sseEvent(turn.custom ? "response.custom_tool_call_input.done"
                                    : "response.function_call_arguments.done",
                        {{QLatin1String("item_id"), item.value(QLatin1String("id"))},
                         {QLatin1String("output_index"), 0},
                         {turn.custom ? QLatin1String("input") : QLatin1String("arguments"), a}},
                        seq);
    } else {
        QStringList pieces;
        if (textEvents > 0) {
            for (int i = 0; i < textEvents; ++i)
                pieces << QStringLiteral("tok%1 ").arg(i);
        } else {
            pieces << turn.text;
        }
        item = messageItem(pieces.join(QString()));
        out << sseEvent("response.output_item.added",
                        {{QLatin1String("output_index"), 0},
                         {QLatin1String("item"),
                          QJsonObject{{QLatin1String("id"), QLatin1String("msg_fake")},
                                      {QLatin1String("type"), QLatin1String("message")},
                                      {QLatin1String("status"), QLatin1String("in_progress")},
                                      {QLatin1String("role"), QLatin1String("assistant")},
                                      {QLatin1String("content"), QJsonArray()}}}},
                        seq);
        const QJsonObject where{{QLatin1String("item_id"), QLatin1String("msg_fake")},
                                {QLatin1String("output_index"), 0},
                                {QLatin1String("content_index"), 0}};
        auto with = [&where](QJsonObject o) {
            for (auto it = where.begin(); it != where.end(); ++it)
                o.insert(it.key(), it.value());
            return o;
        };
        out << sseEvent("response.content_part.added",
                        with({{QLatin1String("part"),
                               QJsonObject{{QLatin1String("type"), QLatin1String("output_text")},
                                           {QLatin1String("text"), QString()}}}}),
                        seq);
        for (const QString &piece : std::as_const(pieces))
            out << sseEvent("response.output_text.delta", with({{QLatin1String("delta"), piece}}),
                            seq);
        out << sseEvent("response.output_text.done",
                        with({{QLatin1String("text"), pieces.join(QString())}}), seq);
        out << sseEvent(
            "response.content_part.done",
            with({{QLatin1String("part"), item.value(QLatin1String("content")).toArray().first()}}),
            seq);
    }
    out << sseEvent("response.output_item.done",
                    {{QLatin1String("output_index"), 0}, {QLatin1String("item"), item}}, seq);
    out << sseEvent(
        "response.completed",
        {{QLatin1String("response"),
          responseObject(id, model, QStringLiteral("completed"), QJsonArray{item}, true)}},
        seq);
    return out;
}

void FakeUpstream::answerTurn(HttpExchange *exchange, Api api, const QByteArray &model,
                              const Turn &turn, bool stream, bool includeUsage)
{
    if (api == Api::Ollama) {
        answerOllama(exchange, model, {}, turn, stream, -1);
        return;
    }
    if (api == Api::Responses) {
        if (stream) {
            this->stream(exchange, responsesEvents(model, turn, 0), -1);
            return;
        }
        const QJsonArray output{turn.tool.isEmpty()
                                    ? messageItem(turn.text)
                                    : callItem(turn.tool, turn.arguments, turn.custom)};
        exchange->respond(200, {{"content-type", jsonType}},
                          QJsonDocument(responseObject(nextResponseId(), model,
                                                       QStringLiteral("completed"), output, true))
                              .toJson(QJsonDocument::Compact));
        return;
    }
    if (!turn.tool.isEmpty()) {
        // The old paths know tool calls; only the arguments differ.
        const QByteArray name = turn.tool.toUtf8();
        const QString arguments =
            turn.custom ? QString::fromUtf8(
                              QJsonDocument(QJsonObject{{QLatin1String("input"), turn.arguments}})
                                  .toJson(QJsonDocument::Compact))
                        : turn.arguments;
        const QByteArray args = QJsonDocument(QJsonArray{arguments})
                                    .toJson(QJsonDocument::Compact)
                                    .mid(1)
                                    .chopped(1); // a JSON string literal
        if (api == Api::Messages) {
            QList<QByteArray> events;
            auto event = [](const char *type, const QByteArray &data) -> QByteArray {
                return QByteArray("event: ") + type + "\ndata: " + data + "\n\n";
            };
            const QByteArray input = arguments.toUtf8();
            if (!stream) {
                exchange->respond(
                    200, {{"content-type", jsonType}},
                    "{\"id\":\"msg_agent\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                    "\"" +
                        model +
                        "\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_agent_1\","
                        "\"name\":\"" +
                        name + "\",\"input\":" + input +
                        "}],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":{\"input_"
                        "tokens\":20,\"output_tokens\":9}}");
                return;
            }
            events << event(
                          "message_start",
                          "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_agent\",\"type\":"
                          "\"message\",\"role\":\"assistant\",\"model\":\"" +
                              model +
                              "\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":"
                              "20,\"output_tokens\":1}}}")
                   << event("content_block_start",
                            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{"
                            "\"type\":\"tool_use\",\"id\":\"toolu_agent_1\",\"name\":\"" +
                                name + "\",\"input\":{}}}")
                   << event("content_block_delta",
                            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                            "\"input_json_delta\",\"partial_json\":" +
                                args + "}}")
                   << event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}")
                   << event("message_delta",
                            "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\","
                            "\"stop_sequence\":null},\"usage\":{\"output_tokens\":9}}")
                   << event("message_stop", "{\"type\":\"message_stop\"}");
            this->stream(exchange, events, -1);
            return;
        }
        if (!stream) {
            exchange->respond(
                200, {{"content-type", jsonType}},
                "{\"id\":\"chatcmpl-agent\",\"object\":\"chat.completion\",\"created\":1700000000,"
                "\"model\":\"" +
                    model +
                    "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    "null,\"tool_calls\":[{\"id\":\"call_agent_1\",\"type\":\"function\","
                    "\"function\":{\"name\":\"" +
                    name + "\",\"arguments\":" + args +
                    "}}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":20,"
                    "\"completion_tokens\":9,\"total_tokens\":29}}");
            return;
        }
        const QByteArray head = "data: {\"id\":\"chatcmpl-agent\",\"object\":\"chat.completion."
                                "chunk\",\"created\":1700000000,\"model\":\"" +
                                model + "\",\"choices\":";
        QList<QByteArray> events{
            head +
                "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
                "[{\"index\":0,\"id\":\"call_agent_1\",\"type\":\"function\",\"function\":{"
                "\"name\":\"" +
                name + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n",
            head +
                "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{"
                "\"arguments\":" +
                args + "}}]},\"finish_reason\":null}]}\n\n",
            head + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"};
        if (includeUsage)
            events << head + "[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":9,"
                             "\"total_tokens\":29}}\n\n";
        events << QByteArrayLiteral("data: [DONE]\n\n");
        this->stream(exchange, events, -1);
        return;
    }
    // Text: one piece, on the surface asked.
    const QByteArray text = turn.text.toUtf8();
    if (api == Api::Messages) {
        const QList<QByteArray> words{text};
        QList<QByteArray> events = anthropicEvents(model, 0);
        if (!stream) {
            exchange->respond(
                200, {{"content-type", jsonType}},
                QJsonDocument(
                    QJsonObject{
                        {QLatin1String("id"), QLatin1String("msg_agent")},
                        {QLatin1String("type"), QLatin1String("message")},
                        {QLatin1String("role"), QLatin1String("assistant")},
                        {QLatin1String("model"), QString::fromUtf8(model)},
                        {QLatin1String("content"),
                         QJsonArray{QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                                {QLatin1String("text"), turn.text}}}},
                        {QLatin1String("stop_reason"), QLatin1String("end_turn")},
                        {QLatin1String("stop_sequence"), QJsonValue()},
                        {QLatin1String("usage"), QJsonObject{{QLatin1String("input_tokens"), 5},
                                                             {QLatin1String("output_tokens"), 3}}}})
                    .toJson(QJsonDocument::Compact));
            return;
        }
        const QByteArray delta =
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            "\"delta\":{\"type\":\"text_delta\",\"text\":" +
            QJsonDocument(QJsonArray{turn.text}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
            "}}\n\n";
        events.insert(2, delta);
        this->stream(exchange, events, -1);
        return;
    }
    if (!stream) {
        exchange->respond(
            200, {{"content-type", jsonType}},
            QJsonDocument(
                QJsonObject{
                    {QLatin1String("id"), QLatin1String("chatcmpl-agent")},
                    {QLatin1String("object"), QLatin1String("chat.completion")},
                    {QLatin1String("created"), 1700000000},
                    {QLatin1String("model"), QString::fromUtf8(model)},
                    {QLatin1String("choices"),
                     QJsonArray{QJsonObject{
                         {QLatin1String("index"), 0},
                         {QLatin1String("message"),
                          QJsonObject{{QLatin1String("role"), QLatin1String("assistant")},
                                      {QLatin1String("content"), turn.text}}},
                         {QLatin1String("finish_reason"), QLatin1String("stop")}}}},
                    {QLatin1String("usage"), QJsonObject{{QLatin1String("prompt_tokens"), 5},
                                                         {QLatin1String("completion_tokens"), 3},
                                                         {QLatin1String("total_tokens"), 8}}}})
                .toJson(QJsonDocument::Compact));
        return;
    }
    QList<QByteArray> events{chunk(model, text, "stop")};
    if (includeUsage)
        events << QByteArray(
            "data: {\"id\":\"chatcmpl-agent\",\"object\":\"chat.completion.chunk\","
            "\"created\":1700000000,\"model\":\"" +
            model +
            "\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":"
            "3,\"total_tokens\":8}}\n\n");
    events << QByteArrayLiteral("data: [DONE]\n\n");
    this->stream(exchange, events, -1);
}

// ---- Gemini

namespace {

QJsonObject geminiChunk(const QByteArray &model, const QJsonArray &parts, bool last)
{
    QJsonObject candidate{
        {QLatin1String("content"), QJsonObject{{QLatin1String("role"), QLatin1String("model")},
                                               {QLatin1String("parts"), parts}}},
        {QLatin1String("index"), 0}};
    QJsonObject out{{QLatin1String("candidates"), QJsonArray{candidate}},
                    {QLatin1String("modelVersion"), QString::fromUtf8(model)},
                    {QLatin1String("responseId"), QLatin1String("fake-gemini-response")}};
    if (last) {
        candidate.insert(QLatin1String("finishReason"), QLatin1String("STOP"));
        out.insert(QLatin1String("candidates"), QJsonArray{candidate});
        out.insert(QLatin1String("usageMetadata"),
                   QJsonObject{{QLatin1String("promptTokenCount"), 5},
                               {QLatin1String("candidatesTokenCount"), 3},
                               {QLatin1String("thoughtsTokenCount"), 2},
                               {QLatin1String("cachedContentTokenCount"), 1},
                               {QLatin1String("totalTokenCount"), 10}});
    }
    return out;
}

QByteArray geminiJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray googleError(int status, const QString &message, const char *name)
{
    return geminiJson(QJsonObject{
        {QLatin1String("error"), QJsonObject{{QLatin1String("code"), status},
                                             {QLatin1String("message"), message},
                                             {QLatin1String("status"), QLatin1String(name)}}}});
}

} // namespace

void FakeUpstream::answerGemini(HttpExchange *exchange, const HttpRequest &request)
{
    if (request.path == "/v1beta/models" && request.method == "GET") {
        QJsonArray list;
        for (const QString &m : models)
            list.append(QJsonObject{
                {QLatin1String("name"), QString(QLatin1String("models/") + m)},
                {QLatin1String("supportedGenerationMethods"),
                 QJsonArray{QLatin1String("generateContent"), QLatin1String("countTokens")}}});
        exchange->respond(200, {{"content-type", jsonType}},
                          geminiJson(QJsonObject{{QLatin1String("models"), list}}));
        return;
    }
    const QByteArray last = QByteArray::fromPercentEncoding(request.path.mid(15)); // after models/
    const qsizetype colon = last.lastIndexOf(':');
    if (!request.path.startsWith("/v1beta/models/") || colon < 0 || request.method != "POST") {
        exchange->respond(
            404, {{"content-type", jsonType}},
            googleError(404, QStringLiteral("fake upstream: no such endpoint"), "NOT_FOUND"));
        return;
    }
    const QByteArray model = last.left(colon);
    const QByteArray method = last.mid(colon + 1);
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (method == "countTokens") {
        exchange->respond(200, {{"content-type", jsonType}}, "{\"totalTokens\":12}");
        return;
    }
    const bool stream = method == "streamGenerateContent";
    if (!stream && method != "generateContent") {
        exchange->respond(
            404, {{"content-type", jsonType}},
            googleError(404, QStringLiteral("fake upstream: no such method"), "NOT_FOUND"));
        return;
    }
    if (body.contains(QLatin1String("model")) || body.contains(QLatin1String("stream"))) {
        exchange->respond(400, {{"content-type", jsonType}},
                          googleError(400,
                                      QStringLiteral("Invalid JSON payload received. Unknown "
                                                     "name \"model\" or \"stream\"."),
                                      "INVALID_ARGUMENT"));
        return;
    }
    // Gemini 3: a function call in the history must carry the signature the model gave it.
    for (const QJsonValue c : body.value(QLatin1String("contents")).toArray()) {
        for (const QJsonValue p : c.toObject().value(QLatin1String("parts")).toArray()) {
            const QJsonObject part = p.toObject();
            if (part.contains(QLatin1String("functionCall")) &&
                part.value(QLatin1String("thoughtSignature")).toString().isEmpty()) {
                exchange->respond(
                    400, {{"content-type", jsonType}},
                    googleError(400, QStringLiteral("Function call is missing a thought_signature"),
                                "INVALID_ARGUMENT"));
                return;
            }
        }
    }
    if (model == "hang")
        return;
    const bool sse = request.query.split('&').contains(QByteArrayLiteral("alt=sse"));
    if (model.startsWith("status-")) {
        const int status = model.split('-').value(1).toInt();
        exchange->respond(status, {{"content-type", jsonType}},
                          googleError(status,
                                      QStringLiteral("fake upstream says %1 (you wrote: %2)")
                                          .arg(status)
                                          .arg(QString::fromUtf8(lastUserText(body))),
                                      status == 429 ? "RESOURCE_EXHAUSTED" : "INVALID_ARGUMENT"));
        return;
    }
    Turn turn;
    if (model.startsWith("agent")) {
        turn = agentTurn(body, Api::Gemini);
    } else {
        const QJsonArray contents = body.value(QLatin1String("contents")).toArray();
        bool answered = false;
        for (const QJsonValue p :
             contents.last().toObject().value(QLatin1String("parts")).toArray())
            answered = answered || p.toObject().contains(QLatin1String("functionResponse"));
        const QJsonArray declarations = body.value(QLatin1String("tools"))
                                            .toArray()
                                            .first()
                                            .toObject()
                                            .value(QLatin1String("functionDeclarations"))
                                            .toArray();
        if (!declarations.isEmpty() && !answered) {
            turn.tool = declarations.first().toObject().value(QLatin1String("name")).toString();
            turn.arguments = QStringLiteral("{\"city\":\"Oslo\"}");
        } else if (stream) {
            const int cutAfter = model.startsWith("cut-") ? model.mid(4).toInt() : -1;
            QList<QByteArray> events;
            for (int i = 0; i < streamEvents; ++i)
                events << "data: " +
                              geminiJson(geminiChunk(
                                  model,
                                  QJsonArray{QJsonObject{
                                      {QLatin1String("text"), QStringLiteral("tok%1 ").arg(i)}}},
                                  i == streamEvents - 1)) +
                              "\r\n\r\n";
            this->stream(exchange, events, cutAfter);
            return;
        } else {
            turn.text = QString::fromUtf8("echo: " + lastUserText(body));
        }
    }
    answerGeminiTurn(exchange, model, turn, stream, sse);
}

void FakeUpstream::answerGeminiTurn(HttpExchange *exchange, const QByteArray &model,
                                    const Turn &turn, bool stream, bool sse)
{
    QJsonArray parts;
    if (!turn.tool.isEmpty())
        parts.append(QJsonObject{
            {QLatin1String("functionCall"),
             QJsonObject{{QLatin1String("name"), turn.tool},
                         {QLatin1String("args"),
                          QJsonDocument::fromJson(turn.arguments.toUtf8()).object()}}},
            {QLatin1String("thoughtSignature"), QLatin1String("ZmFrZS1zaWduYXR1cmU=")}});
    else
        parts.append(QJsonObject{{QLatin1String("text"), turn.text}});
    if (!stream) {
        exchange->respond(200, {{"content-type", jsonType}},
                          geminiJson(geminiChunk(model, parts, true)));
        return;
    }
    const QByteArray last = geminiJson(geminiChunk(model, parts, true));
    if (!sse) {
        exchange->respond(200, {{"content-type", jsonType}}, '[' + last + ']');
        return;
    }
    this->stream(exchange, {"data: " + last + "\r\n\r\n"}, -1);
}

} // namespace gatehouse

namespace gatehouse {

namespace {

QJsonObject ollamaLine(const QByteArray &model, bool generate, const QString &text,
                       const QJsonArray &calls, bool done)
{
    QJsonObject line{{QLatin1String("model"), QString::fromUtf8(model)},
                     {QLatin1String("created_at"), QLatin1String("2025-01-01T00:00:00.000Z")}};
    if (generate) {
        line.insert(QLatin1String("response"), text);
    } else {
        QJsonObject message{{QLatin1String("role"), QLatin1String("assistant")},
                            {QLatin1String("content"), text}};
        if (!calls.isEmpty())
            message.insert(QLatin1String("tool_calls"), calls);
        line.insert(QLatin1String("message"), message);
    }
    line.insert(QLatin1String("done"), done);
    return line;
}

QByteArray ndjson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

bool FakeUpstream::answerOllamaLocal(HttpExchange *exchange, const HttpRequest &request)
{
    const QByteArray details = "{\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"fake\","
                               "\"families\":[\"fake\"],\"parameter_size\":\"7B\","
                               "\"quantization_level\":\"Q4_K_M\"}";
    if (request.path == "/api/version") {
        exchange->respond(200, {{"content-type", jsonType}}, "{\"version\":\"0.12.6\"}");
        return true;
    }
    if (request.path == "/api/tags" || request.path == "/api/ps") {
        QByteArray list;
        for (const QString &m : std::as_const(models)) {
            if (!list.isEmpty())
                list += ',';
            list += "{\"name\":\"" + m.toUtf8() + "\",\"model\":\"" + m.toUtf8() +
                    "\",\"modified_at\":\"2025-01-01T00:00:00Z\",\"size\":4683087332,"
                    "\"digest\":\"sha256:0000\",\"details\":" +
                    details + '}';
        }
        exchange->respond(200, {{"content-type", jsonType}}, "{\"models\":[" + list + "]}");
        return true;
    }
    if (request.path == "/api/show" && request.method == "POST") {
        const QString model =
            QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")).toString();
        if (model.startsWith(QLatin1String("missing"))) {
            exchange->respond(404, {{"content-type", jsonType}},
                              "{\"error\":\"model '" + model.toUtf8() + "' not found\"}");
            return true;
        }
        exchange->respond(200, {{"content-type", jsonType}},
                          "{\"modelfile\":\"FROM fake\",\"parameters\":\"\",\"template\":\"\","
                          "\"details\":" +
                              details +
                              ",\"model_info\":{\"general.architecture\":\"fake\","
                              "\"fake.context_length\":8192},"
                              "\"capabilities\":[\"completion\",\"tools\"]}");
        return true;
    }
    if (request.path == "/api/embed" && request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const QJsonValue input = body.value(QLatin1String("input"));
        const qsizetype count = input.isArray() ? input.toArray().size() : 1;
        QJsonArray embeddings;
        for (qsizetype i = 0; i < count; ++i)
            embeddings.append(QJsonArray{0.25, -0.5, 1.0});
        exchange->respond(
            200, {{"content-type", jsonType}},
            ndjson(QJsonObject{{QLatin1String("model"), body.value(QLatin1String("model"))},
                               {QLatin1String("embeddings"), embeddings},
                               {QLatin1String("total_duration"), 1000},
                               {QLatin1String("prompt_eval_count"), 2}})
                .trimmed());
        return true;
    }
    return false;
}

void FakeUpstream::answerOllama(HttpExchange *exchange, const QByteArray &model,
                                const QJsonObject &body, const Turn &turn, bool stream,
                                int cutAfter)
{
    const bool generate = body.contains(QLatin1String("prompt"));
    QJsonArray calls;
    if (!turn.tool.isEmpty()) {
        const QString arguments =
            turn.custom ? QString::fromUtf8(
                              QJsonDocument(QJsonObject{{QLatin1String("input"), turn.arguments}})
                                  .toJson(QJsonDocument::Compact))
                        : turn.arguments;
        calls.append(
            QJsonObject{{QLatin1String("function"),
                         QJsonObject{{QLatin1String("name"), turn.tool},
                                     {QLatin1String("arguments"),
                                      QJsonDocument::fromJson(arguments.toUtf8()).object()}}}});
    }
    auto last = [&](const QString &text, int evalCount) {
        QJsonObject line = ollamaLine(model, generate, text, stream ? QJsonArray() : calls, true);
        line.insert(QLatin1String("done_reason"), QLatin1String("stop"));
        line.insert(QLatin1String("total_duration"), 5000000);
        line.insert(QLatin1String("load_duration"), 1000);
        line.insert(QLatin1String("prompt_eval_count"), 5);
        line.insert(QLatin1String("prompt_eval_duration"), 1000000);
        line.insert(QLatin1String("eval_count"), evalCount);
        line.insert(QLatin1String("eval_duration"), 4000000);
        return line;
    };
    if (!stream) {
        exchange->respond(
            200, {{"content-type", jsonType}},
            QJsonDocument(last(turn.text, calls.isEmpty() ? 3 : 9)).toJson(QJsonDocument::Compact));
        return;
    }
    QList<QByteArray> lines;
    if (!calls.isEmpty()) {
        lines << ndjson(ollamaLine(model, generate, QString(), calls, false))
              << ndjson(last(QString(), 9));
    } else if (body.isEmpty() || turn.text.startsWith(QLatin1String("AGENT"))) {
        lines << ndjson(ollamaLine(model, generate, turn.text, {}, false))
              << ndjson(last(QString(), 3));
    } else {
        for (int i = 0; i < streamEvents; ++i)
            lines << ndjson(
                ollamaLine(model, generate, QStringLiteral("tok%1 ").arg(i), {}, false));
        lines << ndjson(last(QString(), streamEvents));
    }
    this->stream(exchange, lines, cutAfter, QByteArrayLiteral("application/x-ndjson"));
}

} // namespace gatehouse
