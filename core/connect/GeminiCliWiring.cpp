// Gemini CLI takes its key and base URL from the environment, which it fills from
// ~/.gemini/.env (in a trusted folder), and its sign-in method and model from
// ~/.gemini/settings.json. With a base URL alone it would pick its "gateway" sign-in, which
// it refuses in non-interactive runs; the Gemini API key sign-in sends the key in
// x-goog-api-key to the base URL (the gateway root; it adds /v1beta/models/…).
#include "FileWiring.h"
#include "WiringEdits.h"

namespace gatehouse {

namespace {

const QString apiKey = QStringLiteral("GEMINI_API_KEY");
const QString baseUrl = QStringLiteral("GOOGLE_GEMINI_BASE_URL");

const QStringList authTypePath{QStringLiteral("security"), QStringLiteral("auth"),
                               QStringLiteral("selectedType")};
const QStringList modelPath{QStringLiteral("model"), QStringLiteral("name")};
const QString apiKeyAuth = QStringLiteral("gemini-api-key");

class GeminiEnvWiring : public FileWiring
{
public:
    QString path(const ToolEnvironment &environment) const override
    {
        return environment.home + QStringLiteral("/.gemini/.env");
    }

    Result<QByteArray> merge(const std::optional<QByteArray> &current,
                             const WiringSettings &settings) const override
    {
        return wiring::dotenvSet(current.value_or(QByteArray()),
                                 {{apiKey, settings.key}, {baseUrl, settings.gatewayRoot}});
    }

    Result<QByteArray> unmerge(const QByteArray &current,
                               const std::optional<QByteArray> &original) const override
    {
        return wiring::dotenvRestore(current, {apiKey, baseUrl}, original);
    }

    Result<WiredValues> read(const QByteArray &content) const override
    {
        const auto values = wiring::dotenvRead(content);
        WiredValues v;
        v.key = wiring::dotenvValue(values, apiKey);
        v.url = wiring::dotenvValue(values, baseUrl);
        v.wired = !v.url.isEmpty() && wiring::isGatehouseKey(v.key);
        return v;
    }
};

class GeminiSettingsWiring : public FileWiring
{
public:
    QString path(const ToolEnvironment &environment) const override
    {
        return environment.home + QStringLiteral("/.gemini/settings.json");
    }

    Result<QByteArray> merge(const std::optional<QByteArray> &current,
                             const WiringSettings &settings) const override
    {
        return wiring::mergeJson(current,
                                 {{authTypePath, apiKeyAuth}, {modelPath, settings.model}});
    }

    Result<QByteArray> unmerge(const QByteArray &current,
                               const std::optional<QByteArray> &original) const override
    {
        return wiring::unmergeJson(current, original, {authTypePath, modelPath});
    }

    Result<WiredValues> read(const QByteArray &content) const override
    {
        const auto object = wiring::parseJsonObject(content);
        if (!object)
            return Result<WiredValues>::failure(object.error());
        WiredValues v;
        v.model = wiring::jsonValueAt(object.value(), modelPath).toString();
        v.wired = wiring::jsonValueAt(object.value(), authTypePath).toString() == apiKeyAuth &&
                  !v.model.isEmpty();
        return v;
    }
};

} // namespace

FileWirings geminiCliWiring()
{
    return {std::make_shared<GeminiEnvWiring>(), std::make_shared<GeminiSettingsWiring>()};
}

} // namespace gatehouse
