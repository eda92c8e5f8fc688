#include "ApiError.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

QByteArray ApiError::toOpenAiBody() const
{
    QJsonObject error{{QLatin1String("message"), message},
                      {QLatin1String("type"), type},
                      {QLatin1String("param"), param.isEmpty() ? QJsonValue() : QJsonValue(param)},
                      {QLatin1String("code"), code.isEmpty() ? QJsonValue() : QJsonValue(code)}};
    return QJsonDocument(QJsonObject{{QLatin1String("error"), error}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

QString ApiError::anthropicType() const
{
    switch (status) {
    case 400:
    case 405:
    case 408:
    case 415:
    case 417:
    case 422:
    case 431:
        return QStringLiteral("invalid_request_error");
    case 401:
        return QStringLiteral("authentication_error");
    case 402:
        return QStringLiteral("billing_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 413:
        return QStringLiteral("request_too_large");
    case 429:
        return QStringLiteral("rate_limit_error");
    case 504:
        return QStringLiteral("timeout_error");
    case 529:
        return QStringLiteral("overloaded_error");
    default:
        return status >= 500 ? QStringLiteral("api_error")
                             : QStringLiteral("invalid_request_error");
    }
}

QByteArray ApiError::toAnthropicBody() const
{
    const QJsonObject error{{QLatin1String("type"), anthropicType()},
                            {QLatin1String("message"), message}};
    return QJsonDocument(QJsonObject{{QLatin1String("type"), QLatin1String("error")},
                                     {QLatin1String("error"), error}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

QByteArray ApiError::toOllamaBody() const
{
    return QJsonDocument(QJsonObject{{QLatin1String("error"), message}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

QString ApiError::googleStatus() const
{
    switch (status) {
    case 400:
    case 405:
    case 413:
    case 415:
    case 422:
    case 431:
        return QStringLiteral("INVALID_ARGUMENT");
    case 401:
        return QStringLiteral("UNAUTHENTICATED");
    case 402:
    case 412:
        return QStringLiteral("FAILED_PRECONDITION");
    case 403:
        return QStringLiteral("PERMISSION_DENIED");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 408:
    case 504:
        return QStringLiteral("DEADLINE_EXCEEDED");
    case 409:
        return QStringLiteral("ABORTED");
    case 429:
        return QStringLiteral("RESOURCE_EXHAUSTED");
    case 499:
        return QStringLiteral("CANCELLED");
    case 501:
        return QStringLiteral("UNIMPLEMENTED");
    case 502:
    case 503:
    case 529:
        return QStringLiteral("UNAVAILABLE");
    default:
        return status >= 500 ? QStringLiteral("INTERNAL") : QStringLiteral("INVALID_ARGUMENT");
    }
}

QByteArray ApiError::toGeminiBody() const
{
    const QJsonObject error{{QLatin1String("code"), status},
                            {QLatin1String("message"), message},
                            {QLatin1String("status"), googleStatus()}};
    return QJsonDocument(QJsonObject{{QLatin1String("error"), error}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

QByteArray ApiError::streamEvent(ApiShape shape) const
{
    // An NDJSON stream ends with the error as its last line.
    if (shape == ApiShape::Ollama)
        return toOllamaBody();
    if (shape == ApiShape::Gemini)
        return "data: " + toGeminiBody().trimmed() + "\n\n";
    if (shape == ApiShape::Anthropic)
        return "event: error\ndata: " + toAnthropicBody().trimmed() + "\n\n";
    return "data: " + toOpenAiBody().trimmed() + "\n\n";
}

ApiError ApiError::untranslatable(const QString &message, const QString &param)
{
    return badRequest(message, param, QStringLiteral("untranslatable_request"));
}

ApiError ApiError::badRequest(const QString &message, const QString &param, const QString &code)
{
    return {400, QStringLiteral("invalid_request_error"), code, message, param};
}

ApiError ApiError::unauthorized(const QString &message)
{
    return {401,
            QStringLiteral("authentication_error"),
            QStringLiteral("invalid_api_key"),
            message,
            {}};
}

ApiError ApiError::forbidden(const QString &message, const QString &code)
{
    return {403, QStringLiteral("permission_error"), code, message, {}};
}

ApiError ApiError::rateLimited(const QString &message, const QString &code, int retryAfterSeconds)
{
    ApiError e{429, QStringLiteral("rate_limit_error"), code, message, {}};
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
}

ApiError ApiError::notFound(const QString &message, const QString &code)
{
    return {404, QStringLiteral("not_found_error"), code, message, {}};
}

ApiError ApiError::methodNotAllowed(const QString &message)
{
    return {405,
            QStringLiteral("invalid_request_error"),
            QStringLiteral("method_not_allowed"),
            message,
            {}};
}

ApiError ApiError::payloadTooLarge(const QString &message)
{
    return {413,
            QStringLiteral("invalid_request_error"),
            QStringLiteral("request_too_large"),
            message,
            {}};
}

ApiError ApiError::badGateway(const QString &message, const QString &code)
{
    return {502, QStringLiteral("upstream_error"), code, message, {}};
}

ApiError ApiError::serviceUnavailable(const QString &message, const QString &code)
{
    return {503, QStringLiteral("server_error"), code, message, {}};
}

ApiError ApiError::gatewayTimeout(const QString &message)
{
    return {504, QStringLiteral("timeout_error"), QStringLiteral("upstream_timeout"), message, {}};
}

ApiError ApiError::fromTransport(int status, const QString &message)
{
    switch (status) {
    case 413:
        return payloadTooLarge(message);
    case 408:
        return {408,
                QStringLiteral("invalid_request_error"),
                QStringLiteral("request_timeout"),
                message,
                {}};
    case 431:
        return {431,
                QStringLiteral("invalid_request_error"),
                QStringLiteral("headers_too_large"),
                message,
                {}};
    case 503: {
        ApiError e = serviceUnavailable(message, QStringLiteral("too_many_connections"));
        e.retryAfterSeconds = 1;
        return e;
    }
    default:
        return {status,
                QStringLiteral("invalid_request_error"),
                QStringLiteral("malformed_request"),
                message,
                {}};
    }
}

} // namespace gatehouse
