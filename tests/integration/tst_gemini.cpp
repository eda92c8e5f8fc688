// Google's Gemini API, served and spoken: Gemini clients to a Gemini provider (relayed byte
// for byte, the model in the URL), to providers of every other surface (translated), and
// clients of every other surface to a Gemini provider; keys in x-goog-api-key, ?key= or
// Authorization; streams as server-sent events and as a JSON array; model lists; errors in
// Google's shape, also inside a stream that already began; usage from usageMetadata.
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

using Headers = QList<QPair<QByteArray, QByteArray>>;

class TestGemini : public QObject
{
    Q_OBJECT
private:
    FakeUpstream *m_upstream = nullptr;
    GatewayService *m_service = nullptr;
    quint16 m_port = 0;
    QByteArray m_key;

    static QByteArray geminiBody(const QByteArray &text = "hello there")
    {
        return "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + text +
               "\"}]}],\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},"
               "\"generationConfig\":{\"temperature\":0.5,\"maxOutputTokens\":64},"
               "\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":"
               "\"BLOCK_NONE\"}]}";
    }
    Headers goog() const
    {
        return {{"x-goog-api-key", m_key}, {"content-type", "application/json"}};
    }
    static QJsonObject json(const HttpTestClient::Response &r)
    {
        return QJsonDocument::fromJson(r.body).object();
    }
    static QString text(const QJsonObject &response)
    {
        QString out;
        for (const QJsonValue p : response.value(QLatin1String("candidates"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QLatin1String("content"))
                                      .toObject()
                                      .value(QLatin1String("parts"))
                                      .toArray())
            out += p.toObject().value(QLatin1String("text")).toString();
        return out;
    }
    // The chunks of a Gemini SSE stream.
    static QList<QJsonObject> chunks(const QByteArray &sse)
    {
        QList<QJsonObject> out;
        for (const QByteArray &line : sse.split('\n')) {
            if (line.startsWith("data: "))
                out << QJsonDocument::fromJson(line.mid(6).trimmed()).object();
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        m_upstream = new FakeUpstream(this);
        QVERIFY(m_upstream->listen());
        const QString root = QStringLiteral("http://127.0.0.1:%1").arg(m_upstream->port());
        Config c;
        c.instanceId = QStringLiteral("gemini");
        c.gateway.port = 0;
        Provider gem;
        gem.id = QStringLiteral("gem");
        gem.baseUrl = QUrl(root); // the host root, as Google documents it
        gem.surfaces = {ApiSurface::Gemini};
        gem.models = {QStringLiteral("echo-1"), QStringLiteral("llama3.2:3b"),
                      QStringLiteral("status-429"), QStringLiteral("cut-2"),
                      QStringLiteral("agent-1")};
        gem.hasKey = true;
        Provider gemAny = gem; // no model list: asked for one
        gemAny.id = QStringLiteral("gem-any");
        gemAny.models.clear();
        gemAny.hasKey = false;
        Provider oai;
        oai.id = QStringLiteral("oai");
        oai.baseUrl = QUrl(m_upstream->baseUrl());
        oai.models = {QStringLiteral("gpt-x"), QStringLiteral("cut-2")};
        Provider claude;
        claude.id = QStringLiteral("claude");
        claude.baseUrl = QUrl(root);
        claude.surfaces = {ApiSurface::Anthropic};
        claude.models = {QStringLiteral("claude-x")};
        Provider resp;
        resp.id = QStringLiteral("resp");
        resp.baseUrl = QUrl(m_upstream->baseUrl());
        resp.surfaces = {ApiSurface::Responses};
        resp.models = {QStringLiteral("resp-x")};
        c.providers = {gem, gemAny, oai, claude, resp};
        const auto created = AccessKeys::create(QStringLiteral("t"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        m_key = created.key.toLatin1();
        c.accessKeys = {created.record};
        m_service = new GatewayService(this);
        QSignalSpy listening(m_service, &GatewayService::listening);
        m_service->start(GatewaySnapshot::build(c, {{QStringLiteral("gem"), "AIza-provider"}}, {}));
        QVERIFY(listening.wait(5000));
        m_port = listening.first().at(1).value<quint16>();
    }

    void init()
    {
        m_upstream->received.clear();
        m_upstream->streamEvents = 3;
        m_upstream->streamIntervalMs = 0;
    }

    void sameSurfaceRelayedByteForByte()
    {
        const auto r = HttpTestClient::request(
            m_port, "POST", "/v1beta/models/gem:echo-1:generateContent", geminiBody(), goog());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-gatehouse-provider"), QByteArray("gem"));
        QCOMPARE(text(json(r)), QStringLiteral("echo: hello there"));
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.path, QByteArray("/v1beta/models/echo-1:generateContent"));
        QVERIFY(up.query.isEmpty());
        QCOMPARE(up.header("x-goog-api-key"), QByteArray("AIza-provider"));
        QVERIFY(up.header("authorization").isEmpty());
        QCOMPARE(up.body, geminiBody()); // safetySettings and all, untouched
    }

    void modelSplitAtLastColon()
    {
        const auto r = HttpTestClient::request(
            m_port, "POST", "/v1/models/gem:llama3.2:3b:generateContent", geminiBody(), goog());
        QCOMPARE(r.status, 200);
        QCOMPARE(m_upstream->received.last().path,
                 QByteArray("/v1beta/models/llama3.2:3b:generateContent"));
    }

    void keyInQueryOrBearer_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("bearer");
        QTest::newRow("?key=") << QByteArray("/v1beta/models/gem:echo-1:generateContent?key=")
                               << false;
        QTest::newRow("bearer") << QByteArray("/v1beta/models/gem:echo-1:generateContent") << true;
    }
    void keyInQueryOrBearer()
    {
        QFETCH(QByteArray, path);
        QFETCH(bool, bearer);
        Headers headers{{"content-type", "application/json"}};
        if (bearer)
            headers.append({"authorization", "Bearer " + m_key});
        else
            path += m_key;
        const auto r = HttpTestClient::request(m_port, "POST", path, geminiBody(), headers);
        QCOMPARE(r.status, 200);
        // The access key stays here.
        const HttpRequest &up = m_upstream->received.last();
        QVERIFY(!up.target.contains(m_key));
        QVERIFY(!up.target.contains("key="));
        QCOMPARE(up.header("x-goog-api-key"), QByteArray("AIza-provider"));
    }

    void streamAsServerSentEvents()
    {
        m_upstream->streamEvents = 3;
        m_upstream->streamIntervalMs = 30;
        HttpTestClient client(m_port);
        client.send("POST", "/v1beta/models/gem:echo-1:streamGenerateContent?alt=sse", geminiBody(),
                    goog());
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.target, QByteArray("/v1beta/models/echo-1:streamGenerateContent?alt=sse"));
        QCOMPARE(up.body, geminiBody());
        const QList<QJsonObject> c = chunks(r.body);
        QCOMPARE(c.size(), 3);
        QCOMPARE(text(c.at(0)), QStringLiteral("tok0 "));
        QCOMPARE(c.last()
                     .value(QLatin1String("candidates"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("finishReason"))
                     .toString(),
                 QStringLiteral("STOP"));
        QVERIFY(r.chunkTimesMs.last() - r.chunkTimesMs.first() >= 2 * 30 * 0.8);
    }

    void streamAsJsonArray_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::newRow("gemini provider") << QByteArray("gem:echo-1");
        QTest::newRow("chat provider") << QByteArray("oai:gpt-x");
    }
    void streamAsJsonArray()
    {
        QFETCH(QByteArray, model);
        const auto r = HttpTestClient::request(m_port, "POST",
                                               "/v1beta/models/" + model + ":streamGenerateContent",
                                               geminiBody(), goog());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QVERIFY2(r.body.startsWith("[{") && r.body.endsWith("}]"), r.body.constData());
        QJsonParseError e{};
        const QJsonArray list = QJsonDocument::fromJson(r.body, &e).array();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QVERIFY(list.size() >= 2);
        QString all;
        for (const QJsonValue v : list)
            all += text(v.toObject());
        QCOMPARE(all, QStringLiteral("tok0 tok1 tok2 "));
    }

    void geminiClientToEverySurface_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<QByteArray>("upstreamPath");
        QTest::addColumn<bool>("stream");
        for (const bool stream : {false, true}) {
            const char *s = stream ? ", streamed" : "";
            QTest::addRow("chat completions%s", s)
                << QByteArray("oai:gpt-x") << QByteArray("/v1/chat/completions") << stream;
            QTest::addRow("messages%s", s)
                << QByteArray("claude:claude-x") << QByteArray("/v1/messages") << stream;
            QTest::addRow("responses%s", s)
                << QByteArray("resp:resp-x") << QByteArray("/v1/responses") << stream;
        }
    }
    void geminiClientToEverySurface()
    {
        QFETCH(QByteArray, model);
        QFETCH(QByteArray, upstreamPath);
        QFETCH(bool, stream);
        const QByteArray path = "/v1beta/models/" + model +
                                (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
        const auto r = HttpTestClient::request(m_port, "POST", path, geminiBody(), goog());
        QCOMPARE(r.status, 200);
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.path, upstreamPath);
        const QJsonObject sent = QJsonDocument::fromJson(up.body).object();
        QCOMPARE(sent.value(QLatin1String("model")).toString(),
                 QString::fromUtf8(model.mid(model.indexOf(':') + 1)));
        QVERIFY(!sent.contains(QLatin1String("safetySettings"))); // Gemini's alone
        if (!stream) {
            QVERIFY(text(json(r)).startsWith(QLatin1String("echo: ")));
            const QJsonObject usage = json(r).value(QLatin1String("usageMetadata")).toObject();
            QVERIFY(usage.value(QLatin1String("promptTokenCount")).toInt() > 0);
            QVERIFY(usage.value(QLatin1String("totalTokenCount")).toInt() > 0);
            return;
        }
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        const QList<QJsonObject> c = chunks(r.body);
        QVERIFY(c.size() >= 2);
        QString all;
        for (const QJsonObject &o : c)
            all += text(o);
        QVERIFY2(all.startsWith(QLatin1String("tok0 ")), qPrintable(all));
        QCOMPARE(c.last()
                     .value(QLatin1String("candidates"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("finishReason"))
                     .toString(),
                 QStringLiteral("STOP"));
    }

    void everyClientToGeminiProvider_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expect");
        QTest::newRow("chat completions")
            << QByteArray("/v1/chat/completions")
            << QByteArray(
                   "{\"model\":\"gem:echo-1\",\"messages\":[{\"role\":\"system\",\"content\":"
                   "\"Be brief.\"},{\"role\":\"user\",\"content\":\"hello there\"}]}")
            << QByteArray("\"content\":\"echo: hello there\"");
        QTest::newRow("chat completions, streamed")
            << QByteArray("/v1/chat/completions")
            << QByteArray("{\"model\":\"gem:echo-1\",\"stream\":true,\"messages\":[{\"role\":"
                          "\"user\",\"content\":\"hello there\"}]}")
            << QByteArray("\"content\":\"tok2 \"");
        QTest::newRow("messages")
            << QByteArray("/v1/messages")
            << QByteArray("{\"model\":\"gem:echo-1\",\"max_tokens\":32,\"messages\":[{\"role\":"
                          "\"user\",\"content\":\"hello there\"}]}")
            << QByteArray("\"text\":\"echo: hello there\"");
        QTest::newRow("messages, streamed")
            << QByteArray("/v1/messages")
            << QByteArray("{\"model\":\"gem:echo-1\",\"max_tokens\":32,\"stream\":true,"
                          "\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}")
            << QByteArray("event: message_stop");
        QTest::newRow("responses")
            << QByteArray("/v1/responses")
            << QByteArray("{\"model\":\"gem:echo-1\",\"input\":\"hello there\"}")
            << QByteArray("\"text\":\"echo: hello there\"");
        QTest::newRow("responses, streamed")
            << QByteArray("/v1/responses")
            << QByteArray("{\"model\":\"gem:echo-1\",\"stream\":true,\"input\":\"hello there\"}")
            << QByteArray("event: response.completed");
    }
    void everyClientToGeminiProvider()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expect);
        const auto r = HttpTestClient::request(
            m_port, "POST", path, body,
            {{"authorization", "Bearer " + m_key}, {"anthropic-version", "2023-06-01"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body.contains(expect), r.body.constData());
        const HttpRequest &up = m_upstream->received.last();
        const bool stream = body.contains("\"stream\":true");
        QCOMPARE(up.target, stream
                                ? QByteArray("/v1beta/models/echo-1:streamGenerateContent?alt=sse")
                                : QByteArray("/v1beta/models/echo-1:generateContent"));
        QCOMPARE(up.header("x-goog-api-key"), QByteArray("AIza-provider"));
        const QJsonObject sent = QJsonDocument::fromJson(up.body).object();
        QVERIFY(!sent.contains(QLatin1String("model")));
        QVERIFY(sent.value(QLatin1String("contents")).isArray());
    }

    void toolCallRoundTripFromChatClient()
    {
        // The provider calls a tool (with a thought signature); the client answers it; the
        // next turn reaches Gemini with the call signed, as Gemini 3 requires.
        const QByteArray tools =
            "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\","
            "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}"
            "}]";
        auto r = HttpTestClient::request(
            m_port, "POST", "/v1/chat/completions",
            "{\"model\":\"gem:echo-1\"," + tools +
                ",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}]}",
            {{"authorization", "Bearer " + m_key}});
        QCOMPARE(r.status, 200);
        const QJsonObject message = json(r)
                                        .value(QLatin1String("choices"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QLatin1String("message"))
                                        .toObject();
        const QJsonObject call =
            message.value(QLatin1String("tool_calls")).toArray().at(0).toObject();
        const QByteArray id = call.value(QLatin1String("id")).toString().toUtf8();
        QVERIFY(!id.isEmpty());
        QCOMPARE(call.value(QLatin1String("function"))
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("weather"));
        QCOMPARE(json(r)
                     .value(QLatin1String("choices"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("finish_reason"))
                     .toString(),
                 QStringLiteral("tool_calls"));
        const QJsonObject declared = QJsonDocument::fromJson(m_upstream->received.last().body)
                                         .object()
                                         .value(QLatin1String("tools"))
                                         .toArray()
                                         .at(0)
                                         .toObject();
        QCOMPARE(declared.value(QLatin1String("functionDeclarations"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("name"))
                     .toString(),
                 QStringLiteral("weather"));

        r = HttpTestClient::request(
            m_port, "POST", "/v1/chat/completions",
            "{\"model\":\"gem:echo-1\"," + tools +
                ",\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"},"
                "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" +
                id +
                "\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":"
                "\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},"
                "{\"role\":\"tool\",\"tool_call_id\":\"" +
                id + "\",\"content\":\"sunny\"}]}",
            {{"authorization", "Bearer " + m_key}});
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonArray contents = QJsonDocument::fromJson(m_upstream->received.last().body)
                                        .object()
                                        .value(QLatin1String("contents"))
                                        .toArray();
        QCOMPARE(contents.size(), 3);
        const QJsonObject response = contents.at(2)
                                         .toObject()
                                         .value(QLatin1String("parts"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QLatin1String("functionResponse"))
                                         .toObject();
        QCOMPARE(response.value(QLatin1String("name")).toString(), QStringLiteral("weather"));
        QCOMPARE(response.value(QLatin1String("response"))
                     .toObject()
                     .value(QLatin1String("output"))
                     .toString(),
                 QStringLiteral("sunny"));
    }

    void geminiClientFunctionCallThroughChatProvider()
    {
        // Gemini's calls have no ids: Gatehouse gives them one, and maps the response back.
        const QByteArray tools =
            "\"tools\":[{\"functionDeclarations\":[{\"name\":\"weather\",\"parameters\":{"
            "\"type\":\"OBJECT\",\"properties\":{\"city\":{\"type\":\"STRING\"}}}}]}]";
        auto r = HttpTestClient::request(
            m_port, "POST", "/v1beta/models/oai:gpt-x:generateContent",
            "{" + tools +
                ",\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"weather?\"}]}]}",
            goog());
        QCOMPARE(r.status, 200);
        const QJsonObject part = json(r)
                                     .value(QLatin1String("candidates"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QLatin1String("content"))
                                     .toObject()
                                     .value(QLatin1String("parts"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
        QCOMPARE(part.value(QLatin1String("functionCall"))
                     .toObject()
                     .value(QLatin1String("args"))
                     .toObject()
                     .value(QLatin1String("city"))
                     .toString(),
                 QStringLiteral("Oslo"));
        const QJsonObject sentTool = QJsonDocument::fromJson(m_upstream->received.last().body)
                                         .object()
                                         .value(QLatin1String("tools"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QLatin1String("function"))
                                         .toObject();
        // Gemini's upper-case schema types reach OpenAI as JSON Schema.
        QCOMPARE(sentTool.value(QLatin1String("parameters"))
                     .toObject()
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("object"));

        r = HttpTestClient::request(
            m_port, "POST", "/v1beta/models/oai:gpt-x:generateContent",
            "{" + tools +
                ",\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"weather?\"}]},"
                "{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":\"weather\",\"args\":"
                "{\"city\":\"Oslo\"}}}]},"
                "{\"role\":\"user\",\"parts\":[{\"functionResponse\":{\"name\":\"weather\","
                "\"response\":{\"output\":\"sunny\"}}}]}]}",
            goog());
        QCOMPARE(r.status, 200);
        const QJsonArray messages = QJsonDocument::fromJson(m_upstream->received.last().body)
                                        .object()
                                        .value(QLatin1String("messages"))
                                        .toArray();
        QCOMPARE(messages.size(), 3);
        const QString callId = messages.at(1)
                                   .toObject()
                                   .value(QLatin1String("tool_calls"))
                                   .toArray()
                                   .at(0)
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
        QVERIFY(!callId.isEmpty());
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("tool_call_id")).toString(), callId);
        QCOMPARE(messages.at(2).toObject().value(QLatin1String("content")).toString(),
                 QStringLiteral("sunny"));
    }

    void countTokens()
    {
        const auto r = HttpTestClient::request(
            m_port, "POST", "/v1beta/models/gem:echo-1:countTokens", geminiBody(), goog());
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QLatin1String("totalTokens")).toInt(), 12);
        QCOMPARE(m_upstream->received.last().path, QByteArray("/v1beta/models/echo-1:countTokens"));
        // A whole request to count names the provider's model, as the URL does.
        const auto wrapped = HttpTestClient::request(
            m_port, "POST", "/v1beta/models/gem:echo-1:countTokens",
            "{\"generateContentRequest\":{\"model\":\"models/gem:echo-1\",\"contents\":[{"
            "\"parts\":[{\"text\":\"hi\"}]}]}}",
            goog());
        QCOMPARE(wrapped.status, 200);
        const QJsonObject sent = QJsonDocument::fromJson(m_upstream->received.last().body).object();
        QCOMPARE(sent.value(QLatin1String("generateContentRequest"))
                     .toObject()
                     .value(QLatin1String("model"))
                     .toString(),
                 QStringLiteral("models/echo-1"));
        QVERIFY(!sent.contains(QLatin1String("model")));
    }

    void modelLists()
    {
        auto r = HttpTestClient::request(m_port, "GET", "/v1beta/models", {}, goog());
        QCOMPARE(r.status, 200);
        QStringList names;
        for (const QJsonValue v : json(r).value(QLatin1String("models")).toArray())
            names << v.toObject().value(QLatin1String("name")).toString();
        QVERIFY(names.contains(QStringLiteral("models/gem:echo-1")));
        QVERIFY(names.contains(QStringLiteral("models/oai:gpt-x")));
        // A provider without a model list was asked on its own surface.
        QVERIFY2(names.contains(QStringLiteral("models/gem-any:echo-1")),
                 qPrintable(names.join(QLatin1Char(','))));
        QCOMPARE(json(r)
                     .value(QLatin1String("models"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("supportedGenerationMethods"))
                     .toArray()
                     .first()
                     .toString(),
                 QStringLiteral("generateContent"));

        // The same under /v1 for a Google client; OpenAI clients still get OpenAI's list.
        r = HttpTestClient::request(m_port, "GET", "/v1/models", {}, goog());
        QVERIFY(json(r).value(QLatin1String("models")).isArray());
        r = HttpTestClient::request(m_port, "GET", "/v1/models", {},
                                    {{"authorization", "Bearer " + m_key}});
        QVERIFY(json(r).value(QLatin1String("data")).isArray());

        r = HttpTestClient::request(m_port, "GET", "/v1beta/models/oai:gpt-x", {}, goog());
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QLatin1String("name")).toString(),
                 QStringLiteral("models/oai:gpt-x"));
        r = HttpTestClient::request(m_port, "GET", "/v1beta/models/oai:nope", {}, goog());
        QCOMPARE(r.status, 404);
        QCOMPARE(json(r).value(QLatin1String("error")).toObject().value(QLatin1String("status")),
                 QJsonValue(QStringLiteral("NOT_FOUND")));
    }

    void googleShapedErrors_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("key");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("name");
        QTest::newRow("no key") << QByteArray("/v1beta/models/gem:echo-1:generateContent")
                                << geminiBody() << false << 401 << "UNAUTHENTICATED";
        QTest::newRow("bad json") << QByteArray("/v1beta/models/gem:echo-1:generateContent")
                                  << QByteArray("{\"contents\":") << true << 400
                                  << "INVALID_ARGUMENT";
        QTest::newRow("no contents") << QByteArray("/v1beta/models/gem:echo-1:generateContent")
                                     << QByteArray("{}") << true << 400 << "INVALID_ARGUMENT";
        QTest::newRow("unknown model") << QByteArray("/v1beta/models/gem:nope:generateContent")
                                       << geminiBody() << true << 404 << "NOT_FOUND";
        QTest::newRow("unknown method") << QByteArray("/v1beta/models/gem:echo-1:embedThings")
                                        << geminiBody() << true << 404 << "NOT_FOUND";
        QTest::newRow("upstream 429 relayed")
            << QByteArray("/v1beta/models/gem:status-429:generateContent") << geminiBody() << true
            << 429 << "RESOURCE_EXHAUSTED";
    }
    void googleShapedErrors()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(bool, key);
        QFETCH(int, status);
        QFETCH(QString, name);
        const auto r =
            HttpTestClient::request(m_port, "POST", path, body, key ? goog() : Headers{});
        QCOMPARE(r.status, status);
        const QJsonObject error = json(r).value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toInt(), status);
        QCOMPARE(error.value(QLatin1String("status")).toString(), name);
        QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    }

    void cutStreamEndsWithGoogleError_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::newRow("gemini provider") << QByteArray("gem:cut-2");
        QTest::newRow("chat provider") << QByteArray("oai:cut-2");
    }
    void cutStreamEndsWithGoogleError()
    {
        QFETCH(QByteArray, model);
        HttpTestClient client(m_port);
        client.send("POST", "/v1beta/models/" + model + ":streamGenerateContent?alt=sse",
                    geminiBody(), goog());
        const auto r = client.waitForResponse(5000);
        QVERIFY(r.complete);
        const QList<QJsonObject> c = chunks(r.body);
        QVERIFY(!c.isEmpty());
        const QJsonObject error = c.last().value(QLatin1String("error")).toObject();
        QCOMPARE(error.value(QLatin1String("code")).toInt(), 502);
        QCOMPARE(error.value(QLatin1String("status")).toString(), QStringLiteral("UNAVAILABLE"));
    }
};

QTEST_GUILESS_MAIN(TestGemini)
#include "tst_gemini.moc"
