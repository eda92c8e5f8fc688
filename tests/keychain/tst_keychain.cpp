// The real Secret Service: run inside tests/keychain/run-with-keyring.sh.
#include "FakeUpstream.h"
#include "GatehouseProcess.h"
#include "HttpTestClient.h"
#include "secrets/KeychainSecretStore.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

class TestKeychain : public QObject
{
    Q_OBJECT
private:
    static SecretResult wait(const std::function<void(SecretStore::Callback)> &op)
    {
        SecretResult result{SecretResult::Error::OtherError,
                            QStringLiteral("the keychain did not answer in time"),
                            {}};
        bool done = false;
        op([&](const SecretResult &r) {
            result = r;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
        return result;
    }

    // Keychain entries are scoped by the config's instance id.
    static QString instanceIdOf(const QString &configDir)
    {
        QFile config(QDir(configDir).filePath(QStringLiteral("config.json")));
        if (!config.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(config.readAll())
            .object()
            .value(QLatin1String("instanceId"))
            .toString();
    }

    // Creates an access key, starts `gateway` on the config in `cfg` and waits until a chat call
    // for `model` through it is answered: provider keys are read from the keychain right after
    // start, and until then the provider answers 503.
    static void startAndWaitForChat(GatehouseProcess &gateway, const QStringList &cfg,
                                    const QByteArray &model)
    {
        const QByteArray key =
            GatehouseProcess::run(cfg + QStringList{QStringLiteral("key"), QStringLiteral("create"),
                                                    QStringLiteral("t")})
                .out.trimmed();
        QVERIFY(gateway.startHeadless(cfg +
                                      QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
        const QByteArray body =
            "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        QTRY_COMPARE_WITH_TIMEOUT(HttpTestClient::request(gateway.port(), "POST",
                                                          "/v1/chat/completions", body,
                                                          {{"Authorization", "Bearer " + key}})
                                      .status,
                                  200, 10000);
    }

    // No file under `dir` holds any of `secrets` in clear.
    static void checkNoFileHolds(const QString &dir, const QList<QByteArray> &secrets)
    {
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            for (const QByteArray &secret : secrets)
                QVERIFY2(!content.contains(secret), qPrintable(f.fileName()));
        }
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("No D-Bus session: run this test through tests/keychain/run-with-keyring.sh");
    }

    void writeReadOverwriteDelete()
    {
        KeychainSecretStore store(QStringLiteral("Gatehouse tests"));
        const QString name =
            QStringLiteral("provider/test-%1/openai").arg(QCoreApplication::applicationPid());
        auto r = wait([&](auto done) { store.write(name, "sk-first", done); });
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        r = wait([&](auto done) { store.read(name, done); });
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QCOMPARE(r.value, QByteArray("sk-first"));
        QVERIFY(wait([&](auto done) { store.write(name, "sk-second", done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(name, done); }).value, QByteArray("sk-second"));
        QVERIFY(wait([&](auto done) { store.remove(name, done); }).ok());
        r = wait([&](auto done) { store.read(name, done); });
        QCOMPARE(r.error, SecretResult::Error::NotFound);
    }

    void providerKeyFromCliReachesTheUpstreamOnly()
    {
        QTemporaryDir dir;
        const QStringList cfg{QStringLiteral("--config-dir"), dir.path()};
        FakeUpstream upstream;
        QVERIFY(upstream.listen());
        QCOMPARE(GatehouseProcess::run(
                     cfg + QStringList{QStringLiteral("provider"), QStringLiteral("add"),
                                       QStringLiteral("cloud"), QStringLiteral("--url"),
                                       upstream.baseUrl(), QStringLiteral("--surface"),
                                       QStringLiteral("openai")})
                     .exitCode,
                 0);
        const QByteArray secret = "sk-live-" +
                                  QByteArray::number(QCoreApplication::applicationPid()) +
                                  "-abcdefghijklmnop";
        const auto set = GatehouseProcess::run(cfg + QStringList{QStringLiteral("provider"),
                                                                 QStringLiteral("set-key"),
                                                                 QStringLiteral("cloud")},
                                               secret + "\n");
        QVERIFY2(set.exitCode == 0, set.err.constData());
        QVERIFY(!set.out.contains(secret) && !set.err.contains(secret));
        QVERIFY(GatehouseProcess::run(
                    cfg + QStringList{QStringLiteral("provider"), QStringLiteral("list")})
                    .out.contains("keychain"));

        GatehouseProcess gateway;
        startAndWaitForChat(gateway, cfg, "cloud:gpt-x");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!upstream.received.isEmpty());
        QCOMPARE(upstream.received.last().header("authorization"), "Bearer " + secret);
        QCOMPARE(gateway.terminate(), 0);
        QVERIFY(!gateway.process().readAllStandardOutput().contains(secret));
        QVERIFY(!gateway.process().readAllStandardError().contains(secret));

        // Nothing in the config folder holds the key in clear.
        checkNoFileHolds(dir.path(), {secret});
        if (QTest::currentTestFailed())
            return;

        // Removing the provider removes its key from the keychain too.
        QCOMPARE(GatehouseProcess::run(cfg + QStringList{QStringLiteral("provider"),
                                                         QStringLiteral("remove"),
                                                         QStringLiteral("cloud")})
                     .exitCode,
                 0);
        KeychainSecretStore store;
        const QString instance = instanceIdOf(dir.path());
        QVERIFY(!instance.isEmpty());
        const auto r = wait([&](auto done) {
            store.read(SecretStore::providerKeyName(instance, QStringLiteral("cloud")), done);
        });
        QCOMPARE(r.error, SecretResult::Error::NotFound);
    }

    void credentialHeaderAndUrlKeyGoToTheKeychain()
    {
        QTemporaryDir dir;
        const QStringList cfg{QStringLiteral("--config-dir"), dir.path()};
        FakeUpstream upstream;
        QVERIFY(upstream.listen());
        const QByteArray headerSecret =
            "goog-" + QByteArray::number(QCoreApplication::applicationPid()) + "-header";
        const QByteArray urlSecret =
            "url-" + QByteArray::number(QCoreApplication::applicationPid()) + "-query";
        const auto add = GatehouseProcess::run(
            cfg +
            QStringList{QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("gemini"),
                        QStringLiteral("--url"),
                        upstream.baseUrl() + QStringLiteral("?key=") +
                            QString::fromLatin1(urlSecret) + QStringLiteral("&alt=json"),
                        QStringLiteral("--surface"), QStringLiteral("openai"),
                        QStringLiteral("--header"),
                        QStringLiteral("X-Goog-Api-Key: ") + QString::fromLatin1(headerSecret),
                        QStringLiteral("--secret-header"),
                        QStringLiteral("X-Other: ") + QString::fromLatin1(headerSecret) +
                            QStringLiteral("-2")});
        QVERIFY2(add.exitCode == 0, add.err.constData());
        QVERIFY(!add.out.contains(headerSecret) && !add.out.contains(urlSecret));
        GatehouseProcess gateway;
        startAndWaitForChat(gateway, cfg, "gemini:m");
        if (QTest::currentTestFailed())
            return;
        // The chat call itself; model discovery may call the provider too.
        HttpRequest sent;
        for (const HttpRequest &r : std::as_const(upstream.received)) {
            if (r.path.endsWith("/chat/completions"))
                sent = r;
        }
        QVERIFY(!sent.path.isEmpty());
        QCOMPARE(sent.header("x-goog-api-key"), headerSecret);
        QCOMPARE(sent.header("x-other"), headerSecret + "-2");
        QVERIFY2(sent.query.contains(QByteArray("key=" + urlSecret)) &&
                     sent.query.contains("alt=json"),
                 sent.target.constData());
        QCOMPARE(gateway.terminate(), 0);
        checkNoFileHolds(dir.path(), {headerSecret, urlSecret});
        if (QTest::currentTestFailed())
            return;
        // Removing the provider removes them from the keychain too.
        QCOMPARE(GatehouseProcess::run(cfg + QStringList{QStringLiteral("provider"),
                                                         QStringLiteral("remove"),
                                                         QStringLiteral("gemini")})
                     .exitCode,
                 0);
        KeychainSecretStore store;
        const auto r = wait([&](auto done) {
            store.read(SecretStore::providerSecretName(
                           instanceIdOf(dir.path()), QStringLiteral("gemini"),
                           QStringLiteral("header"), QStringLiteral("X-Goog-Api-Key")),
                       done);
        });
        QCOMPARE(r.error, SecretResult::Error::NotFound);
    }

    void labelledKeysBillTheAccountTheKeyConfigurationNames()
    {
        QTemporaryDir dir;
        const QStringList cfg{QStringLiteral("--config-dir"), dir.path()};
        FakeUpstream upstream;
        QVERIFY(upstream.listen());
        auto gh = [&cfg](const QStringList &args, const QByteArray &input = {}) {
            const auto r = GatehouseProcess::run(cfg + args, input);
            [&] { QVERIFY2(r.exitCode == 0, r.err.constData()); }();
            return r;
        };
        gh({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("cloud"),
            QStringLiteral("--url"), upstream.baseUrl(), QStringLiteral("--surface"),
            QStringLiteral("openai")});
        gh({QStringLiteral("provider"), QStringLiteral("set-key"), QStringLiteral("cloud")},
           "sk-personal\n");
        gh({QStringLiteral("provider"), QStringLiteral("set-key"), QStringLiteral("cloud"),
            QStringLiteral("--label"), QStringLiteral("work")},
           "sk-work\n");
        gh({QStringLiteral("key"), QStringLiteral("config"), QStringLiteral("set"),
            QStringLiteral("office"), QStringLiteral("--provider-key"),
            QStringLiteral("cloud=work")});
        const QByteArray office =
            gh({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("office"),
                QStringLiteral("--key-config"), QStringLiteral("office")})
                .out.trimmed();
        const QByteArray home =
            gh({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("home")})
                .out.trimmed();
        // Adding a key is all a catalog provider needs.
        const auto catalog =
            gh({QStringLiteral("provider"), QStringLiteral("set-key"), QStringLiteral("mistral")},
               "sk-mistral\n");
        QVERIFY(catalog.out.contains("from the catalog"));
        QVERIFY(gh({QStringLiteral("provider"), QStringLiteral("list")})
                    .out.contains("https://api.mistral.ai/v1"));

        GatehouseProcess gateway;
        QVERIFY(gateway.startHeadless(cfg +
                                      QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
        const QByteArray body =
            "{\"model\":\"cloud:gpt-x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        QTRY_COMPARE_WITH_TIMEOUT(HttpTestClient::request(gateway.port(), "POST",
                                                          "/v1/chat/completions", body,
                                                          {{"Authorization", "Bearer " + office}})
                                      .status,
                                  200, 10000);
        QCOMPARE(upstream.received.last().header("authorization"), QByteArray("Bearer sk-work"));
        QCOMPARE(HttpTestClient::request(gateway.port(), "POST", "/v1/chat/completions", body,
                                         {{"Authorization", "Bearer " + home}})
                     .status,
                 200);
        QCOMPARE(upstream.received.last().header("authorization"),
                 QByteArray("Bearer sk-personal"));
        // The catalog provider's models are listed with what the catalog knows of them.
        const auto models = HttpTestClient::request(gateway.port(), "GET", "/v1/models", {},
                                                    {{"Authorization", "Bearer " + home}});
        QVERIFY(models.body.contains("\"mistral:mistral-small-latest\""));
        QVERIFY(models.body.contains("\"context_length\""));
        QCOMPARE(gateway.terminate(), 0);

        // Removing the provider removes both of its keys.
        gh({QStringLiteral("provider"), QStringLiteral("remove"), QStringLiteral("cloud")});
        const QString instance = instanceIdOf(dir.path());
        KeychainSecretStore store;
        for (const QString &label : {QString(), QStringLiteral("work")}) {
            const auto r = wait([&](auto done) {
                store.read(SecretStore::providerKeyName(instance, QStringLiteral("cloud"), label),
                           done);
            });
            QCOMPARE(r.error, SecretResult::Error::NotFound);
        }
        gh({QStringLiteral("provider"), QStringLiteral("remove"), QStringLiteral("mistral")});
    }
    // Keys found in an imported file (a value, an environment variable it names) go to the
    // keychain, never to a file; exports leave them out unless --with-keys asks for them.
    void importedKeysLeaveOnlyWhenAskedFor()
    {
        QTemporaryDir dir;
        const QString configDir = dir.filePath(QStringLiteral("config"));
        const QStringList cfg{QStringLiteral("--config-dir"), configDir};
        const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid());
        const QByteArray literal = "sk-literal-" + pid + "-abcdefghijklmnop";
        const QByteArray fromEnvironment = "sk-ant-env-" + pid + "-qrstuvwxyz";
        QFile yaml(dir.filePath(QStringLiteral("litellm.yaml")));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("model_list:\n"
                   "  - model_name: fast\n"
                   "    litellm_params:\n"
                   "      model: openai/local-model\n"
                   "      api_base: http://127.0.0.1:9/v1\n"
                   "      api_key: " +
                   literal +
                   "\n"
                   "  - model_name: fast\n"
                   "    litellm_params:\n"
                   "      model: anthropic/claude-sonnet-4-5\n"
                   "      api_key: os.environ/GATEHOUSE_TEST_ANTHROPIC_KEY\n");
        yaml.close();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GATEHOUSE_TEST_ANTHROPIC_KEY"),
                   QString::fromUtf8(fromEnvironment));
        const auto imported = GatehouseProcess::run(
            cfg + QStringList{QStringLiteral("import"), QStringLiteral("--from"),
                              QStringLiteral("litellm"), yaml.fileName()},
            {}, env);
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY(!imported.out.contains(literal));
        QVERIFY(!imported.out.contains(fromEnvironment));
        checkNoFileHolds(configDir, {literal, fromEnvironment});
        KeychainSecretStore store;
        const QString instance = instanceIdOf(configDir);
        QCOMPARE(wait([&](auto done) {
                     store.read(SecretStore::providerKeyName(instance, QStringLiteral("anthropic")),
                                done);
                 }).value,
                 fromEnvironment);

        for (const QString &format : {QStringLiteral("portkey"), QStringLiteral("litellm"),
                                      QStringLiteral("envoy-ai-gateway")}) {
            const QStringList exportArgs{QStringLiteral("export"), QStringLiteral("--format"),
                                         format};
            const auto plain = GatehouseProcess::run(cfg + exportArgs);
            QVERIFY2(plain.exitCode == 0, plain.err.constData());
            QVERIFY2(!plain.out.contains(literal), qPrintable(format));
            QVERIFY2(!plain.out.contains(fromEnvironment), qPrintable(format));
            const QString out = dir.filePath(format + QStringLiteral(".out"));
            const auto withKeys = GatehouseProcess::run(
                cfg + exportArgs +
                QStringList{QStringLiteral("--with-keys"), QStringLiteral("--out"), out});
            QVERIFY2(withKeys.exitCode == 0, withKeys.err.constData());
            QVERIFY(withKeys.err.contains("clear text"));
            QFile written(out);
            QVERIFY(written.open(QIODevice::ReadOnly));
            QCOMPARE(written.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                     QFileDevice::Permissions());
            const QByteArray content = written.readAll();
            QVERIFY2(content.contains(literal), qPrintable(format));
            QVERIFY2(content.contains(fromEnvironment), qPrintable(format));
        }
        for (const QString &provider :
             {QStringLiteral("openai-127-0-0-1"), QStringLiteral("anthropic")})
            QCOMPARE(GatehouseProcess::run(cfg + QStringList{QStringLiteral("provider"),
                                                             QStringLiteral("remove"), provider})
                         .exitCode,
                     0);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
