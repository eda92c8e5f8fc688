// The attempts stage with its seams replaced: a scripted upstream transport, and a clock that
// moves only when the test says so. Failover, retries after retry-after or a backoff, the
// route's deadline, a client that leaves while a retry waits, and no failover after the first
// byte, all without sleeping.
#include "HttpTestClient.h"
#include "config/AccessKey.h"
#include "gateway/Gateway.h"
#include "http/HttpServer.h"
#include "util/RandomSource.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <sys/socket.h>

using namespace gatehouse;
using gatehouse::test::HttpTestClient;

namespace {

// An upstream call the test answers by hand.
class ScriptedCall : public UpstreamCall
{
public:
    ScriptedCall(const UpstreamRequest &request, QObject *parent) : UpstreamCall(request, parent) {}
    using UpstreamCall::deliverCompleted;
    using UpstreamCall::deliverData;
    using UpstreamCall::deliverHeaders;
    using UpstreamCall::fail;
    bool released = false;

protected:
    void releaseTransport() override { released = true; }
};

class ScriptedTransport : public UpstreamTransport
{
public:
    QList<QPointer<ScriptedCall>> calls;
    QList<UpstreamRequest> requests;
    UpstreamCall *send(const UpstreamRequest &request, QObject *owner) override
    {
        auto *call = new ScriptedCall(request, owner);
        calls.append(call);
        requests.append(request);
        return call;
    }
    ScriptedCall *last() const { return calls.isEmpty() ? nullptr : calls.last().data(); }
    QString lastProvider() const
    {
        return requests.isEmpty() ? QString() : requests.last().providerId;
    }
};

QByteArray chat(const char *model, bool stream = false)
{
    return QByteArray("{\"model\":\"") + model + "\",\"stream\":" + (stream ? "true" : "false") +
           ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
}

const QByteArray answer =
    "{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{"
    "\"role\":\"assistant\",\"content\":\"fine\"},\"finish_reason\":\"stop\"}],"
    "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";

} // namespace

class TestAttempts : public QObject
{
    Q_OBJECT
private:
    ScriptedTransport m_transport;
    ManualScheduler m_clock;
    Gateway *m_gateway = nullptr;
    HttpServer *m_server = nullptr;
    QString m_key;
    Config m_config;

    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_key.toLatin1()}};
    }
    void answerWith(ScriptedCall *call, int status, const QByteArray &body,
                    const HttpHeaders &extra = {})
    {
        HttpHeaders headers{{"content-type", "application/json"}};
        headers.append(extra);
        call->deliverHeaders(status, headers);
        if (!call->isDone())
            call->deliverData(body);
        if (!call->isDone())
            call->deliverCompleted();
    }

