#include "Importer.h"

#include "catalog/Catalog.h"
#include "config/UrlPolicy.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <yaml-cpp/yaml.h>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return translateMigration(text);
}

// ---- YAML helpers: a const node never grows keys when read.

QString scalar(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

QString key(const YAML::const_iterator &it)
{
    return QString::fromStdString(it->first.Scalar());
}

// An integer, or `fallback` when the node is missing or not a number.
double number(const YAML::Node &node, double fallback)
{
    bool ok = false;
    const double v = scalar(node).toDouble(&ok);
    return ok ? v : fallback;
}

// ---- How each tool names an upstream API.

struct ProviderKind
{
    const char *name;     // the tool's name for it
    const char *id;       // Gatehouse's id (a catalog id, or a name for a local server)
    const char *baseUrl;  // when not in the catalog; empty: the file must give one
    ApiSurface surface;   // when not in the catalog
    bool needsKey = true; // cloud APIs; local servers run without
};

// LiteLLM's model prefixes ("openai/gpt-4o").
const ProviderKind liteLlmKinds[] = {
    {"openai", "openai", "", ApiSurface::OpenAi, true},
    {"anthropic", "anthropic", "", ApiSurface::Anthropic, true},
    {"gemini", "gemini", "", ApiSurface::Gemini, true},
    {"mistral", "mistral", "", ApiSurface::OpenAi, true},
    {"groq", "groq", "", ApiSurface::OpenAi, true},
    {"deepseek", "deepseek", "", ApiSurface::OpenAi, true},
    {"openrouter", "openrouter", "", ApiSurface::OpenAi, true},
    {"xai", "xai", "", ApiSurface::OpenAi, true},
    {"together_ai", "together", "", ApiSurface::OpenAi, true},
    {"fireworks_ai", "fireworks", "", ApiSurface::OpenAi, true},
    {"ollama", "ollama", "http://localhost:11434", ApiSurface::Ollama, false},
    {"ollama_chat", "ollama", "http://localhost:11434", ApiSurface::Ollama, false},
    {"hosted_vllm", "vllm", "", ApiSurface::OpenAi, false},
    {"lm_studio", "lm-studio", "http://localhost:1234/v1", ApiSurface::OpenAi, false},
    {"llamafile", "llamafile", "http://localhost:8080/v1", ApiSurface::OpenAi, false},
    {"openai_like", "openai-compatible", "", ApiSurface::OpenAi, false},
};

// Continue's `provider` values.
const ProviderKind continueKinds[] = {
    {"openai", "openai", "", ApiSurface::OpenAi, true},
    {"anthropic", "anthropic", "", ApiSurface::Anthropic, true},
    {"gemini", "gemini", "", ApiSurface::Gemini, true},
    {"mistral", "mistral", "", ApiSurface::OpenAi, true},
    {"groq", "groq", "", ApiSurface::OpenAi, true},
    {"deepseek", "deepseek", "", ApiSurface::OpenAi, true},
    {"openrouter", "openrouter", "", ApiSurface::OpenAi, true},
    {"xAI", "xai", "", ApiSurface::OpenAi, true},
    {"together", "together", "", ApiSurface::OpenAi, true},
    {"fireworks", "fireworks", "", ApiSurface::OpenAi, true},
    {"ollama", "ollama", "http://localhost:11434", ApiSurface::Ollama, false},
    {"lmstudio", "lm-studio", "http://localhost:1234/v1", ApiSurface::OpenAi, false},
    {"vllm", "vllm", "", ApiSurface::OpenAi, false},
    {"llamafile", "llamafile", "http://localhost:8080/v1", ApiSurface::OpenAi, false},
};

template <size_t N>
const ProviderKind *findKind(const ProviderKind (&kinds)[N], const QString &name)
{
    for (const ProviderKind &k : kinds) {
        if (name.compare(QLatin1String(k.name), Qt::CaseInsensitive) == 0)
            return &k;
    }
    return nullptr;
}

// The provider of a kind: the catalog's URL and surfaces unless the file gives its own URL.
// A custom URL speaks only the kind's own surface and is named after its host.
QString providerOfKind(PlanBuilder &plan, const ProviderKind &kind, const QString &wantedId,
                       const QString &baseUrl, const PlanBuilder::KeySource &key,
                       const QString &where)
{
    const CatalogProvider *known = Catalog::builtIn().provider(QLatin1String(kind.id));
    QString url = baseUrl;
    QList<ApiSurface> surfaces{kind.surface};
    QString id = wantedId;
    if (url.isEmpty() && known) {
        url = known->baseUrl.toString();
        surfaces = known->surfaces;
    } else if (url.isEmpty()) {
        url = QLatin1String(kind.baseUrl);
    } else if (known && QUrl(url).adjusted(QUrl::StripTrailingSlash) == known->baseUrl) {
        surfaces = known->surfaces;
    } else if (id.isEmpty() &&
               QUrl(url).adjusted(QUrl::StripTrailingSlash) != QUrl(QLatin1String(kind.baseUrl))) {
        id = QLatin1String(kind.id) + QLatin1Char('-') + QUrl(url).host();
    }
    if (url.isEmpty()) {
        plan.note(tr("%1: a %2 model needs a base URL (api_base), and none is given.")
                      .arg(where, QLatin1String(kind.name)));
        return {};
    }
    if (id.isEmpty())
        id = QLatin1String(kind.id);
    // A server on this machine or the local network usually runs without a key.
    const bool needsKey = kind.needsKey && !UrlPolicy::isLocalHost(QUrl(url).host());
    return plan.provider(id, surfaces, url, key, needsKey, where);
}

// ---- LiteLLM config.yaml

struct Deployment
{
    QString candidate; // provider:model
    int weight = 1;
    // What a Gatehouse export wrote in model_info, so that its routes come back the same.
    QString strategy;
    int retries = -1;
    int deadlineMs = -1;
    double timeoutSeconds = -1;
};

// "os.environ/NAME" -> NAME, else empty.
QString liteLlmEnvironmentName(const QString &value)
{
    static const QLatin1String prefix("os.environ/");
    return value.startsWith(prefix) ? value.mid(prefix.size()) : QString();
}

Result<MigrationPlan> readLiteLlm(const YAML::Node &root, const Config &existing,
                                  const EnvironmentLookup &environment)
{
    PlanBuilder plan(existing, environment);
    if (!root.IsMap())
        return Result<MigrationPlan>::failure(
            tr("This is not a LiteLLM config.yaml: it has no model_list."));
    const YAML::Node modelList = root["model_list"];
    if (!modelList || !modelList.IsSequence())
        return Result<MigrationPlan>::failure(
            tr("This is not a LiteLLM config.yaml: it has no model_list."));

    QStringList groupOrder;
    QHash<QString, QList<Deployment>> groups;
    int index = 0;
    for (const YAML::Node &entry : modelList) {
        const QString group = scalar(entry["model_name"]);
        const QString where = QStringLiteral("model_list[%1] (%2)").arg(index++).arg(group);
        const YAML::Node params = entry["litellm_params"];
        if (group.isEmpty() || !params || !params.IsMap()) {
            plan.note(tr("%1: no model_name or litellm_params.").arg(where));
            continue;
        }
        const QString full = scalar(params["model"]);
        QString prefix = full.section(QLatin1Char('/'), 0, 0);
        QString model = full.section(QLatin1Char('/'), 1);
        if (!full.contains(QLatin1Char('/'))) {
            // LiteLLM recognises a few model families without a prefix.
            model = full;
            prefix =
                full.startsWith(QLatin1String("claude")) ? QStringLiteral("anthropic")
                : full.startsWith(QLatin1String("gpt-")) || full.startsWith(QLatin1String("o1")) ||
                        full.startsWith(QLatin1String("o3")) || full.startsWith(QLatin1String("o4"))
                    ? QStringLiteral("openai")
                    : QString();
        }
        const ProviderKind *kind = findKind(liteLlmKinds, prefix);
        if (!kind || model.isEmpty()) {
            plan.note(tr("%1: the model \"%2\" is of a provider Gatehouse cannot reach (%3).")
                          .arg(where, full, prefix.isEmpty() ? tr("no provider prefix") : prefix));
            continue;
        }
        QString apiBase = scalar(params["api_base"]);
        if (const QString name = liteLlmEnvironmentName(apiBase); !name.isEmpty()) {
            apiBase = QString::fromLocal8Bit(environment ? environment(name) : QByteArray());
            if (apiBase.isEmpty()) {
                plan.note(
                    tr("%1: api_base comes from $%2, which is not set now.").arg(where, name));
                continue;
            }
        }
        PlanBuilder::KeySource keySource;
        const QString apiKey = scalar(params["api_key"]);
        if (const QString name = liteLlmEnvironmentName(apiKey); !name.isEmpty())
            keySource.environmentName = name;
        else
            keySource.literal = apiKey.toUtf8();
        // A name written "provider:model" (as Gatehouse exports them) keeps its provider id.
        QString wantedId;
        if (group.section(QLatin1Char(':'), 1) == model)
            wantedId = group.section(QLatin1Char(':'), 0, 0);
        const QString id = providerOfKind(plan, *kind, wantedId, apiBase, keySource, where);
        if (id.isEmpty())
            continue;
        plan.addModel(id, model);

        Deployment d;
        d.candidate = id + QLatin1Char(':') + model;
        d.weight = qBound(1, int(number(params["weight"], 1)), 1000);
        d.timeoutSeconds = number(params["timeout"], -1);
        for (auto it = params.begin(); it != params.end(); ++it) {
            static const QStringList known{QStringLiteral("model"), QStringLiteral("api_base"),
                                           QStringLiteral("api_key"), QStringLiteral("weight"),
                                           QStringLiteral("timeout")};
            if (!known.contains(key(it)))
                plan.note(
                    tr("%1: litellm_params.%2 has no Gatehouse equivalent.").arg(where, key(it)));
        }
        if (const YAML::Node info = entry["model_info"]; info && info.IsMap()) {
            d.strategy = scalar(info["gatehouse_strategy"]);
            d.retries = int(number(info["gatehouse_retries"], -1));
            d.deadlineMs = int(number(info["gatehouse_deadline_ms"], -1));
        }
        if (!groups.contains(group))
            groupOrder << group;
        groups[group].append(d);
    }

    // Router settings, from router_settings or litellm_settings (both are used).
    const YAML::Node router = root["router_settings"];
    const YAML::Node settings = root["litellm_settings"];
    auto setting = [&](const char *name) -> YAML::Node {
        if (router && router.IsMap() && router[name])
            return router[name];
        if (settings && settings.IsMap() && settings[name])
            return settings[name];
        return YAML::Node();
    };
    const QString strategyName = scalar(setting("routing_strategy"));
    RouteStrategy groupStrategy = RouteStrategy::Weighted; // simple-shuffle, LiteLLM's default
    if (strategyName == QLatin1String("latency-based-routing")) {
        groupStrategy = RouteStrategy::LowestLatency;
    } else if (!strategyName.isEmpty() && strategyName != QLatin1String("simple-shuffle")) {
        groupStrategy = RouteStrategy::RoundRobin;
        plan.note(tr("routing_strategy %1 has no Gatehouse equivalent; model groups use round "
                     "robin.")
                      .arg(strategyName));
    }
    const int retries = int(number(setting("num_retries"), 0));
    double timeout = number(setting("timeout"), -1);
    if (timeout < 0)
        timeout = number(setting("request_timeout"), -1);
    QHash<QString, QStringList> fallbacks;
    if (const YAML::Node list = setting("fallbacks"); list && list.IsSequence()) {
        for (const YAML::Node &item : list) {
            if (!item.IsMap())
                continue;
            for (auto it = item.begin(); it != item.end(); ++it) {
                // A node of its own: `it->second` lives in a proxy that ends with the
                // expression, so a loop over it would read freed memory.
                const YAML::Node targets = it->second;
                for (const YAML::Node &to : targets)
                    fallbacks[key(it)] << scalar(to);
            }
        }
    }
    for (const char *other : {"context_window_fallbacks", "content_policy_fallbacks"}) {
        if (setting(other))
            plan.note(tr("%1 has no Gatehouse equivalent: routes fall back on errors, time-outs "
                         "and rate limits.")
                          .arg(QLatin1String(other)));
    }
    for (const char *section : {"router_settings", "litellm_settings"}) {
        const YAML::Node node = root[section];
        if (!node || !node.IsMap())
            continue;
        for (auto it = node.begin(); it != node.end(); ++it) {
            static const QStringList used{QStringLiteral("routing_strategy"),
                                          QStringLiteral("num_retries"),
                                          QStringLiteral("timeout"),
                                          QStringLiteral("request_timeout"),
                                          QStringLiteral("fallbacks"),
                                          QStringLiteral("context_window_fallbacks"),
                                          QStringLiteral("content_policy_fallbacks")};
            if (!used.contains(key(it)))
                plan.note(
                    tr("%1.%2 has no Gatehouse equivalent.").arg(QLatin1String(section), key(it)));
        }
    }
    if (const YAML::Node general = root["general_settings"]; general && general.IsMap()) {
        for (auto it = general.begin(); it != general.end(); ++it) {
            plan.note(key(it) == QLatin1String("master_key")
                          ? tr("general_settings.master_key: Gatehouse makes its own access "
                               "keys (gatehouse key create NAME).")
                          : tr("general_settings.%1 has no Gatehouse equivalent.").arg(key(it)));
        }
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList sections{
            QStringLiteral("model_list"), QStringLiteral("router_settings"),
            QStringLiteral("litellm_settings"), QStringLiteral("general_settings")};
        if (!sections.contains(key(it)))
            plan.note(tr("%1 has no Gatehouse equivalent.").arg(key(it)));
    }

    // Model groups become routes; a group of one deployment named after it is just a model.
    for (const QString &group : std::as_const(groupOrder)) {
        const QList<Deployment> &deployments = groups[group];
        const QStringList groupFallbacks = fallbacks.value(group);
        if (deployments.size() == 1 && groupFallbacks.isEmpty() &&
            deployments.first().candidate == group)
            continue;
        RouteRule rule;
        rule.name = group;
        for (const Deployment &d : deployments)
            rule.candidates.append({d.candidate, d.weight});
        const Deployment &first = deployments.first();
        if (!first.strategy.isEmpty() && parseRouteStrategy(first.strategy))
            rule.strategy = parseRouteStrategy(first.strategy).value();
        else
            rule.strategy = deployments.size() > 1 ? groupStrategy : RouteStrategy::InOrder;
        for (const QString &to : groupFallbacks) {
            if (!groups.contains(to)) {
                plan.note(tr("fallbacks of %1: there is no model group \"%2\".").arg(group, to));
                continue;
            }
            for (const Deployment &d : groups[to]) {
                bool present = false;
                for (const RouteCandidate &c : std::as_const(rule.candidates))
                    present = present || c.model == d.candidate;
                if (!present)
                    rule.candidates.append({d.candidate, 1});
            }
        }
        const int wantedRetries = first.retries >= 0 ? first.retries : retries;
        rule.retries = qBound(0, wantedRetries, 5);
        if (rule.retries != wantedRetries)
            plan.note(tr("%1: %2 retries become %3, Gatehouse's most.")
                          .arg(group)
                          .arg(wantedRetries)
                          .arg(rule.retries));
        double deadlineMs = first.deadlineMs > 0       ? first.deadlineMs
                            : first.timeoutSeconds > 0 ? first.timeoutSeconds * 1000
                            : timeout > 0              ? timeout * 1000
                                                       : RouteRule::defaultDeadlineMs;
        rule.deadlineMs = int(qBound(1000.0, deadlineMs, 600'000.0));
        plan.addRoute(rule, QStringLiteral("model_name %1").arg(group));
    }
    return plan.take();
}

// ---- claude-code-router config.json

// "$NAME" or "${NAME}" -> NAME (the router reads such values from the environment).
QString shellEnvironmentName(const QString &value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))$"));
    const auto m = pattern.match(value.trimmed());
    if (!m.hasMatch())
        return {};
    return m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
}

QStringList transformerNames(const QJsonValue &transformer)
{
    QStringList names;
    const QJsonArray use = transformer.toObject().value(QLatin1String("use")).toArray();
    for (const QJsonValue u : use) {
        names << (u.isArray() ? u.toArray().at(0).toString() : u.toString());
    }
    return names;
}

Result<MigrationPlan> readClaudeCodeRouter(const QByteArray &content, const Config &existing,
                                           const EnvironmentLookup &environment)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Result<MigrationPlan>::failure(
            tr("This is not a claude-code-router config.json: %1 at byte %2.")
                .arg(error.errorString())
                .arg(error.offset));
    const QJsonObject root = doc.object();
    if (!root.value(QLatin1String("Providers")).isArray())
        return Result<MigrationPlan>::failure(
            tr("This is not a claude-code-router config.json: it has no Providers."));
    PlanBuilder plan(existing, environment);
    QHash<QString, QString> ids; // the router's provider name -> Gatehouse id
    int index = 0;
    for (const QJsonValue v : root.value(QLatin1String("Providers")).toArray()) {
        const QJsonObject p = v.toObject();
        const QString name = p.value(QLatin1String("name")).toString();
        const QString where = QStringLiteral("Providers[%1] (%2)").arg(index++).arg(name);
        QString url = p.value(QLatin1String("api_base_url")).toString().trimmed();
        const QStringList transformers = transformerNames(p.value(QLatin1String("transformer")));
        QList<ApiSurface> surfaces{ApiSurface::OpenAi};
        QUrl parsed(url);
        QString path = parsed.path();
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        if (path.endsWith(QLatin1String("/chat/completions"))) {
            path.chop(int(qstrlen("/chat/completions")));
        } else if (path.endsWith(QLatin1String("/v1/messages")) ||
                   transformers.contains(QLatin1String("anthropic"))) {
            surfaces = {ApiSurface::Anthropic};
            if (path.endsWith(QLatin1String("/v1/messages")))
                path.chop(int(qstrlen("/v1/messages")));
        } else if (transformers.contains(QLatin1String("gemini")) ||
                   parsed.host() == QLatin1String("generativelanguage.googleapis.com")) {
            surfaces = {ApiSurface::Gemini};
            path.clear();
        } else {
            plan.note(tr("%1: api_base_url %2 does not end in /chat/completions; it is used as "
                         "the base URL.")
                          .arg(where, url));
        }
        parsed.setPath(path);
        for (const QString &t : transformers) {
            static const QStringList handled{QStringLiteral("anthropic"), QStringLiteral("gemini")};
            if (!handled.contains(t))
                plan.note(tr("%1: the transformer \"%2\" is not applied; Gatehouse translates "
                             "between APIs itself.")
                              .arg(where, t));
        }
        PlanBuilder::KeySource keySource;
        const QString apiKey = p.value(QLatin1String("api_key")).toString();
        if (const QString env = shellEnvironmentName(apiKey); !env.isEmpty())
            keySource.environmentName = env;
        else
            keySource.literal = apiKey.toUtf8();
        const QString id = plan.provider(name, surfaces, parsed.toString(), keySource,
                                         !UrlPolicy::isLocalHost(parsed.host()), where);
        if (id.isEmpty())
            continue;
        ids.insert(name, id);
        for (const QJsonValue m : p.value(QLatin1String("models")).toArray())
            plan.addModel(id, m.toString());
    }
    const QJsonObject router = root.value(QLatin1String("Router")).toObject();
    for (auto it = router.constBegin(); it != router.constEnd(); ++it) {
        if (!it.value().isString()) {
            plan.note(tr("Router.%1 has no Gatehouse equivalent (Gatehouse does not choose a "
                         "model by the prompt's length).")
                          .arg(it.key()));
            continue;
        }
        const QString value = it.value().toString();
        const QString provider = value.section(QLatin1Char(','), 0, 0).trimmed();
        const QString model = value.section(QLatin1Char(','), 1).trimmed();
        const QString where = QStringLiteral("Router.%1").arg(it.key());
        if (!ids.contains(provider) || model.isEmpty()) {
            plan.note(tr("%1: \"%2\" names no imported provider.").arg(where, value));
            continue;
        }
        RouteRule rule;
        rule.name = it.key();
        rule.candidates.append({ids.value(provider) + QLatin1Char(':') + model, 1});
        plan.addModel(ids.value(provider), model);
        plan.addRoute(rule, where);
    }
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (it.key() == QLatin1String("Providers") || it.key() == QLatin1String("Router"))
            continue;
        plan.note(it.key() == QLatin1String("APIKEY")
                      ? tr("APIKEY: Gatehouse makes its own access keys (gatehouse key create "
                           "NAME).")
                      : tr("%1 has no Gatehouse equivalent.").arg(it.key()));
    }
    return plan.take();
}

