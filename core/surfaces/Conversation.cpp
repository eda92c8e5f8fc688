#include "Conversation.h"

#include <QUrl>

namespace gatehouse::conversation {

QString Part::resultText() const
{
    QStringList texts;
    for (const Part &p : content) {
        if (p.kind == Kind::Text)
            texts << p.text;
    }
    return texts.join(QLatin1Char('\n'));
}

ResponseFormat ResponseFormat::fromOpenAi(const QString &type, const QJsonObject &schemaFields)
{
    ResponseFormat f;
    if (type == QLatin1String("json_object")) {
        f.kind = Kind::JsonObject;
    } else if (type == QLatin1String("text")) {
        f.kind = Kind::Text;
    } else if (type == QLatin1String("json_schema")) {
        f.kind = Kind::JsonSchema;
        f.name = schemaFields.value(QLatin1String("name")).toString();
        f.description = schemaFields.value(QLatin1String("description")).toString();
        f.schema = schemaFields.value(QLatin1String("schema")).toObject();
        if (schemaFields.value(QLatin1String("strict")).isBool())
            f.strict = schemaFields.value(QLatin1String("strict")).toBool();
    }
    return f;
}

QJsonObject ResponseFormat::openAiSchemaFields() const
{
    QJsonObject fields{{QLatin1String("name"), name.isEmpty() ? QStringLiteral("response") : name},
                       {QLatin1String("schema"), schema}};
    if (!description.isEmpty())
        fields.insert(QLatin1String("description"), description);
    if (strict)
        fields.insert(QLatin1String("strict"), *strict);
    return fields;
}

QString flatName(const QString &toolNamespace, const QString &name)
{
    return toolNamespace.isEmpty() ? name : toolNamespace + QLatin1String("__") + name;
}

QString ToolDefinition::flatName() const
{
    return conversation::flatName(toolNamespace, name);
}

const ToolDefinition *Request::tool(const QString &flatName) const
{
    for (const ToolDefinition &t : tools) {
        if (t.kind != ToolKind::Hosted && t.flatName() == flatName)
            return &t;
    }
    return nullptr;
}

QStringList Request::hostedToolNames() const
{
    QStringList names;
    for (const ToolDefinition &t : tools) {
        if (t.kind == ToolKind::Hosted)
            names << (t.name.isEmpty() ? t.hostedType : t.name);
    }
    return names;
}

void Usage::merge(const Usage &other)
{
    auto take = [](qint64 &into, qint64 value) {
        if (value >= 0)
            into = value;
    };
    take(inputTokens, other.inputTokens);
    take(outputTokens, other.outputTokens);
    take(cachedInputTokens, other.cachedInputTokens);
    take(cacheCreationTokens, other.cacheCreationTokens);
    take(reasoningTokens, other.reasoningTokens);
}

bool parseDataUrl(const QString &url, QString *mediaType, QString *data)
{
    if (!url.startsWith(QLatin1String("data:")))
        return false;
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    if (comma < 0)
        return false;
    const QString header = url.mid(5, comma - 5);
    if (!header.endsWith(QLatin1String(";base64")))
        return false;
    *mediaType = header.chopped(7);
    *data = url.mid(comma + 1);
    return true;
}

QString dataUrl(const QString &mediaType, const QString &data)
{
    return QLatin1String("data:") + mediaType + QLatin1String(";base64,") + data;
}

bool isWebUrl(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    return parsed.isValid() && !parsed.host().isEmpty() &&
           (parsed.scheme() == QLatin1String("https") || parsed.scheme() == QLatin1String("http"));
}

bool isSupportedImageType(const QString &mediaType)
{
    return mediaType == QLatin1String("image/jpeg") || mediaType == QLatin1String("image/png") ||
           mediaType == QLatin1String("image/gif") || mediaType == QLatin1String("image/webp");
}

} // namespace gatehouse::conversation
