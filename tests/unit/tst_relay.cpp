// The filters an answer passes on its way to the client, as bytes arrive in pieces.
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
        for (const int piece : {1, 3, 5, 1000}) {
            QTest::addRow("chat, %d", piece) << int(ApiSurface::OpenAi) << chat << piece;
            QTest::addRow("messages, %d", piece) << int(ApiSurface::Anthropic) << messages << piece;
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
};

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
