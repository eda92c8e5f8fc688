#include "ContentDecoder.h"

#include <utility>
#include <zlib.h>

namespace gatehouse {

struct ContentDecoder::Stream
{
    z_stream z{};
    bool open = false;
    ~Stream()
    {
        if (open)
            inflateEnd(&z);
    }
};

std::unique_ptr<ContentDecoder> ContentDecoder::forEncoding(QByteArrayView encoding,
                                                            bool *supported)
{
    const QByteArray e = encoding.trimmed().toByteArray().toLower();
    *supported = true;
    if (e.isEmpty() || e == "identity")
        return nullptr;
    if (e == "gzip" || e == "x-gzip")
        return std::unique_ptr<ContentDecoder>(new ContentDecoder(true));
    if (e == "deflate")
        return std::unique_ptr<ContentDecoder>(new ContentDecoder(false));
    *supported = false;
    return nullptr;
}

ContentDecoder::ContentDecoder(bool gzip) : m_stream(std::make_unique<Stream>()), m_gzip(gzip)
{
    // gzip: a gzip header; deflate: a zlib header (RFC 9110), though some servers send raw
    // deflate, which is tried when the zlib header is not there.
    m_stream->open = inflateInit2(&m_stream->z, m_gzip ? 16 + MAX_WBITS : MAX_WBITS) == Z_OK;
}

ContentDecoder::~ContentDecoder() = default;

bool ContentDecoder::decode(QByteArrayView in, QByteArray &out)
{
    if (!m_stream->open)
        return false;
    if (m_finished)
        return in.isEmpty();
    // Until deflate data proves zlib-wrapped, what was fed is kept to start over as raw.
    const bool mayRetry = !m_gzip && !m_triedRaw && m_stream->z.total_out == 0 &&
                          m_start.size() + in.size() <= qsizetype{64} * 1024;
    if (mayRetry)
        m_start.append(in.data(), in.size());
    z_stream &z = m_stream->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    z.avail_in = uInt(in.size());
    char buffer[16384];
    // A full buffer may leave output inside zlib with all input taken: go on until it is out.
    bool bufferFull = false;
    while (z.avail_in > 0 || bufferFull) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        const int rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
        bufferFull = z.avail_out == 0;
        if (rc == Z_STREAM_END) {
            m_finished = true;
            return z.avail_in == 0;
        }
        if (rc == Z_DATA_ERROR && mayRetry && z.total_out == 0) {
            // Not zlib-wrapped: raw deflate, from the first byte.
            m_triedRaw = true;
            inflateEnd(&z);
            z = z_stream{};
            m_stream->open = inflateInit2(&z, -MAX_WBITS) == Z_OK;
            const QByteArray start = std::exchange(m_start, {});
            return m_stream->open && decode(start, out);
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return false;
        if (rc == Z_BUF_ERROR && z.avail_out != 0)
            break;
    }
    if (z.total_out > 0)
        m_start.clear();
    return true;
}

} // namespace gatehouse
