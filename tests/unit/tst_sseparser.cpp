#include "framing/NdjsonParser.h"
#include "framing/SseParser.h"

#include <QTest>

using namespace gatehouse;

class TestSseParser : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<QByteArray>>("events"); // "event|data"
        QTest::newRow("data only")
            << QByteArray("data: a\n\ndata: b\n\n") << QList<QByteArray>{"|a", "|b"};
        QTest::newRow("named") << QByteArray("event: ping\ndata: {}\n\n")
                               << QList<QByteArray>{"ping|{}"};
        QTest::newRow("crlf") << QByteArray("event: x\r\ndata: 1\r\n\r\n")
                              << QList<QByteArray>{"x|1"};
        QTest::newRow("multi-line data")
            << QByteArray("data: a\ndata: b\n\n") << QList<QByteArray>{"|a\nb"};
        QTest::newRow("comment and no space")
            << QByteArray(": keep-alive\n\ndata:x\n\n") << QList<QByteArray>{"|x"};
        QTest::newRow("unfinished")
            << QByteArray("data: a\n\ndata: b\n") << QList<QByteArray>{"|a"};
        QTest::newRow("cr line ends")
            << QByteArray("event: x\rdata: 1\r\rdata: 2\r\r") << QList<QByteArray>{"x|1", "|2"};
        QTest::newRow("empty data line") << QByteArray("data:\n\n") << QList<QByteArray>{"|"};
        QTest::newRow("field without colon, unknown field")
            << QByteArray("data\nid: 7\nretry: 10\ndata: x\n\n") << QList<QByteArray>{"|\nx"};
    }
    void parse()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<QByteArray>, events);
        for (const int piece : {1, 3, 1000}) {
            SseParser p;
            QList<QByteArray> got;
            for (qsizetype i = 0; i < stream.size(); i += piece) {
                for (const auto &e : p.feed(QByteArrayView(stream).sliced(
                         i, std::min<qsizetype>(piece, stream.size() - i))))
                    got << e.event + '|' + e.data;
            }
            QCOMPARE(got, events);
        }
    }

    // An event larger than the limit stops the parser instead of growing without end; one
    // below it comes through whole, however it is cut.
    void limits()
    {
        SseParser small(1024);
        QVERIFY(
            small.feed(QByteArray(QByteArray("data: ") + QByteArray(600, 'a') + "\n\n")).size() ==
            1);
        QVERIFY(!small.overflowed());
        QVERIFY(small.feed(QByteArray(QByteArray("data: ") + QByteArray(700, 'b'))).isEmpty());
        QVERIFY(small.feed(QByteArray(400, 'b')).isEmpty());
        QVERIFY(small.overflowed());
        QVERIFY(small.feed("\n\ndata: c\n\n").isEmpty());

        SseParser parser;
        const QByteArray big = QByteArray(8 * 1024 * 1024, 'z');
        const QByteArray stream = QByteArray("data: " + big + "\n\n");
        QList<SseParser::Event> got;
        for (qsizetype i = 0; i < stream.size(); i += 4096)
            got += parser.feed(
                QByteArrayView(stream).sliced(i, std::min<qsizetype>(4096, stream.size() - i)));
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().data.size(), big.size());

        SseParser overflow;
        const QByteArray huge(SseParser::defaultMaxEventBytes / 8, 'y');
        for (int i = 0; i < 9 && !overflow.overflowed(); ++i)
            QVERIFY(overflow.feed(huge).isEmpty());
        QVERIFY(overflow.overflowed());
    }

    // Streams relayed as they are go on in whole events, however the bytes are cut: what has
    // been released always ends on an event boundary, and the rest is held back.
    void splitter_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QByteArray>("released");
        QTest::newRow("whole events")
            << QByteArray("data: a\n\ndata: b\n\n") << QByteArray("data: a\n\ndata: b\n\n");
        QTest::newRow("cut mid-event")
            << QByteArray("data: a\n\ndata: {\"ch") << QByteArray("data: a\n\n");
        QTest::newRow("cut mid-line end") << QByteArray("event: x\ndata: 1\n") << QByteArray();
        QTest::newRow("crlf") << QByteArray("data: a\r\n\r\ndata: b\r\n")
                              << QByteArray("data: a\r\n\r\n");
        QTest::newRow("cr") << QByteArray("data: a\r\rdata: b") << QByteArray("data: a\r\r");
        QTest::newRow("[DONE] inside a line") << QByteArray("data: {\"t\":\"[DONE]\"}\n\ndata: [DO")
                                              << QByteArray("data: {\"t\":\"[DONE]\"}\n\n");
    }
    void splitter()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QByteArray, released);
        for (const int piece : {1, 2, 3, 1000}) {
            SseEventSplitter splitter;
            QByteArray got;
            for (qsizetype i = 0; i < stream.size(); i += piece) {
                const QByteArray out =
                    splitter.feed(stream.mid(i, std::min<qsizetype>(piece, stream.size() - i)));
                got += out;
                // What was released so far is whole events: a parser reads all of it.
                QVERIFY(released.startsWith(got));
            }
            QCOMPARE(got, released);
            QCOMPARE(splitter.pendingBytes(), stream.size() - released.size());
            QVERIFY(!splitter.overflowed());
        }
    }

    // A line that never ends, fed in small pieces, is stopped at the limit itself: the held
    // bytes never pass it, and nothing comes out after.
    void splitterLimit()
    {
        const qsizetype limit = 64 * 1024;
        SseEventSplitter splitter(limit);
        QCOMPARE(splitter.feed("data: ok\n\n"), QByteArray("data: ok\n\n"));
        const QByteArray piece(100, 'z');
        qsizetype fed = 0;
        while (!splitter.overflowed() && fed < 4 * limit) {
            QVERIFY(splitter.feed(piece).isEmpty());
            fed += piece.size();
            QVERIFY(splitter.pendingBytes() <= limit);
        }
        QVERIFY(splitter.overflowed());
        QVERIFY(fed > limit && fed <= limit + piece.size());
        QVERIFY(splitter.feed("\n\ndata: later\n\n").isEmpty());

        // An event over the limit that ends within the same piece is stopped too; the events
        // before it still go out.
        SseEventSplitter whole(limit);
        const QByteArray first = "data: first\n\n";
        QCOMPARE(whole.feed(first + "data: " + QByteArray(limit, 'w') + "\n\ndata: after\n\n"),
                 first);
        QVERIFY(whole.overflowed());
    }

    // The parser keeps nothing but the line it reads: a line without an end, fed in small
    // pieces, stops it exactly past the limit, not after some multiple of it.
    void parserLimitInSmallPieces()
    {
        const qsizetype limit = 64 * 1024;
        SseParser parser(limit);
        const QByteArray piece(100, 'y');
        QVERIFY(parser.feed("data: ").isEmpty());
        qsizetype fed = 6;
        while (!parser.overflowed() && fed < 4 * limit) {
            QVERIFY(parser.feed(piece).isEmpty());
            fed += piece.size();
        }
        QVERIFY(parser.overflowed());
        QVERIFY(fed > limit && fed <= limit + piece.size());
    }

    void ndjson()
    {
        NdjsonParser p(64);
        QCOMPARE(p.feed("{\"a\":1}\n\n{\"b\""), QList<QByteArray>{"{\"a\":1}"});
        QVERIFY(p.hasPartialLine());
        QCOMPARE(p.feed(":2}\r\n"), QList<QByteArray>{"{\"b\":2}"});
        QVERIFY(p.feed(QByteArray(100, 'x')).isEmpty());
        QVERIFY(p.overflowed());
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
