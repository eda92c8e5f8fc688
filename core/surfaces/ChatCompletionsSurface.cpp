#include "ChatCompletionsSurface.h"

#include "Json.h"
#include "ToolShapes.h"
#include "UsageScanner.h"
#include "util/TextMatch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

namespace gatehouse {

using namespace conversation;
using Type = StreamEvent::Type;
using DeltaKind = StreamEvent::DeltaKind;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ChatCompletionsSurface", text);
}

using json::k;

// Images up to 20 MB, OpenAI's own limit; other surfaces check theirs when encoding.
constexpr qsizetype maxImageBase64 = qsizetype{20} * 1024 * 1024 * 4 / 3 + 4;

std::variant<Part, ApiError> imagePart(const QJsonObject &part, const QString &where)
{
    const QJsonObject image = part.value(k("image_url")).toObject();
    const QString url = image.value(k("url")).toString();
    if (url.isEmpty())
        return ApiError::untranslatable(tr("%1.image_url.url is required.").arg(where), where);
    Part p;
    p.kind = Part::Kind::Image;
    p.detail = image.value(k("detail")).toString();
    if (url.startsWith(QLatin1String("data:"))) {
        if (!parseDataUrl(url, &p.mediaType, &p.data))
            return ApiError::untranslatable(
                tr("%1 must be a base64 data URL (data:image/png;base64,...).").arg(where), where);
        if (!isSupportedImageType(p.mediaType))
            return ApiError::untranslatable(
                tr("%1 has media type \"%2\"; use image/jpeg, image/png, image/gif or image/webp.")
                    .arg(where, p.mediaType),
                where);
        if (p.data.size() > maxImageBase64)
            return ApiError::untranslatable(tr("%1 is larger than 20 MB.").arg(where), where);
        return p;
    }
    if (!isWebUrl(url))
        return ApiError::untranslatable(
            tr("%1 must be an http(s) URL or a base64 data URL.").arg(where), where);
    p.url = url;
    return p;
}

std::variant<Part, ApiError> filePart(const QJsonObject &part, const QString &where)
{
    const QJsonObject file = part.value(k("file")).toObject();
    Part p;
    p.kind = Part::Kind::File;
    p.filename = file.value(k("filename")).toString();
    p.fileId = file.value(k("file_id")).toString();
    const QString data = file.value(k("file_data")).toString();
    if (!data.isEmpty() && !parseDataUrl(data, &p.mediaType, &p.data)) {
        p.mediaType = QStringLiteral("application/pdf");
        p.data = data;
    }
    if (p.data.isEmpty() && p.fileId.isEmpty())
        return ApiError::untranslatable(tr("%1.file needs file_data or file_id.").arg(where),
                                        where);
    return p;
}

// Message content (a string or an array of parts) as parts.
std::variant<QList<Part>, ApiError> contentParts(const QJsonValue &content, const QString &where,
                                                 bool user)
{
    QList<Part> parts;
    if (content.isNull() || content.isUndefined())
        return parts;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            parts << Part::textPart(content.toString());
        return parts;
    }
    if (!content.isArray())
        return ApiError::untranslatable(
            tr("%1.content must be a string or an array of content parts.").arg(where),
            where + QStringLiteral(".content"));
    const QJsonArray list = content.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString partWhere = QStringLiteral("%1.content[%2]").arg(where).arg(i);
        const QJsonObject part = list.at(i).toObject();
        const QString type = part.value(k("type")).toString();
        if (type == QLatin1String("text")) {
            if (!part.value(k("text")).isString())
                return ApiError::untranslatable(tr("%1.text must be a string.").arg(partWhere),
                                                partWhere);
            parts << Part::textPart(part.value(k("text")).toString());
        } else if (type == QLatin1String("refusal") && !user) {
            Part p;
            p.kind = Part::Kind::Refusal;
            p.text = part.value(k("refusal")).toString();
            parts << p;
        } else if (type == QLatin1String("image_url") && user) {
            auto image = imagePart(part, partWhere);
            if (auto *e = std::get_if<ApiError>(&image))
                return *e;
            parts << std::get<Part>(image);
        } else if (type == QLatin1String("file") && user) {
            auto file = filePart(part, partWhere);
            if (auto *e = std::get_if<ApiError>(&file))
                return *e;
            parts << std::get<Part>(file);
        } else {
            return ApiError::untranslatable(
                tr("%1 has type \"%2\", which this provider cannot take here.")
                    .arg(partWhere, type),
                partWhere);
        }
    }
    return parts;
}

} // namespace

QUrl ChatCompletionsSurface::url(const QUrl &baseUrl, Operation operation) const
{
    QUrl url = baseUrl;
    const QString base = baseUrl.path();
    switch (operation) {
    case Operation::Generate:
        url.setPath(base + QLatin1String("/chat/completions"));
        return url;
    case Operation::Embeddings:
        url.setPath(base + QLatin1String("/embeddings"));
        return url;
    case Operation::ListModels:
        url.setPath(base + QLatin1String("/models"));
        return url;
    case Operation::CountTokens:
    case Operation::Complete:
        break;
    }
    return {};
}