// ---- Continue config.yaml

// "${{ secrets.NAME }}" or "${{ inputs.NAME }}" -> NAME.
QString continueSecretName(const QString &value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\$\\{\\{\\s*(?:secrets|inputs)\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\}\\}$"));
    const auto m = pattern.match(value.trimmed());
    return m.hasMatch() ? m.captured(1) : QString();
}

Result<MigrationPlan> readContinue(const YAML::Node &root, const Config &existing,
                                   const EnvironmentLookup &environment)
{
    if (!root.IsMap() || !root["models"] || !root["models"].IsSequence())
        return Result<MigrationPlan>::failure(
            tr("This is not a Continue config.yaml: it has no models."));
    PlanBuilder plan(existing, environment);
    int index = 0;
    for (const YAML::Node &m : root["models"]) {
        const QString name = scalar(m["name"]);
        const QString where = QStringLiteral("models[%1] (%2)").arg(index++).arg(name);
        if (m["uses"]) {
            plan.note(tr("%1: a hub block (uses: %2) cannot be read here; add its provider by "
                         "hand.")
                          .arg(where, scalar(m["uses"])));
            continue;
        }
        const QString providerName = scalar(m["provider"]);
        const QString model = scalar(m["model"]);
        const ProviderKind *kind = findKind(continueKinds, providerName);
        if (!kind || model.isEmpty()) {
            plan.note(tr("%1: the provider \"%2\" is one Gatehouse cannot reach.")
                          .arg(where, providerName));
            continue;
        }
        PlanBuilder::KeySource keySource;
        const QString apiKey = scalar(m["apiKey"]);
        if (const QString env = continueSecretName(apiKey); !env.isEmpty())
            keySource.environmentName = env;
        else
            keySource.literal = apiKey.toUtf8();
        const QString apiBase = scalar(m["apiBase"]);
        const QString id = providerOfKind(plan, *kind, apiBase.isEmpty() ? QString() : name,
                                          apiBase, keySource, where);
        if (id.isEmpty())
            continue;
        plan.addModel(id, model);
        for (auto it = m.begin(); it != m.end(); ++it) {
            static const QStringList used{QStringLiteral("name"),   QStringLiteral("provider"),
                                          QStringLiteral("model"),  QStringLiteral("apiBase"),
                                          QStringLiteral("apiKey"), QStringLiteral("roles")};
            if (!used.contains(key(it)))
                plan.note(tr("%1: %2 stays in Continue's own settings.").arg(where, key(it)));
        }
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList ignored{QStringLiteral("name"), QStringLiteral("version"),
                                         QStringLiteral("schema"), QStringLiteral("models")};
        if (!ignored.contains(key(it)))
            plan.note(tr("%1: Continue's own settings, not imported.").arg(key(it)));
    }
    return plan.take();
}

} // namespace

