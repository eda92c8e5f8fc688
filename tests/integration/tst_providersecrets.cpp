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

// A keychain that answers reads only when told to, as a slow or locked one would.
class HeldSecretStore : public MemorySecretStore
{
public:
    void read(const QString &key, Callback done) override
    {
        m_held.append([this, key, done] { MemorySecretStore::read(key, done); });
    }
    void release()
    {
        const auto held = std::exchange(m_held, {});
        for (const auto &answer : held)
            answer();
    }

private:
    QList<std::function<void()>> m_held;
};

// A provider whose credential header and query parameter are in `secrets`, an access key,
// and a gateway on an ephemeral port.
struct Fixture
{
    QTemporaryDir dir;
    FakeUpstream upstream;
    ConfigStore store{dir.path()};
    QByteArray accessKey;
    const QByteArray headerValue = "header-secret-4711";
    const QByteArray queryValue = "query secret&4712";

    bool prepare(SecretStore &secrets)
    {
        if (!upstream.listen())
            return false;
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
        accessKey = created.key.toLatin1();
        if (!store.save(config).ok())
            return false;
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
        return write(SecretStore::providerSecretName(config.instanceId, p.id,
                                                     QStringLiteral("header"),
                                                     QStringLiteral("X-Goog-Api-Key")),
                     headerValue) &&
               write(SecretStore::providerSecretName(
                         config.instanceId, p.id, QStringLiteral("query"), QStringLiteral("key")),
                     queryValue);
    }

    HttpTestClient::Response chat(quint16 port) const
    {
        return HttpTestClient::request(
            port, "POST", "/v1/chat/completions",
            "{\"model\":\"gemini:echo-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            {{"Authorization", "Bearer " + accessKey}, {"Content-Type", "application/json"}});
    }

    // The chat calls the provider received; model discovery may call it too.
    QList<HttpRequest> chatCalls() const
    {
        QList<HttpRequest> out;
        for (const HttpRequest &request : std::as_const(upstream.received)) {
            if (request.path.endsWith("/chat/completions"))
                out.append(request);
        }
        return out;
    }
};

class TestProviderSecrets : public QObject
{
    Q_OBJECT
private slots:
    void secretHeaderAndQueryReachTheUpstreamOnly()
    {
        MemorySecretStore secrets;
        Fixture f;
        QVERIFY(f.prepare(secrets));
        GatewayRuntime runtime(f.store, &secrets, {quint16(0), std::nullopt});
        QSignalSpy listening(&runtime, &GatewayRuntime::listening);
        QSignalSpy reloaded(&runtime, &GatewayRuntime::configReloaded);
        QVERIFY(runtime.start().ok());
        QVERIFY(listening.wait(5000) || !listening.isEmpty());
        QTRY_VERIFY(!reloaded.isEmpty());
        QCOMPARE(f.chat(quint16(runtime.localUrl().port())).status, 200);
        const auto calls = f.chatCalls();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().header("x-goog-api-key"), f.headerValue);
        QVERIFY2(calls.first().query.contains("key=query%20secret%264712"),
                 calls.first().target.constData());

        QFile file(f.store.configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray onDisk = file.readAll();
        QVERIFY(onDisk.contains("X-Goog-Api-Key"));
        QVERIFY(!onDisk.contains(f.headerValue));
        QVERIFY(!onDisk.contains("4712"));
    }

    // Until the keychain has answered, the provider is not called at all: never without
    // its credentials.
    void noCallWhileTheKeychainIsStillLoading()
    {
        HeldSecretStore secrets;
        Fixture f;
        QVERIFY(f.prepare(secrets));
        GatewayRuntime runtime(f.store, &secrets, {quint16(0), std::nullopt});
        QSignalSpy listening(&runtime, &GatewayRuntime::listening);
        QSignalSpy reloaded(&runtime, &GatewayRuntime::configReloaded);
        QVERIFY(runtime.start().ok());
        QVERIFY(listening.wait(5000) || !listening.isEmpty());
        const quint16 port = quint16(runtime.localUrl().port());
        const auto early = f.chat(port);
        QCOMPARE(early.status, 503);
        QVERIFY2(early.body.contains("provider_key_unavailable") &&
                     early.body.contains("still being loaded"),
                 early.body.constData());
        QVERIFY(f.upstream.received.isEmpty()); // no chat call, no model list either
        secrets.release();
        QTRY_VERIFY(!reloaded.isEmpty());
        QCOMPARE(f.chat(port).status, 200);
        const auto calls = f.chatCalls();
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().header("x-goog-api-key"), f.headerValue);
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