HttpHeaders ChatCompletionsSurface::credentials(const QByteArray &key) const
{
    if (key.isEmpty())
        return {};
    return {{QByteArrayLiteral("authorization"), "Bearer " + key}};
}

namespace {

// Watches a Chat Completions stream relayed as it is: complete when its last event is
// [DONE] (not when the text of some event merely says so); usage comes in its last chunks.
class ChatStreamObserver : public StreamObserver
{
public:
    void observe(QByteArrayView bytes) override
    {
        for (const SseParser::Event &e : m_parser.feed(bytes)) {
            m_complete = QByteArrayView(e.data).trimmed() == "[DONE]";
            if (!m_complete && containsBytes(e.data, "\"usage\""))
                m_scanner.scan(e.data);
        }
    }
    bool isComplete() const override { return m_complete; }
    Usage usage() const override { return m_scanner.usage(); }

private:
    SseParser m_parser;
    bool m_complete = false;
    UsageScanner m_scanner;
};

} // namespace

std::unique_ptr<StreamObserver> ChatCompletionsSurface::streamObserver() const
{
    return std::make_unique<ChatStreamObserver>();
}

// ---- requests

std::variant<Request, ApiError> ChatCompletionsSurface::decodeRequest(const QJsonObject &in) const
{
    // A field of the wrong shape is refused, never dropped on the way to another surface.
    if (auto misshapen = json::checkShapes(in, {{"tools", json::Shape::ArrayOfObjects},
                                                {"tool_choice", json::Shape::StringOrObject},
                                                {"stop", json::Shape::StringOrArrayOfStrings},
                                                {"messages", json::Shape::ArrayOfObjects}}))
        return *misshapen;
    Request r;
    r.origin = ApiSurface::OpenAi;
    r.model = in.value(k("model")).toString();
    QSet<QString> openToolCalls; // calls made that still await a result
    const QJsonArray messages = in.value(k("messages")).toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString where = QStringLiteral("messages[%1]").arg(i);
        const QJsonObject m = messages.at(i).toObject();
        const QString role = m.value(k("role")).toString();
        Message message;
        if (role == QLatin1String("system") || role == QLatin1String("developer")) {
            message.role = role == QLatin1String("system") ? Role::System : Role::Developer;
            auto parts = contentParts(m.value(k("content")), where, false);
            if (auto *e = std::get_if<ApiError>(&parts))
                return *e;
            message.parts = std::get<QList<Part>>(parts);
        } else if (role == QLatin1String("user")) {
            message.role = Role::User;
            auto parts = contentParts(m.value(k("content")), where, true);
            if (auto *e = std::get_if<ApiError>(&parts))
                return *e;
            message.parts = std::get<QList<Part>>(parts);
        } else if (role == QLatin1String("assistant")) {
            message.role = Role::Assistant;
            QString reasoning = m.value(k("reasoning_content")).toString();
            if (reasoning.isEmpty())
                reasoning = m.value(k("reasoning")).toString();
            if (!reasoning.isEmpty()) {
                Part thinking;
                thinking.kind = Part::Kind::Thinking;
                thinking.text = reasoning;
                message.parts << thinking;
            }
            auto parts = contentParts(m.value(k("content")), where, false);
            if (auto *e = std::get_if<ApiError>(&parts))
                return *e;
            message.parts << std::get<QList<Part>>(parts);
            if (m.value(k("refusal")).isString() && !m.value(k("refusal")).toString().isEmpty()) {
                Part refusal;
                refusal.kind = Part::Kind::Refusal;
                refusal.text = m.value(k("refusal")).toString();
                message.parts << refusal;
            }
            const QJsonArray calls = m.value(k("tool_calls")).toArray();
            for (qsizetype c = 0; c < calls.size(); ++c) {
                const QString callWhere = QStringLiteral("%1.tool_calls[%2]").arg(where).arg(c);
                const QJsonObject call = calls.at(c).toObject();
                Part p;
                p.kind = Part::Kind::ToolCall;
                p.callId = call.value(k("id")).toString();
                if (call.value(k("type")).toString() == QLatin1String("custom")) {
                    const QJsonObject custom = call.value(k("custom")).toObject();
                    p.toolKind = ToolKind::Custom;
                    p.name = custom.value(k("name")).toString();
                    p.input = custom.value(k("input")).toString();
                } else {
                    const QJsonObject function = call.value(k("function")).toObject();
                    p.name = function.value(k("name")).toString();
                    p.arguments = function.value(k("arguments")).toString();
                    if (!json::isObjectText(p.arguments))
                        return ApiError::untranslatable(
                            tr("%1.function.arguments must be a JSON object in a string.")
                                .arg(callWhere),
                            callWhere + QStringLiteral(".function.arguments"));
                }
                if (p.callId.isEmpty() || p.name.isEmpty())
                    return ApiError::untranslatable(
                        tr("%1 needs an id and a function name.").arg(callWhere), callWhere);
                // A result names its call by id: two waiting calls with one id are ambiguous.
                if (openToolCalls.contains(p.callId))
                    return ApiError::untranslatable(
                        tr("%1 has the id \"%2\" of another call still waiting for its result.")
                            .arg(callWhere, p.callId),
                        callWhere + QStringLiteral(".id"));
                openToolCalls.insert(p.callId);
                message.parts << p;
            }
        } else if (role == QLatin1String("tool")) {
            message.role = Role::Tool;
            const QString id = m.value(k("tool_call_id")).toString();
            if (!openToolCalls.contains(id))
                return ApiError::untranslatable(
                    tr("%1 answers tool call \"%2\", which no earlier assistant message made.")
                        .arg(where, id),
                    where + QStringLiteral(".tool_call_id"));
            openToolCalls.remove(id);
            Part result;
            result.kind = Part::Kind::ToolResult;
            result.callId = id;
            auto parts = contentParts(m.value(k("content")), where, true);
            if (auto *e = std::get_if<ApiError>(&parts))
                return *e;
            result.content = std::get<QList<Part>>(parts);
            message.parts << result;
        } else {
            return ApiError::untranslatable(
                tr("%1.role \"%2\" is unknown; use system, developer, user, assistant or tool.")
                    .arg(where, role),
                where + QStringLiteral(".role"));
        }
        r.messages << message;
    }

    const QJsonValue maxTokens = in.contains(k("max_completion_tokens"))
                                     ? in.value(k("max_completion_tokens"))
                                     : in.value(k("max_tokens"));
    if (!maxTokens.isUndefined() && !maxTokens.isNull()) {
        if (!maxTokens.isDouble() || maxTokens.toInteger() < 1)
            return ApiError::untranslatable(tr("max_tokens must be a positive integer."),
                                            QStringLiteral("max_tokens"));
        r.maxOutputTokens = maxTokens.toInteger();
    }
    if (in.value(k("temperature")).isDouble())
        r.temperature = in.value(k("temperature")).toDouble();
    if (in.value(k("top_p")).isDouble())
        r.topP = in.value(k("top_p")).toDouble();
    const QJsonValue stop = in.value(k("stop"));
    if (stop.isString())
        r.stop << stop.toString();
    for (const QJsonValue s : stop.toArray())
        r.stop << s.toString();
    r.choices = in.value(k("n")).toInt(1);
    r.stream = in.value(k("stream")).toBool();
    r.streamUsage = in.value(k("stream_options")).toObject().value(k("include_usage")).toBool();
    r.user = in.value(k("user")).toString();
    r.promptCacheKey = in.value(k("prompt_cache_key")).toString();
    r.reasoning.effort = in.value(k("reasoning_effort")).toString();
    if (in.value(k("parallel_tool_calls")).isBool())
        r.parallelToolCalls = in.value(k("parallel_tool_calls")).toBool();

    const QJsonObject format = in.value(k("response_format")).toObject();
    r.responseFormat = ResponseFormat::fromOpenAi(format.value(k("type")).toString(),
                                                  format.value(k("json_schema")).toObject());

    const QJsonArray tools = in.value(k("tools")).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject tool = tools.at(i).toObject();
        const QString type = tool.value(k("type")).toString();
        ToolDefinition t;
        if (type == QLatin1String("custom")) {
            const QJsonObject custom = tool.value(k("custom")).toObject();
            t.kind = ToolKind::Custom;
            t.name = custom.value(k("name")).toString();
            t.description = custom.value(k("description")).toString();
            t.format = custom.value(k("format")).toObject();
        } else {
            const QJsonObject function = tool.value(k("function")).toObject();
            t.name = function.value(k("name")).toString();
            t.description = function.value(k("description")).toString();
            t.parameters = function.value(k("parameters")).toObject();
            if (function.value(k("strict")).isBool())
                t.strict = function.value(k("strict")).toBool();
            if (type != QLatin1String("function"))
                t.name.clear();
        }
        if (t.name.isEmpty())
            return ApiError::untranslatable(tr("tools[%1] must be a function with a name.").arg(i),
                                            QStringLiteral("tools[%1]").arg(i));
        r.tools << t;
    }
    const QJsonValue toolChoice = in.value(k("tool_choice"));
    if (toolChoice.isString()) {
        const QString c = toolChoice.toString();
        if (c == QLatin1String("auto"))
            r.toolChoice.mode = ToolChoice::Mode::Auto;
        else if (c == QLatin1String("none"))
            r.toolChoice.mode = ToolChoice::Mode::None;
        else if (c == QLatin1String("required"))
            r.toolChoice.mode = ToolChoice::Mode::Required;
        else
            return ApiError::untranslatable(tr("tool_choice \"%1\" is unknown.").arg(c),
                                            QStringLiteral("tool_choice"));
    } else if (toolChoice.isObject()) {
        const QJsonObject c = toolChoice.toObject();
        const bool custom = c.value(k("type")).toString() == QLatin1String("custom");
        const QString name =
            c.value(custom ? k("custom") : k("function")).toObject().value(k("name")).toString();
        if (name.isEmpty())
            return ApiError::untranslatable(tr("tool_choice must name a function."),
                                            QStringLiteral("tool_choice"));
        r.toolChoice.mode = ToolChoice::Mode::Named;
        r.toolChoice.name = name;
        r.toolChoice.toolKind = custom ? ToolKind::Custom : ToolKind::Function;
    }
    for (const char *extra :
         {"seed", "presence_penalty", "frequency_penalty", "logprobs", "top_logprobs", "logit_bias",
          "prediction", "modalities", "audio", "verbosity", "web_search_options"}) {
        if (in.contains(k(extra)))
            r.surfaceExtras.insert(k(extra), in.value(k(extra)));
    }
    return r;
}

