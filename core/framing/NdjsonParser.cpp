#include "NdjsonParser.h"

namespace gatehouse {

QList<QByteArray> NdjsonParser::feed(QByteArrayView bytes)
{
    QList<QByteArray> lines;
    if (m_overflowed)
        return lines;
    qsizetype from = 0;
    while (from < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', from);
        const qsizetype stop = newline < 0 ? bytes.size() : newline;
        if (m_line.size() + (stop - from) > m_maxLineBytes) {
            m_overflowed = true;
            m_line.clear();
            return lines;
        }
        m_line.append(bytes.data() + from, stop - from);
        if (newline < 0)
            break;
        from = newline + 1;
        QByteArray line = std::exchange(m_line, {});
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.trimmed().isEmpty())
            lines.append(std::move(line));
    }
    return lines;
}

} // namespace gatehouse
