#pragma once

#include <QByteArray>
#include <QList>

namespace gatehouse {

// Splits a server-sent event stream into events as bytes arrive, however they are cut.
class SseParser
{
public:
    struct Event
    {
        QByteArray event; // the "event:" field; empty when absent
        QByteArray data;  // "data:" lines joined with '\n'
    };
    QList<Event> feed(QByteArrayView bytes);
    // Bytes of an event that has not ended yet.
    bool hasPartialEvent() const { return !m_buffer.isEmpty(); }

private:
    QByteArray m_buffer;
};

} // namespace gatehouse
