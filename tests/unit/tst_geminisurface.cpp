// Google's Gemini API surface against the internal representation, from fixtures written after
// Google's API reference and what Gemini CLI and @google/genai send: requests both ways (to
// and from Chat Completions, Messages and Responses), whole answers, streams event by event,
// function calls without ids, thought signatures, usage and finish reasons, and the URLs,
// keys, model lists and errors of a Gemini provider.
#include "gateway/Relay.h"
#include "surfaces/GeminiSurface.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::conversation;

namespace {

QJsonObject obj(const QByteArray &json)
{
    QJsonParseError e{};
    const QJsonDocument d = QJsonDocument::fromJson(json, &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("fixture is not JSON: %s", json.constData());
    return d.object();
}

const SurfaceAdapter &adapter(const QString &name)
{
    return surfaceAdapter(parseApiSurface(name).value());
}

Request decode(const QString &surface, const QByteArray &body)
{
    auto decoded = adapter(surface).decodeRequest(obj(body));
    if (auto *e = std::get_if<ApiError>(&decoded))
        qFatal("decode failed: %s", qPrintable(e->message));
    return std::get<Request>(decoded);
}

QJsonObject encode(const QString &surface, const Request &r)
{
    auto encoded = adapter(surface).encodeRequest(r, QStringLiteral("up"));
    if (auto *e = std::get_if<ApiError>(&encoded))
        qFatal("encode failed: %s", qPrintable(e->message));
    return std::get<QJsonObject>(encoded);
}

QByteArray translateStream(const QString &from, const QString &to, const Request &request,
                           const QByteArray &in, int piece = 7)
{
    RelayChain chain = RelayChain::translation(adapter(from), adapter(to), request);
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); i += piece)
        out += chain.data(in.mid(i, piece));
    return out;
}

QList<QJsonObject> dataEvents(const QByteArray &sse)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : sse.split('\n')) {
        if (line.startsWith("data: {"))
            out << QJsonDocument::fromJson(line.mid(6).trimmed()).object();
    }
    return out;
}

QJsonValue at(const QJsonValue &v, std::initializer_list<QVariant> path)
{
    QJsonValue cur = v;
    for (const QVariant &p : path) {
        if (p.typeId() == QMetaType::Int)
            cur = cur.toArray().at(p.toInt());
        else
            cur = cur.toObject().value(p.toString());
    }
    return cur;
}

// What Gemini CLI sends on its second turn: a system instruction, tools in Gemini's schema,
// a model turn with a signed thought and a signed function call, and the function's response.
const QByteArray cliTurn = R"({
  "model": "gem:gemini-2.5-pro", "stream": true,
  "systemInstruction": {"role": "user", "parts": [{"text": "You are a CLI agent."}]},
  "contents": [
    {"role": "user", "parts": [{"text": "list files"},
      {"inlineData": {"mimeType": "image/png", "data": "iVBORw0KGgo="}}]},
    {"role": "model", "parts": [
      {"text": "I should list.", "thought": true, "thoughtSignature": "c2lnLXRob3VnaHQ="},
      {"functionCall": {"name": "run_shell_command", "args": {"command": "ls"}},
       "thoughtSignature": "c2lnLWNhbGw="}]},
    {"role": "user", "parts": [
      {"functionResponse": {"name": "run_shell_command", "response": {"output": "a.txt"}}}]}
  ],
  "tools": [{"functionDeclarations": [{"name": "run_shell_command", "description": "Runs.",
    "parameters": {"type": "OBJECT", "properties": {"command": {"type": "STRING"}},
                   "required": ["command"]}}]},
            {"googleSearch": {}}],
  "toolConfig": {"functionCallingConfig": {"mode": "ANY",
                                           "allowedFunctionNames": ["run_shell_command"]}},
  "generationConfig": {"temperature": 0.2, "topP": 0.9, "topK": 40, "maxOutputTokens": 512,
    "stopSequences": ["END"], "candidateCount": 1,
    "thinkingConfig": {"thinkingBudget": 2048, "includeThoughts": true},
    "responseMimeType": "application/json",
    "responseSchema": {"type": "OBJECT", "properties": {"files": {"type": "ARRAY",
                       "items": {"type": "STRING"}}}}},
  "safetySettings": [{"category": "HARM_CATEGORY_HATE_SPEECH", "threshold": "BLOCK_NONE"}]
})";

} // namespace

