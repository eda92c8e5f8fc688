#pragma once

#include "SseParser.h"
#include "StreamTranslator.h"
#include "gateway/ApiError.h"

#include <QHash>
#include <QJsonObject>
#include <variant>

namespace gatehouse {

// Translates OpenAI-shaped JSON into Anthropic-shaped JSON. Requests: a Chat Completions
// request into a Messages request:
// system and developer messages, multi-turn text, images (URL and base64), tools, tool
// choice, tool calls and tool results, max_tokens, temperature, top_p, stop, stream.
// A request that cannot be expressed gets a 400 that says which field and why.
class ChatToMessages
{
public:
    static constexpr int defaultMaxTokens = 4096;
    static std::variant<QJsonObject, ApiError> translateRequest(const QJsonObject &chat,
                                                                const QString &upstreamModel);
    // A chat.completion as a Messages response: reasoning as a thinking block, text, tool
    // calls as tool_use blocks, stop reason and usage (cached prompt tokens as cache reads).
    static QJsonObject translateResponse(const QJsonObject &completion);
    static QString stopReason(const QString &finishReason);
    static QJsonObject usage(const QJsonObject &openAiUsage);
};

// Translates a chat.completion.chunk stream into Anthropic Messages events as bytes arrive:
// message_start, one content block at a time (thinking, text, tool_use with its arguments as
// input_json_delta), message_delta with stop reason and usage, message_stop.
class ChatStreamToMessages : public StreamTranslator
{
public:
    QByteArray feed(QByteArrayView bytes) override;
    bool isComplete() const override { return m_complete; }
    bool failed() const override { return m_failed; }

private:
    enum class Block
    {
        None,
        Thinking,
        Text,
        Tool
    };
    QByteArray handle(const QByteArray &data);
    QByteArray start(const QJsonObject &chunk);
    QByteArray openBlock(Block kind, const QJsonObject &contentBlock);
    QByteArray closeBlock();
    QByteArray finish();

    SseParser m_parser;
    bool m_started = false;
    bool m_complete = false;
    bool m_failed = false;
    Block m_block = Block::None;
    int m_blockIndex = -1;
    int m_currentTool = -1;
    QHash<int, int> m_toolBlock; // OpenAI tool call index -> Anthropic content block index
    QString m_stopReason = QStringLiteral("end_turn");
    QJsonObject m_usage;
};

} // namespace gatehouse
