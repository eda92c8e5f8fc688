// What clients that send slowly, read slowly or never read cost the real gatehouse binary:
// its peak memory (VmHWM) stays bounded, and the slow reader still gets every byte.
#include "GatehouseProcess.h"
#include "HttpTestClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/resource.h>

using gatehouse::test::GatehouseProcess;
using gatehouse::test::HttpTestClient;

namespace {

// A provider that streams a long answer as fast as the connection takes it: events of
// 64 KiB, each its own chunk, never more than 1 MiB unsent on its side.
class FloodUpstream : public QObject
{
public:
    static constexpr int eventCount = 2560; // about 160 MiB
    static constexpr int contentBytes = 64 * 1024;

    static QByteArray event(int i)
    {
        if (i == eventCount)
            return QByteArrayLiteral("data: [DONE]\n\n");
        return "data: "
               "{\"id\":\"chatcmpl-flood\",\"object\":\"chat.completion.chunk\",\"created\":1,"
               "\"model\":\"flood-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" +
               QByteArray(contentBytes, static_cast<char>('a' + i % 26)) +
               "\"},\"finish_reason\":null}]}\n\n";
    }

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    QString baseUrl() const
    {
        return QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort());
    }
    qint64 sentBytes = 0;
    int sentEvents = 0;

private:
    void serve(QTcpSocket *socket)
    {
        auto request = std::make_shared<QByteArray>();
        auto answering = std::make_shared<bool>(false);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, request, answering] {
            if (*answering)
                return;
            *request += socket->readAll();
            const qsizetype end = request->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            static const QRegularExpression length(QStringLiteral("(?i)content-length: *(\\d+)"));
            const auto m = length.match(QString::fromLatin1(request->left(end)));
            if (request->size() < end + 4 + (m.hasMatch() ? m.captured(1).toLongLong() : 0))
                return;
            *answering = true;
            socket->write("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"
                          "transfer-encoding: chunked\r\n\r\n");
            connect(socket, &QTcpSocket::bytesWritten, this, [this, socket] { pump(socket); });
            pump(socket);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
    void pump(QTcpSocket *socket)
    {
        while (socket->bytesToWrite() < 1024 * 1024 && sentEvents <= eventCount) {
            const QByteArray e = event(sentEvents++);
            socket->write(QByteArray::number(e.size(), 16) + "\r\n" + e + "\r\n");
            sentBytes += e.size();
            if (sentEvents > eventCount)
                socket->write("0\r\n\r\n");
        }
    }

    QTcpServer m_server;
};

// Peak resident memory of a process, in bytes.
qint64 peakRss(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

} // namespace

class TestClientLimits : public QObject
{
    Q_OBJECT
private:
    // What the gateway may hold on top of its memory at rest, for all the clients of a test.
    static constexpr qint64 allowedGrowth = qint64{64} * 1024 * 1024;

    std::unique_ptr<QTemporaryDir> m_dir;
    FloodUpstream m_upstream;
    GatehouseProcess m_gateway;
    QByteArray m_key;
    qint64 m_baseline = 0;

