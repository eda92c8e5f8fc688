#include "Exporter.h"

#include "catalog/Catalog.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <yaml-cpp/yaml.h>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return translateMigration(text);
}

std::string s(const QString &text)
{
    return text.toStdString();
}

// A provider the catalog knows, at the catalog's own address: other gateways know it by name
// and need no URL.
bool isCatalogProvider(const Provider &p)
{
    const CatalogProvider *known = Catalog::builtIn().provider(p.id);
    return known && known->baseUrl == p.baseUrl;
}

struct Names
{
    const char *catalogId;
    const char *portkey;
    const char *liteLlm;
};
const Names providerNames[] = {
    {"openai", "openai", "openai"},
    {"anthropic", "anthropic", "anthropic"},
    {"gemini", "google", "gemini"},
    {"mistral", "mistral-ai", "mistral"},
    {"groq", "groq", "groq"},
    {"deepseek", "deepseek", "deepseek"},
    {"openrouter", "openrouter", "openrouter"},
    {"xai", "x-ai", "xai"},
    {"together", "together-ai", "together_ai"},
    {"fireworks", "fireworks-ai", "fireworks_ai"},
};

const Names *catalogNames(const Provider &p)
{
    if (!isCatalogProvider(p))
        return nullptr;
    for (const Names &n : providerNames) {
        if (p.id == QLatin1String(n.catalogId))
            return &n;
    }
    return nullptr;
}

// The routes to write: all, or the one asked for.
Result<QList<RouteRule>> routesToWrite(const Config &config, const QString &route)
{
    if (route.isEmpty())
        return config.routes;
    if (const RouteRule *r = config.findRoute(route))
        return QList<RouteRule>{*r};
    return Result<QList<RouteRule>>::failure(
        tr("There is no route \"%1\"; see gatehouse route list.").arg(route));
}

QString keyFor(const Provider &p, const QHash<QString, QByteArray> &keys, const QString &reference)
{
    if (const auto it = keys.constFind(p.id); it != keys.constEnd())
        return QString::fromUtf8(it.value());
    return reference;
}

// ---- Portkey

QJsonObject portkeyTarget(const Config &config, const RouteRule &rule, const RouteCandidate &c,
                          const QHash<QString, QByteArray> &keys)
{
    const QString providerId = c.model.section(QLatin1Char(':'), 0, 0);
    const QString model = c.model.section(QLatin1Char(':'), 1);
    QJsonObject target;
    const Provider *p = config.findProvider(providerId);
    if (!p)
        return target;
    if (const Names *n = catalogNames(*p)) {
        target.insert(QLatin1String("provider"), QLatin1String(n->portkey));
    } else {
        // Portkey adds its own path to custom_host: /chat/completions for OpenAI's API,
        // /messages for Anthropic's.
        QString host = p->baseUrl.toString();
        QString provider = QStringLiteral("openai");
        switch (p->primarySurface()) {
        case ApiSurface::Anthropic:
            provider = QStringLiteral("anthropic");
            host += QLatin1String("/v1");
            break;
        case ApiSurface::Ollama:
            provider = QStringLiteral("ollama");
            break;
        case ApiSurface::Gemini:
            provider = QStringLiteral("google");
            break;
        case ApiSurface::OpenAi:
        case ApiSurface::Responses:
            break;
        }
        target.insert(QLatin1String("provider"), provider);
        target.insert(QLatin1String("custom_host"), host);
    }
    // Portkey wants a key for every provider but Ollama; a provider without one gets a
    // value its server ignores.
    if (p->hasKey)
        target.insert(QLatin1String("api_key"),
                      keyFor(*p, keys, QStringLiteral("${%1}").arg(Exporter::keyVariable(p->id))));
    else if (p->primarySurface() != ApiSurface::Ollama)
        target.insert(QLatin1String("api_key"), QStringLiteral("not-needed"));
    target.insert(QLatin1String("override_params"), QJsonObject{{QLatin1String("model"), model}});
    if (rule.retries > 0)
        target.insert(QLatin1String("retry"),
                      QJsonObject{{QLatin1String("attempts"), rule.retries}});
    if (rule.strategy == RouteStrategy::Weighted || rule.strategy == RouteStrategy::RoundRobin)
        target.insert(QLatin1String("weight"),
                      rule.strategy == RouteStrategy::Weighted ? c.weight : 1);
    return target;
}

