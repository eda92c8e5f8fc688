#include "SseParser.h"

#include <algorithm>
#include <cstring>

namespace gatehouse {

namespace {

// Finds line ends (CR or LF) in one piece of bytes with the C library's vectorised search
// rather than a test per byte. The next LF and the next CR are each looked for once and kept
// until passed, so every byte is scanned at most twice however the lines end (a stream of
// CR-only lines does not rescan the rest of the piece for an LF at every line).
class LineEndFinder
{
public:
    explicit LineEndFinder(const char *end) : m_end(end) {}
    // The first CR or LF at or after `p`, or the end of the piece.
    const char *next(const char *p)
    {
        if (m_lf < p)
            m_lf = find(p, '\n');
        if (m_cr < p)
            m_cr = find(p, '\r');
        return std::min(m_lf, m_cr);
    }

private:
    const char *find(const char *p, char c) const
    {
        const void *hit = std::memchr(p, c, static_cast<size_t>(m_end - p));
        return hit ? static_cast<const char *>(hit) : m_end;
    }

    const char *m_end;
    const char *m_lf = nullptr;
    const char *m_cr = nullptr;
};

} // namespace

QList<SseParser::Event> SseParser::feed(QByteArrayView bytes)
{
    QList<Event> events;
    if (m_overflowed)
        return events;
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    LineEndFinder lineEnds(end);
    while (p < end) {
        if (m_afterCr) {
            m_afterCr = false;
            if (*p == '\n') {
                ++p;
                continue;
            }
        }
        // Lines end in LF, CR or CRLF (the SSE grammar allows all three).
        const char *stop = lineEnds.next(p);
        const qsizetype length = stop - p;
        m_eventBytes += length;
        if (m_eventBytes > m_maxEventBytes) {
            m_overflowed = true;
            m_line.clear();
            return events;
        }
        m_line.append(p, length);
        if (stop == end)
            break;
        m_afterCr = *stop == '\r';
        p = stop + 1;
        takeLine(events);
    }
    return events;
}

void SseParser::takeLine(QList<Event> &events)
{
    const QByteArray line = std::exchange(m_line, {});
    if (line.isEmpty()) {
        // A blank line ends the event.
        if (m_hasData || !m_current.event.isEmpty())
            events.append(std::exchange(m_current, {}));
        m_current = {};
        m_hasData = false;
        m_hasField = false;
        m_eventBytes = 0;
        return;
    }
    if (line.startsWith(':'))
        return; // comments keep connections alive
    m_hasField = true;
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field =
        colon < 0 ? QByteArrayView(line) : QByteArrayView(line).first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : QByteArrayView(line).sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (field == "event") {
        m_current.event = value.toByteArray();
    } else if (field == "data") {
        if (m_hasData)
            m_current.data += '\n';
        m_current.data += value;
        m_hasData = true;
    }
}

QByteArray SseEventSplitter::feed(const QByteArray &bytes)
{
    if (m_overflowed)
        return {};
    // The end of the last whole event in `bytes`: after a blank line.
    qsizetype boundary = -1;
    const char *const data = bytes.constData();
    const qsizetype size = bytes.size();
    LineEndFinder lineEnds(data + size);
    for (qsizetype i = 0; i < size; ++i) {
        // A run of bytes within a line, counted at once.
        if (const qsizetype stop = lineEnds.next(data + i) - data; stop > i) {
            m_atLineStart = false;
            m_afterCr = false;
            if (m_eventBytes + (stop - i) > m_maxEventBytes)
                return overflow(data, boundary);
            m_eventBytes += stop - i;
            i = stop;
            if (i == size)
                break;
        }
        const char c = data[i];
        if (c == '\n') {
            if (m_afterCr) {
                m_afterCr = false; // CRLF: the line ended at the CR
                // The LF of a blank line's CRLF goes with its event, also when the CR came
                // at the end of the previous piece.
                if (boundary == i || (i == 0 && m_endedOnBoundary)) {
                    boundary = i + 1;
                    m_eventBytes = 0;
                }
                continue;
            }
            if (m_atLineStart) {
                boundary = i + 1;
                m_eventBytes = 0;
                continue;
            }
            m_atLineStart = true;
        } else if (c == '\r') {
            m_afterCr = true;
            if (m_atLineStart) {
                boundary = i + 1;
                m_eventBytes = 0;
                continue;
            }
            m_atLineStart = true;
        } else {
            m_atLineStart = false;
            m_afterCr = false;
        }
        // Every byte of an event counts, also those of events that end in this very piece.
        if (++m_eventBytes > m_maxEventBytes)
            return overflow(data, boundary);
    }
    m_endedOnBoundary = size > 0 && boundary == size;
    if (boundary < 0) {
        m_pending.append(bytes);
        return {};
    }
    QByteArray out;
    if (m_pending.isEmpty() && boundary == size) {
        out = bytes; // the usual case: whole events, shared rather than copied
    } else {
        out = std::exchange(m_pending, {});
        out.append(data, boundary);
        m_pending = bytes.sliced(boundary);
    }
    return out;
}

QByteArray SseEventSplitter::overflow(const char *data, qsizetype boundary)
{
    m_overflowed = true;
    QByteArray out;
    if (boundary >= 0) {
        out = std::exchange(m_pending, {});
        out.append(data, boundary);
    }
    m_pending.clear();
    return out;
}

} // namespace gatehouse
