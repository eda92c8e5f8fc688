#include "ResponsesSurface.h"

#include "Json.h"
#include "ToolShapes.h"
#include "UsageScanner.h"
#include "util/TextMatch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>

namespace gatehouse {

using namespace conversation;
using Type = StreamEvent::Type;
using DeltaKind = StreamEvent::DeltaKind;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ResponsesSurface", text);
}

using json::k;

// Request fields a Responses client gets echoed in the response object.
const char *const echoedFields[] = {"instructions",
                                    "max_output_tokens",
                                    "parallel_tool_calls",
                                    "previous_response_id",
                                    "reasoning",
                                    "store",
                                    "temperature",
                                    "text",
                                    "tool_choice",
                                    "tools",
                                    "top_p",
                                    "truncation",
                                    "user",
                                    "metadata",
                                    "prompt_cache_key",
                                    "service_tier",
                                    "max_tool_calls",
                                    "top_logprobs",
                                    "safety_identifier",
                                    "background"};

Role roleOf(const QString &role)
{
    if (role == QLatin1String("system"))
        return Role::System;
    if (role == QLatin1String("developer"))
        return Role::Developer;
    if (role == QLatin1String("assistant"))
        return Role::Assistant;
    return Role::User;
}

std::variant<Part, ApiError> inputPart(const QJsonObject &part, const QString &where)
{
    const QString type = part.value(k("type")).toString();
    if (type == QLatin1String("input_text") || type == QLatin1String("output_text") ||
        type == QLatin1String("text") || type == QLatin1String("summary_text"))
        return Part::textPart(part.value(k("text")).toString());
    if (type == QLatin1String("refusal")) {
        Part p;
        p.kind = Part::Kind::Refusal;
        p.text = part.value(k("refusal")).toString();
        return p;
    }
    if (type == QLatin1String("input_image")) {
        Part p;
        p.kind = Part::Kind::Image;
        p.detail = part.value(k("detail")).toString();
        p.fileId = part.value(k("file_id")).toString();
        const QString url = part.value(k("image_url")).toString();
        if (url.startsWith(QLatin1String("data:"))) {
            if (!parseDataUrl(url, &p.mediaType, &p.data) || !isSupportedImageType(p.mediaType))
                return ApiError::untranslatable(
                    tr("%1 must be a base64 data URL of a JPEG, PNG, GIF or WebP image.")
                        .arg(where),
                    where);
        } else if (!url.isEmpty()) {
            if (!isWebUrl(url))
                return ApiError::untranslatable(
                    tr("%1 must be an http(s) URL or a base64 data URL.").arg(where), where);
            p.url = url;
        }
        if (p.url.isEmpty() && p.data.isEmpty() && p.fileId.isEmpty())
            return ApiError::untranslatable(tr("%1 needs image_url or file_id.").arg(where), where);
        return p;
    }
    if (type == QLatin1String("input_file")) {
        Part p;
        p.kind = Part::Kind::File;
        p.filename = part.value(k("filename")).toString();
        p.fileId = part.value(k("file_id")).toString();
        p.url = part.value(k("file_url")).toString();
        const QString data = part.value(k("file_data")).toString();
        if (!data.isEmpty() && !parseDataUrl(data, &p.mediaType, &p.data)) {
            p.mediaType = QStringLiteral("application/pdf");
            p.data = data;
        }
        return p;
    }
    return ApiError::untranslatable(
        tr("%1 has type \"%2\", which this provider cannot take.").arg(where, type), where);
}

std::variant<QList<Part>, ApiError> contentParts(const QJsonValue &content, const QString &where)
{
    QList<Part> parts;
    if (content.isString()) {
        if (!content.toString().isEmpty())
            parts << Part::textPart(content.toString());
        return parts;
    }
    const QJsonArray list = content.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        auto part = inputPart(list.at(i).toObject(), QStringLiteral("%1[%2]").arg(where).arg(i));
        if (auto *e = std::get_if<ApiError>(&part))
            return *e;
        parts << std::get<Part>(part);
    }
    return parts;
}

bool isHostedCallItem(const QString &type)
{
    return type.endsWith(QLatin1String("_call")) || type.endsWith(QLatin1String("_call_output")) ||
           type == QLatin1String("mcp_list_tools") ||
           type == QLatin1String("mcp_approval_request") ||
           type == QLatin1String("mcp_approval_response") || type == QLatin1String("compaction");
}

QJsonValue outputOf(const Part &result)
{
    bool images = false;
    for (const Part &c : result.content)
        images = images || c.kind == Part::Kind::Image;
    if (!images)
        return result.isError && !result.resultText().startsWith(QLatin1String("Error"))
                   ? QStringLiteral("Error: ") + result.resultText()
                   : result.resultText();
    QJsonArray parts;
    for (const Part &c : result.content) {
        if (c.kind == Part::Kind::Text)
            parts.append(QJsonObject{{k("type"), k("input_text")}, {k("text"), c.text}});
        else if (c.kind == Part::Kind::Image)
            parts.append(QJsonObject{
                {k("type"), k("input_image")},
                {k("image_url"), c.url.isEmpty() ? dataUrl(c.mediaType, c.data) : c.url}});
    }
    return parts;
}

QString resultTextOf(const QJsonValue &output)
{
    if (output.isString())
        return output.toString();
    QStringList texts;
    for (const QJsonValue v : output.toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(k("type")).toString() == QLatin1String("input_text") ||
            o.value(k("type")).toString() == QLatin1String("output_text"))
            texts << o.value(k("text")).toString();
    }
    return texts.join(QLatin1Char('\n'));
}

QJsonObject toolJson(const ToolDefinition &t)
{
    switch (t.kind) {
    case ToolKind::Function: {
        QJsonObject o{{k("type"), k("function")},
                      {k("name"), t.name},
                      {k("parameters"), toolshapes::functionParameters(t)}};
        if (!t.description.isEmpty())
            o.insert(k("description"), t.description);
        o.insert(k("strict"), t.strict.value_or(false));
        return o;
    }
    case ToolKind::Custom: {
        QJsonObject o{{k("type"), k("custom")}, {k("name"), t.name}};
        if (!t.description.isEmpty())
            o.insert(k("description"), t.description);
        if (!t.format.isEmpty())
            o.insert(k("format"), t.format);
        return o;
    }
    case ToolKind::LocalShell:
        return {{k("type"), k("local_shell")}};
    case ToolKind::Hosted:
        break;
    }
    return {};
}

// A tool call as a Responses item: its type, call id, name and what it carries, without an
// id or a status (those differ between a request, an answer and a stream). `pending`: as a
// stream first announces it, before its input arrives.
QJsonObject toolCallItem(const Part &p, bool pending = false)
{
    QJsonObject item;
    switch (p.toolKind) {
    case ToolKind::Custom:
        item = {{k("type"), k("custom_tool_call")},
                {k("call_id"), p.callId},
                {k("name"), p.name},
                {k("input"), pending ? QString() : p.input}};
        break;
    case ToolKind::LocalShell:
        item = {{k("type"), k("local_shell_call")},
                {k("call_id"), p.callId},
                {k("action"),
                 pending ? QJsonObject{{k("type"), k("exec")}, {k("command"), QJsonArray()}}
                         : json::parseObject(p.arguments)}};
        break;
    case ToolKind::Function:
    case ToolKind::Hosted:
        item = {{k("type"), k("function_call")},
                {k("call_id"), p.callId},
                {k("name"), p.name},
                {k("arguments"), pending                 ? QString()
                                 : p.arguments.isEmpty() ? QStringLiteral("{}")
                                                         : p.arguments}};
        break;
    }
    if (!p.toolNamespace.isEmpty())
        item.insert(k("namespace"), p.toolNamespace);
    return item;
}

