// Gatehouse's routes written for Portkey, LiteLLM and Envoy AI Gateway, parsed back and
// checked field by field; keys only when asked for.
#include "migrate/Exporter.h"
#include "migrate/Importer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <yaml-cpp/yaml.h>

using namespace gatehouse;

namespace {

RouteRule makeRoute(const QString &name, const QList<RouteCandidate> &candidates)
{
    RouteRule r;
    r.name = name;
    r.candidates = candidates;
    return r;
}

const QByteArray openAiKey = "sk-test-openai-secret-0123456789";
const QByteArray claudeKey = "sk-test-claude-secret-9876543210";

Config teamConfig()
{
    Config c;
    Provider openai;
    openai.id = QStringLiteral("openai");
    openai.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    openai.surfaces = {ApiSurface::OpenAi, ApiSurface::Responses};
    openai.models = {QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")};
    openai.hasKey = true;
    Provider vllm;
    vllm.id = QStringLiteral("vllm");
    vllm.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
    vllm.models = {QStringLiteral("llama-3.1-8b")};
    Provider claude;
    claude.id = QStringLiteral("claude");
    claude.baseUrl = QUrl(QStringLiteral("https://claude.example.com"));
    claude.surfaces = {ApiSurface::Anthropic};
    claude.hasKey = true;
    c.providers = {openai, vllm, claude};
    RouteRule fast = makeRoute(QStringLiteral("fast"), {{QStringLiteral("vllm:llama-3.1-8b"), 1},
                                                        {QStringLiteral("openai:gpt-4o-mini"), 1}});
    fast.retries = 2;
    fast.deadlineMs = 45'000;
    RouteRule mix = makeRoute(QStringLiteral("mix"), {{QStringLiteral("openai:gpt-4o"), 3},
                                                      {QStringLiteral("claude:claude-x"), 1}});
    mix.strategy = RouteStrategy::Weighted;
    RouteRule turns =
        makeRoute(QStringLiteral("turns"),
                  {{QStringLiteral("openai:gpt-4o"), 1}, {QStringLiteral("vllm:llama-3.1-8b"), 1}});
    turns.strategy = RouteStrategy::RoundRobin;
    RouteRule quick = makeRoute(QStringLiteral("quick"), {{QStringLiteral("openai:gpt-4o-mini"), 1},
                                                          {QStringLiteral("claude:claude-x"), 1}});
    quick.strategy = RouteStrategy::LowestLatency;
    c.routes = {fast, mix, turns, quick};
    KeyConfiguration team;
    team.name = QStringLiteral("team");
    team.allow = {QStringLiteral("openai:*")};
    team.limits.requestsPerMinute = 60;
    team.limits.spendPerMonth = 50;
    c.keyConfigurations = {team};
    return c;
}

QHash<QString, QByteArray> keys()
{
    return {{QStringLiteral("openai"), openAiKey}, {QStringLiteral("claude"), claudeKey}};
}

QString str(const YAML::Node &n)
{
    return n && n.IsScalar() ? QString::fromStdString(n.Scalar()) : QString();
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT
private slots:
    void portkey()
    {
        const auto out = Exporter::write(ExportFormat::Portkey, teamConfig(), {});
        QVERIFY2(out, qPrintable(out.error()));
        const QJsonObject all = QJsonDocument::fromJson(out->main).object();
        QCOMPARE(all.keys(), (QStringList{QStringLiteral("fast"), QStringLiteral("mix"),
                                          QStringLiteral("quick"), QStringLiteral("turns")}));
        const QJsonObject fast = all.value(QLatin1String("fast")).toObject();
        QCOMPARE(fast[QLatin1String("strategy")][QLatin1String("mode")].toString(),
                 QStringLiteral("fallback"));
        const QJsonArray targets = fast[QLatin1String("targets")].toArray();
        QCOMPARE(targets.size(), 2);
        QCOMPARE(targets[0][QLatin1String("provider")].toString(), QStringLiteral("openai"));
        QCOMPARE(targets[0][QLatin1String("custom_host")].toString(),
                 QStringLiteral("http://127.0.0.1:8000/v1"));
        QCOMPARE(targets[0][QLatin1String("override_params")][QLatin1String("model")].toString(),
                 QStringLiteral("llama-3.1-8b"));
        QCOMPARE(targets[0][QLatin1String("retry")][QLatin1String("attempts")].toInt(), 2);
        QVERIFY(!targets[1].toObject().contains(QLatin1String("custom_host")));
        QCOMPARE(targets[1][QLatin1String("api_key")].toString(),
                 QStringLiteral("${OPENAI_API_KEY}"));

        const QJsonObject mix = all.value(QLatin1String("mix")).toObject();
        QCOMPARE(mix[QLatin1String("strategy")][QLatin1String("mode")].toString(),
                 QStringLiteral("loadbalance"));
        const QJsonArray mixTargets = mix[QLatin1String("targets")].toArray();
        QCOMPARE(mixTargets[0][QLatin1String("weight")].toInt(), 3);
        QCOMPARE(mixTargets[1][QLatin1String("weight")].toInt(), 1);
        QCOMPARE(mixTargets[1][QLatin1String("provider")].toString(), QStringLiteral("anthropic"));
        QCOMPARE(mixTargets[1][QLatin1String("custom_host")].toString(),
                 QStringLiteral("https://claude.example.com/v1"));
        QCOMPARE(mixTargets[1][QLatin1String("api_key")].toString(),
                 QStringLiteral("${CLAUDE_API_KEY}"));
        const QJsonObject quick = all.value(QLatin1String("quick")).toObject();
        QCOMPARE(quick[QLatin1String("strategy")][QLatin1String("mode")].toString(),
                 QStringLiteral("fallback"));
        QVERIFY(quick[QLatin1String("comment")].toString().contains(QLatin1String("fastest")));

        // One route: its config alone, on one line, for the header.
        const auto one =
            Exporter::write(ExportFormat::Portkey, teamConfig(), QStringLiteral("mix"));
        QVERIFY(one);
        QCOMPARE(one->main.count('\n'), 1);
        QCOMPARE(QJsonDocument::fromJson(one->main).object(), mix);
        QVERIFY(!Exporter::write(ExportFormat::Portkey, teamConfig(), QStringLiteral("nope")));
    }

    void liteLlm()
    {
        const auto out = Exporter::write(ExportFormat::LiteLlm, teamConfig(), {});
        QVERIFY2(out, qPrintable(out.error()));
        const YAML::Node root = YAML::Load(out->main.toStdString());
        const YAML::Node list = root["model_list"];
        QVERIFY(list.IsSequence());
        QHash<QString, QList<YAML::Node>> byName;
        for (const YAML::Node &e : list)
            byName[str(e["model_name"])] << e;
        QCOMPARE(byName.value(QStringLiteral("openai:gpt-4o")).size(), 1);
        const YAML::Node gpt = byName.value(QStringLiteral("openai:gpt-4o")).first();
        QCOMPARE(str(gpt["litellm_params"]["model"]), QStringLiteral("openai/gpt-4o"));
        QCOMPARE(str(gpt["litellm_params"]["api_key"]),
                 QStringLiteral("os.environ/OPENAI_API_KEY"));
        QVERIFY(!gpt["litellm_params"]["api_base"]);
        const YAML::Node llama = byName.value(QStringLiteral("vllm:llama-3.1-8b")).first();
        QCOMPARE(str(llama["litellm_params"]["model"]), QStringLiteral("openai/llama-3.1-8b"));
        QCOMPARE(str(llama["litellm_params"]["api_base"]),
                 QStringLiteral("http://127.0.0.1:8000/v1"));
        QVERIFY(!llama["litellm_params"]["api_key"]);
        const YAML::Node claude = byName.value(QStringLiteral("claude:claude-x")).first();
        QCOMPARE(str(claude["litellm_params"]["model"]), QStringLiteral("anthropic/claude-x"));
        // In order: one deployment, the others as fallbacks.
        QCOMPARE(byName.value(QStringLiteral("fast")).size(), 1);
        QCOMPARE(str(byName.value(QStringLiteral("fast")).first()["litellm_params"]["model"]),
                 QStringLiteral("openai/llama-3.1-8b"));
        const YAML::Node mix = byName.value(QStringLiteral("mix")).first();
        QCOMPARE(byName.value(QStringLiteral("mix")).size(), 2);
        QCOMPARE(str(mix["litellm_params"]["weight"]), QStringLiteral("3"));
        const YAML::Node router = root["router_settings"];
        QCOMPARE(str(router["routing_strategy"]), QStringLiteral("latency-based-routing"));
        QCOMPARE(str(router["num_retries"]), QStringLiteral("2"));
        QCOMPARE(str(router["timeout"]), QStringLiteral("120"));
        QCOMPARE(router["fallbacks"].size(), std::size_t(1));
        QCOMPARE(str(router["fallbacks"][0]["fast"][0]), QStringLiteral("openai:gpt-4o-mini"));
        QCOMPARE(str(root["general_settings"]["master_key"]),
                 QStringLiteral("os.environ/LITELLM_MASTER_KEY"));

        // The key configuration as a /key/generate request.
        const QJsonArray requests = QJsonDocument::fromJson(out->keyRequests).array();
        QCOMPARE(requests.size(), 1);
        const QJsonObject team = requests[0].toObject();
        QCOMPARE(team[QLatin1String("key_alias")].toString(), QStringLiteral("team"));
        QCOMPARE(team[QLatin1String("rpm_limit")].toInt(), 60);
        QCOMPARE(team[QLatin1String("max_budget")].toDouble(), 50.0);
        QCOMPARE(team[QLatin1String("budget_duration")].toString(), QStringLiteral("30d"));
        const QJsonArray models = team[QLatin1String("models")].toArray();
        QVERIFY(models.contains(QStringLiteral("openai:gpt-4o")));
        QVERIFY(!models.contains(QStringLiteral("vllm:llama-3.1-8b")));
        QVERIFY(!models.contains(QStringLiteral("mix"))); // one candidate is not allowed
    }

    // Exported to LiteLLM and imported back: the same routes.
    void liteLlmRoundTrip()
    {
        const Config config = teamConfig();
        const auto out = Exporter::write(ExportFormat::LiteLlm, config, {});
        QVERIFY(out);
        const auto plan = Importer::read(ImportFormat::LiteLlm, out->main, Config(), {});
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->routes.size(), config.routes.size());
        for (qsizetype i = 0; i < config.routes.size(); ++i) {
            const RouteRule &want = config.routes[i];
            const RouteRule &got = plan->routes[i];
            QCOMPARE(got.name, want.name);
            QCOMPARE(got.candidates, want.candidates);
            QCOMPARE(got.strategy, want.strategy);
            QCOMPARE(got.retries, want.retries);
            QCOMPARE(got.deadlineMs, want.deadlineMs);
        }
        QStringList ids;
        for (const Provider &p : plan->providers)
            ids << p.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("openai"), QStringLiteral("vllm"),
                                   QStringLiteral("claude")}));
        QCOMPARE(plan->providers[1].baseUrl, config.providers[1].baseUrl);
        QCOMPARE(plan->providers[2].surfaces, QList<ApiSurface>{ApiSurface::Anthropic});
    }

    void envoy()
    {
        const auto out = Exporter::write(ExportFormat::EnvoyAiGateway, teamConfig(), {});
        QVERIFY2(out, qPrintable(out.error()));
        const std::vector<YAML::Node> docs = YAML::LoadAll(out->main.toStdString());
        QHash<QString, YAML::Node> byKindName;
        for (const YAML::Node &d : docs)
            byKindName.insert(str(d["kind"]) + QLatin1Char('/') + str(d["metadata"]["name"]), d);
        const YAML::Node route = byKindName.value(QStringLiteral("AIGatewayRoute/gatehouse"));
        QVERIFY(route);
        QCOMPARE(str(route["apiVersion"]), QStringLiteral("aigateway.envoyproxy.io/v1beta1"));
        QCOMPARE(str(route["spec"]["parentRefs"][0]["kind"]), QStringLiteral("Gateway"));
        QHash<QString, YAML::Node> rules;
        for (const YAML::Node &r : route["spec"]["rules"]) {
            const YAML::Node h = r["matches"][0]["headers"][0];
            QCOMPARE(str(h["name"]), QStringLiteral("x-ai-eg-model"));
            QCOMPARE(str(h["type"]), QStringLiteral("Exact"));
            rules.insert(str(h["value"]), r);
        }
        // 4 routes and 3 models.
        QCOMPARE(rules.size(), 7);
        const YAML::Node fast = rules.value(QStringLiteral("fast"))["backendRefs"];
        QCOMPARE(str(fast[0]["name"]), QStringLiteral("gatehouse-vllm"));
        QCOMPARE(str(fast[0]["modelNameOverride"]), QStringLiteral("llama-3.1-8b"));
        QCOMPARE(str(fast[0]["priority"]), QStringLiteral("0"));
        QCOMPARE(str(fast[1]["name"]), QStringLiteral("gatehouse-openai"));
        QCOMPARE(str(fast[1]["priority"]), QStringLiteral("1"));
        QCOMPARE(str(rules.value(QStringLiteral("fast"))["timeouts"]["request"]),
                 QStringLiteral("45s"));
        const YAML::Node mix = rules.value(QStringLiteral("mix"))["backendRefs"];
        QCOMPARE(str(mix[0]["weight"]), QStringLiteral("3"));
        QCOMPARE(str(mix[1]["weight"]), QStringLiteral("1"));
        QCOMPARE(str(mix[1]["priority"]), QStringLiteral("0"));
        QCOMPARE(str(rules.value(
                     QStringLiteral("openai:gpt-4o"))["backendRefs"][0]["modelNameOverride"]),
                 QStringLiteral("gpt-4o"));

        const YAML::Node openai =
            byKindName.value(QStringLiteral("AIServiceBackend/gatehouse-openai"));
        QCOMPARE(str(openai["spec"]["schema"]["name"]), QStringLiteral("OpenAI"));
        QCOMPARE(str(openai["spec"]["schema"]["version"]), QStringLiteral("v1"));
        QCOMPARE(str(openai["spec"]["backendRef"]["kind"]), QStringLiteral("Backend"));
        const YAML::Node claude =
            byKindName.value(QStringLiteral("AIServiceBackend/gatehouse-claude"));
        QCOMPARE(str(claude["spec"]["schema"]["name"]), QStringLiteral("Anthropic"));
        const YAML::Node vllmBackend = byKindName.value(QStringLiteral("Backend/gatehouse-vllm"));
        QCOMPARE(str(vllmBackend["apiVersion"]), QStringLiteral("gateway.envoyproxy.io/v1alpha1"));
        QCOMPARE(str(vllmBackend["spec"]["endpoints"][0]["ip"]["address"]),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(str(vllmBackend["spec"]["endpoints"][0]["ip"]["port"]), QStringLiteral("8000"));
        const YAML::Node openaiBackend =
            byKindName.value(QStringLiteral("Backend/gatehouse-openai"));
        QCOMPARE(str(openaiBackend["spec"]["endpoints"][0]["fqdn"]["hostname"]),
                 QStringLiteral("api.openai.com"));
        QCOMPARE(str(openaiBackend["spec"]["endpoints"][0]["fqdn"]["port"]), QStringLiteral("443"));
        QVERIFY(byKindName.contains(QStringLiteral("BackendTLSPolicy/gatehouse-openai-tls")));
        QVERIFY(!byKindName.contains(QStringLiteral("BackendTLSPolicy/gatehouse-vllm-tls")));
        const YAML::Node security =
            byKindName.value(QStringLiteral("BackendSecurityPolicy/gatehouse-claude-apikey"));
        QCOMPARE(str(security["spec"]["type"]), QStringLiteral("AnthropicAPIKey"));
        QCOMPARE(str(security["spec"]["anthropicAPIKey"]["secretRef"]["name"]),
                 QStringLiteral("gatehouse-claude-apikey"));
        QCOMPARE(str(security["spec"]["targetRefs"][0]["name"]),
                 QStringLiteral("gatehouse-claude"));
        QVERIFY(
            !byKindName.contains(QStringLiteral("BackendSecurityPolicy/gatehouse-vllm-apikey")));
        // No Secret without the keys; the comment says how to make it.
        QVERIFY(!byKindName.contains(QStringLiteral("Secret/gatehouse-claude-apikey")));
        QVERIFY(out->main.contains("kubectl create secret generic gatehouse-claude-apikey"));
        const YAML::Node traffic =
            byKindName.value(QStringLiteral("BackendTrafficPolicy/gatehouse-retry"));
        QCOMPARE(str(traffic["spec"]["targetRefs"][0]["kind"]), QStringLiteral("HTTPRoute"));
        QCOMPARE(str(traffic["spec"]["targetRefs"][0]["name"]), QStringLiteral("gatehouse"));
        // fast: two candidates, each tried three times.
        QCOMPARE(str(traffic["spec"]["retry"]["numRetries"]), QStringLiteral("5"));

        const auto withKeys =
            Exporter::write(ExportFormat::EnvoyAiGateway, teamConfig(), {}, keys());
        QVERIFY(withKeys);
        bool secret = false;
        for (const YAML::Node &d : YAML::LoadAll(withKeys->main.toStdString())) {
            if (str(d["kind"]) == QLatin1String("Secret") &&
                str(d["metadata"]["name"]) == QLatin1String("gatehouse-claude-apikey"))
                secret = str(d["stringData"]["apiKey"]) == QString::fromUtf8(claudeKey);
        }
        QVERIFY(secret);
    }

    // More than 15 rules are split over several AIGatewayRoutes.
    void envoyRuleLimit()
    {
        Config c;
        Provider p;
        p.id = QStringLiteral("local");
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:8000/v1"));
        for (int i = 0; i < 20; ++i)
            p.models << QStringLiteral("m%1").arg(i);
        c.providers << p;
        const auto out = Exporter::write(ExportFormat::EnvoyAiGateway, c, {});
        QVERIFY(out);
        int routes = 0;
        for (const YAML::Node &d : YAML::LoadAll(out->main.toStdString())) {
            if (str(d["kind"]) == QLatin1String("AIGatewayRoute")) {
                ++routes;
                QVERIFY(d["spec"]["rules"].size() <= 15);
            }
        }
        QCOMPARE(routes, 2);
    }

    // No key leaves without being asked for; asked for, they are there.
    void keysOnlyWhenAsked_data()
    {
        QTest::addColumn<int>("format");
        for (ExportFormat f : Exporter::formats())
            QTest::newRow(qPrintable(Exporter::formatName(f))) << int(f);
    }
    void keysOnlyWhenAsked()
    {
        QFETCH(int, format);
        const auto without = Exporter::write(ExportFormat(format), teamConfig(), {});
        QVERIFY(without);
        const QByteArray all = without->main + without->keyRequests;
        QVERIFY(!all.contains(openAiKey));
        QVERIFY(!all.contains(claudeKey));
        const auto with = Exporter::write(ExportFormat(format), teamConfig(), {}, keys());
        QVERIFY(with);
        QVERIFY(with->main.contains(openAiKey));
        QVERIFY(with->main.contains(claudeKey));
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
