#include "OllamaSurface.h"

#include "Json.h"
#include "ToolShapes.h"
#include "UsageScanner.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QSet>

namespace gatehouse {

using namespace conversation;
using Type = StreamEvent::Type;
using DeltaKind = StreamEvent::DeltaKind;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("OllamaSurface", text);
}

using json::k;

// Options that have a field of their own in the internal representation; the others (num_ctx,
// seed, repeat_penalty, …) only an Ollama provider knows, and they go back only to one.
const char *const mappedOptions[] = {"temperature", "top_p", "top_k", "num_predict", "stop"};

// A tool call's id: the one the model gave, else one made from the answer it is in and its
// place there, the same however often the answer is decoded and different between answers.
QString callId(const QString &given, const QString &answerKey, int index, const QString &name,
               const QString &arguments)
{
    if (!given.isEmpty())
        return given;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(answerKey.toUtf8());
    hash.addData(QByteArray::number(index));
    hash.addData(name.toUtf8());
    hash.addData(arguments.toUtf8());
    return QStringLiteral("call_") + QString::fromLatin1(hash.result().toHex().left(24));
}

// A tool call of an Ollama message: {"function":{"name","arguments":{…}}} (an "id" from newer
// servers is kept).
Part toolCall(const QJsonObject &call, const QString &answerKey, int index)
{
    const QJsonObject function = call.value(k("function")).toObject();
    Part p;
    p.kind = Part::Kind::ToolCall;
    p.name = function.value(k("name")).toString();
    const QJsonValue arguments = function.value(k("arguments"));
    if (arguments.isString() && json::isObjectText(arguments.toString()))
        p.arguments =
            arguments.toString().trimmed().isEmpty() ? QStringLiteral("{}") : arguments.toString();
    else
        p.arguments = json::compact(arguments.toObject());
    p.callId = callId(call.value(k("id")).toString(), answerKey, index, p.name, p.arguments);
    return p;
}

QJsonObject toolCallJson(const Part &p)
{
    QJsonObject function{{k("name"), flatName(p.toolNamespace, p.name)},
                         {k("arguments"), json::parseObject(toolshapes::functionArguments(p))}};
    QJsonObject call{{k("function"), function}};
    if (!p.callId.isEmpty())
        call.insert(k("id"), p.callId);
    return call;
}

// An image of an Ollama message: base64 data (a data URL is taken too).
std::variant<Part, ApiError> imagePart(const QJsonValue &value, const QString &where)
{
    Part p;
    p.kind = Part::Kind::Image;
    const QString text = value.toString();
    if (!value.isString() || text.isEmpty())
        return ApiError::untranslatable(tr("%1 must be base64 image data.").arg(where), where);
    if (!parseDataUrl(text, &p.mediaType, &p.data)) {
        p.data = text;
        p.mediaType = OllamaSurface::imageType(text);
    }
    if (!isSupportedImageType(p.mediaType))
        return ApiError::untranslatable(tr("%1 must be a JPEG, PNG, GIF or WebP image.").arg(where),
                                        where);
    return p;
}

// An image as Ollama takes it: bare base64.
std::variant<QString, ApiError> imageData(const Part &p, const QString &where)
{
    if (!p.data.isEmpty())
        return p.data;
    QString mediaType, data;
    if (parseDataUrl(p.url, &mediaType, &data))
        return data;
    return ApiError::untranslatable(
        tr("%1 is an image by URL; Ollama takes images only as data.").arg(where), where);
}

ApiError malformed()
{
    return ApiError::badGateway(
        tr("The provider answered with something that is not an Ollama API response."),
        QStringLiteral("upstream_malformed"));
}

} // namespace

QUrl OllamaSurface::url(const QUrl &baseUrl, Operation operation) const
{
    // The host root, or a path a proxy serves Ollama under; a "/v1" (the OpenAI-compatible
    // API) or "/api" typed by the user is not doubled.
    QString base = baseUrl.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.endsWith(QLatin1String("/v1")) || base.endsWith(QLatin1String("/api")))
        base.chop(base.endsWith(QLatin1String("/v1")) ? 3 : 4);
    QUrl url = baseUrl;
    switch (operation) {
    case Operation::Generate:
        url.setPath(base + QLatin1String("/api/chat"));
        return url;
    case Operation::Complete:
        url.setPath(base + QLatin1String("/api/generate"));
        return url;
    case Operation::Embeddings:
        url.setPath(base + QLatin1String("/api/embed"));
        return url;
    case Operation::ListModels:
        url.setPath(base + QLatin1String("/api/tags"));
        return url;
    case Operation::CountTokens:
        break;
    }
    return {};
}

HttpHeaders OllamaSurface::credentials(const QByteArray &key) const
{
    // Ollama itself takes no key; servers in front of it (a proxy, Ollama's cloud) take one
    // as a bearer token.
    if (key.isEmpty())
        return {};
    return {{QByteArrayLiteral("authorization"), "Bearer " + key}};
}