// A response's incomplete_details for the reason it stopped: null when it completed.
QJsonValue incompleteDetails(StopReason reason)
{
    if (reason != StopReason::MaxTokens && reason != StopReason::ContentFilter)
        return QJsonValue();
    return QJsonObject{{k("reason"), reason == StopReason::MaxTokens ? k("max_output_tokens")
                                                                     : k("content_filter")}};
}

// Why a response stopped: `incomplete` as its status says, `calls` whether it calls tools.
StopReason stopReasonOf(const QJsonObject &response, bool incomplete, bool calls)
{
    if (!incomplete)
        return calls ? StopReason::ToolUse : StopReason::EndTurn;
    const QString reason =
        response.value(k("incomplete_details")).toObject().value(k("reason")).toString();
    return reason == QLatin1String("content_filter") ? StopReason::ContentFilter
                                                     : StopReason::MaxTokens;
}

// The prefix of the ids Gatehouse gives to the items of tool calls of this kind.
const char *toolCallIdPrefix(ToolKind kind)
{
    return kind == ToolKind::Custom ? "ctc" : kind == ToolKind::LocalShell ? "lsh" : "fc";
}

} // namespace

QString ResponsesSurface::newId(const char *prefix)
{
    QByteArray random(12, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(random.data()), 3);
    return QString::fromLatin1(prefix) + QLatin1Char('_') + QString::fromLatin1(random.toHex());
}

QUrl ResponsesSurface::url(const QUrl &baseUrl, Operation operation) const
{
    QUrl url = baseUrl;
    const QString base = baseUrl.path();
    switch (operation) {
    case Operation::Generate:
        url.setPath(base + QLatin1String("/responses"));
        return url;
    case Operation::ListModels:
        url.setPath(base + QLatin1String("/models"));
        return url;
    case Operation::Embeddings:
    case Operation::CountTokens:
    case Operation::Complete:
        break;
    }
    return {};
}

HttpHeaders ResponsesSurface::credentials(const QByteArray &key) const
{
    if (key.isEmpty())
        return {};
    return {{QByteArrayLiteral("authorization"), "Bearer " + key}};
}

namespace {

// Watches a Responses stream relayed as it is: every event is read, as its last one
// (response.completed, .incomplete or .failed) carries the whole response.
class ResponsesStreamObserver : public StreamObserver
{
public:
    void observe(QByteArrayView bytes) override
    {
        for (const SseParser::Event &e : m_parser.feed(bytes)) {
            if (!containsBytes(e.data, "\"response.completed\"") &&
                !containsBytes(e.data, "\"response.incomplete\"") &&
                !containsBytes(e.data, "\"response.failed\""))
                continue;
            const QJsonObject event = QJsonDocument::fromJson(e.data).object();
            const QString type = event.value(k("type")).toString();
            if (type != QLatin1String("response.completed") &&
                type != QLatin1String("response.incomplete") &&
                type != QLatin1String("response.failed"))
                continue;
            m_complete = true;
            m_final = event.value(k("response")).toObject();
            m_usage = ResponsesSurface::usage(m_final.value(k("usage")).toObject());
        }
    }
    bool isComplete() const override { return m_complete; }
    Usage usage() const override { return m_usage; }
    QJsonObject finalResponse() const override { return m_final; }

private:
    SseParser m_parser;
    bool m_complete = false;
    QJsonObject m_final;
    Usage m_usage;
};

} // namespace

std::unique_ptr<StreamObserver> ResponsesSurface::streamObserver() const
{
    return std::make_unique<ResponsesStreamObserver>();
}

// ---- requests

