// The Responses API surface against the internal representation, from fixtures written after
// the public API references and what Codex CLI sends: requests both ways (to Chat Completions
// and Messages providers, and from their clients), whole answers, and streams event by event,
// with custom tools, namespaces, local_shell, hosted tools and reasoning.
#include "gateway/Relay.h"
#include "surfaces/ChatCompletionsSurface.h"
#include "surfaces/MessagesSurface.h"
#include "surfaces/ResponsesSurface.h"

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

std::variant<QJsonObject, ApiError> translateRequest(const QString &from, const QString &to,
                                                     const QJsonObject &body)
{
    auto decoded = adapter(from).decodeRequest(body);
    if (auto *e = std::get_if<ApiError>(&decoded))
        return *e;
    return adapter(to).encodeRequest(std::get<Request>(decoded), QStringLiteral("up"));
}

// Feeds a stream through decoder, restorer and encoder in pieces, as the gateway relays it.
QByteArray translateStream(const QString &from, const QString &to, const Request &request,
                           const QByteArray &in, int piece = 7)
{
    RelayChain chain = RelayChain::translation(adapter(from), adapter(to), request);
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); i += piece)
        out += chain.data(in.mid(i, piece));
    return out;
}

// The "type"s of the events of a stream, in order, and their data.
QList<QJsonObject> events(const QByteArray &sse)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : sse.split('\n')) {
        if (line.startsWith("data: {"))
            out << QJsonDocument::fromJson(line.mid(6)).object();
    }
    return out;
}
QStringList names(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *n : list)
        out << QString::fromLatin1(n);
    return out;
}
QStringList types(const QList<QJsonObject> &list)
{
    QStringList out;
    for (const QJsonObject &e : list)
        out << e.value(QLatin1String("type")).toString();
    return out;
}

const QByteArray codexRequest =
    "{\n"
    "  \"model\": \"gw:agent\", \"stream\": true, \"store\": false, \"parallel_tool_calls\": "
    "true,\n"
    "  \"instructions\": \"Be careful.\",\n"
    "  \"reasoning\": {\"effort\": \"medium\", \"summary\": \"auto\"},\n"
    "  \"include\": [\"reasoning.encrypted_content\"],\n"
    "  \"max_output_tokens\": 1000,\n"
    "  \"tool_choice\": \"auto\",\n"
    "  \"text\": {\"format\": {\"type\": \"json_schema\", \"name\": \"out\", \"strict\": true, "
    "\"schema\": {\"type\": \"object\"}}},\n"
    "  \"tools\": [\n"
    "    {\"type\": \"function\", \"name\": \"exec_command\", \"description\": \"Run\", "
    "\"strict\": false,\n"
    "     \"parameters\": {\"type\": \"object\", \"properties\": {\"cmd\": {\"type\": "
    "\"string\"}}, \"required\": [\"cmd\"]}},\n"
    "    {\"type\": \"custom\", \"name\": \"apply_patch\", \"description\": \"Edit files.\",\n"
    "     \"format\": {\"type\": \"grammar\", \"syntax\": \"lark\", \"definition\": \"start: "
    "begin_patch\"}},\n"
    "    {\"type\": \"namespace\", \"name\": \"agents\", \"description\": \"Sub-agents\",\n"
    "     \"tools\": [{\"type\": \"function\", \"name\": \"spawn\", \"parameters\": {\"type\": "
    "\"object\"}}]},\n"
    "    {\"type\": \"local_shell\"},\n"
    "    {\"type\": \"web_search\", \"external_web_access\": false}\n"
    "  ],\n"
    "  \"input\": [\n"
    "    {\"type\": \"message\", \"id\": \"msg_1\", \"role\": \"developer\", \"content\": "
    "[{\"type\": \"input_text\", \"text\": \"Rules.\"}]},\n"
    "    {\"type\": \"message\", \"role\": \"user\", \"content\": [{\"type\": \"input_text\", "
    "\"text\": \"Fix it\"},\n"
    "      {\"type\": \"input_image\", \"image_url\": \"data:image/png;base64,AAAA\", \"detail\": "
    "\"low\"}]},\n"
    "    {\"type\": \"reasoning\", \"id\": \"rs_1\", \"summary\": [{\"type\": \"summary_text\", "
    "\"text\": \"Plan.\"}], \"encrypted_content\": \"ENC\"},\n"
    "    {\"type\": \"message\", \"role\": \"assistant\", \"content\": [{\"type\": "
    "\"output_text\", \"text\": \"On it.\"}]},\n"
    "    {\"type\": \"function_call\", \"id\": \"fc_1\", \"call_id\": \"call_1\", \"name\": "
    "\"exec_command\", \"arguments\": \"{\\\"cmd\\\":\\\"ls\\\"}\"},\n"
    "    {\"type\": \"function_call_output\", \"call_id\": \"call_1\", \"output\": \"a.txt\"},\n"
    "    {\"type\": \"custom_tool_call\", \"call_id\": \"call_2\", \"name\": \"apply_patch\", "
    "\"input\": \"*** Begin Patch\"},\n"
    "    {\"type\": \"custom_tool_call_output\", \"call_id\": \"call_2\", \"output\": \"Done\"},\n"
    "    {\"type\": \"web_search_call\", \"id\": \"ws_1\", \"status\": \"completed\"}\n"
    "  ]\n"
    "}";

} // namespace

