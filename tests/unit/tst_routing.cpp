// Routing rules, key configurations, the router's strategies and cooling-off, rate limits,
// usage counting and the catalog.
#include "catalog/Catalog.h"
#include "config/Config.h"
#include "gateway/RateLimiter.h"
#include "gateway/Router.h"
#include "surfaces/UsageScanner.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

Provider provider(const char *id, QStringList models = {})
{
    Provider p;
    p.id = QString::fromLatin1(id);
    p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    p.models = std::move(models);
    return p;
}

RouteRule rule(const char *name, QStringList models,
               RouteStrategy strategy = RouteStrategy::InOrder)
{
    RouteRule r;
    r.name = QString::fromLatin1(name);
    for (const QString &m : models)
        r.candidates.append({m, 1});
    r.strategy = strategy;
    return r;
}

QStringList references(const RoutePlan &plan)
{
    QStringList out;
    for (const RouteTarget &t : plan.targets)
        out << t.reference();
    return out;
}

} // namespace

class TestRouting : public QObject
{
    Q_OBJECT
private:
    Config m_config;
    GatewaySnapshotPtr m_snapshot;
    KeyConfiguration m_open;
    qint64 m_now = 1000;
    quint32 m_random = 0;

    Router router()
    {
        return Router([this] { return m_now; }, [this] { return m_random; });
    }
    RoutePlan plan(Router &r, const QString &model, const KeyConfiguration &config,
                   const QStringList &fallbacks = {})
    {
        auto p = r.plan(model, fallbacks, config, *m_snapshot);
        if (auto *e = std::get_if<ApiError>(&p)) {
            qWarning("%s", qPrintable(e->message));
            return {};
        }
        return std::get<RoutePlan>(p);
    }

private slots:
    void init()
    {
        m_now = 1000;
        m_random = 0;
        m_config = Config{};
        m_config.providers = {provider("a", {QStringLiteral("m1"), QStringLiteral("shared")}),
                              provider("b", {QStringLiteral("m2"), QStringLiteral("shared")}),
                              provider("c", {QStringLiteral("m3")}), provider("open")};
        m_config.routes = {
            rule("fast", {QStringLiteral("a:m1"), QStringLiteral("b:m2"), QStringLiteral("c:m3")}),
            rule("rr", {QStringLiteral("a:m1"), QStringLiteral("b:m2"), QStringLiteral("c:m3")},
                 RouteStrategy::RoundRobin),
            rule("lat", {QStringLiteral("a:m1"), QStringLiteral("b:m2")},
                 RouteStrategy::LowestLatency),
            rule("a:m1", {QStringLiteral("a:m1"), QStringLiteral("c:m3")})};
        RouteRule weighted =
            rule("w", {QStringLiteral("a:m1"), QStringLiteral("b:m2")}, RouteStrategy::Weighted);
        weighted.candidates[0].weight = 1;
        weighted.candidates[1].weight = 3;
        m_config.routes.append(weighted);
        m_snapshot = GatewaySnapshot::build(m_config, {}, {});
    }

    void globs()
    {
        QVERIFY(globMatches(u"gpt-4o*", u"gpt-4o-mini"));
        QVERIFY(globMatches(u"gpt-4o*", u"gpt-4o"));
        QVERIFY(!globMatches(u"gpt-4o*", u"gpt-4.1"));
        QVERIFY(globMatches(u"*", u"anything/with:colons"));
        QVERIFY(globMatches(u"l?ama*b", u"llama3.2:3b"));
        QVERIFY(!globMatches(u"", u"x"));
        QVERIFY(globMatches(u"a*b*c", u"aXXbYYc"));
        QVERIFY(!globMatches(u"a*b*c", u"aXXbYY"));
    }

