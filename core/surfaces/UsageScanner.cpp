#include "UsageScanner.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

namespace {

void grow(qint64 &into, const QJsonValue &v)
{
    if (v.isDouble())
        into = std::max(into, v.toInteger());
}

// Reads one usage object of any surface into `u`; Anthropic's input_tokens leave out cache
// reads and writes, the others count all input.
void read(const QJsonObject &o, conversation::Usage &u)
{
    const QJsonValue cacheRead = o.value(QLatin1String("cache_read_input_tokens"));
    const QJsonValue cacheWrite = o.value(QLatin1String("cache_creation_input_tokens"));
    const bool anthropic = cacheRead.isDouble() || cacheWrite.isDouble();
    qint64 input = -1;
    grow(input, o.value(QLatin1String("prompt_tokens")));
    grow(input, o.value(QLatin1String("input_tokens")));
    if (anthropic && input >= 0)
        input += std::max<qint64>(0, cacheRead.toInteger()) +
                 std::max<qint64>(0, cacheWrite.toInteger());
    u.inputTokens = std::max(u.inputTokens, input);
    grow(u.outputTokens, o.value(QLatin1String("completion_tokens")));
    grow(u.outputTokens, o.value(QLatin1String("output_tokens")));
    grow(u.cachedInputTokens, cacheRead);
    grow(u.cacheCreationTokens, cacheWrite);
    for (const char *details : {"prompt_tokens_details", "input_tokens_details"})
        grow(u.cachedInputTokens,
             o.value(QLatin1String(details)).toObject().value(QLatin1String("cached_tokens")));
    for (const char *details : {"completion_tokens_details", "output_tokens_details"})
        grow(u.reasoningTokens,
             o.value(QLatin1String(details)).toObject().value(QLatin1String("reasoning_tokens")));
}

} // namespace

void UsageScanner::scan(QByteArrayView bytes)
{
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

void UsageScanner::readObjectAfter(QByteArrayView bytes, qsizetype pos)
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
            read(QJsonDocument::fromJson(bytes.sliced(pos, i - pos + 1).toByteArray()).object(),
                 m_usage);
            return;
        }
    }
}

} // namespace gatehouse
