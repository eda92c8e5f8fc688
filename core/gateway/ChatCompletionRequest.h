#pragma once

#include "ApiError.h"

#include <QJsonObject>
#include <variant>

namespace gatehouse {

// The parts of a model request (Chat Completions, Messages, Embeddings) the gateway needs,
// checked for type.
// The JSON object itself is kept whole so unknown fields reach the upstream untouched.
struct ChatCompletionRequest
{
    QJsonObject body;
    QString model;
    bool stream = false;

    // Chat Completions and Anthropic Messages (and count_tokens): model, messages, stream.
    static std::variant<ChatCompletionRequest, ApiError> parse(const QByteArray &json);
    // Embeddings: model and input.
    static std::variant<ChatCompletionRequest, ApiError> parseEmbeddings(const QByteArray &json);
};

// Parses a request body that must be a JSON object; 400 with the parser's words otherwise.
std::variant<QJsonObject, ApiError> parseJsonObject(const QByteArray &json);

} // namespace gatehouse
