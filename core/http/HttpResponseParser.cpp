#include "HttpResponseParser.h"

#include "HttpNumber.h"

#include <QCoreApplication>

namespace gatehouse {

bool HttpResponseParser::fail(Failure failure)
{
    m_state = State::Failed;
    m_failure = failure;
    return false;
}

QString HttpResponseParser::failureText() const
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("HttpResponseParser", text);
    };
    switch (m_failure) {
    case Failure::None:
        return {};
    case Failure::NotHttp:
        return tr("the answer is not HTTP/1.x");
    case Failure::HeadersTooLarge:
        return tr("the response headers are larger than 64 KiB");
    case Failure::BadHeader:
        return tr("a response header carries a line break or NUL byte inside its value");
    case Failure::BadFraming:
        return tr("the response's framing is invalid (conflicting or malformed lengths)");
    case Failure::BadChunk:
        return tr("a chunk of the response is malformed");
    case Failure::TrailersTooLarge:
        return tr("the response trailers are larger than 64 KiB");
    case Failure::BadCoding:
        return tr("the response body is not valid %1").arg(m_coding);
    case Failure::UnsupportedCoding:
        return tr("the response uses the content coding \"%1\", which Gatehouse cannot decode")
            .arg(m_coding);
    case Failure::CutOff:
        return tr("the connection closed before the response was complete");
    }
    return {};
}

bool HttpResponseParser::feed(const QByteArray &bytes, Output &out)
{
    out = Output();
    if (m_state == State::Failed)
        return false;
    if (m_state == State::Head) {
        if (m_head.isEmpty())
            m_head = bytes;
        else
            m_head.append(bytes);
        return parseHead(out);
    }
    return body(bytes, out);
}

bool HttpResponseParser::parseHead(Output &out)
{
    for (;;) {
        // The head ends at an empty line: CRLF CRLF, or bare LFs.
        qsizetype end = -1;
        qsizetype bodyStart = -1;
        for (qsizetype i = std::max<qsizetype>(0, m_scanned - 3); i < m_head.size(); ++i) {
            if (m_head[i] != '\n')
                continue;
            if (i + 1 < m_head.size() && m_head[i + 1] == '\n') {
                end = i;
                bodyStart = i + 2;
                break;
            }
            if (i + 2 < m_head.size() && m_head[i + 1] == '\r' && m_head[i + 2] == '\n') {
                end = i;
                bodyStart = i + 3;
                break;
            }
        }
        if (end < 0) {
            m_scanned = m_head.size();
            if (m_head.size() > maxHeadBytes)
                return fail(Failure::HeadersTooLarge);
            if (m_head.size() >= 5 && !m_head.startsWith("HTTP/"))
                return fail(Failure::NotHttp);
            return true;
        }
        if (end > maxHeadBytes)
            return fail(Failure::HeadersTooLarge);
        const QByteArrayView head(m_head.constData(), end);
        // Lines end as the status line does: a head in CRLF with a bare LF inside has a line
        // break in a value (a header smuggled in), and is refused rather than split there.
        bool mixedLineEnds = false;
        const QList<QByteArrayView> lines = [&head, &mixedLineEnds] {
            QList<QByteArrayView> l;
            qsizetype from = 0;
            bool crlf = false;
            while (from <= head.size()) {
                qsizetype lf = head.indexOf('\n', from);
                if (lf < 0)
                    lf = head.size();
                QByteArrayView line = head.sliced(from, lf - from);
                const bool endsInCr = line.endsWith('\r');
                if (l.isEmpty())
                    crlf = endsInCr;
                else if (endsInCr != crlf)
                    mixedLineEnds = true;
                if (endsInCr)
                    line.chop(1);
                l.append(line);
                from = lf + 1;
            }
            return l;
        }();
        // "HTTP/1.1 200 OK". Checked first: an answer that is not HTTP is refused as such
        // however its bytes arrive (a piece of five bytes already tells).
        const QByteArrayView statusLine = lines.first();
        if (statusLine.size() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine[8] != ' ')
            return fail(Failure::NotHttp);
        if (mixedLineEnds)
            return fail(Failure::BadHeader);
        qint64 status = 0;
        if (!parseHttpNumber(statusLine.sliced(9, 3), 10, status) || status < 100)
            return fail(Failure::NotHttp);
        const bool http10 = statusLine[7] == '0';
        HttpHeaders headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArrayView line = lines[i];
            if (line.isEmpty())
                continue;
            if ((line.front() == ' ' || line.front() == '\t') && !headers.isEmpty()) {
                // Obsolete folding; the continuation is cleaned like any value.
                QByteArray more = line.trimmed().toByteArray();
                headers.last().second += ' ' + more.replace('\r', ' ').replace('\0', ' ');
                continue;
            }
            const qsizetype colon = line.indexOf(':');
            const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
            if (!isHttpToken(name))
                continue; // not a header: dropped rather than passed on
            QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
            if (value.contains('\r') || value.contains('\0'))
                return fail(Failure::BadHeader);
            headers.append({name.toByteArray().toLower(), value});
        }
        const QByteArray rest = m_head.mid(bodyStart);
        m_head.clear();
        m_scanned = 0;
        if (status < 200) {
            // An interim answer (100 Continue, 103 Early Hints): the real one follows.
            m_head = rest;
            continue;
        }
        QByteArray connection, transferEncoding, contentLength, coding;
        int lengths = 0;
        for (const auto &h : std::as_const(headers)) {
            if (h.first == "connection") {
                connection = h.second.toLower();
            } else if (h.first == "transfer-encoding") {
                transferEncoding += (transferEncoding.isEmpty() ? "" : ",") + h.second.toLower();
            } else if (h.first == "content-length") {
                if (lengths++ > 0 && h.second.trimmed() != contentLength)
                    return fail(Failure::BadFraming);
                contentLength = h.second.trimmed();
            } else if (h.first == "content-encoding") {
                coding = h.second;
            }
        }
        m_keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        if (m_headRequest || status == 204 || status == 304) {
            m_state = State::Done;
        } else if (!transferEncoding.isEmpty()) {
            // Transfer-Encoding wins over Content-Length (RFC 9112 §6.3); only chunked is
            // understood, and it must come last.
            if (!transferEncoding.trimmed().endsWith("chunked"))
                return fail(Failure::BadFraming);
            m_state = State::Chunked;
            m_chunked = ChunkedDecoder(ChunkedDecoder::Limits{1024, maxHeadBytes, -1, false});
        } else if (lengths > 0) {
            if (!parseHttpNumber(contentLength, 10, m_remaining))
                return fail(Failure::BadFraming);
            m_state = m_remaining == 0 ? State::Done : State::Length;
        } else {
            m_state = State::UntilClose;
            m_keepAlive = false;
        }
        if (m_state != State::Done && !coding.isEmpty()) {
            bool supported = true;
            m_decoder = ContentDecoder::forEncoding(coding, &supported);
            m_coding = QString::fromLatin1(coding);
            if (!supported)
                return fail(Failure::UnsupportedCoding);
        }
        // Status and headers count once the framing is understood.
        m_status = int(status);
        m_headers = std::move(headers);
        out.headersReady = true;
        if (m_state == State::Done) {
            out.complete = true;
            m_extraBytes = !rest.isEmpty();
            return true;
        }
        return body(rest, out);
    }
}

