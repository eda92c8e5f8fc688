// Ollama's native API against the internal representation, from fixtures written after
// Ollama's API reference and what its clients send: requests both ways (to Chat Completions,
// Messages and Responses providers, and from their clients), whole answers, and NDJSON streams
// line by line, with images, tool calls without ids, thinking, formats and options.
#include "gateway/Relay.h"
#include "surfaces/OllamaSurface.h"
#include "surfaces/UsageScanner.h"

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

Request decode(const QString &surface, const QByteArray &body)
{
    return std::get<Request>(adapter(surface).decodeRequest(obj(body)));
}

// Feeds a stream through the relay's translation in pieces, as the gateway relays it.
QByteArray translateStream(const QString &from, const QString &to, const Request &request,
                           const QByteArray &in, int piece)
{
    RelayChain chain = RelayChain::translation(adapter(from), adapter(to), request);
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); i += piece)
        out += chain.data(in.mid(i, piece));
    return out;
}

// The lines of an NDJSON stream, without what changes from run to run (times, durations).
QList<QJsonObject> lines(const QByteArray &ndjson)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : ndjson.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonObject o = obj(line);
        for (const char *key : {"created_at", "total_duration", "load_duration",
                                "prompt_eval_duration", "eval_duration"})
            o.remove(QLatin1String(key));
        out << o;
    }
    return out;
}

QString pretty(const QList<QJsonObject> &list)
{
    QJsonArray a;
    for (const QJsonObject &o : list)
        a.append(o);
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// The data of a server-sent event stream's events, in order.
QList<QJsonObject> events(const QByteArray &sse)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : sse.split('\n')) {
        if (line.startsWith("data: {"))
            out << obj(line.mid(6));
    }
    return out;
}

// A PNG's first bytes, as Ollama clients send images: bare base64.
const QByteArray png = "iVBORw0KGgoAAAANSUhEUg==";

const QByteArray ollamaChat =
    "{\"model\":\"gw:m\",\"stream\":false,\"keep_alive\":\"5m\",\"think\":\"high\","
    "\"format\":\"json\","
    "\"options\":{\"temperature\":0.2,\"top_p\":0.9,\"top_k\":40,\"num_predict\":100,"
    "\"stop\":[\"END\"],\"num_ctx\":8192,\"seed\":7},"
    "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\",\"description\":"
    "\"Weather\",\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":"
    "\"string\"}}}}}],"
    "\"messages\":["
    "{\"role\":\"system\",\"content\":\"Be brief.\"},"
    "{\"role\":\"user\",\"content\":\"Weather here?\",\"images\":[\"" +
    png +
    "\"]},"
    "{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"Oslo, probably.\","
    "\"tool_calls\":[{\"function\":{\"name\":\"weather\",\"arguments\":{\"city\":\"Oslo\"}}},"
    "{\"function\":{\"name\":\"weather\",\"arguments\":{\"city\":\"Rome\"}}}]},"
    "{\"role\":\"tool\",\"content\":\"18 C\",\"tool_name\":\"weather\"},"
    "{\"role\":\"tool\",\"content\":\"-3 C\"}]}";

} // namespace

