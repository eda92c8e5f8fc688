// The gateway end to end over real HTTP on loopback: a GatewayService on its own thread,
// a FakeUpstream, and raw-socket clients.
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "gateway/GatewayService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace gatehouse;
using gatehouse::test::HttpTestClient;

class TestGateway : public QObject
{
    Q_OBJECT
private:
    FakeUpstream *m_upstream = nullptr;
    GatewayService *m_service = nullptr;
    quint16 m_port = 0;
    QString m_key;
    QString m_closedPortUrl;

    Config baseConfig()
    {
        Config c;
        c.instanceId = QStringLiteral("test");
        c.gateway.port = 0;
        c.gateway.maxBodyBytes = 64 * 1024;
        c.gateway.allowedOrigins = {QStringLiteral("http://localhost:5173")};
        Provider fake;
        fake.id = QStringLiteral("fake");
        fake.baseUrl = QUrl(m_upstream->baseUrl());
        fake.models = {QStringLiteral("echo-1"),     QStringLiteral("hang"),
                       QStringLiteral("status-429"), QStringLiteral("status-500-text"),
                       QStringLiteral("status-400"), QStringLiteral("cut-2"),
                       QStringLiteral("slow-300")};
        fake.extraHeaders = {{"X-Title", "Gatehouse tests"}};
        fake.hasKey = true;
        fake.timeouts.firstByteMs = 500;
        fake.timeouts.idleMs = 500;
        Provider open = fake;
        open.id = QStringLiteral("open");
        open.models.clear();
        open.hasKey = false;
        open.extraHeaders.clear();
        Provider down;
        down.id = QStringLiteral("down");
        down.baseUrl = QUrl(m_closedPortUrl);
        Provider nokey = fake;
        nokey.id = QStringLiteral("nokey");
        Provider claude;
        claude.id = QStringLiteral("claude");
        claude.baseUrl = QUrl(m_closedPortUrl); // never contacted by these tests
        claude.surfaces = {ApiSurface::Anthropic};
        c.providers = {fake, open, down, nokey, claude};
        const auto created = AccessKeys::create(QStringLiteral("tests"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        m_key = created.key;
        c.accessKeys = {created.record};
        return c;
    }

    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_key.toLatin1()}};
    }

    static QByteArray chatBody(const QByteArray &model, bool stream = false,
                               const QByteArray &extra = {})
    {
        return "{\"model\":\"" + model + "\",\"stream\":" + (stream ? "true" : "false") + extra +
               ",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    }

    static QJsonObject errorOf(const HttpTestClient::Response &r)
    {
        return QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
    }

    HttpTestClient::Response chat(const QByteArray &body,
                                  QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        headers += auth();
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        return HttpTestClient::request(m_port, "POST", "/v1/chat/completions", body, headers);
    }

private slots:
    void initTestCase()
    {
        QTcpServer probe; // a port with nothing listening: bound, then closed
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_closedPortUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(probe.serverPort());
        probe.close();

        m_upstream = new FakeUpstream(this);
        QVERIFY(m_upstream->listen());
        m_service = new GatewayService(this);
        QSignalSpy listening(m_service, &GatewayService::listening);
        m_service->start(GatewaySnapshot::build(
            baseConfig(), {{QStringLiteral("fake"), "sk-upstream-secret"}},
            {{QStringLiteral("nokey"), QStringLiteral("The keyring is locked.")}}));
        QVERIFY(listening.wait(5000));
        m_port = listening.first().at(1).value<quint16>();
        QVERIFY(m_port != 0);
    }

    void init()
    {
        m_upstream->received.clear();
        m_upstream->streamEvents = 5;
        m_upstream->streamIntervalMs = 0;
    }

    void healthzNeedsNoKey()
    {
        const auto r = HttpTestClient::request(m_port, "GET", "/healthz");
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("x-request-id").startsWith("req_"));
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QLatin1String("status")).toString(),
                 QStringLiteral("ok"));
    }

    void requestIdsAreUnique()
    {
        const auto a = HttpTestClient::request(m_port, "GET", "/healthz");
        const auto b = HttpTestClient::request(m_port, "GET", "/healthz");
        QVERIFY(a.header("x-request-id") != b.header("x-request-id"));
    }

    void authIsRequired_data()
    {
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<int>("status");
        QTest::newRow("none") << QByteArray() << QByteArray() << 401;
        QTest::newRow("wrong bearer")
            << QByteArray("Authorization") << QByteArray("Bearer ghk_wrong") << 401;
        QTest::newRow("wrong x-api-key")
            << QByteArray("x-api-key") << QByteArray("ghk_wrong") << 401;
        QTest::newRow("good bearer")
            << QByteArray("Authorization") << QByteArray("Bearer KEY") << 200;
        QTest::newRow("good x-api-key") << QByteArray("x-api-key") << QByteArray("KEY") << 200;
    }
    void authIsRequired()
    {
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        QFETCH(int, status);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!headerName.isEmpty())
            headers.append({headerName, QByteArray(headerValue).replace("KEY", m_key.toLatin1())});
        const auto r = HttpTestClient::request(m_port, "GET", "/v1/models", {}, headers);
        QCOMPARE(r.status, status);
        QVERIFY(!r.header("x-request-id").isEmpty());
        if (status == 401) {
            QCOMPARE(errorOf(r).value(QLatin1String("type")).toString(),
                     QStringLiteral("authentication_error"));
            QVERIFY(!errorOf(r).value(QLatin1String("message")).toString().isEmpty());
        }
    }

    void modelsListsProviderModels()
    {
        const auto r = HttpTestClient::request(m_port, "GET", "/v1/models", {}, auth());
        QCOMPARE(r.status, 200);
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("list"));
        QStringList ids;
        for (const QJsonValue v : body.value(QLatin1String("data")).toArray()) {
            ids << v.toObject().value(QLatin1String("id")).toString();
            QCOMPARE(v.toObject().value(QLatin1String("owned_by")).toString(),
                     ids.last().section(QLatin1Char(':'), 0, 0));
        }
        QVERIFY(ids.contains(QStringLiteral("fake:echo-1")));
        QVERIFY(ids.contains(QStringLiteral("nokey:echo-1")));
        // "open" lists no models: the gateway asked it; "down" cannot be asked and is left out.
        QVERIFY(ids.contains(QStringLiteral("open:echo-1")));
        QVERIFY(ids.contains(QStringLiteral("open:echo-2")));
        QVERIFY(!ids.contains(QStringLiteral("down:echo-1")));
        QVERIFY(!ids.join(QLatin1Char(',')).contains(QLatin1String("down:")));
        // A second listing within a minute is answered from the cache.
        const int asked = static_cast<int>(m_upstream->received.size());
        QCOMPARE(HttpTestClient::request(m_port, "GET", "/v1/models", {}, auth()).status, 200);
        QCOMPARE(m_upstream->received.size(), asked);
    }

    void chatIsForwardedAndAnswered()
    {
        const auto r = chat(chatBody("fake:echo-1", false, ",\"x_vendor_field\":{\"keep\":true}"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("fake"));
        QCOMPARE(r.header("x-gatehouse-model"), QByteArray("echo-1"));
        QVERIFY(r.header("x-request-id").startsWith("req_"));
        QCOMPARE(r.header("x-upstream-request-id"), QByteArray("upstream-req-1"));
        // The time Gatehouse itself added, in milliseconds, well below the whole exchange.
        bool ok = false;
        const double overhead = r.header("x-gatehouse-overhead-ms").toDouble(&ok);
        QVERIFY2(ok && overhead >= 0 && overhead < 1000,
                 r.header("x-gatehouse-overhead-ms").constData());
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QLatin1String("choices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("content"))
                     .toString(),
                 QStringLiteral("echo: hello there"));

        QCOMPARE(m_upstream->received.size(), 1);
        const HttpRequest &up = m_upstream->received.first();
        const QJsonObject sent = QJsonDocument::fromJson(up.body).object();
        QCOMPARE(sent.value(QLatin1String("model")).toString(),
                 QStringLiteral("echo-1")); // rewritten
        QVERIFY(sent.value(QLatin1String("x_vendor_field"))
                    .toObject()
                    .value(QLatin1String("keep"))
                    .toBool()); // untouched
        QCOMPARE(up.header("authorization"),
                 QByteArray("Bearer sk-upstream-secret")); // provider key, not ours
        QCOMPARE(up.header("x-title"), QByteArray("Gatehouse tests"));
        QVERIFY(!up.body.contains(m_key.toLatin1()));
        for (const auto &h : up.headers)
            QVERIFY2(!h.second.contains(m_key.toLatin1()), h.first.constData());
    }

    void providerWithoutModelListPassesAnyModel()
    {
        const auto r = chat(chatBody("open:whatever-model"));
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(m_upstream->received.first().body)
                     .object()
                     .value(QLatin1String("model"))
                     .toString(),
                 QStringLiteral("whatever-model"));
        QVERIFY(m_upstream->received.first().header("authorization").isEmpty());
    }

    void keepAliveServesSeveralRequests()
    {
        HttpTestClient client(m_port);
        QVERIFY(client.connectToServer());
        for (int i = 0; i < 3; ++i) {
            client.send("POST", "/v1/chat/completions", chatBody("fake:echo-1"), auth());
            QCOMPARE(client.waitForResponse().status, 200);
        }
        QCOMPARE(client.socket()->state(), QAbstractSocket::ConnectedState);
    }

    void streamArrivesInPieces()
    {
        m_upstream->streamEvents = 6;
        m_upstream->streamIntervalMs = 60;
        HttpTestClient client(m_port);
        client.send("POST", "/v1/chat/completions", chatBody("fake:echo-1", true), auth());
        // The first event is there long before the upstream has produced the last one.
        QVERIFY(client.waitForChunks(1, 5000));
        QVERIFY(m_upstream->openStreams == 1);
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("fake"));
        QVERIFY(r.header("x-gatehouse-overhead-ms").toDouble() >= 0);
        QVERIFY(!r.header("x-gatehouse-overhead-ms").isEmpty());
        QVERIFY(r.chunkTimesMs.size() >= 6);
        QVERIFY2(r.chunkTimesMs.last() - r.chunkTimesMs.first() >= 4 * 60 * 0.8,
                 qPrintable(QStringLiteral("events bunched together: %1 ms")
                                .arg(r.chunkTimesMs.last() - r.chunkTimesMs.first())));
        QCOMPARE(r.body.count("data: {"), 6);
        QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
    }

    void clientDisconnectAbortsUpstream()
    {
        m_upstream->streamEvents = 200;
        m_upstream->streamIntervalMs = 20;
        const int abortedBefore = m_upstream->abortedStreams;
        HttpTestClient client(m_port);
        client.send("POST", "/v1/chat/completions", chatBody("fake:echo-1", true), auth());
        QVERIFY(client.waitForChunks(2, 5000));
        client.close();
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream->abortedStreams, abortedBefore + 1, 3000);
        QCOMPARE(m_upstream->openStreams, 0);
    }

    void manyConcurrentStreamsDoNotQueue()
    {
        // Qt 6.4 opens six connections per host and manager; 64 streams must all be open at once.
        const int n = 64;
        m_upstream->streamEvents = 5;
        m_upstream->streamIntervalMs = 150;
        m_upstream->maxOpenStreams = 0;
        QList<HttpTestClient *> clients;
        for (int i = 0; i < n; ++i) {
            auto *c = new HttpTestClient(m_port, this);
            QVERIFY(c->connectToServer());
            c->send("POST", "/v1/chat/completions", chatBody("fake:echo-1", true), auth());
            clients << c;
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream->maxOpenStreams, n, 5000);
        for (auto *c : clients) {
            const auto r = c->waitForResponse(10000);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body.count("data: {"), 5);
            delete c;
        }
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("unknown provider") << chatBody("fakee:echo-1") << 404 << "not_found_error"
                                          << "fake:echo-1";
        QTest::newRow("unknown model") << chatBody("fake:echo-3") << 404 << "not_found_error"
                                       << "fake:echo-1";
        QTest::newRow("malformed json")
            << QByteArray("{\"model\": ") << 400 << "invalid_request_error"
            << "JSON";
        QTest::newRow("missing messages")
            << QByteArray("{\"model\":\"fake:echo-1\"}") << 400 << "invalid_request_error"
            << "messages";
        QTest::newRow("upstream unreachable") << chatBody("down:m") << 502 << "upstream_error"
                                              << "Cannot reach";
        QTest::newRow("upstream timeout") << chatBody("fake:hang") << 504 << "timeout_error"
                                          << "Timed out";
        QTest::newRow("upstream 429 relayed") << chatBody("fake:status-429") << 429 << "fake_error"
                                              << "fake upstream says 429";
        QTest::newRow("upstream 400 relayed") << chatBody("fake:status-400") << 400 << "fake_error"
                                              << "fake upstream says 400";
        QTest::newRow("upstream html wrapped")
            << chatBody("fake:status-500-text") << 500 << "upstream_error"
            << "upstream trouble";
        QTest::newRow("key unavailable") << chatBody("nokey:echo-1") << 503 << "server_error"
                                         << "locked";
    }
    void errors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, type);
        QFETCH(QString, messageContains);
        const auto r = chat(body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QVERIFY(!r.header("x-request-id").isEmpty());
        const QJsonObject e = errorOf(r);
        QCOMPARE(e.value(QLatin1String("type")).toString(), type);
        QVERIFY2(e.value(QLatin1String("message")).toString().contains(messageContains),
                 r.body.constData());
        QVERIFY(!r.body.contains("sk-upstream-secret"));
        if (status == 429)
            QCOMPARE(r.header("retry-after"), QByteArray("7"));
    }

    void bodyOverLimitIs413()
    {
        const QByteArray big =
            chatBody("fake:echo-1").replace("hello there", QByteArray(70 * 1024, 'a'));
        const auto r = chat(big);
        QCOMPARE(r.status, 413);
        QCOMPARE(errorOf(r).value(QLatin1String("code")).toString(),
                 QStringLiteral("request_too_large"));
    }

    void streamCutByUpstreamEndsWithErrorEvent()
    {
        HttpTestClient client(m_port);
        client.send("POST", "/v1/chat/completions", chatBody("fake:cut-2", true), auth());
        const auto r = client.waitForResponse(5000);
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.count("data: {\"id\""), 2);
        QVERIFY2(r.body.contains("data: {\"error\""), r.body.constData());
    }

    void idleUpstreamMidStreamEndsWithTimeoutEvent()
    {
        // The provider's idle timeout is 500 ms; the upstream pauses 900 ms between events.
        m_upstream->streamEvents = 3;
        m_upstream->streamIntervalMs = 900;
        HttpTestClient client(m_port);
        client.send("POST", "/v1/chat/completions", chatBody("fake:echo-1", true), auth());
        const auto r = client.waitForResponse(5000);
        QVERIFY(r.complete);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.count("data: {\"id\""), 1);
        QVERIFY2(r.body.contains("\"type\":\"timeout_error\""), r.body.constData());
        QTRY_COMPARE(m_upstream->openStreams, 0); // the upstream request was abandoned too
    }

    void hostAndOriginChecks_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<int>("status");
        QTest::newRow("rebinding host")
            << QByteArray("attacker.example:PORT") << QByteArray() << 403;
        QTest::newRow("foreign origin")
            << QByteArray("127.0.0.1:PORT") << QByteArray("https://attacker.example") << 403;
        QTest::newRow("allowed origin")
            << QByteArray("localhost:PORT") << QByteArray("http://localhost:5173") << 200;
        QTest::newRow("two hosts")
            << QByteArray("127.0.0.1:PORT\nattacker.example:PORT") << QByteArray() << 400;
        QTest::newRow("attacker host first")
            << QByteArray("attacker.example:PORT\n127.0.0.1:PORT") << QByteArray() << 400;
        QTest::newRow("two origins")
            << QByteArray("127.0.0.1:PORT")
            << QByteArray("http://localhost:5173\nhttps://attacker.example") << 400;
    }
    void hostAndOriginChecks()
    {
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, origin);
        QFETCH(int, status);
        QList<QPair<QByteArray, QByteArray>> headers = auth();
        // One header per line of the row: several lines send the header several times.
        for (const QByteArray &h : host.replace("PORT", QByteArray::number(m_port)).split('\n'))
            headers.append(qMakePair(QByteArray("Host"), h));
        if (!origin.isEmpty()) {
            for (const QByteArray &o : origin.split('\n'))
                headers.append(qMakePair(QByteArray("Origin"), o));
        }
        const auto r = HttpTestClient::request(m_port, "GET", "/v1/models", {}, headers);
        QCOMPARE(r.status, status);
        if (status == 400) {
            QCOMPARE(errorOf(r).value(QLatin1String("type")).toString(),
                     QStringLiteral("invalid_request_error"));
        } else if (status == 200) {
            QCOMPARE(r.header("access-control-allow-origin"), origin);
        } else {
            QVERIFY(r.header("access-control-allow-origin").isEmpty());
            QCOMPARE(errorOf(r).value(QLatin1String("type")).toString(),
                     QStringLiteral("permission_error"));
        }
    }

    void preflightOnlyForAllowedOrigins()
    {
        const auto bad = HttpTestClient::request(
            m_port, "OPTIONS", "/v1/chat/completions", {},
            {{"Origin", "https://attacker.example"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(bad.status, 403);
        QVERIFY(bad.header("access-control-allow-origin").isEmpty());
        const auto good = HttpTestClient::request(
            m_port, "OPTIONS", "/v1/chat/completions", {},
            {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(good.status, 204);
        QCOMPARE(good.header("access-control-allow-origin"), QByteArray("http://localhost:5173"));
        QVERIFY(good.header("access-control-allow-headers").contains("authorization"));
    }

    void preflightAllowsTheBrowserSdksHeaders()
    {
        // What Chromium asks for before a call of the official Anthropic browser SDK.
        const QByteArray requested =
            "anthropic-dangerous-direct-browser-access,anthropic-version,content-type,x-api-key,"
            "x-stainless-arch,x-stainless-lang,x-stainless-os,x-stainless-package-version,"
            "x-stainless-retry-count,x-stainless-runtime,x-stainless-runtime-version,"
            "x-stainless-timeout";
        const auto good = HttpTestClient::request(m_port, "OPTIONS", "/v1/messages", {},
                                                  {{"Origin", "http://localhost:5173"},
                                                   {"Access-Control-Request-Method", "POST"},
                                                   {"Access-Control-Request-Headers", requested}});
        QCOMPARE(good.status, 204);
        QList<QByteArray> allowed;
        for (const QByteArray &name : good.header("access-control-allow-headers").split(','))
            allowed.append(name.trimmed());
        for (const QByteArray &name : requested.split(','))
            QVERIFY2(allowed.contains(name), name.constData());
        // The same question from a page the user did not allow gets nothing.
        const auto bad = HttpTestClient::request(m_port, "OPTIONS", "/v1/messages", {},
                                                 {{"Origin", "http://localhost:5174"},
                                                  {"Access-Control-Request-Method", "POST"},
                                                  {"Access-Control-Request-Headers", requested}});
        QCOMPARE(bad.status, 403);
        QVERIFY(bad.header("access-control-allow-headers").isEmpty());
        QVERIFY(bad.header("access-control-allow-origin").isEmpty());
    }

    void wrongMethodAndUnknownPath()
    {
        QCOMPARE(HttpTestClient::request(m_port, "GET", "/v1/chat/completions", {}, auth()).status,
                 405);
        const auto r = HttpTestClient::request(m_port, "GET", "/v1/nothing", {}, auth());
        QCOMPARE(r.status, 404);
        QCOMPARE(errorOf(r).value(QLatin1String("code")).toString(),
                 QStringLiteral("unknown_endpoint"));
    }

    void malformedFramingGets400AndServerSurvives_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01 binary junk\r\n\r\n") << 400;
        QTest::newRow("smuggling")
            << QByteArray(
                   "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                   "4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("bad chunk")
            << QByteArray("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Authorization: Bearer " +
                          m_key.toLatin1() +
                          "\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n")
            << 400;
        QTest::newRow("huge header")
            << QByteArray("GET /healthz HTTP/1.1\r\nX: " + QByteArray(40 * 1024, 'a') + "\r\n\r\n")
            << 431;
        QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    }
    void malformedFramingGets400AndServerSurvives()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        HttpTestClient client(m_port);
        QVERIFY(client.connectToServer());
        client.sendRaw(raw);
        const auto r = client.waitForResponse(5000);
        QCOMPARE(r.status, status);
        QVERIFY(!errorOf(r).value(QLatin1String("message")).toString().isEmpty());
        QVERIFY(client.waitForDisconnect());
        QCOMPARE(HttpTestClient::request(m_port, "GET", "/healthz").status, 200);
    }

    void expectContinue()
    {
        HttpTestClient client(m_port);
        QVERIFY(client.connectToServer());
        const QByteArray body = chatBody("fake:echo-1");
        client.sendRaw(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
            m_key.toLatin1() + "\r\nExpect: 100-continue\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n");
        QTRY_VERIFY(client.socket()->bytesAvailable() > 0 || client.current().status == 100);
        client.socket()->write(body);
        QCOMPARE(client.waitForResponse().status, 200);
    }

    // A client that shuts its sending side after a whole request still gets the answer:
    // after an interim 100 on HTTP/1.1, none on HTTP/1.0; a stream arrives whole.
    void halfClosedClientGetsItsAnswer_data()
    {
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<bool>("stream");
        QTest::newRow("HTTP/1.1") << QByteArray("1.1") << false;
        QTest::newRow("HTTP/1.1 stream") << QByteArray("1.1") << true;
        QTest::newRow("HTTP/1.0") << QByteArray("1.0") << false;
    }
    void halfClosedClientGetsItsAnswer()
    {
        QFETCH(QByteArray, version);
        QFETCH(bool, stream);
        m_upstream->streamEvents = 5;
        m_upstream->streamIntervalMs = 30; // the stream begins after the half-close
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray body = chatBody("fake:echo-1", stream);
        socket.write("POST /v1/chat/completions HTTP/" + version +
                     "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_key.toLatin1() +
                     "\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket.waitForBytesWritten(5000));
        QCOMPARE(::shutdown(static_cast<int>(socket.socketDescriptor()), SHUT_WR), 0);
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT(
            (answer += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState),
            10000);
        answer += socket.readAll();
        // The interim answer comes only when the half-close was seen before the answer began.
        const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n";
        if (version == "1.0" || answer.startsWith("HTTP/1.1 200"))
            QVERIFY2(!answer.contains(interim), answer.left(200).constData());
        else
            answer.remove(0, interim.size());
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.left(200).constData());
        if (stream) {
            QVERIFY2(answer.contains("data: [DONE]"), answer.right(300).constData());
            QVERIFY(answer.endsWith("0\r\n\r\n")); // the whole chunked stream
        } else {
            QVERIFY(answer.contains("echo: hello there"));
        }
        m_upstream->streamIntervalMs = 0;
    }

    // A client that closed altogether before its answer began is told from one that only
    // half-closed: the interim answer meets a reset, and the upstream call is dropped.
    void closedClientBeforeTheAnswerAbortsUpstream()
    {
        m_upstream->streamEvents = 200;
        m_upstream->streamIntervalMs = 20;
        const int abortedBefore = m_upstream->abortedStreams;
        const int completedBefore = m_upstream->completedStreams;
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        const QByteArray body = chatBody("fake:echo-1", true);
        const QByteArray request = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Authorization: Bearer " +
                                   m_key.toLatin1() +
                                   "\r\nContent-Length: " + QByteArray::number(body.size()) +
                                   "\r\n\r\n" + body;
        QCOMPARE(::send(fd, request.constData(), static_cast<size_t>(request.size()), 0),
                 static_cast<ssize_t>(request.size()));
        ::close(fd); // gone, nothing read
        QTRY_COMPARE_WITH_TIMEOUT(m_upstream->abortedStreams, abortedBefore + 1, 5000);
        QCOMPARE(m_upstream->completedStreams, completedBefore);
        m_upstream->streamIntervalMs = 0;
        m_upstream->streamEvents = 5;
    }

    void chunkedRequestBody()
    {
        HttpTestClient client(m_port);
        QVERIFY(client.connectToServer());
        const QByteArray body = chatBody("fake:echo-1");
        const QByteArray a = body.left(10), b = body.mid(10);
        client.sendRaw(
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
            m_key.toLatin1() + "\r\nTransfer-Encoding: chunked\r\n\r\n" +
            QByteArray::number(a.size(), 16) + "\r\n" + a + "\r\n" +
            QByteArray::number(b.size(), 16) + "\r\n" + b + "\r\n0\r\n\r\n");
        QCOMPARE(client.waitForResponse().status, 200);
    }

    void keylessRequestIsRefusedBeforeItsBody()
    {
        HttpTestClient client(m_port);
        QVERIFY(client.connectToServer());
        // The body is announced, and 100 Continue asked for, but never sent.
        client.sendRaw("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Expect: 100-continue\r\nContent-Type: application/json\r\n"
                       "Content-Length: 60000\r\n\r\n");
        const auto r = client.waitForResponse(3000);
        QCOMPARE(r.status, 401);
        QCOMPARE(errorOf(r).value(QLatin1String("type")).toString(),
                 QStringLiteral("authentication_error"));
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(client.waitForDisconnect(3000));
    }

    void foreignHostIsRefusedBeforeItsBody()
    {
        HttpTestClient client(m_port);
        QVERIFY(client.connectToServer());
        client.sendRaw("POST /v1/chat/completions HTTP/1.1\r\nHost: attacker.example\r\n"
                       "Authorization: Bearer " +
                       m_key.toLatin1() + "\r\nContent-Length: 60000\r\n\r\n");
        QCOMPARE(client.waitForResponse(3000).status, 403);
        QVERIFY(client.waitForDisconnect(3000));
    }

    void continueOnlyAfterTheKeyIsAccepted()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(3000));
        const QByteArray body = chatBody("fake:echo-1");
        socket.write("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                     "Bearer " +
                     m_key.toLatin1() + "\r\nExpect: 100-continue\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n");
        QByteArray got;
        QTRY_VERIFY_WITH_TIMEOUT((got += socket.readAll()).contains("\r\n\r\n"), 3000);
        QVERIFY2(got.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), got.constData());
        socket.write(body);
        QTRY_VERIFY_WITH_TIMEOUT((got += socket.readAll()).contains("echo: hello there"), 3000);
        QVERIFY(got.contains("HTTP/1.1 200 OK\r\n"));
    }

    void limitsOnConnectionsAndIdleTime()
    {
        Config c = baseConfig();
        c.gateway.maxConnections = 2;
        c.gateway.idleTimeoutMs = 300;
        GatewayService service;
        QSignalSpy listening(&service, &GatewayService::listening);
        service.start(GatewaySnapshot::build(c, {}, {}));
        QVERIFY(listening.wait(5000));
        const quint16 port = listening.first().at(1).value<quint16>();

        HttpTestClient a(port), b(port), d(port);
        QVERIFY(a.connectToServer());
        QVERIFY(b.connectToServer());
        QTest::qWait(50);    // let the server count both before the third arrives
        d.connectToServer(); // the server answers at once, before any request, and closes
        const auto refused = d.waitForResponse(3000);
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.header("x-request-id").startsWith("req_"));
        QCOMPARE(refused.header("retry-after"), QByteArray("1"));
        QCOMPARE(errorOf(refused).value(QLatin1String("code")).toString(),
                 QStringLiteral("too_many_connections"));
        // Idle connections are closed by the server, which frees the slots.
        QVERIFY(a.waitForDisconnect(3000));
        QVERIFY(b.waitForDisconnect(3000));
        QTRY_COMPARE_WITH_TIMEOUT(HttpTestClient::request(port, "GET", "/healthz").status, 200,
                                  3000);
    }

    void connectTimeoutIs504()
    {
        // A listening socket with a full accept queue: connection attempts hang unanswered.
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
        QCOMPARE(::listen(listener, 0), 0);
        socklen_t len = sizeof addr;
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len);
        QList<int> fillers;
        for (int i = 0; i < 3; ++i) {
            const int f = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            ::connect(f, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
            fillers << f;
        }
        QTest::qWait(100);

        Config c = baseConfig();
        Provider stuck;
        stuck.id = QStringLiteral("stuck");
        stuck.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(ntohs(addr.sin_port)));
        stuck.timeouts.connectMs = 300;
        c.providers.append(stuck);
        GatewayService service;
        QSignalSpy listening(&service, &GatewayService::listening);
        service.start(GatewaySnapshot::build(c, {}, {}));
        QVERIFY(listening.wait(5000));
        QElapsedTimer clock;
        clock.start();
        const auto r = HttpTestClient::request(listening.first().at(1).value<quint16>(), "POST",
                                               "/v1/chat/completions", chatBody("stuck:m"), auth());
        QCOMPARE(r.status, 504);
        QVERIFY2(errorOf(r)
                     .value(QLatin1String("message"))
                     .toString()
                     .contains(QLatin1String("connecting")),
                 r.body.constData());
        QVERIFY(clock.elapsed() < 3000);
        for (const int f : fillers)
            ::close(f);
        ::close(listener);
    }

    // A service of its own with short deadlines: the header deadline is the idle timeout
    // (300 ms), the body deadline twice that.
    quint16 startShortDeadlines(GatewayService &service)
    {
        Config c = baseConfig();
        c.gateway.idleTimeoutMs = 300;
        QSignalSpy listening(&service, &GatewayService::listening);
        service.start(GatewaySnapshot::build(c, {}, {}));
        if (!listening.wait(5000))
            return 0;
        return listening.first().at(1).value<quint16>();
    }

    // Sends `bytes` one at a time, `intervalMs` apart, until they are all sent, the server
    // answered or closed, or 4 s passed; returns how long that took.
    static qint64 drip(HttpTestClient &client, const QByteArray &bytes, int intervalMs)
    {
        QElapsedTimer clock;
        clock.start();
        for (const char c : bytes) {
            if (clock.elapsed() > 4000 || client.current().status != 0 ||
                client.socket()->state() != QAbstractSocket::ConnectedState)
                break;
            client.sendRaw(QByteArray(1, c));
            QTest::qWait(intervalMs);
        }
        return clock.elapsed();
    }

    void drippedHeadersGet408AtTheirDeadline()
    {
        GatewayService service;
        const quint16 port = startShortDeadlines(service);
        QVERIFY(port != 0);
        HttpTestClient client(port);
        QVERIFY(client.connectToServer());
        // A byte every 50 ms never lets 300 ms pass in silence, but the headers are not done
        // in 300 ms either.
        const QByteArray head =
            "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + QByteArray(200, 'a') +
            "\r\n\r\n";
        const qint64 took = drip(client, head, 50);
        QVERIFY2(took < 2000, QByteArray::number(took).constData());
        const auto r = client.waitForResponse(3000);
        QCOMPARE(r.status, 408);
        QCOMPARE(errorOf(r).value(QLatin1String("code")).toString(),
                 QStringLiteral("request_timeout"));
        QVERIFY(client.waitForDisconnect(3000));
    }

    void drippedBodyGets408AtItsDeadline()
    {
        GatewayService service;
        const quint16 port = startShortDeadlines(service);
        QVERIFY(port != 0);
        HttpTestClient client(port);
        QVERIFY(client.connectToServer());
        const QByteArray body = chatBody("fake:echo-1");
        client.sendRaw("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                       "Bearer " +
                       m_key.toLatin1() + "\r\nContent-Length: " +
                       QByteArray::number(body.size() + 4000) + "\r\n\r\n");
        const qint64 took = drip(client, body + QByteArray(4000, ' '), 50);
        QVERIFY2(took < 3000, QByteArray::number(took).constData());
        QCOMPARE(client.waitForResponse(3000).status, 408);
        QVERIFY(client.waitForDisconnect(3000));
    }

    void wildcardBindAcceptsTheAddressTheClientReached()
    {
        Config c = baseConfig();
        c.gateway.bindAddress = QStringLiteral("0.0.0.0");
        GatewayService service;
        QSignalSpy listening(&service, &GatewayService::listening);
        service.start(GatewaySnapshot::build(c, {}, {}));
        QVERIFY(listening.wait(5000));
        const quint16 port = listening.first().at(1).value<quint16>();
        // 127.0.0.2 is loopback too, but neither a loopback name nor the bind address.
        auto get = [port](const QByteArray &host) -> QByteArray {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress(QStringLiteral("127.0.0.2")), port);
            if (!socket.waitForConnected(3000))
                return QByteArray("no connection");
            socket.write("GET /healthz HTTP/1.1\r\nHost: " + host +
                         "\r\nConnection: close\r\n\r\n");
            QByteArray got;
            QElapsedTimer clock;
            clock.start();
            while (socket.state() != QAbstractSocket::UnconnectedState && clock.elapsed() < 3000) {
                socket.waitForReadyRead(100);
                got += socket.readAll();
            }
            got += socket.readAll();
            return got;
        };
        const QByteArray p = QByteArray::number(port);
        const QByteArray reached = get("127.0.0.2:" + p);
        QVERIFY2(reached.startsWith("HTTP/1.1 200 OK"), reached.constData());
        QVERIFY(get("127.0.0.2").startsWith("HTTP/1.1 200 OK"));
        QVERIFY(get("127.0.0.1:" + p).startsWith("HTTP/1.1 200 OK"));
        // Another address, or the right one with another port, is still refused.
        QVERIFY(get("127.0.0.3:" + p).startsWith("HTTP/1.1 403 Forbidden"));
        QVERIFY(get("127.0.0.2:" + QByteArray::number(port == 1 ? 2 : port - 1))
                    .startsWith("HTTP/1.1 403 Forbidden"));
        QVERIFY(get("0.0.0.0:" + p).startsWith("HTTP/1.1 403 Forbidden"));
    }

    void slowHeadersAreCutOff()
    {
        Config c = baseConfig();
        c.gateway.idleTimeoutMs = 300;
        GatewayService service;
        QSignalSpy listening(&service, &GatewayService::listening);
        service.start(GatewaySnapshot::build(c, {}, {}));
        QVERIFY(listening.wait(5000));
        HttpTestClient client(listening.first().at(1).value<quint16>());
        QVERIFY(client.connectToServer());
        client.sendRaw("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // never finished
        QVERIFY(client.waitForDisconnect(3000) || client.current().status == 408);
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
