// The Responses API end to end over real HTTP against a fake upstream: every provider surface,
// hosted tools left out and named, custom tools offered as functions, stored responses (kept
// per key, listed, deleted, surviving a restart), providers that speak several surfaces,
// OpenAI reasoning models' parameters, a model list too large to be one, and the probe that
// finds out whether a server answers the Responses API.
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "config/AccessKey.h"
#include "discovery/ProviderProbe.h"
#include "gateway/GatewayService.h"
#include "log/ResponseStore.h"
#include "util/RandomSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::HttpTestClient;

namespace {

// Answers every request with a model list of more than 8 MiB.
class HugeModelList : public QTcpServer
{
protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            const QByteArray entry = "{\"id\":\"" + QByteArray(200, 'm') + "\"},";
            QByteArray body = "{\"data\":[" + entry.repeated(45'000);
            body.chop(1);
            body += "]}";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\n\r\n" + body);
        });
    }
};

QJsonObject json(const HttpTestClient::Response &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QJsonObject lastBody(const FakeUpstream &upstream)
{
    return QJsonDocument::fromJson(upstream.received.last().body).object();
}

} // namespace

class TestResponses : public QObject
{
    Q_OBJECT
private:
    FakeUpstream *m_upstream = nullptr;
    HugeModelList *m_huge = nullptr;
    GatewayService *m_service = nullptr;
    QTemporaryDir m_dir;
    std::unique_ptr<ResponseStore> m_store;
    Config m_config;
    quint16 m_port = 0;
    QByteArray m_key;
    QByteArray m_otherKey;

