#include "gateway/RequestGuard.h"

#include <QTest>

using namespace gatehouse;

class TestRequestGuard : public QObject
{
    Q_OBJECT
private slots:
    void check_data()
    {
        QTest::addColumn<QString>("bind");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<int>("status"); // 0: allowed
        QTest::newRow("ip and port")
            << "127.0.0.1" << QByteArray("127.0.0.1:4777") << QByteArray() << 0;
        QTest::newRow("localhost")
            << "127.0.0.1" << QByteArray("localhost:4777") << QByteArray() << 0;
        QTest::newRow("LOCALHOST")
            << "127.0.0.1" << QByteArray("LOCALHOST:4777") << QByteArray() << 0;
        QTest::newRow("ipv6 loopback")
            << "127.0.0.1" << QByteArray("[::1]:4777") << QByteArray() << 0;
        QTest::newRow("no port") << "127.0.0.1" << QByteArray("localhost") << QByteArray() << 0;
        QTest::newRow("wrong port")
            << "127.0.0.1" << QByteArray("localhost:80") << QByteArray() << 403;
        QTest::newRow("rebinding name")
            << "127.0.0.1" << QByteArray("evil.example:4777") << QByteArray() << 403;
        QTest::newRow("localhost suffix trick")
            << "127.0.0.1" << QByteArray("localhost.evil.example:4777") << QByteArray() << 403;
        QTest::newRow("missing host") << "127.0.0.1" << QByteArray() << QByteArray() << 400;
        QTest::newRow("bound lan address")
            << "192.168.1.5" << QByteArray("192.168.1.5:4777") << QByteArray() << 0;
        QTest::newRow("other lan address")
            << "192.168.1.5" << QByteArray("192.168.1.6:4777") << QByteArray() << 403;
        QTest::newRow("browser other origin") << "127.0.0.1" << QByteArray("127.0.0.1:4777")
                                              << QByteArray("https://evil.example") << 403;
        QTest::newRow("null origin")
            << "127.0.0.1" << QByteArray("127.0.0.1:4777") << QByteArray("null") << 403;
        QTest::newRow("allowed origin") << "127.0.0.1" << QByteArray("127.0.0.1:4777")
                                        << QByteArray("http://localhost:3000") << 0;
        QTest::newRow("allowed origin other case") << "127.0.0.1" << QByteArray("127.0.0.1:4777")
                                                   << QByteArray("HTTP://LOCALHOST:3000") << 0;
    }
    void check()
    {
        QFETCH(QString, bind);
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, origin);
        QFETCH(int, status);
        const RequestGuard guard(bind, 4777, {QStringLiteral("http://localhost:3000")});
        HttpRequest request;
        request.method = "GET";
        request.path = "/v1/models";
        if (!host.isEmpty())
            request.headers.append({"host", host});
        if (!origin.isEmpty())
            request.headers.append({"origin", origin});
        const auto error = guard.check(request);
        QCOMPARE(error ? error->status : 0, status);
        if (error)
            QVERIFY(!error->message.isEmpty());
    }

    void hostIsCheckedAgainstTheReachedAddress_data()
    {
        QTest::addColumn<QString>("bind");
        QTest::addColumn<QString>("local"); // the address the client's connection reached
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<int>("status"); // 0: allowed
        QTest::newRow("lan client of 0.0.0.0")
            << "0.0.0.0"
            << "192.168.1.5" << QByteArray("192.168.1.5:4777") << 0;
        QTest::newRow("lan client without port") << "0.0.0.0"
                                                 << "192.168.1.5" << QByteArray("192.168.1.5") << 0;
        QTest::newRow("other address") << "0.0.0.0"
                                       << "192.168.1.5" << QByteArray("192.168.1.6:4777") << 403;
        QTest::newRow("wrong port") << "0.0.0.0"
                                    << "192.168.1.5" << QByteArray("192.168.1.5:4778") << 403;
        QTest::newRow("wildcard is no host name")
            << "0.0.0.0"
            << "192.168.1.5" << QByteArray("0.0.0.0:4777") << 403;
        QTest::newRow("ipv4 client of ::")
            << "::"
            << "::ffff:192.168.1.5" << QByteArray("192.168.1.5:4777") << 0;
        QTest::newRow("ipv6 client of ::") << "::"
                                           << "fd00::5" << QByteArray("[fd00::5]:4777") << 0;
        QTest::newRow("rebinding name") << "0.0.0.0"
                                        << "192.168.1.5" << QByteArray("evil.example:4777") << 403;
    }
    void hostIsCheckedAgainstTheReachedAddress()
    {
        QFETCH(QString, bind);
        QFETCH(QString, local);
        QFETCH(QByteArray, host);
        QFETCH(int, status);
        const RequestGuard guard(bind, 4777, {});
        HttpRequest request;
        request.method = "GET";
        request.path = "/v1/models";
        request.headers.append({"host", host});
        request.environment.localAddress = QHostAddress(local);
        request.environment.localPort = 4777;
        const auto error = guard.check(request);
        QCOMPARE(error ? error->status : 0, status);
    }

    void duplicateHostOrOriginIs400_data()
    {
        QTest::addColumn<HttpHeaders>("headers");
        QTest::newRow("two hosts")
            << HttpHeaders{{"host", "127.0.0.1:4777"}, {"host", "evil.example"}};
        QTest::newRow("same host twice")
            << HttpHeaders{{"host", "127.0.0.1:4777"}, {"host", "127.0.0.1:4777"}};
        QTest::newRow("two origins") << HttpHeaders{{"host", "127.0.0.1:4777"},
                                                    {"origin", "http://localhost:3000"},
                                                    {"origin", "https://evil.example"}};
    }
    void duplicateHostOrOriginIs400()
    {
        QFETCH(HttpHeaders, headers);
        const RequestGuard guard(QStringLiteral("127.0.0.1"), 4777,
                                 {QStringLiteral("http://localhost:3000")});
        HttpRequest request;
        request.method = "GET";
        request.path = "/v1/models";
        request.headers = headers;
        const auto error = guard.check(request);
        QVERIFY(error);
        QCOMPARE(error->status, 400);
    }

    void allowedOriginIsEchoedNeverWildcard()
    {
        const RequestGuard guard(QStringLiteral("127.0.0.1"), 4777,
                                 {QStringLiteral("http://localhost:3000")});
        HttpRequest request;
        request.headers = {{"host", "localhost:4777"}, {"origin", "http://localhost:3000"}};
        QCOMPARE(guard.allowedOrigin(request), QByteArray("http://localhost:3000"));
        request.headers = {{"host", "localhost:4777"}};
        QVERIFY(guard.allowedOrigin(request).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRequestGuard)
#include "tst_requestguard.moc"
