#include "SseParser.h"

namespace gatehouse {

QList<SseParser::Event> SseParser::feed(QByteArrayView bytes)
{
    m_buffer += bytes;
    QList<Event> events;
    for (;;) {
        // An event ends at a blank line; servers use \n\n or \r\n\r\n.
        qsizetype end = m_buffer.indexOf("\n\n");
        qsizetype crlfEnd = m_buffer.indexOf("\r\n\r\n");
        qsizetype skip = 2;
        if (crlfEnd >= 0 && (end < 0 || crlfEnd < end)) {
            end = crlfEnd;
            skip = 4;
        }
        if (end < 0)
            break;
        const QByteArray block = m_buffer.left(end);
        m_buffer.remove(0, end + skip);
        Event e;
        bool hasData = false;
        for (QByteArray line : block.split('\n')) {
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.isEmpty() || line.startsWith(':'))
                continue; // comments keep connections alive
            const qsizetype colon = line.indexOf(':');
            const QByteArray field = colon < 0 ? line : line.left(colon);
            QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
            if (value.startsWith(' '))
                value.remove(0, 1);
            if (field == "event") {
                e.event = value;
            } else if (field == "data") {
                if (hasData)
                    e.data += '\n';
                e.data += value;
                hasData = true;
            }
        }
        if (hasData || !e.event.isEmpty())
            events.append(e);
    }
    return events;
}

} // namespace gatehouse