class TestResponsesSurface : public QObject
{
    Q_OBJECT
private slots:
    // What Codex sends, for a Chat Completions provider.
    void codexToChat()
    {
        const auto out = translateRequest(QStringLiteral("responses"), QStringLiteral("openai"),
                                          obj(codexRequest));
        QVERIFY(std::holds_alternative<QJsonObject>(out));
        const QJsonObject chat = std::get<QJsonObject>(out);
        const QJsonObject want = obj(
            "{\n"
            "          \"model\": \"up\", \"max_tokens\": 1000, \"stream\": true, "
            "\"stream_options\": {\"include_usage\": true},\n"
            "          \"reasoning_effort\": \"medium\", \"tool_choice\": \"auto\", "
            "\"parallel_tool_calls\": true,\n"
            "          \"response_format\": {\"type\": \"json_schema\", \"json_schema\": "
            "{\"name\": \"out\", \"strict\": true, \"schema\": {\"type\": \"object\"}}},\n"
            "          \"messages\": [\n"
            "            {\"role\": \"system\", \"content\": \"Be careful.\"},\n"
            "            {\"role\": \"system\", \"content\": \"Rules.\"},\n"
            "            {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"Fix "
            "it\"},\n"
            "              {\"type\": \"image_url\", \"image_url\": {\"url\": "
            "\"data:image/png;base64,AAAA\", \"detail\": \"low\"}}]},\n"
            "            {\"role\": \"assistant\", \"content\": \"On it.\", \"tool_calls\": [\n"
            "              {\"id\": \"call_1\", \"type\": \"function\", \"function\": {\"name\": "
            "\"exec_command\", \"arguments\": \"{\\\"cmd\\\":\\\"ls\\\"}\"}}]},\n"
            "            {\"role\": \"tool\", \"tool_call_id\": \"call_1\", \"content\": "
            "\"a.txt\"},\n"
            "            {\"role\": \"assistant\", \"content\": null, \"tool_calls\": [\n"
            "              {\"id\": \"call_2\", \"type\": \"function\", \"function\": {\"name\": "
            "\"apply_patch\", \"arguments\": \"{\\\"input\\\":\\\"*** Begin Patch\\\"}\"}}]},\n"
            "            {\"role\": \"tool\", \"tool_call_id\": \"call_2\", \"content\": "
            "\"Done\"}\n"
            "          ],\n"
            "          \"tools\": [\n"
            "            {\"type\": \"function\", \"function\": {\"name\": \"exec_command\", "
            "\"description\": \"Run\", \"strict\": false,\n"
            "              \"parameters\": {\"type\": \"object\", \"properties\": {\"cmd\": "
            "{\"type\": \"string\"}}, \"required\": [\"cmd\"]}}},\n"
            "            {\"type\": \"function\", \"function\": {\"name\": \"apply_patch\",\n"
            "              \"description\": \"Edit files.\\n\\nThe input must follow this lark "
            "grammar:\\nstart: begin_patch\",\n"
            "              \"parameters\": {\"type\": \"object\", \"properties\": {\"input\": "
            "{\"type\": \"string\",\n"
            "                \"description\": \"The tool's whole input, as free-form text.\"}}, "
            "\"required\": [\"input\"],\n"
            "                \"additionalProperties\": false}}},\n"
            "            {\"type\": \"function\", \"function\": {\"name\": \"agents__spawn\", "
            "\"parameters\": {\"type\": \"object\"}}},\n"
            "            {\"type\": \"function\", \"function\": {\"name\": \"local_shell\",\n"
            "              \"description\": \"Runs a command on the user's machine and returns its "
            "output.\",\n"
            "              \"parameters\": {\"type\": \"object\", \"properties\": {\n"
            "                \"command\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}, "
            "\"description\": \"The program and its arguments, one per item.\"},\n"
            "                \"workdir\": {\"type\": \"string\"}, \"timeout_ms\": {\"type\": "
            "\"integer\"}}, \"required\": [\"command\"]}}}\n"
            "          ]\n"
            "        }");
        QVERIFY2(chat == want, QJsonDocument(chat).toJson().constData());
        auto decoded = adapter(QStringLiteral("responses")).decodeRequest(obj(codexRequest));
        QCOMPARE(std::get<Request>(decoded).hostedToolNames(),
                 QStringList{QStringLiteral("web_search")});
    }

