// The server's request parser on whatever a client sends: what it accepts is well-formed and
// within the limits, it only ever takes bytes from the front of the buffer, and the requests
// and errors it finds do not depend on how the bytes are cut.
//
// Input: one options byte (bit 0: small limits; the rest: how the bytes are cut), then the
// bytes a client sends on one connection.
#include "FuzzSupport.h"
#include "http/HttpNumber.h"
#include "http/HttpRequestParser.h"

using namespace gatehouse;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
};

bool same(const HttpRequest &a, const HttpRequest &b)
{
    return a.method == b.method && a.target == b.target && a.path == b.path && a.query == b.query &&
           a.versionMinor == b.versionMinor && a.headers == b.headers && a.body == b.body;
}

void checkRequest(const HttpRequest &r, const HttpLimits &limits)
{
    FUZZ_CHECK(isHttpToken(r.method));
    FUZZ_CHECK(r.versionMinor == 0 || r.versionMinor == 1);
    FUZZ_CHECK(r.target.startsWith('/') || (r.target == "*" && r.method == "OPTIONS"));
    FUZZ_CHECK(r.target.startsWith(r.path));
    FUZZ_CHECK(r.target.contains('?') ? r.target == r.path + '?' + r.query
                                      : r.target == r.path && r.query.isEmpty());
    FUZZ_CHECK(r.headers.size() <= limits.maxHeaderCount);
    for (const auto &h : r.headers) {
        FUZZ_CHECK(isHttpToken(h.first));
        FUZZ_CHECK(h.first == h.first.toLower());
        for (const char c : h.second)
            FUZZ_CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) || c == '\t');
        FUZZ_CHECK(h.second == h.second.trimmed());
    }
    FUZZ_CHECK(r.body.size() <= limits.maxBodyBytes);
    const QByteArray length = r.header("content-length");
    if (!length.isNull() && !r.hasHeader("transfer-encoding")) {
        qint64 n = -1;
        FUZZ_CHECK(parseHttpNumber(length, 10, n));
        FUZZ_CHECK(r.body.size() == n);
    }
}

// Parses what is in `buffer` as far as it goes; false once the parser failed.
bool drain(HttpRequestParser &parser, QByteArray &buffer, Outcome &out, const HttpLimits &limits)
{
    for (;;) {
        const QByteArray before = buffer;
        const HttpRequestParser::Status status = parser.parse(buffer);
        // Bytes are only ever taken from the front: what is left is the end of what was there.
        FUZZ_CHECK(buffer.size() <= before.size());
        FUZZ_CHECK(QByteArrayView(before).endsWith(buffer));
        switch (status) {
        case HttpRequestParser::Status::Error:
            FUZZ_CHECK(parser.errorStatus() >= 400 && parser.errorStatus() <= 599);
            FUZZ_CHECK(!parser.errorMessage().isEmpty());
            out.errorStatus = parser.errorStatus();
            return false;
        case HttpRequestParser::Status::Incomplete:
            return true;
        case HttpRequestParser::Status::Complete: {
            const HttpRequest request = parser.takeRequest();
            checkRequest(request, limits);
            out.requests.append(request);
            FUZZ_CHECK(!parser.inProgress());
            if (buffer.isEmpty())
                return true;
            break;
        }
        }
    }
}

Outcome run(QByteArrayView bytes, const HttpLimits &limits, int seed)
{
    HttpRequestParser parser(limits);
    Outcome out;
    QByteArray buffer;
    fuzz::wholeOrInPieces(bytes, seed, [&](QByteArrayView piece) {
        buffer.append(piece);
        return drain(parser, buffer, out, limits);
    });
    return out;
}

} // namespace

FUZZ_TARGET(in)
{
    HttpLimits limits;
    if (in.options & 1)
        limits = HttpLimits{256, 6, 300};
    const Outcome whole = run(in.bytes, limits, -1);
    const Outcome pieces = run(in.bytes, limits, in.options >> 1);
    FUZZ_CHECK(whole.errorStatus == pieces.errorStatus);
    FUZZ_CHECK(whole.requests.size() == pieces.requests.size());
    for (qsizetype i = 0; i < whole.requests.size(); ++i)
        FUZZ_CHECK(same(whole.requests[i], pieces.requests[i]));
    return 0;
}
