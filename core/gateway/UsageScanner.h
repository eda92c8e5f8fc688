#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

// Finds token counts in provider answers without parsing whole bodies: looks for the last
// "usage" object in the bytes and reads only that. Both shapes are understood (OpenAI
// prompt_tokens/completion_tokens, Anthropic input_tokens/output_tokens). Streams report
// usage in several events (Anthropic: input in message_start, output so far in
// message_delta), so the counts only ever grow.
class UsageScanner
{
public:
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;

    bool known() const { return inputTokens >= 0 || outputTokens >= 0; }
    qint64 total() const
    {
        return std::max<qint64>(0, inputTokens) + std::max<qint64>(0, outputTokens);
    }

    void scan(QByteArrayView bytes)
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

private:
    void readObjectAfter(QByteArrayView bytes, qsizetype pos)
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
                const QJsonObject usage =
                    QJsonDocument::fromJson(bytes.sliced(pos, i - pos + 1).toByteArray()).object();
                take(usage, "prompt_tokens", inputTokens);
                take(usage, "input_tokens", inputTokens);
                take(usage, "completion_tokens", outputTokens);
                take(usage, "output_tokens", outputTokens);
                return;
            }
        }
    }
    static void take(const QJsonObject &usage, const char *name, qint64 &into)
    {
        const QJsonValue v = usage.value(QLatin1String(name));
        if (v.isDouble())
            into = std::max(into, v.toInteger());
    }
};

} // namespace gatehouse
