// Anthropic Messages translated into OpenAI Chat Completions through the internal
// representation: requests, whole answers and streams.
#include "surfaces/ChatCompletionsSurface.h"
#include "surfaces/MessagesSurface.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;

namespace {

std::variant<QJsonObject, ApiError> messagesToChat(const QJsonObject &messages,
                                                   const QString &model)
{
    auto decoded = MessagesSurface().decodeRequest(messages);
    if (auto *e = std::get_if<ApiError>(&decoded))
        return *e;
    return ChatCompletionsSurface().encodeRequest(std::get<conversation::Request>(decoded), model);
}

QJsonObject messageToCompletion(const QJsonObject &message, qint64 created)
{
    auto decoded = MessagesSurface().decodeResponse(message);
    conversation::Response r = std::get<conversation::Response>(decoded);
    r.created = created;
    return ChatCompletionsSurface().encodeResponse(r, {});
}

// Anthropic stream bytes, fed in pieces, as the Chat Completions stream a client gets.
struct Translation
{
    MessagesStreamDecoder decoder;
    ChatStreamEncoder encoder;
    Translation(qint64 created, bool includeUsage) : encoder(created, includeUsage) {}
    QByteArray feed(QByteArrayView bytes)
    {
        QByteArray out;
        for (const auto &event : decoder.feed(bytes))
            out += encoder.encode(event);
        return out;
    }
};

} // namespace

