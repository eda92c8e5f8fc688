#include "config/ConfigStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestConfigStore : public QObject
{
    Q_OBJECT
private:
    static void writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static Config sampleConfig()
    {
        Config c;
        c.instanceId = QStringLiteral("0123456789abcdef");
        c.gateway.port = 5555;
        Provider p;
        p.id = QStringLiteral("my-ollama");
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434/v1"));
        p.models = {QStringLiteral("llama3.2:3b")};
        c.providers.append(p);
        c.accessKeys.append(AccessKeys::create(QStringLiteral("editor"), systemRandomBytes,
                                               QDateTime::currentDateTimeUtc())
                                .record);
        return c;
    }
    // Writes `content` as `store`'s config file and loads it: the load must fail with an error
    // that names the file and says `problem`. The error goes to `error` where one is given.
    static void checkLoadRefused(const ConfigStore &store, const QByteArray &content,
                                 const QString &problem, QString *error = nullptr)
    {
        writeFile(store.configPath(), content);
        const auto c = store.load();
        QVERIFY(!c.ok());
        QVERIFY2(c.error().contains(store.configPath()), qPrintable(c.error()));
        QVERIFY2(c.error().contains(problem), qPrintable(c.error()));
        if (error)
            *error = c.error();
    }

private slots:
    void missingFileGivesFreshConfig()
    {
        QTemporaryDir dir;
        ConfigStore store(dir.filePath(QStringLiteral("sub")));
        const auto c = store.load();
        QVERIFY(c.ok());
        QVERIFY(c->providers.isEmpty());
        QCOMPARE(c->gateway.port, defaultGatewayPort);
        QCOMPARE(c->gateway.bindAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(c->instanceId.size(), 32);
        QVERIFY(!QFile::exists(store.configPath())); // loading writes nothing
    }

    void saveAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        ConfigStore store(dir.filePath(QStringLiteral("cfg")));
        const Config c = sampleConfig();
        QVERIFY(store.save(c).ok());
        const auto back = store.load();
        QVERIFY2(back.ok(), qPrintable(back.error()));
        QCOMPARE(back->instanceId, c.instanceId);
        QCOMPARE(back->gateway.port, quint16(5555));
        QCOMPARE(back->providers.size(), 1);
        QCOMPARE(back->providers[0].models, c.providers[0].models);
        QCOMPARE(back->accessKeys.size(), 1);
        QCOMPARE(back->accessKeys[0].hash, c.accessKeys[0].hash);
        QCOMPARE(QJsonDocument::fromJson(readFile(store.configPath()))
                     .object()
                     .value(QLatin1String("schemaVersion"))
                     .toInt(),
                 Config::currentSchemaVersion);
        // Private file, and no temporary files left behind.
        QCOMPARE(QFile::permissions(store.configPath()) &
                     (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        QCOMPARE(QDir(store.directory()).entryList(QDir::Files),
                 QStringList{QStringLiteral("config.json")});
    }

    void unreadableFileIsKeptAsideAndNeverOverwritten_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not json") << QByteArray("{\"schemaVersion\": 1,,}") << "at byte";
        QTest::newRow("truncated")
            << QByteArray("{\"schemaVersion\": 1, \"providers\": [") << "at byte";
        QTest::newRow("array") << QByteArray("[]") << "not a JSON object";
        QTest::newRow("no version") << QByteArray("{\"instanceId\":\"x\"}") << "schemaVersion";
        QTest::newRow("newer version")
            << QByteArray("{\"schemaVersion\":99,\"instanceId\":\"x\"}") << "newer";
        QTest::newRow("bad provider")
            << QByteArray("{\"schemaVersion\":1,\"instanceId\":\"x\",\"providers\":[{\"id\":\"p\","
                          "\"baseUrl\":\"http://example.com\",\"surface\":\"openai\"}]}")
            << "provider \"p\"";
        QTest::newRow("duplicate provider")
            << QByteArray("{\"schemaVersion\":1,\"instanceId\":\"x\",\"providers\":[{\"id\":\"p\","
                          "\"baseUrl\":\"https://"
                          "a.example\",\"surface\":\"openai\"},{\"id\":\"p\",\"baseUrl\":\"https://"
                          "b.example\",\"surface\":\"openai\"}]}")
            << "twice";
    }
    void unreadableFileIsKeptAsideAndNeverOverwritten()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        ConfigStore store(dir.path());
        QString error;
        checkLoadRefused(store, content, problem, &error);
        if (QTest::currentTestFailed())
            return;
        // A copy was kept aside, byte for byte.
        const QStringList aside =
            QDir(dir.path()).entryList({QStringLiteral("config.json.unreadable-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readFile(dir.filePath(aside.first())), content);
        QVERIFY(error.contains(aside.first()));
        // The original stays as it was; a syntactically broken file is never replaced.
        QCOMPARE(readFile(store.configPath()), content);
        if (QJsonDocument::fromJson(content).isNull()) {
            QVERIFY(!store.save(sampleConfig()).ok());
            QCOMPARE(readFile(store.configPath()), content);
        }
    }

    void wrongTypesAreRefusedAndTheFileKept_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("problem");
        const QByteArray head = "{\"schemaVersion\":1,\"instanceId\":\"abc\",";
        const QByteArray provider =
            "{\"id\":\"p\",\"baseUrl\":\"http://127.0.0.1:1/v1\",\"surface\":\"openai\"";
        QTest::newRow("accessKeys object") << head + "\"accessKeys\":{\"name\":\"k\"}}"
                                           << "\"accessKeys\" must be a JSON array";
        QTest::newRow("providers string") << head + "\"providers\":\"none\"}"
                                          << "\"providers\" must be a JSON array";
        QTest::newRow("provider not object") << head + "\"providers\":[1]}"
                                             << "\"providers\" must be a JSON array of objects";
        QTest::newRow("gateway array") << head + "\"gateway\":[]}"
                                       << "\"gateway\" must be";
        QTest::newRow("port string") << head + "\"gateway\":{\"port\":\"4777\"}}"
                                     << "\"port\" must be a number";
        QTest::newRow("routes object") << head + "\"routes\":{}}"
                                       << "\"routes\" must be";
        QTest::newRow("provider headers array")
            << head + "\"providers\":[" + provider + ",\"headers\":[\"X-A: b\"]}]}"
            << "\"headers\" must be a JSON object";
        QTest::newRow("provider enabled string")
            << head + "\"providers\":[" + provider + ",\"enabled\":\"no\"}]}"
            << "\"enabled\" must be true or false";
        QTest::newRow("key config allow string")
            << head + "\"keyConfigurations\":[{\"name\":\"team\",\"allow\":\"local:*\"}]}"
            << "\"allow\" must be a JSON array";
        QTest::newRow("route candidates string")
            << head + "\"routes\":[{\"name\":\"fast\",\"candidates\":\"p:m\"}]}"
            << "\"candidates\" must be a JSON array";
    }
    void wrongTypesAreRefusedAndTheFileKept()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        ConfigStore store(dir.path());
        checkLoadRefused(store, content, problem);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!store.update([](Config &) { return Status(); }).ok());
        QVERIFY(!store.save(sampleConfig()).ok());
        QCOMPARE(readFile(store.configPath()), content);
    }

    void unknownFieldsSurviveASave()
    {
        QTemporaryDir dir;
        ConfigStore store(dir.path());
        QVERIFY(store.save(sampleConfig()).ok());
        QJsonObject root = QJsonDocument::fromJson(readFile(store.configPath())).object();
        const QJsonObject extra{{QLatin1String("level"), 3},
                                {QLatin1String("tags"), QJsonArray{QLatin1String("a")}}};
        auto addTo = [&](QJsonObject &o) { o.insert(QLatin1String("futureField"), extra); };
        addTo(root);
        QJsonObject gw = root.value(QLatin1String("gateway")).toObject();
        addTo(gw);
        root.insert(QLatin1String("gateway"), gw);
        for (const char *section : {"providers", "accessKeys"}) {
            QJsonArray list = root.value(QLatin1String(section)).toArray();
            QJsonObject first = list.at(0).toObject();
            addTo(first);
            list.replace(0, first);
            root.insert(QLatin1String(section), list);
        }
        QJsonObject route{{QLatin1String("name"), QLatin1String("fast")},
                          {QLatin1String("candidates"), QJsonArray{QLatin1String("my-ollama:m")}}};
        addTo(route);
        root.insert(QLatin1String("routes"), QJsonArray{route});
        QJsonObject keyConfig{{QLatin1String("name"), QLatin1String("team")}};
        addTo(keyConfig);
        root.insert(QLatin1String("keyConfigurations"), QJsonArray{keyConfig});
        writeFile(store.configPath(), QJsonDocument(root).toJson());

        QVERIFY(store
                    .update([](Config &c) {
                        c.gateway.port = 6000;
                        c.providers[0].models << QStringLiteral("qwen");
                        return Status();
                    })
                    .ok());
        const QJsonObject saved = QJsonDocument::fromJson(readFile(store.configPath())).object();
        const QLatin1String f("futureField");
        QCOMPARE(saved.value(f).toObject(), extra);
        QCOMPARE(saved.value(QLatin1String("gateway")).toObject().value(f).toObject(), extra);
        QCOMPARE(saved.value(QLatin1String("gateway")).toObject().value(QLatin1String("port")),
                 QJsonValue(6000));
        for (const char *section : {"providers", "accessKeys", "routes", "keyConfigurations"})
            QCOMPARE(
                saved.value(QLatin1String(section)).toArray().at(0).toObject().value(f).toObject(),
                extra);
    }

    void heldLockRefusesWithAClearErrorAndWritesNothing()
    {
        QTemporaryDir dir;
        ConfigStore store(dir.path());
        QVERIFY(store.save(sampleConfig()).ok());
        const QByteArray before = readFile(store.configPath());
        QLockFile other(store.lockPath());
        QVERIFY(other.tryLock(0));
        store.setLockTimeouts(200, 60'000);
        bool changed = false;
        const Status s = store.update([&](Config &c) {
            changed = true;
            c.providers.clear();
            return Status();
        });
        QVERIFY(!s.ok());
        QVERIFY(!changed);
        QVERIFY2(s.error().contains(store.lockPath()), qPrintable(s.error()));
        QVERIFY(!store.save(Config()).ok());
        QCOMPARE(readFile(store.configPath()), before);
    }

    void staleLockIsTakenOver()
    {
        QTemporaryDir dir;
        ConfigStore store(dir.path());
        // A lock file left by a process that no longer exists.
        writeFile(store.lockPath(), "999999999\ngatehouse\nnowhere\n");
        store.setLockTimeouts(2000, 100);
        QVERIFY(store.update([](Config &) { return Status(); }).ok());
        QVERIFY(QFile::exists(store.configPath()));
        QVERIFY(!QFile::exists(store.lockPath()));
    }

    void lastUsedIsKeptApart()
    {
        QTemporaryDir dir;
        ConfigStore store(dir.path());
        const QDateTime t =
            QDateTime::fromString(QStringLiteral("2026-05-06T07:08:09.123Z"), Qt::ISODateWithMs);
        QVERIFY(store.saveLastUsed({{QStringLiteral("editor"), t}}).ok());
        QCOMPARE(store.loadLastUsed().value(QStringLiteral("editor")), t);
        QVERIFY(!QFile::exists(store.configPath()));
    }

    void clockAndRandomAreSeams()
    {
        QTemporaryDir dir;
        const QDateTime fixed =
            QDateTime::fromString(QStringLiteral("2030-01-01T00:00:00Z"), Qt::ISODate);
        ConfigStore store(
            dir.path(), [](int n) { return QByteArray(n, '\x11'); }, [fixed] { return fixed; });
        QCOMPARE(store.load()->instanceId, QStringLiteral("11111111111111111111111111111111"));
        writeFile(store.configPath(), "nonsense");
        QVERIFY(!store.load().ok());
        QVERIFY(QFile::exists(store.configPath() + QStringLiteral(".unreadable-20300101-000000")));
    }
};

QTEST_GUILESS_MAIN(TestConfigStore)
#include "tst_configstore.moc"