class TestOllamaSurface : public QObject
{
    Q_OBJECT
private slots:
    // An Ollama client's request as each other surface's provider gets it.
    void requestToOthers_data()
    {
        QTest::addColumn<QByteArray>("ollama");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("chat: images, calls without ids, results by name, options, think")
            << ollamaChat << "openai"
            << QByteArray(
                   "{\"model\":\"up\",\"max_tokens\":100,\"temperature\":0.2,\"top_p\":0.9,"
                   "\"stop\":[\"END\"],\"reasoning_effort\":\"high\","
                   "\"response_format\":{\"type\":\"json_object\"},"
                   "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
                   "\"description\":\"Weather\",\"parameters\":{\"type\":\"object\","
                   "\"properties\":{\"city\":{\"type\":\"string\"}}}}}],"
                   "\"messages\":["
                   "{\"role\":\"system\",\"content\":\"Be brief.\"},"
                   "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather "
                   "here?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/"
                   "png;base64," +
                   png +
                   "\"}}]},"
                   "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                   "{\"id\":\"call_2_0\",\"type\":\"function\",\"function\":{\"name\":"
                   "\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}},"
                   "{\"id\":\"call_2_1\",\"type\":\"function\",\"function\":{\"name\":"
                   "\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Rome\\\"}\"}}]},"
                   "{\"role\":\"tool\",\"tool_call_id\":\"call_2_0\",\"content\":\"18 C\"},"
                   "{\"role\":\"tool\",\"tool_call_id\":\"call_2_1\",\"content\":\"-3 C\"}]}");
        // "high" asks for more thinking than num_predict leaves room for: none, and sampling.
        QTest::newRow("messages: results folded into a user turn")
            << ollamaChat << "anthropic"
            << QByteArray(
                   "{\"model\":\"up\",\"max_tokens\":100,\"system\":\"Be brief.\\n\\nAnswer with "
                   "one JSON object and nothing else.\",\"stop_sequences\":[\"END\"],"
                   "\"temperature\":0.2,\"top_p\":0.9,\"top_k\":40,"
                   "\"tools\":[{\"name\":\"weather\",\"description\":\"Weather\","
                   "\"input_schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":"
                   "\"string\"}}}}],"
                   "\"messages\":["
                   "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather "
                   "here?\"},{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":"
                   "\"image/png\",\"data\":\"" +
                   png +
                   "\"}}]},"
                   "{\"role\":\"assistant\",\"content\":["
                   "{\"type\":\"tool_use\",\"id\":\"call_2_0\",\"name\":\"weather\",\"input\":{"
                   "\"city\":\"Oslo\"}},"
                   "{\"type\":\"tool_use\",\"id\":\"call_2_1\",\"name\":\"weather\",\"input\":{"
                   "\"city\":\"Rome\"}}]},"
                   "{\"role\":\"user\",\"content\":["
                   "{\"type\":\"tool_result\",\"tool_use_id\":\"call_2_0\",\"content\":\"18 C\"},"
                   "{\"type\":\"tool_result\",\"tool_use_id\":\"call_2_1\",\"content\":\"-3 "
                   "C\"}]}]}");
        QTest::newRow("generate: system, prompt and images as one user turn")
            << QByteArray("{\"model\":\"gw:m\",\"system\":\"Be brief.\",\"prompt\":\"Hi\","
                          "\"images\":[\"" +
                          png + "\"],\"think\":false,\"raw\":false}")
            << "openai"
            << QByteArray(
                   "{\"model\":\"up\",\"stream\":true,\"stream_options\":{\"include_usage\":"
                   "true},\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                   "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"},"
                   "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," +
                   png + "\"}}]}]}");
        QTest::newRow("a format schema; a call id the client kept")
            << QByteArray("{\"model\":\"gw:m\",\"stream\":false,\"format\":{\"type\":\"object\"},"
                          "\"messages\":[{\"role\":\"user\",\"content\":\"x\"},"
                          "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":"
                          "\"call_kept\",\"function\":{\"name\":\"f\",\"arguments\":{}}}]},"
                          "{\"role\":\"tool\",\"content\":\"ok\",\"tool_name\":\"f\"}]}")
            << "responses"
            << QByteArray(
                   "{\"model\":\"up\",\"store\":false,\"text\":{\"format\":{\"type\":"
                   "\"json_schema\",\"name\":\"answer\",\"schema\":{\"type\":\"object\"}}},"
                   "\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":"
                   "\"input_text\",\"text\":\"x\"}]},"
                   "{\"type\":\"function_call\",\"call_id\":\"call_kept\",\"name\":\"f\","
                   "\"arguments\":\"{}\"},"
                   "{\"type\":\"function_call_output\",\"call_id\":\"call_kept\",\"output\":"
                   "\"ok\"}]}");
    }
    void requestToOthers()
    {
        QFETCH(QByteArray, ollama);
        QFETCH(QString, to);
        QFETCH(QByteArray, expected);
        const auto out = translateRequest(QStringLiteral("ollama"), to, obj(ollama));
        if (auto *e = std::get_if<ApiError>(&out))
            QFAIL(qPrintable(e->message));
        const QJsonObject got = std::get<QJsonObject>(out);
        QVERIFY2(got == obj(expected),
                 QJsonDocument(got).toJson(QJsonDocument::Compact).constData());
    }

    // Other clients' requests as an Ollama provider gets them.
    void requestFromOthers_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("chat: data URL image, tool calls with ids, results named, effort")
            << "openai"
            << QByteArray(
                   "{\"model\":\"gw:m\",\"max_tokens\":50,\"temperature\":0.5,\"stop\":\"END\","
                   "\"reasoning_effort\":\"medium\",\"response_format\":{\"type\":\"json_schema\","
                   "\"json_schema\":{\"name\":\"o\",\"schema\":{\"type\":\"object\"}}},"
                   "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
                   "\"parameters\":{\"type\":\"object\"}}}],"
                   "\"messages\":[{\"role\":\"developer\",\"content\":\"Rules.\"},"
                   "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look\"},"
                   "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," +
                   png +
                   "\"}}]},"
                   "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_9\","
                   "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":"
                   "\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},"
                   "{\"role\":\"tool\",\"tool_call_id\":\"call_9\",\"content\":\"-3 C\"}]}")
            << QByteArray(
                   "{\"model\":\"up\",\"stream\":false,\"think\":\"medium\",\"format\":{\"type\":"
                   "\"object\"},\"options\":{\"temperature\":0.5,\"num_predict\":50,\"stop\":["
                   "\"END\"]},"
                   "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
                   "\"parameters\":{\"type\":\"object\"}}}],"
                   "\"messages\":[{\"role\":\"system\",\"content\":\"Rules.\"},"
                   "{\"role\":\"user\",\"content\":\"Look\",\"images\":[\"" +
                   png +
                   "\"]},"
                   "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"call_9\","
                   "\"function\":{\"name\":\"weather\",\"arguments\":{\"city\":\"Oslo\"}}}]},"
                   "{\"role\":\"tool\",\"content\":\"-3 C\",\"tool_name\":\"weather\"}]}");
        QTest::newRow("messages: thinking on, streamed, tool choice none drops the tools")
            << "anthropic"
            << QByteArray("{\"model\":\"gw:m\",\"max_tokens\":64,\"stream\":true,\"system\":\"S\","
                          "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":2000},"
                          "\"tool_choice\":{\"type\":\"none\"},"
                          "\"tools\":[{\"name\":\"t\",\"input_schema\":{\"type\":\"object\"}}],"
                          "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
            << QByteArray("{\"model\":\"up\",\"stream\":true,\"think\":true,\"options\":{"
                          "\"num_predict\":64},\"messages\":[{\"role\":\"system\",\"content\":"
                          "\"S\"},{\"role\":\"user\",\"content\":\"Hi\"}]}");
    }
    void requestFromOthers()
    {
        QFETCH(QString, from);
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, expected);
        const auto out = translateRequest(from, QStringLiteral("ollama"), obj(request));
        if (auto *e = std::get_if<ApiError>(&out))
            QFAIL(qPrintable(e->message));
        const QJsonObject got = std::get<QJsonObject>(out);
        QVERIFY2(got == obj(expected),
                 QJsonDocument(got).toJson(QJsonDocument::Compact).constData());
    }

    // Ollama names a result by its tool, Chat Completions and Messages by the call's id: two
    // waiting calls with one id cannot be told apart, so the client's surface refuses them
    // (found by fuzzing: the result was named after the wrong tool).
    void waitingCallsWithOneIdAreRefused_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("chat")
            << "openai"
            << QByteArray("{\"model\":\"m\",\"messages\":["
                          "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":"
                          "\"function\",\"function\":{\"name\":\"a\",\"arguments\":\"{}\"}}]},"
                          "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":"
                          "\"function\",\"function\":{\"name\":\"b\",\"arguments\":\"{}\"}}]},"
                          "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"x\"}]}");
        QTest::newRow("messages")
            << "anthropic"
            << QByteArray("{\"model\":\"m\",\"max_tokens\":9,\"messages\":["
                          "{\"role\":\"user\",\"content\":\"go\"},"
                          "{\"role\":\"assistant\",\"content\":["
                          "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"a\",\"input\":{}},"
                          "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"b\",\"input\":{}}]},"
                          "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                          "\"tool_use_id\":\"t1\",\"content\":\"x\"}]}]}");
    }
    void waitingCallsWithOneIdAreRefused()
    {
        QFETCH(QString, from);
        QFETCH(QByteArray, request);
        const auto decoded = adapter(from).decodeRequest(obj(request));
        const auto *error = std::get_if<ApiError>(&decoded);
        QVERIFY(error);
        QCOMPARE(error->status, 400);
        QVERIFY2(error->message.contains(QLatin1String("still waiting")),
                 qPrintable(error->message));
    }
    // Ollama's own ids are optional and may repeat: a result keeps the tool its id matched on
    // the way in, so the request Gatehouse sends on reads the same (found by fuzzing).
    void ollamaResultKeepsTheToolItsIdMatched()
    {
        const QByteArray request(
            "{\"model\":\"m\",\"messages\":["
            "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"c1\","
            "\"function\":{\"name\":\"a\",\"arguments\":{}}}]},"
            "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"c1\","
            "\"function\":{\"name\":\"b\",\"arguments\":{}}}]},"
            "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"x\"},"
            "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"y\"}]}");
        const auto out =
            translateRequest(QStringLiteral("ollama"), QStringLiteral("ollama"), obj(request));
        if (auto *e = std::get_if<ApiError>(&out))
            QFAIL(qPrintable(e->message));
        const QJsonObject sent = std::get<QJsonObject>(out);
        const QJsonArray messages = sent.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("tool_name")).toString(),
                 QStringLiteral("a"));
        QCOMPARE(messages.at(3).toObject().value(QLatin1String("tool_name")).toString(),
                 QStringLiteral("b"));
        QVERIFY(
            std::holds_alternative<Request>(adapter(QStringLiteral("ollama")).decodeRequest(sent)));
    }

    void answeredCallIdMayBeUsedAgain()
    {
        // Once answered, an id is free again (some clients number calls per turn).
        const QByteArray request(
            "{\"model\":\"m\",\"messages\":["
            "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
            "\"function\":{\"name\":\"a\",\"arguments\":\"{}\"}}]},"
            "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"x\"},"
            "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
            "\"function\":{\"name\":\"b\",\"arguments\":\"{}\"}}]},"
            "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"y\"}]}");
        const auto out =
            translateRequest(QStringLiteral("openai"), QStringLiteral("ollama"), obj(request));
        if (auto *e = std::get_if<ApiError>(&out))
            QFAIL(qPrintable(e->message));
        const QJsonArray messages =
            std::get<QJsonObject>(out).value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.at(1).toObject().value(QLatin1String("tool_name")).toString(),
                 QStringLiteral("a"));
        QCOMPARE(messages.at(3).toObject().value(QLatin1String("tool_name")).toString(),
                 QStringLiteral("b"));
    }

    // The options only Ollama knows and keep_alive go back only to an Ollama provider.
    void ollamaExtrasKeptForOllama()
    {
        const auto out =
            translateRequest(QStringLiteral("ollama"), QStringLiteral("ollama"), obj(ollamaChat));
        const QJsonObject got = std::get<QJsonObject>(out);
        QCOMPARE(got.value(QLatin1String("keep_alive")).toString(), QStringLiteral("5m"));
        const QJsonObject options = got.value(QLatin1String("options")).toObject();
        QCOMPARE(options.value(QLatin1String("num_ctx")).toInt(), 8192);
        QCOMPARE(options.value(QLatin1String("seed")).toInt(), 7);
        QCOMPARE(options.value(QLatin1String("top_k")).toInt(), 40);
        QCOMPARE(got.value(QLatin1String("think")).toString(), QStringLiteral("high"));
        const QJsonArray messages = got.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("thinking")).toString(),
                 QStringLiteral("Oslo, probably."));
        QCOMPARE(messages.at(4).toObject().value(QLatin1String("tool_name")).toString(),
                 QStringLiteral("weather"));
    }

    // Requests that cannot be expressed are refused, naming the field.
    void refused_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("param");
        QTest::newRow("image of an unknown type")
            << "ollama"
            << "openai"
            << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\","
                          "\"images\":[\"aGVsbG8=\"]}]}")
            << "messages[0].images[0]";
        QTest::newRow("tool result without a call")
            << "ollama"
            << "anthropic"
            << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},"
                          "{\"role\":\"tool\",\"content\":\"1\",\"tool_name\":\"f\"}]}")
            << "messages[1]";
        QTest::newRow("unknown role")
            << "ollama"
            << "openai"
            << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}")
            << "messages[0].role";
        QTest::newRow("think level")
            << "ollama"
            << "openai"
            << QByteArray("{\"model\":\"m\",\"think\":\"max\",\"messages\":[{\"role\":\"user\","
                          "\"content\":\"x\"}]}")
            << "think";
        QTest::newRow("content not a string")
            << "ollama"
            << "openai"
            << QByteArray("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[1]}]}")
            << "messages[0].content";
        QTest::newRow("image by URL for an Ollama provider")
            << "openai"
            << "ollama"
            << QByteArray(
                   "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                   "\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}]}")
            << "messages[0].content[0]";
    }
    void refused()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QByteArray, request);
        QFETCH(QString, param);
        const auto out = translateRequest(from, to, obj(request));
        if (auto *sent = std::get_if<QJsonObject>(&out))
            QFAIL(QJsonDocument(*sent).toJson(QJsonDocument::Compact).constData());
        const ApiError &e = std::get<ApiError>(out);
        QCOMPARE(e.status, 400);
        QCOMPARE(e.param, param);
        QVERIFY(!e.message.isEmpty());
    }

    // Whole answers: Ollama's for each client, and each provider's for an Ollama client.
    void answers_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QByteArray>("client"); // the client's request
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray ollamaAnswer =
            "{\"model\":\"up\",\"created_at\":\"2024-07-22T20:33:28.123Z\",\"message\":{\"role\":"
            "\"assistant\",\"content\":\"\",\"thinking\":\"Hm.\",\"tool_calls\":[{\"function\":{"
            "\"name\":\"weather\",\"arguments\":{\"city\":\"Oslo\"}}}]},\"done\":true,"
            "\"done_reason\":\"stop\",\"total_duration\":5,\"prompt_eval_count\":20,"
            "\"eval_count\":9}";
        QTest::newRow("ollama tool call for a Messages client")
            << "ollama"
            << "anthropic"
            << QByteArray("{\"model\":\"gw:m\",\"max_tokens\":10,\"messages\":[{\"role\":"
                          "\"user\",\"content\":\"x\"}]}")
            << ollamaAnswer
            << QByteArray(
                   "{\"id\":\"ollama-\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                   "\"up\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Hm.\","
                   "\"signature\":\"\"},{\"type\":\"tool_use\",\"id\":\"call_\",\"name\":"
                   "\"weather\",\"input\":{\"city\":\"Oslo\"}}],\"stop_reason\":\"tool_use\","
                   "\"stop_sequence\":null,\"usage\":{\"input_tokens\":20,"
                   "\"cache_read_input_tokens\":0,\"output_tokens\":9}}");
        QTest::newRow("ollama cut at its length for a Chat client")
            << "ollama"
            << "openai"
            << QByteArray("{\"model\":\"gw:m\",\"messages\":[{\"role\":\"user\",\"content\":"
                          "\"x\"}]}")
            << QByteArray("{\"model\":\"up\",\"created_at\":\"2024-07-22T20:33:28.123Z\","
                          "\"message\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"done\":true,"
                          "\"done_reason\":\"length\",\"prompt_eval_count\":3,\"eval_count\":1}")
            << QByteArray(
                   "{\"id\":\"ollama-\",\"object\":\"chat.completion\",\"created\":1721680408,"
                   "\"model\":\"up\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
                   "\"assistant\",\"content\":\"Hel\"},\"finish_reason\":"
                   "\"length\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,"
                   "\"total_tokens\":4,\"prompt_tokens_details\":{\"cached_tokens\":0}}}");
        QTest::newRow("a Messages answer for an Ollama chat client")
            << "anthropic"
            << "ollama"
            << QByteArray("{\"model\":\"gw:m\",\"messages\":[{\"role\":\"user\",\"content\":"
                          "\"x\"}]}")
            << QByteArray("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                          "\"claude\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"Hm.\","
                          "\"signature\":\"sig\"},{\"type\":\"text\",\"text\":\"Hi\"},{\"type\":"
                          "\"tool_use\",\"id\":\"toolu_1\",\"name\":\"f\",\"input\":{\"a\":1}}],"
                          "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":7,"
                          "\"output_tokens\":4}}")
            << QByteArray("{\"model\":\"claude\",\"message\":{\"role\":\"assistant\",\"content\":"
                          "\"Hi\",\"thinking\":\"Hm.\",\"tool_calls\":[{\"id\":\"toolu_1\","
                          "\"function\":{\"name\":\"f\",\"arguments\":{\"a\":1}}}]},\"done\":true,"
                          "\"done_reason\":\"stop\",\"prompt_eval_count\":7,\"eval_count\":4}");
        QTest::newRow("a Chat answer for an Ollama generate client")
            << "openai"
            << "ollama" << QByteArray("{\"model\":\"gw:m\",\"prompt\":\"x\"}")
            << QByteArray("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":"
                          "\"gpt\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                          "\"content\":\"Hi\"},\"finish_reason\":\"length\"}],\"usage\":{"
                          "\"prompt_tokens\":5,\"completion_tokens\":2}}")
            << QByteArray("{\"model\":\"gpt\",\"response\":\"Hi\",\"done\":true,\"done_reason\":"
                          "\"length\",\"prompt_eval_count\":5,\"eval_count\":2}");
    }
    void answers()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QByteArray, client);
        QFETCH(QByteArray, answer);
        QFETCH(QByteArray, expected);
        const Request request = decode(to, client);
        auto translated = translateAnswer(answer, adapter(from), adapter(to), request);
        if (auto *e = std::get_if<ApiError>(&translated))
            QFAIL(qPrintable(e->message));
        QJsonObject got = std::get<TranslatedAnswer>(translated).json;
        got.remove(QLatin1String("created_at"));
        // Ids Gatehouse makes for Ollama answers are checked by their start.
        QJsonObject want = obj(expected);
        const QString id = got.value(QLatin1String("id")).toString();
        if (want.value(QLatin1String("id")).toString() == QLatin1String("ollama-")) {
            QVERIFY(id.startsWith(QLatin1String("ollama-")) && id.size() > 10);
            got.insert(QLatin1String("id"), want.value(QLatin1String("id")));
        }
        QJsonArray content = got.value(QLatin1String("content")).toArray();
        for (qsizetype i = 0; i < content.size(); ++i) {
            QJsonObject block = content.at(i).toObject();
            if (block.value(QLatin1String("id")).toString().startsWith(QLatin1String("call_"))) {
                QCOMPARE(block.value(QLatin1String("id")).toString().size(), 5 + 24);
                block.insert(QLatin1String("id"), QLatin1String("call_"));
                content.replace(i, block);
            }
        }
        if (!content.isEmpty())
            got.insert(QLatin1String("content"), content);
        QVERIFY2(got == want, QJsonDocument(got).toJson(QJsonDocument::Compact).constData());
    }

    // The call ids made for an Ollama answer are the same however often it is decoded, and
    // differ between answers.
    void callIdsStable()
    {
        const QByteArray answer =
            "{\"model\":\"m\",\"created_at\":\"2024-07-22T20:33:28.1Z\",\"message\":{\"role\":"
            "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"f\","
            "\"arguments\":{}}},{\"function\":{\"name\":\"f\",\"arguments\":{}}}]},\"done\":true}";
        const OllamaSurface ollama;
        auto id = [&ollama](const QByteArray &body, int i) {
            return std::get<Response>(ollama.decodeResponse(obj(body))).parts.at(i).callId;
        };
        QCOMPARE(id(answer, 0), id(answer, 0));
        QVERIFY(id(answer, 0) != id(answer, 1));
        QByteArray later = answer;
        later.replace("28.1Z", "29.1Z");
        QVERIFY(id(answer, 0) != id(later, 0));
        QByteArray withId = answer;
        withId.replace("{\"function\":{\"name\":\"f\",\"arguments\":{}}},",
                       "{\"id\":\"call_x\",\"function\":{\"name\":\"f\",\"arguments\":{}}},");
        QCOMPARE(id(withId, 0), QStringLiteral("call_x"));
    }

    // An Ollama stream, line by line, for a Chat Completions client and a Messages client.
    void streamToOthers_data()
    {
        QTest::addColumn<int>("piece");
        for (const int piece : {1, 7, 100000})
            QTest::addRow("%d bytes at a time", piece) << piece;
    }
    void streamToOthers()
    {
        QFETCH(int, piece);
        const QByteArray in =
            "{\"model\":\"up\",\"created_at\":\"2024-07-22T20:33:28Z\",\"message\":{\"role\":"
            "\"assistant\",\"content\":\"\",\"thinking\":\"Hm\"},\"done\":false}\n"
            "{\"model\":\"up\",\"created_at\":\"2024-07-22T20:33:28Z\",\"message\":{\"role\":"
            "\"assistant\",\"content\":\"Hel\"},\"done\":false}\n"
            "{\"model\":\"up\",\"created_at\":\"2024-07-22T20:33:28Z\",\"message\":{\"role\":"
            "\"assistant\",\"content\":\"lo\"},\"done\":false}\n"
            "{\"model\":\"up\",\"created_at\":\"2024-07-22T20:33:28Z\",\"message\":{\"role\":"
            "\"assistant\",\"content\":\"\",\"tool_calls\":[{\"function\":{\"name\":\"weather\","
            "\"arguments\":{\"city\":\"Oslo\"}}}]},\"done\":false}\n"
            "{\"model\":\"up\",\"created_at\":\"2024-07-22T20:33:28Z\",\"message\":{\"role\":"
            "\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\","
            "\"prompt_eval_count\":12,\"eval_count\":34}\n";

        const Request chat = decode(QStringLiteral("openai"),
                                    "{\"model\":\"gw:m\",\"stream\":true,\"stream_options\":{"
                                    "\"include_usage\":true},\"messages\":[{\"role\":\"user\","
                                    "\"content\":\"x\"}]}");
        const QList<QJsonObject> chunks = events(
            translateStream(QStringLiteral("ollama"), QStringLiteral("openai"), chat, in, piece));
        QStringList seen;
        for (const QJsonObject &c : chunks) {
            const QJsonObject choice = c.value(QLatin1String("choices")).toArray().at(0).toObject();
            const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();
            if (delta.contains(QLatin1String("reasoning_content")))
                seen << QLatin1String("think:") +
                            delta.value(QLatin1String("reasoning_content")).toString();
            if (delta.value(QLatin1String("content")).isString() &&
                !delta.value(QLatin1String("content")).toString().isEmpty())
                seen << QLatin1String("text:") + delta.value(QLatin1String("content")).toString();
            for (const QJsonValue t : delta.value(QLatin1String("tool_calls")).toArray()) {
                const QJsonObject f = t.toObject().value(QLatin1String("function")).toObject();
                if (f.contains(QLatin1String("name")))
                    seen << QLatin1String("call:") + f.value(QLatin1String("name")).toString();
                if (!f.value(QLatin1String("arguments")).toString().isEmpty())
                    seen << QLatin1String("args:") + f.value(QLatin1String("arguments")).toString();
            }
            if (choice.value(QLatin1String("finish_reason")).isString())
                seen << QLatin1String("finish:") +
                            choice.value(QLatin1String("finish_reason")).toString();
            if (c.value(QLatin1String("usage")).isObject())
                seen << QStringLiteral("usage:%1/%2")
                            .arg(c.value(QLatin1String("usage"))
                                     .toObject()
                                     .value(QLatin1String("prompt_tokens"))
                                     .toInt())
                            .arg(c.value(QLatin1String("usage"))
                                     .toObject()
                                     .value(QLatin1String("completion_tokens"))
                                     .toInt());
        }
        const QStringList expected{QStringLiteral("think:Hm"),
                                   QStringLiteral("text:Hel"),
                                   QStringLiteral("text:lo"),
                                   QStringLiteral("call:weather"),
                                   QStringLiteral("args:{\"city\":\"Oslo\"}"),
                                   QStringLiteral("finish:tool_calls"),
                                   QStringLiteral("usage:12/34")};
        QCOMPARE(seen, expected);

        const Request messages =
            decode(QStringLiteral("anthropic"),
                   "{\"model\":\"gw:m\",\"max_tokens\":9,\"stream\":true,\"messages\":[{\"role\":"
                   "\"user\",\"content\":\"x\"}]}");
        const QByteArray sse = translateStream(QStringLiteral("ollama"),
                                               QStringLiteral("anthropic"), messages, in, piece);
        QStringList types;
        for (const QJsonObject &e : events(sse))
            types << e.value(QLatin1String("type")).toString();
        const QStringList expectedTypes{
            QStringLiteral("message_start"),       QStringLiteral("content_block_start"),
            QStringLiteral("content_block_delta"), QStringLiteral("content_block_stop"),
            QStringLiteral("content_block_start"), QStringLiteral("content_block_delta"),
            QStringLiteral("content_block_delta"), QStringLiteral("content_block_stop"),
            QStringLiteral("content_block_start"), QStringLiteral("content_block_delta"),
            QStringLiteral("content_block_stop"),  QStringLiteral("message_delta"),
            QStringLiteral("message_stop")};
        QCOMPARE(types, expectedTypes);
        QVERIFY(sse.contains("\"stop_reason\":\"tool_use\""));
        QVERIFY(sse.contains("\"output_tokens\":34"));
    }

    // A Messages stream as NDJSON lines for an Ollama client, chat and generate.
    void streamFromMessages_data()
    {
        QTest::addColumn<QByteArray>("client");
        QTest::addColumn<QByteArray>("expected"); // a JSON array of the lines
        QTest::newRow("chat")
            << QByteArray(
                   "{\"model\":\"gw:m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                   "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]}")
            << QByteArray(
                   "[{\"model\":\"claude\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                   "\"thinking\":\"Hm\"},\"done\":false},"
                   "{\"model\":\"claude\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
                   "\"done\":false},"
                   "{\"model\":\"claude\",\"message\":{\"role\":\"assistant\",\"content\":\"\","
                   "\"tool_calls\":[{\"id\":\"toolu_1\",\"function\":{\"name\":\"f\",\"arguments\":"
                   "{\"a\":1}}}]},\"done\":false},"
                   "{\"model\":\"claude\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                   "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":7,"
                   "\"eval_count\":4}]");
        QTest::newRow("generate")
            << QByteArray("{\"model\":\"gw:m\",\"prompt\":\"x\"}")
            << QByteArray(
                   "[{\"model\":\"claude\",\"response\":\"\",\"thinking\":\"Hm\",\"done\":false},"
                   "{\"model\":\"claude\",\"response\":\"Hi\",\"done\":false},"
                   "{\"model\":\"claude\",\"response\":\"\",\"done\":true,\"done_reason\":\"stop\","
                   "\"prompt_eval_count\":7,\"eval_count\":4}]");
    }
    void streamFromMessages()
    {
        QFETCH(QByteArray, client);
        QFETCH(QByteArray, expected);
        auto event = [](const char *type, const QByteArray &data) -> QByteArray {
            return QByteArray("event: ") + type + "\ndata: " + data + "\n\n";
        };
        const QByteArray in =
            event("message_start",
                  "{\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":"
                  "\"claude\",\"usage\":{\"input_tokens\":7,\"output_tokens\":1}}}") +
            event("content_block_start",
                  "{\"type\":\"content_block_start\",\"index\":0,"
                  "\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}") +
            event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{"
                                         "\"type\":\"thinking_delta\",\"thinking\":\"Hm\"}}") +
            event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}") +
            event("content_block_start", "{\"type\":\"content_block_start\",\"index\":1,"
                                         "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}") +
            event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{"
                                         "\"type\":\"text_delta\",\"text\":\"Hi\"}}") +
            event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}") +
            event("content_block_start",
                  "{\"type\":\"content_block_start\",\"index\":2,"
                  "\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_1\","
                  "\"name\":\"f\",\"input\":{}}}") +
            event("content_block_delta",
                  "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{"
                  "\"type\":\"input_json_delta\",\"partial_json\":\"{\\\"a\\\"\"}}") +
            event("content_block_delta",
                  "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{"
                  "\"type\":\"input_json_delta\",\"partial_json\":\":1}\"}}") +
            event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":2}") +
            event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                                   "\"tool_use\"},\"usage\":{\"output_tokens\":4}}") +
            event("message_stop", "{\"type\":\"message_stop\"}");
        const Request request = decode(QStringLiteral("ollama"), client);
        const QByteArray out =
            translateStream(QStringLiteral("anthropic"), QStringLiteral("ollama"), request, in, 5);
        QVERIFY(out.endsWith('\n'));
        QList<QJsonObject> got = lines(out);
        QList<QJsonObject> want;
        for (const QJsonValue v : QJsonDocument::fromJson(expected).array())
            want << v.toObject();
        QVERIFY2(got == want, qPrintable(pretty(got)));
        // Durations are there, in nanoseconds, for clients that show tokens per second.
        const QJsonObject last = obj(out.trimmed().split('\n').last());
        QVERIFY(last.value(QLatin1String("total_duration")).toDouble() >= 0);
        QVERIFY(last.contains(QLatin1String("eval_duration")));
    }

    // An error line from the provider ends the stream with its words; a line that is not
    // JSON ends it with Gatehouse's.
    void streamErrors_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("fromProvider");
        QTest::newRow("provider error")
            << QByteArray("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":"
                          "\"a\"},\"done\":false}\n{\"error\":\"model crashed\"}\n")
            << "model crashed" << true;
        QTest::newRow("not JSON") << QByteArray("<html>\n") << "" << false;
    }
    void streamErrors()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, message);
        QFETCH(bool, fromProvider);
        OllamaStreamDecoder decoder;
        const StreamEvents out = decoder.feed(stream);
        QVERIFY(decoder.failed());
        QVERIFY(!decoder.isComplete());
        QCOMPARE(out.last().type, StreamEvent::Type::Error);
        QCOMPARE(out.last().providerError, fromProvider);
        if (!message.isEmpty())
            QCOMPARE(out.last().error.message, message);
        // For an Ollama client the error is a line of its own.
        OllamaStreamEncoder encoder(false);
        QCOMPARE(encoder.encode(out.last()),
                 QJsonDocument(QJsonObject{{QLatin1String("error"), out.last().error.message}})
                         .toJson(QJsonDocument::Compact) +
                     '\n');
    }

    void imageType_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("type");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n....") << "image/png";
        QTest::newRow("jpeg") << QByteArray("\xFF\xD8\xFF\xE0....") << "image/jpeg";
        QTest::newRow("gif") << QByteArray("GIF89a....") << "image/gif";
        QTest::newRow("webp") << QByteArray("RIFF\x10\0\0\0WEBPVP8 ", 16) << "image/webp";
        QTest::newRow("text") << QByteArray("hello world") << "";
    }
    void imageType()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, type);
        QCOMPARE(OllamaSurface::imageType(QString::fromLatin1(bytes.toBase64())), type);
    }

    // Token counts of an Ollama answer, for limits and the request log.
    void usageScanned()
    {
        UsageScanner scanner;
        scanner.scan("{\"message\":{\"content\":\"\\\"eval_count\\\":99\"},\"done\":true,"
                     "\"prompt_eval_count\":26,\"prompt_eval_duration\":1,\"eval_count\":290}");
        QCOMPARE(scanner.usage().inputTokens, 26);
        QCOMPARE(scanner.usage().outputTokens, 290);
    }

    // Where an Ollama provider is called: the host root, or below a proxy's path; a "/v1"
    // the user typed is not doubled.
    void urls_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<int>("operation");
        QTest::addColumn<QString>("url");
        QTest::newRow("chat") << "http://127.0.0.1:11434" << int(Operation::Generate)
                              << "http://127.0.0.1:11434/api/chat";
        QTest::newRow("generate") << "http://127.0.0.1:11434/" << int(Operation::Complete)
                                  << "http://127.0.0.1:11434/api/generate";
        QTest::newRow("embed, /v1 dropped")
            << "http://127.0.0.1:11434/v1" << int(Operation::Embeddings)
            << "http://127.0.0.1:11434/api/embed";
        QTest::newRow("tags below a proxy")
            << "https://proxy.example/ollama" << int(Operation::ListModels)
            << "https://proxy.example/ollama/api/tags";
        QTest::newRow("no token counting")
            << "http://127.0.0.1:11434" << int(Operation::CountTokens) << "";
    }
    void urls()
    {
        QFETCH(QString, base);
        QFETCH(int, operation);
        QFETCH(QString, url);
        QCOMPARE(OllamaSurface().url(QUrl(base), Operation(operation)).toString(), url);
    }

    void modelListAndErrors()
    {
        const OllamaSurface ollama;
        QCOMPARE(ollama.parseModelList("{\"models\":[{\"name\":\"llama3.2:3b\"},{\"model\":"
                                       "\"qwen3:8b\"},{\"name\":\" bad\"}]}"),
                 (QStringList{QStringLiteral("llama3.2:3b"), QStringLiteral("qwen3:8b")}));
        QCOMPARE(ollama.errorMessage("{\"error\":\"model 'x' not found\"}"),
                 QStringLiteral("model 'x' not found"));
        QVERIFY(ollama.credentials({}).isEmpty());
        QCOMPARE(ollama.credentials("k").value(0).second, QByteArray("Bearer k"));
    }
};

QTEST_GUILESS_MAIN(TestOllamaSurface)
#include "tst_ollamasurface.moc"