std::variant<QJsonObject, ApiError>
ChatCompletionsSurface::encodeRequest(const Request &r, const QString &model) const
{
    QJsonArray messages;
    for (const Message &m : r.messages) {
        switch (m.role) {
        case Role::System:
        case Role::Developer: {
            // "developer" is not known to most local servers; "system" is to all.
            QStringList texts;
            for (const Part &p : m.parts) {
                if (p.kind == Part::Kind::Text)
                    texts << p.text;
            }
            if (!texts.isEmpty())
                messages.append(QJsonObject{{k("role"), k("system")},
                                            {k("content"), texts.join(QLatin1Char('\n'))}});
            break;
        }
        case Role::User: {
            QJsonArray parts;
            bool onlyText = true;
            for (const Part &p : m.parts) {
                if (p.kind == Part::Kind::Text) {
                    parts.append(QJsonObject{{k("type"), k("text")}, {k("text"), p.text}});
                } else if (p.kind == Part::Kind::Image) {
                    onlyText = false;
                    if (p.url.isEmpty() && p.data.isEmpty())
                        return ApiError::untranslatable(
                            tr("An image given by file id (%1) cannot be sent to this provider; "
                               "send the image itself.")
                                .arg(p.fileId),
                            QStringLiteral("messages"));
                    QJsonObject image{
                        {k("url"), p.url.isEmpty() ? dataUrl(p.mediaType, p.data) : p.url}};
                    if (!p.detail.isEmpty())
                        image.insert(k("detail"), p.detail);
                    parts.append(QJsonObject{{k("type"), k("image_url")}, {k("image_url"), image}});
                } else if (p.kind == Part::Kind::File) {
                    onlyText = false;
                    QJsonObject file;
                    if (!p.data.isEmpty())
                        file.insert(k("file_data"), dataUrl(p.mediaType, p.data));
                    if (!p.fileId.isEmpty())
                        file.insert(k("file_id"), p.fileId);
                    if (!p.filename.isEmpty())
                        file.insert(k("filename"), p.filename);
                    if (!p.url.isEmpty() && p.data.isEmpty() && p.fileId.isEmpty())
                        return ApiError::untranslatable(
                            tr("A document given by URL (%1) cannot be sent to this provider; "
                               "send its content instead.")
                                .arg(p.url),
                            QStringLiteral("messages"));
                    parts.append(QJsonObject{{k("type"), k("file")}, {k("file"), file}});
                }
            }
            if (parts.isEmpty())
                break;
            if (onlyText && parts.size() == 1)
                messages.append(
                    QJsonObject{{k("role"), k("user")},
                                {k("content"), parts.at(0).toObject().value(k("text"))}});
            else
                messages.append(QJsonObject{{k("role"), k("user")}, {k("content"), parts}});
            break;
        }
        case Role::Assistant: {
            QStringList texts;
            QString refusal;
            QJsonArray calls;
            for (const Part &p : m.parts) {
                if (p.kind == Part::Kind::Text) {
                    texts << p.text;
                } else if (p.kind == Part::Kind::Refusal) {
                    refusal += p.text;
                } else if (p.kind == Part::Kind::ToolCall) {
                    const QString name = flatName(p.toolNamespace, p.name);
                    calls.append(QJsonObject{
                        {k("id"), p.callId},
                        {k("type"), k("function")},
                        {k("function"),
                         QJsonObject{{k("name"), name},
                                     {k("arguments"), toolshapes::functionArguments(p)}}}});
                }
                // Earlier reasoning is the model's own scratch work; Chat Completions takes
                // none back.
            }
            QJsonObject out{
                {k("role"), k("assistant")},
                {k("content"), texts.isEmpty() ? QJsonValue() : QJsonValue(texts.join(QString()))}};
            if (!refusal.isEmpty())
                out.insert(k("refusal"), refusal);
            if (!calls.isEmpty())
                out.insert(k("tool_calls"), calls);
            if (texts.isEmpty() && calls.isEmpty() && refusal.isEmpty())
                break;
            messages.append(out);
            break;
        }
        case Role::Tool:
            for (const Part &p : m.parts) {
                if (p.kind != Part::Kind::ToolResult)
                    continue;
                QString text = p.resultText();
                if (p.isError)
                    text = QStringLiteral("Error: ") + text;
                messages.append(QJsonObject{
                    {k("role"), k("tool")}, {k("tool_call_id"), p.callId}, {k("content"), text}});
            }
            break;
        }
    }

    QJsonObject out{{k("model"), model}, {k("messages"), messages}};
    if (r.maxOutputTokens)
        out.insert(k("max_tokens"), *r.maxOutputTokens);
    if (r.temperature)
        out.insert(k("temperature"), *r.temperature);
    if (r.topP)
        out.insert(k("top_p"), *r.topP);
    if (!r.stop.isEmpty())
        out.insert(k("stop"), QJsonArray::fromStringList(r.stop));
    if (r.choices != 1)
        out.insert(k("n"), r.choices);
    if (r.stream) {
        out.insert(k("stream"), true);
        // Always asked for, so usage can be counted and reported back.
        out.insert(k("stream_options"), QJsonObject{{k("include_usage"), true}});
    }
    if (!r.user.isEmpty())
        out.insert(k("user"), r.user);
    if (!r.promptCacheKey.isEmpty())
        out.insert(k("prompt_cache_key"), r.promptCacheKey);
    QString effort = r.reasoning.effort;
    if (effort.isEmpty() && r.reasoning.enabled.value_or(false) && r.reasoning.budgetTokens > 0)
        effort = r.reasoning.budgetTokens <= 2048   ? QStringLiteral("low")
                 : r.reasoning.budgetTokens <= 8192 ? QStringLiteral("medium")
                                                    : QStringLiteral("high");
    if (!effort.isEmpty() && effort != QLatin1String("none"))
        out.insert(k("reasoning_effort"), effort);
    switch (r.responseFormat.kind) {
    case ResponseFormat::Kind::JsonObject:
        out.insert(k("response_format"), QJsonObject{{k("type"), k("json_object")}});
        break;
    case ResponseFormat::Kind::JsonSchema:
        out.insert(k("response_format"),
                   QJsonObject{{k("type"), k("json_schema")},
                               {k("json_schema"), r.responseFormat.openAiSchemaFields()}});
        break;
    case ResponseFormat::Kind::Text:
    case ResponseFormat::Kind::Unset:
        break;
    }
    if (r.origin == ApiSurface::OpenAi) {
        for (auto it = r.surfaceExtras.begin(); it != r.surfaceExtras.end(); ++it)
            out.insert(it.key(), it.value());
    }

    QJsonArray tools;
    for (const ToolDefinition &t : r.tools) {
        if (t.kind == ToolKind::Hosted)
            continue; // run by the client's provider only; named in x-gatehouse-dropped-tools
        QJsonObject function{{k("name"), t.flatName()},
                             {k("parameters"), toolshapes::functionParameters(t)}};
        const QString description = toolshapes::functionDescription(t);
        if (!description.isEmpty())
            function.insert(k("description"), description);
        if (t.strict && t.kind == ToolKind::Function)
            function.insert(k("strict"), *t.strict);
        tools.append(QJsonObject{{k("type"), k("function")}, {k("function"), function}});
    }
    if (!tools.isEmpty()) {
        out.insert(k("tools"), tools);
        switch (r.toolChoice.mode) {
        case ToolChoice::Mode::Auto:
            out.insert(k("tool_choice"), k("auto"));
            break;
        case ToolChoice::Mode::None:
            out.insert(k("tool_choice"), k("none"));
            break;
        case ToolChoice::Mode::Required:
            out.insert(k("tool_choice"), k("required"));
            break;
        case ToolChoice::Mode::Named: {
            const QString name = flatName(r.toolChoice.toolNamespace, r.toolChoice.name);
            out.insert(k("tool_choice"),
                       QJsonObject{{k("type"), k("function")},
                                   {k("function"), QJsonObject{{k("name"), name}}}});
            break;
        }
        case ToolChoice::Mode::Unset:
            break;
        }
        if (r.parallelToolCalls)
            out.insert(k("parallel_tool_calls"), *r.parallelToolCalls);
    }
    return out;
}