std::variant<Request, ApiError> ResponsesSurface::decodeRequest(const QJsonObject &in) const
{
    // A field of the wrong shape is refused, never dropped on the way to another surface.
    if (auto misshapen = json::checkShapes(in, {{"tools", json::Shape::ArrayOfObjects},
                                                {"tool_choice", json::Shape::StringOrObject}}))
        return *misshapen;
    Request r;
    r.origin = ApiSurface::Responses;
    r.model = in.value(k("model")).toString();
    for (const char *field : echoedFields) {
        if (in.contains(k(field)))
            r.surfaceExtras.insert(k(field), in.value(k(field)));
    }
    const QString instructions = in.value(k("instructions")).toString();
    if (!instructions.isEmpty())
        r.messages << Message{Role::System, {Part::textPart(instructions)}};

    const QJsonValue input = in.value(k("input"));
    if (input.isString()) {
        r.messages << Message{Role::User, {Part::textPart(input.toString())}};
    } else if (!input.isArray() && !input.isUndefined() && !input.isNull()) {
        return ApiError::badRequest(tr("\"input\" must be a string or a list of items."),
                                    QStringLiteral("input"));
    }
    // Calls and reasoning of the assistant collect in one message until something else comes.
    auto assistant = [&r]() -> Message & {
        if (r.messages.isEmpty() || r.messages.last().role != Role::Assistant)
            r.messages << Message{Role::Assistant, {}};
        return r.messages.last();
    };
    auto toolResults = [&r]() -> Message & {
        if (r.messages.isEmpty() || r.messages.last().role != Role::Tool)
            r.messages << Message{Role::Tool, {}};
        return r.messages.last();
    };
    QHash<QString, ToolKind> callKinds;
    const QJsonArray items = input.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString where = QStringLiteral("input[%1]").arg(i);
        const QJsonObject item = items.at(i).toObject();
        QString type = item.value(k("type")).toString();
        if (type.isEmpty() && item.contains(k("role")))
            type = QStringLiteral("message");
        if (type == QLatin1String("message")) {
            const Role role = roleOf(item.value(k("role")).toString());
            auto parts = contentParts(item.value(k("content")), where + QStringLiteral(".content"));
            if (auto *e = std::get_if<ApiError>(&parts))
                return *e;
            if (role == Role::Assistant)
                assistant().parts << std::get<QList<Part>>(parts);
            else
                r.messages << Message{role, std::get<QList<Part>>(parts)};
        } else if (Part itemPart; partOf(item, &itemPart)) { // tool calls and reasoning
            if (itemPart.kind == Part::Kind::ToolCall) {
                if (itemPart.callId.isEmpty())
                    return ApiError::badRequest(tr("%1 needs a call_id.").arg(where), where);
                // A call without a name reaches other surfaces as a call to no tool.
                if (itemPart.name.isEmpty() && itemPart.toolKind != ToolKind::LocalShell)
                    return ApiError::badRequest(tr("%1 needs a name.").arg(where), where);
                if (itemPart.toolKind == ToolKind::Function &&
                    !json::isObjectText(itemPart.arguments))
                    return ApiError::untranslatable(
                        tr("%1.arguments must be a JSON object in a string.").arg(where),
                        where + QStringLiteral(".arguments"));
                callKinds.insert(itemPart.callId, itemPart.toolKind);
            }
            assistant().parts << itemPart;
        } else if (type == QLatin1String("function_call_output") ||
                   type == QLatin1String("custom_tool_call_output") ||
                   type == QLatin1String("local_shell_call_output")) {
            Part p;
            p.kind = Part::Kind::ToolResult;
            p.callId = item.value(k("call_id")).toString();
            if (p.callId.isEmpty())
                p.callId = item.value(k("id")).toString();
            p.toolKind = callKinds.value(p.callId, ToolKind::Function);
            const QJsonValue output = item.value(k("output"));
            if (output.isArray()) {
                auto parts = contentParts(output, where + QStringLiteral(".output"));
                if (auto *e = std::get_if<ApiError>(&parts))
                    return *e;
                p.content = std::get<QList<Part>>(parts);
            } else {
                p.content << Part::textPart(resultTextOf(output));
            }
            toolResults().parts << p;
        } else if (type == QLatin1String("item_reference")) {
            return ApiError::untranslatable(
                tr("%1 refers to an item stored by the provider; this provider cannot see it. "
                   "Send the item itself, or use previous_response_id.")
                    .arg(where),
                where);
        } else if (isHostedCallItem(type)) {
            // What a provider's own tools did (web search, …): another provider cannot take it.
        } else {
            return ApiError::untranslatable(
                tr("%1 has type \"%2\", which this provider cannot take.").arg(where, type), where);
        }
    }

    const QJsonArray tools = in.value(k("tools")).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject tool = tools.at(i).toObject();
        const QString type = tool.value(k("type")).toString();
        auto read = [](const QJsonObject &t, const QString &ns) {
            ToolDefinition d;
            d.name = t.value(k("name")).toString();
            d.toolNamespace = ns;
            d.description = t.value(k("description")).toString();
            if (t.value(k("type")).toString() == QLatin1String("custom")) {
                d.kind = ToolKind::Custom;
                d.format = t.value(k("format")).toObject();
            } else {
                d.parameters = t.value(k("parameters")).toObject();
                if (t.value(k("strict")).isBool())
                    d.strict = t.value(k("strict")).toBool();
            }
            return d;
        };
        if (type == QLatin1String("function") || type == QLatin1String("custom")) {
            ToolDefinition t = read(tool, {});
            if (t.name.isEmpty())
                return ApiError::badRequest(tr("tools[%1] needs a name.").arg(i),
                                            QStringLiteral("tools[%1]").arg(i));
            r.tools << t;
        } else if (type == QLatin1String("namespace")) {
            // Flattened: "namespace__name" for providers that have no namespaces.
            const QString ns = tool.value(k("name")).toString();
            for (const QJsonValue inner : tool.value(k("tools")).toArray())
                r.tools << read(inner.toObject(), ns);
        } else if (type == QLatin1String("local_shell")) {
            ToolDefinition t;
            t.kind = ToolKind::LocalShell;
            t.name = QStringLiteral("local_shell");
            r.tools << t;
        } else {
            ToolDefinition t;
            t.kind = ToolKind::Hosted;
            t.hostedType = type;
            t.name = tool.value(k("name")).toString(type);
            t.hosted = tool;
            r.tools << t;
        }
    }
    const QJsonValue choice = in.value(k("tool_choice"));
    if (choice.isString()) {
        const QString c = choice.toString();
        if (c != QLatin1String("none") && c != QLatin1String("required") &&
            c != QLatin1String("auto"))
            return ApiError::untranslatable(tr("tool_choice \"%1\" is unknown.").arg(c),
                                            QStringLiteral("tool_choice"));
        r.toolChoice.mode = c == QLatin1String("none")       ? ToolChoice::Mode::None
                            : c == QLatin1String("required") ? ToolChoice::Mode::Required
                                                             : ToolChoice::Mode::Auto;
    } else if (choice.isObject()) {
        const QJsonObject c = choice.toObject();
        const QString type = c.value(k("type")).toString();
        if (type == QLatin1String("function") || type == QLatin1String("custom")) {
            if (c.value(k("name")).toString().isEmpty())
                return ApiError::untranslatable(tr("tool_choice must name a tool."),
                                                QStringLiteral("tool_choice.name"));
            r.toolChoice.mode = ToolChoice::Mode::Named;
            r.toolChoice.name = c.value(k("name")).toString();
            r.toolChoice.toolNamespace = c.value(k("namespace")).toString();
            r.toolChoice.toolKind =
                type == QLatin1String("custom") ? ToolKind::Custom : ToolKind::Function;
        } else {
            r.toolChoice.mode = c.value(k("mode")).toString() == QLatin1String("required")
                                    ? ToolChoice::Mode::Required
                                    : ToolChoice::Mode::Auto;
        }
    }
    if (in.value(k("parallel_tool_calls")).isBool())
        r.parallelToolCalls = in.value(k("parallel_tool_calls")).toBool();
    // A fraction or a number too large for an integer would go on as 0.
    if (const QJsonValue maxTokens = in.value(k("max_output_tokens"));
        !maxTokens.isUndefined() && !maxTokens.isNull()) {
        if (!maxTokens.isDouble() || maxTokens.toInteger() < 1)
            return ApiError::untranslatable(tr("max_output_tokens must be a positive integer."),
                                            QStringLiteral("max_output_tokens"));
        r.maxOutputTokens = maxTokens.toInteger();
    }
    if (in.value(k("temperature")).isDouble())
        r.temperature = in.value(k("temperature")).toDouble();
    if (in.value(k("top_p")).isDouble())
        r.topP = in.value(k("top_p")).toDouble();
    const QJsonObject format = in.value(k("text")).toObject().value(k("format")).toObject();
    r.responseFormat = ResponseFormat::fromOpenAi(format.value(k("type")).toString(), format);
    const QJsonObject reasoning = in.value(k("reasoning")).toObject();
    r.reasoning.effort = reasoning.value(k("effort")).toString();
    r.reasoning.summary =
        reasoning.value(k("summary")).toString(reasoning.value(k("generate_summary")).toString());
    r.user = in.value(k("user")).toString(in.value(k("safety_identifier")).toString());
    r.promptCacheKey = in.value(k("prompt_cache_key")).toString();
    r.stream = in.value(k("stream")).toBool();
    r.streamUsage = true;
    for (const QJsonValue v : in.value(k("include")).toArray())
        r.includeEncryptedReasoning = r.includeEncryptedReasoning ||
                                      v.toString() == QLatin1String("reasoning.encrypted_content");
    return r;
}

