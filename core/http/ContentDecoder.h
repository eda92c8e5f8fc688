#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

namespace gatehouse {

// Undoes the gzip or deflate content coding of a response body as it arrives (zlib).
class ContentDecoder
{
public:
    // For a Content-Encoding value: null for identity (nothing to undo); `supported` false
    // for a coding Gatehouse cannot undo (its bytes must not be passed on as if plain).
    static std::unique_ptr<ContentDecoder> forEncoding(QByteArrayView encoding, bool *supported);
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    // Appends the decoded bytes to `out`; false when the data is not valid for the coding.
    bool decode(QByteArrayView in, QByteArray &out);
    bool finished() const { return m_finished; }

private:
    explicit ContentDecoder(bool gzip);
    struct Stream;
    std::unique_ptr<Stream> m_stream;
    bool m_gzip;
    QByteArray m_start; // what was fed before any output (deflate only)
    bool m_triedRaw = false;
    bool m_finished = false;
};

} // namespace gatehouse
