#include "GeminiSurface.h"

#include "Json.h"
#include "ResponsesSurface.h"
#include "ToolShapes.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSet>
#include <QUrlQuery>

namespace gatehouse {

using namespace conversation;
using Type = StreamEvent::Type;
using DeltaKind = StreamEvent::DeltaKind;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("GeminiSurface", text);
}

using json::k;

// What Google documents for function calls that reach a Gemini 3 model without the
// signature it made (they came from another model): accepted in place of one.
const QString foreignCallSignature = QStringLiteral("skip_thought_signature_validator");

// Tools Google runs itself, offered as their own entries of "tools".
bool isFunctionTools(const QJsonObject &tool)
{
    return tool.contains(k("functionDeclarations")) || tool.contains(k("function_declarations"));
}

QJsonValue field(const QJsonObject &o, const char *camel, const char *snake)
{
    const QJsonValue v = o.value(k(camel));
    return v.isUndefined() ? o.value(k(snake)) : v;
}

// The base path of the API: "/v1beta" under the host root, or the version the user typed.
// Google's OpenAI-compatible base URL (".../v1beta/openai") serves both surfaces of one
// provider: the native API is the version above it.
QString apiRoot(const QUrl &baseUrl)
{
    QString base = baseUrl.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.endsWith(QLatin1String("/openai")))
        base.chop(7);
    if (base.endsWith(QLatin1String("/v1beta")) || base.endsWith(QLatin1String("/v1")) ||
        base.endsWith(QLatin1String("/v1alpha")))
        return base;
    return base + QLatin1String("/v1beta");
}

Part mediaPart(const QString &mimeType, bool image)
{
    Part p;
    p.kind = image ? Part::Kind::Image : Part::Kind::File;
    p.mediaType = mimeType;
    return p;
}

std::variant<Part, ApiError> decodeMedia(const QJsonObject &part, const QString &where)
{
    const QJsonValue inlineValue = field(part, "inlineData", "inline_data");
    if (inlineValue.isObject()) {
        const QJsonObject d = inlineValue.toObject();
        const QString mime = field(d, "mimeType", "mime_type").toString();
        Part p = mediaPart(mime, mime.startsWith(QLatin1String("image/")));
        p.data = d.value(k("data")).toString();
        if (p.data.isEmpty() || mime.isEmpty())
            return ApiError::untranslatable(tr("%1.inlineData needs mimeType and data.").arg(where),
                                            where);
        if (p.kind == Part::Kind::Image && !isSupportedImageType(mime))
            return ApiError::untranslatable(
                tr("%1 must be a JPEG, PNG, GIF or WebP image.").arg(where), where);
        return p;
    }
    const QJsonObject d = field(part, "fileData", "file_data").toObject();
    const QString mime = field(d, "mimeType", "mime_type").toString();
    Part p = mediaPart(mime, mime.startsWith(QLatin1String("image/")));
    p.url = field(d, "fileUri", "file_uri").toString();
    if (p.url.isEmpty())
        return ApiError::untranslatable(tr("%1.fileData needs a fileUri.").arg(where), where);
    return p;
}

QJsonObject mediaJson(const Part &p)
{
    QString mime = p.mediaType;
    QString data = p.data;
    if (data.isEmpty() && !p.url.isEmpty() && parseDataUrl(p.url, &mime, &data))
        return {{k("inlineData"), QJsonObject{{k("mimeType"), mime}, {k("data"), data}}}};
    if (!data.isEmpty())
        return {{k("inlineData"),
                 QJsonObject{{k("mimeType"),
                              mime.isEmpty() ? QStringLiteral("application/octet-stream") : mime},
                             {k("data"), data}}}};
    const QString uri = p.url.isEmpty() ? p.fileId : p.url;
    if (mime.isEmpty())
        mime = p.kind == Part::Kind::Image ? QStringLiteral("image/jpeg")
                                           : QStringLiteral("application/pdf");
    return {{k("fileData"), QJsonObject{{k("mimeType"), mime}, {k("fileUri"), uri}}}};
}

// Lower-cases the type names of a Gemini schema, recursively: "OBJECT" is "object".
QJsonValue lowerTypes(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue item : v.toArray())
            out.append(lowerTypes(item));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("type")) {
            if (it.value().isString()) {
                it.value() = it.value().toString().toLower();
            } else if (it.value().isArray()) {
                QJsonArray types;
                for (const QJsonValue t : it.value().toArray())
                    types.append(t.isString() ? QJsonValue(t.toString().toLower()) : t);
                it.value() = types;
            }
        } else if (it.key() != QLatin1String("enum") && it.key() != QLatin1String("example") &&
                   (it.value().isObject() || it.value().isArray())) {
            it.value() = lowerTypes(it.value());
        }
    }
    return o;
}

QJsonObject functionResponseJson(const Part &p, const QString &name)
{
    QJsonObject response;
    const QString text = p.resultText();
    const QJsonObject parsed = json::isObjectText(text) && !text.trimmed().isEmpty()
                                   ? json::parseObject(text)
                                   : QJsonObject();
    if (!parsed.isEmpty() && !p.isError)
        response = parsed;
    else
        response.insert(p.isError ? k("error") : k("output"), text);
    QJsonObject call{{k("name"), name}, {k("response"), response}};
    return {{k("functionResponse"), call}};
}

// Reasoning another surface made (an Anthropic thinking signature, Responses encrypted
// content) rides to a Gemini client in the thought's thoughtSignature, marked as the other
// surfaces mark it (opaque:: in ToolShapes), so that it comes back to the surface that made it.
const QLatin1String fromAnthropic("gatehouse:anthropic-signature:");
const QLatin1String fromResponses("gatehouse:responses-encrypted:");

QString thoughtSignatureFor(const Part &p)
{
    if (!p.thoughtSignature.isEmpty())
        return p.thoughtSignature;
    if (!p.signature.isEmpty())
        return fromAnthropic + p.signature;
    if (!p.encryptedContent.isEmpty())
        return fromResponses + p.encryptedContent;
    return {};
}