// ---- whole answers

StopReason ChatCompletionsSurface::stopReason(const QString &finishReason)
{
    if (finishReason == QLatin1String("length"))
        return StopReason::MaxTokens;
    if (finishReason == QLatin1String("tool_calls") ||
        finishReason == QLatin1String("function_call"))
        return StopReason::ToolUse;
    if (finishReason == QLatin1String("content_filter"))
        return StopReason::ContentFilter;
    return StopReason::EndTurn;
}

QString ChatCompletionsSurface::finishReason(StopReason reason)
{
    switch (reason) {
    case StopReason::MaxTokens:
        return QStringLiteral("length");
    case StopReason::ToolUse:
        return QStringLiteral("tool_calls");
    case StopReason::ContentFilter:
    case StopReason::Refusal:
        return QStringLiteral("content_filter");
    case StopReason::EndTurn:
    case StopReason::StopSequence:
    case StopReason::PauseTurn:
    case StopReason::Unknown:
        break;
    }
    return QStringLiteral("stop");
}

Usage ChatCompletionsSurface::usage(const QJsonObject &u)
{
    Usage out;
    out.inputTokens = json::integer(u.value(k("prompt_tokens")));
    out.outputTokens = json::integer(u.value(k("completion_tokens")));
    out.cachedInputTokens =
        json::integer(u.value(k("prompt_tokens_details")).toObject().value(k("cached_tokens")));
    out.reasoningTokens = json::integer(
        u.value(k("completion_tokens_details")).toObject().value(k("reasoning_tokens")));
    return out;
}

