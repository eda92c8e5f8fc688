#include "Conversation.h"

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

bool isSupportedImageType(const QString &mediaType)
{
    return mediaType == QLatin1String("image/jpeg") || mediaType == QLatin1String("image/png") ||
           mediaType == QLatin1String("image/gif") || mediaType == QLatin1String("image/webp");
}

} // namespace gatehouse::conversation
