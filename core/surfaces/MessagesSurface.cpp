#include "MessagesSurface.h"

#include "Json.h"
#include "ToolShapes.h"
#include "UsageScanner.h"
#include "util/TextMatch.h"

#include <QCoreApplication>
#include <QSet>

namespace gatehouse {

using namespace conversation;
using Type = StreamEvent::Type;
using DeltaKind = StreamEvent::DeltaKind;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MessagesSurface", text);
}

using json::k;

// Anthropic takes images up to 5 MB each.
constexpr qsizetype maxImageBase64 = qsizetype{5} * 1024 * 1024 * 4 / 3 + 4;
// Images from Anthropic clients, as Anthropic's own request limit allows.
constexpr qsizetype maxImageBase64In = qsizetype{20} * 1024 * 1024;

// Blocks the model wrote with tools the provider ran itself: nothing another surface can
// take, and nothing the conversation needs to go on.
bool isServerToolBlock(const QString &type)
{
    return type == QLatin1String("server_tool_use") ||
           type.endsWith(QLatin1String("_tool_result")) || type == QLatin1String("mcp_tool_use") ||
           type == QLatin1String("container_upload");
}

std::variant<Part, ApiError> sourcePart(const QJsonObject &block, Part::Kind kind,
                                        const QString &where)
{
    const QJsonObject source = block.value(k("source")).toObject();
    const QString type = source.value(k("type")).toString();
    Part p;
    p.kind = kind;
    p.cacheControl = block.value(k("cache_control"));
    if (type == QLatin1String("base64")) {
        p.mediaType = source.value(k("media_type")).toString();
        p.data = source.value(k("data")).toString();
        if (p.data.isEmpty() || p.mediaType.isEmpty())
            return ApiError::untranslatable(tr("%1.source needs media_type and data.").arg(where),
                                            where);
        // Other surfaces take only these image types.
        if (kind == Part::Kind::Image && !isSupportedImageType(p.mediaType))
            return ApiError::untranslatable(
                tr("%1 must be a JPEG, PNG, GIF or WebP image.").arg(where), where);
        if (p.data.size() > maxImageBase64In)
            return ApiError::untranslatable(tr("%1 is larger than 15 MB.").arg(where), where);
    } else if (type == QLatin1String("url")) {
        p.url = source.value(k("url")).toString();
        if (!isWebUrl(p.url))
            return ApiError::untranslatable(tr("%1.source.url must be an http(s) URL.").arg(where),
                                            where);
    } else if (type == QLatin1String("text") && kind == Part::Kind::File) {
        p.mediaType = source.value(k("media_type")).toString(QStringLiteral("text/plain"));
        p.data = QString::fromLatin1(source.value(k("data")).toString().toUtf8().toBase64());
    } else if (type == QLatin1String("file") && source.value(k("file_id")).isString()) {
        p.fileId = source.value(k("file_id")).toString();
    } else {
        return ApiError::untranslatable(
            kind == Part::Kind::Image
                ? tr("%1.source.type must be base64 or url.").arg(where)
                : tr("%1.source.type must be base64, text, url or file (with a file_id).")
                      .arg(where),
            where);
    }
    if (kind == Part::Kind::File)
        p.filename = block.value(k("title")).toString();
    return p;
}

QJsonObject sourceJson(const Part &p)
{
    if (!p.url.isEmpty())
        return {{k("type"), k("url")}, {k("url"), p.url}};
    if (!p.fileId.isEmpty())
        return {{k("type"), k("file")}, {k("file_id"), p.fileId}};
    return {{k("type"), k("base64")}, {k("media_type"), p.mediaType}, {k("data"), p.data}};
}

QJsonObject withCache(QJsonObject block, const Part &p)
{
    if (p.cacheControl.isObject())
        block.insert(k("cache_control"), p.cacheControl);
    return block;
}

// The thinking block an Anthropic client gets: its own signature, or reasoning another
// surface made, marked so that it comes back.
QJsonObject thinkingForClient(const Part &p)
{
    if (!p.redactedData.isEmpty())
        return {{k("type"), k("redacted_thinking")}, {k("data"), p.redactedData}};
    return {{k("type"), k("thinking")},
            {k("thinking"), p.text},
            {k("signature"), p.signature.isEmpty()
                                 ? opaque::wrapEncryptedForAnthropic(p.encryptedContent)
                                 : p.signature}};
}

// Text blocks' text, or a string as it is.
QString textOf(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList texts;
    for (const QJsonValue v : content.toArray()) {
        if (v.toObject().value(k("type")).toString() == QLatin1String("text"))
            texts << v.toObject().value(k("text")).toString();
    }
    return texts.join(QLatin1Char('\n'));
}

} // namespace

QUrl MessagesSurface::url(const QUrl &baseUrl, Operation operation) const
{
    // Anthropic base URLs are the host root; a "/v1" typed by the user is not doubled.
    QString base = baseUrl.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString v1 = base.endsWith(QLatin1String("/v1")) ? base : base + QLatin1String("/v1");
    QUrl url = baseUrl;
    switch (operation) {
    case Operation::Generate:
        url.setPath(v1 + QLatin1String("/messages"));
        return url;
    case Operation::CountTokens:
        url.setPath(v1 + QLatin1String("/messages/count_tokens"));
        return url;
    case Operation::ListModels:
        url.setPath(v1 + QLatin1String("/models"));
        return url;
    case Operation::Embeddings:
    case Operation::Complete:
        break;
    }
    return {};
}

HttpHeaders MessagesSurface::credentials(const QByteArray &key) const
{
    if (key.isEmpty())
        return {};
    return {{QByteArrayLiteral("x-api-key"), key}};
}