QJsonObject ChatCompletionsSurface::usageJson(const Usage &u)
{
    const qint64 prompt = std::max<qint64>(0, u.inputTokens);
    const qint64 completion = std::max<qint64>(0, u.outputTokens);
    QJsonObject out{{k("prompt_tokens"), prompt},
                    {k("completion_tokens"), completion},
                    {k("total_tokens"), prompt + completion},
                    {k("prompt_tokens_details"),
                     QJsonObject{{k("cached_tokens"), std::max<qint64>(0, u.cachedInputTokens)}}}};
    if (u.reasoningTokens >= 0)
        out.insert(k("completion_tokens_details"),
                   QJsonObject{{k("reasoning_tokens"), u.reasoningTokens}});
    return out;
}

std::variant<Response, ApiError> ChatCompletionsSurface::decodeResponse(const QJsonObject &in) const
{
    if (!in.value(k("choices")).isArray())
        return ApiError::badGateway(tr("The provider answered with something that is not a Chat "
                                       "Completions response."),
                                    QStringLiteral("upstream_malformed"));
    Response r;
    r.id = in.value(k("id")).toString();
    r.model = in.value(k("model")).toString();
    r.created = json::integer(in.value(k("created")), 0);
    const QJsonObject choice = in.value(k("choices")).toArray().at(0).toObject();
    const QJsonObject message = choice.value(k("message")).toObject();
    QString reasoning = message.value(k("reasoning_content")).toString();
    if (reasoning.isEmpty())
        reasoning = message.value(k("reasoning")).toString();
    if (!reasoning.isEmpty()) {
        Part thinking;
        thinking.kind = Part::Kind::Thinking;
        thinking.text = reasoning;
        r.parts << thinking;
    }
    const QString text = message.value(k("content")).toString();
    if (!text.isEmpty())
        r.parts << Part::textPart(text);
    if (!message.value(k("refusal")).toString().isEmpty()) {
        Part refusal;
        refusal.kind = Part::Kind::Refusal;
        refusal.text = message.value(k("refusal")).toString();
        r.parts << refusal;
    }
    for (const QJsonValue v : message.value(k("tool_calls")).toArray()) {
        const QJsonObject call = v.toObject();
        const QJsonObject function = call.value(k("function")).toObject();
        Part p;
        p.kind = Part::Kind::ToolCall;
        p.callId = call.value(k("id")).toString();
        p.name = function.value(k("name")).toString();
        p.arguments = function.value(k("arguments")).toString();
        r.parts << p;
    }
    r.stopReason = stopReason(choice.value(k("finish_reason")).toString());
    r.usage = usage(in.value(k("usage")).toObject());
    return r;
}