void readThoughtSignature(const QString &value, Part &p)
{
    if (value.startsWith(fromAnthropic))
        p.signature = value.mid(fromAnthropic.size());
    else if (value.startsWith(fromResponses))
        p.encryptedContent = value.mid(fromResponses.size());
    else
        p.thoughtSignature = value;
}

QJsonObject textPart(const QString &text, const QString &signature, bool thought)
{
    QJsonObject part{{k("text"), text}};
    if (thought)
        part.insert(k("thought"), true);
    if (!signature.isEmpty())
        part.insert(k("thoughtSignature"), signature);
    return part;
}

} // namespace

// ---- calling a provider

QUrl GeminiSurface::url(const QUrl &baseUrl, Operation operation) const
{
    // Generation and token counting name the model in the path: callEndpoint() adds it.
    QUrl url = baseUrl;
    url.setPath(apiRoot(baseUrl) + QLatin1String("/models"));
    switch (operation) {
    case Operation::Generate:
    case Operation::Complete: // a bare prompt goes as a generation
    case Operation::CountTokens:
        return url;
    case Operation::ListModels:
        // The largest page Google serves; the list is not paged further.
        url.setQuery(QStringLiteral("pageSize=1000"));
        return url;
    case Operation::Embeddings:
        break;
    }
    return {};
}

UpstreamEndpoint GeminiSurface::callEndpoint(const UpstreamEndpoint &endpoint, Operation operation,
                                             const QString &model, bool stream) const
{
    if (operation == Operation::Complete)
        operation = Operation::Generate; // a bare prompt goes as a generation
    if (operation != Operation::Generate && operation != Operation::CountTokens)
        return endpoint;
    const QByteArray method = operation == Operation::CountTokens ? "countTokens"
                              : stream                            ? "streamGenerateContent"
                                                                  : "generateContent";
    const QByteArray segment =
        '/' + QUrl::toPercentEncoding(bareModel(model), QByteArrayLiteral(":")) + ':' + method;
    UpstreamEndpoint out = endpoint;
    // The request line: the path gets the model, the query (a key kept as a query parameter,
    // say) stays, and a stream asks for server-sent events.
    const qsizetype q = out.target.indexOf('?');
    QByteArray path = q < 0 ? out.target : out.target.left(q);
    QByteArray query = q < 0 ? QByteArray() : out.target.mid(q + 1);
    if (stream && operation == Operation::Generate)
        query = query.isEmpty() ? QByteArrayLiteral("alt=sse") : "alt=sse&" + query;
    out.target = path + segment + (query.isEmpty() ? QByteArray() : '?' + query);
    out.url.setPath(out.url.path() + QString::fromLatin1(segment));
    if (stream && operation == Operation::Generate)
        out.url.setQuery(QStringLiteral("alt=sse"));
    return out;
}

HttpHeaders GeminiSurface::credentials(const QByteArray &key) const
{
    if (key.isEmpty())
        return {};
    return {{QByteArrayLiteral("x-goog-api-key"), key}};
}

QStringList GeminiSurface::parseModelList(const QByteArray &body) const
{
    // {"models":[{"name":"models/gemini-2.5-flash",…}],"nextPageToken":…}
    QStringList out;
    const QJsonArray models = QJsonDocument::fromJson(body).object().value(k("models")).toArray();
    for (const QJsonValue v : models) {
        const QString id = bareModel(v.toObject().value(k("name")).toString());
        if (!id.isEmpty() && id.trimmed() == id && !out.contains(id))
            out << id;
    }
    return out;
}

QString GeminiSurface::errorMessage(const QByteArray &body) const
{
    // {"error":{"code":400,"message":…,"status":"INVALID_ARGUMENT"}}, or a list of those where
    // a stream without server-sent events failed.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isArray() && !doc.array().isEmpty())
        return SurfaceAdapter::errorMessage(
            QJsonDocument(doc.array().first().toObject()).toJson(QJsonDocument::Compact));
    return SurfaceAdapter::errorMessage(body);
}

QString GeminiSurface::bareModel(const QString &name)
{
    return name.startsWith(QLatin1String("models/")) ? name.mid(7) : name;
}

QString GeminiSurface::callId(const QString &name, const QString &arguments, int ordinal)
{
    const QByteArray seed =
        name.toUtf8() + '\n' + arguments.toUtf8() + '\n' + QByteArray::number(ordinal);
    return QStringLiteral("call_") +
           QString::fromLatin1(
               QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(24));
}

namespace {

// Watches a Gemini stream relayed as it is: complete once a chunk carries a finishReason
// (or the prompt was blocked); usage from usageMetadata.
class GeminiStreamObserver : public StreamObserver
{
public:
    void observe(QByteArrayView bytes) override
    {
        for (const SseParser::Event &e : m_parser.feed(bytes)) {
            if (!e.data.contains("finishReason") && !e.data.contains("usageMetadata") &&
                !e.data.contains("blockReason") && !e.data.contains("\"error\""))
                continue;
            const QJsonObject chunk = QJsonDocument::fromJson(e.data).object();
            if (chunk.contains(k("error"))) {
                m_complete = false;
                continue;
            }
            m_usage.merge(GeminiSurface::usage(chunk.value(k("usageMetadata")).toObject()));
            for (const QJsonValue c : chunk.value(k("candidates")).toArray()) {
                if (c.toObject().value(k("finishReason")).isString())
                    m_complete = true;
            }
            if (chunk.value(k("promptFeedback")).toObject().value(k("blockReason")).isString())
                m_complete = true;
        }
    }
    bool isComplete() const override { return m_complete; }
    Usage usage() const override { return m_usage; }

private:
    SseParser m_parser;
    Usage m_usage;
    bool m_complete = false;
};

} // namespace

