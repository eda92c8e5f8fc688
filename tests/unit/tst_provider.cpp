#include "config/Provider.h"

#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;

class TestProvider : public QObject
{
    Q_OBJECT
private slots:
    void validateId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simple") << "openai" << true;
        QTest::newRow("dash") << "my-ollama" << true;
        QTest::newRow("digit first") << "1st" << true;
        QTest::newRow("40 chars") << QString(40, QLatin1Char('a')) << true;
        QTest::newRow("41 chars") << QString(41, QLatin1Char('a')) << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("dash first") << "-x" << false;
        QTest::newRow("upper case") << "OpenAI" << false;
        QTest::newRow("colon") << "a:b" << false;
        QTest::newRow("space") << "a b" << false;
        QTest::newRow("underscore") << "a_b" << false;
    }
    void validateId()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(Provider::validateId(id).ok(), valid);
    }

    void parseHeader_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("plain") << "X-Title: Gatehouse" << true << QByteArray("X-Title")
                               << QByteArray("Gatehouse");
        QTest::newRow("spaces trimmed")
            << "  HTTP-Referer :  https://x.example  " << true << QByteArray("HTTP-Referer")
            << QByteArray("https://x.example");
        QTest::newRow("colon in value")
            << "X-A: b:c" << true << QByteArray("X-A") << QByteArray("b:c");
        QTest::newRow("no colon") << "X-Title Gatehouse" << false << QByteArray() << QByteArray();
        QTest::newRow("empty name") << ": v" << false << QByteArray() << QByteArray();
        QTest::newRow("bad name") << "X Title: v" << false << QByteArray() << QByteArray();
        QTest::newRow("authorization refused")
            << "Authorization: Bearer sk-123" << false << QByteArray() << QByteArray();
        QTest::newRow("x-api-key refused")
            << "x-api-key: sk-123" << false << QByteArray() << QByteArray();
        QTest::newRow("host refused") << "Host: evil" << false << QByteArray() << QByteArray();
        QTest::newRow("line break")
            << QStringLiteral("X-A: b\r\nX-B: c") << false << QByteArray() << QByteArray();
    }
    void parseHeader()
    {
        QFETCH(QString, line);
        QFETCH(bool, valid);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        const auto h = Provider::parseHeader(line);
        QCOMPARE(h.ok(), valid);
        if (valid) {
            QCOMPARE(h->first, name);
            QCOMPARE(h->second, value);
        } else {
            QVERIFY(!h.error().isEmpty());
            QVERIFY(!h.error().contains(QLatin1String("sk-123")));
        }
    }

    void jsonRoundTrip()
    {
        Provider p;
        p.id = QStringLiteral("my-ollama");
        p.displayName = QStringLiteral("Ollama on this machine");
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434/v1"));
        p.surfaces = {ApiSurface::Anthropic, ApiSurface::Responses};
        p.models = {QStringLiteral("llama3.2:3b"), QStringLiteral("qwen2.5")};
        p.extraHeaders = {{"X-Title", "Gatehouse"}};
        p.timeouts.connectMs = 1234;
        p.enabled = false;
        p.hasKey = true;
        const auto back = Provider::fromJson(p.toJson());
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->id, p.id);
        QCOMPARE(back->displayName, p.displayName);
        QCOMPARE(back->baseUrl, p.baseUrl);
        QCOMPARE(back->surfaces, p.surfaces);
        QCOMPARE(back->models, p.models);
        QCOMPARE(back->extraHeaders, p.extraHeaders);
        QCOMPARE(back->timeouts.connectMs, 1234);
        QCOMPARE(back->enabled, false);
        QCOMPARE(back->hasKey, true);
    }

    void fromJsonRejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        QTest::newRow("public http")
            << QByteArray(
                   "{\"id\":\"x\",\"baseUrl\":\"http://example.com\",\"surface\":\"openai\"}")
            << "https://";
        QTest::newRow("bad surface")
            << QByteArray("{\"id\":\"x\",\"baseUrl\":\"https://example.com\",\"surface\":\"grpc\"}")
            << "surface";
        QTest::newRow("bad id")
            << QByteArray(
                   "{\"id\":\"X Y\",\"baseUrl\":\"https://example.com\",\"surface\":\"openai\"}")
            << "provider id";
        QTest::newRow("models not list")
            << QByteArray("{\"id\":\"x\",\"baseUrl\":\"https://"
                          "example.com\",\"surface\":\"openai\",\"models\":\"a\"}")
            << "models";
        QTest::newRow("secret header")
            << QByteArray("{\"id\":\"x\",\"baseUrl\":\"https://"
                          "example.com\",\"surface\":\"openai\",\"headers\":{\"Authorization\":"
                          "\"Bearer z\"}}")
            << "keychain";
        QTest::newRow("negative timeout")
            << QByteArray("{\"id\":\"x\",\"baseUrl\":\"https://"
                          "example.com\",\"surface\":\"openai\",\"timeouts\":{\"idleMs\":-1}}")
            << "timeout";
    }
    void fromJsonRejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        const auto p = Provider::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!p.ok());
        QVERIFY2(p.error().contains(reason), qPrintable(p.error()));
    }
};

QTEST_GUILESS_MAIN(TestProvider)
#include "tst_provider.moc"