    // The same for a Messages provider: a thinking budget for the effort, tool results folded
    // into user turns, the system prompt on top.
    void codexToMessages()
    {
        const auto out = translateRequest(QStringLiteral("responses"), QStringLiteral("anthropic"),
                                          obj(codexRequest));
        QVERIFY(std::holds_alternative<QJsonObject>(out));
        const QJsonObject m = std::get<QJsonObject>(out);
        QCOMPARE(m.value(QLatin1String("system")).toString(),
                 QStringLiteral("Be careful.\n\nRules."));
        // Thinking needs a budget of 1024 tokens at least, below max_tokens: not with 1000.
        QVERIFY(!m.contains(QLatin1String("thinking")));
        QJsonObject roomier = obj(codexRequest);
        roomier.insert(QLatin1String("max_output_tokens"), 20000);
        const QJsonObject thinking =
            std::get<QJsonObject>(
                translateRequest(QStringLiteral("responses"), QStringLiteral("anthropic"), roomier))
                .value(QLatin1String("thinking"))
                .toObject();
        QCOMPARE(thinking.value(QLatin1String("type")).toString(), QStringLiteral("enabled"));
        QCOMPARE(thinking.value(QLatin1String("budget_tokens")).toInt(), 8192);
        QCOMPARE(m.value(QLatin1String("max_tokens")).toInt(), 1000);
        QCOMPARE(m.value(QLatin1String("output_config"))
                     .toObject()
                     .value(QLatin1String("format"))
                     .toObject()
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("json_schema"));
        const QJsonArray messages = m.value(QLatin1String("messages")).toArray();
        QStringList roles;
        for (const QJsonValue v : messages)
            roles << v.toObject().value(QLatin1String("role")).toString();
        QCOMPARE(roles, (QStringList{QStringLiteral("user"), QStringLiteral("assistant"),
                                     QStringLiteral("user"), QStringLiteral("assistant"),
                                     QStringLiteral("user")}));
        const QJsonArray assistant =
            messages.at(1).toObject().value(QLatin1String("content")).toArray();
        // Reasoning made by the Responses API does not go to Anthropic.
        QCOMPARE(assistant.at(0).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("text"));
        QCOMPARE(assistant.at(1)
                     .toObject()
                     .value(QLatin1String("input"))
                     .toObject()
                     .value(QLatin1String("cmd"))
                     .toString(),
                 QStringLiteral("ls"));
        const QJsonObject patchCall =
            messages.at(3).toObject().value(QLatin1String("content")).toArray().at(0).toObject();
        QCOMPARE(patchCall.value(QLatin1String("name")).toString(), QStringLiteral("apply_patch"));
        QCOMPARE(patchCall.value(QLatin1String("input"))
                     .toObject()
                     .value(QLatin1String("input"))
                     .toString(),
                 QStringLiteral("*** Begin Patch"));
        const QJsonObject result =
            messages.at(4).toObject().value(QLatin1String("content")).toArray().at(0).toObject();
        QCOMPARE(result.value(QLatin1String("type")).toString(), QStringLiteral("tool_result"));
        QCOMPARE(result.value(QLatin1String("content")).toString(), QStringLiteral("Done"));
        const QJsonArray tools = m.value(QLatin1String("tools")).toArray();
        QCOMPARE(tools.size(), 4);
        QCOMPARE(tools.at(2).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("agents__spawn"));
    }