std::variant<QJsonObject, ApiError> ResponsesSurface::encodeRequest(const Request &r,
                                                                    const QString &model) const
{
    QJsonArray input;
    QHash<QString, ToolKind> callKinds;
    for (const Message &m : r.messages) {
        switch (m.role) {
        case Role::System:
        case Role::Developer:
        case Role::User: {
            QJsonArray content;
            for (const Part &p : m.parts) {
                if (p.kind == Part::Kind::Text) {
                    content.append(QJsonObject{{k("type"), k("input_text")}, {k("text"), p.text}});
                } else if (p.kind == Part::Kind::Image) {
                    QJsonObject image{
                        {k("type"), k("input_image")},
                        {k("detail"), p.detail.isEmpty() ? QStringLiteral("auto") : p.detail}};
                    if (!p.fileId.isEmpty())
                        image.insert(k("file_id"), p.fileId);
                    else
                        image.insert(k("image_url"),
                                     p.url.isEmpty() ? dataUrl(p.mediaType, p.data) : p.url);
                    content.append(image);
                } else if (p.kind == Part::Kind::File) {
                    QJsonObject file{{k("type"), k("input_file")}};
                    if (!p.fileId.isEmpty())
                        file.insert(k("file_id"), p.fileId);
                    else if (!p.data.isEmpty())
                        file.insert(k("file_data"), dataUrl(p.mediaType, p.data));
                    else
                        file.insert(k("file_url"), p.url);
                    if (!p.filename.isEmpty())
                        file.insert(k("filename"), p.filename);
                    content.append(file);
                }
            }
            if (content.isEmpty())
                break;
            const QString role = m.role == Role::System      ? QStringLiteral("system")
                                 : m.role == Role::Developer ? QStringLiteral("developer")
                                                             : QStringLiteral("user");
            input.append(
                QJsonObject{{k("type"), k("message")}, {k("role"), role}, {k("content"), content}});
            break;
        }
        case Role::Assistant: {
            QJsonArray text;
            auto flushText = [&] {
                if (text.isEmpty())
                    return;
                input.append(QJsonObject{
                    {k("type"), k("message")}, {k("role"), k("assistant")}, {k("content"), text}});
                text = QJsonArray();
            };
            for (const Part &p : m.parts) {
                switch (p.kind) {
                case Part::Kind::Text:
                    text.append(QJsonObject{{k("type"), k("output_text")},
                                            {k("text"), p.text},
                                            {k("annotations"), QJsonArray()}});
                    break;
                case Part::Kind::Refusal:
                    text.append(QJsonObject{{k("type"), k("refusal")}, {k("refusal"), p.text}});
                    break;
                case Part::Kind::Thinking: {
                    // Only the Responses API's own encrypted reasoning goes back to it.
                    if (p.encryptedContent.isEmpty())
                        break;
                    flushText();
                    QJsonArray summary;
                    for (const QString &s : p.summary)
                        summary.append(QJsonObject{{k("type"), k("summary_text")}, {k("text"), s}});
                    QJsonObject item{{k("type"), k("reasoning")},
                                     {k("summary"), summary},
                                     {k("encrypted_content"), p.encryptedContent}};
                    if (!p.itemId.isEmpty())
                        item.insert(k("id"), p.itemId);
                    input.append(item);
                    break;
                }
                case Part::Kind::ToolCall: {
                    flushText();
                    callKinds.insert(p.callId, p.toolKind);
                    QJsonObject item = toolCallItem(p);
                    if (p.toolKind == ToolKind::LocalShell) {
                        // A local shell call is known by its item id too.
                        item.insert(k("id"), p.itemId.isEmpty() ? p.callId : p.itemId);
                        item.insert(k("status"), k("completed"));
                    }
                    input.append(item);
                    break;
                }
                case Part::Kind::Image:
                case Part::Kind::File:
                case Part::Kind::ToolResult:
                    break;
                }
            }
            flushText();
            break;
        }
        case Role::Tool:
            for (const Part &p : m.parts) {
                if (p.kind != Part::Kind::ToolResult)
                    continue;
                const ToolKind kind = callKinds.value(p.callId, p.toolKind);
                const char *type = kind == ToolKind::Custom       ? "custom_tool_call_output"
                                   : kind == ToolKind::LocalShell ? "local_shell_call_output"
                                                                  : "function_call_output";
                QJsonObject item{{k("type"), k(type)}, {k("output"), outputOf(p)}};
                item.insert(kind == ToolKind::LocalShell ? k("id") : k("call_id"), p.callId);
                input.append(item);
            }
            break;
        }
    }

    QJsonObject out{{k("model"), model}, {k("input"), input}};
    QJsonArray tools;
    QHash<QString, QJsonArray> namespaced;
    QStringList namespaces;
    for (const ToolDefinition &t : r.tools) {
        if (t.kind == ToolKind::Hosted)
            continue; // only a Responses client offers these, and its requests go as they are
        if (!t.toolNamespace.isEmpty()) {
            if (!namespaced.contains(t.toolNamespace))
                namespaces << t.toolNamespace;
            namespaced[t.toolNamespace].append(toolJson(t));
            continue;
        }
        tools.append(toolJson(t));
    }
    for (const QString &ns : namespaces)
        tools.append(QJsonObject{{k("type"), k("namespace")},
                                 {k("name"), ns},
                                 {k("description"), QString()},
                                 {k("tools"), namespaced.value(ns)}});
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
            QJsonObject c{{k("type"),
                           r.toolChoice.toolKind == ToolKind::Custom ? k("custom") : k("function")},
                          {k("name"), r.toolChoice.name}};
            if (!r.toolChoice.toolNamespace.isEmpty())
                c.insert(k("namespace"), r.toolChoice.toolNamespace);
            out.insert(k("tool_choice"), c);
            break;
        }
        case ToolChoice::Mode::Unset:
            break;
        }
        if (r.parallelToolCalls)
            out.insert(k("parallel_tool_calls"), *r.parallelToolCalls);
    }
    if (r.maxOutputTokens)
        out.insert(k("max_output_tokens"), *r.maxOutputTokens);
    if (r.temperature)
        out.insert(k("temperature"), *r.temperature);
    if (r.topP)
        out.insert(k("top_p"), *r.topP);
    if (r.choices != 1)
        return ApiError::untranslatable(
            tr("n = %1 is not supported by this provider; ask for one choice.").arg(r.choices),
            QStringLiteral("n"));
    switch (r.responseFormat.kind) {
    case ResponseFormat::Kind::JsonObject:
        out.insert(k("text"),
                   QJsonObject{{k("format"), QJsonObject{{k("type"), k("json_object")}}}});
        break;
    case ResponseFormat::Kind::JsonSchema: {
        QJsonObject f = r.responseFormat.openAiSchemaFields();
        f.insert(k("type"), k("json_schema"));
        out.insert(k("text"), QJsonObject{{k("format"), f}});
        break;
    }
    case ResponseFormat::Kind::Text:
    case ResponseFormat::Kind::Unset:
        break;
    }
    QString effort = r.reasoning.effort;
    if (effort.isEmpty() && r.reasoning.enabled.value_or(false))
        effort = r.reasoning.budgetTokens > 0 && r.reasoning.budgetTokens <= 2048
                     ? QStringLiteral("low")
                 : r.reasoning.budgetTokens > 8192 ? QStringLiteral("high")
                                                   : QStringLiteral("medium");
    if (!effort.isEmpty() || !r.reasoning.summary.isEmpty()) {
        QJsonObject reasoning;
        if (!effort.isEmpty())
            reasoning.insert(k("effort"), effort);
        if (!r.reasoning.summary.isEmpty())
            reasoning.insert(k("summary"), r.reasoning.summary);
        out.insert(k("reasoning"), reasoning);
        // Gatehouse keeps no state at the provider: reasoning comes back encrypted, so that
        // the next turn can hand it back.
        out.insert(k("include"), QJsonArray{QStringLiteral("reasoning.encrypted_content")});
    }
    if (!r.user.isEmpty())
        out.insert(k("user"), r.user);
    if (!r.promptCacheKey.isEmpty())
        out.insert(k("prompt_cache_key"), r.promptCacheKey);
    if (r.stream)
        out.insert(k("stream"), true);
    out.insert(k("store"), false);
    return out;
}

