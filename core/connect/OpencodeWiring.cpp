// opencode merges its global config, $XDG_CONFIG_HOME/opencode/opencode.json (else
// ~/.config/…), with a project's. Connect adds a "gatehouse" provider through the AI SDK's
// OpenAI-compatible package (Chat Completions at the gateway's /v1) with the chosen models,
// and makes them the main and small model ("gatehouse/<model>").
#include "FileWiring.h"
#include "WiringEdits.h"

#include <QJsonObject>

namespace gatehouse {

namespace {

const QString providerId = QStringLiteral("gatehouse");
const QString modelPrefix = providerId + QLatin1Char('/');

const QStringList providerPath{QStringLiteral("provider"), providerId};
const QStringList modelPath{QStringLiteral("model")};
const QStringList smallModelPath{QStringLiteral("small_model")};

QJsonObject modelEntry(const QString &name)
{
    return QJsonObject{{QLatin1String("name"), name}, {QLatin1String("tool_call"), true}};
}

class OpencodeConfigWiring : public FileWiring
{
public:
    QString path(const ToolEnvironment &environment) const override
    {
        return environment.configHome() + QStringLiteral("/opencode/opencode.json");
    }

    Result<QByteArray> merge(const std::optional<QByteArray> &current,
                             const WiringSettings &settings) const override
    {
        QJsonObject models{{settings.model, modelEntry(settings.model)}};
        models.insert(settings.smallModel, modelEntry(settings.smallModel));
        const QJsonObject provider{
            {QLatin1String("npm"), QStringLiteral("@ai-sdk/openai-compatible")},
            {QLatin1String("name"), QStringLiteral("Gatehouse")},
            {QLatin1String("options"),
             QJsonObject{{QLatin1String("baseURL"), settings.openAiBaseUrl()},
                         {QLatin1String("apiKey"), settings.key}}},
            {QLatin1String("models"), models}};
        return wiring::mergeJson(current,
                                 {{providerPath, provider},
                                  {modelPath, QString(modelPrefix + settings.model)},
                                  {smallModelPath, QString(modelPrefix + settings.smallModel)}});
    }

    Result<QByteArray> unmerge(const QByteArray &current,
                               const std::optional<QByteArray> &original) const override
    {
        return wiring::unmergeJson(current, original, {providerPath, modelPath, smallModelPath});
    }

    Result<WiredValues> read(const QByteArray &content) const override
    {
        const auto object = wiring::parseJsonObject(content);
        if (!object)
            return Result<WiredValues>::failure(object.error());
        const QJsonObject options =
            wiring::jsonValueAt(object.value(),
                                providerPath + QStringList{QStringLiteral("options")})
                .toObject();
        WiredValues v;
        v.url = wiring::gatewayRootOf(options.value(QLatin1String("baseURL")).toString());
        v.key = options.value(QLatin1String("apiKey")).toString();
        const QString main = object->value(QLatin1String("model")).toString();
        const QString small = object->value(QLatin1String("small_model")).toString();
        if (main.startsWith(modelPrefix))
            v.model = main.mid(modelPrefix.size());
        if (small.startsWith(modelPrefix))
            v.smallModel = small.mid(modelPrefix.size());
        v.wired = !v.url.isEmpty() && wiring::isGatehouseKey(v.key) && !v.model.isEmpty();
        return v;
    }
};

} // namespace

FileWirings opencodeWiring()
{
    return {std::make_shared<OpencodeConfigWiring>()};
}

} // namespace gatehouse
