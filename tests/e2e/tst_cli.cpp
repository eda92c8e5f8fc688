// The real binary, driven through its command line as tools and people use it.
#include "FakeUpstream.h"
#include "GatehouseProcess.h"
#include "HttpTestClient.h"
#include "util/SingleInstance.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace gatehouse;
using namespace gatehouse::test;

class TestCli : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList cfg() const { return {QStringLiteral("--config-dir"), m_dir->path()}; }
    CommandResult gh(const QStringList &args, const QByteArray &input = {})
    {
        return GatehouseProcess::run(cfg() + args, input);
    }
    static void verifyOneLineError(const CommandResult &r)
    {
        QVERIFY2(r.exitCode != 0, r.out.constData());
        QVERIFY2(r.err.startsWith("gatehouse: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }
    // Every byte Gatehouse wrote in its config folder.
    QByteArray allFiles() const
    {
        QByteArray all;
        QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }
    // Starts every command at once and waits for all of them, as several scripts or a
    // script and the window would run side by side.
    QList<CommandResult> runTogether(const QList<QStringList> &commands) const
    {
        std::vector<std::unique_ptr<QProcess>> processes;
        for (const QStringList &args : commands) {
            processes.push_back(std::make_unique<QProcess>());
            processes.back()->start(GatehouseProcess::binary(), cfg() + args);
        }
        QList<CommandResult> results;
        for (auto &p : processes) {
            CommandResult r;
            if (p->waitForFinished(60000) && p->exitStatus() == QProcess::NormalExit)
                r.exitCode = p->exitCode();
            r.out = p->readAllStandardOutput();
            r.err = p->readAllStandardError();
            results.append(r);
        }
        return results;
    }
    QJsonObject configJson() const
    {
        QFile f(m_dir->filePath(QStringLiteral("config.json")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }
    static QJsonObject keyRecord(const QJsonObject &config, const QString &name)
    {
        for (const QJsonValue v : config.value(QLatin1String("accessKeys")).toArray()) {
            if (v.toObject().value(QLatin1String("name")).toString() == name)
                return v.toObject();
        }
        return {};
    }
    // The permission bits of a file or folder, as ls shows them.
    static int modeOf(const QString &path)
    {
        struct stat st
        {
        };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    }
    static QProcessEnvironment withoutKeychain()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("/nonexistent"));
        return env;
    }

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void version()
    {
        const auto r = GatehouseProcess::run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QRegularExpression(QStringLiteral("^gatehouse \\d+\\.\\d+\\.\\d+\n$"))
                    .match(QString::fromUtf8(r.out))
                    .hasMatch());
    }

    void secondWindowLaunchHandsOverToTheFirst()
    {
        // The desktop app, twice on one config folder: the second asks the first to come
        // forward and exits; the first keeps running.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QProcess first;
        first.setProcessEnvironment(env);
        first.start(GatehouseProcess::binary(),
                    cfg() + QStringList{QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(first.waitForStarted());
        // Wait until the first one answers on its single-instance socket.
        const QString socketName = SingleInstance(m_dir->path()).socketName();
        auto answers = [&socketName] {
            QLocalSocket s;
            s.connectToServer(socketName);
            return s.waitForConnected(200);
        };
        QTRY_VERIFY_WITH_TIMEOUT(answers() || first.state() != QProcess::Running, 10000);
        QCOMPARE(first.state(), QProcess::Running);
        const auto second = GatehouseProcess::run(
            cfg() + QStringList{QStringLiteral("--port"), QStringLiteral("0")}, {}, env, 10000);
        QCOMPARE(second.exitCode, 0);
        QTest::qWait(200);
        QCOMPARE(first.state(), QProcess::Running);
        // SIGTERM (a logout, a service manager) ends the window cleanly.
        first.terminate();
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::NormalExit);
        QCOMPARE(first.exitCode(), 0);
    }

    void providerLifecycle()
    {
        auto r =
            gh({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("my-ollama"),
                QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:11434/v1"),
                QStringLiteral("--surface"), QStringLiteral("openai"), QStringLiteral("--model"),
                QStringLiteral("llama3.2:3b"), QStringLiteral("--model"), QStringLiteral("qwen2.5"),
                QStringLiteral("--header"), QStringLiteral("X-Title: Gatehouse")});
        QCOMPARE(r.exitCode, 0);
        r = gh({QStringLiteral("provider"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("my-ollama"));
        QVERIFY(r.out.contains("http://127.0.0.1:11434/v1"));
        QVERIFY(r.out.contains("llama3.2:3b,qwen2.5"));
        const QJsonObject config = QJsonDocument::fromJson([&] {
                                       QFile f(m_dir->filePath(QStringLiteral("config.json")));
                                       f.open(QIODevice::ReadOnly);
                                       return f.readAll();
                                   }())
                                       .object();
        QCOMPARE(config.value(QLatin1String("schemaVersion")).toInt(), 1);
        r = gh({QStringLiteral("provider"), QStringLiteral("remove"), QStringLiteral("my-ollama")});
        QCOMPARE(r.exitCode, 0);
        r = gh({QStringLiteral("provider"), QStringLiteral("list")});
        QVERIFY(!r.out.contains("my-ollama"));
    }

    void commandErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        const QString add = QStringLiteral("provider add");
        QTest::newRow("public http") << QStringList{QStringLiteral("provider"),
                                                    QStringLiteral("add"),
                                                    QStringLiteral("x"),
                                                    QStringLiteral("--url"),
                                                    QStringLiteral("http://api.example.com/v1"),
                                                    QStringLiteral("--surface"),
                                                    QStringLiteral("openai")}
                                     << "https://";
        QTest::newRow("bad id") << QStringList{QStringLiteral("provider"),
                                               QStringLiteral("add"),
                                               QStringLiteral("My Provider"),
                                               QStringLiteral("--url"),
                                               QStringLiteral("https://api.example.com/v1"),
                                               QStringLiteral("--surface"),
                                               QStringLiteral("openai")}
                                << "provider id";
        QTest::newRow("bad surface") << QStringList{QStringLiteral("provider"),
                                                    QStringLiteral("add"),
                                                    QStringLiteral("x"),
                                                    QStringLiteral("--url"),
                                                    QStringLiteral("https://api.example.com/v1"),
                                                    QStringLiteral("--surface"),
                                                    QStringLiteral("grpc")}
                                     << "surface";
        QTest::newRow("no url") << QStringList{QStringLiteral("provider"), QStringLiteral("add"),
                                               QStringLiteral("x"), QStringLiteral("--surface"),
                                               QStringLiteral("openai")}
                                << "--url";
        QTest::newRow("connection header")
            << QStringList{QStringLiteral("provider"),
                           QStringLiteral("add"),
                           QStringLiteral("x"),
                           QStringLiteral("--url"),
                           QStringLiteral("https://api.example.com/v1"),
                           QStringLiteral("--surface"),
                           QStringLiteral("openai"),
                           QStringLiteral("--header"),
                           QStringLiteral("Transfer-Encoding: chunked")}
            << "set by Gatehouse";
        QTest::newRow("remove unknown")
            << QStringList{QStringLiteral("provider"), QStringLiteral("remove"),
                           QStringLiteral("nope")}
            << "no provider";
        QTest::newRow("set-key unknown")
            << QStringList{QStringLiteral("provider"), QStringLiteral("set-key"),
                           QStringLiteral("nope")}
            << "no provider";
        QTest::newRow("revoke unknown")
            << QStringList{QStringLiteral("key"), QStringLiteral("revoke"), QStringLiteral("nope")}
            << "no access key";
        QTest::newRow("bad key name")
            << QStringList{QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("a b")}
            << "key name";
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << "unknown command";
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("provider"), QStringLiteral("frobnicate")}
            << "unknown command";
        QTest::newRow("missing argument")
            << QStringList{QStringLiteral("key"), QStringLiteral("create")} << "takes";
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << "frobnicate";
        QTest::newRow("bad port") << QStringList{QStringLiteral("--headless"),
                                                 QStringLiteral("--port"), QStringLiteral("70000")}
                                  << "--port";
        QTest::newRow("bad bind") << QStringList{QStringLiteral("--headless"),
                                                 QStringLiteral("--bind"),
                                                 QStringLiteral("nowhere")}
                                  << "--bind";
        Q_UNUSED(add);
    }
    void commandErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const auto r = gh(args);
        verifyOneLineError(r);
        QVERIFY2(QString::fromUtf8(r.err).contains(reason, Qt::CaseInsensitive), r.err.constData());
        QVERIFY(!r.err.contains("sk-x"));
    }

    void routesAndKeyConfigurations()
    {
        auto ok = [this](const QStringList &args) {
            const auto r = gh(args);
            [&] { QVERIFY2(r.exitCode == 0, r.err.constData()); }();
            return r;
        };
        ok({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("local"),
            QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:11434/v1"),
            QStringLiteral("--surface"), QStringLiteral("openai")});
        // A catalog provider needs neither URL nor surface.
        auto added =
            ok({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("groq")});
        QVERIFY(added.out.contains("https://api.groq.com/openai/v1"));
        auto route =
            ok({QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("fast"),
                QStringLiteral("--to"), QStringLiteral("local:llama3.2"), QStringLiteral("--to"),
                QStringLiteral("groq:llama-3.1-8b-instant=3"), QStringLiteral("--strategy"),
                QStringLiteral("weighted"), QStringLiteral("--retries"), QStringLiteral("1"),
                QStringLiteral("--deadline"), QStringLiteral("30")});
        QVERIFY(route.out.contains("Added route \"fast\" (weighted)"));
        // Setting again changes only what is given.
        ok({QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("fast"),
            QStringLiteral("--strategy"), QStringLiteral("round-robin")});
        const auto list = ok({QStringLiteral("route"), QStringLiteral("list")});
        QVERIFY2(list.out.contains("fast") && list.out.contains("round-robin") &&
                     list.out.contains("groq:llama-3.1-8b-instant=3") && list.out.contains("30 s"),
                 list.out.constData());

        ok({QStringLiteral("key"), QStringLiteral("config"), QStringLiteral("set"),
            QStringLiteral("team"), QStringLiteral("--allow"), QStringLiteral("local:*"),
            QStringLiteral("--allow"), QStringLiteral("fast"), QStringLiteral("--rpm"),
            QStringLiteral("60"), QStringLiteral("--spend-per-month"), QStringLiteral("5")});
        const QByteArray key =
            ok({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("laptop"),
                QStringLiteral("--key-config"), QStringLiteral("team")})
                .out.trimmed();
        QVERIFY(key.startsWith("ghk_"));
        const auto configs =
            ok({QStringLiteral("key"), QStringLiteral("config"), QStringLiteral("list")});
        QVERIFY2(configs.out.contains("local:*,fast") && configs.out.contains("60/min") &&
                     configs.out.contains("$5.00/month") && configs.out.contains("laptop"),
                 configs.out.constData());
        QVERIFY(ok({QStringLiteral("key"), QStringLiteral("list")}).out.contains("team"));
        // A configuration's own route comes before the global one of that name, for its keys.
        ok({QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("fast"),
            QStringLiteral("--key-config"), QStringLiteral("team"), QStringLiteral("--to"),
            QStringLiteral("local:qwen2.5")});
        const auto scoped = ok({QStringLiteral("route"), QStringLiteral("list")});
        QVERIFY2(scoped.out.contains("key config team") && scoped.out.contains("local:qwen2.5") &&
                     scoped.out.contains("all keys"),
                 scoped.out.constData());
        ok({QStringLiteral("route"), QStringLiteral("remove"), QStringLiteral("fast"),
            QStringLiteral("--key-config"), QStringLiteral("team")});
        QVERIFY(
            !ok({QStringLiteral("route"), QStringLiteral("list")}).out.contains("key config team"));

        // What the commands wrote is what a running gateway uses.
        QFile file(m_dir->filePath(QStringLiteral("config.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(config.value(QLatin1String("routes")).toArray().size(), 1);
        QCOMPARE(config.value(QLatin1String("keyConfigurations"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("limits"))
                     .toObject()
                     .value(QLatin1String("requestsPerMinute"))
                     .toInt(),
                 60);

        // A configuration in use cannot be removed until its keys move on.
        verifyOneLineError(gh({QStringLiteral("key"), QStringLiteral("config"),
                               QStringLiteral("remove"), QStringLiteral("team")}));
        ok({QStringLiteral("key"), QStringLiteral("config"), QStringLiteral("assign"),
            QStringLiteral("laptop"), QStringLiteral("default")});
        ok({QStringLiteral("key"), QStringLiteral("config"), QStringLiteral("remove"),
            QStringLiteral("team")});
        ok({QStringLiteral("route"), QStringLiteral("remove"), QStringLiteral("fast")});
        QVERIFY(ok({QStringLiteral("route"), QStringLiteral("list")}).out.contains("No routes"));
    }

    void routeAndConfigErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        QTest::newRow("route without candidates")
            << QStringList{QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("x")}
            << "--to";
        QTest::newRow("route to unknown provider")
            << QStringList{QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("x"),
                           QStringLiteral("--to"), QStringLiteral("nope:m")}
            << "no provider \"nope\"";
        QTest::newRow("bare candidate")
            << QStringList{QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("x"),
                           QStringLiteral("--to"), QStringLiteral("bare")}
            << "provider:model";
        QTest::newRow("bad strategy")
            << QStringList{QStringLiteral("route"),  QStringLiteral("set"),
                           QStringLiteral("x"),      QStringLiteral("--to"),
                           QStringLiteral("a:b"),    QStringLiteral("--strategy"),
                           QStringLiteral("fastest")}
            << "strategy";
        QTest::newRow("bad weight")
            << QStringList{QStringLiteral("route"), QStringLiteral("set"), QStringLiteral("x"),
                           QStringLiteral("--to"), QStringLiteral("a:b=0")}
            << "weight";
        QTest::newRow("bad rpm") << QStringList{QStringLiteral("key"),   QStringLiteral("config"),
                                                QStringLiteral("set"),   QStringLiteral("c"),
                                                QStringLiteral("--rpm"), QStringLiteral("many")}
                                 << "--rpm";
        QTest::newRow("unknown provider key") << QStringList{QStringLiteral("key"),
                                                             QStringLiteral("config"),
                                                             QStringLiteral("set"),
                                                             QStringLiteral("c"),
                                                             QStringLiteral("--provider-key"),
                                                             QStringLiteral("nope=work")}
                                              << "no provider \"nope\"";
        QTest::newRow("provider key without label") << QStringList{QStringLiteral("key"),
                                                                   QStringLiteral("config"),
                                                                   QStringLiteral("set"),
                                                                   QStringLiteral("c"),
                                                                   QStringLiteral("--provider-key"),
                                                                   QStringLiteral("nope")}
                                                    << "PROVIDER=LABEL";
        QTest::newRow("option of another command")
            << QStringList{QStringLiteral("route"), QStringLiteral("list"), QStringLiteral("--rpm"),
                           QStringLiteral("5")}
            << "does not apply";
        QTest::newRow("unknown configuration")
            << QStringList{QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("k"),
                           QStringLiteral("--key-config"), QStringLiteral("nope")}
            << "no key configuration";
        QTest::newRow("remove unknown route")
            << QStringList{QStringLiteral("route"), QStringLiteral("remove"), QStringLiteral("x")}
            << "no route";
        QTest::newRow("key config without action")
            << QStringList{QStringLiteral("key"), QStringLiteral("config")} << "usage";
        QTest::newRow("route option without command")
            << QStringList{QStringLiteral("--to"), QStringLiteral("a:b")} << "only applies";
    }
    void routeAndConfigErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const auto r = gh(args);
        verifyOneLineError(r);
        QVERIFY2(QString::fromUtf8(r.err).contains(reason, Qt::CaseInsensitive), r.err.constData());
    }

    void duplicateProviderRefused()
    {
        const QStringList add{QStringLiteral("provider"),
                              QStringLiteral("add"),
                              QStringLiteral("x"),
                              QStringLiteral("--url"),
                              QStringLiteral("https://api.example.com/v1"),
                              QStringLiteral("--surface"),
                              QStringLiteral("openai")};
        QCOMPARE(gh(add).exitCode, 0);
        const auto r = gh(add);
        verifyOneLineError(r);
        QVERIFY(r.err.contains("already exists"));
    }

    void accessKeyLifecycle()
    {
        auto r = gh({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("editor")});
        QCOMPARE(r.exitCode, 0);
        // The key alone on one line of stdout.
        QVERIFY2(QRegularExpression(QStringLiteral("^ghk_[A-Za-z0-9_-]{43}\n$"))
                     .match(QString::fromUtf8(r.out))
                     .hasMatch(),
                 r.out.constData());
        const QByteArray key = r.out.trimmed();
        QVERIFY(r.err.contains("not") &&
                r.err.contains("again")); // the "shown once" warning goes to stderr
        // Stored only as a hash.
        QVERIFY(!allFiles().contains(key));
        QVERIFY(!allFiles().contains(key.mid(4, 24)));

        r = gh({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("editor")});
        verifyOneLineError(r);

        r = gh({QStringLiteral("key"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("editor"));
        QVERIFY(r.out.contains(key.left(8)));
        QVERIFY(!r.out.contains(key));
        QVERIFY(r.out.contains("active"));

        QCOMPARE(gh({QStringLiteral("key"), QStringLiteral("revoke"), QStringLiteral("editor")})
                     .exitCode,
                 0);
        r = gh({QStringLiteral("key"), QStringLiteral("list")});
        QVERIFY(r.out.contains("revoked"));
        verifyOneLineError(
            gh({QStringLiteral("key"), QStringLiteral("revoke"), QStringLiteral("editor")}));
        // A revoked name can be used again for a new key.
        r = gh({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("editor")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.trimmed() != key);
    }

    void unreadableConfigIsReportedAndKept()
    {
        QFile f(m_dir->filePath(QStringLiteral("config.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ \"schemaVersion\": 1, oops }");
        f.close();
        for (const QStringList &args :
             {QStringList{QStringLiteral("provider"), QStringLiteral("list")},
              QStringList{QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("k")},
              QStringList{QStringLiteral("--headless"), QStringLiteral("--port"),
                          QStringLiteral("0")}}) {
            const auto r = gh(args);
            verifyOneLineError(r);
            QVERIFY2(r.err.contains("config.json"), r.err.constData());
        }
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("{ \"schemaVersion\": 1, oops }"));
        QVERIFY(
            !QDir(m_dir->path()).entryList({QStringLiteral("config.json.unreadable-*")}).isEmpty());
    }

    void setKeyWithoutKeychainFailsClearlyAndWritesNothing()
    {
        QCOMPARE(gh({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("cloud"),
                     QStringLiteral("--url"), QStringLiteral("https://api.example.com/v1"),
                     QStringLiteral("--surface"), QStringLiteral("openai")})
                     .exitCode,
                 0);
        const QByteArray secret = "sk-this-must-never-touch-disk-12345";
        const auto r = GatehouseProcess::run(cfg() + QStringList{QStringLiteral("provider"),
                                                                 QStringLiteral("set-key"),
                                                                 QStringLiteral("cloud")},
                                             secret + "\n", withoutKeychain());
        verifyOneLineError(r);
        QVERIFY2(r.err.contains("keychain") || r.err.contains("Keychain") ||
                     r.err.contains("keyring"),
                 r.err.constData());
        QVERIFY(!r.err.contains(secret));
        QVERIFY(!allFiles().contains(secret));
        QVERIFY(gh({QStringLiteral("provider"), QStringLiteral("list")}).out.contains("none"));
    }

    void setKeyNeedsInput()
    {
        QCOMPARE(gh({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("cloud"),
                     QStringLiteral("--url"), QStringLiteral("https://api.example.com/v1"),
                     QStringLiteral("--surface"), QStringLiteral("openai")})
                     .exitCode,
                 0);
        const auto r =
            gh({QStringLiteral("provider"), QStringLiteral("set-key"), QStringLiteral("cloud")});
        verifyOneLineError(r);
        QVERIFY(r.err.contains("standard input"));
    }

    void parallelKeyCreatesAllLand()
    {
        // Twenty scripts creating keys at the same moment: every key that was printed must
        // be in the file, and every run that printed one must have succeeded.
        QList<QStringList> commands;
        for (int i = 0; i < 20; ++i)
            commands.append({QStringLiteral("key"), QStringLiteral("create"),
                             QStringLiteral("parallel-%1").arg(i)});
        const auto results = runTogether(commands);
        const QJsonObject config = configJson();
        for (int i = 0; i < 20; ++i) {
            const CommandResult &r = results[i];
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY(r.out.trimmed().startsWith("ghk_"));
            const QString name = QStringLiteral("parallel-%1").arg(i);
            QVERIFY2(!keyRecord(config, name).isEmpty(), qPrintable(name));
        }
        QCOMPARE(config.value(QLatin1String("accessKeys")).toArray().size(), 20);
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("config.json.lock"))));
    }

    void revokeRacingCreatesSticks()
    {
        QCOMPARE(gh({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("victim")})
                     .exitCode,
                 0);
        QList<QStringList> commands;
        for (int i = 0; i < 12; ++i) {
            commands.append({QStringLiteral("key"), QStringLiteral("create"),
                             QStringLiteral("racer-%1").arg(i)});
            if (i == 5)
                commands.append(
                    {QStringLiteral("key"), QStringLiteral("revoke"), QStringLiteral("victim")});
        }
        const auto results = runTogether(commands);
        for (const CommandResult &r : results)
            QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(results[6].out.contains("Revoked"));
        const QJsonObject victim = keyRecord(configJson(), QStringLiteral("victim"));
        QVERIFY(!victim.isEmpty());
        QVERIFY2(victim.contains(QLatin1String("revoked")),
                 QJsonDocument(victim).toJson().constData());
        const auto list = gh({QStringLiteral("key"), QStringLiteral("list")});
        QVERIFY(list.out.contains("racer-11"));
    }

    void fullDiskFailsAndKeepsTheOldFile()
    {
        if (::geteuid() != 0)
            QSKIP("Mounting a small tmpfs to fill needs root (CI runs as root).");
        QTemporaryDir mountPoint;
        QVERIFY(mountPoint.isValid());
        QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                                   {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                    QStringLiteral("-o"), QStringLiteral("size=256k,mode=0700"),
                                    QStringLiteral("tmpfs"), mountPoint.path()}),
                 0);
        struct Unmount
        {
            QString path;
            ~Unmount() { QProcess::execute(QStringLiteral("umount"), {path}); }
        } unmount{mountPoint.path()};
        const QString dir = mountPoint.filePath(QStringLiteral("cfg"));
        const QStringList cfgArgs{QStringLiteral("--config-dir"), dir};
        for (int i = 0; i < 3; ++i) {
            const auto r = GatehouseProcess::run(
                cfgArgs + QStringList{QStringLiteral("key"), QStringLiteral("create"),
                                      QStringLiteral("k%1").arg(i)});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const QString configPath = QDir(dir).filePath(QStringLiteral("config.json"));
        const QByteArray before = [&] {
            QFile f(configPath);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(!before.isEmpty());
        // Fill the file system to the last byte.
        {
            QFile filler(mountPoint.filePath(QStringLiteral("filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            const QByteArray block(4096, 'x');
            while (filler.write(block) == block.size()) {
            }
            const QByteArray byte(1, 'x');
            while (filler.write(byte) == 1) {
            }
        }
        const auto r = GatehouseProcess::run(cfgArgs + QStringList{QStringLiteral("key"),
                                                                   QStringLiteral("create"),
                                                                   QStringLiteral("one-too-many")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.out.isEmpty(), r.out.constData()); // no key that exists nowhere
        QVERIFY2(r.err.startsWith("gatehouse: ") && r.err.contains("config.json"),
                 r.err.constData());
        QFile after(configPath);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("config.json")});
    }

    void credentialsWithoutKeychainFailAndWriteNothing_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("google header")
            << QStringList{QStringLiteral("--header"), QStringLiteral("X-Goog-Api-Key: sk-x")};
        QTest::newRow("marked secret")
            << QStringList{QStringLiteral("--secret-header"), QStringLiteral("X-Custom: sk-x")};
        QTest::newRow("url key") << QStringList{};
    }
    void credentialsWithoutKeychainFailAndWriteNothing()
    {
        QFETCH(QStringList, extra);
        const QString url = extra.isEmpty() ? QStringLiteral("https://api.example.com/v1?key=sk-x")
                                            : QStringLiteral("https://api.example.com/v1");
        const auto r = GatehouseProcess::run(
            cfg() +
                QStringList{QStringLiteral("provider"), QStringLiteral("add"),
                            QStringLiteral("gemini"), QStringLiteral("--url"), url,
                            QStringLiteral("--surface"), QStringLiteral("openai")} +
                extra,
            {}, withoutKeychain());
        verifyOneLineError(r);
        QVERIFY2(r.err.contains("keychain") && r.err.contains("Nothing was written"),
                 r.err.constData());
        QVERIFY(!r.err.contains("sk-x"));
        QVERIFY(!allFiles().contains("sk-x"));
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("config.json"))));
    }

    void unreadableConfigUnderARunningGatewayIsKeptAsideOnce()
    {
        QCOMPARE(
            gh({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("tool")}).exitCode,
            0);
        GatehouseProcess gateway;
        QVERIFY(gateway.startHeadless(cfg() +
                                      QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
        {
            QFile f(m_dir->filePath(QStringLiteral("config.json")));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("{\"schemaVersion\": 1, broken");
        }
        auto copies = [this] {
            return QDir(m_dir->path())
                .entryList({QStringLiteral("config.json.unreadable-*")}, QDir::Files);
        };
        QTRY_VERIFY_WITH_TIMEOUT(!copies().isEmpty(), 5000);
        // Keeping the copy changes the folder; that must not start another reload and copy.
        QTest::qWait(3000);
        QCOMPARE(copies().size(), 1);
        QCOMPARE(HttpTestClient::request(gateway.port(), "GET", "/healthz").status, 200);
        QCOMPARE(gateway.terminate(), 0);
    }

    void defaultFolderIsPrivateAndFollowsXdg()
    {
        QTemporaryDir root;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), root.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("xdg")));
        const auto r = GatehouseProcess::run(
            {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("k")}, {}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QString folder = root.filePath(QStringLiteral("xdg/gatehouse"));
        QVERIFY(QFile::exists(folder + QStringLiteral("/config.json")));
        QCOMPARE(modeOf(folder), 0700);
        QCOMPARE(modeOf(root.filePath(QStringLiteral("xdg"))), 0700);

        // Without XDG_CONFIG_HOME: ~/.config/gatehouse.
        env.remove(QStringLiteral("XDG_CONFIG_HOME"));
        QCOMPARE(GatehouseProcess::run({QStringLiteral("key"), QStringLiteral("list")}, {}, env)
                     .exitCode,
                 0);
        QCOMPARE(
            GatehouseProcess::run(
                {QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("k")}, {}, env)
                .exitCode,
            0);
        QVERIFY(QFile::exists(root.filePath(QStringLiteral("home/.config/gatehouse/config.json"))));
    }

    void oldNestedFolderIsMovedUpOnce()
    {
        QTemporaryDir root;
        const QString old = root.filePath(QStringLiteral("xdg/gatehouse/gatehouse"));
        QVERIFY(QDir().mkpath(old));
        QCOMPARE(GatehouseProcess::run({QStringLiteral("--config-dir"), old, QStringLiteral("key"),
                                        QStringLiteral("create"), QStringLiteral("kept")})
                     .exitCode,
                 0);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("xdg")));
        const auto r =
            GatehouseProcess::run({QStringLiteral("key"), QStringLiteral("list")}, {}, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("kept"), r.out.constData());
        QVERIFY(QFile::exists(root.filePath(QStringLiteral("xdg/gatehouse/config.json"))));
        QVERIFY(!QFile::exists(old + QStringLiteral("/config.json")));
    }

    void headlessCreatesItsFolderPrivate()
    {
        QTemporaryDir root;
        const QString folder = root.filePath(QStringLiteral("new/cfg"));
        GatehouseProcess gateway;
        QVERIFY(gateway.startHeadless({QStringLiteral("--config-dir"), folder,
                                       QStringLiteral("--port"), QStringLiteral("0")}));
        QCOMPARE(gateway.terminate(), 0);
        for (const QString &path : {folder, root.filePath(QStringLiteral("new"))})
            QCOMPARE(modeOf(path), 0700);
    }

    void headlessServesAndFollowsConfigChanges()
    {
        FakeUpstream upstream;
        QVERIFY(upstream.listen());
        QCOMPARE(gh({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("fake"),
                     QStringLiteral("--url"), upstream.baseUrl(), QStringLiteral("--surface"),
                     QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("echo-1")})
                     .exitCode,
                 0);
        const QByteArray key =
            gh({QStringLiteral("key"), QStringLiteral("create"), QStringLiteral("tool")})
                .out.trimmed();
        QVERIFY(key.startsWith("ghk_"));

        GatehouseProcess gateway;
        QVERIFY(gateway.startHeadless(cfg() +
                                      QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
        const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + key}};
        const QByteArray body =
            "{\"model\":\"fake:echo-1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        QCOMPARE(HttpTestClient::request(gateway.port(), "GET", "/healthz").status, 200);
        auto r =
            HttpTestClient::request(gateway.port(), "POST", "/v1/chat/completions", body, auth);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("echo: hi"));
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("fake"));

        // A provider added while the gateway runs becomes routable without a restart.
        QCOMPARE(gh({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("fake2"),
                     QStringLiteral("--url"), upstream.baseUrl(), QStringLiteral("--surface"),
                     QStringLiteral("openai")})
                     .exitCode,
                 0);
        const QByteArray body2 = QByteArray(body).replace("fake:echo-1", "fake2:anything");
        QTRY_COMPARE_WITH_TIMEOUT(
            HttpTestClient::request(gateway.port(), "POST", "/v1/chat/completions", body2, auth)
                .status,
            200, 5000);

        // A revoked key is refused from then on.
        QCOMPARE(
            gh({QStringLiteral("key"), QStringLiteral("revoke"), QStringLiteral("tool")}).exitCode,
            0);
        QTRY_COMPARE_WITH_TIMEOUT(
            HttpTestClient::request(gateway.port(), "POST", "/v1/chat/completions", body, auth)
                .status,
            401, 5000);

        // A clean shutdown on SIGTERM records when the key was last used.
        QCOMPARE(gateway.terminate(), 0);
        QFile state(m_dir->filePath(QStringLiteral("state.json")));
        QVERIFY(state.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(state.readAll())
                    .object()
                    .value(QLatin1String("accessKeysLastUsed"))
                    .toObject()
                    .contains(QLatin1String("tool")));
        QVERIFY(!gh({QStringLiteral("key"), QStringLiteral("list")}).out.contains(" - "));
        QVERIFY(!allFiles().contains(key));
    }

    void headlessReportsBusyPort()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost));
        const auto r = gh({QStringLiteral("--headless"), QStringLiteral("--port"),
                           QString::number(busy.serverPort())});
        verifyOneLineError(r);
        QVERIFY(r.err.contains(QByteArray::number(busy.serverPort())));
    }

    // import --dry-run shows the plan and changes nothing.
    void importDryRun()
    {
        const auto r =
            gh({QStringLiteral("import"), QStringLiteral("--from"), QStringLiteral("continue"),
                QStringLiteral(MIGRATE_FIXTURES "/continue-config.yaml"),
                QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("Provider team-vllm (openai, http://192.168.1.20:8000/v1)"));
        QVERIFY(r.out.contains("Not imported: models[5] (Bedrock Claude)"));
        QVERIFY(r.out.contains("Nothing was changed (--dry-run)."));
        QVERIFY(!r.out.contains("sk-ant-literal-fixture-key-0003"));
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("config.json"))));
    }

    void migrateErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString fixture = QStringLiteral(MIGRATE_FIXTURES "/litellm-config.yaml");
        QTest::newRow("import without --from") << QStringList{QStringLiteral("import"), fixture};
        QTest::newRow("import unknown format")
            << QStringList{QStringLiteral("import"), QStringLiteral("--from"),
                           QStringLiteral("helicone"), fixture};
        QTest::newRow("import missing file")
            << QStringList{QStringLiteral("import"), QStringLiteral("--from"),
                           QStringLiteral("litellm"), QStringLiteral("/nonexistent/config.yaml")};
        QTest::newRow("import wrong shape")
            << QStringList{QStringLiteral("import"), QStringLiteral("--from"),
                           QStringLiteral("claude-code-router"), fixture};
        QTest::newRow("import with --format") << QStringList{
            QStringLiteral("import"),   QStringLiteral("--from"),  QStringLiteral("litellm"),
            QStringLiteral("--format"), QStringLiteral("portkey"), fixture};
        QTest::newRow("export without --format") << QStringList{QStringLiteral("export")};
        QTest::newRow("export unknown format") << QStringList{
            QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("kong")};
        QTest::newRow("export unknown route") << QStringList{
            QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("portkey"),
            QStringLiteral("--route"), QStringLiteral("nope")};
        QTest::newRow("export with --dry-run")
            << QStringList{QStringLiteral("export"), QStringLiteral("--format"),
                           QStringLiteral("portkey"), QStringLiteral("--dry-run")};
        QTest::newRow("--with-keys without a command")
            << QStringList{QStringLiteral("--with-keys")};
    }
    void migrateErrors()
    {
        QFETCH(QStringList, args);
        verifyOneLineError(gh(args));
    }

    // Keyless providers imported from LiteLLM, exported to LiteLLM, imported into another
    // config: the same routes.
    void importExportImport()
    {
        QTemporaryDir source;
        QFile yaml(source.filePath(QStringLiteral("litellm.yaml")));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("model_list:\n"
                   "  - model_name: coder\n"
                   "    litellm_params: {model: hosted_vllm/qwen-coder, api_base: "
                   "'http://10.1.2.3:8000/v1', weight: 4}\n"
                   "  - model_name: coder\n"
                   "    litellm_params: {model: ollama_chat/qwen2.5-coder:7b}\n"
                   "  - model_name: chat\n"
                   "    litellm_params: {model: ollama_chat/llama3.2}\n"
                   "router_settings:\n"
                   "  num_retries: 1\n"
                   "  fallbacks: [{chat: [coder]}]\n");
        yaml.close();
        const auto imported = gh({QStringLiteral("import"), QStringLiteral("--from"),
                                  QStringLiteral("litellm"), yaml.fileName()});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY(imported.out.contains("Imported."));
        const auto routes = gh({QStringLiteral("route"), QStringLiteral("list")});
        QVERIFY(routes.out.contains("coder"));
        QVERIFY(routes.out.contains("vllm-10-1-2-3:qwen-coder"));

        const QString exported = source.filePath(QStringLiteral("export.yaml"));
        const auto out = gh({QStringLiteral("export"), QStringLiteral("--format"),
                             QStringLiteral("litellm"), QStringLiteral("--out"), exported});
        QVERIFY2(out.exitCode == 0, out.err.constData());
        QTemporaryDir other;
        const auto again = GatehouseProcess::run(
            {QStringLiteral("--config-dir"), other.path(), QStringLiteral("import"),
             QStringLiteral("--from"), QStringLiteral("litellm"), exported});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const auto otherRoutes =
            GatehouseProcess::run({QStringLiteral("--config-dir"), other.path(),
                                   QStringLiteral("route"), QStringLiteral("list")});
        QCOMPARE(otherRoutes.out, routes.out);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
