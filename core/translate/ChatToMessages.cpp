#include "ChatToMessages.h"

#include "TextContent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ChatToMessages", text);
}

// Anthropic accepts images up to 5 MB each; larger ones are refused here with a clear reason.
constexpr qsizetype maxImageBase64Bytes = qsizetype{5} * 1024 * 1024 * 4 / 3 + 4;

std::variant<QJsonObject, ApiError> imageBlock(const QJsonObject &part, const QString &where)
{
    const QString url =
        part.value(QLatin1String("image_url")).toObject().value(QLatin1String("url")).toString();
    if (url.isEmpty())
        return ApiError::untranslatable(tr("%1.image_url.url is required.").arg(where), where);
    if (url.startsWith(QLatin1String("data:"))) {
        // data:image/png;base64,AAAA
        const qsizetype comma = url.indexOf(QLatin1Char(','));
        const QString header = url.mid(5, comma - 5);
        if (comma < 0 || !header.endsWith(QLatin1String(";base64")))
            return ApiError::untranslatable(
                tr("%1 must be a base64 data URL (data:image/png;base64,...).").arg(where), where);
        const QString mediaType = header.chopped(7);
        static const QSet<QString> supported{
            QStringLiteral("image/jpeg"), QStringLiteral("image/png"), QStringLiteral("image/gif"),
            QStringLiteral("image/webp")};
        if (!supported.contains(mediaType))
            return ApiError::untranslatable(
                tr("%1 has media type \"%2\"; use image/jpeg, image/png, image/gif or image/webp.")
                    .arg(where, mediaType),
                where);
        if (url.size() - comma - 1 > maxImageBase64Bytes)
            return ApiError::untranslatable(
                tr("%1 is larger than 5 MB, the most the provider accepts per image.").arg(where),
                where);
        return QJsonObject{
            {QLatin1String("type"), QLatin1String("image")},
            {QLatin1String("source"), QJsonObject{{QLatin1String("type"), QLatin1String("base64")},
                                                  {QLatin1String("media_type"), mediaType},
                                                  {QLatin1String("data"), url.mid(comma + 1)}}}};
    }
    if (!url.startsWith(QLatin1String("https://")) && !url.startsWith(QLatin1String("http://")))
        return ApiError::untranslatable(
            tr("%1 must be an http(s) URL or a base64 data URL.").arg(where), where);
    return QJsonObject{
        {QLatin1String("type"), QLatin1String("image")},
        {QLatin1String("source"),
         QJsonObject{{QLatin1String("type"), QLatin1String("url")}, {QLatin1String("url"), url}}}};
}

// Message content (a string or an array of parts) as Anthropic content blocks.
std::variant<QJsonArray, ApiError> contentBlocks(const QJsonValue &content, const QString &where,
                                                 bool allowImages)
{
    QJsonArray blocks;
    if (content.isNull() || content.isUndefined())
        return blocks;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            blocks.append(QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                      {QLatin1String("text"), content}});
        return blocks;
    }
    if (!content.isArray())
        return ApiError::untranslatable(
            tr("%1.content must be a string or an array of content parts.").arg(where),
            where + QStringLiteral(".content"));
    const QJsonArray parts = content.toArray();
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString partWhere = QStringLiteral("%1.content[%2]").arg(where).arg(i);
        const QJsonObject part = parts.at(i).toObject();
        const QString type = part.value(QLatin1String("type")).toString();
        if (type == QLatin1String("text")) {
            if (!part.value(QLatin1String("text")).isString())
                return ApiError::untranslatable(tr("%1.text must be a string.").arg(partWhere),
                                                partWhere);
            blocks.append(QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                      {QLatin1String("text"), part.value(QLatin1String("text"))}});
        } else if (type == QLatin1String("image_url") && allowImages) {
            auto image = imageBlock(part, partWhere);
            if (auto *e = std::get_if<ApiError>(&image))
                return *e;
            blocks.append(std::get<QJsonObject>(image));
        } else {
            return ApiError::untranslatable(
                tr("%1 has type \"%2\", which this provider cannot take here.")
                    .arg(partWhere, type),
                partWhere);
        }
    }
    return blocks;
}

} // namespace

