#include "FakeUpstream.h"

#include "http/HttpExchange.h"
#include "http/HttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

namespace gatehouse {

namespace {

const QByteArray jsonType = QByteArrayLiteral("application/json");

QByteArray lastUserText(const QJsonObject &body)
{
    const QJsonArray messages = body.value(QLatin1String("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value(QLatin1String("role")).toString() == QLatin1String("user")) {
            const QJsonValue content = m.value(QLatin1String("content"));
            if (content.isString())
                return content.toString().toUtf8();
            QByteArray text; // Anthropic and OpenAI content blocks
            for (const QJsonValue block : content.toArray()) {
                if (block.toObject().value(QLatin1String("type")).toString() ==
                    QLatin1String("text"))
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
    if ((request.path != "/v1/chat/completions" && !isMessages) || request.method != "POST") {
        exchange->respond(404, {{"content-type", jsonType}},
                          "{\"error\":{\"message\":\"fake upstream: no such "
                          "endpoint\",\"type\":\"invalid_request_error\"}}");
        return;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QByteArray model = body.value(QLatin1String("model")).toString().toUtf8();
    const bool anthropic = isMessages;
    if (model == "hang")
        return; // the exchange stays open until the client gives up
    if (model.startsWith("slow-")) {
        QPointer<HttpExchange> ex(exchange);
        QTimer::singleShot(model.mid(5).toInt(), this,
                           [this, ex, model, anthropic, body = request.body] {
                               if (ex)
                                   answer(ex, model, body, anthropic);
                           });
        return;
    }
    answer(exchange, model, request.body, anthropic);
}

void FakeUpstream::answer(HttpExchange *exchange, const QByteArray &model,
                          const QByteArray &rawBody, bool anthropic)
{
    const QJsonObject body = QJsonDocument::fromJson(rawBody).object();
    if (model.startsWith("flaky-")) {
        const QList<QByteArray> parts = model.split('-');
        if (++m_flakyCounts[model] <= parts.value(1).toInt()) {
            const int status = parts.size() > 2 ? parts.value(2).toInt() : 503;
            HttpHeaders headers{{"content-type", jsonType}};
            if (status == 429)
                headers.append({QByteArrayLiteral("retry-after"), QByteArrayLiteral("1")});
            exchange->respond(
                status, headers,
                "{\"error\":{\"message\":\"flaky upstream\",\"type\":\"fake_error\"}}");
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
            if (anthropic) {
                exchange->respond(
                    status, headers,
                    "{\"type\":\"error\",\"error\":{\"type\":\"fake_error\",\"message\":"
                    "\"fake upstream says " +
                        QByteArray::number(status) + "\"}}");
                return;
            }
            exchange->respond(status, headers,
                              "{\"error\":{\"message\":\"fake upstream says " +
                                  QByteArray::number(status) +
                                  "\",\"type\":\"fake_error\",\"param\":null,\"code\":\"fake\"}}");
        }
        return;
    }
    const bool wantsStream = body.value(QLatin1String("stream")).toBool();
    const bool includeUsage = body.value(QLatin1String("stream_options"))
                                  .toObject()
                                  .value(QLatin1String("include_usage"))
                                  .toBool();
    // Offered tools and no tool result yet: call the first tool, as a model would.
    const QString tool = toolToCall(body, anthropic);
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

QString FakeUpstream::toolToCall(const QJsonObject &body, bool anthropic)
{
    const QJsonArray tools = body.value(QLatin1String("tools")).toArray();
    if (tools.isEmpty())
        return {};
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

void FakeUpstream::stream(HttpExchange *exchange, const QList<QByteArray> &events, int cutAfter)
{
    exchange->beginStream(200,
                          {{"content-type", "text/event-stream"}, {"cache-control", "no-cache"}});
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

} // namespace gatehouse
