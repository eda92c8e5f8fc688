// Claude Code reads environment variables for its session from the `env` map of
// ~/.claude/settings.json: the Anthropic base URL (the gateway root; it adds /v1/messages),
// a bearer token, the main model and the small "haiku" model for quick side tasks.
#include "FileWiring.h"
#include "WiringEdits.h"

namespace gatehouse {

namespace {

const QString baseUrl = QStringLiteral("ANTHROPIC_BASE_URL");
const QString authToken = QStringLiteral("ANTHROPIC_AUTH_TOKEN");
const QString model = QStringLiteral("ANTHROPIC_MODEL");
const QString smallModel = QStringLiteral("ANTHROPIC_DEFAULT_HAIKU_MODEL");

QStringList envPath(const QString &name)
{
    return {QStringLiteral("env"), name};
}

class ClaudeSettingsWiring : public FileWiring
{
public:
    QString path(const ToolEnvironment &environment) const override
    {
        return environment.home + QStringLiteral("/.claude/settings.json");
    }

    Result<QByteArray> merge(const std::optional<QByteArray> &current,
                             const WiringSettings &settings) const override
    {
        return wiring::mergeJson(current, {{envPath(baseUrl), settings.gatewayRoot},
                                           {envPath(authToken), settings.key},
                                           {envPath(model), settings.model},
                                           {envPath(smallModel), settings.smallModel}});
    }

    Result<QByteArray> unmerge(const QByteArray &current,
                               const std::optional<QByteArray> &original) const override
    {
        return wiring::unmergeJson(
            current, original,
            {envPath(baseUrl), envPath(authToken), envPath(model), envPath(smallModel)});
    }

    Result<WiredValues> read(const QByteArray &content) const override
    {
        const auto object = wiring::parseJsonObject(content);
        if (!object)
            return Result<WiredValues>::failure(object.error());
        const QJsonObject env = object->value(QLatin1String("env")).toObject();
        WiredValues v;
        v.url = env.value(baseUrl).toString();
        v.key = env.value(authToken).toString();
        v.model = env.value(model).toString();
        v.smallModel = env.value(smallModel).toString();
        v.wired = !v.url.isEmpty() && wiring::isGatehouseKey(v.key);
        return v;
    }
};

} // namespace

FileWirings claudeCodeWiring()
{
    return {std::make_shared<ClaudeSettingsWiring>()};
}

} // namespace gatehouse
