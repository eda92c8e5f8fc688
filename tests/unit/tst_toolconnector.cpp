// Connecting and disconnecting tools through their files, in a temporary home folder: keys,
// backups, records, permissions, and the way back.
#include "config/ConfigStore.h"
#include "connect/ToolConnector.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// The file's mode bits for owner, group and others (not Qt's view of the current user).
QFileDevice::Permissions mode(const QString &path)
{
    return QFile::permissions(path) &
           ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

} // namespace

class TestToolConnector : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString home() const { return m_dir->filePath(QStringLiteral("home")); }
    ConfigStore store() const { return ConfigStore(m_dir->filePath(QStringLiteral("config"))); }
    ToolConnector connector() const
    {
        return ToolConnector(store(), ToolEnvironment{home(), {}, {}});
    }
    const AccessKeyRecord *key(const Config &config, const char *name)
    {
        return config.findAccessKey(QString::fromLatin1(name));
    }
    static ConnectRequest request(const QString &model = QStringLiteral("chat:m1"))
    {
        return {model, {}, QStringLiteral("http://127.0.0.1:5555")};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QDir().mkpath(home());
        QVERIFY(store().update([](Config &c) -> Status {
            Provider p;
            p.id = QStringLiteral("chat");
            p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
            p.models = QStringList{QStringLiteral("m1")};
            c.providers.append(p);
            RouteRule r;
            r.name = QStringLiteral("fast");
            r.candidates.append(RouteCandidate{QStringLiteral("chat:m1")});
            c.routes.append(r);
            return {};
        }));
    }

    void connectThenUndoGivesTheBytesBack()
    {
        const QString file = home() + QStringLiteral("/.codex/config.toml");
        const QByteArray user =
            "# mine\nweb_search = \"disabled\"\n\n[analytics]\nenabled = false\n";
        writeAll(file, user);
        QFile::setPermissions(file, ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther);

        ToolConnector c = connector();
        const auto connected = c.connect(QStringLiteral("codex"), request());
        QVERIFY2(connected, qPrintable(connected.error()));
        QVERIFY(connected->connected);
        QCOMPARE(connected->model, QStringLiteral("chat:m1"));
        QCOMPARE(connected->url, QStringLiteral("http://127.0.0.1:5555"));
        const QByteArray written = readAll(file);
        QVERIFY(written.contains("base_url = \"http://127.0.0.1:5555/v1\""));
        QCOMPARE(mode(file), ownerOnly);

        // The key in the file is the one the config knows, named after the tool.
        auto config = store().load();
        const AccessKeyRecord *k = key(config.value(), "codex");
        QVERIFY(k && k->isActive());
        const qsizetype at = written.indexOf("ghk_");
        const QByteArray inFile = written.mid(at, written.indexOf('"', at) - at);
        QCOMPARE(k->hash, AccessKeys::hashOf(inFile));

        // The backup: the original bytes, owner-only, in a private folder.
        const QString folder = c.stateFolder(QStringLiteral("codex"));
        QCOMPARE(mode(folder) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions{});
        const QStringList backups = QDir(folder).entryList({QStringLiteral("*.orig")}, QDir::Files);
        QCOMPARE(backups.size(), 1);
        QCOMPARE(readAll(folder + QLatin1Char('/') + backups.first()), user);
        QCOMPARE(mode(folder + QLatin1Char('/') + backups.first()), ownerOnly);

        QVERIFY(c.disconnect(QStringLiteral("codex")));
        QCOMPARE(readAll(file), user);
        QCOMPARE(mode(file), ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        config = store().load();
        QVERIFY(!key(config.value(), "codex")->isActive());
        QVERIFY(!c.status(QStringLiteral("codex")).wired);
        QVERIFY(QFile::exists(folder + QLatin1Char('/') + backups.first())); // kept
        // Nothing left to undo.
        QVERIFY(!c.disconnect(QStringLiteral("codex")));
    }

    void aFileThatWasNotThereIsRemovedAgain()
    {
        ToolConnector c = connector();
        QVERIFY(c.connect(QStringLiteral("gemini-cli"), request(QStringLiteral("fast"))));
        const QString env = home() + QStringLiteral("/.gemini/.env");
        const QString settings = home() + QStringLiteral("/.gemini/settings.json");
        QVERIFY(readAll(env).contains("GEMINI_API_KEY=ghk_"));
        QCOMPARE(mode(env), ownerOnly);
        QCOMPARE(mode(settings), ownerOnly);
        const ToolStatus s = c.status(QStringLiteral("gemini-cli"));
        QVERIFY(s.connected);
        QVERIFY(s.installed); // its config folder is there now
        QCOMPARE(s.model, QStringLiteral("fast"));
        QVERIFY(c.disconnect(QStringLiteral("gemini-cli")));
        QVERIFY(!QFile::exists(env));
        QVERIFY(!QFile::exists(settings));
    }

    void changesMadeAfterConnectStay()
    {
        const QString file = home() + QStringLiteral("/.claude/settings.json");
        writeAll(file, "{\"env\": {\"DISABLE_TELEMETRY\": \"1\"}}");
        ToolConnector c = connector();
        QVERIFY(c.connect(QStringLiteral("claude-code"), request()));
        QJsonObject o = QJsonDocument::fromJson(readAll(file)).object();
        o.insert(QStringLiteral("theme"), QStringLiteral("dark"));
        writeAll(file, QJsonDocument(o).toJson());

        QVERIFY(c.disconnect(QStringLiteral("claude-code")));
        const QJsonObject back = QJsonDocument::fromJson(readAll(file)).object();
        QCOMPARE(back, QJsonDocument::fromJson(
                           "{\"env\": {\"DISABLE_TELEMETRY\": \"1\"}, \"theme\": \"dark\"}")
                           .object());
        QVERIFY(!store().load()->findAccessKey(QStringLiteral("claude-code"))->isActive());
    }

    void unparsableFileIsNeverWritten()
    {
        const QString file = home() + QStringLiteral("/.claude/settings.json");
        const QByteArray broken = "{\n  \"theme\": \"dark\",\n}\n";
        writeAll(file, broken);
        ToolConnector c = connector();
        const auto connected = c.connect(QStringLiteral("claude-code"), request());
        QVERIFY(!connected);
        QVERIFY2(connected.error().startsWith(QLatin1String("~/.claude/settings.json: line 3")),
                 qPrintable(connected.error()));
        QCOMPARE(readAll(file), broken);
        QVERIFY(!store().load()->findAccessKey(QStringLiteral("claude-code")));
        QVERIFY(c.status(QStringLiteral("claude-code"))
                    .problem.startsWith(QLatin1String("~/.claude/settings.json: line 3")));
    }

    void connectingAgainReplacesTheKey()
    {
        const QString file = home() + QStringLiteral("/.config/opencode/opencode.json");
        const QByteArray user = "{\n    \"theme\": \"system\"\n}\n";
        writeAll(file, user);
        ToolConnector c = connector();
        QVERIFY(c.connect(QStringLiteral("opencode"), request()));
        const QByteArray first = store().load()->findAccessKey(QStringLiteral("opencode"))->hash;
        ConnectRequest second = request(QStringLiteral("fast"));
        second.smallModel = QStringLiteral("chat:m1");
        const auto again = c.connect(QStringLiteral("opencode"), second);
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->model, QStringLiteral("fast"));
        QCOMPARE(again->smallModel, QStringLiteral("chat:m1"));
        QVERIFY(again->connected);
        const auto reloaded = store().load();
        const AccessKeyRecord *k = reloaded->findAccessKey(QStringLiteral("opencode"));
        QVERIFY(k && k->isActive());
        QVERIFY(k->hash != first);
        // Undo after two Connects goes back to the file from before the first.
        QVERIFY(c.disconnect(QStringLiteral("opencode")));
        QCOMPARE(readAll(file), user);
    }

    void modelsMustExist_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("ok");
        QTest::newRow("provider:model") << QStringLiteral("chat:anything") << true;
        QTest::newRow("route") << QStringLiteral("fast") << true;
        QTest::newRow("unknown provider") << QStringLiteral("nope:m1") << false;
        QTest::newRow("bare name") << QStringLiteral("m1") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void modelsMustExist()
    {
        QFETCH(QString, model);
        QFETCH(bool, ok);
        QCOMPARE(bool(ToolConnector::checkModel(store().load().value(), model)), ok);
        if (!ok) {
            QVERIFY(!connector().connect(QStringLiteral("codex"), request(model)));
            QVERIFY(!QFile::exists(home() + QStringLiteral("/.codex/config.toml")));
        }
    }

    void urlsAndDefaults()
    {
        Config config;
        QCOMPARE(ToolConnector::defaultGatewayUrl(config), QStringLiteral("http://127.0.0.1:4777"));
        config.gateway.bindAddress = QStringLiteral("0.0.0.0");
        config.gateway.port = 8080;
        QCOMPARE(ToolConnector::defaultGatewayUrl(config), QStringLiteral("http://127.0.0.1:8080"));
        config.gateway.bindAddress = QStringLiteral("::1");
        QCOMPARE(ToolConnector::defaultGatewayUrl(config), QStringLiteral("http://[::1]:8080"));
        QCOMPARE(ToolConnector::suggestedModel(store().load().value()), QStringLiteral("fast"));
        QCOMPARE(ToolConnector::suggestedModel(Config{}), QString());

        // A /v1 given with the address is the same gateway.
        ToolConnector c = connector();
        ConnectRequest r = request();
        r.url = QStringLiteral("http://127.0.0.1:5555/v1/");
        QCOMPARE(c.connect(QStringLiteral("claude-code"), r)->url,
                 QStringLiteral("http://127.0.0.1:5555"));
        r.url = QStringLiteral("ftp://x");
        QVERIFY(!c.connect(QStringLiteral("claude-code"), r));
    }

    void everyToolIsListed()
    {
        const ToolStatus s = connector().status(QStringLiteral("continue"));
        QCOMPARE(s.displayName, QStringLiteral("Continue"));
        QVERIFY(s.supported);
        QCOMPARE(connector().statusAll().size(), 6);
        for (const ToolStatus &t : connector().statusAll())
            QVERIFY2(t.supported, qPrintable(t.id));
    }
};

QTEST_GUILESS_MAIN(TestToolConnector)
#include "tst_toolconnector.moc"
