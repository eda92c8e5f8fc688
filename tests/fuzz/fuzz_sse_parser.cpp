// The server-sent event parser against a plain reading of the same grammar (lines end in LF,
// CR or CRLF; a blank line ends an event; "event" and "data" fields; comments), whatever the
// cut; with a small event limit, it stops at the same place however the bytes are cut.
//
// Input: one options byte (bit 0: a 64-byte event limit; the rest: how the bytes are cut),
// then the stream.
#include "FuzzSupport.h"
#include "framing/SseParser.h"

using namespace gatehouse;

namespace {

using Events = QList<QByteArray>; // "event|data"

QByteArray text(const SseParser::Event &e)
{
    return e.event + '|' + e.data;
}

// The grammar read in one go, as plainly as it can be written.
Events reference(QByteArrayView bytes)
{
    Events out;
    QByteArray event, data;
    bool hasData = false;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        qsizetype end = pos;
        while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r')
            ++end;
        if (end == bytes.size())
            break; // an unfinished line is not read
        const QByteArrayView line = bytes.sliced(pos, end - pos);
        pos = end + 1;
        if (bytes[end] == '\r' && pos < bytes.size() && bytes[pos] == '\n')
            ++pos;
        if (line.isEmpty()) {
            if (hasData || !event.isEmpty())
                out << event + '|' + data;
            event.clear();
            data.clear();
            hasData = false;
            continue;
        }
        if (line.startsWith(':'))
            continue;
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView field = colon < 0 ? line : line.first(colon);
        QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
        if (field == "event") {
            event = value.toByteArray();
        } else if (field == "data") {
            if (hasData)
                data += '\n';
            data += value.toByteArray();
            hasData = true;
        }
    }
    return out;
}

struct Outcome
{
    Events events;
    bool overflowed = false;
};

Outcome run(QByteArrayView bytes, qsizetype limit, int seed)
{
    SseParser parser(limit);
    Outcome o;
    auto feed = [&](QByteArrayView piece) {
        for (const SseParser::Event &e : parser.feed(piece)) {
            FUZZ_CHECK(!e.event.contains('\n') && !e.event.contains('\r'));
            FUZZ_CHECK(!e.data.contains('\r'));
            FUZZ_CHECK(e.event.size() + e.data.size() <= limit);
            o.events << text(e);
        }
        if (parser.overflowed())
            FUZZ_CHECK(parser.feed("data: x\n\n").isEmpty());
        return !parser.overflowed();
    };
    fuzz::wholeOrInPieces(bytes, seed, feed);
    o.overflowed = parser.overflowed();
    return o;
}

} // namespace

FUZZ_TARGET(in)
{
    const qsizetype limit = (in.options & 1) ? 64 : SseParser::defaultMaxEventBytes;
    const Outcome whole = run(in.bytes, limit, -1);
    const Outcome pieces = run(in.bytes, limit, in.options >> 1);
    FUZZ_CHECK(whole.overflowed == pieces.overflowed);
    FUZZ_CHECK(whole.events == pieces.events);
    if (!whole.overflowed)
        FUZZ_CHECK(whole.events == reference(in.bytes));
    return 0;
}
