// The NDJSON line parser against a plain split of the same bytes (LF ends a line, a CR
// before it is dropped, blank lines are skipped, an unfinished line is held back), whatever
// the cut; with a small line limit, it stops at the same place however the bytes are cut.
// The relay's line splitter passes the bytes on unchanged up to the end of the last whole
// line, whatever the cut, and stops where the parser does.
//
// Input: one options byte (bit 0: a 32-byte line limit; the rest: how the bytes are cut),
// then the stream.
#include "FuzzSupport.h"
#include "framing/NdjsonParser.h"

using namespace gatehouse;

namespace {

QList<QByteArray> reference(QByteArrayView bytes)
{
    QList<QByteArray> out;
    QList<QByteArray> lines = bytes.toByteArray().split('\n');
    lines.removeLast(); // unfinished (or empty)
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            out << line;
    }
    return out;
}

struct Outcome
{
    QList<QByteArray> lines;
    bool overflowed = false;
    bool partial = false;
};

Outcome run(QByteArrayView bytes, qsizetype limit, int seed)
{
    NdjsonParser parser(limit);
    Outcome o;
    auto feed = [&](QByteArrayView piece) {
        for (const QByteArray &line : parser.feed(piece)) {
            FUZZ_CHECK(!line.contains('\n'));
            FUZZ_CHECK(line.size() <= limit);
            FUZZ_CHECK(!line.trimmed().isEmpty());
            o.lines << line;
        }
        return !parser.overflowed();
    };
    fuzz::wholeOrInPieces(bytes, seed, feed);
    o.overflowed = parser.overflowed();
    o.partial = parser.hasPartialLine();
    return o;
}

// What the relay's splitter passes on, and whether it stopped.
std::pair<QByteArray, bool> split(QByteArrayView bytes, qsizetype limit, int seed)
{
    NdjsonLineSplitter splitter(limit);
    QByteArray out;
    auto feed = [&](QByteArrayView piece) {
        const QByteArray lines = splitter.feed(piece.toByteArray());
        FUZZ_CHECK(lines.isEmpty() || lines.endsWith('\n'));
        out += lines;
        return !splitter.overflowed();
    };
    fuzz::wholeOrInPieces(bytes, seed, feed);
    return {out, splitter.overflowed()};
}

} // namespace

FUZZ_TARGET(in)
{
    const qsizetype limit = (in.options & 1) ? 32 : NdjsonParser::defaultMaxLineBytes;
    const Outcome whole = run(in.bytes, limit, -1);
    const Outcome pieces = run(in.bytes, limit, in.options >> 1);
    FUZZ_CHECK(whole.overflowed == pieces.overflowed);
    FUZZ_CHECK(whole.lines == pieces.lines);
    if (!whole.overflowed) {
        FUZZ_CHECK(whole.lines == reference(in.bytes));
        FUZZ_CHECK(whole.partial == pieces.partial);
        FUZZ_CHECK(whole.partial == (!in.bytes.isEmpty() && !in.bytes.endsWith('\n')));
    }
    const auto [passed, stopped] = split(in.bytes, limit, -1);
    const auto [passedInPieces, stoppedInPieces] = split(in.bytes, limit, in.options >> 1);
    FUZZ_CHECK(passed == passedInPieces && stopped == stoppedInPieces);
    FUZZ_CHECK(in.bytes.toByteArray().startsWith(passed));
    if (!stopped)
        FUZZ_CHECK(passed == in.bytes.first(in.bytes.lastIndexOf('\n') + 1).toByteArray());
    return 0;
}
