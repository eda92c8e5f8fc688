#pragma once

#include "ApiError.h"

#include <QJsonObject>
#include <QStringList>
#include <variant>

namespace gatehouse {

// The parts of a model request (Chat Completions, Messages, Responses, Embeddings, token
// counting) the gateway needs, checked for type. The JSON object itself is kept whole, and so
// are the bytes, so unknown fields reach a same-surface provider untouched.
struct ModelRequest
{
    QJsonObject body;
    QByteArray raw; // the body as the client sent it (or as Gatehouse last rewrote it)
    QString model;
    bool stream = false;
    // Fields Gatehouse carries out itself (Responses' previous_response_id): kept in `body`,
    // which a translated answer echoes, but never in the bytes sent on.
    QStringList handledLocally;

    // Chat Completions, Messages and count_tokens: model, messages, stream.
    static std::variant<ModelRequest, ApiError> parseConversation(const QByteArray &json);
    // Responses: model, input (a string or a list of items), stream.
    static std::variant<ModelRequest, ApiError> parseResponses(const QByteArray &json);
    // Gemini (generateContent, countTokens): contents, or countTokens' generateContentRequest.
    // The model and streaming are in the URL (the endpoint's prepare step reads them).
    static std::variant<ModelRequest, ApiError> parseGemini(const QByteArray &json);
    // Embeddings: model and input.
    static std::variant<ModelRequest, ApiError> parseEmbeddings(const QByteArray &json);
    // Ollama's /api/chat and /api/generate: model, messages or prompt, stream (true unless
    // told otherwise, as Ollama streams by default).
    static std::variant<ModelRequest, ApiError> parseOllamaChat(const QByteArray &json);
    static std::variant<ModelRequest, ApiError> parseOllamaGenerate(const QByteArray &json);
    // Ollama's legacy /api/embeddings (model, prompt), as the /api/embed request it stands for.
    static std::variant<ModelRequest, ApiError> parseOllamaLegacyEmbeddings(const QByteArray &json);

    // Replaces the body (after Gatehouse changed it) and the bytes sent on, which leave out
    // the fields handled locally.
    void setBody(const QJsonObject &body);
};

// Parses a request body that must be a JSON object; 400 with the parser's words otherwise.
std::variant<QJsonObject, ApiError> parseJsonObject(const QByteArray &json);

} // namespace gatehouse