HttpHeaders MessagesSurface::protocolHeaders(const HttpRequest *client) const
{
    const QByteArray version = client ? client->header("anthropic-version") : QByteArray();
    HttpHeaders headers{{QByteArrayLiteral("anthropic-version"),
                         version.isEmpty() ? QByteArray(defaultVersion) : version}};
    const QByteArray beta = client ? client->header("anthropic-beta") : QByteArray();
    if (!beta.isEmpty())
        headers.append({QByteArrayLiteral("anthropic-beta"), beta});
    return headers;
}

namespace {

// Watches a Messages stream relayed as it is: complete when its last event is message_stop
// (not when some text merely says so).
class MessagesStreamObserver : public StreamObserver
{
public:
    void observe(QByteArrayView bytes) override
    {
        for (const SseParser::Event &e : m_parser.feed(bytes)) {
            m_complete = e.event == "message_stop" ||
                         (e.event.isEmpty() && containsBytes(e.data, "message_stop") &&
                          QJsonDocument::fromJson(e.data).object().value(k("type")).toString() ==
                              QLatin1String("message_stop"));
            if (containsBytes(e.data, "\"usage\""))
                m_scanner.scan(e.data);
        }
    }
    bool isComplete() const override { return m_complete; }
    Usage usage() const override { return m_scanner.usage(); }

private:
    SseParser m_parser;
    UsageScanner m_scanner;
    bool m_complete = false;
};

} // namespace

std::unique_ptr<StreamObserver> MessagesSurface::streamObserver() const
{
    return std::make_unique<MessagesStreamObserver>();
}

// ---- requests