QStringList OllamaSurface::parseModelList(const QByteArray &body) const
{
    QStringList out;
    const QJsonArray models = QJsonDocument::fromJson(body).object().value(k("models")).toArray();
    for (const QJsonValue v : models) {
        const QJsonObject m = v.toObject();
        QString name = m.value(k("name")).toString();
        if (name.isEmpty())
            name = m.value(k("model")).toString();
        if (!name.isEmpty() && name.trimmed() == name && !out.contains(name))
            out << name;
    }
    return out;
}

QString OllamaSurface::errorMessage(const QByteArray &body) const
{
    const QJsonValue error = QJsonDocument::fromJson(body).object().value(k("error"));
    if (error.isString() && !error.toString().isEmpty())
        return error.toString();
    return SurfaceAdapter::errorMessage(body);
}

QString OllamaSurface::imageType(const QString &base64)
{
    const QByteArray head = QByteArray::fromBase64(base64.left(24).toLatin1());
    if (head.startsWith("\x89PNG"))
        return QStringLiteral("image/png");
    if (head.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    if (head.startsWith("GIF8"))
        return QStringLiteral("image/gif");
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    return {};
}

QString OllamaSurface::timestamp(qint64 secondsSinceEpoch)
{
    const QDateTime at = secondsSinceEpoch > 0
                             ? QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC)
                             : QDateTime::currentDateTimeUtc();
    return at.toString(Qt::ISODateWithMs);
}

StopReason OllamaSurface::stopReason(const QString &doneReason)
{
    if (doneReason == QLatin1String("length"))
        return StopReason::MaxTokens;
    return StopReason::EndTurn; // stop, load, unload
}

QString OllamaSurface::doneReason(StopReason reason)
{
    return reason == StopReason::MaxTokens ? QStringLiteral("length") : QStringLiteral("stop");
}

Usage OllamaSurface::usage(const QJsonObject &answer)
{
    Usage u;
    u.inputTokens = json::integer(answer.value(k("prompt_eval_count")));
    u.outputTokens = json::integer(answer.value(k("eval_count")));
    return u;
}

// ---- a stream relayed as it is

namespace {

// Watches an Ollama stream relayed as it is: complete when a line says "done": true (not when
// some text merely contains those words), usage from that line.
class OllamaStreamObserver : public StreamObserver
{
public:
    void observe(QByteArrayView bytes) override
    {
        for (const QByteArray &line : m_parser.feed(bytes)) {
            m_complete = false;
            if (!line.contains("\"done\""))
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(k("done")).toBool() && !o.contains(k("error"))) {
                m_complete = true;
                m_scanner.scan(line);
            }
        }
    }
    bool isComplete() const override { return m_complete; }
    Usage usage() const override { return m_scanner.usage(); }

private:
    NdjsonParser m_parser;
    UsageScanner m_scanner;
    bool m_complete = false;
};

} // namespace

std::unique_ptr<StreamObserver> OllamaSurface::streamObserver() const
{
    return std::make_unique<OllamaStreamObserver>();
}

// ---- requests

