#include "MessagesToChat.h"

#include "TextContent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

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
        const ApiError error{502,
                             e.value(QLatin1String("type")).toString(),
                             {},
                             e.value(QLatin1String("message")).toString(),
                             {}};
        return error.streamEvent(ApiShape::OpenAi);
    }
    return {}; // ping, content_block_stop, unknown events
}

} // namespace gatehouse

namespace gatehouse {

namespace {

constexpr qsizetype maxImageBase64 = qsizetype{20} * 1024 * 1024;

} // namespace

std::variant<QJsonObject, ApiError> MessagesToChat::translateRequest(const QJsonObject &in,
                                                                     const QString &upstreamModel)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("MessagesToChat", text); };
    QJsonArray messages;
    const QJsonValue system = in.value(QLatin1String("system"));
    if (system.isString() || system.isArray()) {
        const QString text = textOf(system);
        if (!text.isEmpty())
            messages.append(QJsonObject{{QLatin1String("role"), QLatin1String("system")},
                                        {QLatin1String("content"), text}});
    } else if (!system.isUndefined() && !system.isNull()) {
        return ApiError::untranslatable(tr("system must be a string or an array of text blocks."),
                                        QStringLiteral("system"));
    }

    QSet<QString> openToolUses;
    const QJsonArray list = in.value(QLatin1String("messages")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("messages[%1]").arg(i);
        const QJsonObject m = list.at(i).toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        if (role != QLatin1String("user") && role != QLatin1String("assistant"))
            return ApiError::untranslatable(
                tr("%1.role \"%2\" is unknown; use user or assistant.").arg(where, role),
                where + QStringLiteral(".role"));
        const QJsonValue content = m.value(QLatin1String("content"));
        if (content.isString()) {
            messages.append(
                QJsonObject{{QLatin1String("role"), role}, {QLatin1String("content"), content}});
            continue;
        }
        if (!content.isArray())
            return ApiError::untranslatable(
                tr("%1.content must be a string or an array of content blocks.").arg(where),
                where + QStringLiteral(".content"));
        QJsonArray parts;       // user text and images
        QStringList texts;      // assistant text
        QJsonArray toolCalls;   // assistant tool use
        QJsonArray toolResults; // user tool results, as OpenAI tool messages
        const QJsonArray blocks = content.toArray();
        for (qsizetype b = 0; b < blocks.size(); ++b) {
            const QString bw = QStringLiteral("%1.content[%2]").arg(where).arg(b);
            const QJsonObject block = blocks.at(b).toObject();
            const QString type = block.value(QLatin1String("type")).toString();
            if (type == QLatin1String("text")) {
                if (!block.value(QLatin1String("text")).isString())
                    return ApiError::untranslatable(tr("%1.text must be a string.").arg(bw), bw);
                parts.append(
                    QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                {QLatin1String("text"), block.value(QLatin1String("text"))}});
                texts << block.value(QLatin1String("text")).toString();
            } else if (type == QLatin1String("image") && role == QLatin1String("user")) {
                const QJsonObject source = block.value(QLatin1String("source")).toObject();
                const QString kind = source.value(QLatin1String("type")).toString();
                QString url;
                if (kind == QLatin1String("base64")) {
                    const QString data = source.value(QLatin1String("data")).toString();
                    if (data.isEmpty() ||
                        source.value(QLatin1String("media_type")).toString().isEmpty())
                        return ApiError::untranslatable(
                            tr("%1.source needs media_type and data.").arg(bw), bw);
                    if (data.size() > maxImageBase64)
                        return ApiError::untranslatable(tr("%1 is larger than 15 MB.").arg(bw), bw);
                    url = QStringLiteral("data:%1;base64,%2")
                              .arg(source.value(QLatin1String("media_type")).toString(), data);
                } else if (kind == QLatin1String("url")) {
                    url = source.value(QLatin1String("url")).toString();
                } else {
                    return ApiError::untranslatable(
                        tr("%1.source.type must be base64 or url.").arg(bw), bw);
                }
                parts.append(QJsonObject{
                    {QLatin1String("type"), QLatin1String("image_url")},
                    {QLatin1String("image_url"), QJsonObject{{QLatin1String("url"), url}}}});
            } else if (type == QLatin1String("tool_use") && role == QLatin1String("assistant")) {
                const QString id = block.value(QLatin1String("id")).toString();
                if (id.isEmpty() || block.value(QLatin1String("name")).toString().isEmpty())
                    return ApiError::untranslatable(tr("%1 needs an id and a name.").arg(bw), bw);
                openToolUses.insert(id);
                toolCalls.append(QJsonObject{
                    {QLatin1String("id"), id},
                    {QLatin1String("type"), QLatin1String("function")},
                    {QLatin1String("function"),
                     QJsonObject{{QLatin1String("name"), block.value(QLatin1String("name"))},
                                 {QLatin1String("arguments"),
                                  QString::fromUtf8(
                                      QJsonDocument(block.value(QLatin1String("input")).toObject())
                                          .toJson(QJsonDocument::Compact))}}}});
            } else if (type == QLatin1String("tool_result") && role == QLatin1String("user")) {
                const QString id = block.value(QLatin1String("tool_use_id")).toString();
                if (!openToolUses.contains(id))
                    return ApiError::untranslatable(
                        tr("%1 answers tool use \"%2\", which no earlier assistant message made.")
                            .arg(bw, id),
                        bw + QStringLiteral(".tool_use_id"));
                openToolUses.remove(id);
                QString result = textOf(block.value(QLatin1String("content")));
                if (block.value(QLatin1String("is_error")).toBool())
                    result = QStringLiteral("Error: ") + result;
                toolResults.append(QJsonObject{{QLatin1String("role"), QLatin1String("tool")},
                                               {QLatin1String("tool_call_id"), id},
                                               {QLatin1String("content"), result}});
            } else if (type == QLatin1String("thinking") ||
                       type == QLatin1String("redacted_thinking")) {
                // Earlier reasoning is the model's own scratch work; Chat Completions has no place
                // for it.
            } else {
                return ApiError::untranslatable(
                    tr("%1 has type \"%2\", which cannot be sent to this provider.").arg(bw, type),
                    bw);
            }
        }
        if (role == QLatin1String("assistant")) {
            QJsonObject out{{QLatin1String("role"), QLatin1String("assistant")},
                            {QLatin1String("content"),
                             texts.isEmpty() ? QJsonValue() : QJsonValue(texts.join(QString()))}};
            if (!toolCalls.isEmpty())
                out.insert(QLatin1String("tool_calls"), toolCalls);
            messages.append(out);
        } else {
            // Tool results answer the previous assistant turn, so they come first.
            for (const QJsonValue r : toolResults)
                messages.append(r);
            if (!parts.isEmpty())
                messages.append(QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                            {QLatin1String("content"), parts}});
        }
    }

    QJsonObject out{{QLatin1String("model"), upstreamModel}, {QLatin1String("messages"), messages}};
    const QJsonValue maxTokens = in.value(QLatin1String("max_tokens"));
    if (maxTokens.isDouble())
        out.insert(QLatin1String("max_tokens"), maxTokens.toInt());
    for (const char *key : {"temperature", "top_p"}) {
        if (in.value(QLatin1String(key)).isDouble())
            out.insert(QLatin1String(key), in.value(QLatin1String(key)));
    }
    if (in.value(QLatin1String("stop_sequences")).isArray())
        out.insert(QLatin1String("stop"), in.value(QLatin1String("stop_sequences")));
    if (in.value(QLatin1String("stream")).toBool()) {
        out.insert(QLatin1String("stream"), true);
        out.insert(QLatin1String("stream_options"),
                   QJsonObject{{QLatin1String("include_usage"), true}});
    }
    const QString user =
        in.value(QLatin1String("metadata")).toObject().value(QLatin1String("user_id")).toString();
    if (!user.isEmpty())
        out.insert(QLatin1String("user"), user);
    const QJsonArray tools = in.value(QLatin1String("tools")).toArray();
    if (!tools.isEmpty()) {
        QJsonArray outTools;
        for (qsizetype i = 0; i < tools.size(); ++i) {
            const QJsonObject tool = tools.at(i).toObject();
            if (tool.value(QLatin1String("name")).toString().isEmpty())
                return ApiError::untranslatable(tr("tools[%1] needs a name.").arg(i),
                                                QStringLiteral("tools[%1]").arg(i));
            if (tool.contains(QLatin1String("type")) &&
                !tool.contains(QLatin1String("input_schema")))
                return ApiError::untranslatable(
                    tr("tools[%1] is an Anthropic server tool (%2), which this provider "
                       "does not run.")
                        .arg(i)
                        .arg(tool.value(QLatin1String("type")).toString()),
                    QStringLiteral("tools[%1]").arg(i));
            QJsonObject function{{QLatin1String("name"), tool.value(QLatin1String("name"))},
                                 {QLatin1String("parameters"),
                                  tool.value(QLatin1String("input_schema")).toObject()}};
            if (tool.value(QLatin1String("description")).isString())
                function.insert(QLatin1String("description"),
                                tool.value(QLatin1String("description")));
            outTools.append(QJsonObject{{QLatin1String("type"), QLatin1String("function")},
                                        {QLatin1String("function"), function}});
        }
        out.insert(QLatin1String("tools"), outTools);
        const QJsonObject choice = in.value(QLatin1String("tool_choice")).toObject();
        const QString type = choice.value(QLatin1String("type")).toString();
        if (type == QLatin1String("any"))
            out.insert(QLatin1String("tool_choice"), QLatin1String("required"));
        else if (type == QLatin1String("none"))
            out.insert(QLatin1String("tool_choice"), QLatin1String("none"));
        else if (type == QLatin1String("tool"))
            out.insert(QLatin1String("tool_choice"),
                       QJsonObject{{QLatin1String("type"), QLatin1String("function")},
                                   {QLatin1String("function"),
                                    QJsonObject{{QLatin1String("name"),
                                                 choice.value(QLatin1String("name"))}}}});
        else if (type == QLatin1String("auto"))
            out.insert(QLatin1String("tool_choice"), QLatin1String("auto"));
        if (choice.value(QLatin1String("disable_parallel_tool_use")).toBool())
            out.insert(QLatin1String("parallel_tool_calls"), false);
    }
    return out;
}

} // namespace gatehouse
