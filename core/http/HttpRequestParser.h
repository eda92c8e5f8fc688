#pragma once

#include "ChunkedDecoder.h"
#include "HttpRequest.h"

#include <QString>

namespace gatehouse {

struct HttpLimits
{
    int maxHeaderBytes = 32 * 1024;
    int maxHeaderCount = 100;
    qint64 maxBodyBytes = qint64{32} * 1024 * 1024;
};

// Incremental HTTP/1.x request parser: feed it bytes as they arrive, take complete
// requests out. Strict about framing, so that no request can be smuggled past it.
class HttpRequestParser
{
public:
    using Limits = HttpLimits;
    enum class Status
    {
        Incomplete,
        Complete,
        Error
    };

    explicit HttpRequestParser(Limits limits = {}) : m_limits(limits) {}

    // Consumes what it can from `buffer`. On Complete, takeRequest() gives the request and the
    // rest of `buffer` belongs to the next one. On Error, errorStatus() says which response to
    // give.
    Status parse(QByteArray &buffer);
    HttpRequest takeRequest();

    int errorStatus() const { return m_errorStatus; }
    const QString &errorMessage() const { return m_errorMessage; }
    // True once, right after headers that ask for "100 Continue" before the body is sent.
    bool takeContinueRequest();
    // True once, right after the headers of a request were parsed (its body may follow).
    bool takeHeadReady();
    // The request being parsed, without its body: valid from takeHeadReady() on.
    HttpRequest head() const;
    // True while part of a request has been received.
    bool inProgress() const { return m_state != State::RequestLine; }

private:
    enum class State
    {
        RequestLine,
        Body,
        Chunked,
        Done,
        Failed
    };
    Status fail(int status, const QString &message);
    Status parseHead(QByteArray &buffer);
    Status parseChunked(QByteArray &buffer);
    Status headersDone();

    Limits m_limits;
    ChunkedDecoder m_chunked;
    State m_state = State::RequestLine;
    HttpRequest m_request;
    qint64 m_remaining = 0;
    bool m_continuePending = false;
    bool m_headReady = false;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace gatehouse
