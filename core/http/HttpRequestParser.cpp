#include "HttpRequestParser.h"

#include "HttpNumber.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HttpRequestParser", text);
}

bool hasForbiddenByte(QByteArrayView s)
{
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

} // namespace

bool HttpRequest::keepAlive() const
{
    const QByteArray connection = header("connection").toLower();
    if (versionMinor == 0)
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

HttpRequestParser::Status HttpRequestParser::fail(int status, const QString &message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    return Status::Error;
}

bool HttpRequestParser::takeContinueRequest()
{
    const bool pending = m_continuePending;
    m_continuePending = false;
    return pending;
}

bool HttpRequestParser::takeHeadReady()
{
    const bool ready = m_headReady;
    m_headReady = false;
    return ready;
}

HttpRequest HttpRequestParser::head() const
{
    HttpRequest out;
    out.method = m_request.method;
    out.target = m_request.target;
    out.path = m_request.path;
    out.query = m_request.query;
    out.versionMinor = m_request.versionMinor;
    out.headers = m_request.headers;
    return out;
}

HttpRequest HttpRequestParser::takeRequest()
{
    HttpRequest out = std::move(m_request);
    m_request = HttpRequest();
    m_state = State::RequestLine;
    m_remaining = 0;
    m_continuePending = false;
    m_headReady = false;
    m_chunked = ChunkedDecoder();
    return out;
}

HttpRequestParser::Status HttpRequestParser::parse(QByteArray &buffer)
{
    switch (m_state) {
    case State::Failed:
        return Status::Error;
    case State::Done:
        return Status::Complete;
    case State::RequestLine:
        return parseHead(buffer);
    case State::Body: {
        const qint64 take = std::min<qint64>(m_remaining, buffer.size());
        m_request.body.append(buffer.constData(), take);
        buffer.remove(0, take);
        m_remaining -= take;
        if (m_remaining > 0)
            return Status::Incomplete;
        m_state = State::Done;
        return Status::Complete;
    }
    default:
        return parseChunked(buffer);
    }
}

HttpRequestParser::Status HttpRequestParser::parseHead(QByteArray &buffer)
{
    // Tolerate empty lines before a request (RFC 9112 §2.2).
    while (buffer.startsWith("\r\n"))
        buffer.remove(0, 2);
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > m_limits.maxHeaderBytes)
            return fail(
                431,
                tr("The request headers are larger than %1 bytes.").arg(m_limits.maxHeaderBytes));
        return Status::Incomplete;
    }
    if (end + 4 > m_limits.maxHeaderBytes)
        return fail(
            431, tr("The request headers are larger than %1 bytes.").arg(m_limits.maxHeaderBytes));

    const QByteArrayView head(buffer.constData(), end);
    qsizetype lineEnd = head.indexOf("\r\n");
    if (lineEnd < 0)
        lineEnd = head.size();
    const QByteArrayView requestLine = head.first(lineEnd);

    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return fail(400, tr("The request line is malformed."));
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isHttpToken(method))
        return fail(400, tr("The request method is malformed."));
    if (!version.startsWith("HTTP/1.") || version.size() != 8)
        return fail(version.startsWith("HTTP/") ? 505 : 400,
                    tr("Only HTTP/1.0 and HTTP/1.1 are supported."));
    if (version[7] != '0' && version[7] != '1')
        return fail(505, tr("Only HTTP/1.0 and HTTP/1.1 are supported."));
    if (!(target.startsWith('/') || (target == "*" && method == "OPTIONS")) ||
        hasForbiddenByte(target))
        return fail(400, tr("The request target must be a path starting with \"/\"."));

    m_request.method = method.toByteArray();
    m_request.target = target.toByteArray();
    const qsizetype q = target.indexOf('?');
    m_request.path = q < 0 ? m_request.target : target.first(q).toByteArray();
    m_request.query = q < 0 ? QByteArray() : target.sliced(q + 1).toByteArray();
    m_request.versionMinor = version[7] - '0';

    qsizetype pos = lineEnd + 2;
    while (pos < head.size()) {
        qsizetype next = head.indexOf("\r\n", pos);
        if (next < 0)
            next = head.size();
        const QByteArrayView line = head.sliced(pos, next - pos);
        pos = next + 2;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, tr("Folded header lines are not accepted."));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isHttpToken(line.first(colon)))
            return fail(400, tr("A request header is malformed."));
        if (m_request.headers.size() >= m_limits.maxHeaderCount)
            return fail(431,
                        tr("The request has more than %1 headers.").arg(m_limits.maxHeaderCount));
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (hasForbiddenByte(value))
            return fail(400, tr("A request header contains a control character."));
        m_request.headers.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    }
    buffer.remove(0, end + 4);
    return headersDone() == Status::Error ? Status::Error : parse(buffer);
}