std::variant<QJsonObject, ApiError> ChatToMessages::translateRequest(const QJsonObject &chat,
                                                                     const QString &upstreamModel)
{
    QJsonObject out;
    out.insert(QLatin1String("model"), upstreamModel);

    QStringList system;
    QJsonArray messages;
    QSet<QString> openToolCalls; // tool calls the assistant made that still await a result
    auto appendBlocks = [&messages](const QString &role, const QJsonArray &blocks) {
        if (blocks.isEmpty())
            return;
        // Consecutive messages of one role become one message, as Anthropic expects turns to
        // alternate.
        if (!messages.isEmpty() &&
            messages.last().toObject().value(QLatin1String("role")).toString() == role) {
            QJsonObject last = messages.last().toObject();
            QJsonArray content = last.value(QLatin1String("content")).toArray();
            for (const QJsonValue b : blocks)
                content.append(b);
            last.insert(QLatin1String("content"), content);
            messages.replace(messages.size() - 1, last);
            return;
        }
        messages.append(
            QJsonObject{{QLatin1String("role"), role}, {QLatin1String("content"), blocks}});
    };

    const QJsonArray in = chat.value(QLatin1String("messages")).toArray();
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QString where = QStringLiteral("messages[%1]").arg(i);
        const QJsonObject m = in.at(i).toObject();
        const QString role = m.value(QLatin1String("role")).toString();
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            system << textOf(m.value(QLatin1String("content")));
        } else if (role == QLatin1String("user")) {
            auto blocks = contentBlocks(m.value(QLatin1String("content")), where, true);
            if (auto *e = std::get_if<ApiError>(&blocks))
                return *e;
            appendBlocks(QStringLiteral("user"), std::get<QJsonArray>(blocks));
        } else if (role == QLatin1String("assistant")) {
            auto text = contentBlocks(m.value(QLatin1String("content")), where, false);
            if (auto *e = std::get_if<ApiError>(&text))
                return *e;
            QJsonArray blocks = std::get<QJsonArray>(text);
            const QJsonArray calls = m.value(QLatin1String("tool_calls")).toArray();
            for (qsizetype c = 0; c < calls.size(); ++c) {
                const QString callWhere = QStringLiteral("%1.tool_calls[%2]").arg(where).arg(c);
                const QJsonObject call = calls.at(c).toObject();
                const QJsonObject function = call.value(QLatin1String("function")).toObject();
                const QString id = call.value(QLatin1String("id")).toString();
                const QString name = function.value(QLatin1String("name")).toString();
                if (id.isEmpty() || name.isEmpty())
                    return ApiError::untranslatable(
                        tr("%1 needs an id and a function name.").arg(callWhere), callWhere);
                const QString arguments = function.value(QLatin1String("arguments")).toString();
                QJsonParseError pe{};
                const QJsonDocument args = QJsonDocument::fromJson(
                    arguments.isEmpty() ? QByteArray("{}") : arguments.toUtf8(), &pe);
                if (pe.error != QJsonParseError::NoError || !args.isObject())
                    return ApiError::untranslatable(
                        tr("%1.function.arguments must be a JSON object in a string.")
                            .arg(callWhere),
                        callWhere + QStringLiteral(".function.arguments"));
                blocks.append(QJsonObject{{QLatin1String("type"), QLatin1String("tool_use")},
                                          {QLatin1String("id"), id},
                                          {QLatin1String("name"), name},
                                          {QLatin1String("input"), args.object()}});
                openToolCalls.insert(id);
            }
            appendBlocks(QStringLiteral("assistant"), blocks);
        } else if (role == QLatin1String("tool")) {
            const QString id = m.value(QLatin1String("tool_call_id")).toString();
            if (!openToolCalls.contains(id))
                return ApiError::untranslatable(
                    tr("%1 answers tool call \"%2\", which no earlier assistant message made.")
                        .arg(where, id),
                    where + QStringLiteral(".tool_call_id"));
            openToolCalls.remove(id);
            appendBlocks(
                QStringLiteral("user"),
                QJsonArray{QJsonObject{
                    {QLatin1String("type"), QLatin1String("tool_result")},
                    {QLatin1String("tool_use_id"), id},
                    {QLatin1String("content"), textOf(m.value(QLatin1String("content")))}}});
        } else {
            return ApiError::untranslatable(
                tr("%1.role \"%2\" is unknown; use system, developer, user, assistant or tool.")
                    .arg(where, role),
                where + QStringLiteral(".role"));
        }
    }
    if (messages.isEmpty())
        return ApiError::untranslatable(tr("The request has no user or assistant message to send."),
                                        QStringLiteral("messages"));
    out.insert(QLatin1String("messages"), messages);
    if (!system.isEmpty())
        out.insert(QLatin1String("system"), system.join(QLatin1String("\n\n")));

    const QJsonValue maxTokens = chat.contains(QLatin1String("max_completion_tokens"))
                                     ? chat.value(QLatin1String("max_completion_tokens"))
                                     : chat.value(QLatin1String("max_tokens"));
    if (!maxTokens.isUndefined() && !maxTokens.isNull() &&
        (!maxTokens.isDouble() || maxTokens.toInt() < 1))
        return ApiError::untranslatable(tr("max_tokens must be a positive integer."),
                                        QStringLiteral("max_tokens"));
    out.insert(QLatin1String("max_tokens"),
               maxTokens.isDouble() ? maxTokens.toInt() : defaultMaxTokens);

    for (const char *key : {"temperature", "top_p"}) {
        const QJsonValue v = chat.value(QLatin1String(key));
        if (v.isDouble())
            out.insert(QLatin1String(key), v);
    }
    const QJsonValue stop = chat.value(QLatin1String("stop"));
    if (stop.isString())
        out.insert(QLatin1String("stop_sequences"), QJsonArray{stop});
    else if (stop.isArray())
        out.insert(QLatin1String("stop_sequences"), stop);
    if (chat.value(QLatin1String("stream")).toBool())
        out.insert(QLatin1String("stream"), true);
    const int n = chat.value(QLatin1String("n")).toInt(1);
    if (n != 1)
        return ApiError::untranslatable(
            tr("n = %1 is not supported by this provider; ask for one choice.").arg(n),
            QStringLiteral("n"));
    if (chat.value(QLatin1String("user")).isString())
        out.insert(QLatin1String("metadata"),
                   QJsonObject{{QLatin1String("user_id"), chat.value(QLatin1String("user"))}});

    const QJsonArray tools = chat.value(QLatin1String("tools")).toArray();
    if (!tools.isEmpty()) {
        QJsonArray outTools;
        for (qsizetype i = 0; i < tools.size(); ++i) {
            const QJsonObject tool = tools.at(i).toObject();
            const QJsonObject function = tool.value(QLatin1String("function")).toObject();
            const QString name = function.value(QLatin1String("name")).toString();
            if (tool.value(QLatin1String("type")).toString() != QLatin1String("function") ||
                name.isEmpty())
                return ApiError::untranslatable(
                    tr("tools[%1] must be a function with a name.").arg(i),
                    QStringLiteral("tools[%1]").arg(i));
            QJsonObject outTool{
                {QLatin1String("name"), name},
                {QLatin1String("input_schema"),
                 function.value(QLatin1String("parameters")).isObject()
                     ? function.value(QLatin1String("parameters"))
                     : QJsonValue(QJsonObject{{QLatin1String("type"), QLatin1String("object")}})}};
            if (function.value(QLatin1String("description")).isString())
                outTool.insert(QLatin1String("description"),
                               function.value(QLatin1String("description")));
            outTools.append(outTool);
        }
        out.insert(QLatin1String("tools"), outTools);
    }
    const QJsonValue toolChoice = chat.value(QLatin1String("tool_choice"));
    QJsonObject choice;
    if (toolChoice.isString()) {
        const QString c = toolChoice.toString();
        if (c == QLatin1String("auto"))
            choice.insert(QLatin1String("type"), QLatin1String("auto"));
        else if (c == QLatin1String("none"))
            choice.insert(QLatin1String("type"), QLatin1String("none"));
        else if (c == QLatin1String("required"))
            choice.insert(QLatin1String("type"), QLatin1String("any"));
        else
            return ApiError::untranslatable(tr("tool_choice \"%1\" is unknown.").arg(c),
                                            QStringLiteral("tool_choice"));
    } else if (toolChoice.isObject()) {
        const QString name = toolChoice.toObject()
                                 .value(QLatin1String("function"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        if (name.isEmpty())
            return ApiError::untranslatable(tr("tool_choice must name a function."),
                                            QStringLiteral("tool_choice"));
        choice = QJsonObject{{QLatin1String("type"), QLatin1String("tool")},
                             {QLatin1String("name"), name}};
    }
    if (chat.value(QLatin1String("parallel_tool_calls")) == QJsonValue(false) && !tools.isEmpty()) {
        if (choice.isEmpty())
            choice.insert(QLatin1String("type"), QLatin1String("auto"));
        choice.insert(QLatin1String("disable_parallel_tool_use"), true);
    }
    if (!choice.isEmpty() && !tools.isEmpty())
        out.insert(QLatin1String("tool_choice"), choice);
    return out;
}

} // namespace gatehouse

