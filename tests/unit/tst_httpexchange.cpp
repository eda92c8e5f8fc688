#include "http/HttpExchange.h"

#include <QTest>

using namespace gatehouse;

class TestHttpExchange : public QObject
{
    Q_OBJECT
private slots:
    void reasonPhrase_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("phrase");
        QTest::newRow("200") << 200 << QByteArray("OK");
        QTest::newRow("401") << 401 << QByteArray("Unauthorized");
        QTest::newRow("408") << 408 << QByteArray("Request Timeout");
        QTest::newRow("421") << 421 << QByteArray("Misdirected Request");
        QTest::newRow("529") << 529 << QByteArray("Overloaded");
        // Statuses without a name of their own are named by their class.
        QTest::newRow("103") << 103 << QByteArray("Informational");
        QTest::newRow("299") << 299 << QByteArray("Success");
        QTest::newRow("399") << 399 << QByteArray("Redirection");
        QTest::newRow("418") << 418 << QByteArray("Client Error");
        QTest::newRow("420") << 420 << QByteArray("Client Error");
        QTest::newRow("520") << 520 << QByteArray("Server Error");
        QTest::newRow("599") << 599 << QByteArray("Server Error");
    }
    void reasonPhrase()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, phrase);
        QCOMPARE(HttpExchange::reasonPhrase(status), phrase);
    }
};

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "tst_httpexchange.moc"