std::variant<Request, ApiError> OllamaSurface::decodeRequest(const QJsonObject &in) const
{
    if (auto misshapen = json::checkShapes(in, {{"messages", json::Shape::ArrayOfObjects},
                                                {"tools", json::Shape::ArrayOfObjects},
                                                {"options", json::Shape::Object},
                                                {"format", json::Shape::StringOrObject},
                                                {"prompt", json::Shape::String},
                                                {"system", json::Shape::String},
                                                {"images", json::Shape::ArrayOfStrings}}))
        return *misshapen;
    Request r;
    r.origin = ApiSurface::Ollama;
    r.model = in.value(k("model")).toString();
    // Ollama streams unless told not to.
    r.stream = in.value(k("stream")).toBool(true);
    r.streamUsage = true;

    if (!in.contains(k("messages"))) {
        // /api/generate: a system text and a prompt with its images.
        r.promptCompletion = true;
        const QString system = in.value(k("system")).toString();
        if (!system.isEmpty())
            r.messages << Message{Role::System, {Part::textPart(system)}};
        Message user{Role::User, {}};
        const QString prompt = in.value(k("prompt")).toString();
        if (!prompt.isEmpty())
            user.parts << Part::textPart(prompt);
        const QJsonArray images = in.value(k("images")).toArray();
        for (qsizetype i = 0; i < images.size(); ++i) {
            auto image = imagePart(images.at(i), QStringLiteral("images[%1]").arg(i));
            if (auto *e = std::get_if<ApiError>(&image))
                return *e;
            user.parts << std::get<Part>(image);
        }
        if (user.parts.isEmpty())
            return ApiError::untranslatable(
                tr("\"prompt\" is empty; this provider has nothing to answer."),
                QStringLiteral("prompt"));
        r.messages << user;
        for (const char *extra : {"suffix", "raw", "template", "context"}) {
            if (in.contains(k(extra)))
                r.surfaceExtras.insert(k(extra), in.value(k(extra)));
        }
    }

    // Calls not yet answered, in order: results name their tool, not their call.
    struct Pending
    {
        QString id;
        QString name;
    };
    QList<Pending> pending;
    const QJsonArray list = in.value(k("messages")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("messages[%1]").arg(i);
        const QJsonObject m = list.at(i).toObject();
        const QString role = m.value(k("role")).toString();
        const QJsonValue contentValue = m.value(k("content"));
        if (!contentValue.isString() && !contentValue.isUndefined() && !contentValue.isNull())
            return ApiError::untranslatable(tr("%1.content must be a string.").arg(where),
                                            where + QStringLiteral(".content"));
        if (auto misshapen = json::checkShapes(m, {{"images", json::Shape::ArrayOfStrings},
                                                   {"tool_calls", json::Shape::ArrayOfObjects},
                                                   {"thinking", json::Shape::String},
                                                   {"tool_name", json::Shape::String}})) {
            misshapen->param = where + QLatin1Char('.') + misshapen->param;
            return *misshapen;
        }
        const QString content = contentValue.toString();
        QList<Part> images;
        const QJsonArray imageList = m.value(k("images")).toArray();
        for (qsizetype j = 0; j < imageList.size(); ++j) {
            auto image =
                imagePart(imageList.at(j), QStringLiteral("%1.images[%2]").arg(where).arg(j));
            if (auto *e = std::get_if<ApiError>(&image))
                return *e;
            images << std::get<Part>(image);
        }
        if (role == QLatin1String("system")) {
            r.messages << Message{Role::System, {Part::textPart(content)}};
        } else if (role == QLatin1String("user")) {
            Message message{Role::User, {}};
            if (!content.isEmpty() || images.isEmpty())
                message.parts << Part::textPart(content);
            message.parts << images;
            r.messages << message;
        } else if (role == QLatin1String("assistant")) {
            if (!images.isEmpty())
                return ApiError::untranslatable(
                    tr("%1 is an assistant message with images.").arg(where),
                    where + QStringLiteral(".images"));
            Message message{Role::Assistant, {}};
            const QString thinking = m.value(k("thinking")).toString();
            if (!thinking.isEmpty()) {
                Part p;
                p.kind = Part::Kind::Thinking;
                p.text = thinking;
                message.parts << p;
            }
            if (!content.isEmpty())
                message.parts << Part::textPart(content);
            const QJsonArray calls = m.value(k("tool_calls")).toArray();
            for (qsizetype c = 0; c < calls.size(); ++c) {
                Part call =
                    toolCall(calls.at(c).toObject(), QStringLiteral("request:%1").arg(i), int(c));
                // Positional ids: the same conversation gets the same ids on every turn.
                if (calls.at(c).toObject().value(k("id")).toString().isEmpty())
                    call.callId = QStringLiteral("call_%1_%2").arg(i).arg(c);
                if (call.name.isEmpty())
                    return ApiError::untranslatable(
                        tr("%1.tool_calls[%2] needs a function name.").arg(where).arg(c),
                        where + QStringLiteral(".tool_calls"));
                pending << Pending{call.callId, call.name};
                message.parts << call;
            }
            r.messages << message;
        } else if (role == QLatin1String("tool")) {
            // The answer to a call: by its id where the client kept one, else the first open
            // call to the tool it names, else the first open call.
            const QString id = m.value(k("tool_call_id")).toString();
            const QString name = m.value(k("tool_name")).toString();
            qsizetype match = -1;
            for (qsizetype p = 0; p < pending.size() && match < 0; ++p) {
                if (!id.isEmpty() && pending.at(p).id == id)
                    match = p;
            }
            for (qsizetype p = 0; p < pending.size() && match < 0; ++p) {
                if (!name.isEmpty() && pending.at(p).name == name)
                    match = p;
            }
            if (match < 0 && !pending.isEmpty() && name.isEmpty())
                match = 0;
            if (match < 0)
                return ApiError::untranslatable(
                    tr("%1 is a tool result, but no tool call before it is waiting for one.")
                        .arg(where),
                    where);
            Part result;
            result.kind = Part::Kind::ToolResult;
            result.callId = pending.at(match).id;
            result.name = pending.at(match).name;
            result.content << Part::textPart(content);
            result.content << images;
            pending.removeAt(match);
            r.messages << Message{Role::Tool, {result}};
        } else {
            return ApiError::untranslatable(
                tr("%1.role \"%2\" is unknown; use system, user, assistant or tool.")
                    .arg(where, role),
                where + QStringLiteral(".role"));
        }
    }
    if (r.messages.isEmpty())
        return ApiError::untranslatable(tr("The request has no message to send."),
                                        QStringLiteral("messages"));

    const QJsonArray tools = in.value(k("tools")).toArray();
    for (qsizetype i = 0; i < tools.size(); ++i) {
        const QJsonObject function = tools.at(i).toObject().value(k("function")).toObject();
        ToolDefinition t;
        t.name = function.value(k("name")).toString();
        if (t.name.isEmpty())
            return ApiError::untranslatable(tr("tools[%1] needs a function name.").arg(i),
                                            QStringLiteral("tools[%1]").arg(i));
        t.description = function.value(k("description")).toString();
        t.parameters = function.value(k("parameters")).toObject();
        r.tools << t;
    }

    const QJsonValue think = in.value(k("think"));
    if (think.isBool()) {
        r.reasoning.enabled = think.toBool();
    } else if (think.isString()) {
        const QString level = think.toString();
        if (level != QLatin1String("low") && level != QLatin1String("medium") &&
            level != QLatin1String("high"))
            return ApiError::badRequest(tr("\"think\" must be true, false, low, medium or high."),
                                        QStringLiteral("think"), QStringLiteral("invalid_value"));
        r.reasoning.effort = level;
    } else if (!think.isUndefined() && !think.isNull()) {
        return ApiError::badRequest(tr("\"think\" must be true, false, low, medium or high."),
                                    QStringLiteral("think"), QStringLiteral("invalid_type"));
    }

    const QJsonValue format = in.value(k("format"));
    if (format.isObject()) {
        r.responseFormat.kind = ResponseFormat::Kind::JsonSchema;
        r.responseFormat.name = QStringLiteral("answer");
        r.responseFormat.schema = format.toObject();
    } else if (format.toString() == QLatin1String("json")) {
        r.responseFormat.kind = ResponseFormat::Kind::JsonObject;
    } else if (format.isString() && !format.toString().isEmpty()) {
        return ApiError::badRequest(tr("\"format\" must be \"json\" or a JSON schema."),
                                    QStringLiteral("format"), QStringLiteral("invalid_value"));
    }

    QJsonObject options = in.value(k("options")).toObject();
    if (auto misshapen = json::checkShapes(options, {{"stop", json::Shape::ArrayOfStrings}})) {
        misshapen->param = QStringLiteral("options.stop");
        return *misshapen;
    }
    if (options.value(k("temperature")).isDouble())
        r.temperature = options.value(k("temperature")).toDouble();
    if (options.value(k("top_p")).isDouble())
        r.topP = options.value(k("top_p")).toDouble();
    if (json::integer(options.value(k("top_k"))) >= 0)
        r.topK = json::integer(options.value(k("top_k")));
    // -1 (no limit) and -2 (fill the context) leave the provider's default.
    if (json::integer(options.value(k("num_predict"))) > 0)
        r.maxOutputTokens = json::integer(options.value(k("num_predict")));
    for (const QJsonValue s : options.value(k("stop")).toArray())
        r.stop << s.toString();
    for (const char *mapped : mappedOptions)
        options.remove(k(mapped));
    if (!options.isEmpty())
        r.surfaceExtras.insert(k("options"), options);
    if (in.contains(k("keep_alive")))
        r.surfaceExtras.insert(k("keep_alive"), in.value(k("keep_alive")));
    return r;
}