namespace gatehouse {

namespace {
QByteArray sse(const char *event, const QJsonObject &data)
{
    return QByteArray("event: ") + event +
           "\ndata: " + QJsonDocument(data).toJson(QJsonDocument::Compact) + "\n\n";
}
} // namespace

QString ChatToMessages::stopReason(const QString &finishReason)
{
    if (finishReason == QLatin1String("length"))
        return QStringLiteral("max_tokens");
    if (finishReason == QLatin1String("tool_calls") ||
        finishReason == QLatin1String("function_call"))
        return QStringLiteral("tool_use");
    if (finishReason == QLatin1String("content_filter"))
        return QStringLiteral("refusal");
    return QStringLiteral("end_turn");
}

QJsonObject ChatToMessages::usage(const QJsonObject &u)
{
    const int cached = u.value(QLatin1String("prompt_tokens_details"))
                           .toObject()
                           .value(QLatin1String("cached_tokens"))
                           .toInt();
    return QJsonObject{
        {QLatin1String("input_tokens"), u.value(QLatin1String("prompt_tokens")).toInt() - cached},
        {QLatin1String("cache_read_input_tokens"), cached},
        {QLatin1String("output_tokens"), u.value(QLatin1String("completion_tokens")).toInt()}};
}

QJsonObject ChatToMessages::translateResponse(const QJsonObject &completion)
{
    const QJsonObject choice =
        completion.value(QLatin1String("choices")).toArray().at(0).toObject();
    const QJsonObject message = choice.value(QLatin1String("message")).toObject();
    QJsonArray content;
    QString reasoning = message.value(QLatin1String("reasoning_content")).toString();
    if (reasoning.isEmpty())
        reasoning = message.value(QLatin1String("reasoning")).toString();
    if (!reasoning.isEmpty())
        content.append(QJsonObject{{QLatin1String("type"), QLatin1String("thinking")},
                                   {QLatin1String("thinking"), reasoning},
                                   {QLatin1String("signature"), QString()}});
    const QString text = message.value(QLatin1String("content")).toString();
    if (!text.isEmpty())
        content.append(QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                   {QLatin1String("text"), text}});
    for (const QJsonValue v : message.value(QLatin1String("tool_calls")).toArray()) {
        const QJsonObject call = v.toObject();
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        const QJsonDocument args =
            QJsonDocument::fromJson(function.value(QLatin1String("arguments")).toString().toUtf8());
        content.append(
            QJsonObject{{QLatin1String("type"), QLatin1String("tool_use")},
                        {QLatin1String("id"), call.value(QLatin1String("id"))},
                        {QLatin1String("name"), function.value(QLatin1String("name"))},
                        {QLatin1String("input"), args.isObject() ? args.object() : QJsonObject()}});
    }
    return QJsonObject{
        {QLatin1String("id"), completion.value(QLatin1String("id"))},
        {QLatin1String("type"), QLatin1String("message")},
        {QLatin1String("role"), QLatin1String("assistant")},
        {QLatin1String("model"), completion.value(QLatin1String("model"))},
        {QLatin1String("content"), content},
        {QLatin1String("stop_reason"),
         stopReason(choice.value(QLatin1String("finish_reason")).toString())},
        {QLatin1String("stop_sequence"), QJsonValue()},
        {QLatin1String("usage"), usage(completion.value(QLatin1String("usage")).toObject())}};
}