private slots:
    void initTestCase()
    {
        Config c;
        c.instanceId = QStringLiteral("attempts");
        Provider a;
        a.id = QStringLiteral("a");
        a.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        Provider b = a;
        b.id = QStringLiteral("b");
        Provider locked = a;
        locked.id = QStringLiteral("locked");
        locked.hasKey = true; // and no key could be read
        c.providers = {a, b, locked};
        RouteRule failover;
        failover.name = QStringLiteral("failover");
        failover.candidates = {{QStringLiteral("a:m"), 1}, {QStringLiteral("b:m"), 1}};
        RouteRule retry = failover;
        retry.name = QStringLiteral("retry");
        retry.candidates = {{QStringLiteral("a:m"), 1}};
        retry.retries = 2;
        RouteRule tight = failover;
        tight.name = QStringLiteral("tight");
        tight.retries = 1;
        tight.deadlineMs = 1000;
        RouteRule skipLocked = failover;
        skipLocked.name = QStringLiteral("skip-locked");
        skipLocked.candidates = {{QStringLiteral("locked:m"), 1}, {QStringLiteral("b:m"), 1}};
        c.routes = {failover, retry, tight, skipLocked};
        const auto created = AccessKeys::create(QStringLiteral("t"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        m_key = created.key;
        c.accessKeys = {created.record};
        m_config = c;
    }

    // Each case starts with a gateway of its own: no provider health, no waiting retries,
    // carried over from the one before.
    void init()
    {
        m_transport.calls.clear();
        m_transport.requests.clear();
        m_gateway = new Gateway(Gateway::Seams{&m_transport, &m_clock}, this);
        m_server = new HttpServer(m_gateway, HttpServer::Settings{}, this);
        QVERIFY(m_server->listen(QHostAddress::LocalHost));
        m_gateway->setSnapshot(GatewaySnapshot::build(m_config, {}, {}), m_server->serverPort());
    }
    void cleanup()
    {
        delete m_server;
        delete m_gateway;
        m_server = nullptr;
        m_gateway = nullptr;
    }

    void failsOverToTheNextTarget()
    {
        HttpTestClient client(m_server->serverPort());
        client.send("POST", "/v1/chat/completions", chat("failover"), auth());
        QTRY_COMPARE(m_transport.calls.size(), 1);
        QCOMPARE(m_transport.lastProvider(), QStringLiteral("a"));
        answerWith(m_transport.last(), 503, "{\"error\":{\"message\":\"busy\"}}");
        m_clock.advance(0); // the next target at once
        QTRY_COMPARE(m_transport.calls.size(), 2);
        QCOMPARE(m_transport.lastProvider(), QStringLiteral("b"));
        answerWith(m_transport.last(), 200, answer);
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("b"));
        QVERIFY(r.header("x-gatehouse-tried").startsWith("a:m 503 ("));
        QVERIFY(r.header("x-gatehouse-tried").endsWith("; b:m 200"));
    }

    void retriesAfterRetryAfterOnTheClock()
    {
        HttpTestClient client(m_server->serverPort());
        client.send("POST", "/v1/chat/completions", chat("retry"), auth());
        QTRY_COMPARE(m_transport.calls.size(), 1);
        answerWith(m_transport.last(), 429, "{}", {{"retry-after", "2"}});
        m_clock.advance(1999);
        QCoreApplication::processEvents();
        QCOMPARE(m_transport.calls.size(), 1); // still waiting
        m_clock.advance(1);
        QTRY_COMPARE(m_transport.calls.size(), 2);
        // Without retry-after: 250 ms, then twice that.
        answerWith(m_transport.last(), 500, "{}");
        m_clock.advance(499);
        QCoreApplication::processEvents();
        QCOMPARE(m_transport.calls.size(), 2);
        m_clock.advance(1);
        QTRY_COMPARE(m_transport.calls.size(), 3);
        // The last try's error is the answer.
        answerWith(m_transport.last(), 500, "{\"error\":{\"message\":\"still down\"}}");
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 500);
        QCOMPARE(r.header("x-gatehouse-attempts"), QByteArray("3"));
    }

    void deadlineCutsRetriesShort()
    {
        HttpTestClient client(m_server->serverPort());
        client.send("POST", "/v1/chat/completions", chat("tight"), auth());
        QTRY_COMPARE(m_transport.calls.size(), 1);
        // A retry after 5 s does not fit a 1 s deadline: the next target is tried at once.
        answerWith(m_transport.last(), 429, "{}", {{"retry-after", "5"}});
        m_clock.advance(0);
        QTRY_COMPARE(m_transport.calls.size(), 2);
        QCOMPARE(m_transport.lastProvider(), QStringLiteral("b"));
        // Its timeouts are cut to what is left of the deadline.
        QVERIFY(m_transport.requests.last().timeouts.firstByteMs <= 1000);
        m_clock.advance(950); // less than 100 ms left: no further attempt is worth starting
        answerWith(m_transport.last(), 503, "{}");
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 503);
        QCOMPARE(m_transport.calls.size(), 2);
    }

    void clientLeavingWhileARetryWaits()
    {
        QSignalSpy finished(m_gateway, &Gateway::requestFinished);
        auto *client = new HttpTestClient(m_server->serverPort(), this);
        client->send("POST", "/v1/chat/completions", chat("retry"), auth());
        QTRY_COMPARE(m_transport.calls.size(), 1);
        answerWith(m_transport.last(), 429, "{}", {{"retry-after", "3"}});
        client->close();
        delete client;
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toInt(), 499);
        m_clock.advance(10'000);
        QCoreApplication::processEvents();
        QCOMPARE(m_transport.calls.size(), 1); // the retry never started
    }

    // A client that only shut its sending side is still there: it gets an interim answer at
    // once, and the real one after the retry.
    void halfClosedClientWaitsThroughARetry()
    {
        QSignalSpy finished(m_gateway, &Gateway::requestFinished);
        HttpTestClient client(m_server->serverPort());
        client.send("POST", "/v1/chat/completions", chat("retry"), auth());
        QTRY_COMPARE(m_transport.calls.size(), 1);
        answerWith(m_transport.last(), 429, "{}", {{"retry-after", "3"}});
        QCOMPARE(::shutdown(static_cast<int>(client.socket()->socketDescriptor()), SHUT_WR), 0);
        QTRY_VERIFY(client.socket()->bytesAvailable() > 0 || client.current().status == 100);
        QCOMPARE(finished.size(), 0); // not taken for gone
        m_clock.advance(3000);
        QTRY_COMPARE(m_transport.calls.size(), 2);
        answerWith(m_transport.last(), 200, answer);
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toInt(), 200);
    }

    void clientLeavingAbortsTheCall()
    {
        QSignalSpy finished(m_gateway, &Gateway::requestFinished);
        auto *client = new HttpTestClient(m_server->serverPort(), this);
        client->send("POST", "/v1/chat/completions", chat("failover"), auth());
        QTRY_COMPARE(m_transport.calls.size(), 1);
        QPointer<ScriptedCall> call = m_transport.last();
        client->close();
        delete client;
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toInt(), 499);
        QVERIFY(!call || call->released);
    }

    void noFailoverAfterTheFirstByte()
    {
        HttpTestClient client(m_server->serverPort());
        client.send("POST", "/v1/chat/completions", chat("failover", true), auth());
        QTRY_COMPARE(m_transport.calls.size(), 1);
        ScriptedCall *call = m_transport.last();
        call->deliverHeaders(200, {{"content-type", "text/event-stream"}});
        call->deliverData("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                          "\"par\"}}]}\n\n");
        QVERIFY(client.waitForChunks(1));
        call->fail(ApiError::badGateway(QStringLiteral("connection reset"),
                                        QStringLiteral("upstream_incomplete")));
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("\"content\":\"par\""));
        QVERIFY(r.body.contains("connection reset")); // an error event ends the stream
        m_clock.advance(1000);
        QCoreApplication::processEvents();
        QCOMPARE(m_transport.calls.size(), 1);
    }

    void unusableTargetIsPassedOver()
    {
        HttpTestClient client(m_server->serverPort());
        client.send("POST", "/v1/chat/completions", chat("skip-locked"), auth());
        QTRY_COMPARE(m_transport.calls.size(), 1);
        QCOMPARE(m_transport.lastProvider(), QStringLiteral("b"));
        answerWith(m_transport.last(), 200, answer);
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("x-gatehouse-tried").startsWith("locked:m no key; b:m 200"));
    }
};

QTEST_GUILESS_MAIN(TestAttempts)
#include "tst_attempts.moc"