// ---- whole answers

Usage ResponsesSurface::usage(const QJsonObject &u)
{
    Usage out;
    out.inputTokens = json::integer(u.value(k("input_tokens")));
    out.outputTokens = json::integer(u.value(k("output_tokens")));
    out.cachedInputTokens =
        json::integer(u.value(k("input_tokens_details")).toObject().value(k("cached_tokens")));
    out.reasoningTokens =
        json::integer(u.value(k("output_tokens_details")).toObject().value(k("reasoning_tokens")));
    return out;
}

QJsonObject ResponsesSurface::usageJson(const Usage &u)
{
    const qint64 input = std::max<qint64>(0, u.inputTokens);
    const qint64 output = std::max<qint64>(0, u.outputTokens);
    return QJsonObject{
        {k("input_tokens"), input},
        {k("input_tokens_details"),
         QJsonObject{{k("cached_tokens"), std::max<qint64>(0, u.cachedInputTokens)}}},
        {k("output_tokens"), output},
        {k("output_tokens_details"),
         QJsonObject{{k("reasoning_tokens"), std::max<qint64>(0, u.reasoningTokens)}}},
        {k("total_tokens"), input + output}};
}

bool ResponsesSurface::partOf(const QJsonObject &item, Part *part)
{
    const QString type = item.value(k("type")).toString();
    Part p;
    p.itemId = item.value(k("id")).toString();
    if (type == QLatin1String("function_call")) {
        p.kind = Part::Kind::ToolCall;
        p.callId = item.value(k("call_id")).toString();
        p.name = item.value(k("name")).toString();
        p.toolNamespace = item.value(k("namespace")).toString();
        p.arguments = item.value(k("arguments")).toString();
    } else if (type == QLatin1String("custom_tool_call")) {
        p.kind = Part::Kind::ToolCall;
        p.toolKind = ToolKind::Custom;
        p.callId = item.value(k("call_id")).toString();
        p.name = item.value(k("name")).toString();
        p.toolNamespace = item.value(k("namespace")).toString();
        p.input = item.value(k("input")).toString();
    } else if (type == QLatin1String("local_shell_call")) {
        p.kind = Part::Kind::ToolCall;
        p.toolKind = ToolKind::LocalShell;
        p.name = QStringLiteral("local_shell");
        p.callId = item.value(k("call_id")).toString(p.itemId);
        p.arguments = json::compact(item.value(k("action")).toObject());
    } else if (type == QLatin1String("reasoning")) {
        p.kind = Part::Kind::Thinking;
        for (const QJsonValue s : item.value(k("summary")).toArray())
            p.summary << s.toObject().value(k("text")).toString();
        QStringList texts;
        for (const QJsonValue c : item.value(k("content")).toArray())
            texts << c.toObject().value(k("text")).toString();
        p.text = texts.isEmpty() ? p.summary.join(QLatin1String("\n\n"))
                                 : texts.join(QLatin1String("\n\n"));
        opaque::fromResponsesEncrypted(item.value(k("encrypted_content")).toString(), p);
    } else {
        return false;
    }
    *part = p;
    return true;
}

std::variant<Response, ApiError> ResponsesSurface::decodeResponse(const QJsonObject &in) const
{
    if (in.value(k("object")).toString() != QLatin1String("response") &&
        !in.value(k("output")).isArray())
        return ApiError::badGateway(
            tr("The provider answered with something that is not a Responses API response."),
            QStringLiteral("upstream_malformed"));
    Response r;
    r.id = in.value(k("id")).toString();
    r.model = in.value(k("model")).toString();
    r.created = json::integer(in.value(k("created_at")), 0);
    bool calls = false;
    for (const QJsonValue v : in.value(k("output")).toArray()) {
        const QJsonObject item = v.toObject();
        if (item.value(k("type")).toString() == QLatin1String("message")) {
            for (const QJsonValue c : item.value(k("content")).toArray()) {
                auto part = inputPart(c.toObject(), QStringLiteral("output"));
                if (auto *p = std::get_if<Part>(&part))
                    r.parts << *p;
            }
            continue;
        }
        Part p;
        if (partOf(item, &p)) {
            calls = calls || p.isToolCall();
            r.parts << p;
        }
    }
    r.stopReason =
        stopReasonOf(in, in.value(k("status")).toString() == QLatin1String("incomplete"), calls);
    r.usage = usage(in.value(k("usage")).toObject());
    return r;
}

QJsonArray ResponsesSurface::outputItems(const Response &r, const Request &request)
{
    QJsonArray output;
    for (const Part &p : r.parts) {
        switch (p.kind) {
        case Part::Kind::Text:
        case Part::Kind::Refusal: {
            const QJsonObject part =
                p.kind == Part::Kind::Text
                    ? QJsonObject{{k("type"), k("output_text")},
                                  {k("text"), p.text},
                                  {k("annotations"), QJsonArray()}}
                    : QJsonObject{{k("type"), k("refusal")}, {k("refusal"), p.text}};
            output.append(QJsonObject{{k("id"), newId("msg")},
                                      {k("type"), k("message")},
                                      {k("status"), k("completed")},
                                      {k("role"), k("assistant")},
                                      {k("content"), QJsonArray{part}}});
            break;
        }
        case Part::Kind::Thinking: {
            QJsonArray summary;
            const QStringList texts =
                p.summary.isEmpty() && !p.text.isEmpty() ? QStringList{p.text} : p.summary;
            for (const QString &s : texts)
                summary.append(QJsonObject{{k("type"), k("summary_text")}, {k("text"), s}});
            QJsonObject item{{k("id"), p.itemId.isEmpty() ? newId("rs") : p.itemId},
                             {k("type"), k("reasoning")},
                             {k("summary"), summary}};
            const QString encrypted = p.encryptedContent.isEmpty()
                                          ? opaque::wrapSignatureForResponses(p.signature)
                                          : p.encryptedContent;
            if (request.includeEncryptedReasoning && !encrypted.isEmpty())
                item.insert(k("encrypted_content"), encrypted);
            output.append(item);
            break;
        }
        case Part::Kind::ToolCall: {
            QJsonObject item = toolCallItem(p);
            item.insert(k("id"),
                        p.itemId.isEmpty() ? newId(toolCallIdPrefix(p.toolKind)) : p.itemId);
            item.insert(k("status"), k("completed"));
            output.append(item);
            break;
        }
        case Part::Kind::Image:
        case Part::Kind::File:
        case Part::Kind::ToolResult:
            break;
        }
    }
    return output;
}

