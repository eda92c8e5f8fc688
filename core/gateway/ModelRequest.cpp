#include "ModelRequest.h"

#include "ModelResolver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <optional>

namespace gatehouse {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ModelRequest", text);
}
} // namespace

std::variant<QJsonObject, ApiError> parseJsonObject(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return ApiError::badRequest(tr("The request body is empty; send a JSON object."));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return ApiError::badRequest(tr("The request body is not valid JSON: %1 at byte %2.")
                                        .arg(error.errorString())
                                        .arg(error.offset),
                                    {}, QStringLiteral("invalid_json"));
    if (!doc.isObject())
        return ApiError::badRequest(tr("The request body must be a JSON object."), {},
                                    QStringLiteral("invalid_json"));
    return doc.object();
}

namespace {
std::optional<ApiError> checkModel(const QJsonObject &body)
{
    const QJsonValue model = body.value(QLatin1String("model"));
    if (model.isUndefined() || model.isNull())
        return ApiError::badRequest(tr("\"model\" is required, as provider:model."),
                                    QStringLiteral("model"));
    if (!model.isString() || model.toString().isEmpty())
        return ApiError::badRequest(tr("\"model\" must be a non-empty string, as provider:model."),
                                    QStringLiteral("model"));
    return ModelResolver::checkLength(model.toString());
}

std::optional<ApiError> readStream(ModelRequest &r)
{
    const QJsonValue stream = r.body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool())
        return ApiError::badRequest(tr("\"stream\" must be true or false."),
                                    QStringLiteral("stream"));
    r.stream = stream.toBool(false);
    return std::nullopt;
}

// A JSON object with a valid "model": what every model request starts with.
std::variant<ModelRequest, ApiError> parseModelRequest(const QByteArray &json)
{
    auto parsed = parseJsonObject(json);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    ModelRequest r;
    r.body = std::get<QJsonObject>(std::move(parsed));
    r.raw = json;
    if (auto e = checkModel(r.body))
        return *e;
    r.model = r.body.value(QLatin1String("model")).toString();
    return r;
}
} // namespace

std::variant<ModelRequest, ApiError> ModelRequest::parseEmbeddings(const QByteArray &json)
{
    auto parsed = parseModelRequest(json);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    ModelRequest r = std::get<ModelRequest>(std::move(parsed));
    const QJsonValue input = r.body.value(QLatin1String("input"));
    if (!input.isString() && !input.isArray())
        return ApiError::badRequest(tr("\"input\" is required: a string or an array."),
                                    QStringLiteral("input"));
    return r;
}

std::variant<ModelRequest, ApiError> ModelRequest::parseConversation(const QByteArray &json)
{
    auto parsed = parseModelRequest(json);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    ModelRequest r = std::get<ModelRequest>(std::move(parsed));

    const QJsonValue messages = r.body.value(QLatin1String("messages"));
    if (messages.isUndefined())
        return ApiError::badRequest(tr("\"messages\" is required."), QStringLiteral("messages"));
    if (!messages.isArray())
        return ApiError::badRequest(tr("\"messages\" must be an array."),
                                    QStringLiteral("messages"));
    const QJsonArray list = messages.toArray();
    if (list.isEmpty())
        return ApiError::badRequest(tr("\"messages\" must contain at least one message."),
                                    QStringLiteral("messages"));
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto where = [i] { return QStringLiteral("messages[%1]").arg(i); };
        const QJsonValue message = list.at(i);
        if (!message.isObject())
            return ApiError::badRequest(tr("%1 must be an object.").arg(where()), where());
        const QJsonValue role = message.toObject().value(QLatin1String("role"));
        if (!role.isString() || role.toString().isEmpty())
            return ApiError::badRequest(tr("%1.role must be a non-empty string.").arg(where()),
                                        where() + QStringLiteral(".role"));
    }

    if (auto e = readStream(r))
        return *e;
    return r;
}

std::variant<ModelRequest, ApiError> ModelRequest::parseResponses(const QByteArray &json)
{
    auto parsed = parseModelRequest(json);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    ModelRequest r = std::get<ModelRequest>(std::move(parsed));
    const QJsonValue input = r.body.value(QLatin1String("input"));
    const bool continues = r.body.value(QLatin1String("previous_response_id")).isString();
    if ((input.isUndefined() || input.isNull()) && !continues)
        return ApiError::badRequest(tr("\"input\" is required: a string or a list of items."),
                                    QStringLiteral("input"));
    if (!input.isUndefined() && !input.isNull() && !input.isString() && !input.isArray())
        return ApiError::badRequest(tr("\"input\" must be a string or a list of items."),
                                    QStringLiteral("input"));
    const QJsonArray items = input.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject())
            return ApiError::badRequest(tr("input[%1] must be an object.").arg(i),
                                        QStringLiteral("input[%1]").arg(i));
    }
    const QJsonValue previous = r.body.value(QLatin1String("previous_response_id"));
    if (!previous.isUndefined() && !previous.isNull() && !previous.isString())
        return ApiError::badRequest(tr("\"previous_response_id\" must be a string."),
                                    QStringLiteral("previous_response_id"));
    if (auto e = readStream(r))
        return *e;
    return r;
}

