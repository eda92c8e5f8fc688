// The finish stage's record of a request: its log row (status, attempts, tokens, cost from
// the catalog) and its usage counted towards the key's limits.
#include "gateway/RequestRecorder.h"
#include "log/RequestLog.h"

#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestRequestRecorder : public QObject
{
    Q_OBJECT
private:
    GatewaySnapshotPtr m_snapshot;
    RequestContext context()
    {
        RequestContext ctx;
        ctx.snapshot = m_snapshot;
        ctx.received.start();
        ctx.accessKey = QStringLiteral("alice");
        ctx.log.accessKey = ctx.accessKey;
        ctx.log.endpoint = QStringLiteral("responses");
        ctx.log.provider = QStringLiteral("openai");
        ctx.log.model = QStringLiteral("gpt-4o-mini");
        ctx.log.attemptCount = 2;
        ctx.plan.targets = {{&m_snapshot->providers.first(), QStringLiteral("gpt-4o-mini")}};
        ctx.tried = {"openai:gpt-4o 429 (12 ms)", "openai:gpt-4o-mini 200"};
        ctx.usage.inputTokens = 1'000'000;
        ctx.usage.outputTokens = 500'000;
        return ctx;
    }

private slots:
    void initTestCase()
    {
        Config c;
        Provider openai;
        openai.id = QStringLiteral("openai");
        openai.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
        c.providers = {openai};
        m_snapshot = GatewaySnapshot::build(c, {}, {});
    }

    void entry()
    {
        const RequestLogEntry e = RequestRecorder::entryFor(context(), 200, 42);
        QCOMPARE(e.status, 200);
        QCOMPARE(e.totalMs, 42);
        QCOMPARE(e.attempts, QStringLiteral("openai:gpt-4o 429 (12 ms); openai:gpt-4o-mini 200"));
        QCOMPARE(e.inputTokens, 1'000'000);
        QCOMPARE(e.outputTokens, 500'000);
        // The catalog's gpt-4o-mini: $0.15 in, $0.60 out per million.
        QCOMPARE(e.cost, 0.15 + 0.30);
    }

    // No row grows with what a client or provider sends: names, routes, errors and attempts
    // are capped; an error is its class and Gatehouse's own words.
    void rowsAreCapped()
    {
        RequestContext ctx = context();
        const QString huge(5 * 1024 * 1024, QLatin1Char('m'));
        ctx.log.requestedModel = huge;
        ctx.log.route = huge;
        ctx.log.model = huge;
        ctx.log.error = huge;
        ctx.tried = QList<QByteArray>(5000, "openai:gpt-4o 429 (12 ms)");
        const RequestLogEntry e = RequestRecorder::entryFor(ctx, 502, 1);
        QVERIFY(e.requestedModel.size() <= RequestRecorder::maxNameLength);
        QVERIFY(e.route.size() <= RequestRecorder::maxNameLength);
        QVERIFY(e.model.size() <= RequestRecorder::maxNameLength);
        QVERIFY(e.error.size() <= RequestRecorder::maxErrorLength);
        QVERIFY(e.attempts.size() <= RequestRecorder::maxAttemptsLength);
        const ApiError timeout = ApiError::gatewayTimeout(QStringLiteral("No answer in time."));
        QCOMPARE(RequestRecorder::logError(timeout),
                 QStringLiteral("upstream_timeout: No answer in time."));
        QVERIFY(RequestRecorder::logError({500, {}, {}, huge, {}}).size() <=
                RequestRecorder::maxErrorLength);
    }

    void clientThatLeft()
    {
        RequestContext ctx = context();
        ctx.usage = {};
        const RequestLogEntry e = RequestRecorder::entryFor(ctx, 499, 7);
        QCOMPARE(e.status, 499);
        QCOMPARE(e.inputTokens, -1);
        QVERIFY(e.cost < 0);
    }

    void countsTowardsLimitsAndLogs()
    {
        QTemporaryDir dir;
        RequestLog log(dir.filePath(QStringLiteral("requests.sqlite")));
        QVERIFY(log.open());
        RateLimiter limiter;
        RequestRecorder recorder(&limiter, &log);
        KeyLimits limits;
        limits.tokensPerDay = 2'000'000;
        QVERIFY(!limiter.admit(QStringLiteral("alice"), limits));
        recorder.record(context(), 200);
        recorder.record(context(), 200);
        // 3 million tokens used: over the day's 2 million.
        QVERIFY(limiter.admit(QStringLiteral("alice"), limits).has_value());
        log.flush();
        const auto rows = RequestLog::recent(log.path(), 10);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.first().endpoint, QStringLiteral("responses"));
    }
};

QTEST_GUILESS_MAIN(TestRequestRecorder)
#include "tst_requestrecorder.moc"