Result<ImportFormat> Importer::parseFormat(const QString &name)
{
    for (ImportFormat f : formats()) {
        if (formatName(f) == name)
            return f;
    }
    return Result<ImportFormat>::failure(
        tr("Unknown format \"%1\"; use litellm, claude-code-router or continue.").arg(name));
}

QList<ImportFormat> Importer::formats()
{
    return {ImportFormat::LiteLlm, ImportFormat::ClaudeCodeRouter, ImportFormat::Continue};
}

QString Importer::formatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::LiteLlm:
        return QStringLiteral("litellm");
    case ImportFormat::ClaudeCodeRouter:
        return QStringLiteral("claude-code-router");
    case ImportFormat::Continue:
        return QStringLiteral("continue");
    }
    return {};
}

QString Importer::formatTitle(ImportFormat format)
{
    switch (format) {
    case ImportFormat::LiteLlm:
        return tr("LiteLLM proxy config.yaml");
    case ImportFormat::ClaudeCodeRouter:
        return tr("claude-code-router config.json");
    case ImportFormat::Continue:
        return tr("Continue config.yaml");
    }
    return {};
}

Result<MigrationPlan> Importer::read(ImportFormat format, const QByteArray &content,
                                     const Config &existing, const EnvironmentLookup &environment)
{
    if (format == ImportFormat::ClaudeCodeRouter)
        return readClaudeCodeRouter(content, existing, environment);
    YAML::Node root;
    try {
        root = YAML::Load(content.toStdString());
    } catch (const YAML::Exception &e) {
        return Result<MigrationPlan>::failure(
            tr("The file is not valid YAML: %1").arg(QString::fromStdString(e.what())));
    }
    try {
        const YAML::Node &constRoot = root;
        return format == ImportFormat::LiteLlm ? readLiteLlm(constRoot, existing, environment)
                                               : readContinue(constRoot, existing, environment);
    } catch (const YAML::Exception &e) {
        return Result<MigrationPlan>::failure(tr("The file does not have the expected shape: %1")
                                                  .arg(QString::fromStdString(e.what())));
    }
}

} // namespace gatehouse
