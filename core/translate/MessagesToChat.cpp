#include "MessagesToChat.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse {

QString MessagesToChat::finishReason(const QString &stopReason)
{
    if (stopReason == QLatin1String("max_tokens"))
        return QStringLiteral("length");
    if (stopReason == QLatin1String("tool_use"))
        return QStringLiteral("tool_calls");
    if (stopReason == QLatin1String("refusal"))
        return QStringLiteral("content_filter");
    return QStringLiteral("stop"); // end_turn, stop_sequence, pause_turn
}

QJsonObject MessagesToChat::usage(const QJsonObject &u)
{
    const int cacheRead = u.value(QLatin1String("cache_read_input_tokens")).toInt();
    const int cacheWrite = u.value(QLatin1String("cache_creation_input_tokens")).toInt();
    const int prompt = u.value(QLatin1String("input_tokens")).toInt() + cacheRead + cacheWrite;
    const int completion = u.value(QLatin1String("output_tokens")).toInt();
    return QJsonObject{{QLatin1String("prompt_tokens"), prompt},
                       {QLatin1String("completion_tokens"), completion},
                       {QLatin1String("total_tokens"), prompt + completion},
                       {QLatin1String("prompt_tokens_details"),
                        QJsonObject{{QLatin1String("cached_tokens"), cacheRead}}}};
}

QJsonObject MessagesToChat::translateResponse(const QJsonObject &message, qint64 created)
{
    QStringList texts;
    QStringList thinking;
    QJsonArray toolCalls;
    for (const QJsonValue v : message.value(QLatin1String("content")).toArray()) {
        const QJsonObject block = v.toObject();
        const QString type = block.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            texts << block.value(QLatin1String("text")).toString();
        } else if (type == QLatin1String("thinking")) {
            thinking << block.value(QLatin1String("thinking")).toString();
        } else if (type == QLatin1String("tool_use")) {
            const QByteArray arguments =
                QJsonDocument(block.value(QLatin1String("input")).toObject())
                    .toJson(QJsonDocument::Compact);
            toolCalls.append(QJsonObject{
                {QLatin1String("id"), block.value(QLatin1String("id"))},
                {QLatin1String("type"), QLatin1String("function")},
                {QLatin1String("function"),
                 QJsonObject{{QLatin1String("name"), block.value(QLatin1String("name"))},
                             {QLatin1String("arguments"), QString::fromUtf8(arguments)}}}});
        }
    }
    QJsonObject msg{{QLatin1String("role"), QLatin1String("assistant")},
                    {QLatin1String("content"),
                     texts.isEmpty() ? QJsonValue() : QJsonValue(texts.join(QString()))}};
    if (!toolCalls.isEmpty())
        msg.insert(QLatin1String("tool_calls"), toolCalls);
    if (!thinking.isEmpty())
        msg.insert(QLatin1String("reasoning_content"), thinking.join(QString()));
    const QJsonObject choice{
        {QLatin1String("index"), 0},
        {QLatin1String("message"), msg},
        {QLatin1String("finish_reason"),
         finishReason(message.value(QLatin1String("stop_reason")).toString())}};
    return QJsonObject{
        {QLatin1String("id"), message.value(QLatin1String("id"))},
        {QLatin1String("object"), QLatin1String("chat.completion")},
        {QLatin1String("created"), created},
        {QLatin1String("model"), message.value(QLatin1String("model"))},
        {QLatin1String("choices"), QJsonArray{choice}},
        {QLatin1String("usage"), usage(message.value(QLatin1String("usage")).toObject())}};
}

MessagesStreamToChat::MessagesStreamToChat(qint64 created, bool includeUsage)
    : m_created(created), m_includeUsage(includeUsage)
{
}

