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

QByteArray NdjsonLineSplitter::feed(const QByteArray &bytes)
{
    if (m_overflowed)
        return {};
    // The lines before one over the limit are whole and go on; nothing after them does.
    auto overflow = [this, &bytes](qsizetype wholeLinesEnd) {
        m_overflowed = true;
        QByteArray out;
        if (wholeLinesEnd > 0) {
            out = std::exchange(m_pending, {});
            out.append(bytes.constData(), wholeLinesEnd);
        }
        m_pending.clear();
        return out;
    };
    // Every line that ends here is measured, the one held back included.
    qsizetype from = 0;
    qsizetype lineStart = -m_pending.size();
    for (qsizetype newline = bytes.indexOf('\n'); newline >= 0;
         newline = bytes.indexOf('\n', from)) {
        if (newline - lineStart > m_maxLineBytes)
            return overflow(from);
        from = newline + 1;
        lineStart = from;
    }
    if (bytes.size() - lineStart > m_maxLineBytes)
        return overflow(from);
    if (from == 0) {
        m_pending += bytes;
        return {};
    }
    QByteArray out = std::exchange(m_pending, bytes.sliced(from));
    out += QByteArrayView(bytes.constData(), from);
    return out;
}

} // namespace gatehouse
