#include "HttpExchange.h"

#include "HttpConnection.h"

namespace gatehouse {

HttpExchange::HttpExchange(HttpConnection *connection, HttpRequest request)
    : QObject(connection), m_connection(connection), m_request(std::move(request))
{
    m_closeAfter = !m_request.keepAlive();
}

bool HttpExchange::isClientConnected() const
{
    return m_connection && !m_connection->m_closing;
}

QByteArray HttpExchange::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 202:
        return "Accepted";
    case 206:
        return "Partial Content";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 402:
        return "Payment Required";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 414:
        return "URI Too Long";
    case 421:
        return "Misdirected Request";
    case 426:
        return "Upgrade Required";
    case 428:
        return "Precondition Required";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 451:
        return "Unavailable For Legal Reasons";
    case 499:
        return "Client Closed Request";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    case 529:
        return "Overloaded";
    default:
        break;
    }
    // A status without a name of its own is named by its class (RFC 9110 §15).
    switch (status / 100) {
    case 1:
        return "Informational";
    case 2:
        return "Success";
    case 3:
        return "Redirection";
    case 4:
        return "Client Error";
    default:
        return "Server Error";
    }
}

QByteArray HttpExchange::head(int status, const HttpHeaders &headers, Framing framing,
                              qint64 bodySize) const
{
    QByteArray out;
    out.reserve(256);
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";
    for (const auto &h : headers) {
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
    if (framing == Framing::Length) {
        out += "content-length: ";
        out += QByteArray::number(bodySize);
        out += "\r\n";
    } else if (framing == Framing::Chunked) {
        out += "transfer-encoding: chunked\r\n";
    }
    if (m_closeAfter)
        out += "connection: close\r\n";
    else if (m_request.versionMinor == 0)
        out += "connection: keep-alive\r\n";
    out += "\r\n";
    return out;
}

void HttpExchange::respond(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (m_state != State::NotStarted)
        return;
    m_state = State::Finished;
    if (!isClientConnected())
        return;
    const bool noContent = status == 204 || status == 304;
    QByteArray out =
        head(status, headers, noContent ? Framing::Close : Framing::Length, body.size());
    if (!noContent && m_request.method != "HEAD")
        out += body;
    m_connection->write(out);
    m_connection->exchangeFinished(m_closeAfter);
}

void HttpExchange::beginStream(int status, const HttpHeaders &headers)
{
    if (m_state != State::NotStarted)
        return;
    m_state = State::Streaming;
    if (!isClientConnected())
        return;
    if (m_request.versionMinor == 0)
        m_closeAfter = true; // HTTP/1.0 has no chunked encoding: the end of the body is the close
    m_connection->write(
        head(status, headers, m_request.versionMinor == 0 ? Framing::Close : Framing::Chunked, 0));
}

void HttpExchange::writeChunk(QByteArrayView data)
{
    if (m_state != State::Streaming || data.isEmpty() || !isClientConnected())
        return;
    if (m_request.versionMinor == 0) {
        m_connection->write(data.toByteArray());
        return;
    }
    QByteArray out;
    out.reserve(data.size() + 16);
    out += QByteArray::number(data.size(), 16);
    out += "\r\n";
    out += data;
    out += "\r\n";
    m_connection->write(out);
}

void HttpExchange::endStream()
{
    if (m_state != State::Streaming)
        return;
    m_state = State::Finished;
    if (!isClientConnected())
        return;
    if (m_request.versionMinor != 0)
        m_connection->write(QByteArrayLiteral("0\r\n\r\n"));
    m_connection->exchangeFinished(m_closeAfter);
}

void HttpExchange::notifyClientGone()
{
    if (m_state == State::Finished)
        return;
    m_state = State::Finished;
    emit clientGone();
}

} // namespace gatehouse