    QList<QPair<QByteArray, QByteArray>> auth(const QByteArray &key = {}) const
    {
        return {{"Authorization", "Bearer " + (key.isEmpty() ? m_key : key)},
                {"content-type", "application/json"}};
    }
    HttpTestClient::Response post(const QByteArray &path, const QJsonObject &body,
                                  const QByteArray &key = {})
    {
        return HttpTestClient::request(
            m_port, "POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), auth(key));
    }
    HttpTestClient::Response get(const QByteArray &path, const QByteArray &key = {})
    {
        return HttpTestClient::request(m_port, "GET", path, {}, auth(key));
    }
    void startService()
    {
        m_service = new GatewayService(this);
        m_service->setResponseStore(m_store.get());
        QSignalSpy listening(m_service, &GatewayService::listening);
        // The catalog's OpenAI entry, moved to this machine: its models' parameters apply to
        // the provider named "openai" here.
        Catalog catalog = Catalog::builtIn();
        catalog.overlay(
            Catalog::fromJson("{\"catalogVersion\":3,\"providers\":[{\"id\":\"openai\","
                              "\"name\":\"OpenAI\",\"baseUrl\":\"https://127.0.0.1/v1\","
                              "\"surfaces\":[\"openai\",\"responses\"]}]}")
                .value());
        m_service->start(
            GatewaySnapshot::build(m_config, {}, {}, std::make_shared<const Catalog>(catalog)));
        QVERIFY(listening.wait(5000));
        m_port = listening.first().at(1).value<quint16>();
    }

private slots:
    void initTestCase()
    {
        m_upstream = new FakeUpstream(this);
        QVERIFY(m_upstream->listen());
        m_huge = new HugeModelList;
        QVERIFY(m_huge->listen(QHostAddress::LocalHost));
        Config c;
        c.instanceId = QStringLiteral("responses");
        c.gateway.port = 0;
        Provider chat;
        chat.id = QStringLiteral("chat");
        chat.baseUrl = QUrl(m_upstream->baseUrl());
        chat.models = {QStringLiteral("m1"), QStringLiteral("cut-2"), QStringLiteral("cut-4")};
        Provider resp = chat;
        resp.id = QStringLiteral("resp");
        resp.surfaces = {ApiSurface::Responses};
        Provider claude = chat;
        claude.id = QStringLiteral("claude");
        claude.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_upstream->port()));
        claude.surfaces = {ApiSurface::Anthropic};
        Provider both = chat;
        both.id = QStringLiteral("both");
        both.surfaces = {ApiSurface::OpenAi, ApiSurface::Responses};
        // Named like the catalog's OpenAI entry: its models' parameters apply.
        Provider openai = chat;
        openai.id = QStringLiteral("openai");
        openai.models.clear();
        openai.models = {QStringLiteral("gpt-5-mini"), QStringLiteral("gpt-4.1"),
                         QStringLiteral("o3")};
        openai.surfaces = {ApiSurface::OpenAi};
        Provider huge;
        huge.id = QStringLiteral("huge");
        huge.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_huge->serverPort()));
        c.providers = {chat, resp, claude, both, openai, huge};
        const auto created = AccessKeys::create(QStringLiteral("t"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        const auto other = AccessKeys::create(QStringLiteral("other"), systemRandomBytes,
                                              QDateTime::currentDateTimeUtc());
        m_key = created.key.toLatin1();
        m_otherKey = other.key.toLatin1();
        c.accessKeys = {created.record, other.record};
        m_config = c;
        m_store =
            std::make_unique<ResponseStore>(m_dir.filePath(QStringLiteral("responses.sqlite")));
        QVERIFY(m_store->open());
        startService();
    }

    void cleanupTestCase()
    {
        delete m_service;
        delete m_huge;
    }

    void init() { m_upstream->received.clear(); }

    void everySurface_data()
    {
        QTest::addColumn<QByteArray>("provider");
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("chat") << QByteArray("chat") << QByteArray("/v1/chat/completions");
        QTest::newRow("responses") << QByteArray("resp") << QByteArray("/v1/responses");
        QTest::newRow("anthropic") << QByteArray("claude") << QByteArray("/v1/messages");
    }
    void everySurface()
    {
        QFETCH(QByteArray, provider);
        QFETCH(QByteArray, path);
        const auto r =
            post("/v1/responses", {{QLatin1String("model"), QString::fromLatin1(provider + ":m1")},
                                   {QLatin1String("input"), QLatin1String("hello")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QLatin1String("object")).toString(), QStringLiteral("response"));
        QCOMPARE(r.header("x-gatehouse-provider"), provider);
        QCOMPARE(m_upstream->received.last().path, path);
        QVERIFY(!r.header("x-gatehouse-overhead-ms").isEmpty());
    }

    // Hosted tools an upstream cannot run are left out for it, and named; the Responses
    // provider gets them as they were sent.
    void hostedToolsDroppedAndNamed()
    {
        const QJsonArray tools{
            QJsonObject{{QLatin1String("type"), QLatin1String("web_search")}},
            QJsonObject{{QLatin1String("type"), QLatin1String("file_search")},
                        {QLatin1String("vector_store_ids"), QJsonArray{QLatin1String("vs_1")}}},
            QJsonObject{{QLatin1String("type"), QLatin1String("custom")},
                        {QLatin1String("name"), QLatin1String("apply_patch")},
                        {QLatin1String("format"),
                         QJsonObject{{QLatin1String("type"), QLatin1String("grammar")},
                                     {QLatin1String("syntax"), QLatin1String("lark")},
                                     {QLatin1String("definition"), QLatin1String("start: x")}}}}};
        auto r = post("/v1/responses", {{QLatin1String("model"), QLatin1String("chat:m1")},
                                        {QLatin1String("input"), QLatin1String("hi")},
                                        {QLatin1String("tools"), tools}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-gatehouse-dropped-tools"), QByteArray("web_search, file_search"));
        const QJsonArray sent = lastBody(*m_upstream).value(QLatin1String("tools")).toArray();
        QCOMPARE(sent.size(), 1);
        const QJsonObject function =
            sent.at(0).toObject().value(QLatin1String("function")).toObject();
        QCOMPARE(function.value(QLatin1String("name")).toString(), QStringLiteral("apply_patch"));
        QVERIFY(function.value(QLatin1String("description"))
                    .toString()
                    .contains(QLatin1String("start: x")));

        r = post("/v1/responses", {{QLatin1String("model"), QLatin1String("resp:m1")},
                                   {QLatin1String("input"), QLatin1String("hi")},
                                   {QLatin1String("tools"), tools}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("x-gatehouse-dropped-tools").isEmpty());
        QCOMPARE(lastBody(*m_upstream).value(QLatin1String("tools")).toArray(), tools);
    }

    // A provider speaking several surfaces gets each client on its own surface.
    void severalSurfaces()
    {
        post("/v1/responses", {{QLatin1String("model"), QLatin1String("both:m1")},
                               {QLatin1String("input"), QLatin1String("hi")}});
        QCOMPARE(m_upstream->received.last().path, QByteArray("/v1/responses"));
        QVERIFY(!lastBody(*m_upstream).contains(QLatin1String("messages")));
        post("/v1/chat/completions",
             {{QLatin1String("model"), QLatin1String("both:m1")},
              {QLatin1String("messages"),
               QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                      {QLatin1String("content"), QLatin1String("x")}}}}});
        QCOMPARE(m_upstream->received.last().path, QByteArray("/v1/chat/completions"));
        // A Messages client: translated for the first surface the provider lists.
        const auto r =
            HttpTestClient::request(m_port, "POST", "/v1/messages",
                                    "{\"model\":\"both:m1\",\"max_tokens\":10,\"messages\":[{"
                                    "\"role\":\"user\",\"content\":\"x\"}]}",
                                    {{"x-api-key", m_key}});
        QCOMPARE(r.status, 200);
        QCOMPARE(m_upstream->received.last().path, QByteArray("/v1/chat/completions"));
        QCOMPARE(json(r).value(QLatin1String("type")).toString(), QStringLiteral("message"));
    }

    // OpenAI's reasoning models take max_completion_tokens and refuse sampling settings; the
    // catalog says which models those are.
    void reasoningModelParameters()
    {
        const QJsonArray messages{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                              {QLatin1String("content"), QLatin1String("x")}}};
        post("/v1/chat/completions", {{QLatin1String("model"), QLatin1String("openai:gpt-5-mini")},
                                      {QLatin1String("max_tokens"), 10},
                                      {QLatin1String("temperature"), 0.2},
                                      {QLatin1String("messages"), messages}});
        QJsonObject sent = lastBody(*m_upstream);
        QCOMPARE(sent.value(QLatin1String("max_completion_tokens")).toInt(), 10);
        QVERIFY(!sent.contains(QLatin1String("max_tokens")));
        QVERIFY(!sent.contains(QLatin1String("temperature")));
        // A family the catalog knows, though not this exact model.
        post("/v1/chat/completions", {{QLatin1String("model"), QLatin1String("openai:o3")},
                                      {QLatin1String("max_tokens"), 11},
                                      {QLatin1String("messages"), messages}});
        QCOMPARE(lastBody(*m_upstream).value(QLatin1String("max_completion_tokens")).toInt(), 11);
        // Translated requests too.
        HttpTestClient::request(m_port, "POST", "/v1/messages",
                                "{\"model\":\"openai:gpt-5-mini\",\"max_tokens\":12,\"messages\":"
                                "[{\"role\":\"user\",\"content\":\"x\"}]}",
                                {{"x-api-key", m_key}});
        QCOMPARE(lastBody(*m_upstream).value(QLatin1String("max_completion_tokens")).toInt(), 12);
        // Other models keep max_tokens.
        post("/v1/chat/completions", {{QLatin1String("model"), QLatin1String("openai:gpt-4.1")},
                                      {QLatin1String("max_tokens"), 13},
                                      {QLatin1String("messages"), messages}});
        sent = lastBody(*m_upstream);
        QCOMPARE(sent.value(QLatin1String("max_tokens")).toInt(), 13);
        QVERIFY(!sent.contains(QLatin1String("max_completion_tokens")));
    }

    void storedResponsesPerKeyListedDeleted()
    {
        auto r =
            post("/v1/responses",
                 {{QLatin1String("model"), QLatin1String("chat:m1")},
                  {QLatin1String("input"),
                   QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("developer")},
                                          {QLatin1String("content"), QLatin1String("Rules")}},
                              QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                          {QLatin1String("content"), QLatin1String("one")}},
                              QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                          {QLatin1String("content"), QLatin1String("two")}}}}});
        QCOMPARE(r.status, 200);
        const QByteArray id = json(r).value(QLatin1String("id")).toString().toLatin1();
        QCOMPARE(json(get("/v1/responses/" + id)).value(QLatin1String("id")).toString().toLatin1(),
                 id);
        // Another key sees nothing of it.
        QCOMPARE(get("/v1/responses/" + id, m_otherKey).status, 404);
        QCOMPARE(
            HttpTestClient::request(m_port, "DELETE", "/v1/responses/" + id, {}, auth(m_otherKey))
                .status,
            404);
        // Input items, newest first by default, in pages.
        auto items = json(get("/v1/responses/" + id + "/input_items?limit=2"));
        QJsonArray data = items.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 2);
        QCOMPARE(data.at(0).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("two"));
        QVERIFY(items.value(QLatin1String("has_more")).toBool());
        const QByteArray after = items.value(QLatin1String("last_id")).toString().toLatin1();
        items = json(get("/v1/responses/" + id + "/input_items?limit=2&after=" + after));
        data = items.value(QLatin1String("data")).toArray();
        QCOMPARE(data.size(), 1);
        QCOMPARE(data.at(0).toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("developer"));
        QVERIFY(!items.value(QLatin1String("has_more")).toBool());
        items = json(get("/v1/responses/" + id + "/input_items?order=asc"));
        QCOMPARE(items.value(QLatin1String("data")).toArray().size(), 3);
        QCOMPARE(get("/v1/responses/" + id + "/input_items?limit=500").status, 400);

        const auto deleted =
            HttpTestClient::request(m_port, "DELETE", "/v1/responses/" + id, {}, auth());
        QCOMPARE(deleted.status, 200);
        QVERIFY(json(deleted).value(QLatin1String("deleted")).toBool());
        const auto gone = get("/v1/responses/" + id);
        QCOMPARE(gone.status, 404);
        QCOMPARE(json(gone)
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("response_not_found"));
    }

    void previousResponseIdContinuesAnywhere()
    {
        auto first =
            post("/v1/responses", {{QLatin1String("model"), QLatin1String("resp:m1")},
                                   {QLatin1String("input"), QLatin1String("first question")}});
        QCOMPARE(first.status, 200);
        const QString id = json(first).value(QLatin1String("id")).toString();
        // Continued on another provider of another surface: it gets the whole conversation.
        auto second =
            post("/v1/responses", {{QLatin1String("model"), QLatin1String("claude:m1")},
                                   {QLatin1String("previous_response_id"), id},
                                   {QLatin1String("input"), QLatin1String("second question")}});
        QCOMPARE(second.status, 200);
        const QJsonArray sent = lastBody(*m_upstream).value(QLatin1String("messages")).toArray();
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent.at(1).toObject().value(QLatin1String("role")).toString(),
                 QStringLiteral("assistant"));
        QCOMPARE(json(second).value(QLatin1String("previous_response_id")).toString(), id);
        // The same id continued on the Responses provider: expanded there too, and the
        // provider never sees an id it does not know.
        post("/v1/responses", {{QLatin1String("model"), QLatin1String("resp:m1")},
                               {QLatin1String("previous_response_id"), id},
                               {QLatin1String("input"), QLatin1String("third")}});
        const QJsonObject body = lastBody(*m_upstream);
        QVERIFY(!body.contains(QLatin1String("previous_response_id")));
        QCOMPARE(body.value(QLatin1String("input")).toArray().size(), 3);
        // Also when the request names fallbacks, which changes the body again before it goes.
        const auto withFallbacks =
            post("/v1/responses", {{QLatin1String("model"), QLatin1String("resp:m1")},
                                   {QLatin1String("models"), QJsonArray{QLatin1String("chat:m1")}},
                                   {QLatin1String("previous_response_id"), id},
                                   {QLatin1String("input"), QLatin1String("fourth")}});
        QCOMPARE(withFallbacks.status, 200);
        const QJsonObject fallbackBody = lastBody(*m_upstream);
        QVERIFY(!fallbackBody.contains(QLatin1String("previous_response_id")));
        QVERIFY(!fallbackBody.contains(QLatin1String("models")));
        QCOMPARE(fallbackBody.value(QLatin1String("input")).toArray().size(), 3);
        // Unknown: 404 in OpenAI's shape.
        const auto unknown = post(
            "/v1/responses", {{QLatin1String("model"), QLatin1String("chat:m1")},
                              {QLatin1String("previous_response_id"), QLatin1String("resp_nope")},
                              {QLatin1String("input"), QLatin1String("x")}});
        QCOMPARE(unknown.status, 404);
        QCOMPARE(json(unknown)
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("param"))
                     .toString(),
                 QStringLiteral("previous_response_id"));
    }

    void streamsAreStoredToo()
    {
        HttpTestClient client(m_port);
        client.send("POST", "/v1/responses",
                    "{\"model\":\"chat:m1\",\"stream\":true,\"input\":\"hi\"}", auth());
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        const qsizetype at = r.body.indexOf("\"id\":\"resp_");
        QVERIFY(at > 0);
        const QByteArray id = r.body.mid(at + 6, r.body.indexOf('"', at + 6) - at - 6);
        QTRY_COMPARE(get("/v1/responses/" + id).status, 200);
    }

    void cutStreamEndsWithResponseFailed()
    {
        HttpTestClient client(m_port);
        client.send("POST", "/v1/responses",
                    "{\"model\":\"chat:cut-2\",\"stream\":true,\"input\":\"hi\"}", auth());
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("event: response.failed"));
        QVERIFY(!r.body.contains("event: response.completed"));
        // A passthrough stream cut off ends the same way.
        HttpTestClient direct(m_port);
        direct.send("POST", "/v1/responses",
                    "{\"model\":\"resp:cut-4\",\"stream\":true,\"input\":\"hi\"}", auth());
        const auto d = direct.waitForResponse();
        QVERIFY(d.body.contains("event: response.failed"));
    }

    void survivesARestart()
    {
        auto r = post("/v1/responses", {{QLatin1String("model"), QLatin1String("chat:m1")},
                                        {QLatin1String("input"), QLatin1String("remember")}});
        const QByteArray id = json(r).value(QLatin1String("id")).toString().toLatin1();
        delete m_service;
        m_store =
            std::make_unique<ResponseStore>(m_dir.filePath(QStringLiteral("responses.sqlite")));
        QVERIFY(m_store->open());
        startService();
        QCOMPARE(get("/v1/responses/" + id).status, 200);
    }

    // A provider answering a "model list" of more than 8 MiB is left out; the list still
    // comes.
    void modelListTooLargeIsLeftOut()
    {
        const auto r = get("/v1/models");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("chat:m1"));
        QVERIFY(!r.body.contains("huge:"));
    }

    void probeFindsTheResponsesApi()
    {
        ProviderProbe probe;
        Provider local;
        local.id = QStringLiteral("local");
        local.baseUrl = QUrl(m_upstream->baseUrl());
        std::optional<ProbeResult> result;
        probe.probe(local, {}, [&](const ProbeResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok);
        QVERIFY(result->servesResponses);
        QVERIFY(result->models.contains(QStringLiteral("echo-1")));
        // A server without it: the huge one answers its list to every path, but not 400.
        Provider other = local;
        other.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_huge->serverPort()));
        result.reset();
        probe.probe(
            other, {}, [&](const ProbeResult &r) { result = r; }, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
        QVERIFY(!result->ok);
        QVERIFY(!result->servesResponses);
    }
};

QTEST_GUILESS_MAIN(TestResponses)
#include "tst_responses.moc"