std::variant<QJsonObject, ApiError> OllamaSurface::encodeRequest(const Request &r,
                                                                 const QString &model) const
{
    if (r.choices != 1)
        return ApiError::untranslatable(
            tr("n = %1 is not supported by this provider; ask for one choice.").arg(r.choices),
            QStringLiteral("n"));
    QJsonObject out{{k("model"), model}};
    // Tool names by call, for results: Ollama names the tool a result answers.
    QHash<QString, QString> callNames;
    QJsonArray messages;
    for (qsizetype i = 0; i < r.messages.size(); ++i) {
        const Message &m = r.messages.at(i);
        QStringList texts;
        QStringList thinking;
        QJsonArray images;
        QJsonArray calls;
        for (qsizetype j = 0; j < m.parts.size(); ++j) {
            const Part &p = m.parts.at(j);
            const QString where = QStringLiteral("messages[%1].content[%2]").arg(i).arg(j);
            switch (p.kind) {
            case Part::Kind::Text:
            case Part::Kind::Refusal:
                if (!p.text.isEmpty())
                    texts << p.text;
                break;
            case Part::Kind::Image: {
                auto data = imageData(p, where);
                if (auto *e = std::get_if<ApiError>(&data))
                    return *e;
                images.append(std::get<QString>(data));
                break;
            }
            case Part::Kind::File:
                return ApiError::untranslatable(
                    tr("%1 is a document; this provider takes only text and images.").arg(where),
                    where);
            case Part::Kind::Thinking:
                // Reasoning text goes back as the model wrote it; opaque reasoning of other
                // providers cannot.
                if (!p.text.isEmpty())
                    thinking << p.text;
                break;
            case Part::Kind::ToolCall:
                callNames.insert(p.callId, flatName(p.toolNamespace, p.name));
                calls.append(toolCallJson(p));
                break;
            case Part::Kind::ToolResult: {
                QJsonObject result{{k("role"), k("tool")}, {k("content"), p.resultText()}};
                // The result's own tool where the client's surface named it (two waiting calls
                // may share an id), else the tool of the call with its id.
                const QString name = !p.name.isEmpty() ? flatName(p.toolNamespace, p.name)
                                                       : callNames.value(p.callId);
                if (!name.isEmpty())
                    result.insert(k("tool_name"), name);
                QJsonArray resultImages;
                for (const Part &c : p.content) {
                    if (c.kind != Part::Kind::Image)
                        continue;
                    auto data = imageData(c, where);
                    if (auto *e = std::get_if<ApiError>(&data))
                        return *e;
                    resultImages.append(std::get<QString>(data));
                }
                if (!resultImages.isEmpty())
                    result.insert(k("images"), resultImages);
                messages.append(result);
                break;
            }
            }
        }
        if (m.role == Role::Tool)
            continue;
        const QString role = m.role == Role::System || m.role == Role::Developer
                                 ? QStringLiteral("system")
                             : m.role == Role::Assistant ? QStringLiteral("assistant")
                                                         : QStringLiteral("user");
        if (texts.isEmpty() && images.isEmpty() && calls.isEmpty() && thinking.isEmpty())
            continue;
        QJsonObject message{{k("role"), role}, {k("content"), texts.join(QLatin1Char('\n'))}};
        if (!images.isEmpty())
            message.insert(k("images"), images);
        if (!thinking.isEmpty() && m.role == Role::Assistant)
            message.insert(k("thinking"), thinking.join(QString()));
        if (!calls.isEmpty())
            message.insert(k("tool_calls"), calls);
        messages.append(message);
    }
    if (messages.isEmpty())
        return ApiError::untranslatable(tr("The request has no message to send."),
                                        QStringLiteral("messages"));
    out.insert(k("messages"), messages);

    QJsonArray tools;
    for (const ToolDefinition &t : r.tools) {
        if (t.kind == ToolKind::Hosted)
            continue; // named in x-gatehouse-dropped-tools
        QJsonObject function{{k("name"), t.flatName()},
                             {k("parameters"), toolshapes::functionParameters(t)}};
        const QString description = toolshapes::functionDescription(t);
        if (!description.isEmpty())
            function.insert(k("description"), description);
        tools.append(QJsonObject{{k("type"), k("function")}, {k("function"), function}});
    }
    // Ollama has no tool choice: "none" is no tools; a required or named tool is left to the
    // model.
    if (!tools.isEmpty() && r.toolChoice.mode != ToolChoice::Mode::None)
        out.insert(k("tools"), tools);

    if (r.reasoning.enabled == false || r.reasoning.effort == QLatin1String("none")) {
        out.insert(k("think"), false);
    } else if (r.reasoning.effort == QLatin1String("minimal") ||
               r.reasoning.effort == QLatin1String("low")) {
        out.insert(k("think"), k("low"));
    } else if (r.reasoning.effort == QLatin1String("medium")) {
        out.insert(k("think"), k("medium"));
    } else if (r.reasoning.effort == QLatin1String("high") ||
               r.reasoning.effort == QLatin1String("xhigh")) {
        out.insert(k("think"), k("high"));
    } else if (r.reasoning.enabled == true) {
        out.insert(k("think"), true);
    }

    if (r.responseFormat.kind == ResponseFormat::Kind::JsonSchema)
        out.insert(k("format"), r.responseFormat.schema);
    else if (r.responseFormat.kind == ResponseFormat::Kind::JsonObject)
        out.insert(k("format"), k("json"));

    QJsonObject options;
    if (r.origin == ApiSurface::Ollama)
        options = r.surfaceExtras.value(k("options")).toObject();
    if (r.temperature)
        options.insert(k("temperature"), *r.temperature);
    if (r.topP)
        options.insert(k("top_p"), *r.topP);
    if (r.topK)
        options.insert(k("top_k"), *r.topK);
    if (r.maxOutputTokens)
        options.insert(k("num_predict"), *r.maxOutputTokens);
    if (!r.stop.isEmpty())
        options.insert(k("stop"), QJsonArray::fromStringList(r.stop));
    if (!options.isEmpty())
        out.insert(k("options"), options);
    if (r.origin == ApiSurface::Ollama && r.surfaceExtras.contains(k("keep_alive")))
        out.insert(k("keep_alive"), r.surfaceExtras.value(k("keep_alive")));
    // Ollama streams unless told not to.
    out.insert(k("stream"), r.stream);
    return out;
}