std::variant<Request, ApiError> MessagesSurface::decodeRequest(const QJsonObject &in) const
{
    // A field of the wrong shape is refused, never dropped on the way to another surface.
    if (auto misshapen = json::checkShapes(in, {{"tools", json::Shape::ArrayOfObjects},
                                                {"tool_choice", json::Shape::Object},
                                                {"stop_sequences", json::Shape::ArrayOfStrings},
                                                {"messages", json::Shape::ArrayOfObjects}}))
        return *misshapen;
    Request r;
    r.origin = ApiSurface::Anthropic;
    r.model = in.value(k("model")).toString();
    const QJsonValue system = in.value(k("system"));
    if (system.isString()) {
        if (!system.toString().isEmpty())
            r.messages << Message{Role::System, {Part::textPart(system.toString())}};
    } else if (system.isArray()) {
        Message m{Role::System, {}};
        for (const QJsonValue v : system.toArray()) {
            const QJsonObject block = v.toObject();
            Part p = Part::textPart(block.value(k("text")).toString());
            p.cacheControl = block.value(k("cache_control"));
            m.parts << p;
        }
        if (!m.parts.isEmpty())
            r.messages << m;
    } else if (!system.isUndefined() && !system.isNull()) {
        return ApiError::untranslatable(tr("system must be a string or an array of text blocks."),
                                        QStringLiteral("system"));
    }

    QSet<QString> openToolUses;
    const QJsonArray list = in.value(k("messages")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("messages[%1]").arg(i);
        const QJsonObject m = list.at(i).toObject();
        const QString role = m.value(k("role")).toString();
        if (role == QLatin1String("system")) {
            // Not in Anthropic's API, but Claude Code sends it to gateways: instructions in
            // the middle of the conversation, which every surface can take as system text.
            const QString text = textOf(m.value(k("content")));
            if (!text.isEmpty())
                r.messages << Message{Role::System, {Part::textPart(text)}};
            continue;
        }
        if (role != QLatin1String("user") && role != QLatin1String("assistant"))
            return ApiError::untranslatable(
                tr("%1.role \"%2\" is unknown; use user or assistant.").arg(where, role),
                where + QStringLiteral(".role"));
        const bool user = role == QLatin1String("user");
        const QJsonValue content = m.value(k("content"));
        if (content.isString()) {
            r.messages << Message{user ? Role::User : Role::Assistant,
                                  {Part::textPart(content.toString())}};
            continue;
        }
        if (!content.isArray())
            return ApiError::untranslatable(
                tr("%1.content must be a string or an array of content blocks.").arg(where),
                where + QStringLiteral(".content"));
        Message message{user ? Role::User : Role::Assistant, {}};
        Message results{Role::Tool, {}};
        const QJsonArray blocks = content.toArray();
        for (qsizetype b = 0; b < blocks.size(); ++b) {
            const QString bw = QStringLiteral("%1.content[%2]").arg(where).arg(b);
            const QJsonObject block = blocks.at(b).toObject();
            const QString type = block.value(k("type")).toString();
            if (type == QLatin1String("text")) {
                if (!block.value(k("text")).isString())
                    return ApiError::untranslatable(tr("%1.text must be a string.").arg(bw), bw);
                Part p = Part::textPart(block.value(k("text")).toString());
                p.cacheControl = block.value(k("cache_control"));
                message.parts << p;
            } else if ((type == QLatin1String("image") || type == QLatin1String("document")) &&
                       user) {
                auto part = sourcePart(
                    block, type == QLatin1String("image") ? Part::Kind::Image : Part::Kind::File,
                    bw);
                if (auto *e = std::get_if<ApiError>(&part))
                    return *e;
                message.parts << std::get<Part>(part);
            } else if (type == QLatin1String("tool_use") && !user) {
                Part p;
                p.kind = Part::Kind::ToolCall;
                p.callId = block.value(k("id")).toString();
                p.name = block.value(k("name")).toString();
                if (p.callId.isEmpty() || p.name.isEmpty())
                    return ApiError::untranslatable(tr("%1 needs an id and a name.").arg(bw), bw);
                p.arguments = json::compact(block.value(k("input")).toObject());
                p.cacheControl = block.value(k("cache_control"));
                // A result names its call by id: two waiting calls with one id are ambiguous.
                if (openToolUses.contains(p.callId))
                    return ApiError::untranslatable(
                        tr("%1 has the id \"%2\" of another tool_use still waiting for its "
                           "result.")
                            .arg(bw, p.callId),
                        bw + QStringLiteral(".id"));
                openToolUses.insert(p.callId);
                message.parts << p;
            } else if (type == QLatin1String("tool_result") && user) {
                Part p;
                p.kind = Part::Kind::ToolResult;
                p.callId = block.value(k("tool_use_id")).toString();
                if (!openToolUses.contains(p.callId))
                    return ApiError::untranslatable(
                        tr("%1 answers tool use \"%2\", which no earlier assistant message made.")
                            .arg(bw, p.callId),
                        bw + QStringLiteral(".tool_use_id"));
                openToolUses.remove(p.callId);
                p.isError = block.value(k("is_error")).toBool();
                p.cacheControl = block.value(k("cache_control"));
                const QJsonValue c = block.value(k("content"));
                if (c.isString()) {
                    p.content << Part::textPart(c.toString());
                } else {
                    for (const QJsonValue v : c.toArray()) {
                        const QJsonObject inner = v.toObject();
                        if (inner.value(k("type")).toString() == QLatin1String("text")) {
                            p.content << Part::textPart(inner.value(k("text")).toString());
                        } else if (inner.value(k("type")).toString() == QLatin1String("image")) {
                            auto image = sourcePart(inner, Part::Kind::Image, bw);
                            if (auto *e = std::get_if<ApiError>(&image))
                                return *e;
                            p.content << std::get<Part>(image);
                        }
                    }
                }
                results.parts << p;
            } else if (type == QLatin1String("thinking") && !user) {
                Part p;
                p.kind = Part::Kind::Thinking;
                p.text = block.value(k("thinking")).toString();
                opaque::fromAnthropicSignature(block.value(k("signature")).toString(), p);
                message.parts << p;
            } else if (type == QLatin1String("redacted_thinking") && !user) {
                Part p;
                p.kind = Part::Kind::Thinking;
                p.redactedData = block.value(k("data")).toString();
                message.parts << p;
            } else if (isServerToolBlock(type)) {
                // What the provider's own tools did; another provider cannot take it.
            } else {
                return ApiError::untranslatable(
                    tr("%1 has type \"%2\", which cannot be sent to this provider.").arg(bw, type),
                    bw);
            }
        }
        // Tool results answer the previous assistant turn, so they come first.
        if (!results.parts.isEmpty())
            r.messages << results;
        if (!message.parts.isEmpty())
            r.messages << message;
    }

    // A fraction or a number too large for an integer would go on as 0.
    if (const QJsonValue maxTokens = in.value(k("max_tokens"));
        !maxTokens.isUndefined() && !maxTokens.isNull()) {
        if (!maxTokens.isDouble() || maxTokens.toInteger() < 1)
            return ApiError::untranslatable(tr("max_tokens must be a positive integer."),
                                            QStringLiteral("max_tokens"));
        r.maxOutputTokens = maxTokens.toInteger();
    }
    if (in.value(k("temperature")).isDouble())
        r.temperature = in.value(k("temperature")).toDouble();
    if (in.value(k("top_p")).isDouble())
        r.topP = in.value(k("top_p")).toDouble();
    if (in.value(k("top_k")).isDouble())
        r.topK = in.value(k("top_k")).toInteger();
    for (const QJsonValue s : in.value(k("stop_sequences")).toArray())
        r.stop << s.toString();
    r.stream = in.value(k("stream")).toBool();
    r.streamUsage = true;
    r.user = in.value(k("metadata")).toObject().value(k("user_id")).toString();
    const QJsonObject thinking = in.value(k("thinking")).toObject();
    const QString thinkingType = thinking.value(k("type")).toString();
    if (thinkingType == QLatin1String("enabled")) {
        r.reasoning.enabled = true;
        r.reasoning.budgetTokens = json::integer(thinking.value(k("budget_tokens")));
    } else if (thinkingType == QLatin1String("disabled")) {
        r.reasoning.enabled = false;
    }
    const QJsonObject outputConfig = in.value(k("output_config")).toObject();
    r.reasoning.effort = outputConfig.value(k("effort")).toString();
    QJsonObject format = outputConfig.value(k("format")).toObject();
    if (format.isEmpty())
        format = in.value(k("output_format")).toObject();
    if (format.value(k("type")).toString() == QLatin1String("json_schema")) {
        r.responseFormat.kind = ResponseFormat::Kind::JsonSchema;
        r.responseFormat.schema = format.value(k("schema")).toObject();
    }

    const QJsonArray tools = in.value(k("tools")).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject tool = tools.at(i).toObject();
        ToolDefinition t;
        t.name = tool.value(k("name")).toString();
        if (t.name.isEmpty())
            return ApiError::untranslatable(tr("tools[%1] needs a name.").arg(i),
                                            QStringLiteral("tools[%1]").arg(i));
        const QString type = tool.value(k("type")).toString();
        if (!type.isEmpty() && type != QLatin1String("custom")) {
            // A tool Anthropic defines (web search, code execution, its bash and editor):
            // only an Anthropic provider knows what it is.
            t.kind = ToolKind::Hosted;
            t.hostedType = type;
            t.hosted = tool;
        } else {
            t.description = tool.value(k("description")).toString();
            t.parameters = tool.value(k("input_schema")).toObject();
            if (tool.value(k("strict")).isBool())
                t.strict = tool.value(k("strict")).toBool();
        }
        t.cacheControl = tool.value(k("cache_control"));
        r.tools << t;
    }
    const QJsonObject choice = in.value(k("tool_choice")).toObject();
    const QString choiceType = choice.value(k("type")).toString();
    if (choiceType == QLatin1String("auto"))
        r.toolChoice.mode = ToolChoice::Mode::Auto;
    else if (choiceType == QLatin1String("any"))
        r.toolChoice.mode = ToolChoice::Mode::Required;
    else if (choiceType == QLatin1String("none"))
        r.toolChoice.mode = ToolChoice::Mode::None;
    else if (choiceType == QLatin1String("tool") && !choice.value(k("name")).toString().isEmpty()) {
        r.toolChoice.mode = ToolChoice::Mode::Named;
        r.toolChoice.name = choice.value(k("name")).toString();
    } else if (in.contains(k("tool_choice")) && !in.value(k("tool_choice")).isNull())
        return ApiError::badRequest(tr("tool_choice must have the type auto, any, none, or tool "
                                       "with a name."),
                                    QStringLiteral("tool_choice"), QStringLiteral("invalid_type"));
    if (choice.value(k("disable_parallel_tool_use")).toBool())
        r.parallelToolCalls = false;
    for (const char *extra : {"container", "mcp_servers", "context_management"}) {
        if (in.contains(k(extra)))
            r.surfaceExtras.insert(k(extra), in.value(k(extra)));
    }
    return r;
}

