// The chunked transfer decoding on whatever a peer sends: it never reports more bytes used
// than it was given, all of them until it is done, a body no larger than the bytes used and
// within its limit, and the same body, end and error however the bytes are cut.
//
// Input: one options byte (bit 0: strict line ends as the server reads requests; bit 1: small
// limits; the rest: how the bytes are cut), then the chunked body.
#include "FuzzSupport.h"
#include "http/ChunkedDecoder.h"

using namespace gatehouse;

namespace {

struct Outcome
{
    QByteArray body;
    ChunkedDecoder::Status status = ChunkedDecoder::Status::NeedMore;
    ChunkedDecoder::Error error = ChunkedDecoder::Error::None;
    qsizetype end = -1; // where the chunked body ended in the input
};

// Feeds one piece that starts at `offset` of the input; false once done or failed.
bool feed(ChunkedDecoder &decoder, const ChunkedDecoder::Limits &limits, QByteArrayView piece,
          qsizetype offset, Outcome &out)
{
    const qsizetype before = out.body.size();
    qsizetype consumed = -1;
    out.status = decoder.decode(piece, consumed, out.body);
    out.error = decoder.error();
    FUZZ_CHECK(consumed >= 0 && consumed <= piece.size());
    FUZZ_CHECK(decoder.bodySize() == out.body.size());
    if (limits.maxBodyBytes >= 0)
        FUZZ_CHECK(decoder.bodySize() <= limits.maxBodyBytes);
    switch (out.status) {
    case ChunkedDecoder::Status::NeedMore:
        FUZZ_CHECK(consumed == piece.size());
        FUZZ_CHECK(out.error == ChunkedDecoder::Error::None);
        FUZZ_CHECK(out.body.size() - before <= consumed);
        return true;
    case ChunkedDecoder::Status::Done: {
        FUZZ_CHECK(out.error == ChunkedDecoder::Error::None);
        FUZZ_CHECK(out.body.size() - before <= consumed);
        out.end = offset + consumed;
        // Done stays done, and takes nothing more.
        qsizetype again = -1;
        QByteArray more;
        FUZZ_CHECK(decoder.decode(piece.sliced(consumed), again, more) ==
                   ChunkedDecoder::Status::Done);
        FUZZ_CHECK(again == 0 && more.isEmpty());
        return false;
    }
    case ChunkedDecoder::Status::Error: {
        FUZZ_CHECK(out.error != ChunkedDecoder::Error::None);
        qsizetype again = -1;
        QByteArray more;
        FUZZ_CHECK(decoder.decode(QByteArrayView("0\r\n\r\n"), again, more) ==
                   ChunkedDecoder::Status::Error);
        FUZZ_CHECK(more.isEmpty());
        return false;
    }
    }
    return false;
}

Outcome run(QByteArrayView bytes, const ChunkedDecoder::Limits &limits, int seed)
{
    ChunkedDecoder decoder(limits);
    Outcome out;
    qsizetype offset = 0;
    fuzz::wholeOrInPieces(bytes, seed, [&](QByteArrayView piece) {
        const bool more = feed(decoder, limits, piece, offset, out);
        offset += piece.size();
        return more;
    });
    return out;
}

} // namespace

FUZZ_TARGET(in)
{
    ChunkedDecoder::Limits limits;
    limits.strictLineEnds = in.options & 1;
    if (in.options & 2) {
        limits.maxSizeLineBytes = 16;
        limits.maxTrailerBytes = 64;
        limits.maxBodyBytes = 256;
    }
    const Outcome whole = run(in.bytes, limits, -1);
    const Outcome pieces = run(in.bytes, limits, in.options >> 2);
    FUZZ_CHECK(whole.status == pieces.status);
    FUZZ_CHECK(whole.error == pieces.error);
    FUZZ_CHECK(whole.end == pieces.end);
    FUZZ_CHECK(whole.body == pieces.body);
    return 0;
}