// ---- whole answers

std::variant<Response, ApiError> OllamaSurface::decodeResponse(const QJsonObject &in) const
{
    const bool chat = in.value(k("message")).isObject();
    if (!chat && !in.value(k("response")).isString())
        return malformed();
    Response r;
    r.model = in.value(k("model")).toString();
    const QString created = in.value(k("created_at")).toString();
    const QDateTime at = QDateTime::fromString(created, Qt::ISODateWithMs);
    r.created = at.isValid() ? at.toSecsSinceEpoch() : 0;
    r.id = QStringLiteral("ollama-") +
           QString::fromLatin1(
               QCryptographicHash::hash(QByteArray(created.toUtf8() + r.model.toUtf8()),
                                        QCryptographicHash::Sha256)
                   .toHex()
                   .left(16));
    const QJsonObject message = chat ? in.value(k("message")).toObject() : in;
    const QString thinking = message.value(k("thinking")).toString();
    if (!thinking.isEmpty()) {
        Part p;
        p.kind = Part::Kind::Thinking;
        p.text = thinking;
        r.parts << p;
    }
    const QString text =
        chat ? message.value(k("content")).toString() : in.value(k("response")).toString();
    if (!text.isEmpty())
        r.parts << Part::textPart(text);
    const QJsonArray calls = message.value(k("tool_calls")).toArray();
    for (qsizetype i = 0; i < calls.size(); ++i)
        r.parts << toolCall(calls.at(i).toObject(), created + r.model, int(i));
    r.stopReason =
        calls.isEmpty() ? stopReason(in.value(k("done_reason")).toString()) : StopReason::ToolUse;
    r.usage = usage(in);
    return r;
}