class TestMessagesToChat : public QObject
{
    Q_OBJECT
private:
    static QList<QJsonObject> chunks(const QByteArray &sse)
    {
        QList<QJsonObject> out;
        for (const QByteArray &block : sse.split('\n')) {
            if (block.startsWith("data: {"))
                out << QJsonDocument::fromJson(block.mid(6)).object();
        }
        return out;
    }
    static QByteArray anthropicStream()
    {
        return "event: message_start\ndata: "
               "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
               "\"role\":\"assistant\","
               "\"model\":\"claude-x\",\"content\":[],\"usage\":{\"input_tokens\":10,\"cache_read_"
               "input_tokens\":4,\"output_tokens\":1}}}\n\n"
               "event: ping\ndata: {\"type\":\"ping\"}\n\n"
               "event: content_block_start\ndata: "
               "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":"
               "\"thinking\",\"thinking\":\"\"}}\n\n"
               "event: content_block_delta\ndata: "
               "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_"
               "delta\",\"thinking\":\"Hmm.\"}}\n\n"
               "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
               "event: content_block_start\ndata: "
               "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\","
               "\"text\":\"\"}}\n\n"
               "event: content_block_delta\ndata: "
               "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\","
               "\"text\":\"Checking\"}}\n\n"
               "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n"
               "event: content_block_start\ndata: "
               "{\"type\":\"content_block_start\",\"index\":2,\"content_block\":{\"type\":\"tool_"
               "use\",\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{}}}\n\n"
               "event: content_block_delta\ndata: "
               "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_"
               "delta\",\"partial_json\":\"{\\\"city\\\": \"}}\n\n"
               "event: content_block_delta\ndata: "
               "{\"type\":\"content_block_delta\",\"index\":2,\"delta\":{\"type\":\"input_json_"
               "delta\",\"partial_json\":\"\\\"Oslo\\\"}\"}}\n\n"
               "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":2}\n\n"
               "event: content_block_start\ndata: "
               "{\"type\":\"content_block_start\",\"index\":3,\"content_block\":{\"type\":\"tool_"
               "use\",\"id\":\"toolu_2\",\"name\":\"weather\",\"input\":{}}}\n\n"
               "event: content_block_delta\ndata: "
               "{\"type\":\"content_block_delta\",\"index\":3,\"delta\":{\"type\":\"input_json_"
               "delta\",\"partial_json\":\"{\\\"city\\\":\\\"Rome\\\"}\"}}\n\n"
               "event: message_delta\ndata: "
               "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_"
               "sequence\":null},\"usage\":{\"output_tokens\":42}}\n\n"
               "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    }

private slots:
    void response()
    {
        const QJsonObject message =
            QJsonDocument::fromJson(
                "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-"
                "x\",\"content\":["
                "{\"type\":\"thinking\",\"thinking\":\"Let me see.\",\"signature\":\"sig\"},"
                "{\"type\":\"text\",\"text\":\"Checking \"},{\"type\":\"text\",\"text\":\"both.\"},"
                "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"weather\",\"input\":{"
                "\"city\":\"Oslo\"}}],"
                "\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":10,\"cache_creation_"
                "input_tokens\":2,\"cache_read_input_tokens\":4,\"output_tokens\":7}}")
                .object();
        const QJsonObject chat = messageToCompletion(message, 1700000000);
        QCOMPARE(chat.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(chat.value(QLatin1String("id")).toString(), QStringLiteral("msg_1"));
        const QJsonObject choice = chat.value(QLatin1String("choices")).toArray().at(0).toObject();
        QCOMPARE(choice.value(QLatin1String("finish_reason")).toString(),
                 QStringLiteral("tool_calls"));
        const QJsonObject msg = choice.value(QLatin1String("message")).toObject();
        QCOMPARE(msg.value(QLatin1String("content")).toString(), QStringLiteral("Checking both."));
        QCOMPARE(msg.value(QLatin1String("reasoning_content")).toString(),
                 QStringLiteral("Let me see."));
        const QJsonObject call = msg.value(QLatin1String("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(call.value(QLatin1String("id")).toString(), QStringLiteral("toolu_1"));
        QCOMPARE(call.value(QLatin1String("function"))
                     .toObject()
                     .value(QLatin1String("arguments"))
                     .toString(),
                 QStringLiteral("{\"city\":\"Oslo\"}"));
        const QJsonObject usage = chat.value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInt(), 16);
        QCOMPARE(usage.value(QLatin1String("completion_tokens")).toInt(), 7);
        QCOMPARE(usage.value(QLatin1String("total_tokens")).toInt(), 23);
        QCOMPARE(usage.value(QLatin1String("prompt_tokens_details"))
                     .toObject()
                     .value(QLatin1String("cached_tokens"))
                     .toInt(),
                 4);
    }

    void finishReasons_data()
    {
        QTest::addColumn<QString>("stop");
        QTest::addColumn<QString>("finish");
        QTest::newRow("end_turn") << "end_turn"
                                  << "stop";
        QTest::newRow("stop_sequence") << "stop_sequence"
                                       << "stop";
        QTest::newRow("max_tokens") << "max_tokens"
                                    << "length";
        QTest::newRow("tool_use") << "tool_use"
                                  << "tool_calls";
        QTest::newRow("refusal") << "refusal"
                                 << "content_filter";
    }
    void finishReasons()
    {
        QFETCH(QString, stop);
        QFETCH(QString, finish);
        QCOMPARE(ChatCompletionsSurface::finishReason(MessagesSurface::stopReason(stop)), finish);
    }

    void stream_data()
    {
        QTest::addColumn<int>("pieceSize"); // bytes handed over at a time
        QTest::newRow("whole") << 100000;
        QTest::newRow("7 bytes at a time") << 7;
        QTest::newRow("1 byte at a time") << 1;
    }
    void stream()
    {
        QFETCH(int, pieceSize);
        const QByteArray in = anthropicStream();
        Translation t(1700000000, true);
        QByteArray out;
        for (qsizetype i = 0; i < in.size(); i += pieceSize)
            out +=
                t.feed(QByteArrayView(in).sliced(i, std::min<qsizetype>(pieceSize, in.size() - i)));
        QVERIFY(t.decoder.isComplete());
        QVERIFY(out.endsWith("data: [DONE]\n\n"));
        const QList<QJsonObject> c = chunks(out);
        QVERIFY(c.size() >= 8);
        auto delta = [&](int i) {
            return c[i]
                .value(QLatin1String("choices"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("delta"))
                .toObject();
        };
        QCOMPARE(c[0].value(QLatin1String("object")).toString(),
                 QStringLiteral("chat.completion.chunk"));
        QCOMPARE(c[0].value(QLatin1String("id")).toString(), QStringLiteral("msg_1"));
        QCOMPARE(delta(0).value(QLatin1String("role")).toString(), QStringLiteral("assistant"));
        QCOMPARE(delta(1).value(QLatin1String("reasoning_content")).toString(),
                 QStringLiteral("Hmm."));
        QCOMPARE(delta(2).value(QLatin1String("content")).toString(), QStringLiteral("Checking"));
        // First tool call: id and name, then its arguments in pieces, under OpenAI index 0.
        QJsonObject call = delta(3).value(QLatin1String("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(call.value(QLatin1String("index")).toInt(), 0);
        QCOMPARE(call.value(QLatin1String("id")).toString(), QStringLiteral("toolu_1"));
        QCOMPARE(call.value(QLatin1String("function"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("weather"));
        QString args;
        for (int i : {4, 5})
            args += delta(i)
                        .value(QLatin1String("tool_calls"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QLatin1String("function"))
                        .toObject()
                        .value(QLatin1String("arguments"))
                        .toString();
        QCOMPARE(args, QStringLiteral("{\"city\": \"Oslo\"}"));
        // The parallel second call gets index 1.
        call = delta(6).value(QLatin1String("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(call.value(QLatin1String("index")).toInt(), 1);
        QCOMPARE(call.value(QLatin1String("id")).toString(), QStringLiteral("toolu_2"));
        // Finish reason, then the usage chunk the client asked for.
        const QJsonObject finishChunk = c[c.size() - 2];
        QCOMPARE(finishChunk.value(QLatin1String("choices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("finish_reason"))
                     .toString(),
                 QStringLiteral("tool_calls"));
        const QJsonObject usage = c.last().value(QLatin1String("usage")).toObject();
        QCOMPARE(usage.value(QLatin1String("prompt_tokens")).toInt(), 14);
        QCOMPARE(usage.value(QLatin1String("completion_tokens")).toInt(), 42);
        QVERIFY(c.last().value(QLatin1String("choices")).toArray().isEmpty());
    }

    void streamWithoutUsageAndCutOff()
    {
        const QByteArray in = anthropicStream();
        Translation t(1, false);
        const QByteArray out = t.feed(QByteArrayView(in).first(in.indexOf("event: message_delta")));
        QVERIFY(!t.decoder.isComplete());
        QVERIFY(!out.contains("[DONE]"));
        QVERIFY(!out.contains("\"usage\""));
    }

    void request_data()
    {
        QTest::addColumn<QByteArray>("messages");
        QTest::addColumn<QByteArray>("chat");
        QTest::newRow("system blocks, text, sampling, stop, stream")
            << QByteArray("{\"model\":\"p:m\",\"max_tokens\":64,\"temperature\":0.5,\"stop_"
                          "sequences\":[\"END\"],\"stream\":true,"
                          "\"system\":[{\"type\":\"text\",\"text\":\"A\"},{\"type\":\"text\","
                          "\"text\":\"B\"}],"
                          "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
            << QByteArray("{\"model\":\"gpt-x\",\"max_tokens\":64,\"temperature\":0.5,\"stop\":["
                          "\"END\"],\"stream\":true,"
                          "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":"
                          "\"system\",\"content\":\"A\\nB\"},"
                          "{\"role\":\"user\",\"content\":\"Hi\"}]}");
        QTest::newRow("images, tool use and results, thinking dropped")
            << QByteArray("{\"model\":\"p:m\",\"max_tokens\":10,\"metadata\":{\"user_id\":\"u\"},"
                          "\"tools\":[{\"name\":\"weather\",\"description\":\"W\",\"input_schema\":"
                          "{\"type\":\"object\"}}],"
                          "\"tool_choice\":{\"type\":\"any\",\"disable_parallel_tool_use\":true},"
                          "\"messages\":["
                          "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look\"},"
                          "{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":"
                          "\"image/png\",\"data\":\"AAAA\"}},"
                          "{\"type\":\"image\",\"source\":{\"type\":\"url\",\"url\":\"https://"
                          "example.com/a.png\"}}]},"
                          "{\"role\":\"assistant\",\"content\":[{\"type\":\"thinking\","
                          "\"thinking\":\"t\",\"signature\":\"s\"},"
                          "{\"type\":\"text\",\"text\":\"Checking\"},{\"type\":\"tool_use\",\"id\":"
                          "\"tu1\",\"name\":\"weather\",\"input\":{\"city\":\"Oslo\"}}]},"
                          "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_"
                          "id\":\"tu1\",\"content\":[{\"type\":\"text\",\"text\":\"-3 C\"}]},"
                          "{\"type\":\"text\",\"text\":\"And tomorrow?\"}]}]}")
            << QByteArray("{\"model\":\"gpt-x\",\"max_tokens\":10,\"user\":\"u\",\"parallel_tool_"
                          "calls\":false,\"tool_choice\":\"required\","
                          "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
                          "\"description\":\"W\",\"parameters\":{\"type\":\"object\"}}}],"
                          "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                          "\"text\":\"Look\"},"
                          "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/"
                          "png;base64,AAAA\"}},"
                          "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/"
                          "a.png\"}}]},"
                          "{\"role\":\"assistant\",\"content\":\"Checking\",\"tool_calls\":[{"
                          "\"id\":\"tu1\",\"type\":\"function\","
                          "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":"
                          "\\\"Oslo\\\"}\"}}]},"
                          "{\"role\":\"tool\",\"tool_call_id\":\"tu1\",\"content\":\"-3 C\"},"
                          "{\"role\":\"user\",\"content\":\"And tomorrow?\"}]}");
    }
    void request()
    {
        QFETCH(QByteArray, messages);
        QFETCH(QByteArray, chat);
        const auto out =
            messagesToChat(QJsonDocument::fromJson(messages).object(), QStringLiteral("gpt-x"));
        QVERIFY(std::holds_alternative<QJsonObject>(out));
        const QJsonObject got = std::get<QJsonObject>(out);
        const QJsonObject want = QJsonDocument::fromJson(chat).object();
        QVERIFY(!want.isEmpty());
        QVERIFY2(got == want, QJsonDocument(got).toJson(QJsonDocument::Compact).constData());
    }

    void requestRefused_data()
    {
        QTest::addColumn<QByteArray>("messages");
        QTest::addColumn<QString>("param");
        QTest::newRow("unknown role")
            << QByteArray("{\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}")
            << "messages[0].role";
        QTest::newRow("tool result without use")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_"
                          "result\",\"tool_use_id\":\"x\"}]}]}")
            << "messages[0].content[0].tool_use_id";
        QTest::newRow("unknown block")
            << QByteArray(
                   "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"document\"}]}]}")
            << "messages[0].content[0]";
        QTest::newRow("image source")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                          "\"source\":{\"type\":\"file\"}}]}]}")
            << "messages[0].content[0]";
        QTest::newRow("image media type")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                          "\"source\":{\"type\":\"base64\",\"media_type\":\"image/bmp\",\"data\":"
                          "\"AA==\"}}]}]}")
            << "messages[0].content[0]";
        QTest::newRow("image url source without url")
            << QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\","
                          "\"source\":{\"type\":\"url\"}}]}]}")
            << "messages[0].content[0]";
        // Neither may go on as max_tokens 0.
        QTest::newRow("max_tokens a fraction")
            << QByteArray(
                   "{\"max_tokens\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
            << "max_tokens";
        QTest::newRow("max_tokens beyond an integer")
            << QByteArray(
                   "{\"max_tokens\":1e300,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
            << "max_tokens";
        QTest::newRow("max_tokens negative")
            << QByteArray(
                   "{\"max_tokens\":-3,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
            << "max_tokens";
    }
    void requestRefused()
    {
        QFETCH(QByteArray, messages);
        QFETCH(QString, param);
        const auto out =
            messagesToChat(QJsonDocument::fromJson(messages).object(), QStringLiteral("m"));
        QVERIFY(std::holds_alternative<ApiError>(out));
        QCOMPARE(std::get<ApiError>(out).status, 400);
        QCOMPARE(std::get<ApiError>(out).param, param);
    }

    // Claude Code sends instructions as role "system" inside messages; server tools (run by
    // Anthropic) cannot run elsewhere and are left out, named for x-gatehouse-dropped-tools.
    void systemInMessagesAndServerTools()
    {
        const QJsonObject in =
            QJsonDocument::fromJson(
                "{\"model\":\"m\",\"system\":\"S\",\"tools\":[{\"type\":\"web_"
                "search_20250305\",\"name\":\"web_search\"},{\"name\":\"f\","
                "\"input_schema\":{\"type\":\"object\"}}],\"messages\":[{\"role\":"
                "\"user\",\"content\":\"x\"},{\"role\":\"system\",\"content\":[{"
                "\"type\":\"text\",\"text\":\"Env\"}]}]}")
                .object();
        auto decoded = MessagesSurface().decodeRequest(in);
        QVERIFY(std::holds_alternative<conversation::Request>(decoded));
        const conversation::Request &r = std::get<conversation::Request>(decoded);
        QCOMPARE(r.hostedToolNames(), QStringList{QStringLiteral("web_search")});
        const auto out = ChatCompletionsSurface().encodeRequest(r, QStringLiteral("gpt-x"));
        const QJsonObject chat = std::get<QJsonObject>(out);
        const QJsonArray tools = chat.value(QLatin1String("tools")).toArray();
        QCOMPARE(tools.size(), 1);
        const QJsonArray messages = chat.value(QLatin1String("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("system"));
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("Env"));
    }

    // Once a provider closed a block, later deltas or a second close for its index are not
    // passed on: a client would get text after the end of a block, or two ends.
    void closedBlockTakesNothingMore()
    {
        const QByteArray in =
            "event: message_start\ndata: "
            "{\"type\":\"message_start\",\"message\":{\"id\":\"m\"}}\n\n"
            "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            "\"delta\":{\"type\":\"text_delta\",\"text\":\"a\"}}\n\n"
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            "\"delta\":{\"type\":\"text_delta\",\"text\":\"b\"}}\n\n"
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        MessagesStreamDecoder decoder;
        QList<conversation::StreamEvent::Type> types;
        QString text;
        for (const conversation::StreamEvent &e : decoder.feed(in)) {
            types << e.type;
            text += e.delta;
        }
        using T = conversation::StreamEvent::Type;
        const QList<T> expected{T::Start, T::BlockStart, T::BlockDelta, T::BlockStop, T::Finish};
        QCOMPARE(types, expected);
        QCOMPARE(text, QStringLiteral("a"));
    }

    void streamErrorEvent()
    {
        Translation t(1, false);
        const QByteArray out = t.feed("event: error\ndata: "
                                      "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_"
                                      "error\",\"message\":\"Overloaded\"}}\n\n");
        QVERIFY(t.decoder.failed());
        const QJsonObject e = QJsonDocument::fromJson(out.mid(6).trimmed())
                                  .object()
                                  .value(QLatin1String("error"))
                                  .toObject();
        QCOMPARE(e.value(QLatin1String("message")).toString(), QStringLiteral("Overloaded"));
        QCOMPARE(e.value(QLatin1String("type")).toString(), QStringLiteral("overloaded_error"));
    }

    // An error event whose data is no JSON still tells the client something.
    void streamErrorEventWithoutMessage()
    {
        Translation t(1, false);
        const QByteArray out =
            t.feed("event: error\ndata: {\"type\":\"error\",\"error\":{\"mess\n\n");
        QVERIFY(t.decoder.failed());
        const QJsonObject e = QJsonDocument::fromJson(out.mid(6).trimmed())
                                  .object()
                                  .value(QLatin1String("error"))
                                  .toObject();
        QVERIFY(!e.value(QLatin1String("message")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMessagesToChat)
#include "tst_messagestochat.moc"