qint64 MessagesSurface::thinkingBudget(const QString &effort)
{
    if (effort == QLatin1String("low"))
        return 2048;
    if (effort == QLatin1String("medium"))
        return 8192;
    if (effort == QLatin1String("high"))
        return 16384;
    if (effort == QLatin1String("xhigh"))
        return 32768;
    return 0; // none, minimal, unset
}

std::variant<QJsonObject, ApiError> MessagesSurface::encodeRequest(const Request &r,
                                                                   const QString &model) const
{
    QJsonObject out;
    out.insert(k("model"), model);

    QStringList systemTexts;
    QJsonArray systemBlocks;
    bool systemCached = false;
    QJsonArray messages;
    auto append = [&messages](const QString &role, const QJsonArray &blocks) {
        json::appendTurn(messages, role, QLatin1String("content"), blocks);
    };

    for (qsizetype i = 0; i < r.messages.size(); ++i) {
        const Message &m = r.messages.at(i);
        QJsonArray blocks;
        switch (m.role) {
        case Role::System:
        case Role::Developer: {
            QStringList texts;
            for (const Part &p : m.parts) {
                if (p.kind != Part::Kind::Text)
                    continue;
                texts << p.text;
                systemBlocks.append(withCache({{k("type"), k("text")}, {k("text"), p.text}}, p));
                systemCached = systemCached || p.cacheControl.isObject();
            }
            if (!texts.isEmpty())
                systemTexts << texts.join(QLatin1Char('\n'));
            continue;
        }
        case Role::User:
            for (qsizetype j = 0; j < m.parts.size(); ++j) {
                const Part &p = m.parts.at(j);
                const QString where = QStringLiteral("messages[%1].content[%2]").arg(i).arg(j);
                if (p.kind == Part::Kind::Text) {
                    blocks.append(withCache({{k("type"), k("text")}, {k("text"), p.text}}, p));
                } else if (p.kind == Part::Kind::Image) {
                    if (p.data.size() > maxImageBase64)
                        return ApiError::untranslatable(
                            tr("%1 is larger than 5 MB, the most the provider accepts per image.")
                                .arg(where),
                            where);
                    blocks.append(
                        withCache({{k("type"), k("image")}, {k("source"), sourceJson(p)}}, p));
                } else if (p.kind == Part::Kind::File) {
                    QJsonObject doc{{k("type"), k("document")}, {k("source"), sourceJson(p)}};
                    if (!p.filename.isEmpty())
                        doc.insert(k("title"), p.filename);
                    blocks.append(withCache(doc, p));
                }
            }
            append(QStringLiteral("user"), blocks);
            continue;
        case Role::Assistant:
            for (const Part &p : m.parts) {
                if (p.kind == Part::Kind::Text || p.kind == Part::Kind::Refusal) {
                    if (!p.text.isEmpty())
                        blocks.append(withCache({{k("type"), k("text")}, {k("text"), p.text}}, p));
                } else if (p.kind == Part::Kind::Thinking) {
                    // Only Anthropic's own signed reasoning goes back to it.
                    if (!p.redactedData.isEmpty())
                        blocks.append(QJsonObject{{k("type"), k("redacted_thinking")},
                                                  {k("data"), p.redactedData}});
                    else if (!p.signature.isEmpty())
                        blocks.append(QJsonObject{{k("type"), k("thinking")},
                                                  {k("thinking"), p.text},
                                                  {k("signature"), p.signature}});
                } else if (p.kind == Part::Kind::ToolCall) {
                    const QString arguments = toolshapes::functionArguments(p);
                    QJsonParseError pe{};
                    const QJsonDocument args = QJsonDocument::fromJson(arguments.toUtf8(), &pe);
                    if (pe.error != QJsonParseError::NoError || !args.isObject())
                        return ApiError::untranslatable(
                            tr("The arguments of tool call \"%1\" are not a JSON object.")
                                .arg(p.callId),
                            QStringLiteral("messages[%1]").arg(i));
                    blocks.append(withCache({{k("type"), k("tool_use")},
                                             {k("id"), p.callId},
                                             {k("name"), flatName(p.toolNamespace, p.name)},
                                             {k("input"), args.object()}},
                                            p));
                }
            }
            append(QStringLiteral("assistant"), blocks);
            continue;
        case Role::Tool:
            for (const Part &p : m.parts) {
                if (p.kind != Part::Kind::ToolResult)
                    continue;
                QJsonObject result{{k("type"), k("tool_result")}, {k("tool_use_id"), p.callId}};
                bool images = false;
                for (const Part &c : p.content)
                    images = images || c.kind == Part::Kind::Image;
                if (images) {
                    QJsonArray content;
                    for (const Part &c : p.content) {
                        if (c.kind == Part::Kind::Text)
                            content.append(
                                QJsonObject{{k("type"), k("text")}, {k("text"), c.text}});
                        else if (c.kind == Part::Kind::Image)
                            content.append(
                                QJsonObject{{k("type"), k("image")}, {k("source"), sourceJson(c)}});
                    }
                    result.insert(k("content"), content);
                } else {
                    result.insert(k("content"), p.resultText());
                }
                if (p.isError)
                    result.insert(k("is_error"), true);
                blocks.append(withCache(result, p));
            }
            append(QStringLiteral("user"), blocks);
            continue;
        }
    }
    if (messages.isEmpty())
        return ApiError::untranslatable(tr("The request has no user or assistant message to send."),
                                        QStringLiteral("messages"));
    out.insert(k("messages"), messages);
    if (systemCached)
        out.insert(k("system"), systemBlocks);
    else if (!systemTexts.isEmpty())
        out.insert(k("system"), systemTexts.join(QLatin1String("\n\n")));

    if (r.choices != 1)
        return ApiError::untranslatable(
            tr("n = %1 is not supported by this provider; ask for one choice.").arg(r.choices),
            QStringLiteral("n"));

    // Thinking: asked for directly, or as a reasoning effort.
    qint64 budget = 0;
    if (r.reasoning.enabled.value_or(false))
        budget = r.reasoning.budgetTokens > 0 ? r.reasoning.budgetTokens : 8192;
    else if (!r.reasoning.enabled.has_value())
        budget = thinkingBudget(r.reasoning.effort);
    qint64 maxTokens = r.maxOutputTokens.value_or(defaultMaxTokens);
    if (budget > 0 && !r.maxOutputTokens)
        maxTokens = budget + defaultMaxTokens;
    if (budget >= maxTokens)
        budget = maxTokens - 1;
    if (budget >= 1024) {
        out.insert(k("thinking"),
                   QJsonObject{{k("type"), k("enabled")}, {k("budget_tokens"), budget}});
    } else {
        // Sampling settings are only allowed without thinking.
        if (r.temperature)
            out.insert(k("temperature"), *r.temperature);
        if (r.topP)
            out.insert(k("top_p"), *r.topP);
        if (r.topK)
            out.insert(k("top_k"), *r.topK);
    }
    out.insert(k("max_tokens"), maxTokens);
    if (!r.stop.isEmpty())
        out.insert(k("stop_sequences"), QJsonArray::fromStringList(r.stop));
    if (r.stream)
        out.insert(k("stream"), true);
    if (!r.user.isEmpty())
        out.insert(k("metadata"), QJsonObject{{k("user_id"), r.user}});
    if (r.responseFormat.kind == ResponseFormat::Kind::JsonSchema) {
        out.insert(k("output_config"),
                   QJsonObject{{k("format"), QJsonObject{{k("type"), k("json_schema")},
                                                         {k("schema"), r.responseFormat.schema}}}});
    } else if (r.responseFormat.kind == ResponseFormat::Kind::JsonObject) {
        const QString instruction = QStringLiteral("Answer with one JSON object and nothing else.");
        if (systemCached)
            systemBlocks.append(QJsonObject{{k("type"), k("text")}, {k("text"), instruction}});
        out.insert(
            k("system"),
            systemCached
                ? QJsonValue(systemBlocks)
                : QJsonValue((systemTexts + QStringList{instruction}).join(QLatin1String("\n\n"))));
    }
    if (r.origin == ApiSurface::Anthropic) {
        for (auto it = r.surfaceExtras.begin(); it != r.surfaceExtras.end(); ++it)
            out.insert(it.key(), it.value());
    }

    QJsonArray tools;
    for (const ToolDefinition &t : r.tools) {
        if (t.kind == ToolKind::Hosted)
            continue; // named in x-gatehouse-dropped-tools
        QJsonObject tool{{k("name"), t.flatName()},
                         {k("input_schema"), toolshapes::functionParameters(t)}};
        const QString description = toolshapes::functionDescription(t);
        if (!description.isEmpty())
            tool.insert(k("description"), description);
        if (t.cacheControl.isObject())
            tool.insert(k("cache_control"), t.cacheControl);
        tools.append(tool);
    }
    if (!tools.isEmpty()) {
        out.insert(k("tools"), tools);
        QJsonObject choice;
        switch (r.toolChoice.mode) {
        case ToolChoice::Mode::Auto:
            choice.insert(k("type"), k("auto"));
            break;
        case ToolChoice::Mode::None:
            choice.insert(k("type"), k("none"));
            break;
        case ToolChoice::Mode::Required:
            choice.insert(k("type"), k("any"));
            break;
        case ToolChoice::Mode::Named:
            choice =
                QJsonObject{{k("type"), k("tool")},
                            {k("name"), flatName(r.toolChoice.toolNamespace, r.toolChoice.name)}};
            break;
        case ToolChoice::Mode::Unset:
            break;
        }
        if (r.parallelToolCalls == false) {
            if (choice.isEmpty())
                choice.insert(k("type"), k("auto"));
            choice.insert(k("disable_parallel_tool_use"), true);
        }
        if (!choice.isEmpty())
            out.insert(k("tool_choice"), choice);
    }
    return out;
}

