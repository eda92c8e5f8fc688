#pragma once

#include "ChunkedDecoder.h"
#include "ContentDecoder.h"
#include "HttpRequest.h"

#include <QString>
#include <memory>

namespace gatehouse {

// Incremental HTTP/1.x response parser for the upstream client: the status line and headers
// (interim 1xx answers skipped), then the body by Content-Length, chunked coding (the same
// decoder the server reads requests with) or the end of the connection, its content coding
// undone. Lenient where providers are (a bare LF ends a line), strict where relaying would
// do harm: no header name that is not a token, a value with CR, LF or NUL refused, bounded headers
// and trailers, conflicting lengths refused, unknown content codings refused rather than passed on
// as if plain.
class HttpResponseParser
{
public:
    static constexpr qsizetype maxHeadBytes = qsizetype{64} * 1024;

    struct Output
    {
        bool headersReady = false; // status and headers arrived (with this feed)
        QByteArray body;           // body bytes of this feed, decoded
        bool complete = false;     // the whole response arrived
    };
    enum class Failure
    {
        None,
        NotHttp,
        HeadersTooLarge,
        BadHeader, // CR, LF or NUL inside a header value
        BadFraming,
        BadChunk,
        TrailersTooLarge,
        BadCoding,
        UnsupportedCoding,
        CutOff // the connection closed before the response was complete
    };

    // A response to a HEAD request has no body whatever its headers say.
    void setHeadRequest(bool head) { m_headRequest = head; }
    // Takes the bytes just received; false once the response cannot be parsed (failure()).
    // Body bytes are shared with `bytes`, not copied, where they can be.
    bool feed(const QByteArray &bytes, Output &out);
    // The connection closed: completes a body that runs until the close, or fails.
    bool closed(Output &out);

    int status() const { return m_status; }
    const HttpHeaders &headers() const { return m_headers; }
    bool headersDone() const { return m_state != State::Head; }
    // Whether the connection may carry another request once this response is complete.
    bool keepAlive() const { return m_keepAlive && !m_extraBytes; }
    Failure failure() const { return m_failure; }
    QString failureText() const;

private:
    enum class State
    {
        Head,
        Length,
        Chunked,
        UntilClose,
        Done,
        Failed
    };
    bool fail(Failure failure);
    bool parseHead(Output &out);
    bool body(const QByteArray &bytes, Output &out);
    bool pass(const QByteArray &bytes, Output &out);
    bool finish(Output &out);

    State m_state = State::Head;
    QByteArray m_head;
    qsizetype m_scanned = 0; // where the search for the end of the head goes on
    int m_status = 0;
    HttpHeaders m_headers;
    bool m_headRequest = false;
    bool m_keepAlive = false;
    bool m_extraBytes = false;
    qint64 m_remaining = 0;
    ChunkedDecoder m_chunked;
    std::unique_ptr<ContentDecoder> m_decoder;
    QString m_coding;
    Failure m_failure = Failure::None;
};

} // namespace gatehouse