QJsonObject portkeyConfig(const Config &config, const RouteRule &rule,
                          const QHash<QString, QByteArray> &keys)
{
    QJsonObject out;
    const bool balance =
        rule.strategy == RouteStrategy::Weighted || rule.strategy == RouteStrategy::RoundRobin;
    out.insert(QLatin1String("strategy"),
               QJsonObject{{QLatin1String("mode"),
                            balance ? QStringLiteral("loadbalance") : QStringLiteral("fallback")}});
    if (rule.strategy == RouteStrategy::LowestLatency)
        out.insert(QLatin1String("comment"),
                   tr("Gatehouse route \"%1\" picks the fastest candidate; Portkey has no such "
                      "strategy, so the candidates are tried in order.")
                       .arg(rule.name));
    else if (rule.strategy == RouteStrategy::RoundRobin)
        out.insert(QLatin1String("comment"),
                   tr("Gatehouse route \"%1\" takes turns; Portkey balances with equal weights.")
                       .arg(rule.name));
    QJsonArray targets;
    for (const RouteCandidate &c : rule.candidates)
        targets.append(portkeyTarget(config, rule, c, keys));
    out.insert(QLatin1String("targets"), targets);
    return out;
}

Result<ExportResult> writePortkey(const Config &config, const QString &route,
                                  const QHash<QString, QByteArray> &keys)
{
    const auto routes = routesToWrite(config, route);
    if (!routes)
        return Result<ExportResult>::failure(routes.error());
    ExportResult result;
    if (!route.isEmpty()) {
        result.main = QJsonDocument(portkeyConfig(config, routes->first(), keys))
                          .toJson(QJsonDocument::Compact) +
                      '\n';
        return result;
    }
    QJsonObject all;
    for (const RouteRule &r : routes.value())
        all.insert(r.name, portkeyConfig(config, r, keys));
    result.main = QJsonDocument(all).toJson(QJsonDocument::Indented);
    return result;
}

// ---- LiteLLM

YAML::Node liteLlmParams(const Provider &p, const QString &model,
                         const QHash<QString, QByteArray> &keys)
{
    YAML::Node params;
    if (const Names *n = catalogNames(p)) {
        params["model"] = s(QLatin1String(n->liteLlm) + QLatin1Char('/') + model);
    } else {
        QString prefix = QStringLiteral("openai");
        switch (p.primarySurface()) {
        case ApiSurface::Anthropic:
            prefix = QStringLiteral("anthropic");
            break;
        case ApiSurface::Ollama:
            prefix = QStringLiteral("ollama_chat");
            break;
        case ApiSurface::Gemini:
            prefix = QStringLiteral("gemini");
            break;
        case ApiSurface::OpenAi:
        case ApiSurface::Responses:
            break;
        }
        params["model"] = s(prefix + QLatin1Char('/') + model);
        params["api_base"] = s(p.baseUrl.toString());
    }
    if (p.hasKey)
        params["api_key"] =
            s(keyFor(p, keys, QStringLiteral("os.environ/") + Exporter::keyVariable(p.id)));
    return params;
}

