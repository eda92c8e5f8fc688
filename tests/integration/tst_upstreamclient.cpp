// The one upstream client (HTTP/1.1 on the gateway's event loop) against a server that sends
// exactly the bytes each case scripts: framing of every kind, content coding, broken and
// hostile answers, timeouts, and the rule that every call ends with exactly one finished().
#include "upstream/UpstreamClient.h"

#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gatehouse;

Q_DECLARE_METATYPE(gatehouse::UpstreamResult::Outcome)

namespace {

// Answers every request with the same scripted bytes, written piece by piece.
class ScriptedServer : public QTcpServer
{
public:
    QList<QByteArray> pieces;
    bool closeAfter = true;
    // Closes a kept connection, unanswered, when a second request arrives on it (a server
    // whose idle timeout struck just as the connection was reused).
    bool dropReusedConnection = false;
    int requests = 0;
    QByteArray lastRequest;
    QList<QPointer<QTcpSocket>> sockets;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        sockets.append(socket);
        auto buffer = std::make_shared<QByteArray>();
        auto served = std::make_shared<int>(0);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, served] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            // The body, when there is one, by its Content-Length.
            const qsizetype at = buffer->toLower().indexOf("content-length:");
            qsizetype length = 0;
            if (at >= 0 && at < end)
                length = buffer->mid(at + 15, buffer->indexOf("\r\n", at) - at - 15)
                             .trimmed()
                             .toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            const QByteArray request = std::exchange(*buffer, {});
            if (dropReusedConnection && ++*served > 1) {
                socket->abort();
                return;
            }
            ++requests;
            lastRequest = request;
            for (const QByteArray &piece : std::as_const(pieces)) {
                socket->write(piece);
                socket->flush();
                socket->waitForBytesWritten(100);
            }
            if (closeAfter)
                socket->disconnectFromHost();
        });
    }
};

UpstreamRequest requestTo(quint16 port, int firstByteMs = 3000)
{
    UpstreamRequest r;
    r.endpoint =
        UpstreamEndpoint::fromUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/x").arg(port)));
    r.providerId = QStringLiteral("scripted");
    r.body = "{}";
    r.headers = {{"content-type", "application/json"}};
    r.timeouts.connectMs = 2000;
    r.timeouts.firstByteMs = firstByteMs;
    r.timeouts.idleMs = 2000;
    return r;
}

struct Seen
{
    int headers = 0;
    int status = 0;
    HttpHeaders headerList;
    QByteArray body;
    QList<UpstreamResult> results;
};

void watch(UpstreamCall *call, Seen &seen)
{
    QObject::connect(call, &UpstreamCall::headersReceived, call,
                     [&seen](int status, const HttpHeaders &headers) {
                         ++seen.headers;
                         seen.status = status;
                         seen.headerList = headers;
                     });
    QObject::connect(call, &UpstreamCall::dataReceived, call,
                     [&seen](const QByteArray &data) { seen.body += data; });
    QObject::connect(call, &UpstreamCall::finished, call,
                     [&seen](const UpstreamResult &r) { seen.results.append(r); });
}

QByteArray deflated(const QByteArray &data)
{
    // qCompress: a 4-byte length, then a zlib stream, which is HTTP's "deflate" coding.
    return qCompress(data).mid(4);
}

} // namespace