    // A Chat Completions client of a Responses-only provider.
    void chatToResponses()
    {
        const auto out = translateRequest(
            QStringLiteral("openai"), QStringLiteral("responses"),
            obj("{\n"
                "          \"model\": \"p:m\", \"stream\": true, \"max_tokens\": 50, "
                "\"temperature\": 0.3,\n"
                "          \"response_format\": {\"type\": \"json_object\"}, \"reasoning_effort\": "
                "\"low\",\n"
                "          \"tools\": [{\"type\": \"function\", \"function\": {\"name\": \"f\", "
                "\"parameters\": {\"type\": \"object\"}}}],\n"
                "          \"tool_choice\": {\"type\": \"function\", \"function\": {\"name\": "
                "\"f\"}},\n"
                "          \"messages\": [\n"
                "            {\"role\": \"system\", \"content\": \"S\"},\n"
                "            {\"role\": \"user\", \"content\": \"Hi\"},\n"
                "            {\"role\": \"assistant\", \"content\": null, \"tool_calls\": "
                "[{\"id\": \"c1\", \"type\": \"function\",\n"
                "              \"function\": {\"name\": \"f\", \"arguments\": \"{}\"}}]},\n"
                "            {\"role\": \"tool\", \"tool_call_id\": \"c1\", \"content\": \"r\"}\n"
                "          ]}"));
        QVERIFY(std::holds_alternative<QJsonObject>(out));
        const QJsonObject want =
            obj("{\n"
                "          \"model\": \"up\", \"stream\": true, \"store\": false, "
                "\"max_output_tokens\": 50, \"temperature\": 0.3,\n"
                "          \"text\": {\"format\": {\"type\": \"json_object\"}},\n"
                "          \"reasoning\": {\"effort\": \"low\"}, \"include\": "
                "[\"reasoning.encrypted_content\"],\n"
                "          \"tools\": [{\"type\": \"function\", \"name\": \"f\", \"parameters\": "
                "{\"type\": \"object\"}, \"strict\": false}],\n"
                "          \"tool_choice\": {\"type\": \"function\", \"name\": \"f\"},\n"
                "          \"input\": [\n"
                "            {\"type\": \"message\", \"role\": \"system\", \"content\": "
                "[{\"type\": \"input_text\", \"text\": \"S\"}]},\n"
                "            {\"type\": \"message\", \"role\": \"user\", \"content\": [{\"type\": "
                "\"input_text\", \"text\": \"Hi\"}]},\n"
                "            {\"type\": \"function_call\", \"call_id\": \"c1\", \"name\": \"f\", "
                "\"arguments\": \"{}\"},\n"
                "            {\"type\": \"function_call_output\", \"call_id\": \"c1\", \"output\": "
                "\"r\"}\n"
                "          ]}");
        const QJsonObject got = std::get<QJsonObject>(out);
        QVERIFY2(got == want, QJsonDocument(got).toJson().constData());
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("param");
        QTest::newRow("item reference")
            << QByteArray("{\"input\":[{\"type\":\"item_reference\",\"id\":\"x\"}]}") << "input[0]";
        QTest::newRow("unknown item")
            << QByteArray("{\"input\":[{\"type\":\"telepathy\"}]}") << "input[0]";
        QTest::newRow("unknown part")
            << QByteArray(
                   "{\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\"}]}]}")
            << "input[0].content[0]";
        QTest::newRow("call without id")
            << QByteArray(
                   "{\"input\":[{\"type\":\"function_call\",\"name\":\"f\",\"arguments\":\"{}\"}]}")
            << "input[0]";
        QTest::newRow("call without name")
            << QByteArray("{\"input\":[{\"type\":\"function_call\",\"call_id\":\"c\",\"arguments\":"
                          "\"{}\"}]}")
            << "input[0]";
        QTest::newRow("call arguments not JSON")
            << QByteArray("{\"input\":[{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":"
                          "\"f\",\"arguments\":\"{not json\"}]}")
            << "input[0].arguments";
        QTest::newRow("call arguments not an object")
            << QByteArray("{\"input\":[{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":"
                          "\"f\",\"arguments\":\"[1]\"}]}")
            << "input[0].arguments";
        QTest::newRow("tool_choice without a name")
            << QByteArray(
                   "{\"tool_choice\":{\"type\":\"function\",\"naem\":\"f\"},\"input\":\"x\"}")
            << "tool_choice.name";
        QTest::newRow("tool_choice unknown")
            << QByteArray("{\"tool_choice\":\"sometimes\",\"input\":\"x\"}") << "tool_choice";
        QTest::newRow("image URL neither http(s) nor data")
            << QByteArray("{\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\","
                          "\"image_url\":\"datadet:image/png;base64,AAAA\"}]}]}")
            << "input[0].content[0]";
        QTest::newRow("max_output_tokens a fraction")
            << QByteArray("{\"max_output_tokens\":0.5,\"input\":\"x\"}") << "max_output_tokens";
        QTest::newRow("max_output_tokens beyond an integer")
            << QByteArray("{\"max_output_tokens\":1e300,\"input\":\"x\"}") << "max_output_tokens";
    }
    void refused()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, param);
        auto decoded = adapter(QStringLiteral("responses")).decodeRequest(obj(request));
        QVERIFY(std::holds_alternative<ApiError>(decoded));
        QCOMPARE(std::get<ApiError>(decoded).status, 400);
        QCOMPARE(std::get<ApiError>(decoded).param, param);
    }

    // A whole Chat Completions answer as a response: the call to the flattened custom tool
    // comes back as the custom_tool_call the client offered, usage in the Responses shape.
    void answerFromChat()
    {
        auto request = std::get<Request>(
            adapter(QStringLiteral("responses")).decodeRequest(obj(codexRequest)));
        const QByteArray completion =
            "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":5,\"model\":\"up\",\n"
            "          "
            "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"reasoning_content\":"
            "\"Think.\",\"content\":\"Patching.\",\n"
            "            "
            "\"tool_calls\":[{\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":"
            "\"apply_patch\",\"arguments\":\"{\\\"input\\\":\\\"*** Begin Patch\\\\n\\\"}\"}},\n"
            "                          "
            "{\"id\":\"call_10\",\"type\":\"function\",\"function\":{\"name\":\"agents__spawn\","
            "\"arguments\":\"{}\"}},\n"
            "                          "
            "{\"id\":\"call_11\",\"type\":\"function\",\"function\":{\"name\":\"local_shell\","
            "\"arguments\":\"{\\\"command\\\":[\\\"ls\\\",\\\"-l\\\"],\\\"workdir\\\":\\\"/"
            "w\\\"}\"}}]},\n"
            "            \"finish_reason\":\"tool_calls\"}],\n"
            "          "
            "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":7,\"prompt_tokens_details\":{"
            "\"cached_tokens\":4},\n"
            "                   \"completion_tokens_details\":{\"reasoning_tokens\":2}}}";
        auto answer = translateAnswer(completion, adapter(QStringLiteral("openai")),
                                      adapter(QStringLiteral("responses")), request);
        QVERIFY(std::holds_alternative<TranslatedAnswer>(answer));
        const QJsonObject r = std::get<TranslatedAnswer>(answer).json;
        QCOMPARE(r.value(QLatin1String("object")).toString(), QStringLiteral("response"));
        QCOMPARE(r.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        QVERIFY(r.value(QLatin1String("id")).toString().startsWith(QLatin1String("resp_")));
        QCOMPARE(r.value(QLatin1String("instructions")).toString(), QStringLiteral("Be careful."));
        const QJsonArray output = r.value(QLatin1String("output")).toArray();
        QStringList kinds;
        for (const QJsonValue v : output)
            kinds << v.toObject().value(QLatin1String("type")).toString();
        QCOMPARE(kinds,
                 (QStringList{QStringLiteral("reasoning"), QStringLiteral("message"),
                              QStringLiteral("custom_tool_call"), QStringLiteral("function_call"),
                              QStringLiteral("local_shell_call")}));
        QCOMPARE(output.at(2).toObject().value(QLatin1String("input")).toString(),
                 QStringLiteral("*** Begin Patch\n"));
        QCOMPARE(output.at(3).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("spawn"));
        QCOMPARE(output.at(3).toObject().value(QLatin1String("namespace")).toString(),
                 QStringLiteral("agents"));
        const QJsonObject action =
            output.at(4).toObject().value(QLatin1String("action")).toObject();
        QCOMPARE(action.value(QLatin1String("type")).toString(), QStringLiteral("exec"));
        QCOMPARE(action.value(QLatin1String("working_directory")).toString(), QStringLiteral("/w"));
        const QJsonObject usage = r.value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("input_tokens")).toInt(), 20);
        QCOMPARE(usage.value(QLatin1String("input_tokens_details"))
                     .toObject()
                     .value(QLatin1String("cached_tokens"))
                     .toInt(),
                 4);
        QCOMPARE(usage.value(QLatin1String("output_tokens_details"))
                     .toObject()
                     .value(QLatin1String("reasoning_tokens"))
                     .toInt(),
                 2);
        QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(), 27);
    }

    // A whole response as a Messages answer: max_output_tokens ran out.
    void answerToMessages()
    {
        const QByteArray response =
            "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"incomplete\",\n"
            "          "
            "\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"model\":\"up\",\n"
            "          "
            "\"output\":[{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_"
            "text\",\"text\":\"Hm.\"}],\"encrypted_content\":\"ENC\"},\n"
            "                    "
            "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
            "\"text\":\"Par\"}]}],\n"
            "          \"usage\":{\"input_tokens\":9,\"output_tokens\":3}}";
        auto answer = translateAnswer(response, adapter(QStringLiteral("responses")),
                                      adapter(QStringLiteral("anthropic")), Request{});
        const QJsonObject m = std::get<TranslatedAnswer>(answer).json;
        QCOMPARE(m.value(QLatin1String("stop_reason")).toString(), QStringLiteral("max_tokens"));
        const QJsonArray content = m.value(QLatin1String("content")).toArray();
        QCOMPARE(content.at(0).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("thinking"));
        // Encrypted reasoning travels in the signature, marked, so it can come back.
        const QString signature =
            content.at(0).toObject().value(QLatin1String("signature")).toString();
        QVERIFY(signature.endsWith(QLatin1String("ENC")));
        QCOMPARE(content.at(1).toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("Par"));
        // Back from the Anthropic client: the reasoning goes to a Responses provider again.
        const QJsonObject again{
            {QLatin1String("model"), QLatin1String("m")},
            {QLatin1String("max_tokens"), 10},
            {QLatin1String("messages"),
             QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                    {QLatin1String("content"), QLatin1String("x")}},
                        QJsonObject{{QLatin1String("role"), QLatin1String("assistant")},
                                    {QLatin1String("content"), content}}}}};
        const auto out =
            translateRequest(QStringLiteral("anthropic"), QStringLiteral("responses"), again);
        const QJsonArray input = std::get<QJsonObject>(out).value(QLatin1String("input")).toArray();
        QCOMPARE(input.at(1).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("reasoning"));
        QCOMPARE(input.at(1).toObject().value(QLatin1String("encrypted_content")).toString(),
                 QStringLiteral("ENC"));
    }

    // A Chat Completions stream as Responses events, in the documented order with growing
    // sequence numbers; a call to a custom tool arrives as its input.
    void chatStreamToResponses()
    {
        auto request = std::get<Request>(
            adapter(QStringLiteral("responses")).decodeRequest(obj(codexRequest)));
        const QByteArray in =
            "data: "
            "{\"id\":\"c\",\"model\":\"up\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
            "\"assistant\",\"content\":\"\"}}]}\n\n"
            "data: "
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Think\"}}]}"
            "\n\n"
            "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\n\n"
            "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"}}]}\n\n"
            "data: "
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
            "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"apply_patch\","
            "\"arguments\":\"\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
            "\"function\":{\"arguments\":\"{\\\"input\\\":\\\"*** Be\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
            "\"function\":{\"arguments\":\"gin\\\\n\\\"}\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,"
            "\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"exec_command\","
            "\"arguments\":\"{\\\"cmd\\\":\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,"
            "\"function\":{\"arguments\":\"\\\"ls\\\"}\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}"
            "]}\n\n"
            "data: "
            "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":6}}"
            "\n\n"
            "data: [DONE]\n\n";
        const QList<QJsonObject> out = events(
            translateStream(QStringLiteral("openai"), QStringLiteral("responses"), request, in));
        const QStringList expected = names({"response.created",
                                            "response.in_progress",
                                            "response.output_item.added",
                                            "response.reasoning_summary_part.added",
                                            "response.reasoning_summary_text.delta",
                                            "response.reasoning_summary_text.done",
                                            "response.reasoning_summary_part.done",
                                            "response.output_item.done",
                                            "response.output_item.added",
                                            "response.content_part.added",
                                            "response.output_text.delta",
                                            "response.output_text.delta",
                                            "response.output_text.done",
                                            "response.content_part.done",
                                            "response.output_item.done",
                                            "response.output_item.added",
                                            "response.custom_tool_call_input.delta",
                                            "response.custom_tool_call_input.done",
                                            "response.output_item.done",
                                            "response.output_item.added",
                                            "response.function_call_arguments.delta",
                                            "response.function_call_arguments.delta",
                                            "response.function_call_arguments.done",
                                            "response.output_item.done",
                                            "response.completed"});
        QCOMPARE(types(out), expected);
        for (int i = 0; i < out.size(); ++i)
            QCOMPARE(out[i].value(QLatin1String("sequence_number")).toInt(), i);
        QCOMPARE(out[12].value(QLatin1String("text")).toString(), QStringLiteral("Hello"));
        const QJsonObject custom = out[18].value(QLatin1String("item")).toObject();
        QCOMPARE(custom.value(QLatin1String("type")).toString(),
                 QStringLiteral("custom_tool_call"));
        QCOMPARE(custom.value(QLatin1String("input")).toString(), QStringLiteral("*** Begin\n"));
        QCOMPARE(custom.value(QLatin1String("call_id")).toString(), QStringLiteral("call_1"));
        QCOMPARE(out[22].value(QLatin1String("arguments")).toString(),
                 QStringLiteral("{\"cmd\":\"ls\"}"));
        const QJsonObject completed = out.last().value(QLatin1String("response")).toObject();
        QCOMPARE(completed.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(completed.value(QLatin1String("output")).toArray().size(), 4);
        QCOMPARE(completed.value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("total_tokens"))
                     .toInt(),
                 17);
        // Every item keeps one id from added to done.
        QCOMPARE(out[8].value(QLatin1String("item")).toObject().value(QLatin1String("id")),
                 out[14].value(QLatin1String("item")).toObject().value(QLatin1String("id")));
    }

    // Responses events as Messages events and as Chat Completions chunks.
    void responsesStreamToOthers()
    {
        const QByteArray in =
            "event: response.created\ndata: "
            "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\","
            "\"model\":\"up\",\"output\":[]}}\n\n"
            "event: response.output_item.added\ndata: "
            "{\"type\":\"response.output_item.added\",\"output_index\":0,\"item\":{\"type\":"
            "\"reasoning\",\"id\":\"rs_1\",\"summary\":[]}}\n\n"
            "event: response.reasoning_summary_text.delta\ndata: "
            "{\"type\":\"response.reasoning_summary_text.delta\",\"item_id\":\"rs_1\",\"delta\":"
            "\"Hm\"}\n\n"
            "event: response.output_item.done\ndata: "
            "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"type\":"
            "\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Hm\"}"
            "],\"encrypted_content\":\"ENC\"}}\n\n"
            "event: response.output_item.added\ndata: "
            "{\"type\":\"response.output_item.added\",\"output_index\":1,\"item\":{\"type\":"
            "\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"f\",\"arguments\":"
            "\"\"}}\n\n"
            "event: response.function_call_arguments.delta\ndata: "
            "{\"type\":\"response.function_call_arguments.delta\",\"item_id\":\"fc_1\",\"delta\":"
            "\"{\\\"a\\\":1}\"}\n\n"
            "event: response.output_item.done\ndata: "
            "{\"type\":\"response.output_item.done\",\"output_index\":1,\"item\":{\"type\":"
            "\"function_call\",\"id\":\"fc_1\",\"call_id\":\"call_1\",\"name\":\"f\",\"arguments\":"
            "\"{\\\"a\\\":1}\"}}\n\n"
            "event: response.completed\ndata: "
            "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"status\":"
            "\"completed\",\"usage\":{\"input_tokens\":5,\"output_tokens\":2,\"input_tokens_"
            "details\":{\"cached_tokens\":1}}}}\n\n";
        const QByteArray anthropic = translateStream(QStringLiteral("responses"),
                                                     QStringLiteral("anthropic"), Request{}, in, 5);
        QStringList eventNames;
        for (const QByteArray &line : anthropic.split('\n')) {
            if (line.startsWith("event: "))
                eventNames << QString::fromUtf8(line.mid(7));
        }
        QCOMPARE(eventNames, names({"message_start", "content_block_start", "content_block_delta",
                                    "content_block_delta", "content_block_stop",
                                    "content_block_start", "content_block_delta",
                                    "content_block_stop", "message_delta", "message_stop"}));
        const QList<QJsonObject> a = events(anthropic);
        QCOMPARE(
            a[3].value(QLatin1String("delta")).toObject().value(QLatin1String("type")).toString(),
            QStringLiteral("signature_delta"));
        QCOMPARE(a[8].value(QLatin1String("delta"))
                     .toObject()
                     .value(QLatin1String("stop_reason"))
                     .toString(),
                 QStringLiteral("tool_use"));
        QCOMPARE(a[8].value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("cache_read_input_tokens"))
                     .toInt(),
                 1);

        Request chatClient;
        chatClient.streamUsage = true;
        const QByteArray chat = translateStream(QStringLiteral("responses"),
                                                QStringLiteral("openai"), chatClient, in, 3);
        const QList<QJsonObject> c = events(chat);
        QVERIFY(chat.endsWith("data: [DONE]\n\n"));
        auto delta = [&](int i) {
            return c[i]
                .value(QLatin1String("choices"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("delta"))
                .toObject();
        };
        QCOMPARE(delta(1).value(QLatin1String("reasoning_content")).toString(),
                 QStringLiteral("Hm"));
        QCOMPARE(delta(2)
                     .value(QLatin1String("tool_calls"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
                 QStringLiteral("call_1"));
        QCOMPARE(c.last()
                     .value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("prompt_tokens"))
                     .toInt(),
                 5);
    }

    // A stream the provider breaks off ends, for a Responses client, with response.failed.
    void brokenStreamEndsWithResponseFailed_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("cut off") << 502 << "ended early"
                                 << "server_error";
        QTest::newRow("rate limited") << 429 << "slow down"
                                      << "rate_limit_exceeded";
        QTest::newRow("context") << 400 << "prompt is too long: 300000 tokens"
                                 << "context_length_exceeded";
        QTest::newRow("quota") << 402 << "pay up"
                               << "insufficient_quota";
    }
    void brokenStreamEndsWithResponseFailed()
    {
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(QString, code);
        Request request;
        request.model = QStringLiteral("m");
        RelayChain chain = RelayChain::translation(adapter(QStringLiteral("openai")),
                                                   adapter(QStringLiteral("responses")), request);
        QByteArray out = chain.data(
            "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"par\"}}]}\n\n");
        QVERIFY(!chain.complete());
        out += chain.endWithError(ApiError{status, {}, {}, message, {}},
                                  adapter(QStringLiteral("responses")));
        const QList<QJsonObject> e = events(out);
        QCOMPARE(e.last().value(QLatin1String("type")).toString(),
                 QStringLiteral("response.failed"));
        const QJsonObject r = e.last().value(QLatin1String("response")).toObject();
        QCOMPARE(r.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(r.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                 code);
        QCOMPARE(r.value(QLatin1String("id")),
                 e.first().value(QLatin1String("response")).toObject().value(QLatin1String("id")));
    }

    // Relayed as it is, a Responses stream is watched for its end and its whole answer.
    void passthroughObserver()
    {
        RelayChain chain = RelayChain::passthrough(adapter(QStringLiteral("responses")), false);
        const QByteArray done =
            "event: response.completed\ndata: "
            "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_9\",\"output\":[],"
            "\"usage\":{\"input_tokens\":4,\"output_tokens\":2}}}\n\n";
        const QByteArray start =
            "event: response.created\ndata: "
            "{\"type\":\"response.created\",\"response\":{\"id\":\"resp_9\"}}\n\n";
        QCOMPARE(chain.data(start), start);
        QVERIFY(!chain.complete());
        // Held back until the event is whole, then passed on at once.
        QVERIFY(chain.data(done.left(20)).isEmpty());
        QCOMPARE(chain.data(done.mid(20)), done);
        QVERIFY(chain.complete());
        QCOMPARE(chain.finalResponse().value(QLatin1String("id")).toString(),
                 QStringLiteral("resp_9"));
        QCOMPARE(chain.usage().outputTokens, 2);
    }
};

QTEST_GUILESS_MAIN(TestResponsesSurface)
#include "tst_responsessurface.moc"
