#pragma once

#include "gateway/ApiError.h"

#include <QJsonObject>
#include <variant>

namespace gatehouse {

// Translates an OpenAI Chat Completions request into an Anthropic Messages request:
// system and developer messages, multi-turn text, images (URL and base64), tools, tool
// choice, tool calls and tool results, max_tokens, temperature, top_p, stop, stream.
// A request that cannot be expressed gets a 400 that says which field and why.
class ChatToMessages
{
public:
    static constexpr int defaultMaxTokens = 4096;
    static std::variant<QJsonObject, ApiError> translateRequest(const QJsonObject &chat,
                                                                const QString &upstreamModel);
};

} // namespace gatehouse