// ---- whole answers

StopReason MessagesSurface::stopReason(const QString &name)
{
    if (name == QLatin1String("max_tokens") ||
        name == QLatin1String("model_context_window_exceeded"))
        return StopReason::MaxTokens;
    if (name == QLatin1String("tool_use"))
        return StopReason::ToolUse;
    if (name == QLatin1String("stop_sequence"))
        return StopReason::StopSequence;
    if (name == QLatin1String("refusal"))
        return StopReason::Refusal;
    if (name == QLatin1String("pause_turn"))
        return StopReason::PauseTurn;
    return StopReason::EndTurn;
}

QString MessagesSurface::stopReasonName(StopReason reason)
{
    switch (reason) {
    case StopReason::MaxTokens:
        return QStringLiteral("max_tokens");
    case StopReason::ToolUse:
        return QStringLiteral("tool_use");
    case StopReason::StopSequence:
        return QStringLiteral("stop_sequence");
    case StopReason::ContentFilter:
    case StopReason::Refusal:
        return QStringLiteral("refusal");
    case StopReason::PauseTurn:
        return QStringLiteral("pause_turn");
    case StopReason::EndTurn:
    case StopReason::Unknown:
        break;
    }
    return QStringLiteral("end_turn");
}

Usage MessagesSurface::usage(const QJsonObject &u)
{
    UsageScanner scanner;
    scanner.scan(QByteArray("{\"usage\":" + json::bytes(u) + '}'));
    return scanner.usage();
}