class TestGeminiSurface : public QObject
{
    Q_OBJECT
private slots:
    void decodesEverythingGeminiCliSends()
    {
        const Request r = decode(QStringLiteral("gemini"), cliTurn);
        QCOMPARE(r.origin, ApiSurface::Gemini);
        QCOMPARE(r.model, QStringLiteral("gem:gemini-2.5-pro"));
        QVERIFY(r.stream);
        QCOMPARE(r.messages.size(), 4);
        QCOMPARE(r.messages.at(0).role, Role::System);
        QCOMPARE(r.messages.at(0).parts.at(0).text, QStringLiteral("You are a CLI agent."));
        const Message &user = r.messages.at(1);
        QCOMPARE(user.parts.size(), 2);
        QCOMPARE(user.parts.at(1).kind, Part::Kind::Image);
        QCOMPARE(user.parts.at(1).mediaType, QStringLiteral("image/png"));
        const Message &model = r.messages.at(2);
        QCOMPARE(model.role, Role::Assistant);
        QCOMPARE(model.parts.at(0).kind, Part::Kind::Thinking);
        QCOMPARE(model.parts.at(0).thoughtSignature, QStringLiteral("c2lnLXRob3VnaHQ="));
        const Part &call = model.parts.at(1);
        QCOMPARE(call.kind, Part::Kind::ToolCall);
        QCOMPARE(call.name, QStringLiteral("run_shell_command"));
        QCOMPARE(call.arguments, QStringLiteral("{\"command\":\"ls\"}"));
        QCOMPARE(call.thoughtSignature, QStringLiteral("c2lnLWNhbGw="));
        QVERIFY(call.callId.startsWith(QLatin1String("call_")));
        const Message &results = r.messages.at(3);
        QCOMPARE(results.role, Role::Tool);
        QCOMPARE(results.parts.at(0).callId, call.callId);
        QCOMPARE(results.parts.at(0).resultText(), QStringLiteral("a.txt"));

        // The same conversation decoded again gets the same call ids.
        QCOMPARE(decode(QStringLiteral("gemini"), cliTurn).messages.at(2).parts.at(1).callId,
                 call.callId);

        QCOMPARE(r.tools.size(), 2);
        QCOMPARE(r.tools.at(0).parameters.value(QLatin1String("type")).toString(),
                 QStringLiteral("object"));
        QCOMPARE(at(r.tools.at(0).parameters, {QStringLiteral("properties"),
                                               QStringLiteral("command"), QStringLiteral("type")})
                     .toString(),
                 QStringLiteral("string"));
        QCOMPARE(r.tools.at(1).kind, ToolKind::Hosted);
        QCOMPARE(r.tools.at(1).hostedType, QStringLiteral("googleSearch"));
        QCOMPARE(r.toolChoice.mode, ToolChoice::Mode::Named);
        QCOMPARE(r.toolChoice.name, QStringLiteral("run_shell_command"));
        QCOMPARE(*r.temperature, 0.2);
        QCOMPARE(*r.topP, 0.9);
        QCOMPARE(*r.topK, 40);
        QCOMPARE(*r.maxOutputTokens, 512);
        QCOMPARE(r.stop, QStringList{QStringLiteral("END")});
        QCOMPARE(r.reasoning.enabled, std::optional<bool>(true));
        QCOMPARE(r.reasoning.budgetTokens, 2048);
        QCOMPARE(r.reasoning.summary, QStringLiteral("auto"));
        QCOMPARE(r.responseFormat.kind, ResponseFormat::Kind::JsonSchema);
        QCOMPARE(at(r.responseFormat.schema,
                    {QStringLiteral("properties"), QStringLiteral("files"), QStringLiteral("type")})
                     .toString(),
                 QStringLiteral("array"));
        QVERIFY(r.surfaceExtras.contains(QLatin1String("safetySettings")));
    }

    void geminiToChatCompletions()
    {
        const QJsonObject out =
            encode(QStringLiteral("openai"), decode(QStringLiteral("gemini"), cliTurn));
        const QJsonArray messages = out.value(QLatin1String("messages")).toArray();
        QCOMPARE(at(messages, {0, QStringLiteral("role")}).toString(), QStringLiteral("system"));
        QCOMPARE(at(messages, {2, QStringLiteral("tool_calls"), 0, QStringLiteral("function"),
                               QStringLiteral("name")})
                     .toString(),
                 QStringLiteral("run_shell_command"));
        QCOMPARE(at(messages, {3, QStringLiteral("role")}).toString(), QStringLiteral("tool"));
        QCOMPARE(at(messages, {3, QStringLiteral("tool_call_id")}),
                 at(messages, {2, QStringLiteral("tool_calls"), 0, QStringLiteral("id")}));
        // Google's own search and safety settings stay with Gemini.
        QCOMPARE(out.value(QLatin1String("tools")).toArray().size(), 1);
        QVERIFY(!out.contains(QLatin1String("safetySettings")));
        QCOMPARE(out.value(QLatin1String("max_tokens")).toInt(), 512);
        // No signature of Gemini's reaches another surface.
        QVERIFY(!QJsonDocument(out).toJson().contains("c2ln"));
    }