QJsonObject OllamaSurface::encodeResponse(const Response &r, const Request &request) const
{
    QStringList texts, thinking;
    QJsonArray calls;
    for (const Part &p : r.parts) {
        if (p.kind == Part::Kind::Text || p.kind == Part::Kind::Refusal)
            texts << p.text;
        else if (p.kind == Part::Kind::Thinking && !p.text.isEmpty())
            thinking << p.text;
        else if (p.kind == Part::Kind::ToolCall)
            calls.append(toolCallJson(p));
    }
    QJsonObject out{{k("model"), r.model}, {k("created_at"), timestamp(r.created)}};
    if (request.promptCompletion) {
        out.insert(k("response"), texts.join(QString()));
        if (!thinking.isEmpty())
            out.insert(k("thinking"), thinking.join(QString()));
    } else {
        QJsonObject message{{k("role"), k("assistant")}, {k("content"), texts.join(QString())}};
        if (!thinking.isEmpty())
            message.insert(k("thinking"), thinking.join(QString()));
        if (!calls.isEmpty())
            message.insert(k("tool_calls"), calls);
        out.insert(k("message"), message);
    }
    out.insert(k("done"), true);
    out.insert(k("done_reason"), doneReason(r.stopReason));
    if (r.usage.inputTokens >= 0)
        out.insert(k("prompt_eval_count"), r.usage.inputTokens);
    if (r.usage.outputTokens >= 0)
        out.insert(k("eval_count"), r.usage.outputTokens);
    return out;
}

QByteArray OllamaSurface::streamError(const ApiError &error) const
{
    return error.streamEvent(ApiShape::Ollama);
}

// ---- streams: decoding

std::unique_ptr<StreamDecoder> OllamaSurface::streamDecoder() const
{
    return std::make_unique<OllamaStreamDecoder>();
}

StreamEvents OllamaStreamDecoder::feed(QByteArrayView bytes)
{
    StreamEvents out;
    for (const QByteArray &line : m_parser.feed(bytes)) {
        if (m_complete || m_failed)
            break;
        QJsonParseError pe{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
        if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
            fail(ApiError::badGateway(tr("The provider sent a stream line that is not a JSON "
                                         "object."),
                                      QStringLiteral("upstream_invalid_json")),
                 false, out);
            break;
        }
        handle(doc.object(), out);
    }
    if (m_parser.overflowed() && !m_failed && !m_complete)
        fail(ApiError::badGateway(tr("The provider sent a stream line larger than 16 MiB."),
                                  QStringLiteral("upstream_event_too_large")),
             false, out);
    return out;
}

void OllamaStreamDecoder::fail(const ApiError &error, bool fromProvider, StreamEvents &out)
{
    m_failed = true;
    StreamEvent event;
    event.type = Type::Error;
    event.error = error;
    event.providerError = fromProvider;
    out << event;
}

void OllamaStreamDecoder::open(Part::Kind kind, StreamEvents &out)
{
    if (m_openIndex >= 0 && m_open.kind == kind)
        return;
    close(out);
    m_open = Part();
    m_open.kind = kind;
    m_openIndex = m_blocks++;
    StreamEvent start;
    start.type = Type::BlockStart;
    start.index = m_openIndex;
    start.part = m_open;
    out << start;
}

