// Anthropic Messages to Anthropic-surface providers, count_tokens, and embeddings: forwarded
// on the same surface with only the model rewritten, errors in the caller's shape.
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "gateway/GatewayService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::HttpTestClient;

class TestSurfaces : public QObject
{
    Q_OBJECT
private:
    FakeUpstream *m_upstream = nullptr;
    GatewayService *m_service = nullptr;
    quint16 m_port = 0;
    QByteArray m_key;

    static QByteArray messagesBody(const QByteArray &model, bool stream = false)
    {
        return "{\"model\":\"" + model +
               "\",\"max_tokens\":64,\"stream\":" + (stream ? "true" : "false") +
               ",\"system\":[{\"type\":\"text\",\"text\":\"Be "
               "brief.\",\"cache_control\":{\"type\":\"ephemeral\"}}]"
               ",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    }
    QList<QPair<QByteArray, QByteArray>> anthropicHeaders() const
    {
        return {{"x-api-key", m_key},
                {"anthropic-version", "2023-06-01"},
                {"content-type", "application/json"}};
    }
    static QJsonObject json(const HttpTestClient::Response &r)
    {
        return QJsonDocument::fromJson(r.body).object();
    }

private slots:
    void initTestCase()
    {
        m_upstream = new FakeUpstream(this);
        QVERIFY(m_upstream->listen());
        Config c;
        c.instanceId = QStringLiteral("surfaces");
        c.gateway.port = 0;
        Provider claude;
        claude.id = QStringLiteral("claude-local");
        // The host root, as Anthropic documents it; Gatehouse adds /v1/messages.
        claude.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_upstream->port()));
        claude.surfaces = {ApiSurface::Anthropic};
        claude.models = {QStringLiteral("claude-x"), QStringLiteral("status-429"),
                         QStringLiteral("status-500-text"), QStringLiteral("cut-3")};
        claude.hasKey = true;
        Provider claudeV1 = claude;
        claudeV1.id = QStringLiteral("claude-v1");
        claudeV1.baseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_upstream->port())); // not doubled
        claudeV1.hasKey = false;
        Provider oai;
        oai.id = QStringLiteral("oai");
        oai.baseUrl = QUrl(m_upstream->baseUrl());
        oai.models = {QStringLiteral("text-embed"), QStringLiteral("gpt-x")};
        Provider claudeAny = claudeV1;
        claudeAny.id = QStringLiteral("claude-any"); // no model list: asked for one
        claudeAny.models.clear();
        c.providers = {claude, claudeV1, oai, claudeAny};
        const auto created = AccessKeys::create(QStringLiteral("t"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        m_key = created.key.toLatin1();
        c.accessKeys = {created.record};
        m_service = new GatewayService(this);
        QSignalSpy listening(m_service, &GatewayService::listening);
        m_service->start(
            GatewaySnapshot::build(c, {{QStringLiteral("claude-local"), "sk-ant-local"}}, {}));
        QVERIFY(listening.wait(5000));
        m_port = listening.first().at(1).value<quint16>();
    }

    void init()
    {
        m_upstream->received.clear();
        m_upstream->streamEvents = 3;
        m_upstream->streamIntervalMs = 0;
    }

    void messagesForwardedWithProviderKey()
    {
        QList<QPair<QByteArray, QByteArray>> headers = anthropicHeaders();
        headers.append(
            qMakePair(QByteArray("anthropic-beta"), QByteArray("prompt-caching-2024-07-31")));
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/messages",
                                               messagesBody("claude-local:claude-x"), headers);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("claude-local"));
        QCOMPARE(json(r).value(QLatin1String("type")).toString(), QStringLiteral("message"));
        QCOMPARE(json(r)
                     .value(QLatin1String("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 QStringLiteral("echo: hello there"));
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.path, QByteArray("/v1/messages"));
        QCOMPARE(up.header("x-api-key"), QByteArray("sk-ant-local"));
        QVERIFY(up.header("authorization").isEmpty());
        QCOMPARE(up.header("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(up.header("anthropic-beta"), QByteArray("prompt-caching-2024-07-31"));
        // Only the model changed; the system blocks with cache_control arrive as they were.
        QCOMPARE(up.body, messagesBody("claude-x"));
    }

    void bearerAuthAndDefaultVersion()
    {
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/messages",
                                               messagesBody("claude-v1:claude-x"),
                                               {{"Authorization", "Bearer " + m_key}});
        QCOMPARE(r.status, 200);
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.path, QByteArray("/v1/messages")); // a base URL ending in /v1 is not doubled
        QCOMPARE(up.header("anthropic-version"), QByteArray("2023-06-01"));
        QVERIFY(up.header("x-api-key").isEmpty()); // this provider has no key
    }

    void messagesStreamArrivesEventByEvent()
    {
        m_upstream->streamEvents = 4;
        m_upstream->streamIntervalMs = 40;
        HttpTestClient client(m_port);
        client.send("POST", "/v1/messages", messagesBody("claude-local:claude-x", true),
                    anthropicHeaders());
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QCOMPARE(r.body.count("event: content_block_delta"), 4);
        QVERIFY(r.body.endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
        QVERIFY(!r.body.contains("event: error"));
        QVERIFY(r.chunkTimesMs.last() - r.chunkTimesMs.first() >= 5 * 40 * 0.8);
    }

    void messagesStreamCutEndsWithAnthropicErrorEvent()
    {
        HttpTestClient client(m_port);
        client.send("POST", "/v1/messages", messagesBody("claude-local:cut-3", true),
                    anthropicHeaders());
        const auto r = client.waitForResponse(5000);
        QVERIFY(r.complete);
        QVERIFY2(r.body.contains("event: error\ndata: {\"error\":{\"message\""),
                 r.body.constData());
        QVERIFY(r.body.contains("\"type\":\"error\""));
    }

    void anthropicShapedErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("no key") << messagesBody("claude-local:claude-x") << QByteArray() << 401
                                << "authentication_error";
        QTest::newRow("bad json") << QByteArray("{\"model\":") << QByteArray("KEY") << 400
                                  << "invalid_request_error";
        QTest::newRow("unknown model") << messagesBody("claude-local:claude-z") << QByteArray("KEY")
                                       << 404 << "not_found_error";
        QTest::newRow("upstream 429 relayed")
            << messagesBody("claude-local:status-429") << QByteArray("KEY") << 429 << "fake_error";
        QTest::newRow("upstream html wrapped") << messagesBody("claude-local:status-500-text")
                                               << QByteArray("KEY") << 500 << "api_error";
    }
    void anthropicShapedErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, key);
        QFETCH(int, status);
        QFETCH(QString, type);
        QList<QPair<QByteArray, QByteArray>> headers{{"anthropic-version", "2023-06-01"}};
        if (!key.isEmpty())
            headers.append(qMakePair(QByteArray("x-api-key"), QByteArray(m_key)));
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/messages", body, headers);
        QCOMPARE(r.status, status);
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(o.value(QLatin1String("error")).toObject().value(QLatin1String("type")).toString(),
                 type);
        QVERIFY(!o.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .isEmpty());
        if (status == 429)
            QCOMPARE(r.header("retry-after"), QByteArray("7"));
    }

    void chatTranslatedToAnthropicProvider()
    {
        const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + m_key}};
        const QByteArray chat = "{\"model\":\"claude-local:claude-x\",\"messages\":[{\"role\":"
                                "\"system\",\"content\":\"Be brief.\"},"
                                "{\"role\":\"user\",\"content\":\"hello there\"}]}";
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/chat/completions", chat, auth);
        QCOMPARE(r.status, 200);
        const QJsonObject body = json(r);
        QCOMPARE(body.value(QLatin1String("object")).toString(), QStringLiteral("chat.completion"));
        QCOMPARE(body.value(QLatin1String("choices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("content"))
                     .toString(),
                 QStringLiteral("echo: hello there"));
        QCOMPARE(body.value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("total_tokens"))
                     .toInt(),
                 8);
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.path, QByteArray("/v1/messages"));
        QCOMPARE(up.header("x-api-key"), QByteArray("sk-ant-local"));
        QCOMPARE(up.header("anthropic-version"), QByteArray("2023-06-01"));
        const QJsonObject sent = QJsonDocument::fromJson(up.body).object();
        QCOMPARE(sent.value(QLatin1String("system")).toString(), QStringLiteral("Be brief."));
        QCOMPARE(sent.value(QLatin1String("max_tokens")).toInt(), 4096);
        QCOMPARE(sent.value(QLatin1String("model")).toString(), QStringLiteral("claude-x"));
    }

    void chatStreamTranslatedEventByEvent()
    {
        m_upstream->streamEvents = 4;
        m_upstream->streamIntervalMs = 40;
        HttpTestClient client(m_port);
        client.send("POST", "/v1/chat/completions",
                    "{\"model\":\"claude-local:claude-x\",\"stream\":true,\"stream_options\":{"
                    "\"include_usage\":true},"
                    "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    {{"Authorization", "Bearer " + m_key}});
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.count("\"object\":\"chat.completion.chunk\""),
                 1 + 4 + 1 + 1); // role, text, finish, usage
        QVERIFY(r.body.contains("\"content\":\"tok0 \""));
        QVERIFY(r.body.contains("\"finish_reason\":\"stop\""));
        QVERIFY(r.body.contains("\"completion_tokens\":4"));
        QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
        QVERIFY(!r.body.contains("event:"));
        // Translated chunks still arrive as the upstream produces them.
        QVERIFY(r.chunkTimesMs.last() - r.chunkTimesMs.first() >= 5 * 40 * 0.8);
    }

    void chatTranslatedErrorsInOpenAiShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("upstream 429")
            << QByteArray("{\"model\":\"claude-local:status-429\",\"messages\":[{\"role\":\"user\","
                          "\"content\":\"x\"}]}")
            << 429;
        QTest::newRow("tool result without call")
            << QByteArray("{\"model\":\"claude-local:claude-x\",\"messages\":[{\"role\":\"user\","
                          "\"content\":\"x\"},{\"role\":\"tool\",\"tool_call_id\":\"c9\","
                          "\"content\":\"1\"}]}")
            << 400;
        QTest::newRow("oversized image")
            << QByteArray("{\"model\":\"claude-local:claude-x\",\"messages\":[{\"role\":\"user\","
                          "\"content\":[{\"type\":\"image_url\","
                          "\"image_url\":{\"url\":\"data:image/png;base64," +
                          QByteArray(7 * 1024 * 1024, 'A') + "\"}}]}]}")
            << 400;
        QTest::newRow("unknown role")
            << QByteArray("{\"model\":\"claude-local:claude-x\",\"messages\":[{\"role\":\"robot\","
                          "\"content\":\"x\"}]}")
            << 400;
    }
    void chatTranslatedErrorsInOpenAiShape()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/chat/completions", body,
                                               {{"Authorization", "Bearer " + m_key}});
        QCOMPARE(r.status, status);
        const QJsonObject o = json(r);
        QVERIFY2(!o.contains(QLatin1String("type")), r.body.constData()); // not Anthropic's shape
        QVERIFY(!o.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .isEmpty());
    }

    void messagesTranslatedToOpenAiProvider()
    {
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/messages",
                                               messagesBody("oai:gpt-x"), anthropicHeaders());
        QCOMPARE(r.status, 200);
        const QJsonObject body = json(r);
        QCOMPARE(body.value(QLatin1String("type")).toString(), QStringLiteral("message"));
        QCOMPARE(body.value(QLatin1String("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 QStringLiteral("echo: hello there"));
        QCOMPARE(body.value(QLatin1String("stop_reason")).toString(), QStringLiteral("end_turn"));
        QCOMPARE(body.value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("output_tokens"))
                     .toInt(),
                 3);
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.path, QByteArray("/v1/chat/completions"));
        const QJsonObject sent = QJsonDocument::fromJson(up.body).object();
        QCOMPARE(sent.value(QLatin1String("model")).toString(), QStringLiteral("gpt-x"));
        QCOMPARE(sent.value(QLatin1String("messages"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("role"))
                     .toString(),
                 QStringLiteral("system"));
        QVERIFY(up.header("x-api-key").isEmpty());
    }

    void messagesStreamTranslatedFromOpenAi()
    {
        m_upstream->streamEvents = 4;
        m_upstream->streamIntervalMs = 40;
        HttpTestClient client(m_port);
        client.send("POST", "/v1/messages", messagesBody("oai:gpt-x", true), anthropicHeaders());
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.startsWith("event: message_start\n"));
        QCOMPARE(r.body.count("event: content_block_delta"), 4);
        QCOMPARE(r.body.count("event: content_block_start"), 1);
        QVERIFY(r.body.contains("\"stop_reason\":\"end_turn\""));
        QVERIFY(
            r.body.contains("\"output_tokens\":4")); // usage was asked for upstream and reported
        QVERIFY(r.body.endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"));
        QVERIFY(r.chunkTimesMs.last() - r.chunkTimesMs.first() >= 3 * 40 * 0.8);
        QVERIFY(QJsonDocument::fromJson(m_upstream->received.last().body)
                    .object()
                    .value(QLatin1String("stream_options"))
                    .isObject());
    }

    void translatedStreamCutEndsWithErrorEvent()
    {
        HttpTestClient client(m_port);
        client.send("POST", "/v1/chat/completions",
                    "{\"model\":\"claude-local:cut-3\",\"stream\":true,\"messages\":[{\"role\":"
                    "\"user\",\"content\":\"hi\"}]}",
                    {{"Authorization", "Bearer " + m_key}});
        const auto r = client.waitForResponse(5000);
        QVERIFY(r.complete);
        QVERIFY2(r.body.contains("data: {\"error\""), r.body.constData());
        QVERIFY(!r.body.contains("[DONE]"));
    }

    void translatedBadInputInAnthropicShape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("unknown role")
            << QByteArray("{\"model\":\"oai:gpt-x\",\"max_tokens\":5,\"messages\":[{\"role\":"
                          "\"robot\",\"content\":\"x\"}]}");
        QTest::newRow("tool result without use") << QByteArray(
            "{\"model\":\"oai:gpt-x\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\","
            "\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\"}]}]}");
        QTest::newRow("malformed block")
            << QByteArray("{\"model\":\"oai:gpt-x\",\"max_tokens\":5,\"messages\":[{\"role\":"
                          "\"user\",\"content\":[{\"type\":\"text\",\"text\":5}]}]}");
    }
    void translatedBadInputInAnthropicShape()
    {
        QFETCH(QByteArray, body);
        const auto r =
            HttpTestClient::request(m_port, "POST", "/v1/messages", body, anthropicHeaders());
        QCOMPARE(r.status, 400);
        QCOMPARE(json(r).value(QLatin1String("type")).toString(), QStringLiteral("error"));
        QCOMPARE(json(r)
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("invalid_request_error"));
    }

    void modelsOfAnthropicProviderAreDiscovered()
    {
        const auto r =
            HttpTestClient::request(m_port, "GET", "/v1/models", {}, {{"x-api-key", m_key}});
        QCOMPARE(r.status, 200);
        QStringList ids;
        for (const QJsonValue v : json(r).value(QLatin1String("data")).toArray())
            ids << v.toObject().value(QLatin1String("id")).toString();
        QVERIFY2(ids.contains(QStringLiteral("claude-any:echo-1")),
                 qPrintable(ids.join(QLatin1Char(','))));
        QVERIFY(ids.contains(QStringLiteral("claude-local:claude-x")));
        QCOMPARE(m_upstream->received.last().path, QByteArray("/v1/models"));
        QCOMPARE(m_upstream->received.last().header("anthropic-version"), QByteArray("2023-06-01"));
    }

    void countTokens()
    {
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/messages/count_tokens",
                                               "{\"model\":\"claude-local:claude-x\",\"messages\":["
                                               "{\"role\":\"user\",\"content\":\"hi\"}]}",
                                               anthropicHeaders());
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QLatin1String("input_tokens")).toInt(), 12);
        QCOMPARE(m_upstream->received.last().path, QByteArray("/v1/messages/count_tokens"));

        const auto refused = HttpTestClient::request(
            m_port, "POST", "/v1/messages/count_tokens",
            "{\"model\":\"oai:gpt-x\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            anthropicHeaders());
        QCOMPARE(refused.status, 400);
        QVERIFY(json(refused)
                    .value(QLatin1String("error"))
                    .toObject()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("token counting")));
    }

    void embeddings()
    {
        const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer " + m_key}};
        const auto r = HttpTestClient::request(
            m_port, "POST", "/v1/embeddings",
            "{\"model\":\"oai:text-embed\",\"input\":[\"a\",\"b\"],\"dimensions\":3}", auth);
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QLatin1String("data")).toArray().size(), 1);
        QCOMPARE(m_upstream->received.last().path, QByteArray("/v1/embeddings"));
        QCOMPARE(m_upstream->received.last().body,
                 QByteArray("{\"model\":\"text-embed\",\"input\":[\"a\",\"b\"],\"dimensions\":3}"));

        const auto noInput = HttpTestClient::request(m_port, "POST", "/v1/embeddings",
                                                     "{\"model\":\"oai:text-embed\"}", auth);
        QCOMPARE(noInput.status, 400);
        QCOMPARE(json(noInput)
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("param"))
                     .toString(),
                 QStringLiteral("input"));
        const auto wrongSurface =
            HttpTestClient::request(m_port, "POST", "/v1/embeddings",
                                    "{\"model\":\"claude-local:claude-x\",\"input\":\"a\"}", auth);
        QCOMPARE(wrongSurface.status, 400);
        QVERIFY(json(wrongSurface)
                    .value(QLatin1String("error"))
                    .isObject()); // OpenAI shape on OpenAI endpoints
    }
};

QTEST_GUILESS_MAIN(TestSurfaces)
#include "tst_surfaces.moc"
