#include "http/HttpRequestParser.h"

#include <QTest>

using namespace gatehouse;

class TestHttpRequestParser : public QObject
{
    Q_OBJECT
private:
    static HttpRequestParser::Limits smallLimits()
    {
        HttpRequestParser::Limits l;
        l.maxHeaderBytes = 512;
        l.maxHeaderCount = 8;
        l.maxBodyBytes = 64;
        return l;
    }

private slots:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("get") << QByteArray("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n")
                             << QByteArray("GET") << QByteArray("/healthz") << QByteArray()
                             << QByteArray() << true;
        QTest::newRow("query") << QByteArray("GET /v1/models?x=1 HTTP/1.1\r\nHost: a\r\n\r\n")
                               << QByteArray("GET") << QByteArray("/v1/models") << QByteArray("x=1")
                               << QByteArray() << true;
        QTest::newRow("content-length") << QByteArray("POST /v1/chat/completions HTTP/1.1\r\nHost: "
                                                      "a\r\nContent-Length: 5\r\n\r\nhello")
                                        << QByteArray("POST") << QByteArray("/v1/chat/completions")
                                        << QByteArray() << QByteArray("hello") << true;
        QTest::newRow("chunked")
            << QByteArray(
                   "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                   "chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n")
            << QByteArray("POST") << QByteArray("/x") << QByteArray() << QByteArray("hello world")
            << true;
        QTest::newRow("connection close")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            << QByteArray("GET") << QByteArray("/") << QByteArray() << QByteArray() << false;
        QTest::newRow("http/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("GET")
                                  << QByteArray("/") << QByteArray() << QByteArray() << false;
        QTest::newRow("http/1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << QByteArray("GET")
            << QByteArray("/") << QByteArray() << QByteArray() << true;
        QTest::newRow("leading empty line")
            << QByteArray("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n") << QByteArray("GET")
            << QByteArray("/") << QByteArray() << QByteArray() << true;
    }
    void valid()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, query);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        // Whole, and one byte at a time: the result must be the same.
        for (const bool byteByByte : {false, true}) {
            HttpRequestParser parser;
            QByteArray buffer;
            HttpRequestParser::Status status = HttpRequestParser::Status::Incomplete;
            if (byteByByte) {
                for (const char c : raw) {
                    QCOMPARE(status, HttpRequestParser::Status::Incomplete);
                    buffer.append(c);
                    status = parser.parse(buffer);
                }
            } else {
                buffer = raw;
                status = parser.parse(buffer);
            }
            QCOMPARE(status, HttpRequestParser::Status::Complete);
            QVERIFY(buffer.isEmpty());
            const HttpRequest r = parser.takeRequest();
            QCOMPARE(r.method, method);
            QCOMPARE(r.path, path);
            QCOMPARE(r.query, query);
            QCOMPARE(r.body, body);
            QCOMPARE(r.keepAlive(), keepAlive);
        }
    }

    void headerNamesAreLowerCaseAndValuesTrimmed()
    {
        HttpRequestParser parser;
        QByteArray buffer("GET / HTTP/1.1\r\nHOST: a\r\nX-Api-Key:   k  \r\n\r\n");
        QCOMPARE(parser.parse(buffer), HttpRequestParser::Status::Complete);
        const HttpRequest r = parser.takeRequest();
        QCOMPARE(r.header("x-api-key"), QByteArray("k"));
        QCOMPARE(r.header("host"), QByteArray("a"));
    }

    void pipelinedRequestsStayInBuffer()
    {
        HttpRequestParser parser;
        QByteArray buffer("GET /a HTTP/1.1\r\nHost: a\r\n\r\nGET /b HTTP/1.1\r\nHost: a\r\n\r\n");
        QCOMPARE(parser.parse(buffer), HttpRequestParser::Status::Complete);
        QCOMPARE(parser.takeRequest().path, QByteArray("/a"));
        QCOMPARE(parser.parse(buffer), HttpRequestParser::Status::Complete);
        QCOMPARE(parser.takeRequest().path, QByteArray("/b"));
        QVERIFY(buffer.isEmpty());
    }

    void expectContinue()
    {
        HttpRequestParser parser;
        QByteArray buffer(
            "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        QCOMPARE(parser.parse(buffer), HttpRequestParser::Status::Incomplete);
        QVERIFY(parser.takeContinueRequest());
        QVERIFY(!parser.takeContinueRequest());
        buffer = "abc";
        QCOMPARE(parser.parse(buffer), HttpRequestParser::Status::Complete);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("extra space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("absolute url") << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("http/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("http/1.2") << QByteArray("GET / HTTP/1.2\r\n\r\n") << 505;
        QTest::newRow("not http") << QByteArray("GET / FTP/1.1\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
        QTest::newRow("control char in value")
            << QByteArray("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n") << 400;
        QTest::newRow("cl and te")
            << QByteArray(
                   "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")
            << 400;
        QTest::newRow("two different cl")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
            << 400;
        QTest::newRow("cl not a number")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3x\r\n\r\n") << 400;
        QTest::newRow("negative cl")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("gzip te") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << 501;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        QTest::newRow("chunk without crlf")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXX") << 400;
        QTest::newRow("body over limit")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 65\r\n\r\n") << 413;
        QTest::newRow("chunked over limit")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n") << 413;
        QTest::newRow("headers over limit")
            << QByteArray("GET / HTTP/1.1\r\nA: " + QByteArray(600, 'x') + "\r\n\r\n") << 431;
        QTest::newRow("unterminated huge headers")
            << QByteArray("GET / HTTP/1.1\r\nA: " + QByteArray(600, 'x')) << 431;
        QTest::newRow("too many headers")
            << QByteArray("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\nF: 6\r\nG: "
                          "7\r\nH: 8\r\nI: 9\r\n\r\n")
            << 431;
        QTest::newRow("unknown expectation")
            << QByteArray("POST / HTTP/1.1\r\nExpect: magic\r\nContent-Length: 1\r\n\r\n") << 417;
    }
    void errors()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        HttpRequestParser parser(smallLimits());
        QByteArray buffer = raw;
        QCOMPARE(parser.parse(buffer), HttpRequestParser::Status::Error);
        QCOMPARE(parser.errorStatus(), status);
        QVERIFY(!parser.errorMessage().isEmpty());
        // Once failed, it stays failed: nothing after broken framing is trusted.
        QByteArray more("GET / HTTP/1.1\r\n\r\n");
        QCOMPARE(parser.parse(more), HttpRequestParser::Status::Error);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