void OllamaStreamDecoder::close(StreamEvents &out)
{
    if (m_openIndex < 0)
        return;
    StreamEvent stop;
    stop.type = Type::BlockStop;
    stop.index = m_openIndex;
    stop.part = m_open;
    out << stop;
    m_openIndex = -1;
}

void OllamaStreamDecoder::handle(const QJsonObject &line, StreamEvents &out)
{
    const QJsonValue error = line.value(k("error"));
    if (!error.isUndefined() && !error.isNull()) {
        QString message =
            error.isString() ? error.toString() : error.toObject().value(k("message")).toString();
        if (message.isEmpty())
            message = tr("The provider's stream ended with an error.");
        fail(ApiError{502, QStringLiteral("upstream_error"), {}, message, {}}, true, out);
        return;
    }
    if (!m_started) {
        m_started = true;
        m_created = line.value(k("created_at")).toString();
        StreamEvent start;
        start.type = Type::Start;
        start.model = line.value(k("model")).toString();
        start.id = QStringLiteral("ollama-") +
                   QString::fromLatin1(QCryptographicHash::hash((m_created + start.model).toUtf8(),
                                                                QCryptographicHash::Sha256)
                                           .toHex()
                                           .left(16));
        out << start;
    }
    const bool chat = line.value(k("message")).isObject();
    const QJsonObject message = chat ? line.value(k("message")).toObject() : line;
    const QString thinking = message.value(k("thinking")).toString();
    if (!thinking.isEmpty()) {
        open(Part::Kind::Thinking, out);
        m_open.text += thinking;
        StreamEvent d;
        d.type = Type::BlockDelta;
        d.index = m_openIndex;
        d.delta = thinking;
        out << d;
    }
    const QString text =
        chat ? message.value(k("content")).toString() : line.value(k("response")).toString();
    if (!text.isEmpty()) {
        open(Part::Kind::Text, out);
        m_open.text += text;
        StreamEvent d;
        d.type = Type::BlockDelta;
        d.index = m_openIndex;
        d.delta = text;
        out << d;
    }
    // Ollama sends each call whole, in one line.
    for (const QJsonValue v : message.value(k("tool_calls")).toArray()) {
        close(out);
        Part call = toolCall(v.toObject(), QStringLiteral("stream:") + m_created, m_calls++);
        const int index = m_blocks++;
        StreamEvent start;
        start.type = Type::BlockStart;
        start.index = index;
        start.part = call;
        start.part.arguments.clear();
        out << start;
        StreamEvent d;
        d.type = Type::BlockDelta;
        d.index = index;
        d.delta = call.arguments;
        d.deltaKind = DeltaKind::Arguments;
        out << d;
        StreamEvent stop;
        stop.type = Type::BlockStop;
        stop.index = index;
        stop.part = call;
        out << stop;
    }
    if (line.value(k("done")).toBool()) {
        close(out);
        m_complete = true;
        StreamEvent finish;
        finish.type = Type::Finish;
        finish.stopReason =
            m_calls > 0 ? StopReason::ToolUse
                        : OllamaSurface::stopReason(line.value(k("done_reason")).toString());
        finish.usage = OllamaSurface::usage(line);
        out << finish;
    }
}

// ---- streams: encoding

std::unique_ptr<StreamEncoder> OllamaSurface::streamEncoder(const Request &request) const
{
    return std::make_unique<OllamaStreamEncoder>(request.promptCompletion);
}

OllamaStreamEncoder::OllamaStreamEncoder(bool promptCompletion)
    : m_promptCompletion(promptCompletion)
{
    m_clock.start();
}

QByteArray OllamaStreamEncoder::line(const QJsonObject &extra, const QString &text,
                                     const QString &thinking)
{
    QJsonObject out{{k("model"), m_model}, {k("created_at"), OllamaSurface::timestamp()}};
    if (m_promptCompletion) {
        out.insert(k("response"), text);
        if (!thinking.isEmpty())
            out.insert(k("thinking"), thinking);
    } else {
        QJsonObject message{{k("role"), k("assistant")}, {k("content"), text}};
        if (!thinking.isEmpty())
            message.insert(k("thinking"), thinking);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            message.insert(it.key(), it.value());
        out.insert(k("message"), message);
    }
    out.insert(k("done"), false);
    return json::bytes(out) + '\n';
}

