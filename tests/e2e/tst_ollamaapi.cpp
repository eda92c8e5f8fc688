// The keyless Ollama API listener of the real binary: off by default, opened, moved and closed
// by "gatehouse ollama-api" on a running gateway, serving only Ollama's API under its key
// configuration.
#include "FakeUpstream.h"
#include "GatehouseProcess.h"
#include "HttpTestClient.h"
#include "log/RequestLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

QByteArray chat(const QString &model, bool stream = false)
{
    return QJsonDocument(
               QJsonObject{{QLatin1String("model"), model},
                           {QLatin1String("stream"), stream},
                           {QLatin1String("messages"),
                            QJsonArray{QJsonObject{
                                {QLatin1String("role"), QLatin1String("user")},
                                {QLatin1String("content"), QLatin1String("hello keyless")}}}}})
        .toJson(QJsonDocument::Compact);
}

const QList<QPair<QByteArray, QByteArray>> json{{"content-type", "application/json"}};

// Whether anything accepts connections on the port now.
bool listening(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(500);
}

bool servesOllama(quint16 port)
{
    const auto r = HttpTestClient::request(port, "GET", "/", {}, {}, 2000);
    return r.status == 200 && r.body == "Ollama is running";
}

} // namespace

class TestOllamaApi : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeUpstream> m_upstream;

    QStringList cfg() const { return {QStringLiteral("--config-dir"), m_dir->path()}; }
    CommandResult gh(const QStringList &args) { return GatehouseProcess::run(cfg() + args); }
    QList<RequestLogEntry> logRows() const
    {
        return RequestLog::recent(m_dir->filePath(QStringLiteral("requests.sqlite")), 50);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_upstream = std::make_unique<FakeUpstream>();
        QVERIFY(m_upstream->listen());
        // A provider, and a key configuration that allows one of its models, twice a minute.
        auto r = gh({QStringLiteral("provider"), QStringLiteral("add"), QStringLiteral("fake"),
                     QStringLiteral("--url"), m_upstream->baseUrl(), QStringLiteral("--surface"),
                     QStringLiteral("openai"), QStringLiteral("--model"), QStringLiteral("echo-1"),
                     QStringLiteral("--model"), QStringLiteral("echo-2")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = gh({QStringLiteral("key"), QStringLiteral("config"), QStringLiteral("set"),
                QStringLiteral("local-apps"), QStringLiteral("--allow"),
                QStringLiteral("fake:echo-1"), QStringLiteral("--rpm"), QStringLiteral("2")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    void cleanup()
    {
        m_upstream.reset();
        m_dir.reset();
    }

    void commandRefusesWhatCannotWork()
    {
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        auto r = gh({QStringLiteral("ollama-api"), QStringLiteral("enable"),
                     QStringLiteral("--port"), QString::number(taken.serverPort())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is in use by another program"), r.err.constData());
        r = gh({QStringLiteral("ollama-api"), QStringLiteral("enable"), QStringLiteral("--port"),
                QString::number(freePort()), QStringLiteral("--key-config"),
                QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no key configuration \"nope\""), r.err.constData());
        r = gh({QStringLiteral("ollama-api"), QStringLiteral("enable")});
        QCOMPARE(r.exitCode, 2);
        r = gh({QStringLiteral("ollama-api"), QStringLiteral("enable"), QStringLiteral("--port"),
                QStringLiteral("70000")});
        QCOMPARE(r.exitCode, 2);
        r = gh({QStringLiteral("ollama-api"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("is off"), r.out.constData());
    }

    void followsEnableMoveAndDisableWithoutRestart()
    {
        const quint16 first = freePort();
        GatehouseProcess gateway;
        QVERIFY(gateway.startHeadless(cfg() +
                                      QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
        // Off by default: nothing listens on the port, and the main port wants a key.
        QVERIFY(!listening(first));
        QCOMPARE(HttpTestClient::request(gateway.port(), "POST", "/api/chat",
                                         chat(QStringLiteral("fake:echo-1")), json)
                     .status,
                 401);

        auto r = gh({QStringLiteral("ollama-api"), QStringLiteral("enable"),
                     QStringLiteral("--port"), QString::number(first),
                     QStringLiteral("--key-config"), QStringLiteral("local-apps")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(servesOllama(first), 10000);
        r = gh({QStringLiteral("ollama-api"), QStringLiteral("status")});
        QVERIFY2(r.out.contains(QByteArray("http://127.0.0.1:" + QByteArray::number(first))),
                 r.out.constData());

        // A model request with no key, under the listener's key configuration.
        auto answer = HttpTestClient::request(first, "POST", "/api/chat",
                                              chat(QStringLiteral("fake:echo-1")), json);
        QVERIFY2(answer.status == 200, answer.body.constData());
        const QJsonObject message = QJsonDocument::fromJson(answer.body)
                                        .object()
                                        .value(QLatin1String("message"))
                                        .toObject();
        QVERIFY2(message.value(QLatin1String("content"))
                     .toString()
                     .contains(QLatin1String("hello keyless")),
                 answer.body.constData());
        // Its allow-list: the other model is refused, in Ollama's error shape.
        answer = HttpTestClient::request(first, "POST", "/api/chat",
                                         chat(QStringLiteral("fake:echo-2")), json);
        QCOMPARE(answer.status, 403);
        QVERIFY2(
            QJsonDocument::fromJson(answer.body).object().value(QLatin1String("error")).isString(),
            answer.body.constData());
        // Its limit: two requests a minute.
        int served = 1, refused = 0;
        for (int i = 0; i < 3 && refused == 0; ++i) {
            const int status = HttpTestClient::request(first, "POST", "/api/chat",
                                                       chat(QStringLiteral("fake:echo-1")), json)
                                   .status;
            served += status == 200 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        QCOMPARE(refused, 1);
        QVERIFY(served <= 2);
        // Logged under "ollama-api".
        QTRY_VERIFY_WITH_TIMEOUT(
            [this] {
                for (const RequestLogEntry &e : logRows()) {
                    if (e.accessKey == QLatin1String("ollama-api") &&
                        e.endpoint == QLatin1String("api/chat") && e.status == 200)
                        return true;
                }
                return false;
            }(),
            10000);

        // Only Ollama's API here; Host and Origin checks as on the main port.
        answer = HttpTestClient::request(first, "GET", "/v1/models");
        QCOMPARE(answer.status, 404);
        QVERIFY(answer.body.contains("only Ollama's API"));
        QCOMPARE(HttpTestClient::request(first, "POST", "/v1/chat/completions", "{}", json).status,
                 404);
        QCOMPARE(HttpTestClient::request(first, "GET", "/healthz").status, 404);
        QCOMPARE(HttpTestClient::request(
                     first, "GET", "/api/tags", {},
                     {{"host", QByteArray("attacker.example:" + QByteArray::number(first))}})
                     .status,
                 403);
        QCOMPARE(HttpTestClient::request(first, "GET", "/api/tags", {},
                                         {{"origin", "https://attacker.example"}})
                     .status,
                 403);
        QCOMPARE(HttpTestClient::request(first, "GET", "/api/tags").status, 200);

        // Moved to another port: the first one closes.
        const quint16 second = freePort();
        r = gh({QStringLiteral("ollama-api"), QStringLiteral("enable"), QStringLiteral("--port"),
                QString::number(second)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(servesOllama(second), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!listening(first), 10000);

        // Disabled: closed.
        r = gh({QStringLiteral("ollama-api"), QStringLiteral("disable")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!listening(second), 10000);
        QCOMPARE(HttpTestClient::request(gateway.port(), "GET", "/healthz").status, 200);
        QCOMPARE(gateway.terminate(), 0);
    }

    void aPortTakenLaterIsReportedByTheRunningGateway()
    {
        GatehouseProcess gateway;
        QVERIFY(gateway.startHeadless(cfg() +
                                      QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
        const quint16 port = freePort();
        auto r = gh({QStringLiteral("ollama-api"), QStringLiteral("enable"),
                     QStringLiteral("--port"), QString::number(port)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(servesOllama(port), 10000);
        QCOMPARE(gateway.terminate(), 0);
        // Another program takes the port while the gateway is down; the next start says so and
        // serves the main port all the same.
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, port));
        GatehouseProcess again;
        QVERIFY(again.startHeadless(cfg() +
                                    QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += again.process().readAllStandardError())
                                     .contains("The Ollama API cannot listen"),
                                 10000);
        QVERIFY2(err.contains(QByteArray("port " + QByteArray::number(port))), err.constData());
        QCOMPARE(HttpTestClient::request(again.port(), "GET", "/healthz").status, 200);
        QCOMPARE(again.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOllamaApi)
#include "tst_ollamaapi.moc"