Result<ExportResult> writeLiteLlm(const Config &config, const QString &route,
                                  const QHash<QString, QByteArray> &keys)
{
    const auto routes = routesToWrite(config, route);
    if (!routes)
        return Result<ExportResult>::failure(routes.error());
    YAML::Node modelList(YAML::NodeType::Sequence);
    QStringList written; // model_name of every entry
    auto addModel = [&](const QString &reference) {
        if (written.contains(reference))
            return;
        const Provider *p = config.findProvider(reference.section(QLatin1Char(':'), 0, 0));
        if (!p)
            return;
        YAML::Node entry;
        entry["model_name"] = s(reference);
        entry["litellm_params"] = liteLlmParams(*p, reference.section(QLatin1Char(':'), 1), keys);
        modelList.push_back(entry);
        written << reference;
    };
    // Every model by its full name, as Gatehouse's clients ask for it, and every candidate,
    // so that fallbacks can name it.
    for (const Provider &p : config.providers) {
        if (!p.enabled)
            continue;
        for (const QString &m : p.models)
            addModel(p.id + QLatin1Char(':') + m);
    }
    for (const RouteRule &r : routes.value()) {
        for (const RouteCandidate &c : r.candidates)
            addModel(c.model);
    }

    YAML::Node fallbacks(YAML::NodeType::Sequence);
    int retries = 0;
    int deadlineMs = 0;
    bool lowestLatency = false;
    for (const RouteRule &r : routes.value()) {
        retries = std::max(retries, r.retries);
        deadlineMs = std::max(deadlineMs, r.deadlineMs);
        lowestLatency = lowestLatency || r.strategy == RouteStrategy::LowestLatency;
        // In order: the first candidate answers, LiteLLM's fallbacks name the others. The
        // other strategies spread requests over one model group.
        const bool inOrder = r.strategy == RouteStrategy::InOrder;
        const qsizetype inGroup = inOrder ? 1 : r.candidates.size();
        for (qsizetype i = 0; i < inGroup; ++i) {
            const RouteCandidate &c = r.candidates[i];
            const Provider *p = config.findProvider(c.model.section(QLatin1Char(':'), 0, 0));
            if (!p)
                continue;
            YAML::Node entry;
            entry["model_name"] = s(r.name);
            YAML::Node params = liteLlmParams(*p, c.model.section(QLatin1Char(':'), 1), keys);
            if (r.strategy == RouteStrategy::Weighted)
                params["weight"] = c.weight;
            params["timeout"] = r.deadlineMs / 1000;
            entry["litellm_params"] = params;
            // What LiteLLM has no place for, kept so that an import gives the route back.
            entry["model_info"]["gatehouse_strategy"] = s(routeStrategyName(r.strategy));
            entry["model_info"]["gatehouse_retries"] = r.retries;
            entry["model_info"]["gatehouse_deadline_ms"] = r.deadlineMs;
            modelList.push_back(entry);
        }
        if (inOrder && r.candidates.size() > 1) {
            YAML::Node item;
            for (qsizetype i = 1; i < r.candidates.size(); ++i)
                item[s(r.name)].push_back(s(r.candidates[i].model));
            fallbacks.push_back(item);
        }
    }
    YAML::Node root;
    root["model_list"] = modelList;
    YAML::Node router;
    router["routing_strategy"] = lowestLatency ? "latency-based-routing" : "simple-shuffle";
    router["num_retries"] = retries;
    if (deadlineMs > 0)
        router["timeout"] = deadlineMs / 1000;
    if (fallbacks.size() > 0)
        router["fallbacks"] = fallbacks;
    root["router_settings"] = router;
    root["general_settings"]["master_key"] = "os.environ/LITELLM_MASTER_KEY";

    YAML::Emitter out;
    out << root;
    ExportResult result;
    result.main = QByteArray("# LiteLLM proxy config written by Gatehouse. Run it with:\n"
                             "#   litellm --config config.yaml\n");
    if (keys.isEmpty())
        result.main += "# Keys come from the environment variables named under api_key.\n";
    result.main += QByteArray(out.c_str()) + '\n';

    // The key configurations, as /key/generate requests.
    QJsonArray requests;
    for (const KeyConfiguration &k : config.keyConfigurations) {
        QJsonObject body{{QLatin1String("key_alias"), k.name}};
        if (!k.allow.isEmpty()) {
            QJsonArray models;
            for (const QString &name : std::as_const(written)) {
                if (k.allows(name.section(QLatin1Char(':'), 0, 0),
                             name.section(QLatin1Char(':'), 1)))
                    models.append(name);
            }
            for (const RouteRule &r : routes.value()) {
                bool all = true;
                for (const RouteCandidate &c : r.candidates)
                    all = all && k.allows(c.model.section(QLatin1Char(':'), 0, 0),
                                          c.model.section(QLatin1Char(':'), 1));
                if (all)
                    models.append(r.name);
            }
            body.insert(QLatin1String("models"), models);
        }
        if (k.limits.requestsPerMinute > 0)
            body.insert(QLatin1String("rpm_limit"), k.limits.requestsPerMinute);
        if (k.limits.spendPerMonth > 0) {
            body.insert(QLatin1String("max_budget"), k.limits.spendPerMonth);
            body.insert(QLatin1String("budget_duration"), QStringLiteral("30d"));
        }
        QJsonObject metadata{{QLatin1String("gatehouse_key_configuration"), k.name}};
        if (k.limits.tokensPerDay > 0)
            metadata.insert(QLatin1String("gatehouse_tokens_per_day"),
                            double(k.limits.tokensPerDay));
        body.insert(QLatin1String("metadata"), metadata);
        requests.append(body);
    }
    if (!requests.isEmpty())
        result.keyRequests = QJsonDocument(requests).toJson(QJsonDocument::Indented);
    return result;
}