QByteArray OllamaStreamEncoder::encode(const StreamEvent &event)
{
    if (m_complete)
        return {};
    switch (event.type) {
    case Type::Start:
        m_model = event.model;
        return {};
    case Type::BlockStart:
        m_open.insert(event.index, event.part);
        return {};
    case Type::BlockDelta: {
        const auto it = m_open.find(event.index);
        if (it == m_open.end() || event.delta.isEmpty())
            return {};
        if (m_firstTokenNs < 0)
            m_firstTokenNs = m_clock.nsecsElapsed();
        if (it->kind == Part::Kind::ToolCall) {
            if (event.deltaKind == DeltaKind::Arguments)
                it->arguments += event.delta;
            return {};
        }
        if (event.deltaKind != DeltaKind::Text)
            return {};
        if (it->kind == Part::Kind::Thinking)
            return line({}, QString(), event.delta);
        return line({}, event.delta, QString());
    }
    case Type::BlockStop: {
        const Part open = m_open.take(event.index);
        if (!event.part.isToolCall() || m_promptCompletion)
            return {};
        Part call = event.part;
        if (call.arguments.isEmpty() && call.input.isEmpty())
            call.arguments = open.arguments;
        return line({{k("tool_calls"), QJsonArray{toolCallJson(call)}}}, QString(), QString());
    }
    case Type::Finish: {
        m_complete = true;
        // Ollama's durations are nanoseconds: all of the answer, and the part after the first
        // token (which clients divide eval_count by for tokens per second).
        const qint64 total = m_clock.nsecsElapsed();
        const qint64 eval = m_firstTokenNs >= 0 ? total - m_firstTokenNs : 0;
        QJsonObject out{{k("model"), m_model}, {k("created_at"), OllamaSurface::timestamp()}};
        if (m_promptCompletion)
            out.insert(k("response"), QString());
        else
            out.insert(k("message"),
                       QJsonObject{{k("role"), k("assistant")}, {k("content"), QString()}});
        out.insert(k("done"), true);
        out.insert(k("done_reason"), OllamaSurface::doneReason(event.stopReason));
        out.insert(k("total_duration"), total);
        out.insert(k("load_duration"), 0);
        if (event.usage.inputTokens >= 0)
            out.insert(k("prompt_eval_count"), event.usage.inputTokens);
        out.insert(k("prompt_eval_duration"), total - eval);
        if (event.usage.outputTokens >= 0)
            out.insert(k("eval_count"), event.usage.outputTokens);
        out.insert(k("eval_duration"), eval);
        return json::bytes(out) + '\n';
    }
    case Type::Error:
        m_complete = true;
        return event.error.streamEvent(ApiShape::Ollama);
    }
    return {};
}

// ---- embeddings

QJsonObject OllamaSurface::embedRequestFromOpenAi(const QJsonObject &body, const QString &model)
{
    QJsonObject out{{k("model"), model}, {k("input"), body.value(k("input"))}};
    if (body.contains(k("dimensions")))
        out.insert(k("dimensions"), body.value(k("dimensions")));
    return out;
}

QJsonObject OllamaSurface::embedRequestToOpenAi(const QJsonObject &body, const QString &model)
{
    QJsonObject out{{k("model"), model}, {k("input"), body.value(k("input"))}};
    if (body.contains(k("dimensions")))
        out.insert(k("dimensions"), body.value(k("dimensions")));
    return out;
}

std::variant<QJsonObject, ApiError> OllamaSurface::embedAnswerFromOpenAi(const QJsonObject &answer,
                                                                         const QString &model)
{
    if (!answer.value(k("data")).isArray())
        return ApiError::badGateway(
            tr("The provider answered with something that is not an embeddings list."),
            QStringLiteral("upstream_malformed"));
    QJsonArray embeddings;
    for (const QJsonValue v : answer.value(k("data")).toArray())
        embeddings.append(v.toObject().value(k("embedding")));
    QJsonObject out{{k("model"), answer.value(k("model")).toString(model)},
                    {k("embeddings"), embeddings}};
    const qint64 tokens =
        json::integer(answer.value(k("usage")).toObject().value(k("prompt_tokens")));
    if (tokens >= 0)
        out.insert(k("prompt_eval_count"), tokens);
    return out;
}

QByteArray OllamaSurface::legacyEmbedding(const QByteArray &answer)
{
    const QJsonArray embeddings =
        QJsonDocument::fromJson(answer).object().value(k("embeddings")).toArray();
    return json::bytes(
        QJsonObject{{k("embedding"), embeddings.isEmpty() ? QJsonArray() : embeddings.first()}});
}

std::variant<QJsonObject, ApiError> OllamaSurface::embedAnswerToOpenAi(const QJsonObject &answer,
                                                                       const QString &model)
{
    if (!answer.value(k("embeddings")).isArray())
        return malformed();
    QJsonArray data;
    const QJsonArray embeddings = answer.value(k("embeddings")).toArray();
    for (qsizetype i = 0; i < embeddings.size(); ++i)
        data.append(QJsonObject{
            {k("object"), k("embedding")}, {k("index"), i}, {k("embedding"), embeddings.at(i)}});
    const qint64 tokens = std::max<qint64>(0, json::integer(answer.value(k("prompt_eval_count"))));
    return QJsonObject{
        {k("object"), k("list")},
        {k("data"), data},
        {k("model"), answer.value(k("model")).toString(model)},
        {k("usage"), QJsonObject{{k("prompt_tokens"), tokens}, {k("total_tokens"), tokens}}}};
}

} // namespace gatehouse
