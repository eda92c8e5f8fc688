// What the gateway makes of hostile or broken upstream answers, end to end over loopback: a
// scripted upstream that sends exactly the bytes each case needs, the fake upstream, and the
// request log on disk. Header injection, streams cut mid-event, an end marker inside the text,
// invalid events, compressed answers, misshapen requests, misconfigured routes, what the log
// keeps and how it fails.
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "framing/SseParser.h"
#include "gateway/GatewayService.h"
#include "log/RequestLog.h"
#include "log/ResponseStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace gatehouse;
using gatehouse::test::HttpTestClient;

namespace {

// Answers every request with the bytes the test scripted, then closes the connection.
class ScriptedUpstream : public QTcpServer
{
public:
    QList<QByteArray> pieces;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const qsizetype at = buffer->toLower().indexOf("content-length:");
            const qsizetype length =
                at < 0 ? 0
                       : buffer->mid(at + 15, buffer->indexOf("\r\n", at) - at - 15)
                             .trimmed()
                             .toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            buffer->clear();
            for (const QByteArray &piece : std::as_const(pieces)) {
                socket->write(piece);
                socket->flush();
                socket->waitForBytesWritten(200);
            }
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
};

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

const QByteArray streamHead = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                              "Transfer-Encoding: chunked\r\n\r\n";

QByteArray chatChunk(const QByteArray &text)
{
    return "data: " +
           QJsonDocument(
               QJsonObject{{QStringLiteral("id"), QStringLiteral("c1")},
                           {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                           {QStringLiteral("model"), QStringLiteral("m")},
                           {QStringLiteral("choices"),
                            QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                   {QStringLiteral("delta"),
                                                    QJsonObject{{QStringLiteral("content"),
                                                                 QString::fromUtf8(text)}}}}}}})
               .toJson(QJsonDocument::Compact) +
           "\n\n";
}

QList<SseParser::Event> eventsOf(const QByteArray &body)
{
    SseParser parser;
    return parser.feed(
        QByteArray(body + "\n\n")); // a stream that stops short shows as a last event
}

QByteArray gzip(const QByteArray &data)
{
    QTemporaryDir dir;
    QFile plain(dir.filePath(QStringLiteral("body")));
    if (!plain.open(QIODevice::WriteOnly))
        return {};
    plain.write(data);
    plain.close();
    QProcess p;
    p.start(QStringLiteral("gzip"), {QStringLiteral("-c"), plain.fileName()});
    p.waitForFinished(5000);
    return p.readAllStandardOutput();
}

} // namespace

class TestUpstreamAnswers : public QObject
{
    Q_OBJECT
private:
    FakeUpstream *m_fake = nullptr;
    ScriptedUpstream *m_scripted = nullptr;
    GatewayService *m_service = nullptr;
    RequestLog *m_log = nullptr;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QString m_key;

    Config config(const QString &scriptedUrl)
    {
        Config c;
        c.instanceId = QStringLiteral("test");
        c.gateway.port = 0;
        Provider scripted;
        scripted.id = QStringLiteral("raw");
        scripted.baseUrl = QUrl(scriptedUrl);
        scripted.timeouts.firstByteMs = 3000;
        scripted.timeouts.idleMs = 3000;
        Provider fake;
        fake.id = QStringLiteral("fake");
        fake.baseUrl = QUrl(m_fake->baseUrl());
        fake.models = {QStringLiteral("echo-1"), QStringLiteral("status-400")};
        c.providers = {scripted, fake};
        RouteRule broken;
        broken.name = QStringLiteral("broken");
        broken.candidates = {{QStringLiteral("fake:not-offered"), 1},
                             {QStringLiteral("nowhere:m"), 1}};
        c.routes = {broken};
        KeyConfiguration tokens;
        tokens.name = QStringLiteral("tokens");
        tokens.limits.tokensPerDay = 5;
        c.keyConfigurations = {tokens};
        auto created = AccessKeys::create(QStringLiteral("tests"), systemRandomBytes,
                                          QDateTime::currentDateTimeUtc());
        m_key = created.key;
        c.accessKeys = {created.record};
        auto limited = AccessKeys::create(QStringLiteral("limited"), systemRandomBytes,
                                          QDateTime::currentDateTimeUtc());
        limited.record.configuration = QStringLiteral("tokens");
        m_limitedKey = limited.key;
        c.accessKeys.append(limited.record);
        return c;
    }
    QString m_limitedKey;

