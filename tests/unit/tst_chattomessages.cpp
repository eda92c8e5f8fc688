// OpenAI Chat Completions translated into Anthropic Messages through the internal
// representation (requests, whole answers, streams), from fixtures written after the two
// public API references.
#include "surfaces/ChatCompletionsSurface.h"
#include "surfaces/MessagesSurface.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace gatehouse;

namespace {
// A Chat Completions request as the Messages request a provider gets.
std::variant<QJsonObject, ApiError> chatToMessages(const QJsonObject &chat, const QString &model)
{
    auto decoded = ChatCompletionsSurface().decodeRequest(chat);
    if (auto *e = std::get_if<ApiError>(&decoded))
        return *e;
    return MessagesSurface().encodeRequest(std::get<conversation::Request>(decoded), model);
}

// A chat.completion as the Messages answer an Anthropic client gets.
QJsonObject completionToMessage(const QJsonObject &completion)
{
    auto decoded = ChatCompletionsSurface().decodeResponse(completion);
    return MessagesSurface().encodeResponse(std::get<conversation::Response>(decoded), {});
}

QJsonObject obj(const char *json)
{
    QJsonParseError e{};
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray(json), &e);
    if (e.error != QJsonParseError::NoError)
        qFatal("fixture is not JSON: %s", json);
    return d.object();
}
} // namespace

