#include "SurfaceAdapter.h"

#include "ChatCompletionsSurface.h"
#include "MessagesSurface.h"
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
        handle(e, out);
    }
    if (m_parser.overflowed() && !m_failed) {
        m_failed = true;
        conversation::StreamEvent error;
        error.type = conversation::StreamEvent::Type::Error;
        error.error = ApiError::badGateway(
            QCoreApplication::translate("SurfaceAdapter",
                                        "The provider sent a stream event larger than 16 MiB."),
            QStringLiteral("upstream_malformed"));
        out << error;
    }
    return out;
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

const SurfaceAdapter &surfaceAdapter(ApiSurface surface)
{
    // The one registration of every surface.
    static const ChatCompletionsSurface chat;
    static const ResponsesSurface responses;
    static const MessagesSurface messages;
    switch (surface) {
    case ApiSurface::OpenAi:
        return chat;
    case ApiSurface::Responses:
        return responses;
    case ApiSurface::Anthropic:
        return messages;
    }
    return chat;
}

} // namespace gatehouse
