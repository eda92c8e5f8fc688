// Routing that survives failure, end to end over real HTTP: routing rules and fallback
// chains against fake upstreams that fail in every way (refused connections, timeouts, 429,
// 5xx, streams cut off), key configurations (allowed models, provider keys, limits), the
// response headers that say what was tried, and the request log.
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "gateway/GatewayService.h"
#include "log/RequestLog.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::HttpTestClient;

class TestFailover : public QObject
{
    Q_OBJECT
private:
    FakeUpstream *m_upstream = nullptr;
    GatewayService *m_service = nullptr;
    QTemporaryDir m_dir;
    RequestLog *m_log = nullptr;
    quint16 m_port = 0;
    QHash<QString, QString> m_keys; // name -> key
    QString m_closedPortUrl;

    static RouteRule rule(const char *name, const QStringList &models, int retries = 0,
                          int deadlineMs = RouteRule::defaultDeadlineMs)
    {
        RouteRule r;
        r.name = QString::fromLatin1(name);
        for (const QString &m : models)
            r.candidates.append({m, 1});
        r.retries = retries;
        r.deadlineMs = deadlineMs;
        return r;
    }

    Config config()
    {
        Config c;
        c.instanceId = QStringLiteral("test");
        c.gateway.port = 0;
        Provider fake;
        fake.id = QStringLiteral("fake");
        fake.baseUrl = QUrl(m_upstream->baseUrl());
        fake.timeouts.firstByteMs = 400;
        fake.hasKey = true;
        fake.keyLabels = {QStringLiteral("work")};
        Provider other = fake; // the same server under another name: a second provider
        other.id = QStringLiteral("other");
        other.hasKey = false;
        other.keyLabels.clear();
        Provider patient = other; // waits longer than any route deadline here
        patient.id = QStringLiteral("patient");
        patient.timeouts.firstByteMs = 10'000;
        Provider down;
        down.id = QStringLiteral("down");
        down.baseUrl = QUrl(m_closedPortUrl);
        c.providers = {fake, other, patient, down};
        c.routes = {
            rule("after-503", {QStringLiteral("fake:status-503"), QStringLiteral("other:echo-1")}),
            rule("after-refused", {QStringLiteral("down:m"), QStringLiteral("fake:echo-1")}),
            rule("after-timeout", {QStringLiteral("fake:hang"), QStringLiteral("other:echo-2")}),
            rule("all-fail",
                 {QStringLiteral("fake:status-502"), QStringLiteral("other:status-500")}),
            rule("retry-429", {QStringLiteral("fake:flaky-1-429")}, 1),
            rule("retry-then-next",
                 {QStringLiteral("fake:status-503"), QStringLiteral("other:echo-1")}, 1),
            rule("short-deadline", {QStringLiteral("patient:hang"), QStringLiteral("other:echo-1")},
                 0, 1000),
            rule("cut", {QStringLiteral("fake:cut-2"), QStringLiteral("other:echo-1")}),
            rule("cooling", {QStringLiteral("down:x"), QStringLiteral("fake:echo-1")}),
            rule("fast", {QStringLiteral("fake:echo-1")}),
        };
        KeyConfiguration limited;
        limited.name = QStringLiteral("limited");
        limited.allow = {QStringLiteral("fake:echo-*"), QStringLiteral("fast")};
        KeyConfiguration rpm;
        rpm.name = QStringLiteral("rpm");
        rpm.limits.requestsPerMinute = 2;
        KeyConfiguration tokens;
        tokens.name = QStringLiteral("tokens");
        tokens.limits.tokensPerDay = 5;
        KeyConfiguration work;
        work.name = QStringLiteral("work");
        work.providerKeys.insert(QStringLiteral("fake"), QStringLiteral("work"));
        c.keyConfigurations = {limited, rpm, tokens, work};
        for (const char *name : {"open", "limited", "rpm", "tokens", "work"}) {
            auto created = AccessKeys::create(QString::fromLatin1(name), systemRandomBytes,
                                              QDateTime::currentDateTimeUtc());
            if (qstrcmp(name, "open") != 0)
                created.record.configuration = QString::fromLatin1(name);
            m_keys.insert(QString::fromLatin1(name), created.key);
            c.accessKeys.append(created.record);
        }
        return c;
    }

