// The upstream client's response parser on whatever a provider answers: status and headers
// come once, before any body; a failure is sticky and says why; the body by Content-Length
// is that long; nothing comes for HEAD, 204 or 304; and the status, headers, body, end and
// failure do not depend on how the bytes are cut.
//
// Input: one options byte (bit 0: the answer to a HEAD request; the rest: how the bytes are
// cut), then the bytes of the connection until it closes.
#include "FuzzSupport.h"
#include "http/HttpNumber.h"
#include "http/HttpResponseParser.h"

using namespace gatehouse;

namespace {

struct Outcome
{
    int status = 0;
    HttpHeaders headers;
    QByteArray body;
    bool complete = false;
    bool keepAlive = false;
    HttpResponseParser::Failure failure = HttpResponseParser::Failure::None;
};

// Takes one feed's (or the close's) result; false once the parser failed.
bool take(HttpResponseParser &parser, bool ok, const HttpResponseParser::Output &o, Outcome &out)
{
    FUZZ_CHECK(ok == (parser.failure() == HttpResponseParser::Failure::None));
    // Status and headers count once the framing is understood, also when the body that came
    // with them then fails.
    if (o.headersReady) {
        FUZZ_CHECK(out.status == 0); // once
        FUZZ_CHECK(parser.headersDone());
        out.status = parser.status();
        out.headers = parser.headers();
        FUZZ_CHECK(out.status >= 200 && out.status <= 999);
        for (const auto &h : out.headers) {
            FUZZ_CHECK(isHttpToken(h.first));
            FUZZ_CHECK(h.first == h.first.toLower());
            FUZZ_CHECK(!h.second.contains('\r') && !h.second.contains('\n') &&
                       !h.second.contains('\0'));
        }
    }
    if (!ok) {
        FUZZ_CHECK(!parser.failureText().isEmpty());
        out.failure = parser.failure();
        return false;
    }
    if (!o.body.isEmpty()) {
        FUZZ_CHECK(out.status != 0); // no body before the head
        FUZZ_CHECK(!out.complete);
    }
    out.body += o.body;
    if (o.complete) {
        FUZZ_CHECK(out.status != 0);
        FUZZ_CHECK(!out.complete); // once
        out.complete = true;
    }
    return true;
}

Outcome run(QByteArrayView bytes, bool head, int seed)
{
    HttpResponseParser parser;
    parser.setHeadRequest(head);
    Outcome out;
    HttpResponseParser::Output o;
    bool alive = true;
    fuzz::wholeOrInPieces(bytes, seed, [&](QByteArrayView piece) {
        alive = take(parser, parser.feed(piece.toByteArray(), o), o, out);
        return alive;
    });
    out.keepAlive = parser.keepAlive();
    if (alive)
        take(parser, parser.closed(o), o, out);
    // A failure is sticky.
    if (out.failure != HttpResponseParser::Failure::None) {
        FUZZ_CHECK(!parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", o));
        FUZZ_CHECK(!o.headersReady && o.body.isEmpty() && !o.complete);
    }
    return out;
}

} // namespace

FUZZ_TARGET(in)
{
    const bool head = in.options & 1;
    const Outcome whole = run(in.bytes, head, -1);
    const Outcome pieces = run(in.bytes, head, in.options >> 1);
    // Where the body is both badly framed and badly coded, the coding fails as soon as its
    // bytes arrive, the framing where the decoder reaches it: either may be named.
    using Failure = HttpResponseParser::Failure;
    FUZZ_CHECK(whole.failure == pieces.failure ||
               (whole.failure != Failure::None && pieces.failure != Failure::None &&
                (whole.failure == Failure::BadCoding || pieces.failure == Failure::BadCoding)));
    FUZZ_CHECK(whole.status == pieces.status);
    FUZZ_CHECK(whole.headers == pieces.headers);
    FUZZ_CHECK(whole.complete == pieces.complete);
    if (whole.failure == HttpResponseParser::Failure::None) {
        FUZZ_CHECK(whole.body == pieces.body);
        FUZZ_CHECK(whole.keepAlive == pieces.keepAlive);
    }

    if (whole.complete) {
        FUZZ_CHECK(whole.failure == HttpResponseParser::Failure::None);
        if (head || whole.status == 204 || whole.status == 304)
            FUZZ_CHECK(whole.body.isEmpty());
        bool chunked = false, coded = false;
        QByteArray length;
        for (const auto &h : whole.headers) {
            chunked = chunked || h.first == "transfer-encoding";
            coded = coded || h.first == "content-encoding";
            if (h.first == "content-length")
                length = h.second;
        }
        qint64 n = -1;
        if (!head && whole.status != 204 && whole.status != 304 && !chunked && !coded &&
            parseHttpNumber(length, 10, n))
            FUZZ_CHECK(whole.body.size() == n);
    }
    return 0;
}
