#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse {

// Which API a client speaks, and so which shape its errors take.
enum class ApiShape
{
    OpenAi,    // {"error":{"message","type","param","code"}}
    Anthropic, // {"type":"error","error":{"type","message"}}
    Ollama,    // {"error":"message"}
    Gemini     // {"error":{"code","message","status"}}
};

// The one error type of the gateway: an HTTP status and what to tell the caller.
// It is turned into a response body in the caller's API shape in one place (body()).
struct ApiError
{
    int status = 500;
    QString type;    // OpenAI "type", e.g. invalid_request_error
    QString code;    // machine-readable code, e.g. model_not_found; may be empty
    QString message; // for people
    QString param;   // the request field at fault; may be empty
    int retryAfterSeconds = -1;

    QByteArray toOpenAiBody() const;
    QByteArray toAnthropicBody() const;
    QByteArray toOllamaBody() const;
    QByteArray toGeminiBody() const;
    QByteArray body(ApiShape shape) const
    {
        if (shape == ApiShape::Ollama)
            return toOllamaBody();
        if (shape == ApiShape::Gemini)
            return toGeminiBody();
        return shape == ApiShape::Anthropic ? toAnthropicBody() : toOpenAiBody();
    }
    // Anthropic's error type for this status (invalid_request_error, rate_limit_error, ...).
    QString anthropicType() const;
    // Google's status name for this HTTP status (INVALID_ARGUMENT, NOT_FOUND, ...).
    QString googleStatus() const;

    // An error event that ends a stream whose headers were already sent.
    QByteArray streamEvent(ApiShape shape) const;

    // A request that cannot be expressed in the provider's API (400, names the field).
    static ApiError untranslatable(const QString &message, const QString &param);
    static ApiError badRequest(const QString &message, const QString &param = {},
                               const QString &code = {});
    static ApiError unauthorized(const QString &message);
    static ApiError forbidden(const QString &message, const QString &code);
    static ApiError notFound(const QString &message, const QString &code);
    static ApiError rateLimited(const QString &message, const QString &code, int retryAfterSeconds);
    static ApiError methodNotAllowed(const QString &message);
    static ApiError payloadTooLarge(const QString &message);
    static ApiError badGateway(const QString &message, const QString &code);
    static ApiError serviceUnavailable(const QString &message, const QString &code);
    static ApiError gatewayTimeout(const QString &message);
    static ApiError fromTransport(int status, const QString &message);
};

} // namespace gatehouse
