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
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