std::unique_ptr<StreamObserver> GeminiSurface::streamObserver() const
{
    return std::make_unique<GeminiStreamObserver>();
}

// ---- usage and stop reasons

Usage GeminiSurface::usage(const QJsonObject &u)
{
    Usage out;
    if (u.isEmpty())
        return out;
    const qint64 prompt = json::integer(u.value(k("promptTokenCount")));
    const qint64 toolPrompt = json::integer(u.value(k("toolUsePromptTokenCount")), 0);
    const qint64 candidates = json::integer(u.value(k("candidatesTokenCount")));
    const qint64 thoughts = json::integer(u.value(k("thoughtsTokenCount")));
    if (prompt >= 0)
        out.inputTokens = prompt + toolPrompt;
    // Gemini counts thoughts apart from the answer; the others count them in the output.
    if (candidates >= 0 || thoughts >= 0)
        out.outputTokens = std::max<qint64>(candidates, 0) + std::max<qint64>(thoughts, 0);
    out.reasoningTokens = thoughts;
    out.cachedInputTokens = json::integer(u.value(k("cachedContentTokenCount")));
    return out;
}

QJsonObject GeminiSurface::usageJson(const Usage &u)
{
    const qint64 input = std::max<qint64>(u.inputTokens, 0);
    const qint64 output = std::max<qint64>(u.outputTokens, 0);
    const qint64 thoughts = std::max<qint64>(u.reasoningTokens, 0);
    QJsonObject out{{k("promptTokenCount"), input},
                    {k("candidatesTokenCount"), std::max<qint64>(output - thoughts, 0)},
                    {k("totalTokenCount"), input + output}};
    if (u.reasoningTokens > 0)
        out.insert(k("thoughtsTokenCount"), u.reasoningTokens);
    if (u.cachedInputTokens > 0)
        out.insert(k("cachedContentTokenCount"), u.cachedInputTokens);
    return out;
}

StopReason GeminiSurface::stopReason(const QString &name)
{
    if (name == QLatin1String("STOP"))
        return StopReason::EndTurn;
    if (name == QLatin1String("MAX_TOKENS"))
        return StopReason::MaxTokens;
    if (name == QLatin1String("SAFETY") || name == QLatin1String("RECITATION") ||
        name == QLatin1String("BLOCKLIST") || name == QLatin1String("PROHIBITED_CONTENT") ||
        name == QLatin1String("SPII") || name == QLatin1String("IMAGE_SAFETY"))
        return StopReason::ContentFilter;
    return StopReason::Unknown;
}

QString GeminiSurface::finishReasonName(StopReason reason)
{
    switch (reason) {
    case StopReason::EndTurn:
    case StopReason::StopSequence:
    case StopReason::ToolUse:
    case StopReason::PauseTurn:
    case StopReason::Refusal:
        return QStringLiteral("STOP");
    case StopReason::MaxTokens:
        return QStringLiteral("MAX_TOKENS");
    case StopReason::ContentFilter:
        return QStringLiteral("SAFETY");
    case StopReason::Unknown:
        break;
    }
    return QStringLiteral("OTHER");
}

QJsonObject GeminiSurface::jsonSchema(const QJsonObject &geminiSchema)
{
    return lowerTypes(geminiSchema).toObject();
}

// ---- requests