// ---- Envoy AI Gateway

QString kubernetesName(const QString &text)
{
    QString name = text.toLower();
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9-]+"));
    name.replace(invalid, QStringLiteral("-"));
    name.truncate(50);
    while (name.endsWith(QLatin1Char('-')))
        name.chop(1);
    return name.isEmpty() ? QStringLiteral("gatehouse") : name;
}

QString backendName(const QString &providerId)
{
    return QStringLiteral("gatehouse-") + kubernetesName(providerId);
}

YAML::Node resource(const char *apiVersion, const char *kind, const QString &name)
{
    YAML::Node node;
    node["apiVersion"] = apiVersion;
    node["kind"] = kind;
    node["metadata"]["name"] = s(name);
    return node;
}

YAML::Node backendRef(const RouteCandidate &c, int weight, int priority)
{
    YAML::Node ref;
    ref["name"] = s(backendName(c.model.section(QLatin1Char(':'), 0, 0)));
    ref["modelNameOverride"] = s(c.model.section(QLatin1Char(':'), 1));
    ref["weight"] = weight;
    ref["priority"] = priority;
    return ref;
}

YAML::Node modelRule(const QString &model, const YAML::Node &backendRefs, int deadlineMs)
{
    YAML::Node rule;
    YAML::Node header;
    header["type"] = "Exact";
    header["name"] = "x-ai-eg-model";
    header["value"] = s(model);
    YAML::Node match;
    match["headers"].push_back(header);
    rule["matches"].push_back(match);
    rule["backendRefs"] = backendRefs;
    rule["timeouts"]["request"] = s(QStringLiteral("%1s").arg(deadlineMs / 1000));
    return rule;
}