    HttpTestClient::Response chat(const QByteArray &model, const char *key = "open",
                                  bool stream = false, const QByteArray &extra = {})
    {
        const QByteArray body = "{\"model\":\"" + model +
                                "\",\"stream\":" + (stream ? "true" : "false") + extra +
                                ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        return HttpTestClient::request(
            m_port, "POST", "/v1/chat/completions", body,
            {{"authorization", "Bearer " + m_keys.value(QString::fromLatin1(key)).toLatin1()},
             {"content-type", "application/json"}});
    }

    int receivedFor(const QByteArray &model) const
    {
        int n = 0;
        for (const HttpRequest &r : m_upstream->received)
            n += r.body.contains(QByteArray("\"model\":\"" + model + "\""));
        return n;
    }

private slots:
    void initTestCase()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_closedPortUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(probe.serverPort());
        probe.close();
        m_upstream = new FakeUpstream(this);
        QVERIFY(m_upstream->listen());
        m_log = new RequestLog(m_dir.filePath(QStringLiteral("requests.sqlite")), this);
        QVERIFY(m_log->open());
        m_service = new GatewayService(this);
        m_service->setRequestLog(m_log);
        QSignalSpy listening(m_service, &GatewayService::listening);
        m_service->start(GatewaySnapshot::build(
            config(),
            {{QStringLiteral("fake"), "main-key"}, {QStringLiteral("fake#work"), "work-key"}}, {}));
        QVERIFY(listening.wait(5000));
        m_port = listening.first().at(1).value<quint16>();
    }

    void init()
    {
        m_upstream->received.clear();
        m_upstream->streamEvents = 5;
        m_upstream->streamIntervalMs = 0;
    }

    void failsOverOnServerError()
    {
        const auto r = chat("after-503");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("other"));
        QCOMPARE(r.header("x-gatehouse-model"), QByteArray("echo-1"));
        QCOMPARE(r.header("x-gatehouse-route"), QByteArray("after-503"));
        QCOMPARE(r.header("x-gatehouse-attempts"), QByteArray("2"));
        const QByteArray tried = r.header("x-gatehouse-tried");
        QVERIFY2(tried.startsWith("fake:status-503 503 (") && tried.endsWith("; other:echo-1 200"),
                 tried.constData());
        QVERIFY(r.body.contains("hi"));
    }

    void failsOverOnRefusedConnection()
    {
        const auto r = chat("after-refused");
        QCOMPARE(r.status, 200);
        QVERIFY2(r.header("x-gatehouse-tried").startsWith("down:m unreachable"),
                 r.header("x-gatehouse-tried").constData());
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("fake"));
    }

    void failsOverOnTimeout()
    {
        QElapsedTimer t;
        t.start();
        const auto r = chat("after-timeout");
        QCOMPARE(r.status, 200);
        QVERIFY2(r.header("x-gatehouse-tried").startsWith("fake:hang timeout"),
                 r.header("x-gatehouse-tried").constData());
        QCOMPARE(r.header("x-gatehouse-model"), QByteArray("echo-2"));
        // How long the attempt took before it timed out: "fake:hang timeout (401 ms); …".
        const QByteArray tried = r.header("x-gatehouse-tried");
        const qsizetype open = tried.indexOf('(');
        const qint64 attemptMs = tried.mid(open + 1, tried.indexOf(" ms)") - open - 1).toLongLong();
        QVERIFY2(attemptMs >= 360 && attemptMs < 5000, tried.constData());
        QVERIFY2(t.elapsed() >= 360,
                 qPrintable(QString::number(t.elapsed()) +
                            QString::fromLatin1(r.header("x-gatehouse-tried"))));
    }

    void lastFailureIsRelayedWithWhatWasTried()
    {
        const auto r = chat("all-fail");
        QCOMPARE(r.status, 500);
        const QByteArray tried = r.header("x-gatehouse-tried");
        QVERIFY2(tried.startsWith("fake:status-502 502") && tried.endsWith("other:status-500 500"),
                 tried.constData());
        QVERIFY(QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).isObject());
    }

    void retriesHonourRetryAfter()
    {
        QElapsedTimer t;
        t.start();
        const auto r = chat("retry-429");
        QCOMPARE(r.status, 200);
        QVERIFY(t.elapsed() >= 1000); // the provider said retry-after: 1
        QCOMPARE(receivedFor("flaky-1-429"), 2);
        QVERIFY(r.header("x-gatehouse-tried").startsWith("fake:flaky-1-429 429"));
        QCOMPARE(r.header("x-gatehouse-attempts"), QByteArray("2"));
    }

    void retriesSameTargetThenMovesOn()
    {
        const auto r = chat("retry-then-next");
        QCOMPARE(r.status, 200);
        QCOMPARE(receivedFor("status-503"), 2);
        QCOMPARE(r.header("x-gatehouse-attempts"), QByteArray("3"));
    }

    void deadlineBoundsAllAttempts()
    {
        QElapsedTimer t;
        t.start();
        const auto r = chat("short-deadline");
        // The hanging first target used the whole second the route allows; the second one
        // is not tried after the deadline.
        QVERIFY2(r.status == 504, r.body.constData());
        QVERIFY(t.elapsed() < 2500);
        QCOMPARE(receivedFor("echo-1"), 0);
    }

    void neverAfterTheFirstByte()
    {
        m_upstream->streamEvents = 5;
        const auto r = chat("cut", "open", true);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("tok0"));
        QVERIFY(r.body.contains("tok1"));
        QVERIFY2(r.body.contains("\"error\""),
                 r.body.constData());       // the cut is reported in the stream
        QCOMPARE(receivedFor("echo-1"), 0); // and nothing else was tried
        QCOMPARE(r.header("x-gatehouse-tried"), QByteArray("fake:cut-2 200"));
    }

    void requestNamesItsOwnFallbacks()
    {
        const auto r = chat("fake:status-500", "open", false, ",\"models\":[\"other:echo-2\"]");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-gatehouse-model"), QByteArray("echo-2"));
        // "models" is Gatehouse's: the provider never sees it.
        for (const HttpRequest &req : m_upstream->received)
            QVERIFY(!req.body.contains("\"models\""));
    }

    void failingProviderCoolsOff()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(chat("cooling").status, 200);
        // "down" failed three times in a row: now it is skipped, and the chain answers at once.
        const auto r = chat("cooling");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-gatehouse-tried"), QByteArray("fake:echo-1 200"));
        QCOMPARE(r.header("x-gatehouse-attempts"), QByteArray("1"));
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("fake"));
        // The window asks which providers are cooling off, and until when.
        QSignalSpy cooling(m_service, &GatewayService::coolingOff);
        m_service->requestCoolingOff();
        QVERIFY(cooling.wait());
        const auto until = cooling.first().first().value<QHash<QString, qint64>>();
        QCOMPARE(until.keys(), QStringList{QStringLiteral("down")});
        QVERIFY(until.value(QStringLiteral("down")) > QDateTime::currentMSecsSinceEpoch());
    }

    void keyConfigurationRefusesModels()
    {
        const auto refused = chat("other:echo-1", "limited");
        QCOMPARE(refused.status, 403);
        const QJsonObject error =
            QJsonDocument::fromJson(refused.body).object().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toString(),
                 QStringLiteral("model_not_allowed"));
        QVERIFY(error.value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("fake:echo-*")));
    }

    void requestsPerMinuteLimit()
    {
        QCOMPARE(chat("fake:echo-1", "rpm").status, 200);
        QCOMPARE(chat("fake:echo-2", "rpm").status, 200);
        const auto r = chat("fake:echo-1", "rpm");
        QCOMPARE(r.status, 429);
        const int retryAfter = r.header("retry-after").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, r.header("retry-after").constData());
        QVERIFY(r.body.contains("requests_per_minute_exceeded"));
        // Other keys are not affected.
        QCOMPARE(chat("fake:echo-1", "open").status, 200);
    }

    void tokensPerDayLimitCountsStreamsToo()
    {
        // The client does not ask for usage; Gatehouse does, counts it, and keeps the extra
        // chunk out of the client's stream.
        const auto first = chat("fake:echo-1", "tokens", true);
        QCOMPARE(first.status, 200);
        QVERIFY(!first.body.contains("\"usage\""));
        QVERIFY(m_upstream->received.last().body.contains("\"include_usage\":true"));
        const auto second = chat("fake:echo-1", "tokens");
        QCOMPARE(second.status, 429);
        QVERIFY(second.body.contains("tokens_per_day_exceeded"));
    }

    void configurationPicksProviderKey()
    {
        QCOMPARE(chat("fake:echo-1", "work").status, 200);
        QCOMPARE(m_upstream->received.last().header("authorization"),
                 QByteArray("Bearer work-key"));
        QCOMPARE(chat("fake:echo-1", "open").status, 200);
        QCOMPARE(m_upstream->received.last().header("authorization"),
                 QByteArray("Bearer main-key"));
    }

    void modelListShowsAliasesAndOnlyWhatTheKeyMayUse()
    {
        auto list = [this](const char *key) {
            const auto r = HttpTestClient::request(
                m_port, "GET", "/v1/models", {},
                {{"authorization", "Bearer " + m_keys.value(QString::fromLatin1(key)).toLatin1()}});
            QStringList ids;
            for (const QJsonValue v :
                 QJsonDocument::fromJson(r.body).object().value(QLatin1String("data")).toArray())
                ids << v.toObject().value(QLatin1String("id")).toString();
            return ids;
        };
        const QStringList open = list("open");
        QVERIFY(open.contains(QStringLiteral("after-503")));
        QVERIFY(open.contains(QStringLiteral("fast")));
        QVERIFY(open.contains(QStringLiteral("fake:echo-1")));
        QVERIFY(open.contains(QStringLiteral("other:echo-2")));
        const QStringList limited = list("limited");
        QVERIFY(limited.contains(QStringLiteral("fake:echo-1")));
        QVERIFY(limited.contains(QStringLiteral("fast")));
        QVERIFY(!limited.contains(QStringLiteral("other:echo-1")));
        QVERIFY(!limited.contains(QStringLiteral("after-503")));
    }

    void requestLogRecordsAttempts()
    {
        QCOMPARE(chat("after-503").status, 200);
        m_log->flush();
        const auto rows = RequestLog::recent(m_log->path(), 1);
        QCOMPARE(rows.size(), 1);
        const RequestLogEntry &e = rows.first();
        QCOMPARE(e.requestedModel, QStringLiteral("after-503"));
        QCOMPARE(e.route, QStringLiteral("after-503"));
        QCOMPARE(e.provider, QStringLiteral("other"));
        QCOMPARE(e.model, QStringLiteral("echo-1"));
        QCOMPARE(e.status, 200);
        QCOMPARE(e.attemptCount, 2);
        QVERIFY2(e.attempts.startsWith(QLatin1String("fake:status-503 503")),
                 qPrintable(e.attempts));
        QCOMPARE(e.accessKey, QStringLiteral("open"));
        QCOMPARE(e.inputTokens, 5);
        QVERIFY(e.outputTokens > 0);
        QVERIFY(e.totalMs >= 0 && e.firstByteMs >= 0);
        // A refused request is logged too, with its reason.
        QCOMPARE(chat("other:echo-1", "limited").status, 403);
        m_log->flush();
        const auto refused = RequestLog::recent(m_log->path(), 1).first();
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.error.contains(QLatin1String("does not allow")));
        // Usage survives a restart: the limiter starts from the log.
        const auto usage = RequestLog::usageByKey(m_log->path(), QDateTime::currentDateTimeUtc());
        QVERIFY(usage.value(QStringLiteral("tokens")).tokensToday >= 5);
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
