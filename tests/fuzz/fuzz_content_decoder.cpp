// Undoing gzip and deflate content codings: on any bytes, the same result however they are
// cut; and what zlib compressed (gzip, zlib-wrapped or raw deflate, the fuzz input repeated
// up to 128 times so that answers larger than the decoder's buffer are covered) comes back
// exactly, complete.
//
// Input: one options byte (bits 0-1: 0 gzip bytes, 1 deflate bytes, 2 round trip through
// gzip, 3 round trip through deflate; bit 2: raw deflate in the round trip; bits 3-5: the
// input repeated 2^n times in the round trip; the whole byte: how the bytes are cut), then
// the bytes.
#include "FuzzSupport.h"
#include "http/ContentDecoder.h"

#include <zlib.h>

using namespace gatehouse;

namespace {

struct Outcome
{
    bool ok = true;
    bool finished = false;
    QByteArray out;
};

Outcome decode(QByteArrayView coding, QByteArrayView bytes, int seed)
{
    bool supported = false;
    const std::unique_ptr<ContentDecoder> decoder = ContentDecoder::forEncoding(coding, &supported);
    FUZZ_CHECK(supported && decoder);
    Outcome o;
    fuzz::wholeOrInPieces(bytes, seed, [&](QByteArrayView piece) {
        o.ok = decoder->decode(piece, o.out);
        return o.ok;
    });
    o.finished = decoder->finished();
    return o;
}

// `plain` compressed by zlib: windowBits 31 gzip, 15 zlib, -15 raw deflate.
QByteArray compress(const QByteArray &plain, int windowBits, int level)
{
    z_stream z{};
    FUZZ_CHECK(deflateInit2(&z, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    QByteArray out(qsizetype(deflateBound(&z, uLong(plain.size()))) + 64, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.constData()));
    z.avail_in = uInt(plain.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    FUZZ_CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

} // namespace

FUZZ_TARGET(in)
{
    const int mode = in.options & 3;
    const int seed = in.options;
    if (mode < 2) {
        const QByteArrayView coding = mode == 0 ? "gzip" : "deflate";
        const Outcome whole = decode(coding, in.bytes, -1);
        const Outcome pieces = decode(coding, in.bytes, seed);
        FUZZ_CHECK(whole.ok == pieces.ok);
        if (whole.ok) {
            FUZZ_CHECK(whole.finished == pieces.finished);
            FUZZ_CHECK(whole.out == pieces.out);
        }
        return 0;
    }
    const QByteArray plain = in.bytes.toByteArray().repeated(1 << (in.options >> 3 & 7));
    const bool gzip = mode == 2;
    const int windowBits = gzip ? 31 : (in.options & 4) ? -15 : 15;
    const QByteArray packed = compress(plain, windowBits, in.options % 10);
    // Raw deflate is told from zlib-wrapped deflate only within the first 64 KiB fed.
    if (windowBits < 0 && packed.size() > qsizetype{64} * 1024)
        return 0;
    const QByteArrayView coding = gzip ? "gzip" : "deflate";
    for (const int cut : {-1, seed}) {
        const Outcome o = decode(coding, packed, cut);
        FUZZ_CHECK(o.ok);
        FUZZ_CHECK(o.finished);
        FUZZ_CHECK(o.out == plain);
    }
    return 0;
}