QJsonObject ChatCompletionsSurface::encodeResponse(const Response &r, const Request &request) const
{
    Q_UNUSED(request)
    QStringList texts;
    QStringList thinking;
    QString refusal;
    QJsonArray toolCalls;
    for (const Part &p : r.parts) {
        switch (p.kind) {
        case Part::Kind::Text:
            texts << p.text;
            break;
        case Part::Kind::Thinking:
            if (!p.text.isEmpty())
                thinking << p.text;
            break;
        case Part::Kind::Refusal:
            refusal += p.text;
            break;
        case Part::Kind::ToolCall: {
            const QString name = flatName(p.toolNamespace, p.name);
            toolCalls.append(QJsonObject{
                {k("id"), p.callId},
                {k("type"), k("function")},
                {k("function"), QJsonObject{{k("name"), name},
                                            {k("arguments"), toolshapes::functionArguments(p)}}}});
            break;
        }
        case Part::Kind::Image:
        case Part::Kind::File:
        case Part::Kind::ToolResult:
            break;
        }
    }
    QJsonObject message{
        {k("role"), k("assistant")},
        {k("content"), texts.isEmpty() ? QJsonValue() : QJsonValue(texts.join(QString()))}};
    if (!toolCalls.isEmpty())
        message.insert(k("tool_calls"), toolCalls);
    if (!thinking.isEmpty())
        message.insert(k("reasoning_content"), thinking.join(QString()));
    if (!refusal.isEmpty())
        message.insert(k("refusal"), refusal);
    const QJsonObject choice{
        {k("index"), 0}, {k("message"), message}, {k("finish_reason"), finishReason(r.stopReason)}};
    return QJsonObject{{k("id"), r.id.isEmpty() ? QStringLiteral("chatcmpl-gatehouse") : r.id},
                       {k("object"), k("chat.completion")},
                       {k("created"), r.created},
                       {k("model"), r.model},
                       {k("choices"), QJsonArray{choice}},
                       {k("usage"), usageJson(r.usage)}};
}

QByteArray ChatCompletionsSurface::streamError(const ApiError &error) const
{
    return error.streamEvent(ApiShape::OpenAi);
}

// ---- streams: decoding