HttpRequestParser::Status HttpRequestParser::headersDone()
{
    QByteArray contentLength;
    QByteArray transferEncoding;
    int lengthCount = 0;
    for (const auto &h : m_request.headers) {
        if (h.first == "content-length") {
            if (lengthCount++ > 0 && h.second != contentLength)
                return fail(400, tr("The request has conflicting Content-Length headers."));
            contentLength = h.second;
        } else if (h.first == "transfer-encoding") {
            transferEncoding += transferEncoding.isEmpty() ? h.second : ", " + h.second;
        }
    }
    if (!transferEncoding.isEmpty()) {
        if (lengthCount > 0)
            return fail(400, tr("The request has both Content-Length and Transfer-Encoding."));
        if (transferEncoding.trimmed().toLower() != "chunked")
            return fail(501, tr("Transfer-Encoding \"%1\" is not supported; use chunked or "
                                "Content-Length.")
                                 .arg(QString::fromLatin1(transferEncoding)));
        if (m_request.versionMinor == 0)
            return fail(400, tr("Chunked bodies need HTTP/1.1."));
        m_state = State::Chunked;
        m_chunked = ChunkedDecoder({1024, m_limits.maxHeaderBytes, m_limits.maxBodyBytes, true});
    } else if (lengthCount > 0) {
        qint64 length = 0;
        if (!parseHttpNumber(contentLength, 10, length))
            return fail(400, tr("The Content-Length header is not a number."));
        if (length > m_limits.maxBodyBytes)
            return fail(413, tr("The request body (%1 bytes) is larger than the limit of %2 bytes.")
                                 .arg(length)
                                 .arg(m_limits.maxBodyBytes));
        m_remaining = length;
        m_request.body.reserve(length);
        m_state = State::Body;
    } else {
        m_remaining = 0;
        m_state = State::Body;
    }
    const QByteArray expect = m_request.header("expect").toLower();
    if (!expect.isEmpty()) {
        if (expect != "100-continue")
            return fail(
                417, tr("Expectation \"%1\" is not supported.").arg(QString::fromLatin1(expect)));
        m_continuePending = m_state != State::Body || m_remaining > 0;
    }
    m_headReady = true;
    return Status::Incomplete;
}

HttpRequestParser::Status HttpRequestParser::parseChunked(QByteArray &buffer)
{
    qsizetype consumed = 0;
    const ChunkedDecoder::Status status = m_chunked.decode(buffer, consumed, m_request.body);
    buffer.remove(0, consumed);
    switch (status) {
    case ChunkedDecoder::Status::NeedMore:
        return Status::Incomplete;
    case ChunkedDecoder::Status::Done:
        m_state = State::Done;
        return Status::Complete;
    case ChunkedDecoder::Status::Error:
        break;
    }
    switch (m_chunked.error()) {
    case ChunkedDecoder::Error::BodyTooLarge:
        return fail(413, tr("The request body is larger than the limit of %1 bytes.")
                             .arg(m_limits.maxBodyBytes));
    case ChunkedDecoder::Error::TrailersTooLarge:
        return fail(431, tr("The request trailers are too large."));
    case ChunkedDecoder::Error::SizeLineTooLong:
        return fail(400, tr("A chunk size line is too long."));
    case ChunkedDecoder::Error::MissingCrlf:
        return fail(400, tr("A chunk is not followed by CRLF."));
    case ChunkedDecoder::Error::BadLineEnd:
    case ChunkedDecoder::Error::BadSize:
    case ChunkedDecoder::Error::None:
        break;
    }
    return fail(400, tr("A chunk size is malformed."));
}

} // namespace gatehouse
