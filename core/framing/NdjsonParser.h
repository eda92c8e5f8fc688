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

// Cuts an NDJSON stream relayed as it is at line ends: whole lines are released as they
// complete, the bytes of a line still arriving are held back (up to the limit), so what reached
// the client always ends on a line boundary and a line Gatehouse adds (an error on a cut
// stream) starts on a fresh line. Linear: each byte is looked at once.
class NdjsonLineSplitter
{
public:
    explicit NdjsonLineSplitter(qsizetype maxLineBytes = NdjsonParser::defaultMaxLineBytes)
        : m_maxLineBytes(maxLineBytes)
    {
    }
    // The whole lines completed by `bytes` (with the held-back start of the first), in one
    // piece; empty while a line is still arriving, and for good once overflowed().
    QByteArray feed(const QByteArray &bytes);
    bool overflowed() const { return m_overflowed; }
    qsizetype pendingBytes() const { return m_pending.size(); }

private:
    qsizetype m_maxLineBytes;
    QByteArray m_pending;
    bool m_overflowed = false;
};

} // namespace gatehouse