Result<ExportResult> writeEnvoy(const Config &config, const QString &route,
                                const QHash<QString, QByteArray> &keys)
{
    const auto routes = routesToWrite(config, route);
    if (!routes)
        return Result<ExportResult>::failure(routes.error());
    QList<YAML::Node> documents;
    QStringList notes;
    QSet<QString> usable; // providers written as backends
    for (const Provider &p : config.providers) {
        if (!p.enabled)
            continue;
        const bool anthropic = p.speaks(ApiSurface::Anthropic);
        const bool openAi = p.speaks(ApiSurface::OpenAi) || p.speaks(ApiSurface::Responses) ||
                            p.primarySurface() == ApiSurface::Ollama;
        if (!anthropic && !openAi) {
            notes << tr("Provider %1 speaks only %2, which Envoy AI Gateway does not take; it is "
                        "left out.")
                         .arg(p.id, p.surfaceNames());
            continue;
        }
        usable.insert(p.id);
        const QString name = backendName(p.id);
        YAML::Node service = resource("aigateway.envoyproxy.io/v1beta1", "AIServiceBackend", name);
        QString path = p.baseUrl.path();
        if (p.primarySurface() == ApiSurface::Ollama)
            path = QStringLiteral("/v1"); // Ollama's OpenAI-compatible API
        service["spec"]["schema"]["name"] = (anthropic && !openAi) ? "Anthropic" : "OpenAI";
        if (!(anthropic && !openAi))
            service["spec"]["schema"]["version"] = s(path.mid(1)); // "v1", "openai/v1", ""
        service["spec"]["backendRef"]["name"] = s(name);
        service["spec"]["backendRef"]["kind"] = "Backend";
        service["spec"]["backendRef"]["group"] = "gateway.envoyproxy.io";
        documents << service;

        YAML::Node backend = resource("gateway.envoyproxy.io/v1alpha1", "Backend", name);
        const bool tls = p.baseUrl.scheme() == QLatin1String("https");
        const int port = p.baseUrl.port(tls ? 443 : 80);
        YAML::Node endpoint;
        const QHostAddress address(p.baseUrl.host());
        if (!address.isNull()) {
            endpoint["ip"]["address"] = s(p.baseUrl.host());
            endpoint["ip"]["port"] = port;
        } else {
            endpoint["fqdn"]["hostname"] = s(p.baseUrl.host());
            endpoint["fqdn"]["port"] = port;
        }
        backend["spec"]["endpoints"].push_back(endpoint);
        documents << backend;
        if (tls) {
            YAML::Node policy = resource("gateway.networking.k8s.io/v1", "BackendTLSPolicy",
                                         name + QLatin1String("-tls"));
            YAML::Node ref;
            ref["group"] = "gateway.envoyproxy.io";
            ref["kind"] = "Backend";
            ref["name"] = s(name);
            policy["spec"]["targetRefs"].push_back(ref);
            policy["spec"]["validation"]["wellKnownCACertificates"] = "System";
            policy["spec"]["validation"]["hostname"] = s(p.baseUrl.host());
            documents << policy;
        }
        if (p.hasKey) {
            const QString secret = name + QLatin1String("-apikey");
            YAML::Node security =
                resource("aigateway.envoyproxy.io/v1beta1", "BackendSecurityPolicy", secret);
            YAML::Node ref;
            ref["group"] = "aigateway.envoyproxy.io";
            ref["kind"] = "AIServiceBackend";
            ref["name"] = s(name);
            security["spec"]["targetRefs"].push_back(ref);
            const char *field = (anthropic && !openAi) ? "anthropicAPIKey" : "apiKey";
            security["spec"]["type"] = (anthropic && !openAi) ? "AnthropicAPIKey" : "APIKey";
            security["spec"][field]["secretRef"]["name"] = s(secret);
            documents << security;
            if (keys.contains(p.id)) {
                YAML::Node object = resource("v1", "Secret", secret);
                object["type"] = "Opaque";
                object["stringData"]["apiKey"] = s(QString::fromUtf8(keys.value(p.id)));
                documents << object;
            } else {
                notes << tr("Create the secret %1 with: kubectl create secret generic %1 "
                            "--from-literal=apiKey=\"$%2\"")
                             .arg(secret, Exporter::keyVariable(p.id));
            }
        }
    }

    // One rule per route and per model "provider:model"; an AIGatewayRoute takes 15 rules.
    QList<YAML::Node> rules;
    int retries = 0;
    for (const RouteRule &r : routes.value()) {
        YAML::Node refs(YAML::NodeType::Sequence);
        int priority = 0;
        for (const RouteCandidate &c : r.candidates) {
            if (!usable.contains(c.model.section(QLatin1Char(':'), 0, 0)))
                continue;
            switch (r.strategy) {
            case RouteStrategy::Weighted:
                refs.push_back(backendRef(c, c.weight, 0));
                break;
            case RouteStrategy::RoundRobin:
                refs.push_back(backendRef(c, 1, 0));
                break;
            case RouteStrategy::InOrder:
            case RouteStrategy::LowestLatency:
                // A lower priority is tried first; the next one only when it fails.
                refs.push_back(backendRef(c, 1, priority++));
                break;
            }
        }
        if (refs.size() == 0) {
            notes << tr("Route %1 has no candidate Envoy AI Gateway can reach; it is left out.")
                         .arg(r.name);
            continue;
        }
        if (r.strategy == RouteStrategy::LowestLatency)
            notes << tr("Route %1 picks the fastest candidate in Gatehouse; Envoy AI Gateway "
                        "tries its candidates in order.")
                         .arg(r.name);
        // Envoy moves to the next priority on a retry: one per further candidate, and the
        // route's own retries of each.
        retries = std::max(retries, int(refs.size()) * (r.retries + 1) - 1);
        rules << modelRule(r.name, refs, r.deadlineMs);
    }
    if (route.isEmpty()) {
        for (const Provider &p : config.providers) {
            if (!usable.contains(p.id))
                continue;
            for (const QString &m : p.models) {
                YAML::Node refs(YAML::NodeType::Sequence);
                refs.push_back(backendRef({p.id + QLatin1Char(':') + m, 1}, 1, 0));
                rules << modelRule(p.id + QLatin1Char(':') + m, refs, RouteRule::defaultDeadlineMs);
            }
        }
    }
    constexpr int rulesPerRoute = 15;
    QStringList routeNames;
    for (qsizetype first = 0; first < rules.size(); first += rulesPerRoute) {
        const QString name = first == 0
                                 ? QStringLiteral("gatehouse")
                                 : QStringLiteral("gatehouse-%1").arg(first / rulesPerRoute + 1);
        routeNames << name;
        YAML::Node aiRoute = resource("aigateway.envoyproxy.io/v1beta1", "AIGatewayRoute", name);
        YAML::Node parent;
        parent["name"] = "gatehouse";
        parent["kind"] = "Gateway";
        parent["group"] = "gateway.networking.k8s.io";
        aiRoute["spec"]["parentRefs"].push_back(parent);
        for (qsizetype i = first; i < std::min(rules.size(), first + rulesPerRoute); ++i)
            aiRoute["spec"]["rules"].push_back(rules[i]);
        documents.prepend(aiRoute);
    }
    // Retries make Envoy fall back from one priority to the next.
    for (const QString &name : std::as_const(routeNames)) {
        YAML::Node traffic = resource("gateway.envoyproxy.io/v1alpha1", "BackendTrafficPolicy",
                                      name + QLatin1String("-retry"));
        YAML::Node ref;
        ref["group"] = "gateway.networking.k8s.io";
        ref["kind"] = "HTTPRoute";
        ref["name"] = s(name); // the HTTPRoute generated from the AIGatewayRoute
        traffic["spec"]["targetRefs"].push_back(ref);
        traffic["spec"]["retry"]["numRetries"] = std::max(retries, 1);
        traffic["spec"]["retry"]["retryOn"]["triggers"].push_back("connect-failure");
        traffic["spec"]["retry"]["retryOn"]["triggers"].push_back("retriable-status-codes");
        for (int code : {429, 500, 502, 503, 504})
            traffic["spec"]["retry"]["retryOn"]["httpStatusCodes"].push_back(code);
        documents << traffic;
    }

    ExportResult result;
    result.main = "# Envoy AI Gateway resources written by Gatehouse. They attach to a Gateway "
                  "named \"gatehouse\";\n# apply them with: kubectl apply -f FILE\n";
    for (const QString &n : std::as_const(notes))
        result.main += "# " + n.toUtf8() + '\n';
    for (const YAML::Node &d : std::as_const(documents)) {
        YAML::Emitter out;
        out << d;
        result.main += "---\n" + QByteArray(out.c_str()) + '\n';
    }
    return result;
}

} // namespace

