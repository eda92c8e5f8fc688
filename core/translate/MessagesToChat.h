#pragma once

#include "SseParser.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace gatehouse {

// Translates Anthropic Messages answers back into OpenAI Chat Completions answers.
class MessagesToChat
{
public:
    // A whole Messages response as a chat.completion: text, tool calls, thinking as
    // reasoning_content, finish reason and usage (cache reads counted as cached prompt tokens).
    static QJsonObject translateResponse(const QJsonObject &message, qint64 created);
    static QString finishReason(const QString &stopReason);
    static QJsonObject usage(const QJsonObject &anthropicUsage);
};

// Translates an Anthropic Messages event stream into chat.completion.chunk events, event by
// event as bytes arrive: nothing is held back beyond an incomplete event.
class MessagesStreamToChat
{
public:
    MessagesStreamToChat(qint64 created, bool includeUsage);

    // OpenAI stream bytes for the Anthropic bytes just received (possibly empty).
    QByteArray feed(QByteArrayView bytes);
    // True once the Anthropic stream ended properly (message_stop) and [DONE] was produced.
    bool isComplete() const { return m_complete; }
    // True when the provider sent an error event; it has been passed on already.
    bool failed() const { return m_failed; }

private:
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue()) const;
    QByteArray handle(const SseParser::Event &event);

    SseParser m_parser;
    qint64 m_created;
    bool m_includeUsage;
    QString m_id = QStringLiteral("chatcmpl-gatehouse");
    QString m_model;
    QJsonObject m_usage;
    QHash<int, int> m_toolIndex; // Anthropic content block index -> OpenAI tool call index
    int m_toolCount = 0;
    bool m_complete = false;
    bool m_failed = false;
};

} // namespace gatehouse