QJsonObject ResponsesSurface::responseObject(const QString &id, qint64 createdAt,
                                             const QString &status, const QString &model,
                                             const QJsonArray &output, const Request &request)
{
    const QJsonObject &echo = request.surfaceExtras;
    auto echoed = [&echo](const char *field, const QJsonValue &fallback) {
        return echo.contains(k(field)) ? echo.value(k(field)) : fallback;
    };
    return QJsonObject{
        {k("id"), id},
        {k("object"), k("response")},
        {k("created_at"), createdAt},
        {k("status"), status},
        {k("background"), false},
        {k("error"), QJsonValue()},
        {k("incomplete_details"), QJsonValue()},
        {k("instructions"), echoed("instructions", QJsonValue())},
        {k("max_output_tokens"), echoed("max_output_tokens", QJsonValue())},
        {k("model"), model},
        {k("output"), output},
        {k("parallel_tool_calls"), echoed("parallel_tool_calls", true)},
        {k("previous_response_id"), echoed("previous_response_id", QJsonValue())},
        {k("reasoning"), echoed("reasoning", QJsonObject{{k("effort"), QJsonValue()},
                                                         {k("summary"), QJsonValue()}})},
        {k("store"), echoed("store", true)},
        {k("temperature"), echoed("temperature", 1.0)},
        {k("text"),
         echoed("text", QJsonObject{{k("format"), QJsonObject{{k("type"), k("text")}}}})},
        {k("tool_choice"), echoed("tool_choice", k("auto"))},
        {k("tools"), echoed("tools", QJsonArray())},
        {k("top_p"), echoed("top_p", 1.0)},
        {k("truncation"), echoed("truncation", k("disabled"))},
        {k("usage"), QJsonValue()},
        {k("user"), echoed("user", QJsonValue())},
        {k("metadata"), echoed("metadata", QJsonObject())}};
}

QJsonObject ResponsesSurface::encodeResponse(const Response &r, const Request &request) const
{
    const QString id = r.id.startsWith(QLatin1String("resp_")) ? r.id : newId("resp");
    const QJsonValue incomplete = incompleteDetails(r.stopReason);
    const QString status =
        incomplete.isNull() ? QStringLiteral("completed") : QStringLiteral("incomplete");
    QJsonObject out = responseObject(
        id, r.created > 0 ? r.created : QDateTime::currentSecsSinceEpoch(), status,
        r.model.isEmpty() ? request.model : r.model, outputItems(r, request), request);
    out.insert(k("incomplete_details"), incomplete);
    out.insert(k("usage"), usageJson(r.usage));
    return out;
}

QJsonObject ResponsesSurface::errorJson(const ApiError &error)
{
    QString code = QStringLiteral("server_error");
    const QString message = error.message.toLower();
    if (error.code == QLatin1String("insufficient_quota") || error.status == 402)
        code = QStringLiteral("insufficient_quota");
    else if (error.status == 429)
        code = QStringLiteral("rate_limit_exceeded");
    else if (error.code == QLatin1String("context_length_exceeded") ||
             message.contains(QLatin1String("context length")) ||
             message.contains(QLatin1String("context window")) ||
             message.contains(QLatin1String("prompt is too long")) ||
             message.contains(QLatin1String("too many tokens")))
        code = QStringLiteral("context_length_exceeded");
    else if (error.status >= 400 && error.status < 500 && !error.code.isEmpty())
        code = error.code;
    return QJsonObject{{k("code"), code}, {k("message"), error.message}};
}

QByteArray ResponsesSurface::streamError(const ApiError &error) const
{
    Request none;
    QJsonObject response = responseObject(newId("resp"), QDateTime::currentSecsSinceEpoch(),
                                          QStringLiteral("failed"), QString(), QJsonArray(), none);
    response.insert(k("error"), errorJson(error));
    return json::namedEvent("response.failed", QJsonObject{{k("type"), k("response.failed")},
                                                           {k("sequence_number"), 0},
                                                           {k("response"), response}});
}

// ---- streams: decoding

std::unique_ptr<StreamDecoder> ResponsesSurface::streamDecoder() const
{
    return std::make_unique<ResponsesStreamDecoder>();
}

int ResponsesStreamDecoder::openBlock(const QString &key, const Part &part, StreamEvents &out)
{
    const int index = m_blockCount++;
    m_blocks.insert(key, index);
    m_parts.insert(index, part);
    StreamEvent start;
    start.type = Type::BlockStart;
    start.index = index;
    start.part = part;
    out << start;
    return index;
}

void ResponsesStreamDecoder::closeBlock(const QString &key, const Part *done, StreamEvents &out)
{
    const auto it = m_blocks.find(key);
    if (it == m_blocks.end())
        return;
    const int index = *it;
    m_blocks.erase(it);
    StreamEvent stop;
    stop.type = Type::BlockStop;
    stop.index = index;
    stop.part = done ? *done : m_parts.value(index);
    out << stop;
}

void ResponsesStreamDecoder::delta(const QString &key, const QString &text, DeltaKind kind,
                                   StreamEvents &out)
{
    const auto it = m_blocks.constFind(key);
    if (it == m_blocks.constEnd() || text.isEmpty())
        return;
    Part &part = m_parts[*it];
    if (kind == DeltaKind::Arguments) {
        if (part.toolKind == ToolKind::Custom)
            part.input += text;
        else
            part.arguments += text;
    } else {
        part.text += text;
    }
    StreamEvent d;
    d.type = Type::BlockDelta;
    d.index = *it;
    d.delta = text;
    d.deltaKind = kind;
    out << d;
}