    void keyConfigurationPatterns()
    {
        KeyConfiguration k;
        k.name = QStringLiteral("team");
        k.allow = {QStringLiteral("my-ollama:*"), QStringLiteral("openai:gpt-4o*"),
                   QStringLiteral("groq")};
        QVERIFY(k.allows(QStringLiteral("my-ollama"), QStringLiteral("llama3.2:3b")));
        QVERIFY(k.allows(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")));
        QVERIFY(!k.allows(QStringLiteral("openai"), QStringLiteral("o3")));
        QVERIFY(k.allows(QStringLiteral("groq"), QStringLiteral("llama-3.1-8b-instant")));
        QVERIFY(!k.allows(QStringLiteral("anthropic"), QStringLiteral("claude")));
        QVERIFY(KeyConfiguration{}.allows(QStringLiteral("x"), QStringLiteral("y")));
    }

    void rulesRoundTripAndValidate()
    {
        RouteRule r = m_config.routes.last();
        r.retries = 2;
        r.deadlineMs = 30'000;
        const auto back = RouteRule::fromJson(r.toJson());
        QVERIFY(back);
        QCOMPARE(back->candidates, r.candidates);
        QCOMPARE(back->strategy, RouteStrategy::Weighted);
        QCOMPARE(back->retries, 2);
        QCOMPARE(back->deadlineMs, 30'000);
        QVERIFY(!RouteRule::fromJson(QJsonObject{{QLatin1String("name"), QLatin1String("x")}}));
        QVERIFY(!rule("bad name", {QStringLiteral("a:m1")}).validate());
        QVERIFY(!rule("x", {QStringLiteral("bare")}).validate());
        QVERIFY(rule("openai:gpt-4o", {QStringLiteral("a:m1")}).validate());

        KeyConfiguration k;
        k.name = QStringLiteral("ci");
        k.allow = {QStringLiteral("a:*")};
        k.providerKeys.insert(QStringLiteral("a"), QStringLiteral("work"));
        k.limits.requestsPerMinute = 10;
        k.limits.tokensPerDay = 5000;
        k.limits.spendPerMonth = 2.5;
        k.routes = {rule("fast", {QStringLiteral("a:m1")})};
        const auto kb = KeyConfiguration::fromJson(k.toJson());
        QVERIFY(kb);
        QCOMPARE(kb->allow, k.allow);
        QCOMPARE(kb->providerKeys, k.providerKeys);
        QCOMPARE(kb->limits.tokensPerDay, 5000);
        QCOMPARE(kb->limits.spendPerMonth, 2.5);
        QCOMPARE(kb->routes.size(), 1);

        // The whole config keeps them, and refuses a key naming a missing configuration.
        Config c;
        c.instanceId = QStringLiteral("i");
        c.routes = m_config.routes;
        c.keyConfigurations = {k};
        AccessKeyRecord key = AccessKeys::create(QStringLiteral("k1"), systemRandomBytes,
                                                 QDateTime::currentDateTimeUtc())
                                  .record;
        key.configuration = QStringLiteral("ci");
        c.accessKeys = {key};
        const auto cb = Config::fromJson(c.toJson());
        QVERIFY(cb);
        QCOMPARE(cb->routes.size(), m_config.routes.size());
        QCOMPARE(cb->configurationFor(cb->accessKeys.first()).name, QStringLiteral("ci"));
        c.keyConfigurations.clear();
        QVERIFY(!Config::fromJson(c.toJson()));
    }

    void inOrderAndFallbacks()
    {
        Router r = router();
        QCOMPARE(
            references(plan(r, QStringLiteral("fast"), m_open)),
            QStringList({QStringLiteral("a:m1"), QStringLiteral("b:m2"), QStringLiteral("c:m3")}));
        QCOMPARE(plan(r, QStringLiteral("fast"), m_open).rule, QStringLiteral("fast"));
        // A rule named after a model reference gives it fallbacks.
        QCOMPARE(references(plan(r, QStringLiteral("a:m1"), m_open)),
                 QStringList({QStringLiteral("a:m1"), QStringLiteral("c:m3")}));
        // A plain reference, then what the request names itself.
        QCOMPARE(references(plan(r, QStringLiteral("b:m2"), m_open, {QStringLiteral("c:m3")})),
                 QStringList({QStringLiteral("b:m2"), QStringLiteral("c:m3")}));
        // A bare name: every provider that lists it, in priority order.
        QCOMPARE(references(plan(r, QStringLiteral("shared"), m_open)),
                 QStringList({QStringLiteral("a:shared"), QStringLiteral("b:shared")}));
        // A key's own rule comes before the global one of the same name.
        KeyConfiguration own;
        own.name = QStringLiteral("own");
        own.routes = {rule("fast", {QStringLiteral("c:m3")})};
        QCOMPARE(references(plan(r, QStringLiteral("fast"), own)),
                 QStringList{QStringLiteral("c:m3")});
    }

    void unknownModelsAndRefusals()
    {
        Router r = router();
        auto missing = r.plan(QStringLiteral("nope"), {}, m_open, *m_snapshot);
        QVERIFY(std::holds_alternative<ApiError>(missing));
        QCOMPARE(std::get<ApiError>(missing).status, 404);
        KeyConfiguration onlyB;
        onlyB.name = QStringLiteral("only-b");
        onlyB.allow = {QStringLiteral("b:*")};
        auto refused = r.plan(QStringLiteral("a:m1"), {}, onlyB, *m_snapshot);
        QVERIFY(std::holds_alternative<ApiError>(refused));
        QCOMPARE(std::get<ApiError>(refused).status, 403);
        QVERIFY(std::get<ApiError>(refused).message.contains(QLatin1String("only-b")));
        QVERIFY(std::get<ApiError>(refused).message.contains(QLatin1String("b:*")));
        // In a chain, what the key may not use is skipped.
        QCOMPARE(references(plan(r, QStringLiteral("fast"), onlyB)),
                 QStringList{QStringLiteral("b:m2")});
    }

    // A route whose candidates name nothing the providers offer is a configuration problem: a
    // 4xx naming the route and what to fix, never a 503 that clients retry.
    void misconfiguredRouteIsA4xx()
    {
        Config c = m_config;
        c.routes.append(rule("broken", {QStringLiteral("a:not-offered"), QStringLiteral("zz:m1")}));
        const GatewaySnapshotPtr snapshot = GatewaySnapshot::build(c, {}, {});
        Router r = router();
        auto planned = r.plan(QStringLiteral("broken"), {}, m_open, *snapshot);
        QVERIFY(std::holds_alternative<ApiError>(planned));
        const ApiError &e = std::get<ApiError>(planned);
        QCOMPARE(e.status, 404);
        QCOMPARE(e.code, QStringLiteral("route_misconfigured"));
        QVERIFY2(e.message.contains(QLatin1String("\"broken\"")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QLatin1String("not-offered")), qPrintable(e.message));
        QVERIFY2(e.message.contains(QLatin1String("Fix")), qPrintable(e.message));
    }

    void roundRobin()
    {
        Router r = router();
        QStringList firsts;
        for (int i = 0; i < 4; ++i)
            firsts << plan(r, QStringLiteral("rr"), m_open).targets.first().reference();
        QCOMPARE(firsts, QStringList({QStringLiteral("a:m1"), QStringLiteral("b:m2"),
                                      QStringLiteral("c:m3"), QStringLiteral("a:m1")}));
        // Every plan still holds every candidate, as fallbacks.
        QCOMPARE(plan(r, QStringLiteral("rr"), m_open).targets.size(), 3);
    }

    void weighted()
    {
        Router r = router();
        // Weights 1 and 3: draws 0 pick the first, draws 1..3 the second.
        m_random = 0;
        QCOMPARE(plan(r, QStringLiteral("w"), m_open).targets.first().reference(),
                 QStringLiteral("a:m1"));
        m_random = 1;
        QCOMPARE(references(plan(r, QStringLiteral("w"), m_open)),
                 QStringList({QStringLiteral("b:m2"), QStringLiteral("a:m1")}));
        m_random = 7; // 7 % 4 == 3
        QCOMPARE(plan(r, QStringLiteral("w"), m_open).targets.first().reference(),
                 QStringLiteral("b:m2"));
        // Over many draws the shares follow the weights.
        Router real;
        int second = 0;
        for (int i = 0; i < 4000; ++i) {
            auto p = real.plan(QStringLiteral("w"), {}, m_open, *m_snapshot);
            second += std::get<RoutePlan>(p).targets.first().reference() == QLatin1String("b:m2");
        }
        QVERIFY2(second > 2700 && second < 3300, qPrintable(QString::number(second)));
    }

    void lowestLatency()
    {
        Router r = router();
        RoutePlan p = plan(r, QStringLiteral("lat"), m_open);
        // Nothing measured yet: in order. Then the faster one leads.
        QCOMPARE(p.targets.first().reference(), QStringLiteral("a:m1"));
        r.recordSuccess(p.targets[0], 400);
        r.recordSuccess(p.targets[1], 50);
        QCOMPARE(plan(r, QStringLiteral("lat"), m_open).targets.first().reference(),
                 QStringLiteral("b:m2"));
        for (int i = 0; i < 10; ++i)
            r.recordSuccess(p.targets[1], 900);
        QCOMPARE(plan(r, QStringLiteral("lat"), m_open).targets.first().reference(),
                 QStringLiteral("a:m1"));
    }

    void coolingOffAndProbe()
    {
        Router r = router();
        const RoutePlan p = plan(r, QStringLiteral("fast"), m_open);
        const RouteTarget a = p.targets[0];
        for (int i = 0; i < Router::failuresBeforeCooling - 1; ++i)
            r.recordFailure(a);
        QVERIFY(!r.isCooling(QStringLiteral("a")));
        r.recordFailure(a);
        QVERIFY(r.isCooling(QStringLiteral("a")));
        // While it cools off it goes last.
        QCOMPARE(
            references(plan(r, QStringLiteral("fast"), m_open)),
            QStringList({QStringLiteral("b:m2"), QStringLiteral("c:m3"), QStringLiteral("a:m1")}));
        // After the period it is tried first again (a probe); failing again cools it longer.
        m_now += Router::firstCoolingMs + 1;
        QVERIFY(!r.isCooling(QStringLiteral("a")));
        QCOMPARE(plan(r, QStringLiteral("fast"), m_open).targets.first().reference(),
                 QStringLiteral("a:m1"));
        r.recordFailure(a);
        QVERIFY(r.isCooling(QStringLiteral("a")));
        QCOMPARE(r.coolingUntil(QStringLiteral("a")), m_now + 2 * Router::firstCoolingMs);
        // A success clears it.
        m_now += 2 * Router::firstCoolingMs + 1;
        r.recordSuccess(a, 10);
        r.recordFailure(a);
        QVERIFY(!r.isCooling(QStringLiteral("a")));
    }

    void requestsPerMinute()
    {
        QDateTime now = QDateTime(QDate(2026, 11, 26), QTime(10, 0, 0), Qt::UTC);
        RateLimiter limiter([&now] { return now; });
        KeyLimits limits;
        limits.requestsPerMinute = 2;
        QVERIFY(!limiter.admit(QStringLiteral("k"), limits));
        now = now.addSecs(20);
        QVERIFY(!limiter.admit(QStringLiteral("k"), limits));
        now = now.addSecs(10);
        const auto refused = limiter.admit(QStringLiteral("k"), limits);
        QVERIFY(refused);
        QCOMPARE(refused->status, 429);
        QCOMPARE(refused->retryAfterSeconds, 30); // the first request leaves the window then
        QVERIFY(!limiter.admit(QStringLiteral("other"), limits)); // per key
        now = now.addSecs(31);
        QVERIFY(!limiter.admit(QStringLiteral("k"), limits));
    }

    void tokensPerDayAndSpendPerMonth()
    {
        QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(23, 0, 0), Qt::UTC);
        RateLimiter limiter([&now] { return now; });
        KeyLimits tokens;
        tokens.tokensPerDay = 1000;
        QVERIFY(!limiter.admit(QStringLiteral("k"), tokens));
        limiter.addUsage(QStringLiteral("k"), 1200, 0.5);
        auto refused = limiter.admit(QStringLiteral("k"), tokens);
        QVERIFY(refused);
        QCOMPARE(refused->retryAfterSeconds, 3600); // until midnight UTC
        QCOMPARE(refused->code, QStringLiteral("tokens_per_day_exceeded"));
        KeyLimits spend;
        spend.spendPerMonth = 0.5;
        refused = limiter.admit(QStringLiteral("k"), spend);
        QVERIFY(refused);
        QCOMPARE(refused->code, QStringLiteral("spend_per_month_exceeded"));
        QCOMPARE(refused->retryAfterSeconds, 3600); // 1 December is also one hour away
        // A new day and month start from zero.
        now = now.addSecs(3601);
        QVERIFY(!limiter.admit(QStringLiteral("k"), tokens));
        QVERIFY(!limiter.admit(QStringLiteral("k"), spend));
        limiter.seed(QStringLiteral("k"), 999, 0.1);
        QCOMPARE(limiter.tokensToday(QStringLiteral("k")), 999);
    }

    void usageScanner()
    {
        UsageScanner openai;
        openai.scan(
            "{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"\\\"usage\\\": {no}\"}}],"
            "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}");
        QCOMPARE(openai.usage().inputTokens, 12);
        QCOMPARE(openai.usage().outputTokens, 5);
        UsageScanner anthropic;
        anthropic.scan(
            "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"usage\":"
            "{\"input_tokens\":20,\"output_tokens\":1}}}\n\n");
        anthropic.scan("event: message_delta\ndata: {\"type\":\"message_delta\",\"usage\":"
                       "{\"output_tokens\":9}}\n\n");
        QCOMPARE(anthropic.usage().inputTokens, 20);
        QCOMPARE(anthropic.usage().outputTokens, 9);
        QCOMPARE(anthropic.usage().inputTokens + anthropic.usage().outputTokens, 29);
        UsageScanner none;
        none.scan("{\"choices\":[]}");
        QVERIFY(!none.usage().known());

        // Anthropic: input_tokens leave out the cache; the total input counts it.
        UsageScanner cached;
        cached.scan("{\"usage\":{\"input_tokens\":3,\"cache_creation_input_tokens\":100,"
                    "\"cache_read_input_tokens\":400,\"output_tokens\":7,"
                    "\"service_tier\":\"standard\"}}");
        QCOMPARE(cached.usage().inputTokens, 503);
        QCOMPARE(cached.usage().cachedInputTokens, 400);
        QCOMPARE(cached.usage().cacheCreationTokens, 100);
        QCOMPARE(cached.usage().outputTokens, 7);
        // Responses: nested details, string values between the numbers.
        UsageScanner responses;
        responses.scan(
            "{\"object\":\"response\",\"usage\":{\"input_tokens\":50,"
            "\"input_tokens_details\":{\"cached_tokens\":20},\"note\":\"a \\\"quoted\\\" "
            "prompt_tokens: 9\",\"output_tokens\":30,\"output_tokens_details\":"
            "{\"reasoning_tokens\":12},\"total_tokens\":80}}");
        QCOMPARE(responses.usage().inputTokens, 50);
        QCOMPARE(responses.usage().cachedInputTokens, 20);
        QCOMPARE(responses.usage().outputTokens, 30);
        QCOMPARE(responses.usage().reasoningTokens, 12);
    }

    void catalog()
    {
        const Catalog &built = Catalog::builtIn();
        QVERIFY(built.version() >= 2);
        for (const char *id : {"openai", "anthropic", "gemini", "mistral", "groq", "deepseek",
                               "openrouter", "xai", "together", "fireworks"}) {
            const CatalogProvider *p = built.provider(QString::fromLatin1(id));
            QVERIFY2(p, id);
            QVERIFY2(!p->models.isEmpty(), id);
            for (const CatalogModel &m : p->models) {
                QVERIFY2(m.contextWindow > 0 && m.hasPrice(), qPrintable(m.id));
            }
        }
        const CatalogModel *mini =
            built.provider(QStringLiteral("openai"))->model(QStringLiteral("gpt-4o-mini"));
        QVERIFY(mini && mini->tools && mini->vision && !mini->reasoning);
        QCOMPARE(mini->cost(1'000'000, 1'000'000), 0.75);

        // A user file adds and overrides.
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("catalog.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"catalogVersion\":1,\"providers\":[{\"id\":\"openai\",\"baseUrl\":\"https://"
                "api.openai.com/v1\","
                "\"models\":[{\"id\":\"gpt-4o-mini\",\"context\":1,\"price\":{\"input\":9,"
                "\"output\":9}}]},"
                "{\"id\":\"corp\",\"name\":\"Corp\",\"baseUrl\":\"https://llm.corp.example/"
                "v1\",\"models\":[]}]}");
        f.close();
        const auto merged = Catalog::withUserFile(f.fileName());
        QVERIFY(merged);
        QCOMPARE(merged->provider(QStringLiteral("openai"))
                     ->model(QStringLiteral("gpt-4o-mini"))
                     ->inputPrice,
                 9.0);
        QVERIFY(merged->provider(QStringLiteral("openai"))->model(QStringLiteral("gpt-4o")));
        QVERIFY(merged->provider(QStringLiteral("corp")));
        QVERIFY(Catalog::withUserFile(dir.filePath(QStringLiteral("missing.json"))));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{broken");
        f.close();
        QVERIFY(!Catalog::withUserFile(f.fileName()));

        // A configured provider on a catalog URL is described by it, so a bare catalog name
        // reaches it.
        Config c;
        Provider openai;
        openai.id = QStringLiteral("work-openai");
        openai.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
        c.providers = {openai};
        const auto snapshot = GatewaySnapshot::build(c, {}, {});
        QVERIFY(snapshot->providers.first().catalog);
        Router r;
        auto p = r.plan(QStringLiteral("gpt-4o-mini"), {}, KeyConfiguration{}, *snapshot);
        QVERIFY(std::holds_alternative<RoutePlan>(p));
        QCOMPARE(std::get<RoutePlan>(p).targets.first().reference(),
                 QStringLiteral("work-openai:gpt-4o-mini"));
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