std::variant<Request, ApiError> GeminiSurface::decodeRequest(const QJsonObject &in) const
{
    if (auto misshapen = json::checkShapes(in, {{"contents", json::Shape::ArrayOfObjects},
                                                {"tools", json::Shape::ArrayOfObjects},
                                                {"toolConfig", json::Shape::Object},
                                                {"generationConfig", json::Shape::Object},
                                                {"systemInstruction", json::Shape::Object}}))
        return *misshapen;
    Request r;
    r.origin = ApiSurface::Gemini;
    r.model = bareModel(in.value(k("model")).toString());
    r.stream = in.value(k("stream")).toBool();
    r.streamUsage = true;

    const QJsonObject system = field(in, "systemInstruction", "system_instruction").toObject();
    QStringList systemTexts;
    for (const QJsonValue v : system.value(k("parts")).toArray()) {
        const QString text = v.toObject().value(k("text")).toString();
        if (!text.isEmpty())
            systemTexts << text;
    }
    if (!systemTexts.isEmpty())
        r.messages << Message{Role::System, {Part::textPart(systemTexts.join(QLatin1Char('\n')))}};

    // Gemini's calls have no ids (or optional ones): each gets a stable one, and each
    // response answers the oldest open call of its name.
    struct OpenCall
    {
        QString id;
        QString name;
    };
    QList<OpenCall> open;
    int ordinal = 0;
    const QJsonArray contents = in.value(k("contents")).toArray();
    for (qsizetype i = 0; i < contents.size(); ++i) {
        const QString where = QStringLiteral("contents[%1]").arg(i);
        const QJsonObject content = contents.at(i).toObject();
        const QString role = content.value(k("role")).toString(QStringLiteral("user"));
        const bool model = role == QLatin1String("model");
        if (!model && role != QLatin1String("user") && role != QLatin1String("function"))
            return ApiError::untranslatable(
                tr("%1.role \"%2\" is unknown; use user or model.").arg(where, role),
                where + QStringLiteral(".role"));
        if (!content.value(k("parts")).isArray())
            return ApiError::untranslatable(tr("%1.parts must be an array.").arg(where),
                                            where + QStringLiteral(".parts"));
        Message message{model ? Role::Assistant : Role::User, {}};
        Message results{Role::Tool, {}};
        const QJsonArray parts = content.value(k("parts")).toArray();
        for (qsizetype j = 0; j < parts.size(); ++j) {
            const QString pw = QStringLiteral("%1.parts[%2]").arg(where).arg(j);
            const QJsonObject part = parts.at(j).toObject();
            const QString signature =
                field(part, "thoughtSignature", "thought_signature").toString();
            if (part.value(k("text")).isString() || (part.keys() == QStringList{k("thought")})) {
                Part p = Part::textPart(part.value(k("text")).toString());
                if (part.value(k("thought")).toBool()) {
                    if (!model)
                        continue;
                    p.kind = Part::Kind::Thinking;
                    readThoughtSignature(signature, p);
                } else {
                    p.thoughtSignature = signature;
                }
                message.parts << p;
            } else if (field(part, "inlineData", "inline_data").isObject() ||
                       field(part, "fileData", "file_data").isObject()) {
                auto media = decodeMedia(part, pw);
                if (auto *e = std::get_if<ApiError>(&media))
                    return *e;
                if (model)
                    continue; // what a model made (an image) goes back to no provider
                message.parts << std::get<Part>(media);
            } else if (field(part, "functionCall", "function_call").isObject()) {
                if (!model)
                    return ApiError::untranslatable(
                        tr("%1: a functionCall belongs in a model turn.").arg(pw), pw);
                const QJsonObject call = field(part, "functionCall", "function_call").toObject();
                Part p;
                p.kind = Part::Kind::ToolCall;
                p.name = call.value(k("name")).toString();
                if (p.name.isEmpty())
                    return ApiError::untranslatable(tr("%1.functionCall needs a name.").arg(pw),
                                                    pw);
                p.arguments = json::compact(call.value(k("args")).toObject());
                p.callId = call.value(k("id")).toString();
                if (p.callId.isEmpty())
                    p.callId = callId(p.name, p.arguments, ordinal);
                ++ordinal;
                p.thoughtSignature = signature;
                open.append({p.callId, p.name});
                message.parts << p;
            } else if (field(part, "functionResponse", "function_response").isObject()) {
                const QJsonObject response =
                    field(part, "functionResponse", "function_response").toObject();
                const QString name = response.value(k("name")).toString();
                const QString id = response.value(k("id")).toString();
                qsizetype match = -1;
                for (qsizetype c = 0; c < open.size() && match < 0; ++c) {
                    if (!id.isEmpty() ? open.at(c).id == id : open.at(c).name == name)
                        match = c;
                }
                if (match < 0)
                    return ApiError::untranslatable(
                        tr("%1 answers function \"%2\", which no earlier model turn called.")
                            .arg(pw, name),
                        pw + QStringLiteral(".functionResponse"));
                Part p;
                p.kind = Part::Kind::ToolResult;
                p.callId = open.takeAt(match).id;
                p.name = name;
                const QJsonObject body = response.value(k("response")).toObject();
                const QJsonValue output = body.value(k("output"));
                const QJsonValue error = body.value(k("error"));
                if (body.size() == 1 && output.isString()) {
                    p.content << Part::textPart(output.toString());
                } else if (body.size() == 1 && error.isString()) {
                    p.content << Part::textPart(error.toString());
                    p.isError = true;
                } else {
                    p.content << Part::textPart(json::compact(body));
                }
                for (const QJsonValue inner : response.value(k("parts")).toArray()) {
                    auto media = decodeMedia(inner.toObject(), pw + QStringLiteral(".parts"));
                    if (auto *e = std::get_if<ApiError>(&media))
                        return *e;
                    p.content << std::get<Part>(media);
                }
                results.parts << p;
            } else if (part.contains(k("executableCode")) ||
                       part.contains(k("codeExecutionResult"))) {
                // What Google's code execution tool did: no other provider can take it.
            } else {
                return ApiError::untranslatable(
                    tr("%1 has no part this provider can take (text, inlineData, fileData, "
                       "functionCall, functionResponse).")
                        .arg(pw),
                    pw);
            }
        }
        // Tool results answer the previous model turn, so they come first.
        if (!results.parts.isEmpty())
            r.messages << results;
        if (!message.parts.isEmpty())
            r.messages << message;
    }

    const QJsonObject config = field(in, "generationConfig", "generation_config").toObject();
    if (config.value(k("temperature")).isDouble())
        r.temperature = config.value(k("temperature")).toDouble();
    if (field(config, "topP", "top_p").isDouble())
        r.topP = field(config, "topP", "top_p").toDouble();
    if (field(config, "topK", "top_k").isDouble())
        r.topK = field(config, "topK", "top_k").toInteger();
    const QJsonValue maxTokens = field(config, "maxOutputTokens", "max_output_tokens");
    if (!maxTokens.isUndefined() && !maxTokens.isNull()) {
        if (!maxTokens.isDouble() || maxTokens.toInteger() < 1)
            return ApiError::untranslatable(tr("maxOutputTokens must be a positive integer."),
                                            QStringLiteral("generationConfig.maxOutputTokens"));
        r.maxOutputTokens = maxTokens.toInteger();
    }
    for (const QJsonValue s : field(config, "stopSequences", "stop_sequences").toArray())
        r.stop << s.toString();
    const QJsonValue candidates = field(config, "candidateCount", "candidate_count");
    if (candidates.isDouble())
        r.choices = int(std::max<qint64>(1, candidates.toInteger()));
    const QString mime = field(config, "responseMimeType", "response_mime_type").toString();
    const QJsonValue jsonSchema = field(config, "responseJsonSchema", "response_json_schema");
    const QJsonValue schema = field(config, "responseSchema", "response_schema");
    if (jsonSchema.isObject()) {
        r.responseFormat.kind = ResponseFormat::Kind::JsonSchema;
        r.responseFormat.schema = jsonSchema.toObject();
    } else if (schema.isObject()) {
        r.responseFormat.kind = ResponseFormat::Kind::JsonSchema;
        r.responseFormat.schema = GeminiSurface::jsonSchema(schema.toObject());
    } else if (mime == QLatin1String("application/json")) {
        r.responseFormat.kind = ResponseFormat::Kind::JsonObject;
    } else if (mime == QLatin1String("text/plain")) {
        r.responseFormat.kind = ResponseFormat::Kind::Text;
    }
    const QJsonObject thinking = field(config, "thinkingConfig", "thinking_config").toObject();
    const QJsonValue budget = field(thinking, "thinkingBudget", "thinking_budget");
    if (budget.isDouble()) {
        const qint64 b = budget.toInteger();
        r.reasoning.enabled = b != 0;
        if (b > 0)
            r.reasoning.budgetTokens = b;
    }
    const QString level = field(thinking, "thinkingLevel", "thinking_level").toString().toLower();
    if (!level.isEmpty() && level != QLatin1String("thinking_level_unspecified"))
        r.reasoning.effort = level;
    if (field(thinking, "includeThoughts", "include_thoughts").toBool())
        r.reasoning.summary = QStringLiteral("auto");

    const QJsonArray tools = in.value(k("tools")).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject tool = tools.at(i).toObject();
        if (!isFunctionTools(tool)) {
            // Google's own tools (googleSearch, codeExecution, urlContext, …).
            ToolDefinition t;
            t.kind = ToolKind::Hosted;
            t.hostedType = tool.keys().value(0);
            t.name = t.hostedType;
            t.hosted = tool;
            r.tools << t;
            continue;
        }
        const QJsonArray declarations =
            field(tool, "functionDeclarations", "function_declarations").toArray();
        for (qsizetype d = 0; d < declarations.size(); ++d) {
            const QJsonObject f = declarations.at(d).toObject();
            ToolDefinition t;
            t.name = f.value(k("name")).toString();
            if (t.name.isEmpty())
                return ApiError::untranslatable(
                    tr("tools[%1].functionDeclarations[%2] needs a name.").arg(i).arg(d),
                    QStringLiteral("tools[%1].functionDeclarations[%2]").arg(i).arg(d));
            t.description = f.value(k("description")).toString();
            const QJsonValue jsonParams =
                field(f, "parametersJsonSchema", "parameters_json_schema");
            if (jsonParams.isObject())
                t.parameters = jsonParams.toObject();
            else if (f.value(k("parameters")).isObject())
                t.parameters = GeminiSurface::jsonSchema(f.value(k("parameters")).toObject());
            else
                t.parameters =
                    QJsonObject{{k("type"), k("object")}, {k("properties"), QJsonObject()}};
            r.tools << t;
        }
    }
    const QJsonObject calling = field(field(in, "toolConfig", "tool_config").toObject(),
                                      "functionCallingConfig", "function_calling_config")
                                    .toObject();
    const QString mode = calling.value(k("mode")).toString().toUpper();
    const QJsonArray allowed =
        field(calling, "allowedFunctionNames", "allowed_function_names").toArray();
    if (mode == QLatin1String("AUTO") || mode == QLatin1String("VALIDATED")) {
        r.toolChoice.mode = ToolChoice::Mode::Auto;
    } else if (mode == QLatin1String("NONE")) {
        r.toolChoice.mode = ToolChoice::Mode::None;
    } else if (mode == QLatin1String("ANY")) {
        r.toolChoice.mode = ToolChoice::Mode::Required;
        if (allowed.size() == 1) {
            r.toolChoice.mode = ToolChoice::Mode::Named;
            r.toolChoice.name = allowed.first().toString();
        }
    }
    // Only a Gemini provider takes these.
    for (const char *extra : {"safetySettings", "cachedContent", "labels"}) {
        if (in.contains(k(extra)))
            r.surfaceExtras.insert(k(extra), in.value(k(extra)));
    }
    return r;
}

