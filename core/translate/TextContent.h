#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace gatehouse {

// The text of message content that is either a string or an array of parts: OpenAI's text
// parts and Anthropic's text blocks share the shape {"type":"text","text":...}. Other parts
// carry no text and are skipped; texts are joined by line breaks.
inline QString textOf(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList texts;
    for (const QJsonValue v : content.toArray()) {
        if (v.toObject().value(QLatin1String("type")).toString() == QLatin1String("text"))
            texts << v.toObject().value(QLatin1String("text")).toString();
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace gatehouse