    void geminiToMessages()
    {
        const QJsonObject out =
            encode(QStringLiteral("anthropic"), decode(QStringLiteral("gemini"), cliTurn));
        QCOMPARE(out.value(QLatin1String("system")).toString(),
                 QStringLiteral("You are a CLI agent."));
        const QJsonArray messages = out.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(at(messages, {1, QStringLiteral("content"), 0, QStringLiteral("type")}).toString(),
                 QStringLiteral("tool_use"));
        QCOMPARE(at(messages, {2, QStringLiteral("content"), 0, QStringLiteral("tool_use_id")}),
                 at(messages, {1, QStringLiteral("content"), 0, QStringLiteral("id")}));
        QCOMPARE(at(out, {QStringLiteral("tool_choice"), QStringLiteral("name")}).toString(),
                 QStringLiteral("run_shell_command"));
        QVERIFY(!QJsonDocument(out).toJson().contains("c2ln"));
    }

    void chatCompletionsToGemini()
    {
        const char *chatText = R"({
          "model": "gem:x", "max_tokens": 100, "temperature": 1, "stop": ["###"], "n": 2,
          "reasoning_effort": "low",
          "response_format": {"type": "json_schema", "json_schema": {"name": "r",
                              "schema": {"type": "object"}}},
          "tools": [{"type": "function", "function": {"name": "weather",
                     "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}],
          "tool_choice": "required",
          "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "weather?"},
              {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64,/9j/4AAQ"}}]},
            {"role": "assistant", "content": "Looking.", "tool_calls": [
              {"id": "call_1", "type": "function",
               "function": {"name": "weather", "arguments": "{'city':'Oslo'}"}},
              {"id": "call_2", "type": "function",
               "function": {"name": "weather", "arguments": "{'city':'Rome'}"}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "sunny"},
            {"role": "tool", "tool_call_id": "call_2", "content": "{'sky':'clear'}"},
            {"role": "user", "content": "thanks"}
          ]})";
        // The strings that hold JSON: their quotes written as ' above.
        const QByteArray chat = QByteArray(chatText).replace('\'', "\\\"");
        const QJsonObject out =
            encode(QStringLiteral("gemini"), decode(QStringLiteral("openai"), chat));
        QVERIFY(!out.contains(QLatin1String("model")));
        QVERIFY(!out.contains(QLatin1String("stream")));
        QCOMPARE(at(out, {QStringLiteral("systemInstruction"), QStringLiteral("parts"), 0,
                          QStringLiteral("text")})
                     .toString(),
                 QStringLiteral("Be brief."));
        const QJsonArray contents = out.value(QLatin1String("contents")).toArray();
        // The tool results and the next user text are one user turn: turns alternate.
        QCOMPARE(contents.size(), 3);
        QCOMPARE(at(contents, {0, QStringLiteral("parts"), 1, QStringLiteral("inlineData"),
                               QStringLiteral("mimeType")})
                     .toString(),
                 QStringLiteral("image/jpeg"));
        QCOMPARE(at(contents, {1, QStringLiteral("role")}).toString(), QStringLiteral("model"));
        QCOMPARE(at(contents, {1, QStringLiteral("parts"), 0, QStringLiteral("text")}).toString(),
                 QStringLiteral("Looking."));
        // A call from another model gets the signature Google documents for that; one per turn.
        QCOMPARE(at(contents, {1, QStringLiteral("parts"), 1, QStringLiteral("thoughtSignature")})
                     .toString(),
                 QStringLiteral("skip_thought_signature_validator"));
        QVERIFY(at(contents, {1, QStringLiteral("parts"), 2, QStringLiteral("thoughtSignature")})
                    .isUndefined());
        QCOMPARE(at(contents, {2, QStringLiteral("role")}).toString(), QStringLiteral("user"));
        const QJsonArray answers = at(contents, {2, QStringLiteral("parts")}).toArray();
        QCOMPARE(
            at(answers, {0, QStringLiteral("functionResponse"), QStringLiteral("name")}).toString(),
            QStringLiteral("weather"));
        QCOMPARE(at(answers, {0, QStringLiteral("functionResponse"), QStringLiteral("response"),
                              QStringLiteral("output")})
                     .toString(),
                 QStringLiteral("sunny"));
        QCOMPARE(at(answers, {1, QStringLiteral("functionResponse"), QStringLiteral("response"),
                              QStringLiteral("sky")})
                     .toString(),
                 QStringLiteral("clear"));
        QCOMPARE(at(answers, {2, QStringLiteral("text")}).toString(), QStringLiteral("thanks"));
        const QJsonObject config = out.value(QLatin1String("generationConfig")).toObject();
        QCOMPARE(config.value(QLatin1String("maxOutputTokens")).toInt(), 100);
        QCOMPARE(config.value(QLatin1String("temperature")).toDouble(), 1.0);
        QCOMPARE(config.value(QLatin1String("stopSequences")).toArray().first().toString(),
                 QStringLiteral("###"));
        QCOMPARE(config.value(QLatin1String("candidateCount")).toInt(), 2);
        QCOMPARE(config.value(QLatin1String("responseMimeType")).toString(),
                 QStringLiteral("application/json"));
        QCOMPARE(
            at(config, {QStringLiteral("responseJsonSchema"), QStringLiteral("type")}).toString(),
            QStringLiteral("object"));
        QCOMPARE(at(config, {QStringLiteral("thinkingConfig"), QStringLiteral("thinkingLevel")})
                     .toString(),
                 QStringLiteral("low"));
        QCOMPARE(at(out, {QStringLiteral("tools"), 0, QStringLiteral("functionDeclarations"), 0,
                          QStringLiteral("parametersJsonSchema"), QStringLiteral("type")})
                     .toString(),
                 QStringLiteral("object"));
        QCOMPARE(at(out, {QStringLiteral("toolConfig"), QStringLiteral("functionCallingConfig"),
                          QStringLiteral("mode")})
                     .toString(),
                 QStringLiteral("ANY"));
    }

    void thinkingSettingsToGemini_data()
    {
        QTest::addColumn<QByteArray>("messages");
        QTest::addColumn<QByteArray>("thinkingConfig");
        QTest::newRow("enabled with budget")
            << QByteArray(
                   R"({"model":"m","max_tokens":9000,"thinking":{"type":"enabled","budget_tokens":4096},"messages":[{"role":"user","content":"x"}]})")
            << QByteArray(R"({"thinkingBudget":4096,"includeThoughts":true})");
        QTest::newRow("disabled")
            << QByteArray(
                   R"({"model":"m","max_tokens":10,"thinking":{"type":"disabled"},"messages":[{"role":"user","content":"x"}]})")
            << QByteArray(R"({"thinkingBudget":0})");
    }
    void thinkingSettingsToGemini()
    {
        QFETCH(QByteArray, messages);
        QFETCH(QByteArray, thinkingConfig);
        const QJsonObject out =
            encode(QStringLiteral("gemini"), decode(QStringLiteral("anthropic"), messages));
        QCOMPARE(at(out, {QStringLiteral("generationConfig"), QStringLiteral("thinkingConfig")})
                     .toObject(),
                 obj(thinkingConfig));
    }

    void signaturesGoBackOnlyToGemini()
    {
        // A Gemini answer's signatures, carried in the conversation, reach a Gemini provider on
        // the next turn; Anthropic's signatures do not.
        const QByteArray answer = R"({"candidates":[{"content":{"role":"model","parts":[
            {"text":"Thinking…","thought":true,"thoughtSignature":"dGhvdWdodA=="},
            {"text":"Here."},
            {"functionCall":{"name":"ls","args":{}},"thoughtSignature":"Y2FsbA=="}]},
            "finishReason":"STOP"}],
          "usageMetadata":{"promptTokenCount":10,"candidatesTokenCount":4,"thoughtsTokenCount":6,
                           "cachedContentTokenCount":2,"totalTokenCount":20},
          "modelVersion":"gemini-2.5-flash","responseId":"r1"})";
        auto decoded = adapter(QStringLiteral("gemini")).decodeResponse(obj(answer));
        const Response response = std::get<Response>(decoded);
        QCOMPARE(response.parts.size(), 3);
        QCOMPARE(response.stopReason, StopReason::ToolUse);
        QCOMPARE(response.usage.inputTokens, 10);
        QCOMPARE(response.usage.outputTokens, 10);
        QCOMPARE(response.usage.reasoningTokens, 6);
        QCOMPARE(response.usage.cachedInputTokens, 2);
        QCOMPARE(response.model, QStringLiteral("gemini-2.5-flash"));

        Request next;
        next.messages << Message{Role::User, {Part::textPart(QStringLiteral("go"))}};
        Message model{Role::Assistant, response.parts};
        Part anthropicThinking;
        anthropicThinking.kind = Part::Kind::Thinking;
        anthropicThinking.text = QStringLiteral("other");
        anthropicThinking.signature = QStringLiteral("anthropic-sig");
        model.parts << anthropicThinking;
        next.messages << model;
        Part result;
        result.kind = Part::Kind::ToolResult;
        result.callId = response.parts.at(2).callId;
        result.content << Part::textPart(QStringLiteral("a.txt"));
        next.messages << Message{Role::Tool, {result}};
        const QJsonObject out = encode(QStringLiteral("gemini"), next);
        const QJsonArray parts =
            at(out, {QStringLiteral("contents"), 1, QStringLiteral("parts")}).toArray();
        QCOMPARE(parts.size(), 3);
        QCOMPARE(at(parts, {0, QStringLiteral("thoughtSignature")}).toString(),
                 QStringLiteral("dGhvdWdodA=="));
        QCOMPARE(at(parts, {0, QStringLiteral("thought")}).toBool(), true);
        QCOMPARE(at(parts, {2, QStringLiteral("thoughtSignature")}).toString(),
                 QStringLiteral("Y2FsbA=="));
        QVERIFY(!QJsonDocument(out).toJson().contains("anthropic-sig"));
        QCOMPARE(at(out, {QStringLiteral("contents"), 2, QStringLiteral("parts"), 0,
                          QStringLiteral("functionResponse"), QStringLiteral("name")})
                     .toString(),
                 QStringLiteral("ls"));
        // And not to Anthropic.
        QVERIFY(
            !QJsonDocument(encode(QStringLiteral("anthropic"), next)).toJson().contains("Y2FsbA"));

        // A Gemini client gets its answer back as Gemini sent it (the call with an id).
        const QJsonObject back = adapter(QStringLiteral("gemini")).encodeResponse(response, {});
        const QJsonArray backParts = at(back, {QStringLiteral("candidates"), 0,
                                               QStringLiteral("content"), QStringLiteral("parts")})
                                         .toArray();
        QCOMPARE(at(backParts, {2, QStringLiteral("thoughtSignature")}).toString(),
                 QStringLiteral("Y2FsbA=="));
        QCOMPARE(at(back, {QStringLiteral("usageMetadata"), QStringLiteral("thoughtsTokenCount")})
                     .toInt(),
                 6);
        QCOMPARE(at(back, {QStringLiteral("usageMetadata"), QStringLiteral("candidatesTokenCount")})
                     .toInt(),
                 4);
        QCOMPARE(
            at(back, {QStringLiteral("candidates"), 0, QStringLiteral("finishReason")}).toString(),
            QStringLiteral("STOP"));
    }

    void otherSurfacesReasoningComesBack()
    {
        // An Anthropic thinking signature reaches a Gemini client in the thought's
        // thoughtSignature, marked, and goes back to Anthropic (never to Gemini) on the next turn.
        Response answer;
        Part thinking;
        thinking.kind = Part::Kind::Thinking;
        thinking.text = QStringLiteral("Let me see.");
        thinking.signature = QStringLiteral("EqQBCkYIAxgC");
        answer.parts << thinking << Part::textPart(QStringLiteral("Hi."));
        const QJsonObject out = adapter(QStringLiteral("gemini")).encodeResponse(answer, {});
        const QJsonObject thought = at(out, {QStringLiteral("candidates"), 0,
                                             QStringLiteral("content"), QStringLiteral("parts"), 0})
                                        .toObject();
        QCOMPARE(thought.value(QLatin1String("thought")).toBool(), true);
        const QString carried = thought.value(QLatin1String("thoughtSignature")).toString();
        QVERIFY(carried.endsWith(QLatin1String("EqQBCkYIAxgC")));

        const QByteArray next =
            "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]},{\"role\":"
            "\"model\",\"parts\":[" +
            QJsonDocument(thought).toJson(QJsonDocument::Compact) +
            ",{\"text\":\"Hi.\"}]},{\"role\":\"user\",\"parts\":[{\"text\":\"more\"}]}]}";
        const Request r = decode(QStringLiteral("gemini"), next);
        QCOMPARE(r.messages.at(1).parts.at(0).signature, QStringLiteral("EqQBCkYIAxgC"));
        QVERIFY(r.messages.at(1).parts.at(0).thoughtSignature.isEmpty());
        const QJsonObject toAnthropic = encode(QStringLiteral("anthropic"), r);
        QCOMPARE(at(toAnthropic, {QStringLiteral("messages"), 1, QStringLiteral("content"), 0,
                                  QStringLiteral("signature")})
                     .toString(),
                 QStringLiteral("EqQBCkYIAxgC"));
        QVERIFY(!QJsonDocument(encode(QStringLiteral("gemini"), r)).toJson().contains("EqQB"));

        // The same in a stream: the marked signature closes the thought.
        Request streamed;
        const QByteArray anthropic =
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
            "\"model\":\"c\",\"usage\":{\"input_tokens\":1}}}\n\n"
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            "\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"Hmm\"}}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            "\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQBCkYIAxgC\"}}\n\n"
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
            "\"end_turn\"},\"usage\":{\"output_tokens\":2}}\n\n"
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        const QList<QJsonObject> chunks = dataEvents(translateStream(
            QStringLiteral("anthropic"), QStringLiteral("gemini"), streamed, anthropic));
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(at(chunks.at(1), {QStringLiteral("candidates"), 0, QStringLiteral("content"),
                                   QStringLiteral("parts"), 0, QStringLiteral("thoughtSignature")})
                     .toString(),
                 carried);
    }

    void finishReasons_data()
    {
        QTest::addColumn<QString>("gemini");
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("back");
        QTest::newRow("STOP") << "STOP" << int(StopReason::EndTurn) << "STOP";
        QTest::newRow("MAX_TOKENS") << "MAX_TOKENS" << int(StopReason::MaxTokens) << "MAX_TOKENS";
        QTest::newRow("SAFETY") << "SAFETY" << int(StopReason::ContentFilter) << "SAFETY";
        QTest::newRow("RECITATION") << "RECITATION" << int(StopReason::ContentFilter) << "SAFETY";
        QTest::newRow("MALFORMED_FUNCTION_CALL")
            << "MALFORMED_FUNCTION_CALL" << int(StopReason::Unknown) << "OTHER";
    }
    void finishReasons()
    {
        QFETCH(QString, gemini);
        QFETCH(int, reason);
        QFETCH(QString, back);
        QCOMPARE(int(GeminiSurface::stopReason(gemini)), reason);
        QCOMPARE(GeminiSurface::finishReasonName(StopReason(reason)), back);
    }

    void geminiStreamToChatEventByEvent()
    {
        // As Google streams it: CRLF-separated events, a thought, text in pieces, a signed
        // function call, and the last chunk with finishReason and usage.
        const QByteArray stream =
            "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hmm\",\"thought\":true}],"
            "\"role\":\"model\"},\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":7},"
            "\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"abc\"}\r\n\r\n"
            "data: "
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],\"role\":\"model\"},"
            "\"index\":0}]}\r\n\r\n"
            "data: "
            "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"lo\"}],\"role\":\"model\"},"
            "\"index\":0}]}\r\n\r\n"
            "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"ls\","
            "\"args\":{\"dir\":\".\"}},\"thoughtSignature\":\"c2ln\"}],\"role\":\"model\"},"
            "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":7,"
            "\"candidatesTokenCount\":5,\"thoughtsTokenCount\":3,\"totalTokenCount\":15}}\r\n\r\n";
        Request request;
        request.streamUsage = true;
        auto decoder = adapter(QStringLiteral("gemini")).streamDecoder();
        StreamEvents all;
        for (qsizetype i = 0; i < stream.size(); i += 5)
            all += decoder->feed(stream.mid(i, 5));
        QVERIFY(decoder->isComplete());
        QVERIFY(!decoder->failed());
        QList<StreamEvent::Type> kinds;
        for (const StreamEvent &e : all)
            kinds << e.type;
        using T = StreamEvent::Type;
        QCOMPARE(kinds, (QList<T>{T::Start, T::BlockStart, T::BlockDelta, T::BlockStop,
                                  T::BlockStart, T::BlockDelta, T::BlockDelta, T::BlockStop,
                                  T::BlockStart, T::BlockDelta, T::BlockStop, T::Finish}));
        QCOMPARE(all.at(0).id, QStringLiteral("abc"));
        QCOMPARE(all.at(3).part.kind, Part::Kind::Thinking);
        QCOMPARE(all.at(7).part.text, QStringLiteral("Hello"));
        QCOMPARE(all.at(10).part.name, QStringLiteral("ls"));
        QCOMPARE(all.at(10).part.thoughtSignature, QStringLiteral("c2ln"));
        QCOMPARE(all.at(11).stopReason, StopReason::ToolUse);
        QCOMPARE(all.at(11).usage.outputTokens, 8);
        QCOMPARE(all.at(11).usage.reasoningTokens, 3);

        const QByteArray chat =
            translateStream(QStringLiteral("gemini"), QStringLiteral("openai"), request, stream);
        QVERIFY(chat.contains("\"content\":\"Hel\""));
        QVERIFY(chat.contains("\"name\":\"ls\""));
        QVERIFY(chat.contains("\"finish_reason\":\"tool_calls\""));
        QVERIFY(chat.endsWith("data: [DONE]\n\n"));
    }

    void messagesStreamToGeminiChunks()
    {
        const QByteArray stream =
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m1\","
            "\"model\":\"claude\",\"usage\":{\"input_tokens\":9,\"output_tokens\":1}}}\n\n"
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,"
            "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"ls\","
            "\"input\":{}}}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
            "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"dir\\\":\"}}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,"
            "\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"\\\".\\\"}\"}}\n\n"
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n"
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
            "\"tool_use\"},\"usage\":{\"output_tokens\":12}}\n\n"
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        const QByteArray out = translateStream(QStringLiteral("anthropic"),
                                               QStringLiteral("gemini"), Request(), stream);
        const QList<QJsonObject> chunks = dataEvents(out);
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(at(chunks.at(0), {QStringLiteral("candidates"), 0, QStringLiteral("content"),
                                   QStringLiteral("parts"), 0, QStringLiteral("text")})
                     .toString(),
                 QStringLiteral("Hi"));
        const QJsonObject call =
            at(chunks.at(1), {QStringLiteral("candidates"), 0, QStringLiteral("content"),
                              QStringLiteral("parts"), 0, QStringLiteral("functionCall")})
                .toObject();
        QCOMPARE(call.value(QLatin1String("name")).toString(), QStringLiteral("ls"));
        QCOMPARE(call.value(QLatin1String("id")).toString(), QStringLiteral("toolu_1"));
        QCOMPARE(at(call, {QStringLiteral("args"), QStringLiteral("dir")}).toString(),
                 QStringLiteral("."));
        QCOMPARE(at(chunks.at(2), {QStringLiteral("candidates"), 0, QStringLiteral("finishReason")})
                     .toString(),
                 QStringLiteral("STOP"));
        QCOMPARE(
            at(chunks.at(2), {QStringLiteral("usageMetadata"), QStringLiteral("promptTokenCount")})
                .toInt(),
            9);
        QCOMPARE(at(chunks.at(2),
                    {QStringLiteral("usageMetadata"), QStringLiteral("candidatesTokenCount")})
                     .toInt(),
                 12);
    }

    void streamErrorsInGoogleShape()
    {
        auto decoder = adapter(QStringLiteral("gemini")).streamDecoder();
        const StreamEvents events = decoder->feed(
            "data: "
            "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}"
            "\r\n\r\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).type, StreamEvent::Type::Error);
        QCOMPARE(events.at(0).error.status, 429);
        QCOMPARE(events.at(0).error.message, QStringLiteral("quota"));
        QVERIFY(decoder->failed());
        const QByteArray event =
            adapter(QStringLiteral("gemini"))
                .streamError(ApiError::badGateway(QStringLiteral("cut"), QStringLiteral("x")));
        QCOMPARE(event, QByteArray("data: {\"error\":{\"code\":502,\"message\":\"cut\",\"status\":"
                                   "\"UNAVAILABLE\"}}\n\n"));
    }

    void observerSeesEndAndUsage()
    {
        auto observer = adapter(QStringLiteral("gemini")).streamObserver();
        observer->observe("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}"
                          "\r\n\r\n");
        QVERIFY(!observer->isComplete());
        observer->observe("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"b\"}]},"
                          "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":4,"
                          "\"candidatesTokenCount\":2,\"thoughtsTokenCount\":1,"
                          "\"cachedContentTokenCount\":3}}\r\n\r\n");
        QVERIFY(observer->isComplete());
        QCOMPARE(observer->usage().inputTokens, 4);
        QCOMPARE(observer->usage().outputTokens, 3);
        QCOMPARE(observer->usage().cachedInputTokens, 3);
    }

    void providerUrlsKeysAndLists()
    {
        const GeminiSurface &g =
            static_cast<const GeminiSurface &>(adapter(QStringLiteral("gemini")));
        const QUrl root(QStringLiteral("https://generativelanguage.googleapis.com"));
        QCOMPARE(g.url(root, Operation::ListModels).toString(),
                 QStringLiteral(
                     "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000"));
        QVERIFY(!g.url(root, Operation::Embeddings).isValid());
        // A version the user typed is kept.
        QCOMPARE(g.url(QUrl(QStringLiteral("http://h/v1/")), Operation::Generate).path(),
                 QStringLiteral("/v1/models"));
        UpstreamEndpoint e = UpstreamEndpoint::fromUrl(g.url(root, Operation::Generate));
        e.target += "?secret=1";
        const UpstreamEndpoint streamed =
            g.callEndpoint(e, Operation::Generate, QStringLiteral("models/gemini-2.5-pro"), true);
        QCOMPARE(
            streamed.target,
            QByteArray("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse&secret=1"));
        QCOMPARE(g.callEndpoint(e, Operation::CountTokens, QStringLiteral("g a"), false).target,
                 QByteArray("/v1beta/models/g%20a:countTokens?secret=1"));
        QCOMPARE(g.credentials("AIza"), (HttpHeaders{{"x-goog-api-key", "AIza"}}));
        QCOMPARE(
            g.parseModelList(
                R"({"models":[{"name":"models/gemini-2.5-pro"},{"name":"models/embedding-001"}],"nextPageToken":"x"})"),
            (QStringList{QStringLiteral("gemini-2.5-pro"), QStringLiteral("embedding-001")}));
        QCOMPARE(
            g.errorMessage(
                R"([{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT"}}])"),
            QStringLiteral("API key not valid."));
    }

    void refusesWhatItCannotTranslate_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("param");
        QTest::newRow("unknown role")
            << QByteArray(R"({"contents":[{"role":"system","parts":[{"text":"x"}]}]})")
            << "contents[0].role";
        QTest::newRow("orphan function response")
            << QByteArray(
                   R"({"contents":[{"role":"user","parts":[{"functionResponse":{"name":"f","response":{}}}]}]})")
            << "contents[0].parts[0].functionResponse";
        QTest::newRow("contents not objects") << QByteArray(R"({"contents":[1]})") << "contents";
        QTest::newRow("zero max tokens")
            << QByteArray(
                   R"({"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"maxOutputTokens":0}})")
            << "generationConfig.maxOutputTokens";
    }
    void refusesWhatItCannotTranslate()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, param);
        auto decoded = adapter(QStringLiteral("gemini")).decodeRequest(obj(body));
        QVERIFY(std::holds_alternative<ApiError>(decoded));
        QCOMPARE(std::get<ApiError>(decoded).status, 400);
        QCOMPARE(std::get<ApiError>(decoded).param, param);
    }

    void googleErrorBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::newRow("400") << 400 << "INVALID_ARGUMENT";
        QTest::newRow("401") << 401 << "UNAUTHENTICATED";
        QTest::newRow("403") << 403 << "PERMISSION_DENIED";
        QTest::newRow("404") << 404 << "NOT_FOUND";
        QTest::newRow("429") << 429 << "RESOURCE_EXHAUSTED";
        QTest::newRow("500") << 500 << "INTERNAL";
        QTest::newRow("503") << 503 << "UNAVAILABLE";
        QTest::newRow("504") << 504 << "DEADLINE_EXCEEDED";
    }
    void googleErrorBodies()
    {
        QFETCH(int, status);
        QFETCH(QString, name);
        ApiError e{status, QStringLiteral("x"), {}, QStringLiteral("words"), {}};
        const QJsonObject error =
            obj(e.body(ApiShape::Gemini)).value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toInt(), status);
        QCOMPARE(error.value(QLatin1String("status")).toString(), name);
        QCOMPARE(error.value(QLatin1String("message")).toString(), QStringLiteral("words"));
    }
};

QTEST_GUILESS_MAIN(TestGeminiSurface)
#include "tst_geminisurface.moc"