void ResponsesStreamDecoder::handle(const SseParser::Event &sse, const QJsonObject &json,
                                    StreamEvents &out)
{
    Q_UNUSED(sse)
    const QJsonObject &event = json;
    const QString type = event.value(k("type")).toString();
    const QString itemId = event.value(k("item_id")).toString();
    if (type == QLatin1String("response.created") ||
        type == QLatin1String("response.in_progress")) {
        if (m_started)
            return;
        m_started = true;
        const QJsonObject response = event.value(k("response")).toObject();
        StreamEvent start;
        start.type = Type::Start;
        start.id = response.value(k("id")).toString();
        start.model = response.value(k("model")).toString();
        out << start;
        return;
    }
    if (type == QLatin1String("response.output_item.added")) {
        const QJsonObject item = event.value(k("item")).toObject();
        const QString id = item.value(k("id")).toString();
        if (item.value(k("type")).toString() == QLatin1String("message"))
            return; // its content parts open the blocks
        Part p;
        if (!ResponsesSurface::partOf(item, &p))
            return;
        if (p.isToolCall()) {
            m_sawToolCall = true;
            // Arguments come as deltas; the action of a local_shell call only at the end.
            p.arguments.clear();
            p.input.clear();
        } else {
            p.text.clear();
            p.summary.clear();
        }
        openBlock(id, p, out);
        return;
    }
    if (type == QLatin1String("response.content_part.added")) {
        const QJsonObject part = event.value(k("part")).toObject();
        Part p;
        if (part.value(k("type")).toString() == QLatin1String("refusal"))
            p.kind = Part::Kind::Refusal;
        else if (part.value(k("type")).toString() != QLatin1String("output_text"))
            return;
        openBlock(itemId + QLatin1Char('#') +
                      QString::number(event.value(k("content_index")).toInt()),
                  p, out);
        return;
    }
    const QString contentKey =
        itemId + QLatin1Char('#') + QString::number(event.value(k("content_index")).toInt());
    if (type == QLatin1String("response.output_text.delta") ||
        type == QLatin1String("response.refusal.delta")) {
        delta(contentKey, event.value(k("delta")).toString(), DeltaKind::Text, out);
        return;
    }
    if (type == QLatin1String("response.content_part.done")) {
        closeBlock(contentKey, nullptr, out);
        return;
    }
    if (type == QLatin1String("response.reasoning_summary_part.added")) {
        // Summary parts of one reasoning item run together, a blank line apart.
        const auto it = m_blocks.constFind(itemId);
        if (it != m_blocks.constEnd() && !m_parts.value(*it).text.isEmpty())
            delta(itemId, QStringLiteral("\n\n"), DeltaKind::Text, out);
        return;
    }
    if (type == QLatin1String("response.reasoning_summary_text.delta") ||
        type == QLatin1String("response.reasoning_text.delta")) {
        delta(itemId, event.value(k("delta")).toString(), DeltaKind::Text, out);
        return;
    }
    if (type == QLatin1String("response.function_call_arguments.delta") ||
        type == QLatin1String("response.custom_tool_call_input.delta")) {
        delta(itemId, event.value(k("delta")).toString(), DeltaKind::Arguments, out);
        return;
    }
    if (type == QLatin1String("response.output_item.done")) {
        const QJsonObject item = event.value(k("item")).toObject();
        const QString id = item.value(k("id")).toString();
        Part done;
        if (item.value(k("type")).toString() == QLatin1String("message") ||
            !ResponsesSurface::partOf(item, &done))
            return;
        const auto it = m_blocks.constFind(id);
        if (it == m_blocks.constEnd())
            return;
        const Part &grown = m_parts.value(*it);
        if (done.kind == Part::Kind::Thinking && done.text.isEmpty())
            done.text = grown.text;
        if (done.isToolCall() && done.arguments.isEmpty() && done.toolKind == ToolKind::Function)
            done.arguments = grown.arguments;
        if (done.isToolCall() && done.input.isEmpty())
            done.input = grown.input;
        closeBlock(id, &done, out);
        return;
    }
    if (type == QLatin1String("response.completed") ||
        type == QLatin1String("response.incomplete")) {
        // Blocks the provider left open end here.
        const QList<QString> open = m_blocks.keys();
        for (const QString &key : open)
            closeBlock(key, nullptr, out);
        const QJsonObject response = event.value(k("response")).toObject();
        m_complete = true;
        StreamEvent finish;
        finish.type = Type::Finish;
        finish.usage = ResponsesSurface::usage(response.value(k("usage")).toObject());
        finish.stopReason =
            stopReasonOf(response, type == QLatin1String("response.incomplete"), m_sawToolCall);
        out << finish;
        return;
    }
    if (type == QLatin1String("response.failed") || type == QLatin1String("error")) {
        m_failed = true;
        const QJsonObject e =
            type == QLatin1String("error")
                ? event
                : event.value(k("response")).toObject().value(k("error")).toObject();
        const QString code = e.value(k("code")).toString();
        const int status = code == QLatin1String("rate_limit_exceeded")       ? 429
                           : code == QLatin1String("insufficient_quota")      ? 429
                           : code == QLatin1String("context_length_exceeded") ? 400
                           : code == QLatin1String("invalid_prompt")          ? 400
                                                                              : 502;
        StreamEvent error;
        error.type = Type::Error;
        error.providerError = true;
        QString message = e.value(k("message")).toString();
        if (message.isEmpty()) // the client is told something
            message = e.value(k("error"))
                          .toObject()
                          .value(k("message"))
                          .toString(tr("The provider's stream ended with an error."));
        error.error = ApiError{status, QStringLiteral("upstream_error"), code, message, {}};
        out << error;
    }
}

// ---- streams: encoding

std::unique_ptr<StreamEncoder> ResponsesSurface::streamEncoder(const Request &request) const
{
    return std::make_unique<ResponsesStreamEncoder>(request);
}

ResponsesStreamEncoder::ResponsesStreamEncoder(const Request &request)
    : m_request(request), m_id(ResponsesSurface::newId("resp")),
      m_createdAt(QDateTime::currentSecsSinceEpoch()), m_model(request.model)
{
}

QByteArray ResponsesStreamEncoder::event(const char *type, QJsonObject data)
{
    data.insert(k("type"), k(type));
    data.insert(k("sequence_number"), m_sequence++);
    return json::namedEvent(type, data);
}

QJsonObject ResponsesStreamEncoder::response(const QString &status) const
{
    return ResponsesSurface::responseObject(m_id, m_createdAt, status, m_model, m_output,
                                            m_request);
}

