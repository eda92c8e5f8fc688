// Credential headers and URL parameters of a provider: read from the SecretStore when the
// gateway starts, sent to the provider, never in the config file.
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "config/ConfigStore.h"
#include "gateway/GatewayRuntime.h"
#include "secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

class TestProviderSecrets : public QObject
{
    Q_OBJECT
private slots:
    void secretHeaderAndQueryReachTheUpstreamOnly()
    {
        QTemporaryDir dir;
        FakeUpstream upstream;
        QVERIFY(upstream.listen());
        ConfigStore store(dir.path());
        MemorySecretStore secrets;
        Config config;
        config.instanceId = QStringLiteral("0123456789abcdef");
        Provider p;
        p.id = QStringLiteral("gemini");
        p.baseUrl = QUrl(upstream.baseUrl());
        p.secretHeaders = {QStringLiteral("X-Goog-Api-Key")};
        p.secretQueryItems = {QStringLiteral("key")};
        config.providers = {p};
        const auto created = AccessKeys::create(QStringLiteral("t"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        config.accessKeys = {created.record};
        QVERIFY(store.save(config).ok());
        const QByteArray headerValue = "header-secret-4711";
        const QByteArray queryValue = "query secret&4712";
        auto write = [&secrets](const QString &name, const QByteArray &value) {
            bool ok = false;
            QEventLoop loop;
            secrets.write(name, value, [&](const SecretResult &r) {
                ok = r.ok();
                loop.quit();
            });
            loop.exec();
            return ok;
        };
        QVERIFY(
            write(SecretStore::providerSecretName(config.instanceId, p.id, QStringLiteral("header"),
                                                  QStringLiteral("X-Goog-Api-Key")),
                  headerValue));
        QVERIFY(write(SecretStore::providerSecretName(
                          config.instanceId, p.id, QStringLiteral("query"), QStringLiteral("key")),
                      queryValue));

        GatewayRuntime runtime(store, &secrets, {quint16(0), std::nullopt});
        QSignalSpy listening(&runtime, &GatewayRuntime::listening);
        QSignalSpy reloaded(&runtime, &GatewayRuntime::configReloaded);
        QVERIFY(runtime.start().ok());
        QVERIFY(listening.wait(5000) || !listening.isEmpty());
        QTRY_VERIFY(!reloaded.isEmpty());
        const quint16 port = quint16(runtime.localUrl().port());
        const auto r = HttpTestClient::request(
            port, "POST", "/v1/chat/completions",
            "{\"model\":\"gemini:echo-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            {{"Authorization", "Bearer " + created.key.toLatin1()},
             {"Content-Type", "application/json"}});
        QCOMPARE(r.status, 200);
        QVERIFY(!upstream.received.isEmpty());
        // The chat call itself; model discovery may call the provider too.
        HttpRequest sent;
        for (const HttpRequest &request : std::as_const(upstream.received)) {
            if (request.path.endsWith("/chat/completions"))
                sent = request;
        }
        QVERIFY(!sent.path.isEmpty());
        QCOMPARE(sent.header("x-goog-api-key"), headerValue);
        QVERIFY2(sent.query.contains("key=query%20secret%264712"), sent.target.constData());

        QFile file(store.configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray onDisk = file.readAll();
        QVERIFY(onDisk.contains("X-Goog-Api-Key"));
        QVERIFY(!onDisk.contains(headerValue));
        QVERIFY(!onDisk.contains("4712"));
    }

    void credentialHeadersAreNeverPlainHeaders_data()
    {
        QTest::addColumn<QString>("line");
        for (const char *h : {"X-Goog-Api-Key: v", "api-key: v", "x-api-key: v",
                              "Authorization: Bearer v", "Proxy-Authorization: v", "Cookie: a=b"})
            QTest::newRow(h) << QString::fromLatin1(h);
    }
    void credentialHeadersAreNeverPlainHeaders()
    {
        QFETCH(QString, line);
        const auto plain = Provider::parseHeader(line);
        QVERIFY(!plain.ok());
        QVERIFY2(plain.error().contains(QLatin1String("keychain")), qPrintable(plain.error()));
        QVERIFY(Provider::parseHeader(line, true).ok());
    }
};

QTEST_GUILESS_MAIN(TestProviderSecrets)
#include "tst_providersecrets.moc"
