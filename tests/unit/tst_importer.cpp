// Other tools' configs read into a plan, and a plan applied to a config and the keychain.
#include "migrate/Importer.h"
#include "secrets/MemorySecretStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;

namespace {

RouteRule makeRoute(const QString &name, const QList<RouteCandidate> &candidates)
{
    RouteRule r;
    r.name = name;
    r.candidates = candidates;
    return r;
}

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(MIGRATE_FIXTURES "/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

EnvironmentLookup environment(const QHash<QString, QByteArray> &values)
{
    return [values](const QString &name) { return values.value(name); };
}

const Provider *providerIn(const MigrationPlan &plan, const QString &id)
{
    for (const Provider &p : plan.providers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QStringList routeLines(const QList<RouteRule> &routes)
{
    QStringList out;
    for (const RouteRule &r : routes) {
        QStringList candidates;
        for (const RouteCandidate &c : r.candidates)
            candidates << QStringLiteral("%1=%2").arg(c.model).arg(c.weight);
        out << QStringLiteral("%1 %2 r%3 d%4: %5")
                   .arg(r.name, routeStrategyName(r.strategy))
                   .arg(r.retries)
                   .arg(r.deadlineMs)
                   .arg(candidates.join(QLatin1Char(',')));
    }
    return out;
}

bool anyContains(const QStringList &lines, const QString &text)
{
    for (const QString &l : lines) {
        if (l.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT
private slots:
    void liteLlm()
    {
        const auto plan =
            Importer::read(ImportFormat::LiteLlm, fixture("litellm-config.yaml"), Config(),
                           environment({{QStringLiteral("OPENAI_API_KEY"), "sk-env-openai"}}));
        QVERIFY2(plan, qPrintable(plan.error()));
        QStringList ids;
        for (const Provider &p : plan->providers)
            ids << p.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("openai"), QStringLiteral("anthropic"),
                                   QStringLiteral("vllm-10-0-0-12"), QStringLiteral("ollama"),
                                   QStringLiteral("gemini")}));
        const Provider *vllm = providerIn(plan.value(), QStringLiteral("vllm-10-0-0-12"));
        QCOMPARE(vllm->baseUrl.toString(), QStringLiteral("http://10.0.0.12:8000/v1"));
        QCOMPARE(vllm->surfaces, QList<ApiSurface>{ApiSurface::OpenAi});
        QCOMPARE(vllm->models, QStringList{QStringLiteral("Qwen/Qwen2.5-Coder-32B-Instruct")});
        const Provider *ollama = providerIn(plan.value(), QStringLiteral("ollama"));
        QCOMPARE(ollama->surfaces, QList<ApiSurface>{ApiSurface::Ollama});
        QCOMPARE(ollama->models, QStringList{QStringLiteral("qwen2.5-coder:7b")});
        QVERIFY(providerIn(plan.value(), QStringLiteral("openai"))->hasKey);
        QVERIFY(providerIn(plan.value(), QStringLiteral("anthropic"))->hasKey);
        QVERIFY(!providerIn(plan.value(), QStringLiteral("gemini"))->hasKey);

        QCOMPARE(routeLines(plan->routes),
                 (QStringList{
                     QStringLiteral("gpt-4o in-order r2 d30000: openai:gpt-4o=1,"
                                    "anthropic:claude-sonnet-4-5=1"),
                     QStringLiteral("claude-sonnet in-order r2 d30000: "
                                    "anthropic:claude-sonnet-4-5=1"),
                     QStringLiteral("coder weighted r2 d30000: "
                                    "vllm-10-0-0-12:Qwen/Qwen2.5-Coder-32B-Instruct=3,"
                                    "ollama:qwen2.5-coder:7b=1"),
                     QStringLiteral("gemini-flash in-order r2 d30000: gemini:gemini-2.5-flash=1"),
                 }));

        QCOMPARE(plan->keys.size(), 2);
        QCOMPARE(plan->keys[0].providerId, QStringLiteral("openai"));
        QCOMPARE(plan->keys[0].value, QByteArray("sk-env-openai"));
        QCOMPARE(plan->keys[1].providerId, QStringLiteral("anthropic"));
        QCOMPARE(plan->keys[1].value, QByteArray("sk-ant-literal-fixture-key-0001"));
        QCOMPARE(plan->missingKeys.size(), 1);
        QVERIFY(plan->missingKeys[0].contains(QLatin1String("GEMINI_API_KEY")));

        // Nothing is dropped silently.
        for (const char *text : {"azure", "inference.example.com", "litellm_params.rpm",
                                 "drop_params", "master_key", "context_window_fallbacks"})
            QVERIFY2(anyContains(plan->notImported, QLatin1String(text)), text);
        QVERIFY(!anyContains(plan->notImported, QStringLiteral("sk-1234")));
    }

    void claudeCodeRouter()
    {
        const auto plan = Importer::read(
            ImportFormat::ClaudeCodeRouter, fixture("claude-code-router-config.json"), Config(),
            environment({{QStringLiteral("ANTHROPIC_API_KEY"), "sk-ant-env"}}));
        QVERIFY2(plan, qPrintable(plan.error()));
        const Provider *openrouter = providerIn(plan.value(), QStringLiteral("openrouter"));
        QVERIFY(openrouter);
        QCOMPARE(openrouter->baseUrl.toString(), QStringLiteral("https://openrouter.ai/api/v1"));
        QCOMPARE(openrouter->models, (QStringList{QStringLiteral("google/gemini-2.5-pro-preview"),
                                                  QStringLiteral("anthropic/claude-sonnet-4")}));
        const Provider *deepseek = providerIn(plan.value(), QStringLiteral("deepseek"));
        QCOMPARE(deepseek->baseUrl.toString(), QStringLiteral("https://api.deepseek.com"));
        QVERIFY(!deepseek->hasKey);
        const Provider *ollama = providerIn(plan.value(), QStringLiteral("ollama"));
        QCOMPARE(ollama->baseUrl.toString(), QStringLiteral("http://localhost:11434/v1"));
        const Provider *anthropic = providerIn(plan.value(), QStringLiteral("anthropic-direct"));
        QVERIFY(anthropic);
        QCOMPARE(anthropic->surfaces, QList<ApiSurface>{ApiSurface::Anthropic});
        QCOMPARE(anthropic->baseUrl.toString(), QStringLiteral("https://api.anthropic.com"));
        QVERIFY(anthropic->hasKey);

        QStringList routes = routeLines(plan->routes);
        routes.sort();
        QCOMPARE(routes,
                 (QStringList{
                     QStringLiteral("background in-order r0 d120000: "
                                    "ollama:qwen2.5-coder:latest=1"),
                     QStringLiteral("default in-order r0 d120000: deepseek:deepseek-chat=1"),
                     QStringLiteral("longContext in-order r0 d120000: "
                                    "openrouter:google/gemini-2.5-pro-preview=1"),
                     QStringLiteral("think in-order r0 d120000: deepseek:deepseek-reasoner=1"),
                 }));
        QStringList keyed;
        for (const ImportedKey &k : plan->keys)
            keyed << k.providerId + QLatin1Char('=') + QString::fromUtf8(k.value);
        QCOMPARE(keyed, (QStringList{QStringLiteral("openrouter=sk-or-literal-fixture-key-0002"),
                                     QStringLiteral("ollama=ollama"),
                                     QStringLiteral("anthropic-direct=sk-ant-env")}));
        QVERIFY(anyContains(plan->missingKeys, QStringLiteral("DEEPSEEK_API_KEY")));
        for (const char *text : {"longContextThreshold", "webSearch", "APIKEY", "API_TIMEOUT_MS",
                                 "\"openrouter\" is not applied", "\"deepseek\" is not applied"})
            QVERIFY2(anyContains(plan->notImported, QLatin1String(text)), text);
    }

    void continueConfig()
    {
        const auto plan =
            Importer::read(ImportFormat::Continue, fixture("continue-config.yaml"), Config(),
                           environment({{QStringLiteral("OPENAI_API_KEY"), "sk-env-openai"}}));
        QVERIFY2(plan, qPrintable(plan.error()));
        QStringList ids;
        for (const Provider &p : plan->providers)
            ids << QStringLiteral("%1 %2 %3 %4")
                       .arg(p.id, p.surfaceNames(), p.baseUrl.toString(),
                            p.models.join(QLatin1Char(',')));
        QCOMPARE(ids,
                 (QStringList{
                     QStringLiteral("openai openai, responses https://api.openai.com/v1 gpt-4o"),
                     QStringLiteral("anthropic anthropic https://api.anthropic.com "
                                    "claude-sonnet-4-5"),
                     QStringLiteral("ollama ollama http://localhost:11434 qwen2.5-coder:1.5b"),
                     QStringLiteral("team-vllm openai http://192.168.1.20:8000/v1 "
                                    "meta-llama/Llama-3.1-8B-Instruct"),
                 }));
        QVERIFY(plan->routes.isEmpty());
        QCOMPARE(plan->keys.size(), 2);
        QVERIFY(plan->missingKeys.isEmpty());
        for (const char *text :
             {"mistral/codestral", "bedrock", "defaultCompletionOptions", "context"})
            QVERIFY2(anyContains(plan->notImported, QLatin1String(text)), text);
    }

    // Ids and route names already taken get a number; names that are not valid are cleaned.
    void idsAreUnique()
    {
        Config existing;
        Provider openai;
        openai.id = QStringLiteral("openai");
        openai.baseUrl = QUrl(QStringLiteral("https://openai-proxy.example.com/v1"));
        existing.providers << openai;
        existing.routes << makeRoute(QStringLiteral("gpt-4o"),
                                     {{QStringLiteral("openai:gpt-4o"), 1}});
        const QByteArray yaml = "model_list:\n"
                                "  - model_name: gpt-4o\n"
                                "    litellm_params: {model: openai/gpt-4o, api_key: sk-a}\n"
                                "  - model_name: 'my model!'\n"
                                "    litellm_params: {model: openai/gpt-4o-mini, api_key: sk-b}\n";
        const auto plan = Importer::read(ImportFormat::LiteLlm, yaml, existing, {});
        QVERIFY2(plan, qPrintable(plan.error()));
        QCOMPARE(plan->providers.size(), 2);
        QCOMPARE(plan->providers[0].id, QStringLiteral("openai-2"));
        QCOMPARE(plan->providers[1].id, QStringLiteral("openai-3")); // another key
        QCOMPARE(plan->routes.size(), 2);
        QCOMPARE(plan->routes[0].name, QStringLiteral("gpt-4o-2"));
        QCOMPARE(plan->routes[1].name, QStringLiteral("my-model"));
        Config applied = existing;
        QVERIFY(plan->applyTo(applied));
        QCOMPARE(applied.providers.size(), 3);
        QCOMPARE(applied.routes.size(), 3);
        // Applied twice, the ids are taken: refused.
        QVERIFY(!plan->applyTo(applied));
    }

    // The same file imported again: the providers at the same addresses and the same routes
    // are used as they are, nothing is added twice.
    void importedAgain()
    {
        const auto env = environment({{QStringLiteral("OPENAI_API_KEY"), "sk-env-openai"}});
        const auto first =
            Importer::read(ImportFormat::LiteLlm, fixture("litellm-config.yaml"), Config(), env);
        QVERIFY(first);
        Config config;
        QVERIFY(first->applyTo(config));
        const auto again =
            Importer::read(ImportFormat::LiteLlm, fixture("litellm-config.yaml"), config, env);
        QVERIFY(again);
        QVERIFY(again->providers.isEmpty());
        QVERIFY(again->routes.isEmpty());
        QVERIFY(again->keys.isEmpty());
        QVERIFY(anyContains(again->notImported, QStringLiteral("keeps its own key")));
        QVERIFY(
            anyContains(again->notImported, QStringLiteral("the route \"coder\" exists already")));
        Config twice = config;
        QVERIFY(again->applyTo(twice));
        QCOMPARE(twice.providers.size(), config.providers.size());
        QCOMPARE(twice.routes.size(), config.routes.size());
        QCOMPARE(twice.findProvider(QStringLiteral("ollama"))->models,
                 config.findProvider(QStringLiteral("ollama"))->models);
    }

    void unreadableFiles_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("litellm not yaml")
            << int(ImportFormat::LiteLlm) << QByteArray("model_list: [unclosed");
        QTest::newRow("litellm without model_list")
            << int(ImportFormat::LiteLlm) << QByteArray("router_settings: {}\n");
        QTest::newRow("litellm model_list not a list")
            << int(ImportFormat::LiteLlm) << QByteArray("model_list: 3\n");
        QTest::newRow("ccr not json") << int(ImportFormat::ClaudeCodeRouter) << QByteArray("{");
        QTest::newRow("ccr without providers")
            << int(ImportFormat::ClaudeCodeRouter) << QByteArray("{\"Router\": {}}");
        QTest::newRow("continue without models")
            << int(ImportFormat::Continue) << QByteArray("name: x\n");
    }
    void unreadableFiles()
    {
        QFETCH(int, format);
        QFETCH(QByteArray, content);
        const auto plan = Importer::read(ImportFormat(format), content, Config(), {});
        QVERIFY(!plan);
        QVERIFY(!plan.error().isEmpty());
    }

    // Keys go to the keychain under the provider's entry, never into the config.
    void keysGoToTheKeychain()
    {
        const auto plan =
            Importer::read(ImportFormat::LiteLlm, fixture("litellm-config.yaml"), Config(),
                           environment({{QStringLiteral("OPENAI_API_KEY"), "sk-env-openai"}}));
        QVERIFY(plan);
        Config config;
        config.instanceId = QStringLiteral("inst");
        QVERIFY(plan->applyTo(config));
        MemorySecretStore secrets;
        bool finished = false;
        SecretResult result;
        plan->storeKeys(&secrets, config.instanceId, [&](const SecretResult &r) {
            result = r;
            finished = true;
        });
        QTRY_VERIFY(finished);
        QVERIFY(result.ok());
        QByteArray stored;
        bool read = false;
        secrets.read(
            SecretStore::providerKeyName(QStringLiteral("inst"), QStringLiteral("anthropic")),
            [&](const SecretResult &r) {
                stored = r.value;
                read = true;
            });
        QTRY_VERIFY(read);
        QCOMPARE(stored, QByteArray("sk-ant-literal-fixture-key-0001"));
        const QByteArray json = QJsonDocument(config.toJson()).toJson();
        QVERIFY(!json.contains("sk-ant-literal-fixture-key-0001"));
        QVERIFY(!json.contains("sk-env-openai"));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