bool HttpResponseParser::finish(Output &out)
{
    // A compressed body that stops short of the end of its stream was cut off.
    if (m_decoder && !m_decoder->finished())
        return fail(Failure::BadCoding);
    m_state = State::Done;
    out.complete = true;
    return true;
}

bool HttpResponseParser::pass(const QByteArray &bytes, Output &out)
{
    if (bytes.isEmpty())
        return true;
    if (!m_decoder) {
        if (out.body.isEmpty())
            out.body = bytes;
        else
            out.body.append(bytes);
        return true;
    }
    if (!m_decoder->decode(bytes, out.body))
        return fail(Failure::BadCoding);
    return true;
}

bool HttpResponseParser::body(const QByteArray &bytes, Output &out)
{
    switch (m_state) {
    case State::Length: {
        const qint64 take = std::min<qint64>(m_remaining, bytes.size());
        if (!pass(take == bytes.size() ? bytes : bytes.first(take), out))
            return false;
        m_remaining -= take;
        if (m_remaining == 0) {
            m_extraBytes = take < bytes.size();
            return finish(out);
        }
        return true;
    }
    case State::Chunked: {
        qsizetype consumed = 0;
        QByteArray raw;
        // Without a content coding the chunks' bytes are the body: decoded straight into it.
        const ChunkedDecoder::Status s =
            m_chunked.decode(bytes, consumed, m_decoder ? raw : out.body);
        if (s == ChunkedDecoder::Status::Error)
            return fail(m_chunked.error() == ChunkedDecoder::Error::TrailersTooLarge
                            ? Failure::TrailersTooLarge
                            : Failure::BadChunk);
        if (m_decoder && !pass(raw, out))
            return false;
        if (s == ChunkedDecoder::Status::Done) {
            m_extraBytes = consumed < bytes.size();
            return finish(out);
        }
        return true;
    }
    case State::UntilClose:
        return pass(bytes, out);
    case State::Done:
        m_extraBytes = m_extraBytes || !bytes.isEmpty();
        return true;
    case State::Head:
    case State::Failed:
        break;
    }
    return false;
}

bool HttpResponseParser::closed(Output &out)
{
    out = Output();
    if (m_state == State::UntilClose)
        return finish(out);
    if (m_state == State::Done)
        return true;
    if (m_state == State::Failed)
        return false;
    return fail(Failure::CutOff);
}

} // namespace gatehouse
