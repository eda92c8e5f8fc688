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

} // namespace gatehouse