QJsonObject MessagesSurface::usageJson(const Usage &u)
{
    const qint64 cached = std::max<qint64>(0, u.cachedInputTokens);
    const qint64 created = std::max<qint64>(0, u.cacheCreationTokens);
    QJsonObject out{{k("input_tokens"),
                     std::max<qint64>(0, std::max<qint64>(0, u.inputTokens) - cached - created)},
                    {k("cache_read_input_tokens"), cached},
                    {k("output_tokens"), std::max<qint64>(0, u.outputTokens)}};
    if (u.cacheCreationTokens >= 0)
        out.insert(k("cache_creation_input_tokens"), created);
    return out;
}

std::variant<Response, ApiError> MessagesSurface::decodeResponse(const QJsonObject &in) const
{
    if (in.value(k("type")).toString() != QLatin1String("message"))
        return ApiError::badGateway(
            tr("The provider answered with something that is not an Anthropic Messages response."),
            QStringLiteral("upstream_malformed"));
    Response r;
    r.id = in.value(k("id")).toString();
    r.model = in.value(k("model")).toString();
    for (const QJsonValue v : in.value(k("content")).toArray()) {
        const QJsonObject block = v.toObject();
        const QString type = block.value(k("type")).toString();
        Part p;
        if (type == QLatin1String("text")) {
            p = Part::textPart(block.value(k("text")).toString());
        } else if (type == QLatin1String("thinking")) {
            p.kind = Part::Kind::Thinking;
            p.text = block.value(k("thinking")).toString();
            p.signature = block.value(k("signature")).toString();
        } else if (type == QLatin1String("redacted_thinking")) {
            p.kind = Part::Kind::Thinking;
            p.redactedData = block.value(k("data")).toString();
        } else if (type == QLatin1String("tool_use")) {
            p.kind = Part::Kind::ToolCall;
            p.callId = block.value(k("id")).toString();
            p.name = block.value(k("name")).toString();
            p.arguments = json::compact(block.value(k("input")).toObject());
        } else {
            continue;
        }
        r.parts << p;
    }
    r.stopReason = stopReason(in.value(k("stop_reason")).toString());
    r.stopSequence = in.value(k("stop_sequence")).toString();
    r.usage = usage(in.value(k("usage")).toObject());
    return r;
}

QJsonObject MessagesSurface::encodeResponse(const Response &r, const Request &request) const
{
    Q_UNUSED(request)
    QJsonArray content;
    for (const Part &p : r.parts) {
        switch (p.kind) {
        case Part::Kind::Text:
        case Part::Kind::Refusal:
            content.append(QJsonObject{{k("type"), k("text")}, {k("text"), p.text}});
            break;
        case Part::Kind::Thinking:
            content.append(thinkingForClient(p));
            break;
        case Part::Kind::ToolCall:
            content.append(
                QJsonObject{{k("type"), k("tool_use")},
                            {k("id"), p.callId},
                            {k("name"), flatName(p.toolNamespace, p.name)},
                            {k("input"), json::parseObject(toolshapes::functionArguments(p))}});
            break;
        case Part::Kind::Image:
        case Part::Kind::File:
        case Part::Kind::ToolResult:
            break;
        }
    }
    return QJsonObject{
        {k("id"), r.id.isEmpty() ? QStringLiteral("msg_gatehouse") : r.id},
        {k("type"), k("message")},
        {k("role"), k("assistant")},
        {k("model"), r.model},
        {k("content"), content},
        {k("stop_reason"), stopReasonName(r.stopReason)},
        {k("stop_sequence"), r.stopSequence.isEmpty() ? QJsonValue() : QJsonValue(r.stopSequence)},
        {k("usage"), usageJson(r.usage)}};
}

QByteArray MessagesSurface::streamError(const ApiError &error) const
{
    return error.streamEvent(ApiShape::Anthropic);
}

// ---- streams: decoding

std::unique_ptr<StreamDecoder> MessagesSurface::streamDecoder() const
{
    return std::make_unique<MessagesStreamDecoder>();
}

