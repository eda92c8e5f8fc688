#pragma once

#include "ApiError.h"

#include <QJsonObject>
#include <variant>

namespace gatehouse {

// The parts of an OpenAI Chat Completions request the gateway needs, checked for type.
// The JSON object itself is kept whole so unknown fields reach the upstream untouched.
struct ChatCompletionRequest
{
    QJsonObject body;
    QString model;
    bool stream = false;

    static std::variant<ChatCompletionRequest, ApiError> parse(const QByteArray &json);
};

// Parses a request body that must be a JSON object; 400 with the parser's words otherwise.
std::variant<QJsonObject, ApiError> parseJsonObject(const QByteArray &json);

} // namespace gatehouse
