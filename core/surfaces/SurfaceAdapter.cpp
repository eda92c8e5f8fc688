#include "SurfaceAdapter.h"

#include "ChatCompletionsSurface.h"
#include "GeminiSurface.h"
#include "Json.h"
#include "MessagesSurface.h"
#include "OllamaSurface.h"
#include "ResponsesSurface.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse {

conversation::StreamEvents SseStreamDecoder::feed(QByteArrayView bytes)
{
    conversation::StreamEvents out;
    for (const SseParser::Event &e : m_parser.feed(bytes)) {
        if (m_complete || m_failed)
            break;
        QJsonObject json;
        const QByteArrayView data = QByteArrayView(e.data).trimmed();
        if (!data.isEmpty() && data != "[DONE]") {
            QJsonParseError pe{};
            const QJsonDocument doc = QJsonDocument::fromJson(e.data, &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
                fail(ApiError::badGateway(QCoreApplication::translate(
                                              "SurfaceAdapter",
                                              "The provider sent a stream event that is not a "
                                              "JSON object."),
                                          QStringLiteral("upstream_invalid_json")),
                     out);
                break;
            }
            json = doc.object();
        }
        handle(e, json, out);
    }
    if (m_parser.overflowed() && !m_failed && !m_complete)
        fail(ApiError::badGateway(
                 QCoreApplication::translate(
                     "SurfaceAdapter", "The provider sent a stream event larger than 16 MiB."),
                 QStringLiteral("upstream_event_too_large")),
             out);
    return out;
}

void SseStreamDecoder::fail(const ApiError &error, conversation::StreamEvents &out)
{
    m_failed = true;
    conversation::StreamEvent event;
    event.type = conversation::StreamEvent::Type::Error;
    event.error = error;
    out << event;
}

HttpHeaders SurfaceAdapter::protocolHeaders(const HttpRequest *client) const
{
    Q_UNUSED(client)
    return {};
}

QStringList SurfaceAdapter::parseModelList(const QByteArray &body) const
{
    // {"data":[{"id":…}]}: OpenAI's, Anthropic's, and the OpenAI-compatible endpoints of
    // Ollama, LM Studio and the like all answer this shape.
    QStringList out;
    const QJsonArray data =
        QJsonDocument::fromJson(body).object().value(QLatin1String("data")).toArray();
    for (const QJsonValue v : data) {
        const QString id = v.toObject().value(QLatin1String("id")).toString();
        if (!id.isEmpty() && id.trimmed() == id && !out.contains(id))
            out << id;
    }
    return out;
}

QString SurfaceAdapter::errorMessage(const QByteArray &body) const
{
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QJsonValue error = json.value(QLatin1String("error"));
    if (error.isObject()) {
        const QString message = error.toObject().value(QLatin1String("message")).toString();
        if (!message.isEmpty())
            return message;
    }
    if (error.isString())
        return error.toString();
    return QString::fromUtf8(body.left(300)).simplified();
}

std::optional<ApiError>
json::checkShapes(const QJsonObject &in,
                  std::initializer_list<std::pair<const char *, Shape>> fields)
{
    for (const auto &[name, shape] : fields) {
        if (!hasShape(in.value(QLatin1String(name)), shape))
            return ApiError::badRequest(
                QCoreApplication::translate("SurfaceAdapter", "\"%1\" must be %2.")
                    .arg(QLatin1String(name), QLatin1String(shapeName(shape))),
                QString::fromLatin1(name), QStringLiteral("invalid_type"));
    }
    return std::nullopt;
}

const SurfaceAdapter &surfaceAdapter(ApiSurface surface)
{
    // The one registration of every surface.
    static const ChatCompletionsSurface chat;
    static const ResponsesSurface responses;
    static const MessagesSurface messages;
    static const OllamaSurface ollama;
    switch (surface) {
    case ApiSurface::OpenAi:
        return chat;
    case ApiSurface::Responses:
        return responses;
    case ApiSurface::Anthropic:
        return messages;
    case ApiSurface::Ollama:
        return ollama;
    case ApiSurface::Gemini: {
        static const GeminiSurface gemini;
        return gemini;
    }
    }
    return chat;
}

} // namespace gatehouse