std::variant<QJsonObject, ApiError> GeminiSurface::encodeRequest(const Request &r,
                                                                 const QString &model) const
{
    Q_UNUSED(model) // in the URL
    QJsonObject out;
    QStringList systemTexts;
    QJsonArray contents;
    QHash<QString, QString> callNames; // call id -> function name
    auto append = [&contents](const QString &role, const QJsonArray &parts) {
        json::appendTurn(contents, role, QLatin1String("parts"), parts);
    };

    for (qsizetype i = 0; i < r.messages.size(); ++i) {
        const Message &m = r.messages.at(i);
        QJsonArray parts;
        switch (m.role) {
        case Role::System:
        case Role::Developer:
            for (const Part &p : m.parts) {
                if (p.kind == Part::Kind::Text && !p.text.isEmpty())
                    systemTexts << p.text;
            }
            continue;
        case Role::User:
            for (const Part &p : m.parts) {
                if (p.kind == Part::Kind::Text)
                    parts.append(QJsonObject{{k("text"), p.text}});
                else if (p.kind == Part::Kind::Image || p.kind == Part::Kind::File)
                    parts.append(mediaJson(p));
            }
            append(QStringLiteral("user"), parts);
            continue;
        case Role::Assistant: {
            bool signedCall = false;
            for (const Part &p : m.parts) {
                if (p.kind == Part::Kind::Text || p.kind == Part::Kind::Refusal) {
                    if (!p.text.isEmpty() || !p.thoughtSignature.isEmpty())
                        parts.append(textPart(p.text, p.thoughtSignature, false));
                } else if (p.kind == Part::Kind::Thinking) {
                    // Only Gemini's own thoughts go back to it, signed.
                    if (!p.thoughtSignature.isEmpty())
                        parts.append(textPart(p.text, p.thoughtSignature, true));
                } else if (p.kind == Part::Kind::ToolCall) {
                    const QString arguments = toolshapes::functionArguments(p);
                    QJsonParseError pe{};
                    const QJsonDocument args = QJsonDocument::fromJson(arguments.toUtf8(), &pe);
                    if (pe.error != QJsonParseError::NoError || !args.isObject())
                        return ApiError::untranslatable(
                            tr("The arguments of tool call \"%1\" are not a JSON object.")
                                .arg(p.callId),
                            QStringLiteral("messages[%1]").arg(i));
                    const QString name = flatName(p.toolNamespace, p.name);
                    callNames.insert(p.callId, name);
                    QJsonObject part{{k("functionCall"),
                                      QJsonObject{{k("name"), name}, {k("args"), args.object()}}}};
                    // The first call of a turn carries the signature Gemini 3 asks for.
                    if (!p.thoughtSignature.isEmpty())
                        part.insert(k("thoughtSignature"), p.thoughtSignature);
                    else if (!signedCall)
                        part.insert(k("thoughtSignature"), foreignCallSignature);
                    signedCall = true;
                    parts.append(part);
                }
            }
            append(QStringLiteral("model"), parts);
            continue;
        }
        case Role::Tool: {
            QJsonArray media;
            for (const Part &p : m.parts) {
                if (p.kind != Part::Kind::ToolResult)
                    continue;
                // The result's own function where the client's surface named it (two waiting
                // calls may share an id), else the function of the call with its id.
                const QString name = !p.name.isEmpty() ? p.name : callNames.value(p.callId);
                if (name.isEmpty())
                    return ApiError::untranslatable(
                        tr("The tool result for call \"%1\" answers no earlier tool call.")
                            .arg(p.callId),
                        QStringLiteral("messages[%1]").arg(i));
                parts.append(functionResponseJson(p, name));
                for (const Part &c : p.content) {
                    if (c.kind == Part::Kind::Image)
                        media.append(mediaJson(c));
                }
            }
            for (const QJsonValue v : media)
                parts.append(v);
            append(QStringLiteral("user"), parts);
            continue;
        }
        }
    }
    if (contents.isEmpty())
        return ApiError::untranslatable(tr("The request has no user or model turn to send."),
                                        QStringLiteral("messages"));
    out.insert(k("contents"), contents);
    if (!systemTexts.isEmpty())
        out.insert(
            k("systemInstruction"),
            QJsonObject{{k("parts"), QJsonArray{QJsonObject{
                                         {k("text"), systemTexts.join(QLatin1String("\n\n"))}}}}});

    QJsonObject config;
    if (r.temperature)
        config.insert(k("temperature"), *r.temperature);
    if (r.topP)
        config.insert(k("topP"), *r.topP);
    if (r.topK)
        config.insert(k("topK"), *r.topK);
    if (r.maxOutputTokens)
        config.insert(k("maxOutputTokens"), *r.maxOutputTokens);
    if (!r.stop.isEmpty())
        config.insert(k("stopSequences"), QJsonArray::fromStringList(r.stop));
    if (r.choices != 1)
        config.insert(k("candidateCount"), r.choices);
    switch (r.responseFormat.kind) {
    case ResponseFormat::Kind::JsonSchema:
        config.insert(k("responseMimeType"), k("application/json"));
        config.insert(k("responseJsonSchema"), r.responseFormat.schema);
        break;
    case ResponseFormat::Kind::JsonObject:
        config.insert(k("responseMimeType"), k("application/json"));
        break;
    case ResponseFormat::Kind::Text:
        config.insert(k("responseMimeType"), k("text/plain"));
        break;
    case ResponseFormat::Kind::Unset:
        break;
    }
    QJsonObject thinking;
    if (r.reasoning.enabled == false) {
        thinking.insert(k("thinkingBudget"), 0);
    } else if (r.reasoning.enabled == true) {
        thinking.insert(k("thinkingBudget"),
                        r.reasoning.budgetTokens > 0 ? r.reasoning.budgetTokens : -1);
    } else if (r.reasoning.effort == QLatin1String("none")) {
        thinking.insert(k("thinkingBudget"), 0);
    } else if (!r.reasoning.effort.isEmpty()) {
        // Gemini 3 takes a level: low or high (minimal and medium on some models).
        const QString level = r.reasoning.effort == QLatin1String("xhigh") ? QStringLiteral("high")
                                                                           : r.reasoning.effort;
        thinking.insert(k("thinkingLevel"), level);
    }
    if (!r.reasoning.summary.isEmpty() || (r.reasoning.enabled == true))
        thinking.insert(k("includeThoughts"), true);
    if (!thinking.isEmpty())
        config.insert(k("thinkingConfig"), thinking);
    if (!config.isEmpty())
        out.insert(k("generationConfig"), config);

    QJsonArray declarations;
    for (const ToolDefinition &t : r.tools) {
        if (t.kind == ToolKind::Hosted)
            continue; // named in x-gatehouse-dropped-tools
        QJsonObject f{{k("name"), t.flatName()},
                      {k("parametersJsonSchema"), toolshapes::functionParameters(t)}};
        const QString description = toolshapes::functionDescription(t);
        if (!description.isEmpty())
            f.insert(k("description"), description);
        declarations.append(f);
    }
    if (!declarations.isEmpty()) {
        out.insert(k("tools"), QJsonArray{QJsonObject{{k("functionDeclarations"), declarations}}});
        QJsonObject calling;
        switch (r.toolChoice.mode) {
        case ToolChoice::Mode::Auto:
            calling.insert(k("mode"), k("AUTO"));
            break;
        case ToolChoice::Mode::None:
            calling.insert(k("mode"), k("NONE"));
            break;
        case ToolChoice::Mode::Required:
            calling.insert(k("mode"), k("ANY"));
            break;
        case ToolChoice::Mode::Named:
            calling.insert(k("mode"), k("ANY"));
            calling.insert(k("allowedFunctionNames"),
                           QJsonArray{flatName(r.toolChoice.toolNamespace, r.toolChoice.name)});
            break;
        case ToolChoice::Mode::Unset:
            break;
        }
        if (!calling.isEmpty())
            out.insert(k("toolConfig"), QJsonObject{{k("functionCallingConfig"), calling}});
    }
    if (r.origin == ApiSurface::Gemini) {
        for (auto it = r.surfaceExtras.begin(); it != r.surfaceExtras.end(); ++it)
            out.insert(it.key(), it.value());
    }
    return out;
}

