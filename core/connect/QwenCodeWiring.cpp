// Qwen Code reads ~/.qwen/settings.json and fills its environment from ~/.qwen/.env. Its
// settings name an OpenAI-compatible model in modelProviders.openai (id, baseUrl and envKey,
// the variable that holds the key); security.auth.selectedType "openai" and model.name pick
// it. A modelProviders entry's baseUrl and envKey come before OPENAI_BASE_URL and
// OPENAI_API_KEY, so a shell that exports those for another service does not redirect the
// tool. The key itself goes in .env, under a variable of its own: a GATEHOUSE_API_KEY that a
// shell exports (as the generic snippets suggest) would take precedence over the file.
#include "FileWiring.h"
#include "WiringEdits.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse {

namespace {

const QString keyVariable = QStringLiteral("GATEHOUSE_QWEN_CODE_KEY");

const QStringList authTypePath{QStringLiteral("security"), QStringLiteral("auth"),
                               QStringLiteral("selectedType")};
const QStringList modelPath{QStringLiteral("model"), QStringLiteral("name")};
// Pairs model.name with a provider entry when several share a model id.
const QStringList modelBaseUrlPath{QStringLiteral("model"), QStringLiteral("baseUrl")};
const QStringList providersPath{QStringLiteral("modelProviders"), QStringLiteral("openai")};
// The settings format Qwen Code migrates older files to; a file that lacks it is rewritten
// on the tool's next start.
const QStringList versionPath{QStringLiteral("$version")};
constexpr int settingsVersion = 4;
const QString openAiAuth = QStringLiteral("openai");

bool isGatehouseEntry(const QJsonValue &entry)
{
    return entry.toObject().value(QLatin1String("envKey")).toString() == keyVariable;
}

// The Gatehouse entry in modelProviders.openai, or an empty object.
QJsonObject gatehouseEntry(const QJsonObject &settings)
{
    for (const QJsonValue entry : wiring::jsonValueAt(settings, providersPath).toArray()) {
        if (isGatehouseEntry(entry))
            return entry.toObject();
    }
    return {};
}

class QwenEnvWiring : public FileWiring
{
public:
    QString path(const ToolEnvironment &environment) const override
    {
        return environment.home + QStringLiteral("/.qwen/.env");
    }

    Result<QByteArray> merge(const std::optional<QByteArray> &current,
                             const WiringSettings &settings) const override
    {
        return wiring::dotenvSet(current.value_or(QByteArray()), {{keyVariable, settings.key}});
    }

    Result<QByteArray> unmerge(const QByteArray &current,
                               const std::optional<QByteArray> &original) const override
    {
        return wiring::dotenvRestore(current, {keyVariable}, original);
    }

    Result<WiredValues> read(const QByteArray &content) const override
    {
        WiredValues v;
        v.key = wiring::dotenvValue(wiring::dotenvRead(content), keyVariable);
        v.wired = wiring::isGatehouseKey(v.key);
        return v;
    }
};

class QwenSettingsWiring : public FileWiring
{
public:
    QString path(const ToolEnvironment &environment) const override
    {
        return environment.home + QStringLiteral("/.qwen/settings.json");
    }

    Result<QByteArray> merge(const std::optional<QByteArray> &current,
                             const WiringSettings &settings) const override
    {
        auto object = wiring::parseJsonObject(current);
        if (!object)
            return Result<QByteArray>::failure(object.error());
        QJsonObject &s = object.value();
        if (s.isEmpty())
            wiring::setJsonValueAt(s, versionPath, settingsVersion);
        const QJsonValue providers = wiring::jsonValueAt(s, providersPath);
        if (!providers.isUndefined() && !providers.isArray())
            return Result<QByteArray>::failure(tr("modelProviders.openai is not a list of models"));
        // The Gatehouse entry first, the user's own entries after it as they were.
        QJsonArray entries{QJsonObject{
            {QStringLiteral("id"), settings.model},
            {QStringLiteral("name"), QString(settings.model + QStringLiteral(" (Gatehouse)"))},
            {QStringLiteral("baseUrl"), settings.openAiBaseUrl()},
            {QStringLiteral("envKey"), keyVariable},
        }};
        for (const QJsonValue entry : providers.toArray()) {
            if (!isGatehouseEntry(entry))
                entries.append(entry);
        }
        wiring::setJsonValueAt(s, providersPath, entries);
        wiring::setJsonValueAt(s, authTypePath, openAiAuth);
        wiring::setJsonValueAt(s, modelPath, settings.model);
        wiring::setJsonValueAt(s, modelBaseUrlPath, settings.openAiBaseUrl());
        return wiring::writeJson(s);
    }

