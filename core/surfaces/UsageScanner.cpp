#include "UsageScanner.h"

namespace gatehouse {

namespace {

void grow(qint64 &into, qint64 value)
{
    into = std::max(into, value);
}

// Reads one usage object of any surface into `u`, in one pass over its bytes: every
// "key": number in it, nested details included. Anthropic's input_tokens leave out cache
// reads and writes, the others count all input.
void read(QByteArrayView o, conversation::Usage &u)
{
    qint64 promptTokens = -1, inputTokens = -1, cacheRead = -1, cacheWrite = -1;
    qsizetype pos = 0;
    while (pos < o.size()) {
        const qsizetype open = o.indexOf('"', pos);
        if (open < 0)
            break;
        qsizetype close = open + 1;
        while (close < o.size() && o[close] != '"')
            close += o[close] == '\\' ? 2 : 1;
        if (close >= o.size())
            break;
        const QByteArrayView key = o.sliced(open + 1, close - open - 1);
        pos = close + 1;
        while (pos < o.size() && (o[pos] == ' ' || o[pos] == '\t' || o[pos] == ':'))
            ++pos;
        qint64 value = 0;
        bool digits = false;
        while (pos < o.size() && o[pos] >= '0' && o[pos] <= '9' && value < (qint64{1} << 50)) {
            value = value * 10 + (o[pos] - '0');
            digits = true;
            ++pos;
        }
        if (!digits || !key.endsWith("tokens"))
            continue;
        if (key == "prompt_tokens")
            grow(promptTokens, value);
        else if (key == "input_tokens")
            grow(inputTokens, value);
        else if (key == "cache_read_input_tokens")
            grow(cacheRead, value);
        else if (key == "cache_creation_input_tokens")
            grow(cacheWrite, value);
        else if (key == "completion_tokens" || key == "output_tokens")
            grow(u.outputTokens, value);
        else if (key == "cached_tokens")
            grow(u.cachedInputTokens, value);
        else if (key == "reasoning_tokens")
            grow(u.reasoningTokens, value);
    }
    qint64 input = std::max(promptTokens, inputTokens);
    if ((cacheRead >= 0 || cacheWrite >= 0) && input >= 0)
        input += std::max<qint64>(0, cacheRead) + std::max<qint64>(0, cacheWrite);
    grow(u.inputTokens, input);
    grow(u.cachedInputTokens, cacheRead);
    grow(u.cacheCreationTokens, cacheWrite);
}

// Gemini's usageMetadata: promptTokenCount (cached content included), candidatesTokenCount
// and thoughtsTokenCount apart (the output is both), cachedContentTokenCount.
void readGemini(QByteArrayView o, conversation::Usage &u)
{
    auto count = [o](QByteArrayView key) -> qint64 {
        const qsizetype at = o.indexOf(key);
        if (at < 0)
            return -1;
        qsizetype pos = at + key.size();
        while (pos < o.size() && (o[pos] == ' ' || o[pos] == '\t' || o[pos] == ':'))
            ++pos;
        qint64 value = 0;
        bool digits = false;
        while (pos < o.size() && o[pos] >= '0' && o[pos] <= '9' && value < (qint64{1} << 50)) {
            value = value * 10 + (o[pos] - '0');
            digits = true;
            ++pos;
        }
        return digits ? value : -1;
    };
    const qint64 prompt = count("\"promptTokenCount\"");
    const qint64 candidates = count("\"candidatesTokenCount\"");
    const qint64 thoughts = count("\"thoughtsTokenCount\"");
    grow(u.inputTokens, prompt);
    if (candidates >= 0 || thoughts >= 0)
        grow(u.outputTokens, std::max<qint64>(candidates, 0) + std::max<qint64>(thoughts, 0));
    grow(u.reasoningTokens, thoughts);
    grow(u.cachedInputTokens, count("\"cachedContentTokenCount\""));
}

} // namespace

void UsageScanner::scan(QByteArrayView bytes)
{
    readOllamaCounts(bytes);
    scanGemini(bytes);
    qsizetype from = bytes.size();
    // Every "usage" object in these bytes, last first.
    while (from > 0) {
        const qsizetype at =
            QByteArrayView(bytes.data(), from).lastIndexOf(QByteArrayView("\"usage\""));
        if (at < 0)
            return;
        readObjectAfter(bytes, at + 7);
        from = at;
    }
}

void UsageScanner::readOllamaCounts(QByteArrayView bytes)
{
    // A key in the bytes is a key: within a JSON string its quotes would be escaped.
    auto count = [bytes](QByteArrayView key) -> qint64 {
        const qsizetype at = bytes.lastIndexOf(key);
        if (at < 0)
            return -1;
        qsizetype pos = at + key.size();
        while (pos < bytes.size() && (bytes[pos] == ' ' || bytes[pos] == ':' || bytes[pos] == '\t'))
            ++pos;
        qint64 value = 0;
        bool digits = false;
        while (pos < bytes.size() && bytes[pos] >= '0' && bytes[pos] <= '9' &&
               value < (qint64{1} << 50)) {
            value = value * 10 + (bytes[pos] - '0');
            digits = true;
            ++pos;
        }
        return digits ? value : -1;
    };
    if (!bytes.contains(QByteArrayView("eval_count\"")))
        return;
    grow(m_usage.inputTokens, count("\"prompt_eval_count\""));
    grow(m_usage.outputTokens, count("\"eval_count\""));
}

void UsageScanner::scanGemini(QByteArrayView bytes)
{
    static const QByteArrayView key("\"usageMetadata\"");
    for (qsizetype at = bytes.indexOf(key); at >= 0; at = bytes.indexOf(key, at + key.size()))
        readObjectAfter(bytes, at + key.size(), readGemini);
}

void UsageScanner::readObjectAfter(QByteArrayView bytes, qsizetype pos)
{
    readObjectAfter(bytes, pos, read);
}

void UsageScanner::readObjectAfter(QByteArrayView bytes, qsizetype pos,
                                   void (*reader)(QByteArrayView, conversation::Usage &))
{
    while (pos < bytes.size() && (bytes[pos] == ' ' || bytes[pos] == ':' || bytes[pos] == '\t'))
        ++pos;
    if (pos >= bytes.size() || bytes[pos] != '{')
        return;
    int depth = 0;
    bool inString = false;
    for (qsizetype i = pos; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            reader(bytes.sliced(pos, i - pos + 1), m_usage);
            return;
        }
    }
}

} // namespace gatehouse