void MessagesStreamDecoder::handle(const SseParser::Event &event, const QJsonObject &json,
                                   StreamEvents &out)
{
    const QJsonObject &data = json;
    const QString type = data.value(k("type")).toString(QString::fromUtf8(event.event));
    if (type == QLatin1String("message_start")) {
        const QJsonObject message = data.value(k("message")).toObject();
        m_usage.merge(MessagesSurface::usage(message.value(k("usage")).toObject()));
        StreamEvent start;
        start.type = Type::Start;
        start.id = message.value(k("id")).toString();
        start.model = message.value(k("model")).toString();
        start.usage = m_usage;
        out << start;
        return;
    }
    if (type == QLatin1String("content_block_start")) {
        const QJsonObject block = data.value(k("content_block")).toObject();
        const QString kind = block.value(k("type")).toString();
        Part p;
        if (kind == QLatin1String("text")) {
            p = Part::textPart(block.value(k("text")).toString());
        } else if (kind == QLatin1String("thinking")) {
            p.kind = Part::Kind::Thinking;
            p.text = block.value(k("thinking")).toString();
            p.signature = block.value(k("signature")).toString();
        } else if (kind == QLatin1String("redacted_thinking")) {
            p.kind = Part::Kind::Thinking;
            p.redactedData = block.value(k("data")).toString();
        } else if (kind == QLatin1String("tool_use")) {
            p.kind = Part::Kind::ToolCall;
            p.callId = block.value(k("id")).toString();
            p.name = block.value(k("name")).toString();
        } else {
            return; // the provider's own tools: not passed on
        }
        const int index = m_blockCount++;
        m_blocks.insert(data.value(k("index")).toInt(), index);
        m_parts.insert(index, p);
        StreamEvent start;
        start.type = Type::BlockStart;
        start.index = index;
        start.part = p;
        out << start;
        return;
    }
    if (type == QLatin1String("content_block_delta")) {
        const auto it = m_blocks.constFind(data.value(k("index")).toInt());
        if (it == m_blocks.constEnd())
            return;
        const QJsonObject delta = data.value(k("delta")).toObject();
        const QString kind = delta.value(k("type")).toString();
        StreamEvent d;
        d.type = Type::BlockDelta;
        d.index = *it;
        Part &part = m_parts[*it];
        if (kind == QLatin1String("text_delta")) {
            d.delta = delta.value(k("text")).toString();
            part.text += d.delta;
        } else if (kind == QLatin1String("thinking_delta")) {
            d.delta = delta.value(k("thinking")).toString();
            part.text += d.delta;
        } else if (kind == QLatin1String("signature_delta")) {
            d.delta = delta.value(k("signature")).toString();
            d.deltaKind = DeltaKind::Signature;
            part.signature += d.delta;
        } else if (kind == QLatin1String("input_json_delta")) {
            d.delta = delta.value(k("partial_json")).toString();
            d.deltaKind = DeltaKind::Arguments;
            part.arguments += d.delta;
        } else {
            return; // citations
        }
        if (!d.delta.isEmpty())
            out << d;
        return;
    }
    if (type == QLatin1String("content_block_stop")) {
        const auto it = m_blocks.constFind(data.value(k("index")).toInt());
        if (it == m_blocks.constEnd())
            return;
        StreamEvent stop;
        stop.type = Type::BlockStop;
        stop.index = *it;
        // A closed block takes no more deltas, and closes once.
        m_blocks.erase(it);
        stop.part = m_parts.value(stop.index);
        if (stop.part.isToolCall() && stop.part.arguments.isEmpty())
            stop.part.arguments = QStringLiteral("{}");
        out << stop;
        return;
    }
    if (type == QLatin1String("message_delta")) {
        const QJsonObject delta = data.value(k("delta")).toObject();
        if (delta.value(k("stop_reason")).isString())
            m_stop = MessagesSurface::stopReason(delta.value(k("stop_reason")).toString());
        m_stopSequence = delta.value(k("stop_sequence")).toString();
        m_usage.merge(MessagesSurface::usage(data.value(k("usage")).toObject()));
        return;
    }
    if (type == QLatin1String("message_stop")) {
        m_complete = true;
        StreamEvent finish;
        finish.type = Type::Finish;
        finish.stopReason = m_stop;
        finish.stopSequence = m_stopSequence;
        finish.usage = m_usage;
        out << finish;
        return;
    }
    if (type == QLatin1String("error")) {
        m_failed = true;
        const QJsonObject e = data.value(k("error")).toObject();
        const QString errorType = e.value(k("type")).toString();
        const int status = errorType == QLatin1String("rate_limit_error")        ? 429
                           : errorType == QLatin1String("overloaded_error")      ? 529
                           : errorType == QLatin1String("invalid_request_error") ? 400
                           : errorType == QLatin1String("request_too_large")     ? 413
                                                                                 : 502;
        StreamEvent error;
        error.type = Type::Error;
        QString message = e.value(k("message")).toString();
        if (message.isEmpty()) // the client is told something
            message = tr("The provider's stream ended with an error.");
        error.providerError = true;
        error.error = ApiError{status, errorType, {}, message, {}};
        out << error;
    }
    // ping and unknown events carry nothing to pass on
}

// ---- streams: encoding

std::unique_ptr<StreamEncoder> MessagesSurface::streamEncoder(const Request &request) const
{
    Q_UNUSED(request)
    return std::make_unique<MessagesStreamEncoder>();
}

QByteArray MessagesStreamEncoder::blockDelta(int index, const QJsonObject &delta) const
{
    return json::namedEvent("content_block_delta",
                            QJsonObject{{k("type"), k("content_block_delta")},
                                        {k("index"), index},
                                        {k("delta"), delta}});
}

