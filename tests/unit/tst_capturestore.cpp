// Captured bodies: kept in an owner-only file of their own, keys redacted, streams assembled
// into their text, expired ones gone, and a key configuration's capture settings in its JSON.
#include "config/Routing.h"
#include "log/CaptureStore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace gatehouse;

class TestCaptureStore : public QObject
{
    Q_OBJECT
private slots:
    void redacts_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("access key")
            << QByteArray("my key is gh_abcdefgh1234 ok") << QByteArray("my key is [redacted] ok");
        QTest::newRow("provider key twice")
            << QByteArray("sk-provider-secret and sk-provider-secret")
            << QByteArray("[redacted] and [redacted]");
        QTest::newRow("nothing to redact") << QByteArray("hello") << QByteArray("hello");
        QTest::newRow("short secrets are left") << QByteArray("abc") << QByteArray("abc");
    }
    void redacts()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        QCOMPARE(CaptureStore::redact(
                     text, {"gh_abcdefgh1234", "sk-provider-secret", "abc", QByteArray()}),
                 expected);
    }

    void assemblesStreams_data()
    {
        QTest::addColumn<QByteArray>("events");
        QTest::newRow("chat completions")
            << QByteArray("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
                          "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"
                          "data: [DONE]\n\n");
        QTest::newRow("messages") << QByteArray(
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
            "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n"
            "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
            "\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}\n\n");
        QTest::newRow("responses")
            << QByteArray("event: response.output_text.delta\ndata: {\"type\":\"response.output_"
                          "text.delta\",\"delta\":\"Hello\"}\n\n");
        QTest::newRow("ollama") << QByteArray("{\"message\":{\"content\":\"Hel\"}}\n"
                                              "{\"message\":{\"content\":\"lo\"},\"done\":true}\n");
        QTest::newRow("gemini array")
            << QByteArray("[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}]}}]}\n"
                          ",{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"lo\"}]}}]}\n]");
    }
    void assemblesStreams()
    {
        QFETCH(QByteArray, events);
        QCOMPARE(CaptureStore::assembleText(events), QByteArray("Hello"));
    }

    void storesFindsAndForgets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("captures.sqlite"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            CaptureStore store(path);
            QVERIFY(store.open());
            CapturedExchange c;
            c.requestId = QStringLiteral("req_1");
            c.timeMs = now;
            c.accessKey = QStringLiteral("alice");
            c.keepUntilMs = now + 86'400'000;
            c.requestBody = "{\"prompt\":1}";
            c.responseBody = "answer";
            c.responseEvents = "data: x\n\n";
            store.store(c);
            CapturedExchange expired = c;
            expired.requestId = QStringLiteral("req_old");
            expired.keepUntilMs = now - 1;
            store.store(expired);
            store.flush();
        }
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        auto found = CaptureStore::find(path, QStringLiteral("req_1"));
        QVERIFY2(found, qPrintable(found.error()));
        QVERIFY(found.value().has_value());
        QCOMPARE(found.value()->requestBody, QByteArray("{\"prompt\":1}"));
        QCOMPARE(found.value()->responseBody, QByteArray("answer"));
        QCOMPARE(found.value()->responseEvents, QByteArray("data: x\n\n"));
        auto old = CaptureStore::find(path, QStringLiteral("req_old"));
        QVERIFY(old);
        QVERIFY(!old.value().has_value()); // past its retention
        auto cleared = CaptureStore::clear(path);
        QVERIFY(cleared);
        auto gone = CaptureStore::find(path, QStringLiteral("req_1"));
        QVERIFY(gone);
        QVERIFY(!gone.value().has_value());
    }

    void keyConfigurationJson()
    {
        KeyConfiguration k;
        k.name = QStringLiteral("team");
        QVERIFY(!k.toJson().contains(QLatin1String("captureContent"))); // off by default
        QVERIFY(!k.capture.enabled);

        const QJsonObject json = QJsonDocument::fromJson(R"({"name":"team","allow":[],
            "captureContent":{"enabled":true,"retentionDays":3,"maxBodyBytes":4096,"future":1},
            "other":true})")
                                     .object();
        auto parsed = KeyConfiguration::fromJson(json);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        QVERIFY(parsed->capture.enabled);
        QCOMPARE(parsed->capture.retentionDays, 3);
        QCOMPARE(parsed->capture.maxBodyBytes, 4096);
        QCOMPARE(parsed->toJson(), json); // unknown fields kept, inside and out

        QVERIFY(!KeyConfiguration::fromJson(QJsonDocument::fromJson(R"({"name":"t","allow":[],
            "captureContent":{"enabled":true,"retentionDays":0}})")
                                                .object()));
        QVERIFY(!KeyConfiguration::fromJson(
            QJsonDocument::fromJson(R"({"name":"t","allow":[],"captureContent":true})").object()));
    }
};

QTEST_GUILESS_MAIN(TestCaptureStore)
#include "tst_capturestore.moc"
