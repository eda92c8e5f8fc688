// Ollama's native API, served to clients and spoken to providers: /api/chat and /api/generate
// (NDJSON streams by default) to Ollama providers byte for byte and to providers of the other
// surfaces through translation, other clients to an Ollama provider, cut streams, errors in
// Ollama's shape, /api/tags, /api/show, /api/ps, /api/version, embeddings both ways, and
// token limits counted from prompt_eval_count/eval_count.
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

namespace {

QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// The lines of an NDJSON body, each a JSON object.
QList<QJsonObject> lines(const QByteArray &body)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : body.split('\n')) {
        if (!line.isEmpty())
            out << json(line);
    }
    return out;
}

// The text of an Ollama chat or generate stream.
QString streamedText(const QList<QJsonObject> &list)
{
    QString text;
    for (const QJsonObject &o : list)
        text += o.value(QLatin1String("message"))
                    .toObject()
                    .value(QLatin1String("content"))
                    .toString(o.value(QLatin1String("response")).toString());
    return text;
}

QByteArray chatBody(const QByteArray &model, const char *stream = nullptr)
{
    return "{\"model\":\"" + model + "\"" +
           (stream ? QByteArray(",\"stream\":") + stream : QByteArray()) +
           ",\"options\":{\"num_ctx\":4096},\"messages\":[{\"role\":\"user\",\"content\":\"hello "
           "there\"}]}";
}

} // namespace

class TestOllama : public QObject
{
    Q_OBJECT
private:
    FakeUpstream *m_upstream = nullptr;
    GatewayService *m_service = nullptr;
    quint16 m_port = 0;
    QByteArray m_key;
    QByteArray m_limitedKey;