QByteArray MessagesStreamToChat::chunk(const QJsonObject &delta,
                                       const QJsonValue &finishReason) const
{
    const QJsonObject choice{{QLatin1String("index"), 0},
                             {QLatin1String("delta"), delta},
                             {QLatin1String("finish_reason"), finishReason}};
    const QJsonObject c{{QLatin1String("id"), m_id},
                        {QLatin1String("object"), QLatin1String("chat.completion.chunk")},
                        {QLatin1String("created"), m_created},
                        {QLatin1String("model"), m_model},
                        {QLatin1String("choices"), QJsonArray{choice}}};
    return "data: " + QJsonDocument(c).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray MessagesStreamToChat::feed(QByteArrayView bytes)
{
    QByteArray out;
    for (const SseParser::Event &e : m_parser.feed(bytes))
        out += handle(e);
    return out;
}

QByteArray MessagesStreamToChat::handle(const SseParser::Event &event)
{
    if (m_complete || m_failed)
        return {};
    const QJsonObject data = QJsonDocument::fromJson(event.data).object();
    const QString type = data.value(QLatin1String("type")).toString(QString::fromUtf8(event.event));
    if (type == QLatin1String("message_start")) {
        const QJsonObject message = data.value(QLatin1String("message")).toObject();
        if (message.value(QLatin1String("id")).isString())
            m_id = message.value(QLatin1String("id")).toString();
        m_model = message.value(QLatin1String("model")).toString();
        m_usage = message.value(QLatin1String("usage")).toObject();
        return chunk(QJsonObject{{QLatin1String("role"), QLatin1String("assistant")},
                                 {QLatin1String("content"), QString()}});
    }
    if (type == QLatin1String("content_block_start")) {
        const QJsonObject block = data.value(QLatin1String("content_block")).toObject();
        if (block.value(QLatin1String("type")).toString() != QLatin1String("tool_use"))
            return {};
        const int index = m_toolCount++;
        m_toolIndex.insert(data.value(QLatin1String("index")).toInt(), index);
        const QJsonObject call{
            {QLatin1String("index"), index},
            {QLatin1String("id"), block.value(QLatin1String("id"))},
            {QLatin1String("type"), QLatin1String("function")},
            {QLatin1String("function"),
             QJsonObject{{QLatin1String("name"), block.value(QLatin1String("name"))},
                         {QLatin1String("arguments"), QString()}}}};
        return chunk(QJsonObject{{QLatin1String("tool_calls"), QJsonArray{call}}});
    }
    if (type == QLatin1String("content_block_delta")) {
        const QJsonObject delta = data.value(QLatin1String("delta")).toObject();
        const QString kind = delta.value(QLatin1String("type")).toString();
        if (kind == QLatin1String("text_delta"))
            return chunk(
                QJsonObject{{QLatin1String("content"), delta.value(QLatin1String("text"))}});
        if (kind == QLatin1String("thinking_delta"))
            return chunk(QJsonObject{
                {QLatin1String("reasoning_content"), delta.value(QLatin1String("thinking"))}});
        if (kind == QLatin1String("input_json_delta")) {
            const int index = m_toolIndex.value(data.value(QLatin1String("index")).toInt(), -1);
            if (index < 0)
                return {};
            const QJsonObject call{{QLatin1String("index"), index},
                                   {QLatin1String("function"),
                                    QJsonObject{{QLatin1String("arguments"),
                                                 delta.value(QLatin1String("partial_json"))}}}};
            return chunk(QJsonObject{{QLatin1String("tool_calls"), QJsonArray{call}}});
        }
        return {};
    }
    if (type == QLatin1String("message_delta")) {
        const QJsonObject u = data.value(QLatin1String("usage")).toObject();
        for (auto it = u.begin(); it != u.end(); ++it)
            m_usage.insert(it.key(), it.value());
        const QString stop = data.value(QLatin1String("delta"))
                                 .toObject()
                                 .value(QLatin1String("stop_reason"))
                                 .toString();
        return chunk(QJsonObject{}, MessagesToChat::finishReason(stop));
    }
    if (type == QLatin1String("message_stop")) {
        m_complete = true;
        QByteArray out;
        if (m_includeUsage) {
            const QJsonObject c{{QLatin1String("id"), m_id},
                                {QLatin1String("object"), QLatin1String("chat.completion.chunk")},
                                {QLatin1String("created"), m_created},
                                {QLatin1String("model"), m_model},
                                {QLatin1String("choices"), QJsonArray()},
                                {QLatin1String("usage"), MessagesToChat::usage(m_usage)}};
            out += "data: " + QJsonDocument(c).toJson(QJsonDocument::Compact) + "\n\n";
        }
        out += "data: [DONE]\n\n";
        return out;
    }
    if (type == QLatin1String("error")) {
        m_failed = true;
        const QJsonObject e = data.value(QLatin1String("error")).toObject();
        const QJsonObject error{{QLatin1String("message"), e.value(QLatin1String("message"))},
                                {QLatin1String("type"), e.value(QLatin1String("type"))},
                                {QLatin1String("param"), QJsonValue()},
                                {QLatin1String("code"), QJsonValue()}};
        return "data: " +
               QJsonDocument(QJsonObject{{QLatin1String("error"), error}})
                   .toJson(QJsonDocument::Compact) +
               "\n\n";
    }
    return {}; // ping, content_block_stop, unknown events
}

} // namespace gatehouse