// ---- whole answers

std::variant<Response, ApiError> GeminiSurface::decodeResponse(const QJsonObject &in) const
{
    if (!in.value(k("candidates")).isArray() && !in.value(k("promptFeedback")).isObject())
        return ApiError::badGateway(tr("The answer has no \"candidates\"."),
                                    QStringLiteral("upstream_malformed"));
    Response r;
    r.id = in.value(k("responseId")).toString();
    r.model = bareModel(in.value(k("modelVersion")).toString());
    r.usage = usage(in.value(k("usageMetadata")).toObject());
    const QJsonArray candidates = in.value(k("candidates")).toArray();
    if (candidates.isEmpty()) {
        r.stopReason = StopReason::ContentFilter;
        return r;
    }
    const QJsonObject candidate = candidates.first().toObject();
    int ordinal = 0;
    bool calls = false;
    for (const QJsonValue v :
         candidate.value(k("content")).toObject().value(k("parts")).toArray()) {
        const QJsonObject part = v.toObject();
        const QString signature = part.value(k("thoughtSignature")).toString();
        if (part.value(k("functionCall")).isObject()) {
            const QJsonObject call = part.value(k("functionCall")).toObject();
            Part p;
            p.kind = Part::Kind::ToolCall;
            p.name = call.value(k("name")).toString();
            p.arguments = json::compact(call.value(k("args")).toObject());
            p.callId = call.value(k("id")).toString();
            if (p.callId.isEmpty())
                p.callId = ResponsesSurface::newId("call");
            ++ordinal;
            p.thoughtSignature = signature;
            calls = true;
            r.parts << p;
        } else if (part.value(k("text")).isString() || !signature.isEmpty()) {
            Part p = Part::textPart(part.value(k("text")).toString());
            if (part.value(k("thought")).toBool())
                p.kind = Part::Kind::Thinking;
            p.thoughtSignature = signature;
            r.parts << p;
        }
    }
    r.stopReason = stopReason(candidate.value(k("finishReason")).toString(QStringLiteral("STOP")));
    if (calls && r.stopReason == StopReason::EndTurn)
        r.stopReason = StopReason::ToolUse;
    return r;
}

