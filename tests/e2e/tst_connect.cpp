// gatehouse connect, driven through the real binary with a temporary home folder: the list,
// connecting a tool, undoing it, and the command's one-line errors.
#include "GatehouseProcess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse::test;

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

QFileDevice::Permissions mode(const QString &path)
{
    return QFile::permissions(path) &
           ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
}

constexpr QFileDevice::Permissions ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

class TestConnect : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString home() const { return m_dir->filePath(QStringLiteral("home")); }
    QString config() const { return m_dir->filePath(QStringLiteral("config")); }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home());
        env.remove(QStringLiteral("XDG_CONFIG_HOME"));
        // Claude Code "installed": an executable of its name on PATH.
        env.insert(QStringLiteral("PATH"),
                   m_dir->filePath(QStringLiteral("bin")) + QStringLiteral(":/usr/bin:/bin"));
        return env;
    }
    CommandResult gh(const QStringList &args)
    {
        return GatehouseProcess::run(QStringList{QStringLiteral("--config-dir"), config()} + args,
                                     {}, environment());
    }
    static void verifyOneLineError(const CommandResult &r)
    {
        QVERIFY2(r.exitCode != 0, r.out.constData());
        QVERIFY2(r.err.startsWith("gatehouse: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }
    QJsonObject keyRecord(const QString &name) const
    {
        const QJsonObject c =
            QJsonDocument::fromJson(readAll(config() + QStringLiteral("/config.json"))).object();
        for (const QJsonValue v : c.value(QLatin1String("accessKeys")).toArray()) {
            if (v.toObject().value(QLatin1String("name")).toString() == name)
                return v.toObject();
        }
        return {};
    }
    bool keyActive(const QString &name) const
    {
        const QJsonObject k = keyRecord(name);
        return !k.isEmpty() && !k.contains(QLatin1String("revoked"));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QDir().mkpath(home());
        const QString claude = m_dir->filePath(QStringLiteral("bin/claude"));
        writeAll(claude, "#!/bin/sh\n");
        QFile::setPermissions(claude, QFile::permissions(claude) | QFileDevice::ExeOwner);
        const CommandResult added =
            gh({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("chat"),
                QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9/v1"),
                QStringLiteral("--surface"), QStringLiteral("openai"), QStringLiteral("--model"),
                QStringLiteral("m1")});
        QVERIFY2(added.exitCode == 0, added.err.constData());
    }

    void listShowsEveryTool()
    {
        const CommandResult r = gh({QStringLiteral("connect"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY(lines.value(0).startsWith("TOOL"));
        QVERIFY2(lines.value(1).startsWith("claude-code") && lines.value(1).contains(" yes ") &&
                     lines.value(1).contains("not connected"),
                 r.out.constData());
        QVERIFY(lines.value(2).startsWith("codex") && lines.value(2).contains(" no "));
        for (const char *id : {"opencode", "gemini-cli", "qwen-code", "continue"})
            QVERIFY2(r.out.contains(QByteArray(QByteArray("\n") + id + ' ')), id);
        QVERIFY(!r.out.contains("not supported yet"));
    }

    void connectAndUndo()
    {
        const QString file = home() + QStringLiteral("/.claude/settings.json");
        const QByteArray user = "{\n  \"theme\": \"dark\"\n}\n";
        writeAll(file, user);
        CommandResult r = gh({QStringLiteral("connect"), QStringLiteral("claude-code"),
                              QStringLiteral("--model"), QStringLiteral("chat:m1"),
                              QStringLiteral("--small-model"), QStringLiteral("chat:m2"),
                              QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:5555")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("Connected Claude Code to http://127.0.0.1:5555"),
                 r.out.constData());
        QVERIFY(!r.out.contains("ghk_")); // the key goes into the file only
        QCOMPARE(mode(file), ownerOnly);
        const QJsonObject env =
            QJsonDocument::fromJson(readAll(file)).object().value(QLatin1String("env")).toObject();
        QCOMPARE(env.value(QLatin1String("ANTHROPIC_BASE_URL")).toString(),
                 QStringLiteral("http://127.0.0.1:5555"));
        QCOMPARE(env.value(QLatin1String("ANTHROPIC_DEFAULT_HAIKU_MODEL")).toString(),
                 QStringLiteral("chat:m2"));
        QVERIFY(env.value(QLatin1String("ANTHROPIC_AUTH_TOKEN"))
                    .toString()
                    .startsWith(QLatin1String("ghk_")));
        QVERIFY(keyActive(QStringLiteral("claude-code")));

        const QString backups = config() + QStringLiteral("/connect/claude-code");
        const QStringList kept = QDir(backups).entryList({QStringLiteral("*.orig")}, QDir::Files);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(readAll(backups + QLatin1Char('/') + kept.first()), user);
        QCOMPARE(mode(backups + QLatin1Char('/') + kept.first()), ownerOnly);
        QCOMPARE(mode(backups) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions{});

        r = gh({QStringLiteral("connect"), QStringLiteral("list")});
        QVERIFY2(r.out.contains("chat:m1") && r.out.contains("chat:m2") &&
                     r.out.contains("connected to http://127.0.0.1:5555"),
                 r.out.constData());

        r = gh(
            {QStringLiteral("connect"), QStringLiteral("claude-code"), QStringLiteral("--undo")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readAll(file), user);
        QVERIFY(!keyActive(QStringLiteral("claude-code")));
        QVERIFY(!keyRecord(QStringLiteral("claude-code")).isEmpty());
        QVERIFY(QFile::exists(backups + QLatin1Char('/') + kept.first()));
    }

    void modelDefaultsToAConfiguredOne()
    {
        const CommandResult r = gh({QStringLiteral("connect"), QStringLiteral("codex")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("model chat:m1"), r.out.constData());
        QVERIFY(readAll(home() + QStringLiteral("/.codex/config.toml"))
                    .contains("base_url = \"http://127.0.0.1:4777/v1\""));
    }

    void unparsableFileIsReportedAndKept()
    {
        const QString file = home() + QStringLiteral("/.codex/config.toml");
        writeAll(file, "model = \n");
        const CommandResult r = gh({QStringLiteral("connect"), QStringLiteral("codex"),
                                    QStringLiteral("--model"), QStringLiteral("chat:m1")});
        verifyOneLineError(r);
        QVERIFY2(r.err.contains("~/.codex/config.toml: line 1"), r.err.constData());
        QCOMPARE(readAll(file), QByteArray("model = \n"));
        QVERIFY(keyRecord(QStringLiteral("codex")).isEmpty());
        const CommandResult list = gh({QStringLiteral("connect"), QStringLiteral("list")});
        QVERIFY2(list.out.contains("codex: cannot read ~/.codex/config.toml: line 1"),
                 list.out.constData());
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("says");
        auto words = [](const char *text) {
            return QString::fromLatin1(text).split(QLatin1Char(' '));
        };
        QTest::newRow("no tool") << words("connect") << 2 << QStringLiteral("usage");
        QTest::newRow("unknown tool") << words("connect vim") << 2 << QStringLiteral("\"vim\"");
        QTest::newRow("unknown provider")
            << words("connect codex --model nope:m1") << 1 << QStringLiteral("nope");
        QTest::newRow("bare model")
            << words("connect codex --model m1") << 1 << QStringLiteral("neither a route");
        QTest::newRow("no small model slot")
            << words("connect codex --model chat:m1 --small-model chat:m1") << 2
            << QStringLiteral("no small model");
        QTest::newRow("list takes no options")
            << words("connect list --model chat:m1") << 2 << QStringLiteral("--model");
        QTest::newRow("undo takes no model")
            << words("connect codex --undo --model chat:m1") << 2 << QStringLiteral("--model");
        QTest::newRow("undo of nothing")
            << words("connect opencode --undo") << 1 << QStringLiteral("not connected");
        QTest::newRow("undo elsewhere")
            << words("key list --undo") << 2 << QStringLiteral("--undo");
        QTest::newRow("bad url") << words("connect codex --model chat:m1 --url ftp://x") << 1
                                 << QStringLiteral("not a gateway address");
    }
    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, says);
        const CommandResult r = gh(args);
        verifyOneLineError(r);
        QCOMPARE(r.exitCode, code);
        QVERIFY2(QString::fromLocal8Bit(r.err).contains(says), r.err.constData());
        QVERIFY(!QFile::exists(home() + QStringLiteral("/.codex/config.toml")));
    }

    void noModelAnywhereIsRefused()
    {
        QVERIFY(gh({QStringLiteral("provider"), QStringLiteral("remove"), QStringLiteral("chat")})
                    .exitCode == 0);
        const CommandResult r = gh({QStringLiteral("connect"), QStringLiteral("opencode")});
        verifyOneLineError(r);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--model"));
    }
};

QTEST_GUILESS_MAIN(TestConnect)
#include "tst_connect.moc"