QByteArray ChatStreamToMessages::feed(QByteArrayView bytes)
{
    QByteArray out;
    for (const SseParser::Event &e : m_parser.feed(bytes))
        out += handle(e.data);
    return out;
}

QByteArray ChatStreamToMessages::start(const QJsonObject &chunk)
{
    m_started = true;
    const QJsonObject message{
        {QLatin1String("id"),
         chunk.value(QLatin1String("id")).toString(QStringLiteral("msg_gatehouse"))},
        {QLatin1String("type"), QLatin1String("message")},
        {QLatin1String("role"), QLatin1String("assistant")},
        {QLatin1String("model"), chunk.value(QLatin1String("model"))},
        {QLatin1String("content"), QJsonArray()},
        {QLatin1String("stop_reason"), QJsonValue()},
        {QLatin1String("stop_sequence"), QJsonValue()},
        {QLatin1String("usage"),
         QJsonObject{{QLatin1String("input_tokens"), 0}, {QLatin1String("output_tokens"), 0}}}};
    return sse("message_start", QJsonObject{{QLatin1String("type"), QLatin1String("message_start")},
                                            {QLatin1String("message"), message}});
}

QByteArray ChatStreamToMessages::closeBlock()
{
    if (m_block == Block::None)
        return {};
    m_block = Block::None;
    return sse("content_block_stop",
               QJsonObject{{QLatin1String("type"), QLatin1String("content_block_stop")},
                           {QLatin1String("index"), m_blockIndex}});
}