    QList<QPair<QByteArray, QByteArray>> auth(const QByteArray &key = {}) const
    {
        return {{"Authorization", "Bearer " + (key.isEmpty() ? m_key : key)}};
    }
    HttpTestClient::Response post(const QByteArray &path, const QByteArray &body,
                                  const QByteArray &key = {})
    {
        return HttpTestClient::request(m_port, "POST", path, body, auth(key));
    }

private slots:
    void initTestCase()
    {
        m_upstream = new FakeUpstream(this);
        QVERIFY(m_upstream->listen());
        Config c;
        c.instanceId = QStringLiteral("ollama");
        c.gateway.port = 0;
        // Ollama at its host root, asked for its models; the other surfaces with a list.
        Provider ollama;
        ollama.id = QStringLiteral("ollama");
        ollama.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_upstream->port()));
        ollama.surfaces = {ApiSurface::Ollama};
        Provider oai;
        oai.id = QStringLiteral("oai");
        oai.baseUrl = QUrl(m_upstream->baseUrl());
        oai.models = {QStringLiteral("gpt-x"), QStringLiteral("status-429"),
                      QStringLiteral("text-embed")};
        Provider claude;
        claude.id = QStringLiteral("claude");
        claude.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_upstream->port()));
        claude.surfaces = {ApiSurface::Anthropic};
        claude.models = {QStringLiteral("claude-x"), QStringLiteral("cut-3")};
        c.providers = {ollama, oai, claude};
        KeyConfiguration tokens;
        tokens.name = QStringLiteral("tokens");
        tokens.limits.tokensPerDay = 5;
        c.keyConfigurations = {tokens};
        const auto created = AccessKeys::create(QStringLiteral("t"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        m_key = created.key.toLatin1();
        auto limited = AccessKeys::create(QStringLiteral("limited"), systemRandomBytes,
                                          QDateTime::currentDateTimeUtc());
        limited.record.configuration = QStringLiteral("tokens");
        m_limitedKey = limited.key.toLatin1();
        c.accessKeys = {created.record, limited.record};
        m_service = new GatewayService(this);
        QSignalSpy listening(m_service, &GatewayService::listening);
        m_service->start(GatewaySnapshot::build(c, {}, {}));
        QVERIFY(listening.wait(5000));
        m_port = listening.first().at(1).value<quint16>();
    }

    void init()
    {
        m_upstream->received.clear();
        m_upstream->streamEvents = 3;
        m_upstream->streamIntervalMs = 0;
    }

    // Ollama to Ollama: the client's bytes with only the model changed, the stream relayed as
    // it came, and no credentials.
    void sameSurfaceByteForByte()
    {
        const auto r = post("/api/chat", chatBody("ollama:echo-1"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("application/x-ndjson"));
        const QList<QJsonObject> got = lines(r.body);
        QCOMPARE(got.size(), 4);
        QCOMPARE(streamedText(got), QStringLiteral("tok0 tok1 tok2 "));
        QVERIFY(got.last().value(QLatin1String("done")).toBool());
        QCOMPARE(got.last().value(QLatin1String("eval_count")).toInt(), 3);
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.path, QByteArray("/api/chat"));
        QCOMPARE(up.body, chatBody("echo-1"));
        QCOMPARE(up.header("accept"), QByteArray("application/x-ndjson"));
        QVERIFY(up.header("authorization").isEmpty());

        const auto generate =
            post("/api/generate", "{\"model\":\"ollama:echo-1\",\"prompt\":\"Hi\",\"raw\":true}");
        QCOMPARE(generate.status, 200);
        QCOMPARE(streamedText(lines(generate.body)), QStringLiteral("tok0 tok1 tok2 "));
        QCOMPARE(m_upstream->received.last().path, QByteArray("/api/generate"));
        QCOMPARE(m_upstream->received.last().body,
                 QByteArray("{\"model\":\"echo-1\",\"prompt\":\"Hi\",\"raw\":true}"));
    }

    // An Ollama client reaches providers of every other surface, streamed and not.
    void ollamaClientToOtherSurfaces_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<QByteArray>("upstreamPath");
        QTest::newRow("chat completions")
            << QByteArray("oai:gpt-x") << QByteArray("/v1/chat/completions");
        QTest::newRow("messages") << QByteArray("claude:claude-x") << QByteArray("/v1/messages");
    }
    void ollamaClientToOtherSurfaces()
    {
        QFETCH(QByteArray, model);
        QFETCH(QByteArray, upstreamPath);
        const auto whole = post("/api/chat", chatBody(model, "false"));
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.header("content-type"), QByteArray("application/json"));
        const QJsonObject answer = json(whole.body);
        QCOMPARE(answer.value(QLatin1String("message"))
                     .toObject()
                     .value(QLatin1String("content"))
                     .toString(),
                 QStringLiteral("echo: hello there"));
        QVERIFY(answer.value(QLatin1String("done")).toBool());
        QCOMPARE(answer.value(QLatin1String("done_reason")).toString(), QStringLiteral("stop"));
        QCOMPARE(answer.value(QLatin1String("prompt_eval_count")).toInt(), 5);
        QCOMPARE(answer.value(QLatin1String("eval_count")).toInt(), 3);
        QCOMPARE(m_upstream->received.last().path, upstreamPath);
        // num_ctx is Ollama's own: other providers never see it.
        QVERIFY(!m_upstream->received.last().body.contains("num_ctx"));

        m_upstream->streamIntervalMs = 30;
        const auto streamed = post("/api/chat", chatBody(model));
        QCOMPARE(streamed.status, 200);
        QCOMPARE(streamed.header("content-type"), QByteArray("application/x-ndjson"));
        const QList<QJsonObject> got = lines(streamed.body);
        QCOMPARE(streamedText(got), QStringLiteral("tok0 tok1 tok2 "));
        QVERIFY(got.last().value(QLatin1String("done")).toBool());
        QCOMPARE(got.last().value(QLatin1String("eval_count")).toInt(), 3);
        QVERIFY(streamed.chunkTimesMs.last() - streamed.chunkTimesMs.first() >= 2 * 30 * 0.8);

        const auto generate = post("/api/generate", "{\"model\":\"" + model +
                                                        "\",\"prompt\":\"Hi\",\"stream\":false}");
        QCOMPARE(generate.status, 200);
        QCOMPARE(json(generate.body).value(QLatin1String("response")).toString(),
                 QStringLiteral("echo: Hi"));
    }

    // Tool calls reach an Ollama client with object arguments, and its answer (by tool name,
    // without a call id) reaches the provider as the answer to that call.
    void toolCallsRoundTrip()
    {
        const QByteArray tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":"
                                 "\"weather\",\"parameters\":{\"type\":\"object\"}}}]";
        const auto first =
            post("/api/chat", "{\"model\":\"claude:claude-x\",\"stream\":false" + tools +
                                  ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}]}");
        QCOMPARE(first.status, 200);
        const QJsonObject message = json(first.body).value(QLatin1String("message")).toObject();
        const QJsonObject call =
            message.value(QLatin1String("tool_calls")).toArray().at(0).toObject();
        QCOMPARE(call.value(QLatin1String("function")).toObject().value(QLatin1String("arguments")),
                 QJsonValue(QJsonObject{{QLatin1String("city"), QLatin1String("Oslo")}}));
        const QByteArray second =
            "{\"model\":\"claude:claude-x\",\"stream\":false" + tools +
            ",\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"}," +
            QJsonDocument(message).toJson(QJsonDocument::Compact) +
            ",{\"role\":\"tool\",\"tool_name\":\"weather\",\"content\":\"-3 C\"}]}";
        const auto r = post("/api/chat", second);
        QCOMPARE(r.status, 200);
        const QJsonObject sent = json(m_upstream->received.last().body);
        const QJsonArray turns = sent.value(QLatin1String("messages")).toArray();
        QCOMPARE(turns.last()
                     .toObject()
                     .value(QLatin1String("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("tool_use_id"))
                     .toString(),
                 call.value(QLatin1String("id")).toString());
    }

    // Other clients to an Ollama provider.
    void otherClientsToOllama()
    {
        m_upstream->streamIntervalMs = 0;
        HttpTestClient client(m_port);
        client.send(
            "POST", "/v1/chat/completions",
            "{\"model\":\"ollama:echo-1\",\"stream\":true,\"stream_options\":{"
            "\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            auth());
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-type"), QByteArray("text/event-stream"));
        QVERIFY(r.body.contains("\"content\":\"tok0 \""));
        QVERIFY(r.body.contains("\"completion_tokens\":3"));
        QVERIFY(r.body.endsWith("data: [DONE]\n\n"));
        const HttpRequest &up = m_upstream->received.last();
        QCOMPARE(up.path, QByteArray("/api/chat"));
        QCOMPARE(json(up.body).value(QLatin1String("stream")).toBool(), true);

        const auto m = HttpTestClient::request(
            m_port, "POST", "/v1/messages",
            "{\"model\":\"ollama:echo-1\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\","
            "\"content\":\"hi\"}]}",
            {{"x-api-key", m_key}, {"anthropic-version", "2023-06-01"}});
        QCOMPARE(m.status, 200);
        QCOMPARE(json(m.body)
                     .value(QLatin1String("content"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("text"))
                     .toString(),
                 QStringLiteral("echo: hi"));
        QCOMPARE(json(m_upstream->received.last().body).value(QLatin1String("stream")),
                 QJsonValue(false));
    }

    // A stream cut off ends with an error line of its own, relayed or translated.
    void cutStreamEndsWithErrorLine_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::newRow("ollama, relayed") << QByteArray("ollama:cut-2");
        QTest::newRow("messages, translated") << QByteArray("claude:cut-3");
    }
    void cutStreamEndsWithErrorLine()
    {
        QFETCH(QByteArray, model);
        HttpTestClient client(m_port);
        client.send("POST", "/api/chat", chatBody(model), auth());
        const auto r = client.waitForResponse(5000);
        QVERIFY(r.complete);
        QVERIFY2(r.body.endsWith("\"}\n"), r.body.constData());
        const QList<QJsonObject> got = lines(r.body); // every line whole
        QVERIFY(got.size() >= 2);
        QVERIFY(got.last().value(QLatin1String("error")).isString());
        QVERIFY(!got.at(got.size() - 2).value(QLatin1String("done")).toBool());
    }

    void errorsInOllamaShape_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("status");
        QTest::newRow("no key") << QByteArray("/api/chat") << chatBody("ollama:echo-1")
                                << QByteArray("none") << 401;
        QTest::newRow("unknown provider")
            << QByteArray("/api/chat") << chatBody("nope:m") << QByteArray() << 404;
        QTest::newRow("not JSON") << QByteArray("/api/chat") << QByteArray("{") << QByteArray()
                                  << 400;
        QTest::newRow("provider 429, rebuilt")
            << QByteArray("/api/chat") << chatBody("oai:status-429", "false") << QByteArray()
            << 429;
        QTest::newRow("unknown endpoint")
            << QByteArray("/api/nothing") << QByteArray("{}") << QByteArray() << 404;
        QTest::newRow("show of an unknown model")
            << QByteArray("/api/show") << QByteArray("{\"model\":\"nope:m\"}") << QByteArray()
            << 404;
    }
    void errorsInOllamaShape()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, key);
        QFETCH(int, status);
        const auto r = HttpTestClient::request(
            m_port, "POST", path, body,
            key == "none" ? QList<QPair<QByteArray, QByteArray>>{} : auth(key));
        QCOMPARE(r.status, status);
        const QJsonObject o = json(r.body);
        QCOMPARE(o.size(), 1);
        QVERIFY2(!o.value(QLatin1String("error")).toString().isEmpty(), r.body.constData());
    }

    // A provider's own Ollama error is relayed as it is.
    void providerErrorRelayed()
    {
        const auto r = post("/api/chat", chatBody("ollama:status-500", "false"));
        QCOMPARE(r.status, 500);
        QVERIFY(json(r.body)
                    .value(QLatin1String("error"))
                    .toString()
                    .startsWith(QLatin1String("fake upstream says 500")));
    }

    void version()
    {
        const auto r = HttpTestClient::request(m_port, "GET", "/api/version", {}, auth());
        QCOMPARE(r.status, 200);
        QVERIFY(!json(r.body).value(QLatin1String("version")).toString().isEmpty());
    }

    // Every model the key may use, named provider:model, with the fields Ollama clients read.
    void tags()
    {
        const auto r = HttpTestClient::request(m_port, "GET", "/api/tags", {}, auth());
        QCOMPARE(r.status, 200);
        QStringList names;
        for (const QJsonValue v : json(r.body).value(QLatin1String("models")).toArray()) {
            const QJsonObject m = v.toObject();
            names << m.value(QLatin1String("name")).toString();
            QCOMPARE(m.value(QLatin1String("model")), m.value(QLatin1String("name")));
            QCOMPARE(m.value(QLatin1String("digest")).toString().size(), 64);
            QVERIFY(m.value(QLatin1String("details")).isObject());
            QVERIFY(m.value(QLatin1String("size")).isDouble());
            QVERIFY(
                QDateTime::fromString(m.value(QLatin1String("modified_at")).toString(), Qt::ISODate)
                    .isValid());
        }
        QVERIFY2(names.contains(QStringLiteral("ollama:echo-1")),
                 qPrintable(names.join(QLatin1Char(','))));
        QVERIFY(names.contains(QStringLiteral("oai:gpt-x")));
        QVERIFY(names.contains(QStringLiteral("claude:claude-x")));
        QCOMPARE(m_upstream->received.last().path, QByteArray("/api/tags"));
    }

    // Details of an Ollama provider's model come from it; others' from the catalog.
    void show()
    {
        const auto local = post("/api/show", "{\"model\":\"ollama:echo-1\"}");
        QCOMPARE(local.status, 200);
        QCOMPARE(json(local.body)
                     .value(QLatin1String("model_info"))
                     .toObject()
                     .value(QLatin1String("fake.context_length"))
                     .toInt(),
                 8192);
        QCOMPARE(m_upstream->received.last().path, QByteArray("/api/show"));
        QCOMPARE(json(m_upstream->received.last().body).value(QLatin1String("model")).toString(),
                 QStringLiteral("echo-1"));

        const auto cloud = post("/api/show", "{\"name\":\"oai:gpt-x\"}");
        QCOMPARE(cloud.status, 200);
        const QJsonObject o = json(cloud.body);
        QVERIFY(o.value(QLatin1String("capabilities"))
                    .toArray()
                    .contains(QJsonValue(QLatin1String("completion"))));
        const QString arch = o.value(QLatin1String("model_info"))
                                 .toObject()
                                 .value(QLatin1String("general.architecture"))
                                 .toString();
        QVERIFY(!arch.isEmpty());
        QVERIFY(o.value(QLatin1String("details")).isObject());

        const auto missing = post("/api/show", "{\"model\":\"ollama:missing-1\"}");
        QCOMPARE(missing.status, 404);
        QVERIFY(json(missing.body)
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QLatin1String("not found")));
    }

    // What answered recently is "loaded".
    void ps()
    {
        QCOMPARE(post("/api/chat", chatBody("claude:claude-x", "false")).status, 200);
        const auto r = HttpTestClient::request(m_port, "GET", "/api/ps", {}, auth());
        QCOMPARE(r.status, 200);
        QStringList names;
        for (const QJsonValue v : json(r.body).value(QLatin1String("models")).toArray())
            names << v.toObject().value(QLatin1String("name")).toString();
        QVERIFY(names.contains(QStringLiteral("claude:claude-x")));
        QVERIFY(!names.contains(QStringLiteral("oai:text-embed")));
    }

    // Embeddings between Ollama's and OpenAI's APIs, both ways, and on Ollama's own.
    void embeddings()
    {
        const auto toOpenAi =
            post("/api/embed", "{\"model\":\"oai:text-embed\",\"input\":[\"a\",\"b\"]}");
        QCOMPARE(toOpenAi.status, 200);
        QCOMPARE(json(toOpenAi.body).value(QLatin1String("embeddings")).toArray().size(), 1);
        QCOMPARE(m_upstream->received.last().path, QByteArray("/v1/embeddings"));

        const auto same = post("/api/embed", "{\"model\":\"ollama:echo-1\",\"input\":\"a\"}");
        QCOMPARE(same.status, 200);
        QCOMPARE(m_upstream->received.last().path, QByteArray("/api/embed"));
        QCOMPARE(m_upstream->received.last().body,
                 QByteArray("{\"model\":\"echo-1\",\"input\":\"a\"}"));

        const auto fromOpenAi =
            post("/v1/embeddings", "{\"model\":\"ollama:echo-1\",\"input\":[\"a\",\"b\"]}");
        QCOMPARE(fromOpenAi.status, 200);
        const QJsonObject o = json(fromOpenAi.body);
        QCOMPARE(o.value(QLatin1String("data")).toArray().size(), 2);
        QCOMPARE(o.value(QLatin1String("usage"))
                     .toObject()
                     .value(QLatin1String("prompt_tokens"))
                     .toInt(),
                 2);
        QCOMPARE(m_upstream->received.last().path, QByteArray("/api/embed"));
    }

    // The legacy /api/embeddings: a prompt in, one embedding out, from either API.
    void legacyEmbeddings_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<QByteArray>("upstreamPath");
        QTest::addColumn<QByteArray>("upstreamBody");
        QTest::newRow("ollama") << QByteArray("ollama:echo-1") << QByteArray("/api/embed")
                                << QByteArray("{\"input\":\"a\",\"model\":\"echo-1\"}");
        QTest::newRow("openai") << QByteArray("oai:text-embed") << QByteArray("/v1/embeddings")
                                << QByteArray("{\"input\":\"a\",\"model\":\"text-embed\"}");
    }
    void legacyEmbeddings()
    {
        QFETCH(QByteArray, model);
        QFETCH(QByteArray, upstreamPath);
        QFETCH(QByteArray, upstreamBody);
        const auto r = post("/api/embeddings", "{\"model\":\"" + model + "\",\"prompt\":\"a\"}");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r.body).value(QLatin1String("embedding")),
                 QJsonValue(QJsonArray{0.25, -0.5, 1.0}));
        QCOMPARE(m_upstream->received.last().path, upstreamPath);
        QCOMPARE(json(m_upstream->received.last().body), json(upstreamBody));
        const auto noPrompt = post("/api/embeddings", "{\"model\":\"" + model + "\"}");
        QCOMPARE(noPrompt.status, 400);
    }

    // Token limits count Ollama's prompt_eval_count and eval_count, relayed as they are.
    void tokenLimitCountsOllamaUsage()
    {
        const auto first = post("/api/chat", chatBody("ollama:echo-2"), m_limitedKey);
        QCOMPARE(first.status, 200);
        const auto second = post("/api/chat", chatBody("ollama:echo-2"), m_limitedKey);
        QCOMPARE(second.status, 429);
        QVERIFY(json(second.body).value(QLatin1String("error")).isString());
    }
};

QTEST_GUILESS_MAIN(TestOllama)
#include "tst_ollama.moc"