std::unique_ptr<StreamDecoder> ChatCompletionsSurface::streamDecoder() const
{
    return std::make_unique<ChatStreamDecoder>();
}

void ChatStreamDecoder::close(StreamEvents &out)
{
    if (m_block == Block::None)
        return;
    StreamEvent stop;
    stop.type = Type::BlockStop;
    stop.index = m_blockIndex;
    stop.part = m_block == Block::Tool ? m_tools.value(m_blockIndex) : m_open;
    out << stop;
    m_block = Block::None;
}

void ChatStreamDecoder::open(Block kind, const Part &part, StreamEvents &out)
{
    close(out);
    m_block = kind;
    ++m_blockIndex;
    m_open = part;
    StreamEvent start;
    start.type = Type::BlockStart;
    start.index = m_blockIndex;
    start.part = part;
    out << start;
}

void ChatStreamDecoder::delta(int index, const QString &text, DeltaKind kind, StreamEvents &out)
{
    StreamEvent d;
    d.type = Type::BlockDelta;
    d.index = index;
    d.delta = text;
    d.deltaKind = kind;
    out << d;
}

void ChatStreamDecoder::handle(const SseParser::Event &event, const QJsonObject &json,
                               StreamEvents &out)
{
    const QByteArray &data = event.data;
    if (data.trimmed() == "[DONE]") {
        if (!m_started) {
            m_started = true;
            StreamEvent start;
            start.type = Type::Start;
            out << start;
        }
        close(out);
        m_complete = true;
        StreamEvent finish;
        finish.type = Type::Finish;
        finish.stopReason = m_stop;
        finish.usage = m_usage;
        out << finish;
        return;
    }
    const QJsonObject &chunk = json;
    if (chunk.value(k("error")).isObject()) {
        m_failed = true;
        const QJsonObject e = chunk.value(k("error")).toObject();
        StreamEvent error;
        error.type = Type::Error;
        QString message = e.value(k("message")).toString();
        if (message.isEmpty()) // the client is told something
            message = tr("The provider's stream ended with an error.");
        error.providerError = true;
        error.error = ApiError{
            502, e.value(k("type")).toString(), e.value(k("code")).toString(), message, {}};
        out << error;
        return;
    }
    if (!m_started) {
        m_started = true;
        StreamEvent start;
        start.type = Type::Start;
        start.id = chunk.value(k("id")).toString();
        start.model = chunk.value(k("model")).toString();
        out << start;
    }
    if (chunk.value(k("usage")).isObject())
        m_usage.merge(ChatCompletionsSurface::usage(chunk.value(k("usage")).toObject()));
    const QJsonObject choice = chunk.value(k("choices")).toArray().at(0).toObject();
    const QJsonObject d = choice.value(k("delta")).toObject();

    QString reasoning = d.value(k("reasoning_content")).toString();
    if (reasoning.isEmpty())
        reasoning = d.value(k("reasoning")).toString();
    if (!reasoning.isEmpty()) {
        if (m_block != Block::Thinking) {
            Part p;
            p.kind = Part::Kind::Thinking;
            open(Block::Thinking, p, out);
        }
        m_open.text += reasoning;
        delta(m_blockIndex, reasoning, DeltaKind::Text, out);
    }
    const QString text = d.value(k("content")).toString();
    if (!text.isEmpty()) {
        if (m_block != Block::Text)
            open(Block::Text, Part::textPart({}), out);
        m_open.text += text;
        delta(m_blockIndex, text, DeltaKind::Text, out);
    }
    const QString refusal = d.value(k("refusal")).toString();
    if (!refusal.isEmpty()) {
        if (m_block != Block::Refusal) {
            Part p;
            p.kind = Part::Kind::Refusal;
            open(Block::Refusal, p, out);
        }
        m_open.text += refusal;
        delta(m_blockIndex, refusal, DeltaKind::Text, out);
    }
    for (const QJsonValue v : d.value(k("tool_calls")).toArray()) {
        const QJsonObject call = v.toObject();
        const int index = call.value(k("index")).toInt();
        const QJsonObject function = call.value(k("function")).toObject();
        if (!m_toolBlock.contains(index) ||
            (m_block == Block::Tool && m_currentTool != index && call.contains(k("id")))) {
            Part p;
            p.kind = Part::Kind::ToolCall;
            p.callId = call.value(k("id")).toString();
            p.name = function.value(k("name")).toString();
            open(Block::Tool, p, out);
            m_toolBlock.insert(index, m_blockIndex);
            m_tools.insert(m_blockIndex, p);
            m_currentTool = index;
        }
        const QString arguments = function.value(k("arguments")).toString();
        if (!arguments.isEmpty()) {
            const int block = m_toolBlock.value(index);
            if (m_block != Block::Tool || block != m_blockIndex) {
                // The call's block was closed by another one: its arguments would be cut in
                // two, which no surface can carry.
                fail(ApiError::badGateway(
                         tr("The provider's stream went back to tool call %1 after another part "
                            "of the answer had begun.")
                             .arg(index),
                         QStringLiteral("upstream_invalid_stream")),
                     out);
                return;
            }
            m_tools[block].arguments += arguments;
            delta(block, arguments, DeltaKind::Arguments, out);
        }
    }
    const QJsonValue finish = choice.value(k("finish_reason"));
    if (finish.isString())
        m_stop = ChatCompletionsSurface::stopReason(finish.toString());
}