class TestChatToMessages : public QObject
{
    Q_OBJECT
private slots:
    void translate_data()
    {
        QTest::addColumn<QByteArray>("chat");
        QTest::addColumn<QByteArray>("messages");
        QTest::newRow("system string, defaults")
            << QByteArray("{\"model\":\"p:m\",\"messages\":[{\"role\":\"system\",\"content\":\"Be "
                          "brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}]}")
            << QByteArray("{\"model\":\"claude-x\",\"max_tokens\":4096,\"system\":\"Be "
                          "brief.\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":"
                          "\"text\",\"text\":\"Hi\"}]}]}");
        QTest::newRow("system blocks and developer, sampling, stop")
            << QByteArray("{\"model\":\"p:m\",\"max_tokens\":100,\"temperature\":0.2,\"top_p\":0.9,"
                          "\"stop\":\"END\",\"messages\":["
                          "{\"role\":\"system\",\"content\":[{\"type\":\"text\",\"text\":\"A\"},{"
                          "\"type\":\"text\",\"text\":\"B\"}]},"
                          "{\"role\":\"developer\",\"content\":\"C\"},{\"role\":\"user\","
                          "\"content\":\"Hi\"}]}")
            << QByteArray("{\"model\":\"claude-x\",\"max_tokens\":100,\"temperature\":0.2,\"top_"
                          "p\":0.9,\"stop_sequences\":[\"END\"],"
                          "\"system\":\"A\\nB\\n\\nC\",\"messages\":[{\"role\":\"user\","
                          "\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}]}");
        QTest::newRow("multi-turn, max_completion_tokens, stop list, stream")
            << QByteArray("{\"model\":\"p:m\",\"max_completion_tokens\":50,\"stop\":[\"x\",\"y\"],"
                          "\"stream\":true,\"messages\":["
                          "{\"role\":\"user\",\"content\":\"1\"},{\"role\":\"assistant\","
                          "\"content\":\"2\"},{\"role\":\"user\",\"content\":\"3\"}]}")
            << QByteArray(
                   "{\"model\":\"claude-x\",\"max_tokens\":50,\"stop_sequences\":[\"x\",\"y\"],"
                   "\"stream\":true,\"messages\":["
                   "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"1\"}]},"
                   "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"2\"}]},"
                   "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"3\"}]}]}");
        QTest::newRow("images by url and base64")
            << QByteArray("{\"model\":\"p:m\",\"messages\":[{\"role\":\"user\",\"content\":[{"
                          "\"type\":\"text\",\"text\":\"What?\"},"
                          "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/"
                          "cat.png\"}},"
                          "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/"
                          "png;base64,iVBORw0KGgo=\"}}]}]}")
            << QByteArray("{\"model\":\"claude-x\",\"max_tokens\":4096,\"messages\":[{\"role\":"
                          "\"user\",\"content\":["
                          "{\"type\":\"text\",\"text\":\"What?\"},"
                          "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://"
                          "example.com/cat.png\"}},"
                          "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":"
                          "\"image/png\",\"data\":\"iVBORw0KGgo=\"}}]}]}");
        QTest::newRow("tools, parallel tool calls and their results")
            << QByteArray(
                   "{\"model\":\"p:m\",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
                   "\"weather\",\"description\":\"Weather\","
                   "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":"
                   "\"string\"}}}}}],"
                   "\"tool_choice\":\"required\",\"parallel_tool_calls\":false,\"messages\":["
                   "{\"role\":\"user\",\"content\":\"Weather in Oslo and Rome?\"},"
                   "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
                   "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"weather\","
                   "\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}},"
                   "{\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"weather\","
                   "\"arguments\":\"{\\\"city\\\":\\\"Rome\\\"}\"}}]},"
                   "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"-3 C\"},"
                   "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"18 C\"}]}")
            << QByteArray(
                   "{\"model\":\"claude-x\",\"max_tokens\":4096,"
                   "\"tools\":[{\"name\":\"weather\",\"description\":\"Weather\",\"input_schema\":{"
                   "\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}],"
                   "\"tool_choice\":{\"type\":\"any\",\"disable_parallel_tool_use\":true},"
                   "\"messages\":["
                   "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Weather in Oslo "
                   "and Rome?\"}]},"
                   "{\"role\":\"assistant\",\"content\":["
                   "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"weather\",\"input\":{"
                   "\"city\":\"Oslo\"}},"
                   "{\"type\":\"tool_use\",\"id\":\"call_2\",\"name\":\"weather\",\"input\":{"
                   "\"city\":\"Rome\"}}]},"
                   "{\"role\":\"user\",\"content\":["
                   "{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\",\"content\":\"-3 C\"},"
                   "{\"type\":\"tool_result\",\"tool_use_id\":\"call_2\",\"content\":\"18 "
                   "C\"}]}]}");
        QTest::newRow("named tool choice, user id")
            << QByteArray("{\"model\":\"p:m\",\"user\":\"u-1\",\"tools\":[{\"type\":\"function\","
                          "\"function\":{\"name\":\"f\"}}],"
                          "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}},"
                          "\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
            << QByteArray(
                   "{\"model\":\"claude-x\",\"max_tokens\":4096,\"metadata\":{\"user_id\":\"u-1\"},"
                   "\"tools\":[{\"name\":\"f\",\"input_schema\":{\"type\":\"object\"}}],"
                   "\"tool_choice\":{\"type\":\"tool\",\"name\":\"f\"},\"messages\":[{\"role\":"
                   "\"user\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}]}");
    }
    void translate()
    {
        QFETCH(QByteArray, chat);
        QFETCH(QByteArray, messages);
        const auto out = chatToMessages(obj(chat.constData()), QStringLiteral("claude-x"));
        QVERIFY(std::holds_alternative<QJsonObject>(out));
        const QJsonObject got = std::get<QJsonObject>(out);
        const QJsonObject want = obj(messages.constData());
        QVERIFY2(got == want, QJsonDocument(got).toJson(QJsonDocument::Compact).constData());
    }

    void response()
    {
        const QJsonObject completion =
            QJsonDocument::fromJson(
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-x\","
                "\"choices\":[{\"index\":0,\"message\":{"
                "\"role\":\"assistant\",\"reasoning_content\":\"Think.\",\"content\":\"Checking.\","
                "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}"
                "]},\"finish_reason\":\"tool_calls\"}],"
                "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5,\"prompt_tokens_details\":"
                "{\"cached_tokens\":8}}}")
                .object();
        const QJsonObject m = completionToMessage(completion);
        QCOMPARE(m.value(QLatin1String("type")).toString(), QStringLiteral("message"));
        QCOMPARE(m.value(QLatin1String("stop_reason")).toString(), QStringLiteral("tool_use"));
        const QJsonArray content = m.value(QLatin1String("content")).toArray();
        QCOMPARE(content.size(), 3);
        QCOMPARE(content.at(0).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("thinking"));
        QCOMPARE(content.at(1).toObject().value(QLatin1String("text")).toString(),
                 QStringLiteral("Checking."));
        QCOMPARE(content.at(2)
                     .toObject()
                     .value(QLatin1String("input"))
                     .toObject()
                     .value(QLatin1String("city"))
                     .toString(),
                 QStringLiteral("Oslo"));
        const QJsonObject usage = m.value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("input_tokens")).toInt(), 12);
        QCOMPARE(usage.value(QLatin1String("cache_read_input_tokens")).toInt(), 8);
        QCOMPARE(usage.value(QLatin1String("output_tokens")).toInt(), 5);
    }

    // A negative count from a provider is no count: it must not lower what a key has used.
    void negativeUsageIsUnknown()
    {
        const conversation::Usage chat = ChatCompletionsSurface::usage(
            obj("{\"prompt_tokens\":-5,\"completion_tokens\":-7,\"prompt_tokens_details\":{"
                "\"cached_tokens\":-1},\"completion_tokens_details\":{\"reasoning_tokens\":-2}}"));
        QCOMPARE(chat.inputTokens, -1);
        QCOMPARE(chat.outputTokens, -1);
        QCOMPARE(chat.cachedInputTokens, -1);
        QCOMPARE(chat.reasoningTokens, -1);
        const conversation::Usage messages = MessagesSurface::usage(
            obj("{\"input_tokens\":-3,\"output_tokens\":4,\"cache_read_input_tokens\":-9}"));
        QCOMPARE(messages.outputTokens, 4);
        QVERIFY(messages.inputTokens >= -1);
        QVERIFY(messages.cachedInputTokens >= -1);
    }

    // An error chunk without a message still tells the client something.
    void streamErrorWithoutMessage()
    {
        ChatStreamDecoder decoder;
        const conversation::StreamEvents events =
            decoder.feed("data: {\"error\":{\"type\":\"server_error\"}}\n\n");
        QVERIFY(decoder.failed());
        QCOMPARE(events.size(), 1);
        QVERIFY(!events[0].error.message.isEmpty());
    }

    void stream_data()
    {
        QTest::addColumn<int>("pieceSize");
        QTest::newRow("whole") << 100000;
        QTest::newRow("5 bytes at a time") << 5;
    }
    void stream()
    {
        QFETCH(int, pieceSize);
        const QByteArray in =
            "data: "
            "{\"id\":\"c1\",\"model\":\"gpt-x\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
            "\"assistant\",\"content\":\"\"}}]}\n\n"
            "data: "
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Hm.\"}}]}"
            "\n\n"
            "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Let "
            "me\"}}]}\n\n"
            "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" "
            "check.\"}}]}\n\n"
            "data: "
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
            "\"id\":\"t1\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":"
            "\"\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
            "\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
            "\"function\":{\"arguments\":\"\\\"Oslo\\\"}\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,"
            "\"id\":\"t2\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":"
            "\"{}\"}}]}}]}\n\n"
            "data: "
            "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_"
            "calls\"}]}\n\n"
            "data: "
            "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":6}}"
            "\n\n"
            "data: [DONE]\n\n";
        ChatStreamDecoder decoder;
        MessagesStreamEncoder encoder;
        QByteArray out;
        for (qsizetype i = 0; i < in.size(); i += pieceSize) {
            for (const auto &event : decoder.feed(
                     QByteArrayView(in).sliced(i, std::min<qsizetype>(pieceSize, in.size() - i))))
                out += encoder.encode(event);
        }
        QVERIFY(decoder.isComplete());
        QVERIFY(encoder.isComplete());
        QList<QByteArray> names;
        QList<QJsonObject> data;
        for (const QByteArray &line : out.split('\n')) {
            if (line.startsWith("event: "))
                names << line.mid(7);
            else if (line.startsWith("data: "))
                data << QJsonDocument::fromJson(line.mid(6)).object();
        }
        const QList<QByteArray> expected{
            "message_start",       "content_block_start", "content_block_delta",
            "content_block_stop",  "content_block_start", "content_block_delta",
            "content_block_delta", "content_block_stop",  "content_block_start",
            "content_block_delta", "content_block_delta", "content_block_stop",
            "content_block_start", "content_block_delta", "content_block_stop",
            "message_delta",       "message_stop"};
        QCOMPARE(names, expected);
        QCOMPARE(data[1]
                     .value(QLatin1String("content_block"))
                     .toObject()
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("thinking"));
        QCOMPARE(data[4]
                     .value(QLatin1String("content_block"))
                     .toObject()
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("text"));
        QCOMPARE(data[8]
                     .value(QLatin1String("content_block"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toString(),
                 QStringLiteral("t1"));
        QCOMPARE(data[9]
                     .value(QLatin1String("delta"))
                     .toObject()
                     .value(QLatin1String("partial_json"))
                     .toString(),
                 QStringLiteral("{\"city\":"));
        QCOMPARE(data[12].value(QLatin1String("index")).toInt(), 3);
        const QJsonObject delta = data[15];
        QCOMPARE(delta.value(QLatin1String("delta"))
                     .toObject()
                     .value(QLatin1String("stop_reason"))
                     .toString(),
                 QStringLiteral("tool_use"));
        QCOMPARE(delta.value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("output_tokens"))
                     .toInt(),
                 6);
        QCOMPARE(delta.value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("input_tokens"))
                     .toInt(),
                 9);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("chat");
        QTest::addColumn<QString>("param");
        QTest::newRow("unknown role")
            << QByteArray("{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}")
            << "messages[0].role";
        QTest::newRow("tool result without call")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"tool\","
                          "\"tool_call_id\":\"nope\",\"content\":\"1\"}]}")
            << "messages[1].tool_call_id";
        QTest::newRow("malformed content block")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"audio\"}]}]}")
            << "messages[0].content[0]";
        QTest::newRow("content not text or parts")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":5}]}")
            << "messages[0].content";
        QTest::newRow("bad tool arguments")
            << QByteArray("{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\","
                          "\"function\":{\"name\":\"f\",\"arguments\":\"{oops\"}}]}]}")
            << "messages[0].tool_calls[0].function.arguments";
        QTest::newRow("image media type")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                          "\"image_url\":{\"url\":\"data:image/bmp;base64,AA==\"}}]}]}")
            << "messages[0].content[0]";
        QTest::newRow("oversized image")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                          "\"image_url\":{\"url\":\"data:image/png;base64," +
                          QByteArray(7 * 1024 * 1024, 'A') + "\"}}]}]}")
            << "messages[0].content[0]";
        QTest::newRow("only system")
            << QByteArray("{\"messages\":[{\"role\":\"system\",\"content\":\"x\"}]}") << "messages";
        QTest::newRow("n > 1")
            << QByteArray("{\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}") << "n";
        QTest::newRow("bad max_tokens")
            << QByteArray("{\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
            << "max_tokens";
    }
    void refused()
    {
        QFETCH(QByteArray, chat);
        QFETCH(QString, param);
        const auto out =
            chatToMessages(QJsonDocument::fromJson(chat).object(), QStringLiteral("m"));
        QVERIFY(std::holds_alternative<ApiError>(out));
        const ApiError &e = std::get<ApiError>(out);
        QCOMPARE(e.status, 400);
        QCOMPARE(e.param, param);
        QVERIFY(!e.message.isEmpty());
    }

    // A tool call's arguments that resume after another block began cannot be carried by
    // any surface: the stream ends with an error, not with a call cut in two.
    void toolCallResumedAfterAnotherBlockIsAnError()
    {
        const QByteArray in =
            "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{"
            "\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\"\"}}]}"
            "}]}\n\n"
            "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{"
            "\"index\":1,\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":\"{}\"}}]}}]}\n\n"
            "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{"
            "\"index\":0,\"function\":{\"arguments\":\":1}\"}}]}}]}\n\n"
            "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":"
            "\"tool_calls\"}]}\n\n"
            "data: [DONE]\n\n";
        ChatStreamDecoder decoder;
        QSet<int> open;
        bool error = false;
        for (const conversation::StreamEvent &e : decoder.feed(in)) {
            if (e.type == conversation::StreamEvent::Type::BlockStart)
                open.insert(e.index);
            else if (e.type == conversation::StreamEvent::Type::BlockStop)
                open.remove(e.index);
            else if (e.type == conversation::StreamEvent::Type::BlockDelta)
                QVERIFY2(open.contains(e.index), "a delta for a block that is not open");
            else if (e.type == conversation::StreamEvent::Type::Error)
                error = true;
        }
        QVERIFY(error);
        QVERIFY(decoder.failed());
        QVERIFY(!decoder.isComplete());
    }
};

QTEST_GUILESS_MAIN(TestChatToMessages)
#include "tst_chattomessages.moc"