QJsonObject GeminiSurface::partJson(const Part &p)
{
    switch (p.kind) {
    case Part::Kind::Text:
    case Part::Kind::Refusal:
        return textPart(p.text, p.thoughtSignature, false);
    case Part::Kind::Thinking:
        if (p.text.isEmpty() && thoughtSignatureFor(p).isEmpty())
            return {};
        return textPart(p.text, thoughtSignatureFor(p), true);
    case Part::Kind::ToolCall: {
        QJsonObject call{{k("name"), flatName(p.toolNamespace, p.name)},
                         {k("args"), json::parseObject(toolshapes::functionArguments(p))}};
        if (!p.callId.isEmpty())
            call.insert(k("id"), p.callId);
        QJsonObject part{{k("functionCall"), call}};
        if (!p.thoughtSignature.isEmpty())
            part.insert(k("thoughtSignature"), p.thoughtSignature);
        return part;
    }
    case Part::Kind::Image:
    case Part::Kind::File:
    case Part::Kind::ToolResult:
        break;
    }
    return {};
}

QJsonObject GeminiSurface::encodeResponse(const Response &r, const Request &request) const
{
    Q_UNUSED(request)
    QJsonArray parts;
    for (const Part &p : r.parts) {
        const QJsonObject part = partJson(p);
        if (!part.isEmpty())
            parts.append(part);
    }
    QJsonObject out{{k("candidates"),
                     QJsonArray{QJsonObject{
                         {k("content"), QJsonObject{{k("role"), k("model")}, {k("parts"), parts}}},
                         {k("finishReason"), finishReasonName(r.stopReason)},
                         {k("index"), 0}}}},
                    {k("usageMetadata"), usageJson(r.usage)},
                    {k("modelVersion"), r.model}};
    if (!r.id.isEmpty())
        out.insert(k("responseId"), r.id);
    return out;
}

QByteArray GeminiSurface::streamError(const ApiError &error) const
{
    return error.streamEvent(ApiShape::Gemini);
}

// ---- streams: decoding

std::unique_ptr<StreamDecoder> GeminiSurface::streamDecoder() const
{
    return std::make_unique<GeminiStreamDecoder>();
}

void GeminiStreamDecoder::open(const Part &part, StreamEvents &out)
{
    m_openIndex = m_blockCount++;
    m_open = part;
    StreamEvent start;
    start.type = Type::BlockStart;
    start.index = m_openIndex;
    start.part = part;
    start.part.text.clear();
    out << start;
}

void GeminiStreamDecoder::close(StreamEvents &out)
{
    if (m_openIndex < 0)
        return;
    StreamEvent stop;
    stop.type = Type::BlockStop;
    stop.index = m_openIndex;
    stop.part = m_open;
    out << stop;
    m_openIndex = -1;
    m_open = Part();
}

