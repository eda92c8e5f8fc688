#include "config/UrlPolicy.h"

#include <QTest>

using namespace gatehouse;

class TestUrlPolicy : public QObject
{
    Q_OBJECT
private slots:
    void checkBaseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("normalised");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("https public")
            << "https://api.openai.com/v1" << true << "https://api.openai.com/v1"
            << "";
        QTest::newRow("trailing slash dropped")
            << "https://api.openai.com/v1/" << true << "https://api.openai.com/v1"
            << "";
        QTest::newRow("http loopback")
            << "http://127.0.0.1:11434/v1" << true << "http://127.0.0.1:11434/v1"
            << "";
        QTest::newRow("http loopback range")
            << "http://127.8.9.10:8000/v1" << true << "http://127.8.9.10:8000/v1"
            << "";
        QTest::newRow("http localhost")
            << "http://localhost:1234/v1" << true << "http://localhost:1234/v1"
            << "";
        QTest::newRow("http ipv6 loopback")
            << "http://[::1]:8080/v1" << true << "http://[::1]:8080/v1"
            << "";
        QTest::newRow("http 10/8") << "http://10.1.2.3:8000/v1" << true << "http://10.1.2.3:8000/v1"
                                   << "";
        QTest::newRow("http 172.16/12")
            << "http://172.31.255.1/v1" << true << "http://172.31.255.1/v1"
            << "";
        QTest::newRow("http 192.168/16")
            << "http://192.168.1.20:11434/v1" << true << "http://192.168.1.20:11434/v1"
            << "";
        QTest::newRow("http link-local")
            << "http://169.254.3.4/v1" << true << "http://169.254.3.4/v1"
            << "";
        QTest::newRow("http fc00::/7")
            << "http://[fd12::1]:8000/v1" << true << "http://[fd12::1]:8000/v1"
            << "";
        QTest::newRow("http ipv6 link-local")
            << "http://[fe80::1]/v1" << true << "http://[fe80::1]/v1"
            << "";
        QTest::newRow("http .local")
            << "http://gpu-box.local:8000/v1" << true << "http://gpu-box.local:8000/v1"
            << "";
        QTest::newRow("http .lan") << "http://gpu.lan/v1" << true << "http://gpu.lan/v1"
                                   << "";
        QTest::newRow("http .internal")
            << "http://llm.internal/v1" << true << "http://llm.internal/v1"
            << "";
        QTest::newRow("http .home.arpa")
            << "http://box.home.arpa/v1" << true << "http://box.home.arpa/v1"
            << "";
        QTest::newRow("scheme upper case")
            << "HTTPS://api.example.com" << true << "https://api.example.com"
            << "";
        QTest::newRow("http public host") << "http://api.openai.com/v1" << false << ""
                                          << "https://";
        QTest::newRow("http public ip") << "http://8.8.8.8/v1" << false << ""
                                        << "https://";
        QTest::newRow("http 172.32 is public") << "http://172.32.0.1/v1" << false << ""
                                               << "https://";
        QTest::newRow("http name that only looks local")
            << "http://local.example.com/v1" << false << ""
            << "https://";
        QTest::newRow("ftp") << "ftp://example.com" << false << ""
                             << "https://";
        QTest::newRow("no scheme") << "api.openai.com/v1" << false << ""
                                   << "https://";
        QTest::newRow("credentials") << "https://user:secret@api.example.com/v1" << false << ""
                                     << "keychain";
        QTest::newRow("empty") << "" << false << ""
                               << "empty";
        QTest::newRow("fragment") << "https://api.example.com/v1#x" << false << ""
                                  << "fragment";
    }
    void checkBaseUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QFETCH(QString, normalised);
        QFETCH(QString, reasonContains);
        const auto result = UrlPolicy::checkBaseUrl(url);
        QCOMPARE(result.ok(), allowed);
        if (allowed)
            QCOMPARE(result.value().toString(), normalised);
        else
            QVERIFY2(result.error().contains(reasonContains), qPrintable(result.error()));
    }
    void credentialsNeverEchoed()
    {
        const auto result =
            UrlPolicy::checkBaseUrl(QStringLiteral("https://user:hunter2@api.example.com/v1"));
        QVERIFY(!result.ok());
        QVERIFY(!result.error().contains(QLatin1String("hunter2")));
    }
};

QTEST_GUILESS_MAIN(TestUrlPolicy)
#include "tst_urlpolicy.moc"