class TestUpstreamClient : public QObject
{
    Q_OBJECT
private:
    UpstreamClient m_client;

private slots:
    void framing_data()
    {
        QTest::addColumn<QList<QByteArray>>("pieces");
        QTest::addColumn<UpstreamResult::Outcome>("outcome");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        using O = UpstreamResult::Outcome;
        QTest::newRow("content-length")
            << QList<QByteArray>{"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"}
            << O::Completed << 200 << QByteArray("hello");
        QTest::newRow("chunked, extensions and trailers")
            << QList<QByteArray>{"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                                 "5;ext=1\r\nhello\r\n", "6\r\n world\r\n",
                                 "0\r\nX-Trailer: t\r\n\r\n"}
            << O::Completed << 200 << QByteArray("hello world");
        QTest::newRow("chunked, one byte at a time") << [] {
            QList<QByteArray> out;
            for (const char c : QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: "
                                           "chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"))
                out << QByteArray(1, c);
            return out;
        }() << O::Completed << 200 << QByteArray("abc");
        QTest::newRow("bare LF line ends")
            << QList<QByteArray>{"HTTP/1.1 200 OK\nContent-Length: 2\nX-A: b\n\nok"} << O::Completed
            << 200 << QByteArray("ok");
        QTest::newRow("deflate coding is decoded")
            << QList<
                   QByteArray>{"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nContent-Length: " +
                               QByteArray::number(deflated("plain text back").size()) + "\r\n\r\n" +
                               deflated("plain text back")}
            << O::Completed << 200 << QByteArray("plain text back");
        QTest::newRow("interim 100 Continue")
            << QList<QByteArray>{"HTTP/1.1 100 Continue\r\n\r\n",
                                 "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"}
            << O::Completed << 201 << QByteArray("ok");
        QTest::newRow("HTTP/1.0, body until close")
            << QList<QByteArray>{"HTTP/1.0 200 OK\r\n\r\nuntil close"} << O::Completed << 200
            << QByteArray("until close");
        QTest::newRow("204, no body") << QList<QByteArray>{"HTTP/1.1 204 No Content\r\n\r\n"}
                                      << O::Completed << 204 << QByteArray();
        QTest::newRow("error status is an answer")
            << QList<QByteArray>{"HTTP/1.1 429 Too Many\r\nRetry-After: 3\r\nContent-Length: "
                                 "2\r\n\r\n{}"}
            << O::Completed << 429 << QByteArray("{}");
        QTest::newRow("body shorter than its length")
            << QList<QByteArray>{"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"} << O::Failed
            << 200 << QByteArray("short");
        QTest::newRow("chunked body cut off")
            << QList<QByteArray>{"HTTP/1.1 200 OK\r\nTransfer-Encoding: "
                                 "chunked\r\n\r\n5\r\nhello\r\n"}
            << O::Failed << 200 << QByteArray("hello");
        QTest::newRow("malformed chunk size")
            << QList<QByteArray>{"HTTP/1.1 200 OK\r\nTransfer-Encoding: "
                                 "chunked\r\n\r\nzz\r\nhello\r\n"}
            << O::Failed << 200 << QByteArray();
        QTest::newRow("headers over 64 KiB")
            << QList<QByteArray>{"HTTP/1.1 200 OK\r\n" +
                                 QByteArray("X-Big: " + QByteArray(1000, 'x') + "\r\n")
                                     .repeated(70) +
                                 "Content-Length: 0\r\n\r\n"}
            << O::Failed << 0 << QByteArray();
        QTest::newRow("trailers over 64 KiB")
            << QList<QByteArray>{"HTTP/1.1 200 OK\r\nTransfer-Encoding: "
                                 "chunked\r\n\r\n1\r\na\r\n0\r\n",
                                 QByteArray("X-T: " + QByteArray(1000, 'y') + "\r\n").repeated(70),
                                 "\r\n"}
            << O::Failed << 200 << QByteArray("a");
        QTest::newRow("not HTTP") << QList<QByteArray>{"garbage garbage\r\n\r\n"} << O::Failed << 0
                                  << QByteArray();
    }
    void framing()
    {
        QFETCH(QList<QByteArray>, pieces);
        QFETCH(UpstreamResult::Outcome, outcome);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        ScriptedServer server;
        server.pieces = pieces;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        Seen seen;
        UpstreamCall *call = m_client.send(requestTo(server.serverPort()), this);
        watch(call, seen);
        QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 10000);
        QCOMPARE(seen.results.first().outcome, outcome);
        QCOMPARE(seen.status, status);
        QCOMPARE(seen.headers, status ? 1 : 0);
        QCOMPARE(seen.body, body);
        if (outcome == UpstreamResult::Outcome::Failed)
            QVERIFY(!seen.results.first().error.message.isEmpty());
        // Whatever arrived, no header carries a line break on to the client.
        for (const auto &h : std::as_const(seen.headerList)) {
            QVERIFY(!h.first.contains('\r') && !h.first.contains('\n'));
            QVERIFY(!h.second.contains('\r') && !h.second.contains('\n'));
            QCOMPARE(h.first, h.first.toLower());
        }
        QCoreApplication::processEvents();
        QCOMPARE(seen.results.size(), 1);
        delete call;
    }

    void requestBytes()
    {
        ScriptedServer server;
        server.pieces = {"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"};
        QVERIFY(server.listen(QHostAddress::LocalHost));
        UpstreamRequest r = requestTo(server.serverPort());
        r.body = QByteArray(4096, 'b'); // large enough that some clients would ask for 100-continue
        Seen seen;
        UpstreamCall *call = m_client.send(r, this);
        watch(call, seen);
        QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 5000);
        QVERIFY(seen.results.first().completed());
        const QByteArray sent = server.lastRequest.toLower();
        QVERIFY(sent.startsWith("post /v1/x http/1.1\r\n"));
        QVERIFY(sent.contains("content-type: application/json\r\n"));
        QVERIFY(!sent.contains("expect:"));
        QVERIFY(sent.endsWith(QByteArray(4096, 'b')));
        delete call;
    }

    void headerWithLineBreakIsNotSent()
    {
        ScriptedServer server;
        server.pieces = {"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"};
        QVERIFY(server.listen(QHostAddress::LocalHost));
        UpstreamRequest r = requestTo(server.serverPort());
        r.headers.append(qMakePair(QByteArray("x-api-key"), QByteArray("secret\r\nInjected: yes")));
        Seen seen;
        UpstreamCall *call = m_client.send(r, this);
        watch(call, seen);
        QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 5000);
        QCOMPARE(seen.results.first().outcome, UpstreamResult::Outcome::Failed);
        QCOMPARE(server.requests, 0);
        delete call;
    }

    void refusedConnection()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        Seen seen;
        UpstreamCall *call = m_client.send(requestTo(port), this);
        watch(call, seen);
        QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 5000);
        const UpstreamResult &r = seen.results.first();
        QCOMPARE(r.outcome, UpstreamResult::Outcome::Failed);
        QVERIFY(!r.afterHeaders);
        QCOMPARE(r.error.status, 502);
        QCOMPARE(r.error.code, QStringLiteral("upstream_unreachable"));
        delete call;
    }

    void firstByteTimeout()
    {
        ScriptedServer silent; // reads the request, never answers
        silent.closeAfter = false;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Seen seen;
        UpstreamCall *call = m_client.send(requestTo(silent.serverPort(), 300), this);
        watch(call, seen);
        QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 5000);
        QCOMPARE(seen.results.first().error.status, 504);
        QVERIFY(seen.results.first().error.message.contains(QLatin1String("first byte")));
        delete call;
    }

    // abort() reports a cancelled outcome, once, and nothing after it.
    void abortReportsCancelled()
    {
        ScriptedServer silent;
        silent.closeAfter = false;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Seen seen;
        UpstreamCall *call = m_client.send(requestTo(silent.serverPort()), this);
        watch(call, seen);
        QTRY_COMPARE_WITH_TIMEOUT(silent.requests, 1, 5000);
        call->abort();
        QCOMPARE(seen.results.size(), 1);
        QVERIFY(seen.results.first().cancelled());
        call->abort();
        QCoreApplication::processEvents();
        QCOMPARE(seen.results.size(), 1);
        QCOMPARE(m_client.activeCalls(), 0);
        delete call;
    }

    // A caller may abort, delete or start calls from inside any signal.
    void abortFromInsideASignal()
    {
        ScriptedServer server;
        server.pieces = {"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "5\r\nhello\r\n"};
        server.closeAfter = false;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        Seen seen;
        QPointer<UpstreamCall> call = m_client.send(requestTo(server.serverPort()), this);
        watch(call, seen);
        UpstreamCall *second = nullptr;
        Seen secondSeen;
        connect(call, &UpstreamCall::dataReceived, this, [&] {
            call->abort();
            call->deleteLater();
            second = m_client.send(requestTo(server.serverPort()), this);
            watch(second, secondSeen);
        });
        QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 5000);
        QVERIFY(seen.results.first().cancelled());
        QTRY_VERIFY_WITH_TIMEOUT(second && secondSeen.headers == 1, 5000);
        second->abort();
        QCOMPARE(secondSeen.results.size(), 1);
        delete second;
    }

    // Calls that end reuse their connection.
    void keepAlive()
    {
        ScriptedServer server;
        server.pieces = {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"};
        server.closeAfter = false;
        int connections = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] { ++connections; });
        QVERIFY(server.listen(QHostAddress::LocalHost));
        for (int i = 0; i < 3; ++i) {
            Seen seen;
            UpstreamCall *call = m_client.send(requestTo(server.serverPort()), this);
            watch(call, seen);
            QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 5000);
            QVERIFY(seen.results.first().completed());
            delete call;
        }
        QCOMPARE(server.requests, 3);
        QCOMPARE(connections, 1);
        QCOMPARE(m_client.idleConnections(), 1);
        // A kept connection its server closes leaves the pool.
        for (const QPointer<QTcpSocket> &socket : std::as_const(server.sockets)) {
            if (socket)
                socket->disconnectFromHost();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_client.idleConnections(), 0, 5000);
    }

    // A kept connection that its server closes just as it is reused: the request goes once
    // more, on a new connection, and the caller sees one answer.
    void staleConnectionIsRetried()
    {
        ScriptedServer server;
        server.pieces = {"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"};
        server.closeAfter = false;
        server.dropReusedConnection = true;
        int connections = 0;
        connect(&server, &QTcpServer::newConnection, this, [&] { ++connections; });
        QVERIFY(server.listen(QHostAddress::LocalHost));
        for (int i = 0; i < 2; ++i) {
            Seen seen;
            UpstreamCall *call = m_client.send(requestTo(server.serverPort()), this);
            watch(call, seen);
            QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 5000);
            QVERIFY(seen.results.first().completed());
            QCOMPARE(seen.body, QByteArray("ok"));
            QCOMPARE(seen.headers, 1);
            delete call;
        }
        QCOMPARE(server.requests, 2);
        QCOMPARE(connections, 2);
    }

    // A request that got part of an answer is never sent twice.
    void brokenAnswerIsNotRetried()
    {
        ScriptedServer server;
        server.pieces = {"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhal"};
        QVERIFY(server.listen(QHostAddress::LocalHost));
        Seen seen;
        UpstreamCall *call = m_client.send(requestTo(server.serverPort()), this);
        watch(call, seen);
        QTRY_COMPARE_WITH_TIMEOUT(seen.results.size(), 1, 5000);
        QCOMPARE(seen.results.first().outcome, UpstreamResult::Outcome::Failed);
        QVERIFY(seen.results.first().afterHeaders);
        QCOMPARE(seen.results.first().error.code, QStringLiteral("upstream_incomplete"));
        QCOMPARE(server.requests, 1);
        delete call;
    }

    void extraCaFile()
    {
        QTemporaryDir dir;
        UpstreamClient client;
        QVERIFY(client.setExtraCaFile({}).ok());
        const Status missing = client.setExtraCaFile(dir.filePath(QStringLiteral("none.pem")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().contains(QLatin1String("none.pem")));
        QFile notPem(dir.filePath(QStringLiteral("not.pem")));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("just text\n");
        notPem.close();
        const Status empty = client.setExtraCaFile(notPem.fileName());
        QVERIFY(!empty.ok());
        QVERIFY(empty.error().contains(QLatin1String("no PEM certificate")));
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_upstreamclient.moc"