void GeminiStreamDecoder::handle(const SseParser::Event &event, const QJsonObject &json,
                                 StreamEvents &out)
{
    Q_UNUSED(event)
    if (json.isEmpty())
        return;
    if (json.value(k("error")).isObject()) {
        m_failed = true;
        const QJsonObject e = json.value(k("error")).toObject();
        StreamEvent error;
        error.type = Type::Error;
        QString message = e.value(k("message")).toString();
        if (message.isEmpty())
            message = tr("The provider's stream ended with an error.");
        const int status = e.value(k("code")).toInt(502);
        error.providerError = true;
        error.error = ApiError{status >= 400 && status < 600 ? status : 502,
                               e.value(k("status")).toString(),
                               {},
                               message,
                               {}};
        out << error;
        return;
    }
    if (!m_started) {
        m_started = true;
        StreamEvent start;
        start.type = Type::Start;
        start.id = json.value(k("responseId")).toString();
        start.model = GeminiSurface::bareModel(json.value(k("modelVersion")).toString());
        start.usage = GeminiSurface::usage(json.value(k("usageMetadata")).toObject());
        out << start;
    }
    m_usage.merge(GeminiSurface::usage(json.value(k("usageMetadata")).toObject()));
    const QJsonArray candidates = json.value(k("candidates")).toArray();
    const QJsonObject candidate =
        candidates.isEmpty() ? QJsonObject() : candidates.first().toObject();
    for (const QJsonValue v :
         candidate.value(k("content")).toObject().value(k("parts")).toArray()) {
        const QJsonObject part = v.toObject();
        const QString signature = part.value(k("thoughtSignature")).toString();
        if (part.value(k("functionCall")).isObject()) {
            close(out);
            const QJsonObject call = part.value(k("functionCall")).toObject();
            Part p;
            p.kind = Part::Kind::ToolCall;
            p.name = call.value(k("name")).toString();
            p.callId = call.value(k("id")).toString();
            if (p.callId.isEmpty())
                p.callId = ResponsesSurface::newId("call");
            p.thoughtSignature = signature;
            open(p, out);
            m_open.arguments = json::compact(call.value(k("args")).toObject());
            StreamEvent d;
            d.type = Type::BlockDelta;
            d.index = m_openIndex;
            d.delta = m_open.arguments;
            d.deltaKind = DeltaKind::Arguments;
            out << d;
            close(out);
            m_sawCall = true;
            ++m_calls;
            continue;
        }
        if (!part.value(k("text")).isString() && signature.isEmpty())
            continue; // images the model made, code it ran: nothing to pass on
        const Part::Kind kind =
            part.value(k("thought")).toBool() ? Part::Kind::Thinking : Part::Kind::Text;
        const QString text = part.value(k("text")).toString();
        if (m_openIndex < 0 || m_open.kind != kind) {
            if (text.isEmpty() && m_openIndex >= 0 && !signature.isEmpty()) {
                // A signature on an empty part closes what came before it.
                m_open.thoughtSignature = signature;
                continue;
            }
            close(out);
            Part p;
            p.kind = kind;
            open(p, out);
        }
        if (!signature.isEmpty())
            m_open.thoughtSignature = signature;
        if (!text.isEmpty()) {
            m_open.text += text;
            StreamEvent d;
            d.type = Type::BlockDelta;
            d.index = m_openIndex;
            d.delta = text;
            out << d;
        }
    }
    const QString finish = candidate.value(k("finishReason")).toString();
    const bool blocked =
        candidates.isEmpty() &&
        json.value(k("promptFeedback")).toObject().value(k("blockReason")).isString();
    if (finish.isEmpty() && !blocked)
        return;
    close(out);
    m_complete = true;
    StreamEvent done;
    done.type = Type::Finish;
    done.stopReason = blocked ? StopReason::ContentFilter : GeminiSurface::stopReason(finish);
    if (m_sawCall && done.stopReason == StopReason::EndTurn)
        done.stopReason = StopReason::ToolUse;
    done.usage = m_usage;
    out << done;
}

// ---- streams: encoding

std::unique_ptr<StreamEncoder> GeminiSurface::streamEncoder(const Request &request) const
{
    Q_UNUSED(request)
    return std::make_unique<GeminiStreamEncoder>();
}

QByteArray GeminiStreamEncoder::chunk(const QJsonArray &parts, const QJsonObject &extra) const
{
    QJsonObject candidate{{k("content"), QJsonObject{{k("role"), k("model")}, {k("parts"), parts}}},
                          {k("index"), 0}};
    QJsonObject out;
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.key() == QLatin1String("finishReason"))
            candidate.insert(it.key(), it.value());
        else
            out.insert(it.key(), it.value());
    }
    out.insert(k("candidates"), QJsonArray{candidate});
    out.insert(k("modelVersion"), m_model);
    if (!m_id.isEmpty())
        out.insert(k("responseId"), m_id);
    return json::dataEvent(out);
}

QByteArray GeminiStreamEncoder::encode(const StreamEvent &event)
{
    if (m_complete)
        return {};
    switch (event.type) {
    case Type::Start:
        m_id = event.id;
        m_model = event.model;
        return {};
    case Type::BlockStart:
        m_open.insert(event.index, event.part);
        return {};
    case Type::BlockDelta: {
        const auto it = m_open.constFind(event.index);
        if (it == m_open.constEnd() || event.delta.isEmpty() || event.deltaKind != DeltaKind::Text)
            return {};
        if (it->kind == Part::Kind::Text || it->kind == Part::Kind::Refusal)
            return chunk({textPart(event.delta, {}, false)});
        if (it->kind == Part::Kind::Thinking && it->redactedData.isEmpty())
            return chunk({textPart(event.delta, {}, true)});
        return {};
    }
    case Type::BlockStop: {
        const auto it = m_open.constFind(event.index);
        if (it == m_open.constEnd())
            return {};
        const Part::Kind kind = it->kind;
        m_open.erase(it);
        if (kind == Part::Kind::ToolCall && event.part.isToolCall())
            return chunk({GeminiSurface::partJson(event.part)});
        // A signature rides on an empty part at the end of what it signs.
        const QString signature = kind == Part::Kind::Thinking ? thoughtSignatureFor(event.part)
                                                               : event.part.thoughtSignature;
        if (!signature.isEmpty() && (kind == Part::Kind::Text || kind == Part::Kind::Thinking))
            return chunk({textPart(QString(), signature, kind == Part::Kind::Thinking)});
        return {};
    }
    case Type::Finish:
        m_complete = true;
        return chunk({QJsonObject{{k("text"), QString()}}},
                     {{k("finishReason"), GeminiSurface::finishReasonName(event.stopReason)},
                      {k("usageMetadata"), GeminiSurface::usageJson(event.usage)}});
    case Type::Error:
        m_complete = true;
        return event.error.streamEvent(ApiShape::Gemini);
    }
    return {};
}

} // namespace gatehouse