QByteArray MessagesStreamEncoder::encode(const StreamEvent &event)
{
    if (m_complete)
        return {};
    switch (event.type) {
    case Type::Start: {
        const QJsonObject message{
            {k("id"), event.id.isEmpty() ? QStringLiteral("msg_gatehouse") : event.id},
            {k("type"), k("message")},
            {k("role"), k("assistant")},
            {k("model"), event.model},
            {k("content"), QJsonArray()},
            {k("stop_reason"), QJsonValue()},
            {k("stop_sequence"), QJsonValue()},
            {k("usage"), QJsonObject{{k("input_tokens"), 0}, {k("output_tokens"), 0}}}};
        return json::namedEvent(
            "message_start", QJsonObject{{k("type"), k("message_start")}, {k("message"), message}});
    }
    case Type::BlockStart: {
        const Part &p = event.part;
        const int index = m_next++;
        m_blocks.insert(event.index, index);
        m_open.insert(event.index, p);
        QJsonObject block;
        QByteArray extra;
        switch (p.kind) {
        case Part::Kind::Thinking:
            if (!p.redactedData.isEmpty()) {
                block =
                    QJsonObject{{k("type"), k("redacted_thinking")}, {k("data"), p.redactedData}};
                break;
            }
            block = QJsonObject{{k("type"), k("thinking")},
                                {k("thinking"), QString()},
                                {k("signature"), QString()}};
            break;
        case Part::Kind::ToolCall:
            block = QJsonObject{{k("type"), k("tool_use")},
                                {k("id"), p.callId},
                                {k("name"), flatName(p.toolNamespace, p.name)},
                                {k("input"), QJsonObject()}};
            if (p.toolKind == ToolKind::Custom) {
                m_argumentsSent.insert(event.index, true);
                extra = blockDelta(index, QJsonObject{{k("type"), k("input_json_delta")},
                                                      {k("partial_json"), k("{\"input\":\"")}});
            }
            break;
        default:
            block = QJsonObject{{k("type"), k("text")}, {k("text"), QString()}};
            break;
        }
        return json::namedEvent("content_block_start",
                                QJsonObject{{k("type"), k("content_block_start")},
                                            {k("index"), index},
                                            {k("content_block"), block}}) +
               extra;
    }
    case Type::BlockDelta: {
        const auto it = m_blocks.constFind(event.index);
        if (it == m_blocks.constEnd() || event.delta.isEmpty())
            return {};
        const Part &open = m_open[event.index];
        switch (open.kind) {
        case Part::Kind::ToolCall:
            if (event.deltaKind != DeltaKind::Arguments)
                return {};
            m_argumentsSent.insert(event.index, true);
            return blockDelta(
                *it, QJsonObject{{k("type"), k("input_json_delta")},
                                 {k("partial_json"), open.toolKind == ToolKind::Custom
                                                         ? json::escapedStringContent(event.delta)
                                                         : event.delta}});
        case Part::Kind::Thinking:
            if (!open.redactedData.isEmpty())
                return {};
            if (event.deltaKind == DeltaKind::Signature) {
                m_signatureSent.insert(event.index, true);
                return blockDelta(*it, QJsonObject{{k("type"), k("signature_delta")},
                                                   {k("signature"), event.delta}});
            }
            return blockDelta(
                *it, QJsonObject{{k("type"), k("thinking_delta")}, {k("thinking"), event.delta}});
        default:
            return blockDelta(*it,
                              QJsonObject{{k("type"), k("text_delta")}, {k("text"), event.delta}});
        }
    }
    case Type::BlockStop: {
        const auto it = m_blocks.constFind(event.index);
        if (it == m_blocks.constEnd())
            return {};
        const Part open = m_open.take(event.index);
        const Part &done = event.part;
        QByteArray out;
        if (open.kind == Part::Kind::Thinking && open.redactedData.isEmpty() &&
            !m_signatureSent.value(event.index)) {
            const QString signature = done.signature.isEmpty()
                                          ? opaque::wrapEncryptedForAnthropic(done.encryptedContent)
                                          : done.signature;
            if (!signature.isEmpty())
                out += blockDelta(*it, QJsonObject{{k("type"), k("signature_delta")},
                                                   {k("signature"), signature}});
        }
        if (open.kind == Part::Kind::ToolCall) {
            if (open.toolKind == ToolKind::Custom)
                out += blockDelta(*it, QJsonObject{{k("type"), k("input_json_delta")},
                                                   {k("partial_json"), k("\"}")}});
            else if (!m_argumentsSent.value(event.index) && done.isToolCall())
                out += blockDelta(
                    *it, QJsonObject{{k("type"), k("input_json_delta")},
                                     {k("partial_json"), toolshapes::functionArguments(done)}});
        }
        out +=
            json::namedEvent("content_block_stop",
                             QJsonObject{{k("type"), k("content_block_stop")}, {k("index"), *it}});
        return out;
    }
    case Type::Finish: {
        m_complete = true;
        QByteArray out = json::namedEvent(
            "message_delta",
            QJsonObject{
                {k("type"), k("message_delta")},
                {k("delta"),
                 QJsonObject{{k("stop_reason"), MessagesSurface::stopReasonName(event.stopReason)},
                             {k("stop_sequence"), event.stopSequence.isEmpty()
                                                      ? QJsonValue()
                                                      : QJsonValue(event.stopSequence)}}},
                {k("usage"), MessagesSurface::usageJson(event.usage)}});
        out += json::namedEvent("message_stop", QJsonObject{{k("type"), k("message_stop")}});
        return out;
    }
    case Type::Error:
        m_complete = true;
        return event.error.streamEvent(ApiShape::Anthropic);
    }
    return {};
}

} // namespace gatehouse
