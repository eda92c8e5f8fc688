#pragma once

#include <QByteArray>
#include <QList>

namespace gatehouse {

// Splits a server-sent event stream into events as bytes arrive, however they are cut.
// Linear: every byte is looked at once, whatever the size of the pieces. An event larger
// than the limit stops the parser (overflowed()); nothing after it is reported.
class SseParser
{
public:
    struct Event
    {
        QByteArray event; // the "event:" field; empty when absent
        QByteArray data;  // "data:" lines joined with '\n'
    };
    static constexpr qsizetype defaultMaxEventBytes = qsizetype{16} * 1024 * 1024;
    explicit SseParser(qsizetype maxEventBytes = defaultMaxEventBytes)
        : m_maxEventBytes(maxEventBytes)
    {
    }

    QList<Event> feed(QByteArrayView bytes);
    // Bytes of an event that has not ended yet.
    bool overflowed() const { return m_overflowed; }

private:
    void takeLine(QList<Event> &events);

    qsizetype m_maxEventBytes;
    QByteArray m_line; // the line being read, without its end
    Event m_current;
    bool m_hasData = false;
    bool m_hasField = false;
    bool m_afterCr = false; // the last byte was a CR: a following LF belongs to it
    qsizetype m_eventBytes = 0;
    bool m_overflowed = false;
};

// Cuts a server-sent event stream relayed as it is at event boundaries: whole events are
// released as they complete, the bytes of an event still arriving are held back (up to the
// limit). What reached the client so far therefore always ends on an event boundary, and an
// event Gatehouse adds (an error on a cut stream) is never glued onto half a line. Linear:
// each byte is looked at once.
class SseEventSplitter
{
public:
    explicit SseEventSplitter(qsizetype maxEventBytes = SseParser::defaultMaxEventBytes)
        : m_maxEventBytes(maxEventBytes)
    {
    }
    // The whole events completed by `bytes` (with the held-back start of the first), in one
    // piece; empty while an event is still arriving, and for good once overflowed().
    QByteArray feed(const QByteArray &bytes);
    bool overflowed() const { return m_overflowed; }
    // Bytes of an event that has not ended yet.
    qsizetype pendingBytes() const { return m_pending.size(); }

private:
    // The event in progress passed the limit: the whole events before it, and nothing after.
    QByteArray overflow(const char *data, qsizetype boundary);

    qsizetype m_maxEventBytes;
    QByteArray m_pending;
    bool m_atLineStart = true;      // the last byte ended a line
    bool m_afterCr = false;         // the last byte was a CR: a following LF belongs to it
    bool m_endedOnBoundary = false; // the last piece ended with a whole event
    qsizetype m_eventBytes = 0;     // bytes of the event being read
    bool m_overflowed = false;
};

} // namespace gatehouse