QByteArray ResponsesStreamEncoder::encode(const StreamEvent &e)
{
    if (m_complete)
        return {};
    switch (e.type) {
    case Type::Start: {
        if (!e.model.isEmpty())
            m_model = e.model;
        QByteArray out = event("response.created", {{k("response"), response(k("in_progress"))}});
        out += event("response.in_progress", {{k("response"), response(k("in_progress"))}});
        return out;
    }
    case Type::BlockStart: {
        Item item;
        item.part = e.part;
        item.outputIndex = m_nextOutput++;
        const Part &p = e.part;
        QByteArray out;
        switch (p.kind) {
        case Part::Kind::Text:
        case Part::Kind::Refusal: {
            item.id = ResponsesSurface::newId("msg");
            item.json = {{k("id"), item.id},
                         {k("type"), k("message")},
                         {k("status"), k("in_progress")},
                         {k("role"), k("assistant")},
                         {k("content"), QJsonArray()}};
            out += event("response.output_item.added",
                         {{k("output_index"), item.outputIndex}, {k("item"), item.json}});
            const QJsonObject part =
                p.kind == Part::Kind::Text
                    ? QJsonObject{{k("type"), k("output_text")},
                                  {k("text"), QString()},
                                  {k("annotations"), QJsonArray()}}
                    : QJsonObject{{k("type"), k("refusal")}, {k("refusal"), QString()}};
            out += event("response.content_part.added", {{k("item_id"), item.id},
                                                         {k("output_index"), item.outputIndex},
                                                         {k("content_index"), 0},
                                                         {k("part"), part}});
            break;
        }
        case Part::Kind::Thinking:
            item.id = p.itemId.isEmpty() ? ResponsesSurface::newId("rs") : p.itemId;
            item.json = {
                {k("id"), item.id}, {k("type"), k("reasoning")}, {k("summary"), QJsonArray()}};
            out += event("response.output_item.added",
                         {{k("output_index"), item.outputIndex}, {k("item"), item.json}});
            break;
        case Part::Kind::ToolCall:
            item.id = ResponsesSurface::newId(toolCallIdPrefix(p.toolKind));
            item.json = toolCallItem(p, /*pending=*/true);
            item.json.insert(k("id"), item.id);
            item.json.insert(k("status"), k("in_progress"));
            out += event("response.output_item.added",
                         {{k("output_index"), item.outputIndex}, {k("item"), item.json}});
            break;
        case Part::Kind::Image:
        case Part::Kind::File:
        case Part::Kind::ToolResult:
            --m_nextOutput;
            return {};
        }
        item.part.text.clear();
        item.part.arguments.clear();
        item.part.input.clear();
        m_items.insert(e.index, item);
        return out;
    }
    case Type::BlockDelta: {
        const auto it = m_items.find(e.index);
        if (it == m_items.end() || e.delta.isEmpty())
            return {};
        Item &item = *it;
        const QJsonObject where{{k("item_id"), item.id}, {k("output_index"), item.outputIndex}};
        auto with = [&where](QJsonObject o) {
            for (auto w = where.begin(); w != where.end(); ++w)
                o.insert(w.key(), w.value());
            return o;
        };
        switch (item.part.kind) {
        case Part::Kind::Text:
            item.part.text += e.delta;
            return event("response.output_text.delta", with({{k("content_index"), 0},
                                                             {k("delta"), e.delta},
                                                             {k("logprobs"), QJsonArray()}}));
        case Part::Kind::Refusal:
            item.part.text += e.delta;
            return event("response.refusal.delta",
                         with({{k("content_index"), 0}, {k("delta"), e.delta}}));
        case Part::Kind::Thinking: {
            if (e.deltaKind == DeltaKind::Signature) {
                item.part.signature += e.delta;
                return {};
            }
            QByteArray out;
            if (!m_summaryStarted.value(e.index)) {
                m_summaryStarted.insert(e.index, true);
                out += event("response.reasoning_summary_part.added",
                             with({{k("summary_index"), 0},
                                   {k("part"), QJsonObject{{k("type"), k("summary_text")},
                                                           {k("text"), QString()}}}}));
            }
            item.part.text += e.delta;
            out += event("response.reasoning_summary_text.delta",
                         with({{k("summary_index"), 0}, {k("delta"), e.delta}}));
            return out;
        }
        case Part::Kind::ToolCall:
            if (e.deltaKind != DeltaKind::Arguments)
                return {};
            if (item.part.toolKind == ToolKind::Custom) {
                item.part.input += e.delta;
                return event("response.custom_tool_call_input.delta",
                             with({{k("delta"), e.delta}}));
            }
            if (item.part.toolKind == ToolKind::LocalShell)
                return {};
            item.part.arguments += e.delta;
            return event("response.function_call_arguments.delta", with({{k("delta"), e.delta}}));
        case Part::Kind::Image:
        case Part::Kind::File:
        case Part::Kind::ToolResult:
            break;
        }
        return {};
    }
    case Type::BlockStop: {
        const auto it = m_items.find(e.index);
        if (it == m_items.end())
            return {};
        Item item = *it;
        m_items.erase(it);
        const Part &done = e.part;
        QByteArray out;
        QJsonObject finished = item.json;
        finished.insert(k("status"), k("completed"));
        switch (item.part.kind) {
        case Part::Kind::Text:
        case Part::Kind::Refusal: {
            const QString text = item.part.text;
            const bool isText = item.part.kind == Part::Kind::Text;
            const QJsonObject part =
                isText ? QJsonObject{{k("type"), k("output_text")},
                                     {k("text"), text},
                                     {k("annotations"), QJsonArray()}}
                       : QJsonObject{{k("type"), k("refusal")}, {k("refusal"), text}};
            if (isText)
                out += event("response.output_text.done", {{k("item_id"), item.id},
                                                           {k("output_index"), item.outputIndex},
                                                           {k("content_index"), 0},
                                                           {k("text"), text},
                                                           {k("logprobs"), QJsonArray()}});
            else
                out += event("response.refusal.done", {{k("item_id"), item.id},
                                                       {k("output_index"), item.outputIndex},
                                                       {k("content_index"), 0},
                                                       {k("refusal"), text}});
            out += event("response.content_part.done", {{k("item_id"), item.id},
                                                        {k("output_index"), item.outputIndex},
                                                        {k("content_index"), 0},
                                                        {k("part"), part}});
            finished.insert(k("content"), QJsonArray{part});
            break;
        }
        case Part::Kind::Thinking: {
            const QString text = item.part.text.isEmpty() ? done.text : item.part.text;
            QJsonArray summary;
            if (!text.isEmpty()) {
                const QJsonObject part{{k("type"), k("summary_text")}, {k("text"), text}};
                if (!m_summaryStarted.value(e.index))
                    out += event("response.reasoning_summary_part.added",
                                 {{k("item_id"), item.id},
                                  {k("output_index"), item.outputIndex},
                                  {k("summary_index"), 0},
                                  {k("part"), QJsonObject{{k("type"), k("summary_text")},
                                                          {k("text"), QString()}}}});
                out += event("response.reasoning_summary_text.done",
                             {{k("item_id"), item.id},
                              {k("output_index"), item.outputIndex},
                              {k("summary_index"), 0},
                              {k("text"), text}});
                out += event("response.reasoning_summary_part.done",
                             {{k("item_id"), item.id},
                              {k("output_index"), item.outputIndex},
                              {k("summary_index"), 0},
                              {k("part"), part}});
                summary.append(part);
            }
            finished.remove(k("status"));
            finished.insert(k("summary"), summary);
            const QString signature =
                done.signature.isEmpty() ? item.part.signature : done.signature;
            const QString encrypted = done.encryptedContent.isEmpty()
                                          ? opaque::wrapSignatureForResponses(signature)
                                          : done.encryptedContent;
            if (m_request.includeEncryptedReasoning && !encrypted.isEmpty())
                finished.insert(k("encrypted_content"), encrypted);
            m_summaryStarted.remove(e.index);
            break;
        }
        case Part::Kind::ToolCall:
            if (item.part.toolKind == ToolKind::Custom) {
                const QString input = done.input.isEmpty() ? item.part.input : done.input;
                out += event("response.custom_tool_call_input.done",
                             {{k("item_id"), item.id},
                              {k("output_index"), item.outputIndex},
                              {k("input"), input}});
                finished.insert(k("input"), input);
            } else if (item.part.toolKind == ToolKind::LocalShell) {
                finished.insert(k("action"), json::parseObject(done.arguments));
            } else {
                QString arguments =
                    item.part.arguments.isEmpty() ? done.arguments : item.part.arguments;
                if (arguments.isEmpty())
                    arguments = QStringLiteral("{}");
                out += event("response.function_call_arguments.done",
                             {{k("item_id"), item.id},
                              {k("output_index"), item.outputIndex},
                              {k("name"), item.part.name},
                              {k("arguments"), arguments}});
                finished.insert(k("arguments"), arguments);
            }
            break;
        case Part::Kind::Image:
        case Part::Kind::File:
        case Part::Kind::ToolResult:
            break;
        }
        out += event("response.output_item.done",
                     {{k("output_index"), item.outputIndex}, {k("item"), finished}});
        m_output.append(finished);
        return out;
    }
    case Type::Finish: {
        m_complete = true;
        const QJsonValue details = incompleteDetails(e.stopReason);
        const bool incomplete = !details.isNull();
        m_final = response(incomplete ? k("incomplete") : k("completed"));
        if (incomplete)
            m_final.insert(k("incomplete_details"), details);
        m_final.insert(k("usage"), ResponsesSurface::usageJson(e.usage));
        return event(incomplete ? "response.incomplete" : "response.completed",
                     {{k("response"), m_final}});
    }
    case Type::Error: {
        m_complete = true;
        m_final = response(k("failed"));
        m_final.insert(k("error"), ResponsesSurface::errorJson(e.error));
        return event("response.failed", {{k("response"), m_final}});
    }
    }
    return {};
}

} // namespace gatehouse