// ---- streams: encoding

std::unique_ptr<StreamEncoder> ChatCompletionsSurface::streamEncoder(const Request &request) const
{
    return std::make_unique<ChatStreamEncoder>(QDateTime::currentSecsSinceEpoch(),
                                               request.streamUsage);
}

ChatStreamEncoder::ChatStreamEncoder(qint64 created, bool includeUsage)
    : m_created(created), m_includeUsage(includeUsage)
{
}

QByteArray ChatStreamEncoder::chunk(const QJsonObject &delta, const QJsonValue &finishReason) const
{
    const QJsonObject choice{
        {k("index"), 0}, {k("delta"), delta}, {k("finish_reason"), finishReason}};
    return json::dataEvent(QJsonObject{{k("id"), m_id},
                                       {k("object"), k("chat.completion.chunk")},
                                       {k("created"), m_created},
                                       {k("model"), m_model},
                                       {k("choices"), QJsonArray{choice}}});
}

QByteArray ChatStreamEncoder::toolDelta(int toolIndex, const QString &arguments) const
{
    const QJsonObject call{{k("index"), toolIndex},
                           {k("function"), QJsonObject{{k("arguments"), arguments}}}};
    return chunk(QJsonObject{{k("tool_calls"), QJsonArray{call}}});
}

QByteArray ChatStreamEncoder::encode(const StreamEvent &event)
{
    if (m_complete)
        return {};
    switch (event.type) {
    case Type::Start:
        if (!event.id.isEmpty())
            m_id = event.id;
        m_model = event.model;
        return chunk(QJsonObject{{k("role"), k("assistant")}, {k("content"), QString()}});
    case Type::BlockStart: {
        m_kinds.insert(event.index, event.part.kind);
        if (!event.part.isToolCall())
            return {};
        const Part &call = event.part;
        const int index = m_toolCount++;
        m_toolIndex.insert(event.index, index);
        m_calls.insert(event.index, call);
        const QString name = flatName(call.toolNamespace, call.name);
        QString arguments;
        if (call.toolKind == ToolKind::Custom) {
            arguments = QStringLiteral("{\"input\":\"");
            m_argumentsSent.insert(event.index, true);
        }
        const QJsonObject entry{
            {k("index"), index},
            {k("id"), call.callId},
            {k("type"), k("function")},
            {k("function"), QJsonObject{{k("name"), name}, {k("arguments"), arguments}}}};
        return chunk(QJsonObject{{k("tool_calls"), QJsonArray{entry}}});
    }
    case Type::BlockDelta: {
        if (m_toolIndex.contains(event.index)) {
            if (event.deltaKind != DeltaKind::Arguments || event.delta.isEmpty())
                return {};
            const bool custom = m_calls.value(event.index).toolKind == ToolKind::Custom;
            m_argumentsSent.insert(event.index, true);
            return toolDelta(m_toolIndex.value(event.index),
                             custom ? json::escapedStringContent(event.delta) : event.delta);
        }
        if (event.deltaKind == DeltaKind::Signature || event.delta.isEmpty())
            return {};
        const Part::Kind kind = m_kinds.value(event.index, Part::Kind::Text);
        if (kind == Part::Kind::Thinking)
            return chunk(QJsonObject{{k("reasoning_content"), event.delta}});
        if (kind == Part::Kind::Refusal)
            return chunk(QJsonObject{{k("refusal"), event.delta}});
        return chunk(QJsonObject{{k("content"), event.delta}});
    }
    case Type::BlockStop: {
        if (!m_toolIndex.contains(event.index))
            return {};
        const Part call = event.part.isToolCall() ? event.part : m_calls.value(event.index);
        if (call.toolKind == ToolKind::Custom)
            return toolDelta(m_toolIndex.value(event.index), QStringLiteral("\"}"));
        if (!m_argumentsSent.value(event.index)) {
            // Arguments that came whole at the end (a local_shell action, say).
            const QString arguments = toolshapes::functionArguments(call);
            if (!arguments.isEmpty())
                return toolDelta(m_toolIndex.value(event.index), arguments);
        }
        return {};
    }
    case Type::Finish: {
        m_complete = true;
        QByteArray out =
            chunk(QJsonObject{}, ChatCompletionsSurface::finishReason(event.stopReason));
        if (m_includeUsage)
            out += json::dataEvent(
                QJsonObject{{k("id"), m_id},
                            {k("object"), k("chat.completion.chunk")},
                            {k("created"), m_created},
                            {k("model"), m_model},
                            {k("choices"), QJsonArray()},
                            {k("usage"), ChatCompletionsSurface::usageJson(event.usage)}});
        out += "data: [DONE]\n\n";
        return out;
    }
    case Type::Error:
        m_complete = true;
        return event.error.streamEvent(ApiShape::OpenAi);
    }
    return {};
}

} // namespace gatehouse