QString Exporter::keyVariable(const QString &providerId)
{
    QString name = providerId.toUpper();
    static const QRegularExpression invalid(QStringLiteral("[^A-Z0-9]+"));
    name.replace(invalid, QStringLiteral("_"));
    return name + QLatin1String("_API_KEY");
}

QList<ExportFormat> Exporter::formats()
{
    return {ExportFormat::Portkey, ExportFormat::LiteLlm, ExportFormat::EnvoyAiGateway};
}

QString Exporter::formatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Portkey:
        return QStringLiteral("portkey");
    case ExportFormat::LiteLlm:
        return QStringLiteral("litellm");
    case ExportFormat::EnvoyAiGateway:
        return QStringLiteral("envoy-ai-gateway");
    }
    return {};
}

QString Exporter::formatTitle(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Portkey:
        return tr("Portkey gateway configs (JSON)");
    case ExportFormat::LiteLlm:
        return tr("LiteLLM proxy config.yaml");
    case ExportFormat::EnvoyAiGateway:
        return tr("Envoy AI Gateway resources (Kubernetes YAML)");
    }
    return {};
}

Result<ExportFormat> Exporter::parseFormat(const QString &name)
{
    for (ExportFormat f : formats()) {
        if (formatName(f) == name)
            return f;
    }
    return Result<ExportFormat>::failure(
        tr("Unknown format \"%1\"; use portkey, litellm or envoy-ai-gateway.").arg(name));
}

Result<ExportResult> Exporter::write(ExportFormat format, const Config &config,
                                     const QString &route, const QHash<QString, QByteArray> &keys)
{
    switch (format) {
    case ExportFormat::Portkey:
        return writePortkey(config, route, keys);
    case ExportFormat::LiteLlm:
        return writeLiteLlm(config, route, keys);
    case ExportFormat::EnvoyAiGateway:
        return writeEnvoy(config, route, keys);
    }
    return Result<ExportResult>::failure(tr("Unknown format."));
}

} // namespace gatehouse