    HttpTestClient::Response post(const QByteArray &path, const QByteArray &body,
                                  const QString &key = {}, quint16 port = 0)
    {
        return HttpTestClient::request(
            port ? port : m_port, "POST", path, body,
            {{"authorization", "Bearer " + (key.isEmpty() ? m_key : key).toLatin1()},
             {"content-type", "application/json"},
             {"anthropic-version", "2023-06-01"}});
    }
    static QByteArray chatBody(const QByteArray &model, bool stream,
                               const QByteArray &prompt = "hello")
    {
        return "{\"model\":\"" + model + "\",\"stream\":" + (stream ? "true" : "false") +
               ",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
    }

    GatewayService *startGateway(RequestLog *log, quint16 &port)
    {
        auto *service = new GatewayService(this);
        service->setRequestLog(log);
        QSignalSpy listening(service, &GatewayService::listening);
        service->start(GatewaySnapshot::build(
            config(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_scripted->serverPort())), {},
            {}));
        if (!listening.wait(5000))
            return nullptr;
        port = listening.first().at(1).value<quint16>();
        return service;
    }

private slots:
    void initTestCase()
    {
        m_fake = new FakeUpstream(this);
        QVERIFY(m_fake->listen());
        m_scripted = new ScriptedUpstream;
        m_scripted->setParent(this);
        QVERIFY(m_scripted->listen(QHostAddress::LocalHost));
        // The log goes into a folder Gatehouse makes itself.
        m_log = new RequestLog(m_dir.filePath(QStringLiteral("logs/requests.sqlite")), this);
        QVERIFY(m_log->open());
        m_service = startGateway(m_log, m_port);
        QVERIFY(m_service);
    }

    // A header value with a bare LF would smuggle a header of the provider's choosing into
    // the client's answer: refused as a broken answer, in the endpoint's error shape.
    void headerInjectionIs502()
    {
        m_scripted->pieces = {"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "X-Ratelimit-Limit: 1\nX-Ratelimit-Injected: yes\r\n"
                              "Content-Length: 2\r\n\r\n{}"};
        const auto r = post("/v1/chat/completions", chatBody("raw:m", false));
        QCOMPARE(r.status, 502);
        QVERIFY(r.header("x-ratelimit-injected").isEmpty());
        const QJsonObject error =
            QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
        QVERIFY2(!error.value(QLatin1String("message")).toString().isEmpty(), r.body.constData());
        const auto anthropic = post(
            "/v1/messages",
            "{\"model\":\"raw:m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":"
            "\"hi\"}]}");
        QCOMPARE(anthropic.status, 502);
        QCOMPARE(QJsonDocument::fromJson(anthropic.body)
                     .object()
                     .value(QLatin1String("type"))
                     .toString(),
                 QStringLiteral("error"));
    }

    // A stream cut in the middle of an event: the half event is not passed on, and the error
    // event that ends the stream is an event of its own that SSE clients can read.
    void cutMidEventEndsWithAParseableError()
    {
        m_scripted->pieces = {streamHead, chunk(chatChunk("Hel") + "data: {\"id\":\"c1\",\"choi")};
        const auto r = post("/v1/chat/completions", chatBody("raw:m", true));
        QCOMPARE(r.status, 200);
        const auto events = eventsOf(r.body);
        QVERIFY2(events.size() >= 2, r.body.constData());
        for (const SseParser::Event &e : events) {
            QJsonParseError pe{};
            QJsonDocument::fromJson(e.data, &pe);
            QVERIFY2(pe.error == QJsonParseError::NoError, e.data.constData());
        }
        QVERIFY2(events.last().data.contains("\"error\""), r.body.constData());
        QVERIFY2(!r.body.contains("\"choi\n") && !r.body.contains("\"choidata"),
                 r.body.constData());
    }

    // The end of a stream is its last event, not text inside some event that says [DONE].
    void doneInsideTextIsNotTheEnd()
    {
        m_scripted->pieces = {streamHead, chunk(chatChunk("data: [DONE]")), "0\r\n\r\n"};
        const auto r = post("/v1/chat/completions", chatBody("raw:m", true));
        QCOMPARE(r.status, 200);
        const auto events = eventsOf(r.body);
        QVERIFY(!events.isEmpty());
        QVERIFY2(events.last().data.contains("upstream_incomplete"), r.body.constData());
        // The real end marker still ends it properly.
        m_scripted->pieces = {streamHead, chunk(chatChunk("fine") + "data: [DONE]\n\n"),
                              "0\r\n\r\n"};
        const auto ok = post("/v1/chat/completions", chatBody("raw:m", true));
        QVERIFY2(!ok.body.contains("\"error\""), ok.body.constData());
        QVERIFY(ok.body.endsWith("data: [DONE]\n\n"));
    }

    // Events that are not JSON on a translated stream are an error event, never an empty
    // answer that passes for a successful one.
    void invalidEventsOnATranslatedStreamAreAnError()
    {
        m_scripted->pieces = {streamHead, chunk("data: this is not json\n\ndata: [DONE]\n\n"),
                              "0\r\n\r\n"};
        const auto r = post("/v1/messages",
                            "{\"model\":\"raw:m\",\"max_tokens\":5,\"stream\":true,\"messages\":"
                            "[{\"role\":\"user\",\"content\":\"hi\"}]}");
        QCOMPARE(r.status, 200);
        const auto events = eventsOf(r.body);
        QVERIFY(!events.isEmpty());
        QCOMPARE(events.last().event, QByteArray("error"));
        QVERIFY2(!r.body.contains("message_stop"), r.body.constData());
    }

    // An event larger than the limit ends the stream with an error event and the upstream call.
    void oversizedEventEndsTheStream()
    {
        const QByteArray big = "data: " + QByteArray(17 * 1024 * 1024, 'x');
        m_scripted->pieces = {streamHead, chunk(chatChunk("start")), chunk(big),
                              chunk(chatChunk("never")), "0\r\n\r\n"};
        const auto r = post("/v1/chat/completions", chatBody("raw:m", true));
        QCOMPARE(r.status, 200);
        const auto events = eventsOf(r.body);
        QVERIFY(!events.isEmpty());
        QVERIFY2(events.last().data.contains("upstream_event_too_large"),
                 r.body.left(2000).constData());
        QVERIFY(!r.body.contains("never"));
        QVERIFY(r.body.size() < 4096);
    }

    // A compressed answer reaches the client decoded, labelled as what it is.
    void gzipAnswerIsDecoded()
    {
        const QByteArray json = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\","
                                "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                                "\"content\":\"unzipped\"},\"finish_reason\":\"stop\"}]}";
        const QByteArray packed = gzip(json);
        if (packed.isEmpty())
            QSKIP("gzip is not installed");
        m_scripted->pieces = {"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Encoding: gzip\r\nContent-Length: " +
                              QByteArray::number(packed.size()) + "\r\n\r\n" + packed};
        const auto r = post("/v1/chat/completions", chatBody("raw:m", false));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-encoding").isEmpty());
        QVERIFY(r.header("content-type").startsWith("application/json"));
        QCOMPARE(r.body, json);
    }

    // Fields a translation reads, of the wrong shape: 400 naming the field, never dropped.
    void misshapenFieldsAre400_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("param");
        const QByteArray messages = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        QTest::newRow("messages: tools not an array")
            << QByteArray("/v1/messages")
            << "{\"model\":\"raw:m\",\"max_tokens\":5,\"tools\":\"search\"," + messages + "}"
            << "tools";
        QTest::newRow("messages: tool_choice a string")
            << QByteArray("/v1/messages")
            << "{\"model\":\"raw:m\",\"max_tokens\":5,\"tool_choice\":\"auto\"," + messages + "}"
            << "tool_choice";
        QTest::newRow("messages: unknown tool_choice type")
            << QByteArray("/v1/messages")
            << "{\"model\":\"raw:m\",\"max_tokens\":5,\"tool_choice\":{\"type\":\"maybe\"}," +
                   messages + "}"
            << "tool_choice";
        QTest::newRow("messages: stop_sequences a string")
            << QByteArray("/v1/messages")
            << "{\"model\":\"raw:m\",\"max_tokens\":5,\"stop_sequences\":\"END\"," + messages + "}"
            << "stop_sequences";
        QTest::newRow("responses: tools an object")
            << QByteArray("/v1/responses")
            << QByteArray("{\"model\":\"raw:m\",\"input\":\"hi\",\"tools\":{\"type\":\"x\"}}")
            << "tools";
    }
    void misshapenFieldsAre400()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, param);
        const auto r = post(path, body);
        QCOMPARE(r.status, 400);
        QVERIFY2(r.body.contains(param.toUtf8()), r.body.constData());
    }

    // A route none of whose candidates the configuration offers: a 4xx saying what to fix.
    void misconfiguredRouteIsA4xx()
    {
        const auto r = post("/v1/chat/completions", chatBody("broken", false));
        QCOMPARE(r.status, 404);
        QVERIFY2(r.body.contains("broken") && r.body.contains("route_misconfigured"),
                 r.body.constData());
    }

    // A provider that echoes the prompt in its error: the client gets the provider's answer,
    // the request log keeps only the error's class and Gatehouse's own words.
    void requestLogKeepsNoUpstreamText()
    {
        const QByteArray marker = "SECRET-PROMPT-MARKER-41";
        const auto r = post("/v1/chat/completions", chatBody("fake:status-400", false, marker));
        QCOMPARE(r.status, 400);
        QVERIFY(r.body.contains(marker)); // the fake upstream does echo it
        // A model name over the limit is refused, and not stored at any length.
        const QByteArray longName(300 * 1024, 'n');
        QCOMPARE(post("/v1/chat/completions", chatBody("fake:" + longName, false)).status, 400);
        m_log->flush();
        const auto rows = RequestLog::recent(m_log->path(), 2);
        QCOMPARE(rows.size(), 2);
        const RequestLogEntry &echoed = rows.at(1);
        QCOMPARE(echoed.status, 400);
        QVERIFY2(echoed.error.startsWith(QLatin1String("upstream_400")), qPrintable(echoed.error));
        for (const RequestLogEntry &e : rows) {
            QVERIFY(e.requestedModel.size() <= 256);
            QVERIFY(e.error.size() <= 500);
            QVERIFY(!e.error.contains(QLatin1String("fake upstream says")));
        }
        for (const char *suffix : {"", "-wal"}) {
            QFile file(m_log->path() + QLatin1String(suffix));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(marker), suffix);
            QVERIFY(!bytes.contains(QByteArray(1024, 'n')));
        }
    }

    // The request log and the response store are the owner's alone, and so is a folder made
    // for them.
    void filesAreOwnerOnly()
    {
        m_log->flush();
        auto modeOf = [](const QString &path) {
            struct stat st
            {
            };
            return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777)
                                                                         : -1;
        };
        QCOMPARE(modeOf(m_log->path()), 0600);
        QCOMPARE(modeOf(m_log->path() + QLatin1String("-wal")), 0600);
        QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("logs"))), 0700);
        // A file an earlier version left readable to others is made private when opened.
        const QString storePath = m_dir.filePath(QStringLiteral("store/responses.sqlite"));
        {
            ResponseStore store(storePath);
            QVERIFY(store.open());
        }
        QCOMPARE(modeOf(storePath), 0600);
        QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("store"))), 0700);
        QVERIFY(::chmod(QFile::encodeName(storePath).constData(), 0644) == 0);
        {
            ResponseStore store(storePath);
            QVERIFY(store.open());
        }
        QCOMPARE(modeOf(storePath), 0600);
    }

    // A request log on a full disk: the failure is reported (health check, signal), and the
    // limits keep counting in memory.
    void fullDiskIsReportedAndLimitsHold()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root");
        QTemporaryDir mountPoint;
        const QByteArray target = QFile::encodeName(mountPoint.path());
        if (::mount("tmpfs", target.constData(), "tmpfs", 0, "size=256k") != 0)
            QSKIP("tmpfs cannot be mounted here");
        auto unmount = qScopeGuard([&target] { ::umount2(target.constData(), MNT_DETACH); });
        {
            RequestLog log(mountPoint.filePath(QStringLiteral("requests.sqlite")));
            QVERIFY(log.open());
            QSignalSpy failed(&log, &RequestLog::writeStatusChanged);
            // Fill the rest of the disk.
            QFile filler(mountPoint.filePath(QStringLiteral("filler")));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'f');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
            filler.close();
            quint16 port = 0;
            GatewayService *service = startGateway(&log, port);
            QVERIFY(service);
            // The first request of the limited key uses more than its 5 tokens a day.
            const auto first =
                post("/v1/chat/completions", chatBody("fake:echo-1", false), m_limitedKey, port);
            QCOMPARE(first.status, 200);
            for (int i = 0; i < 20; ++i)
                post("/v1/chat/completions", chatBody("fake:echo-1", false), m_key, port);
            log.flush();
            QVERIFY(!log.writeError().isEmpty());
            QVERIFY(!failed.isEmpty());
            QVERIFY(!failed.first().first().toString().isEmpty());
            const auto health = HttpTestClient::request(port, "GET", "/healthz");
            QCOMPARE(health.status, 200);
            const QJsonObject h = QJsonDocument::fromJson(health.body).object();
            QCOMPARE(h.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
            QVERIFY2(h.value(QLatin1String("requestLog"))
                         .toString()
                         .startsWith(QLatin1String("write failed")),
                     health.body.constData());
            // Nothing was recorded, yet the limit counts what was used.
            const auto second =
                post("/v1/chat/completions", chatBody("fake:echo-1", false), m_limitedKey, port);
            QCOMPARE(second.status, 429);
            service->stop();
            delete service;
        }
    }
};

QTEST_GUILESS_MAIN(TestUpstreamAnswers)
#include "tst_upstreamanswers.moc"