namespace {
std::optional<ApiError> readOllamaStream(ModelRequest &r)
{
    if (auto e = readStream(r))
        return e;
    r.stream = r.body.value(QLatin1String("stream")).toBool(true);
    return std::nullopt;
}
} // namespace

std::variant<ModelRequest, ApiError> ModelRequest::parseOllamaChat(const QByteArray &json)
{
    auto parsed = parseModelRequest(json);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    ModelRequest r = std::get<ModelRequest>(std::move(parsed));
    const QJsonValue messages = r.body.value(QLatin1String("messages"));
    if (!messages.isArray() || messages.toArray().isEmpty())
        return ApiError::badRequest(tr("\"messages\" must be an array of at least one message."),
                                    QStringLiteral("messages"));
    const QJsonArray list = messages.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("messages[%1]").arg(i);
        const QJsonValue role = list.at(i).toObject().value(QLatin1String("role"));
        if (!list.at(i).isObject() || !role.isString() || role.toString().isEmpty())
            return ApiError::badRequest(tr("%1 must be an object with a role.").arg(where), where);
    }
    if (auto e = readOllamaStream(r))
        return *e;
    return r;
}

std::variant<ModelRequest, ApiError> ModelRequest::parseOllamaGenerate(const QByteArray &json)
{
    auto parsed = parseModelRequest(json);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    ModelRequest r = std::get<ModelRequest>(std::move(parsed));
    const QJsonValue prompt = r.body.value(QLatin1String("prompt"));
    if (!prompt.isUndefined() && !prompt.isNull() && !prompt.isString())
        return ApiError::badRequest(tr("\"prompt\" must be a string."), QStringLiteral("prompt"));
    if (r.body.contains(QLatin1String("messages")))
        return ApiError::badRequest(tr("/api/generate takes a prompt; send messages to /api/chat."),
                                    QStringLiteral("messages"));
    if (auto e = readOllamaStream(r))
        return *e;
    return r;
}

std::variant<ModelRequest, ApiError>
ModelRequest::parseOllamaLegacyEmbeddings(const QByteArray &json)
{
    auto parsed = parseModelRequest(json);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    ModelRequest r = std::get<ModelRequest>(std::move(parsed));
    const QJsonValue prompt = r.body.value(QLatin1String("prompt"));
    if (!prompt.isString())
        return ApiError::badRequest(tr("\"prompt\" is required: a string."),
                                    QStringLiteral("prompt"));
    QJsonObject embed{{QLatin1String("model"), r.model}, {QLatin1String("input"), prompt}};
    for (const char *field : {"options", "keep_alive"}) {
        if (r.body.contains(QLatin1String(field)))
            embed.insert(QLatin1String(field), r.body.value(QLatin1String(field)));
    }
    r.setBody(embed);
    return r;
}

std::variant<ModelRequest, ApiError> ModelRequest::parseGemini(const QByteArray &json)
{
    auto parsed = parseJsonObject(json);
    if (auto *e = std::get_if<ApiError>(&parsed))
        return *e;
    ModelRequest r;
    r.body = std::get<QJsonObject>(std::move(parsed));
    r.raw = json;
    const QJsonValue contents = r.body.value(QLatin1String("contents"));
    if (contents.isUndefined() && r.body.value(QLatin1String("generateContentRequest")).isObject())
        return r;
    if (!contents.isArray() || contents.toArray().isEmpty())
        return ApiError::badRequest(tr("\"contents\" is required: a list of turns."),
                                    QStringLiteral("contents"));
    const QJsonArray list = contents.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject())
            return ApiError::badRequest(tr("contents[%1] must be an object.").arg(i),
                                        QStringLiteral("contents[%1]").arg(i));
    }
    return r;
}

void ModelRequest::setBody(const QJsonObject &changed)
{
    body = changed;
    QJsonObject sent = body;
    for (const QString &field : std::as_const(handledLocally))
        sent.remove(field);
    raw = QJsonDocument(sent).toJson(QJsonDocument::Compact);
}

} // namespace gatehouse
