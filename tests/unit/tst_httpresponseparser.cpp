// The upstream client's response parser, its chunked and content decoders: every framing,
// fed whole and one byte at a time (the same result either way), hostile and broken answers,
// and body bytes handed on without a copy where that is possible.
#include "http/ChunkedDecoder.h"
#include "http/ContentDecoder.h"
#include "http/HttpResponseParser.h"

#include <QTest>

using namespace gatehouse;
using Failure = HttpResponseParser::Failure;

Q_DECLARE_METATYPE(gatehouse::HttpResponseParser::Failure)

namespace {

// "hello, gzip" as `gzip -n` writes it.
const unsigned char gzipHello[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb,
                                   0x48, 0xcd, 0xc9, 0xc9, 0xd7, 0x51, 0x48, 0xaf, 0xca, 0x2c, 0x00,
                                   0x00, 0x4a, 0x9b, 0xb1, 0x5c, 0x0b, 0x00, 0x00, 0x00};

QByteArray gzipped()
{
    return QByteArray(reinterpret_cast<const char *>(gzipHello), sizeof gzipHello);
}

// The "deflate" coding as RFC 9110 has it: a zlib stream (qCompress adds a 4-byte length).
QByteArray zlibStream(const QByteArray &data)
{
    return qCompress(data).mid(4);
}

// Raw deflate, which some servers send as "deflate": no zlib header, no checksum.
QByteArray rawDeflate(const QByteArray &data)
{
    const QByteArray z = zlibStream(data);
    return z.mid(2, z.size() - 6);
}

struct Parsed
{
    bool ok = true;
    int headersReady = 0;
    QByteArray body;
    bool complete = false;
};

// Feeds `response` in pieces of `piece` bytes (0: whole), then a close when `close` is set.
Parsed parse(HttpResponseParser &parser, const QByteArray &response, int piece, bool close)
{
    Parsed p;
    auto take = [&p](const HttpResponseParser::Output &out) {
        p.headersReady += out.headersReady ? 1 : 0;
        p.body += out.body;
        p.complete = p.complete || out.complete;
    };
    const qsizetype step = piece > 0 ? piece : std::max<qsizetype>(1, response.size());
    for (qsizetype at = 0; at < response.size() && p.ok; at += step) {
        HttpResponseParser::Output out;
        p.ok = parser.feed(response.mid(at, step), out);
        take(out);
    }
    if (p.ok && close) {
        HttpResponseParser::Output out;
        p.ok = parser.closed(out);
        take(out);
    }
    return p;
}

} // namespace