QByteArray ChatStreamToMessages::openBlock(Block kind, const QJsonObject &contentBlock)
{
    QByteArray out = closeBlock();
    m_block = kind;
    ++m_blockIndex;
    out += sse("content_block_start",
               QJsonObject{{QLatin1String("type"), QLatin1String("content_block_start")},
                           {QLatin1String("index"), m_blockIndex},
                           {QLatin1String("content_block"), contentBlock}});
    return out;
}

QByteArray ChatStreamToMessages::finish()
{
    m_complete = true;
    QByteArray out = closeBlock();
    QJsonObject usage = ChatToMessages::usage(m_usage);
    out += sse("message_delta",
               QJsonObject{{QLatin1String("type"), QLatin1String("message_delta")},
                           {QLatin1String("delta"),
                            QJsonObject{{QLatin1String("stop_reason"), m_stopReason},
                                        {QLatin1String("stop_sequence"), QJsonValue()}}},
                           {QLatin1String("usage"), usage}});
    out += sse("message_stop", QJsonObject{{QLatin1String("type"), QLatin1String("message_stop")}});
    return out;
}

QByteArray ChatStreamToMessages::handle(const QByteArray &data)
{
    if (m_complete || m_failed)
        return {};
    if (data.trimmed() == "[DONE]") {
        QByteArray out;
        if (!m_started)
            out += start({});
        return out + finish();
    }
    const QJsonObject chunk = QJsonDocument::fromJson(data).object();
    if (chunk.value(QLatin1String("error")).isObject()) {
        m_failed = true;
        const QJsonObject e = chunk.value(QLatin1String("error")).toObject();
        const ApiError error{502, {}, {}, e.value(QLatin1String("message")).toString(), {}};
        return error.streamEvent(ApiShape::Anthropic);
    }
    QByteArray out;
    if (!m_started)
        out += start(chunk);
    if (chunk.value(QLatin1String("usage")).isObject())
        m_usage = chunk.value(QLatin1String("usage")).toObject();
    const QJsonObject choice = chunk.value(QLatin1String("choices")).toArray().at(0).toObject();
    const QJsonObject delta = choice.value(QLatin1String("delta")).toObject();

    QString reasoning = delta.value(QLatin1String("reasoning_content")).toString();
    if (reasoning.isEmpty())
        reasoning = delta.value(QLatin1String("reasoning")).toString();
    if (!reasoning.isEmpty()) {
        if (m_block != Block::Thinking)
            out += openBlock(Block::Thinking,
                             QJsonObject{{QLatin1String("type"), QLatin1String("thinking")},
                                         {QLatin1String("thinking"), QString()}});
        out +=
            sse("content_block_delta",
                QJsonObject{{QLatin1String("type"), QLatin1String("content_block_delta")},
                            {QLatin1String("index"), m_blockIndex},
                            {QLatin1String("delta"),
                             QJsonObject{{QLatin1String("type"), QLatin1String("thinking_delta")},
                                         {QLatin1String("thinking"), reasoning}}}});
    }
    const QString text = delta.value(QLatin1String("content")).toString();
    if (!text.isEmpty()) {
        if (m_block != Block::Text)
            out +=
                openBlock(Block::Text, QJsonObject{{QLatin1String("type"), QLatin1String("text")},
                                                   {QLatin1String("text"), QString()}});
        out += sse("content_block_delta",
                   QJsonObject{{QLatin1String("type"), QLatin1String("content_block_delta")},
                               {QLatin1String("index"), m_blockIndex},
                               {QLatin1String("delta"),
                                QJsonObject{{QLatin1String("type"), QLatin1String("text_delta")},
                                            {QLatin1String("text"), text}}}});
    }
    for (const QJsonValue v : delta.value(QLatin1String("tool_calls")).toArray()) {
        const QJsonObject call = v.toObject();
        const int index = call.value(QLatin1String("index")).toInt();
        const QJsonObject function = call.value(QLatin1String("function")).toObject();
        if (!m_toolBlock.contains(index) || (m_block == Block::Tool && m_currentTool != index &&
                                             call.contains(QLatin1String("id")))) {
            out += openBlock(
                Block::Tool,
                QJsonObject{{QLatin1String("type"), QLatin1String("tool_use")},
                            {QLatin1String("id"), call.value(QLatin1String("id"))},
                            {QLatin1String("name"), function.value(QLatin1String("name"))},
                            {QLatin1String("input"), QJsonObject()}});
            m_toolBlock.insert(index, m_blockIndex);
            m_currentTool = index;
        }
        const QString arguments = function.value(QLatin1String("arguments")).toString();
        if (!arguments.isEmpty())
            out += sse(
                "content_block_delta",
                QJsonObject{{QLatin1String("type"), QLatin1String("content_block_delta")},
                            {QLatin1String("index"), m_toolBlock.value(index)},
                            {QLatin1String("delta"),
                             QJsonObject{{QLatin1String("type"), QLatin1String("input_json_delta")},
                                         {QLatin1String("partial_json"), arguments}}}});
    }
    const QJsonValue finish = choice.value(QLatin1String("finish_reason"));
    if (finish.isString())
        m_stopReason = ChatToMessages::stopReason(finish.toString());
    return out;
}

} // namespace gatehouse