    QStringList cfg() const { return {QStringLiteral("--config-dir"), m_dir->path()}; }
    QByteArray host() const { return "127.0.0.1:" + QByteArray::number(m_gateway.port()); }
    qint64 growth() { return peakRss(m_gateway.process().processId()) - m_baseline; }

private slots:
    void initTestCase()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_upstream.listen());
        QCOMPARE(GatehouseProcess::run(
                     cfg() + QStringList{QStringLiteral("provider"), QStringLiteral("add"),
                                         QStringLiteral("flood"), QStringLiteral("--url"),
                                         m_upstream.baseUrl(), QStringLiteral("--surface"),
                                         QStringLiteral("openai"), QStringLiteral("--model"),
                                         QStringLiteral("flood-1")})
                     .exitCode,
                 0);
        m_key = GatehouseProcess::run(cfg() + QStringList{QStringLiteral("key"),
                                                          QStringLiteral("create"),
                                                          QStringLiteral("tests")})
                    .out.trimmed();
        QVERIFY(m_key.startsWith("ghk_"));
        // Started with a soft limit on open descriptors far below the hard one, as many systems
        // start processes; the gateway raises it.
        m_gateway.process().setChildProcessModifier([] {
            rlimit limit{};
            if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_max > 256) {
                limit.rlim_cur = 256;
                ::setrlimit(RLIMIT_NOFILE, &limit);
            }
        });
        QVERIFY(m_gateway.startHeadless(
            cfg() + QStringList{QStringLiteral("--port"), QStringLiteral("0")}));
        // At rest: after a few requests have been served.
        for (int i = 0; i < 20; ++i)
            QCOMPARE(HttpTestClient::request(m_gateway.port(), "GET", "/healthz").status, 200);
        m_baseline = peakRss(m_gateway.process().processId());
        QVERIFY(m_baseline > 0);
    }

    void cleanupTestCase() { m_gateway.terminate(); }

    // Two descriptors per client connection and one per upstream call: the gateway raises
    // its soft limit (256 here, see initTestCase) to the hard one, so that the connection cap
    // can be reached.
    void openFileLimitIsRaised()
    {
        QFile limits(QStringLiteral("/proc/%1/limits").arg(m_gateway.process().processId()));
        QVERIFY(limits.open(QIODevice::ReadOnly));
        for (const QByteArray &line : limits.readAll().split('\n')) {
            if (!line.startsWith("Max open files"))
                continue;
            const QList<QByteArray> fields = line.mid(14).simplified().split(' ');
            QVERIFY(fields.size() >= 2);
            QCOMPARE(fields.at(0), fields.at(1)); // soft limit == hard limit
            return;
        }
        QFAIL("no open file limit in /proc");
    }

    void keylessBodiesAreRefusedUnread()
    {
        // 40 clients without a key announce 32 MiB bodies and start sending them.
        QList<QTcpSocket *> clients;
        QList<QByteArray> answers;
        const QByteArray body(4 * 1024 * 1024, 'x');
        for (int i = 0; i < 40; ++i) {
            auto *socket = new QTcpSocket(this);
            socket->connectToHost(QHostAddress::LocalHost, m_gateway.port());
            QVERIFY(socket->waitForConnected(3000));
            socket->write("POST /v1/chat/completions HTTP/1.1\r\nHost: " + host() +
                          "\r\nContent-Type: application/json\r\n" +
                          (i % 2 ? "Expect: 100-continue\r\n" : "") +
                          "Content-Length: 33554432\r\n\r\n");
            if (i % 2 == 0)
                socket->write(body);
            clients << socket;
            answers << QByteArray();
        }
        auto allAnswered = [&] {
            bool all = true;
            for (int i = 0; i < clients.size(); ++i) {
                answers[i] += clients[i]->readAll();
                all = all && answers[i].contains("\r\n\r\n");
            }
            return all;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 10000);
        for (const QByteArray &a : std::as_const(answers))
            QVERIFY2(a.startsWith("HTTP/1.1 401 Unauthorized\r\n"), a.left(200).constData());
        QVERIFY2(growth() < allowedGrowth, QByteArray::number(growth()).constData());
        qDeleteAll(clients);
    }

    void pipelinedAnswersThatAreNotReadAreNotPiledUp()
    {
        // 4 clients pipeline 5000 keyless requests each, 8 KiB apiece, and read no answer.
        const QByteArray one = "GET /v1/models HTTP/1.1\r\nHost: " + host() +
                               "\r\nX-Padding: " + QByteArray(8 * 1024, 'p') + "\r\n\r\n";
        QByteArray many;
        for (int i = 0; i < 5000; ++i)
            many += one;
        QList<QTcpSocket *> clients;
        for (int i = 0; i < 4; ++i) {
            auto *socket = new QTcpSocket(this);
            socket->setReadBufferSize(4096); // what does not fit stays in the kernel, unread
            socket->connectToHost(QHostAddress::LocalHost, m_gateway.port());
            QVERIFY(socket->waitForConnected(3000));
            socket->write(many);
            clients << socket;
        }
        for (int i = 0; i < 30; ++i) {
            QTest::qWait(100);
            QVERIFY2(growth() < allowedGrowth, QByteArray::number(growth()).constData());
        }
        // The gateway serves others meanwhile.
        QCOMPARE(HttpTestClient::request(m_gateway.port(), "GET", "/healthz").status, 200);
        qDeleteAll(clients);
    }

    void slowReaderOfAFastStreamGetsEveryByte()
    {
        const QByteArray body = "{\"model\":\"flood:flood-1\",\"stream\":true,\"messages\":[{"
                                "\"role\":\"user\",\"content\":\"hi\"}]}";
        QTcpSocket client;
        client.setReadBufferSize(64 * 1024); // a reader that does not keep up
        client.connectToHost(QHostAddress::LocalHost, m_gateway.port());
        QVERIFY(client.waitForConnected(3000));
        // HTTP/1.0: the answer comes unchunked, byte for byte what the provider sent.
        client.write("POST /v1/chat/completions HTTP/1.0\r\nHost: " + host() +
                     "\r\nAuthorization: Bearer " + m_key +
                     "\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);

        // The provider is held back once the buffers on the way are full.
        qint64 last = -1;
        int still = 0;
        for (int i = 0; i < 200 && still < 10; ++i) {
            QTest::qWait(100);
            still = m_upstream.sentBytes == last ? still + 1 : 0;
            last = m_upstream.sentBytes;
        }
        QVERIFY2(m_upstream.sentEvents <= FloodUpstream::eventCount,
                 "the whole stream was taken from the provider for a client that read none of it");
        QVERIFY2(growth() < allowedGrowth, QByteArray::number(growth()).constData());

        // Reading on, the client gets the whole stream.
        QByteArray head;
        int event = 0;
        qsizetype offset = 0;
        QByteArray expected = FloodUpstream::event(0);
        bool same = true;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 120000 && event <= FloodUpstream::eventCount && same) {
            if (client.bytesAvailable() == 0) {
                if (client.state() != QAbstractSocket::ConnectedState)
                    break;
                // The provider lives on this thread too: let it write while we wait.
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
                continue;
            }
            QByteArray data = client.readAll();
            if (!head.endsWith("\r\n\r\n")) {
                head += data;
                const qsizetype end = head.indexOf("\r\n\r\n");
                if (end < 0)
                    continue;
                data = head.mid(end + 4);
                head.truncate(end + 4);
                QVERIFY2(head.startsWith("HTTP/1.1 200 OK\r\n"), head.constData());
            }
            qsizetype pos = 0;
            while (pos < data.size() && event <= FloodUpstream::eventCount) {
                const qsizetype n = std::min(data.size() - pos, expected.size() - offset);
                if (same && QByteArrayView(data).sliced(pos, n) !=
                                QByteArrayView(expected).sliced(offset, n)) {
                    same = false;
                    qWarning("event %d differs from byte %lld on: %s", event,
                             static_cast<long long>(offset), data.mid(pos, 300).constData());
                }
                pos += n;
                offset += n;
                if (offset == expected.size()) {
                    ++event;
                    offset = 0;
                    expected = FloodUpstream::event(event);
                }
            }
            QVERIFY2(pos == data.size(), "bytes after the end of the stream");
        }
        QVERIFY(same);
        QCOMPARE(event, FloodUpstream::eventCount + 1);
        QVERIFY2(growth() < allowedGrowth, QByteArray::number(growth()).constData());
    }
};

QTEST_GUILESS_MAIN(TestClientLimits)
#include "tst_clientlimits.moc"