class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<bool>("close");
        QTest::addColumn<Failure>("failure");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");

        QTest::newRow("content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << false
            << Failure::None << 200 << QByteArray("hello") << true;
        QTest::newRow("same length twice")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nok")
            << false << Failure::None << 200 << QByteArray("ok") << true;
        QTest::newRow("conflicting lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok")
            << false << Failure::BadFraming << 0 << QByteArray() << false;
        QTest::newRow("negative length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false
            << Failure::BadFraming << 0 << QByteArray() << false;
        QTest::newRow("chunked with extensions and trailers")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nx-trailer: 1\r\n\r\n")
            << false << Failure::None << 200 << QByteArray("hello world") << true;
        QTest::newRow("chunked wins over a length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n"
                          "\r\n2\r\nok\r\n0\r\n\r\n")
            << false << Failure::None << 200 << QByteArray("ok") << true;
        QTest::newRow("transfer coding other than chunked last")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n") << false
            << Failure::BadFraming << 0 << QByteArray() << false;
        QTest::newRow("bare LF line ends")
            << QByteArray("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nok\n0\n\n") << false
            << Failure::None << 200 << QByteArray("ok") << true;
        // A value with a line break or NUL in it would carry headers of its own to the client.
        QTest::newRow("bare LF inside a CRLF head")
            << QByteArray(
                   "HTTP/1.1 200 OK\r\nX-A: a\nSet-Cookie: s=1\r\nContent-Length: 2\r\n\r\nok")
            << false << Failure::BadHeader << 0 << QByteArray() << false;
        QTest::newRow("CR inside a value")
            << QByteArray(
                   "HTTP/1.1 200 OK\r\nX-A: a\rSet-Cookie: s=1\r\nContent-Length: 2\r\n\r\nok")
            << false << Failure::BadHeader << 0 << QByteArray() << false;
        QTest::newRow("CR inside a value of a bare-LF head")
            << QByteArray("HTTP/1.1 200 OK\nX-A: a\rSet-Cookie: s=1\nContent-Length: 2\n\nok")
            << false << Failure::BadHeader << 0 << QByteArray() << false;
        QTest::newRow("NUL inside a value")
            << QByteArray("HTTP/1.1 200 OK\r\nX-A: a\0b\r\nContent-Length: 2\r\n\r\nok", 50)
            << false << Failure::BadHeader << 0 << QByteArray() << false;
        QTest::newRow("chunk extension over 1 KiB")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;x=" +
                          QByteArray(2000, 'e') + "\r\nok\r\n0\r\n\r\n")
            << false << Failure::BadChunk << 200 << QByteArray() << false;
        QTest::newRow("malformed chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n")
            << false << Failure::BadChunk << 200 << QByteArray() << false;
        QTest::newRow("trailers over 64 KiB")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n" +
                          QByteArray(70 * 1024, 'x') + "\r\n\r\n")
            << false << Failure::TrailersTooLarge << 200 << QByteArray("ok") << false;
        QTest::newRow("HTTP/1.0, body until close")
            << QByteArray("HTTP/1.0 200 OK\r\n\r\nall of it") << true << Failure::None << 200
            << QByteArray("all of it") << false;
        QTest::newRow("HTTP/1.0 keep-alive with a length")
            << QByteArray(
                   "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok")
            << false << Failure::None << 200 << QByteArray("ok") << true;
        QTest::newRow("connection: close")
            << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
            << false << Failure::None << 200 << QByteArray("ok") << false;
        QTest::newRow("bytes after the response")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA") << false
            << Failure::None << 200 << QByteArray("ok") << false;
        QTest::newRow("interim answers first")
            << QByteArray(
                   "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                   "HTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nx")
            << false << Failure::None << 201 << QByteArray("x") << true;
        QTest::newRow("204 has no body")
            << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n") << false
            << Failure::None << 204 << QByteArray() << true;
        QTest::newRow("gzip")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " +
                          QByteArray::number(gzipped().size()) + "\r\n\r\n" + gzipped())
            << false << Failure::None << 200 << QByteArray("hello, gzip") << true;
        QTest::newRow("gzip in chunks")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked"
                          "\r\n\r\n" +
                          QByteArray::number(10, 16) + "\r\n" + gzipped().left(10) + "\r\n" +
                          QByteArray::number(gzipped().size() - 10, 16) + "\r\n" +
                          gzipped().mid(10) + "\r\n0\r\n\r\n")
            << false << Failure::None << 200 << QByteArray("hello, gzip") << true;
        QTest::newRow("deflate (zlib)")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" +
                          zlibStream("squeezed " + QByteArray(3000, 'z')))
            << true << Failure::None << 200 << QByteArray("squeezed " + QByteArray(3000, 'z'))
            << false;
        QTest::newRow("deflate (raw)")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" +
                          rawDeflate("raw deflate body"))
            << true << Failure::None << 200 << QByteArray("raw deflate body") << false;
        // Ends with more output than the decoder's 16 KiB buffer inside zlib once all input
        // is taken.
        QTest::newRow("deflate (raw), larger than the decode buffer")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" +
                          rawDeflate(QByteArray(16385, 'r')))
            << true << Failure::None << 200 << QByteArray(16385, 'r') << false;
        QTest::newRow("corrupt gzip")
            << QByteArray(
                   "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00garbage!")
            << true << Failure::BadCoding << 200 << QByteArray() << false;
        QTest::newRow("unknown content coding")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 2\r\n\r\nxx")
            << false << Failure::UnsupportedCoding << 0 << QByteArray() << false;
        QTest::newRow("cut off within the length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf") << true
            << Failure::CutOff << 200 << QByteArray("half") << false;
        QTest::newRow("cut off within the head")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << true << Failure::CutOff << 0
            << QByteArray() << false;
        QTest::newRow("headers over 64 KiB")
            << QByteArray("HTTP/1.1 200 OK\r\nx-big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n")
            << false << Failure::HeadersTooLarge << 0 << QByteArray() << false;
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << false
                                  << Failure::NotHttp << 0 << QByteArray() << false;
        QTest::newRow("not HTTP, line ends mixed") // not a header problem, in any pieces
            << QByteArray("H404 Not Found\nContent-Length: 5\r\n\r\n") << false << Failure::NotHttp
            << 0 << QByteArray() << false;
        QTest::newRow("status not a number") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false
                                             << Failure::NotHttp << 0 << QByteArray() << false;
    }

    void framing()
    {
        QFETCH(QByteArray, response);
        QFETCH(bool, close);
        QFETCH(Failure, failure);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        // Whole, in odd pieces, and one byte at a time: the same result every way.
        for (const int piece : {0, 7, 1}) {
            HttpResponseParser parser;
            const Parsed p = parse(parser, response, piece, close);
            QCOMPARE(parser.failure(), failure);
            QCOMPARE(p.ok, failure == Failure::None);
            QCOMPARE(parser.status(), status);
            QCOMPARE(p.headersReady, status != 0 ? 1 : 0);
            QCOMPARE(p.body, body);
            QCOMPARE(p.complete, failure == Failure::None);
            if (failure == Failure::None)
                QCOMPARE(parser.keepAlive(), keepAlive);
            else
                QVERIFY(!parser.failureText().isEmpty());
        }
    }

    void headersAreCleaned()
    {
        HttpResponseParser parser;
        const Parsed p = parse(parser,
                               "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Folded: one\r\n"
                               "  two\r\nbad name: dropped\r\n: empty name\r\n"
                               "Content-Length: 0\r\n\r\n",
                               0, false);
        QVERIFY(p.ok && p.complete);
        const HttpHeaders &h = parser.headers();
        QCOMPARE(h.size(), 3);
        QCOMPARE(h[0], qMakePair(QByteArray("content-type"), QByteArray("text/plain")));
        QCOMPARE(h[1], qMakePair(QByteArray("x-folded"), QByteArray("one two")));
        QCOMPARE(h[2].first, QByteArray("content-length"));
    }

    // A folded continuation line is cleaned like the value it continues.
    void foldedValuesAreCleaned()
    {
        HttpResponseParser parser;
        const Parsed p = parse(parser,
                               QByteArray("HTTP/1.1 200 OK\r\nX-A: one\r\n  t\rw\0o\r\n"
                                          "Content-Length: 0\r\n\r\n",
                                          57),
                               0, false);
        QVERIFY(p.ok && p.complete);
        QCOMPARE(parser.headers().first(), qMakePair(QByteArray("x-a"), QByteArray("one t w o")));
    }

    void headRequestHasNoBody()
    {
        HttpResponseParser parser;
        parser.setHeadRequest(true);
        const Parsed p = parse(parser, "HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n", 0, false);
        QVERIFY(p.ok && p.complete);
        QVERIFY(parser.keepAlive());
    }

    // A body piece that is all body is handed on as the very bytes received.
    void bodyIsNotCopied()
    {
        HttpResponseParser parser;
        HttpResponseParser::Output out;
        QVERIFY(parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\n", out));
        QVERIFY(out.headersReady && out.body.isEmpty());
        const QByteArray piece("12345678");
        QVERIFY(parser.feed(piece, out));
        QVERIFY(out.complete);
        QCOMPARE(out.body.constData(), piece.constData());
    }

    void chunkedDecoderLineEnds()
    {
        const QByteArray bareLf("3\nabc\n0\n\nNEXT");
        ChunkedDecoder lenient;
        qsizetype consumed = 0;
        QByteArray out;
        QCOMPARE(lenient.decode(bareLf, consumed, out), ChunkedDecoder::Status::Done);
        QCOMPARE(out, QByteArray("abc"));
        QCOMPARE(bareLf.mid(consumed), QByteArray("NEXT"));

        ChunkedDecoder strict(ChunkedDecoder::Limits{1024, 64 * 1024, -1, true});
        out.clear();
        QCOMPARE(strict.decode(bareLf, consumed, out), ChunkedDecoder::Status::Error);
        QCOMPARE(strict.error(), ChunkedDecoder::Error::BadLineEnd);
    }

    void chunkedDecoderLimits()
    {
        ChunkedDecoder sizeLine(ChunkedDecoder::Limits{16, 64 * 1024, -1, false});
        qsizetype consumed = 0;
        QByteArray out;
        QCOMPARE(sizeLine.decode(QByteArray(40, '0'), consumed, out),
                 ChunkedDecoder::Status::Error);
        QCOMPARE(sizeLine.error(), ChunkedDecoder::Error::SizeLineTooLong);

        ChunkedDecoder body(ChunkedDecoder::Limits{1024, 64 * 1024, 4, false});
        QCOMPARE(body.decode("5\r\nhello\r\n", consumed, out), ChunkedDecoder::Status::Error);
        QCOMPARE(body.error(), ChunkedDecoder::Error::BodyTooLarge);

        ChunkedDecoder overflow;
        QCOMPARE(overflow.decode("ffffffffffffffffff\r\n", consumed, out),
                 ChunkedDecoder::Status::Error);
        QCOMPARE(overflow.error(), ChunkedDecoder::Error::BadSize);
    }

    void contentDecoderCodings()
    {
        bool supported = false;
        QVERIFY(!ContentDecoder::forEncoding("identity", &supported) && supported);
        QVERIFY(!ContentDecoder::forEncoding("", &supported) && supported);
        QVERIFY(!ContentDecoder::forEncoding("zstd", &supported) && !supported);
        auto gzip = ContentDecoder::forEncoding(" GZIP ", &supported);
        QVERIFY(gzip && supported);
        QByteArray out;
        QVERIFY(gzip->decode(gzipped(), out));
        QCOMPARE(out, QByteArray("hello, gzip"));
        QVERIFY(gzip->finished());
        // Bytes after the end of the stream are not part of it.
        auto trailing = ContentDecoder::forEncoding("gzip", &supported);
        out.clear();
        QVERIFY(!trailing->decode(QByteArray(gzipped() + "junk"), out));
    }

    // Raw deflate has no trailer: the end of the output must come out with the last input,
    // whatever its size against the decoder's buffer.
    void rawDeflateAroundTheBufferSize()
    {
        for (const qsizetype size : {16384 - 200, 2 * 16384 - 200}) {
            for (qsizetype n = size; n < size + 400; ++n) {
                const QByteArray plain(n, 'r');
                bool supported = false;
                auto decoder = ContentDecoder::forEncoding("deflate", &supported);
                QByteArray out;
                QVERIFY(decoder->decode(rawDeflate(plain), out));
                QVERIFY2(decoder->finished(), qPrintable(QString::number(n)));
                QCOMPARE(out.size(), n);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
