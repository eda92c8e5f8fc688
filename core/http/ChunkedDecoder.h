#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse {

// Decodes the chunked transfer coding (RFC 9112 §7.1) as bytes arrive, for request bodies the
// server reads and response bodies the upstream client reads alike. Linear in the bytes fed,
// whatever their cut; size lines and trailers are bounded, and bounded in total.
class ChunkedDecoder
{
public:
    struct Limits
    {
        qsizetype maxSizeLineBytes = 1024;
        qsizetype maxTrailerBytes = qsizetype{64} * 1024;
        qint64 maxBodyBytes = -1; // -1: no limit
        // Lines must end in CRLF (the server's strictness, so nothing is smuggled past it);
        // otherwise a bare LF is taken too (the client's leniency towards providers).
        bool strictLineEnds = false;
    };
    enum class Status
    {
        NeedMore, // everything fed was used; more is needed
        Done,     // the last chunk and the trailers were read; `consumed` says how far
        Error
    };
    enum class Error
    {
        None,
        SizeLineTooLong,
        BadLineEnd,
        BadSize,
        MissingCrlf,
        TrailersTooLarge,
        BodyTooLarge
    };

    ChunkedDecoder() = default;
    explicit ChunkedDecoder(Limits limits) : m_limits(limits) {}

    // Decodes from `input`, appending the body's bytes to `out`. `consumed` is set to the
    // bytes used: all of them unless Done (the rest belongs to what follows) or Error.
    Status decode(QByteArrayView input, qsizetype &consumed, QByteArray &out);
    Error error() const { return m_error; }
    qint64 bodySize() const { return m_bodySize; }

private:
    enum class State
    {
        SizeLine,
        Data,
        DataCr,
        DataLf,
        Trailers,
        Done,
        Failed
    };
    Status fail(Error error);

    Limits m_limits;
    State m_state = State::SizeLine;
    QByteArray m_line; // the size line or trailer line being read, without its end
    qint64 m_remaining = 0;
    qint64 m_bodySize = 0;
    qsizetype m_trailerBytes = 0;
    Error m_error = Error::None;
};

} // namespace gatehouse