    Result<QByteArray> unmerge(const QByteArray &current,
                               const std::optional<QByteArray> &original) const override
    {
        auto object = wiring::parseJsonObject(current);
        if (!object)
            return Result<QByteArray>::failure(object.error());
        QJsonObject &s = object.value();
        // An original that no longer parses cannot say what was there: the keys just go.
        const auto parsedOriginal = wiring::parseJsonObject(original);
        const QJsonObject before = parsedOriginal ? parsedOriginal.value() : QJsonObject{};

        const QJsonValue providers = wiring::jsonValueAt(s, providersPath);
        if (providers.isArray()) {
            QJsonArray kept;
            for (const QJsonValue entry : providers.toArray()) {
                if (!isGatehouseEntry(entry))
                    kept.append(entry);
            }
            // An entry the original had under the same variable (an earlier hand-made one)
            // goes back where it was.
            const QJsonArray originalEntries = wiring::jsonValueAt(before, providersPath).toArray();
            for (qsizetype i = 0; i < originalEntries.size(); ++i) {
                if (isGatehouseEntry(originalEntries[i]))
                    kept.insert(std::min(i, kept.size()), originalEntries[i]);
            }
            if (kept.isEmpty() && !wiring::jsonValueAt(before, providersPath).isArray())
                wiring::restoreJsonValueAt(s, before, providersPath);
            else
                wiring::setJsonValueAt(s, providersPath, kept);
        }
        for (const QStringList &path : {authTypePath, modelPath, modelBaseUrlPath})
            wiring::restoreJsonValueAt(s, before, path);
        // A setting that was no object, which Connect replaced to set keys inside it (the
        // older "model": "name" form), comes back.
        for (const QStringList &path : {authTypePath, modelPath, providersPath}) {
            const QString &top = path.first();
            if (before.contains(top) && !before.value(top).isObject() && !s.contains(top))
                s.insert(top, before.value(top));
        }
        // The version Connect gave a new file goes with the rest once nothing else is left.
        if (!before.contains(versionPath.first()) && s.size() == 1 &&
            s.contains(versionPath.first()))
            s.remove(versionPath.first());
        // Nothing left of a file that Connect made: empty, as it was.
        if (s.isEmpty() && !original)
            return QByteArray();
        return wiring::writeJson(s);
    }

    Result<WiredValues> read(const QByteArray &content) const override
    {
        const auto object = wiring::parseJsonObject(content);
        if (!object)
            return Result<WiredValues>::failure(object.error());
        const QJsonObject &s = object.value();
        const QJsonObject entry = gatehouseEntry(s);
        WiredValues v;
        v.model = wiring::jsonValueAt(s, modelPath).toString();
        v.url = wiring::gatewayRootOf(entry.value(QLatin1String("baseUrl")).toString());
        v.wired = !entry.isEmpty() && !v.url.isEmpty() &&
                  wiring::jsonValueAt(s, authTypePath).toString() == openAiAuth &&
                  entry.value(QLatin1String("id")).toString() == v.model;
        return v;
    }

private:
    static QString tr(const char *text) { return translateConnect(text); }
};

} // namespace

FileWirings qwenCodeWiring()
{
    return {std::make_shared<QwenEnvWiring>(), std::make_shared<QwenSettingsWiring>()};
}

} // namespace gatehouse
