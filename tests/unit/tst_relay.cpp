// The filters an answer passes on its way to the client, as bytes arrive in pieces.
#include "framing/NdjsonParser.h"
#include "framing/SseParser.h"
#include "gateway/Relay.h"

#include <QTest>

using namespace gatehouse;

class TestRelay : public QObject
{
    Q_OBJECT
private slots:
    // The usage-only chunk Gatehouse asked for is taken out of a Chat Completions stream;
    // every other event reaches the client as it was sent: its name, and data of several
    // lines still one event.
    void strippedUsageKeepsOtherEvents_data()
    {
        QTest::addColumn<int>("piece");
        QTest::newRow("whole") << 1000;
        QTest::newRow("3 bytes at a time") << 3;
    }
    void strippedUsageKeepsOtherEvents()
    {
        QFETCH(int, piece);
        const QByteArray in = "data: {\"id\":\"c1\",\ndata: \"choices\":[{\"delta\":{}}]}\n\n"
                              "event: error\ndata: {\"error\":{\"message\":\"x\"}}\n\n"
                              "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":1}}\n\n"
                              "data: [DONE]\n\n";
        RelayChain chain = RelayChain::passthrough(surfaceAdapter(ApiSurface::OpenAi),
                                                   /*stripInjectedUsage=*/true);
        QByteArray out;
        for (qsizetype i = 0; i < in.size(); i += piece)
            out += chain.data(in.mid(i, piece));
        SseParser parser;
        QList<QByteArray> events;
        for (const SseParser::Event &e : parser.feed(out))
            events << e.event + '|' + e.data;
        const QList<QByteArray> expected{"|{\"id\":\"c1\",\n\"choices\":[{\"delta\":{}}]}",
                                         "error|{\"error\":{\"message\":\"x\"}}", "|[DONE]"};
        QCOMPARE(events, expected);
        QVERIFY(chain.complete());
        QCOMPARE(chain.usage().inputTokens, 1);
    }

    // A stream relayed as it is: its token counts are read however the reads cut the usage
    // object, its name included.
    void usageCutAnywhere_data()
    {
        QTest::addColumn<int>("surface");
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("piece");
        const QByteArray chat = "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"
                                "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
                                "\"completion_tokens\":34}}\n\ndata: [DONE]\n\n";
        const QByteArray messages =
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
            "\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
            "\"end_turn\"},\"usage\":{\"output_tokens\":34}}\n\n"
            "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
        const QByteArray ollama =
            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
            "\"done\":false}\n"
            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
            "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":12,"
            "\"eval_count\":34}\n";
        for (const int piece : {1, 3, 5, 1000}) {
            QTest::addRow("chat, %d", piece) << int(ApiSurface::OpenAi) << chat << piece;
            QTest::addRow("messages, %d", piece) << int(ApiSurface::Anthropic) << messages << piece;
            QTest::addRow("ollama, %d", piece) << int(ApiSurface::Ollama) << ollama << piece;
        }
    }
    void usageCutAnywhere()
    {
        QFETCH(int, surface);
        QFETCH(QByteArray, stream);
        QFETCH(int, piece);
        RelayChain chain = RelayChain::passthrough(surfaceAdapter(ApiSurface(surface)),
                                                   /*stripInjectedUsage=*/false);
        QByteArray out;
        for (qsizetype i = 0; i < stream.size(); i += piece)
            out += chain.data(stream.mid(i, piece));
        QCOMPARE(out, stream);
        QVERIFY(chain.complete());
        QCOMPARE(chain.usage().inputTokens, 12);
        QCOMPARE(chain.usage().outputTokens, 34);
    }

    // An NDJSON stream relayed as it is and cut in the middle of a line: the client has the
    // whole lines, and the error Gatehouse adds is a line of its own.
    void cutNdjsonEndsWithErrorLine()
    {
        const QByteArray whole =
            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"a\"},"
            "\"done\":false}\n";
        RelayChain chain = RelayChain::passthrough(surfaceAdapter(ApiSurface::Ollama), false);
        QByteArray out = chain.data(whole + "{\"model\":\"m\",\"mess");
        QCOMPARE(out, whole);
        QVERIFY(!chain.complete());
        out += chain.endWithError(ApiError::badGateway(QStringLiteral("cut"), QStringLiteral("x")),
                                  surfaceAdapter(ApiSurface::Ollama));
        QCOMPARE(out, whole + "{\"error\":\"cut\"}\n");
    }

    // A line that says "done" only in its text does not end the stream; the real last line
    // does, and an error line never does.
    void ndjsonCompleteOnlyOnDoneLine_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<bool>("complete");
        QTest::newRow("done in text")
            << QByteArray("{\"message\":{\"content\":\"\\\"done\\\":true\"},\"done\":false}\n")
            << false;
        QTest::newRow("done line")
            << QByteArray("{\"message\":{\"content\":\"\"},\"done\":true}\n") << true;
        QTest::newRow("error line") << QByteArray("{\"error\":\"boom\"}\n") << false;
        QTest::newRow("done without newline") << QByteArray("{\"done\":true}") << false;
    }
    void ndjsonCompleteOnlyOnDoneLine()
    {
        QFETCH(QByteArray, stream);
        QFETCH(bool, complete);
        RelayChain chain = RelayChain::passthrough(surfaceAdapter(ApiSurface::Ollama), false);
        chain.data(stream);
        QCOMPARE(chain.complete(), complete);
    }

    // A line longer than the limit stops the stream rather than growing without end.
    void ndjsonLineOverLimit()
    {
        NdjsonLineSplitter splitter(16);
        QCOMPARE(splitter.feed("{\"a\":1}\n{\"b\":"), QByteArray("{\"a\":1}\n"));
        QCOMPARE(splitter.pendingBytes(), 5);
        QCOMPARE(splitter.feed("22222222222222222222"), QByteArray());
        QVERIFY(splitter.overflowed());
        QCOMPARE(splitter.feed("}\n"), QByteArray());

        // Whole lines before the one over the limit go on, however the bytes were cut.
        NdjsonLineSplitter whole(16);
        QCOMPARE(whole.feed("{\"a\":1}\n{\"b\":2}\n{\"c\":333333333333}\n"),
                 QByteArray("{\"a\":1}\n{\"b\":2}\n"));
        QVERIFY(whole.overflowed());
    }
};

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
