#pragma once

#include "SseParser.h"
#include "StreamTranslator.h"
#include "gateway/ApiError.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <variant>

namespace gatehouse {

// Translates Anthropic-shaped JSON into OpenAI-shaped JSON: Messages requests into Chat
// Completions requests (for OpenAI providers), and Messages answers back into Chat
// Completions answers (for OpenAI clients of Anthropic providers).
class MessagesToChat
{
public:
    // A Messages request as a Chat Completions request: system, text, images, tools, tool
    // choice, tool use and tool results, max_tokens, sampling, stop sequences, stream (with
    // usage asked for, so it can be reported back). 400 for what cannot be expressed.
    static std::variant<QJsonObject, ApiError> translateRequest(const QJsonObject &messages,
                                                                const QString &upstreamModel);

    // A whole Messages response as a chat.completion: text, tool calls, thinking as
    // reasoning_content, finish reason and usage (cache reads counted as cached prompt tokens).
    static QJsonObject translateResponse(const QJsonObject &message, qint64 created);
    static QString finishReason(const QString &stopReason);
    static QJsonObject usage(const QJsonObject &anthropicUsage);
};

// Translates an Anthropic Messages event stream into chat.completion.chunk events, event by
// event as bytes arrive: nothing is held back beyond an incomplete event.
class MessagesStreamToChat : public StreamTranslator
{
public:
    MessagesStreamToChat(qint64 created, bool includeUsage);

    // OpenAI stream bytes for the Anthropic bytes just received (possibly empty).
    QByteArray feed(QByteArrayView bytes) override;
    // True once the Anthropic stream ended properly (message_stop) and [DONE] was produced.
    bool isComplete() const override { return m_complete; }
    // True when the provider sent an error event; it has been passed on already.
    bool failed() const override { return m_failed; }

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
