#pragma once

#include <QByteArray>
#include <QList>

namespace gatehouse {

// Splits newline-delimited JSON (one value per line, as Ollama streams) into lines as bytes
// arrive. Linear, with a limit per line like SseParser; blank lines are skipped.
class NdjsonParser
{
public:
    static constexpr qsizetype defaultMaxLineBytes = qsizetype{16} * 1024 * 1024;
    explicit NdjsonParser(qsizetype maxLineBytes = defaultMaxLineBytes)
        : m_maxLineBytes(maxLineBytes)
    {
    }

    QList<QByteArray> feed(QByteArrayView bytes);
    bool hasPartialLine() const { return !m_line.isEmpty(); }
    bool overflowed() const { return m_overflowed; }

private:
    qsizetype m_maxLineBytes;
    QByteArray m_line;
    bool m_overflowed = false;
};

} // namespace gatehouse
