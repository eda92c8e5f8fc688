// Reading the request log: pages with filters, usage per group and time bucket with time to
// first byte percentiles, provider health, clearing, and files an older version wrote.
#include "log/RequestLog.h"
#include "log/RequestLogQuery.h"
#include "log/Sqlite.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

constexpr qint64 hourMs = 3'600'000;
constexpr qint64 dayMs = 24 * hourMs;

RequestLogEntry row(qint64 timeMs, const char *key, const char *provider, const char *model,
                    int status, qint64 ttfb, qint64 in, qint64 out, double cost)
{
    RequestLogEntry e;
    e.timeMs = timeMs;
    e.requestId = QStringLiteral("req_%1").arg(timeMs);
    e.accessKey = QString::fromLatin1(key);
    e.endpoint = QStringLiteral("chat/completions");
    e.requestedModel = QString::fromLatin1(model);
    e.provider = QString::fromLatin1(provider);
    e.model = QString::fromLatin1(model);
    e.attemptCount = e.provider.isEmpty() ? 0 : 1;
    e.attempts = e.provider.isEmpty()
                     ? QString()
                     : QStringLiteral("%1:%2 %3").arg(e.provider, e.model).arg(status);
    e.status = status;
    e.firstByteMs = ttfb;
    e.totalMs = ttfb < 0 ? 5 : ttfb + 100;
    e.inputTokens = in;
    e.outputTokens = out;
    e.cost = cost;
    return e;
}

} // namespace

class TestRequestLogQuery : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_path;

    void write(const QList<RequestLogEntry> &rows)
    {
        RequestLog log(m_path);
        QVERIFY(log.open());
        for (const RequestLogEntry &e : rows)
            log.append(e);
        log.flush();
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("requests-%1.sqlite")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void percentiles_data()
    {
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<double>("p");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("none") << QList<qint64>{} << 50.0 << qint64{-1};
        QTest::newRow("one") << QList<qint64>{7} << 95.0 << qint64{7};
        QTest::newRow("median of four") << QList<qint64>{1, 2, 3, 4} << 50.0 << qint64{2};
        QTest::newRow("median of five") << QList<qint64>{1, 2, 3, 4, 5} << 50.0 << qint64{3};
        QList<qint64> hundred;
        for (qint64 i = 1; i <= 100; ++i)
            hundred << i;
        QTest::newRow("p95 of 1..100") << hundred << 95.0 << qint64{95};
        QTest::newRow("p50 of 1..100") << hundred << 50.0 << qint64{50};
        QTest::newRow("p100") << hundred << 100.0 << qint64{100};
        QTest::newRow("p0 is the smallest") << hundred << 0.0 << qint64{1};
        QTest::newRow("p95 of twenty")
            << QList<qint64>{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 900} << 95.0
            << qint64{1};
    }
    void percentiles()
    {
        QFETCH(QList<qint64>, values);
        QFETCH(double, p);
        QFETCH(qint64, expected);
        QCOMPARE(RequestLogQuery::percentile(values, p), expected);
    }

    void aggregatesByGroupAndBucket()
    {
        // Recent enough to survive the log's retention when it opens.
        const qint64 base = (QDateTime::currentMSecsSinceEpoch() / dayMs - 3) * dayMs;
        write({row(base + 1 * hourMs, "alice", "openai", "gpt-4o", 200, 100, 10, 20, 0.5),
               row(base + 1 * hourMs + 5, "alice", "openai", "gpt-4o", 200, 300, 1, 2, 0.25),
               row(base + 2 * hourMs, "bob", "openai", "gpt-4o-mini", 429, 50, -1, -1, -1),
               row(base + dayMs + 1, "bob", "ollama", "llama3", 200, 20, 5, 5, -1),
               row(base + dayMs + 2, "bob", "", "", 429, -1, -1, -1, -1), // refused: a limit
               row(base + dayMs + 3, "bob", "ollama", "llama3", 499, -1, -1, -1, -1)});

        auto byProvider = RequestLogQuery::usage(m_path, {}, UsageGroup::Provider);
        QVERIFY2(byProvider, qPrintable(byProvider.error()));
        QCOMPARE(byProvider->size(), 3);
        const UsageRow &openai = byProvider->at(0); // most requests first
        QCOMPARE(openai.group, QStringLiteral("openai"));
        QCOMPARE(openai.requests, 3);
        QCOMPARE(openai.errors, 1);
        QCOMPARE(openai.inputTokens, 11);
        QCOMPARE(openai.outputTokens, 22);
        QCOMPARE(openai.costUsd, 0.75);
        QCOMPARE(openai.ttfbP50Ms, 100);
        QCOMPARE(openai.ttfbP95Ms, 300);
        const UsageRow &ollama = byProvider->at(1);
        QCOMPARE(ollama.group, QStringLiteral("ollama"));
        QCOMPARE(ollama.requests, 2);
        QCOMPARE(ollama.errors, 0); // a client that left is not an error
        QCOMPARE(ollama.ttfbP50Ms, 20);
        QCOMPARE(byProvider->at(2).group, QString()); // refused before any provider
        QCOMPARE(byProvider->at(2).ttfbP50Ms, -1);

        auto byKey = RequestLogQuery::usage(m_path, {}, UsageGroup::Key);
        QVERIFY(byKey);
        QCOMPARE(byKey->size(), 2);
        QCOMPARE(byKey->at(0).group, QStringLiteral("bob"));
        QCOMPARE(byKey->at(0).requests, 4);
        QCOMPARE(byKey->at(1).requests, 2);

        auto byModel = RequestLogQuery::usage(m_path, {}, UsageGroup::Model);
        QVERIFY(byModel);
        QStringList models;
        for (const UsageRow &r : byModel.value())
            models << r.group;
        models.sort();
        QCOMPARE(models, (QStringList{QString(), QStringLiteral("ollama:llama3"),
                                      QStringLiteral("openai:gpt-4o"),
                                      QStringLiteral("openai:gpt-4o-mini")}));

        auto perDay = RequestLogQuery::usage(m_path, {}, UsageGroup::None, UsageBucket::Day);
        QVERIFY(perDay);
        QCOMPARE(perDay->size(), 2);
        QCOMPARE(perDay->at(0).bucketStartMs, base);
        QCOMPARE(perDay->at(0).requests, 3);
        QCOMPARE(perDay->at(1).bucketStartMs, base + dayMs);
        QCOMPARE(perDay->at(1).requests, 3);

        auto perHourAndProvider =
            RequestLogQuery::usage(m_path, {}, UsageGroup::Provider, UsageBucket::Hour);
        QVERIFY(perHourAndProvider);
        QCOMPARE(perHourAndProvider->size(), 4); // openai at 1h and 2h; ollama and none on day 2
        QCOMPARE(perHourAndProvider->at(0).bucketStartMs, base + hourMs);
        QCOMPARE(perHourAndProvider->at(0).requests, 2);
        QCOMPARE(perHourAndProvider->at(0).ttfbP50Ms, 100);
        QCOMPARE(perHourAndProvider->at(1).bucketStartMs, base + 2 * hourMs);
        QCOMPARE(perHourAndProvider->at(1).ttfbP95Ms, 50);

        RequestLogFilter bobOnly;
        bobOnly.accessKey = QStringLiteral("bob");
        bobOnly.sinceMs = base + dayMs;
        auto filtered = RequestLogQuery::usage(m_path, bobOnly, UsageGroup::None);
        QVERIFY(filtered);
        QCOMPARE(filtered->size(), 1);
        QCOMPARE(filtered->at(0).requests, 3);
        QCOMPARE(filtered->at(0).errors, 1);
    }

    void providerHealthCoversTheLastHour()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        write({row(now - 2 * hourMs, "a", "openai", "m", 500, 900, -1, -1, -1), // too old
               row(now - 30 * 60'000, "a", "openai", "m", 200, 100, 1, 1, -1),
               row(now - 20 * 60'000, "a", "openai", "m", 503, 200, -1, -1, -1),
               row(now - 10 * 60'000, "a", "openai", "m", 200, 300, 1, 1, -1),
               row(now - 60'000, "a", "", "", 429, -1, -1, -1, -1)});
        auto health = RequestLogQuery::providerHealth(m_path, now);
        QVERIFY2(health, qPrintable(health.error()));
        QCOMPARE(health->size(), 1);
        QCOMPARE(health->at(0).provider, QStringLiteral("openai"));
        QCOMPARE(health->at(0).requests, 3);
        QCOMPARE(health->at(0).errors, 1);
        QCOMPARE(health->at(0).ttfbP50Ms, 200);
        QCOMPARE(health->at(0).ttfbP95Ms, 300);
    }

    // Pages go newest first with filters, by row id; with a million rows the first page and a
    // deep one are found without loading the log (time to the first page: bench/logpaging).
    void pagesThroughAMillionRows()
    {
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - 10 * dayMs;
        {
            RequestLog log(m_path);
            QVERIFY(log.open());
        }
        {
            sqlite::Database db;
            QVERIFY(db.open(m_path, false));
            QVERIFY(db.exec("BEGIN"));
            sqlite::Statement insert(
                db.handle(), "INSERT INTO requests (time_ms, request_id, access_key, endpoint, "
                             "requested_model, provider, model, status, total_ms, "
                             "first_byte_ms, input_tokens, output_tokens) VALUES (?1, ?2, ?3, "
                             "'chat/completions', 'm', ?4, 'm', ?5, 10, 5, 1, 2)");
            QVERIFY(insert.ok());
            for (int i = 0; i < 1'000'000; ++i) {
                insert.integer(1, start + i);
                insert.utf8(2, "req_" + QByteArray::number(i));
                insert.utf8(3, i % 10 == 0 ? QByteArrayLiteral("rare") : QByteArrayLiteral("k"));
                insert.utf8(4, i % 2 ? QByteArrayLiteral("openai") : QByteArrayLiteral("ollama"));
                insert.integer(5, i % 100 == 0 ? 500 : 200);
                QCOMPARE(sqlite3_step(insert.get()), SQLITE_DONE);
                sqlite3_reset(insert.get());
            }
            QVERIFY(db.exec("COMMIT"));
        }

        auto first = RequestLogQuery::page(m_path, {}, 100);
        QVERIFY2(first, qPrintable(first.error()));
        QCOMPARE(first->rows.size(), 100);
        QCOMPARE(first->rows.first().requestId, QStringLiteral("req_999999"));
        QCOMPARE(first->rows.last().requestId, QStringLiteral("req_999900"));
        QVERIFY(first->nextBeforeId > 0);

        auto second = RequestLogQuery::page(m_path, {}, 100, first->nextBeforeId);
        QVERIFY(second);
        QCOMPARE(second->rows.first().requestId, QStringLiteral("req_999899"));

        RequestLogFilter errors;
        errors.statusClass = 5;
        errors.provider = QStringLiteral("ollama");
        auto failed = RequestLogQuery::page(m_path, errors, 3);
        QVERIFY(failed);
        QCOMPARE(failed->rows.size(), 3);
        QCOMPARE(failed->rows.at(0).requestId, QStringLiteral("req_999900"));
        QCOMPARE(failed->rows.at(1).requestId, QStringLiteral("req_999800"));
        auto next = RequestLogQuery::page(m_path, errors, 3, failed->nextBeforeId);
        QVERIFY(next);
        QCOMPARE(next->rows.at(0).requestId, QStringLiteral("req_999600"));

        auto count = RequestLogQuery::count(m_path, errors);
        QVERIFY(count);
        QCOMPARE(count.value(), 10'000);

        // The last page says there is none after it.
        auto deep = RequestLogQuery::page(m_path, {}, 100, 51);
        QVERIFY(deep);
        QCOMPARE(deep->rows.size(), 50);
        QCOMPARE(deep->nextBeforeId, -1);

        // Following the log: rows after the newest one seen.
        auto newer = RequestLogQuery::newer(m_path, {}, first->rows.at(2).id, 10);
        QVERIFY(newer);
        QCOMPARE(newer->size(), 2);
        QCOMPARE(newer->first().requestId, QStringLiteral("req_999998"));

        auto cleared = RequestLogQuery::clear(m_path, start + 500'000);
        QVERIFY(cleared);
        QCOMPARE(cleared.value(), 500'000);
        auto left = RequestLogQuery::count(m_path, {});
        QVERIFY(left);
        QCOMPARE(left.value(), 500'000);
    }

    void readsBackEveryField()
    {
        RequestLogEntry e = row(QDateTime::currentMSecsSinceEpoch(), "alice", "openai", "gpt-4o",
                                200, 80, 100, 50, 0.01);
        e.cachedTokens = 40;
        e.reasoningTokens = 12;
        e.route = QStringLiteral("fast");
        e.attemptCount = 2;
        e.attempts = QStringLiteral("anthropic:claude 429 (130 ms); openai:gpt-4o 200");
        e.stream = true;
        write({e});
        auto page = RequestLogQuery::page(m_path, {}, 10);
        QVERIFY(page);
        QCOMPARE(page->rows.size(), 1);
        const RequestLogEntry &r = page->rows.first();
        QCOMPARE(r.cachedTokens, 40);
        QCOMPARE(r.reasoningTokens, 12);
        QCOMPARE(r.inputTokens, 100);
        QCOMPARE(r.cost, 0.01);
        QVERIFY(r.stream);
        const auto attempts = RequestLogQuery::attempts(r);
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts[0].target, QStringLiteral("anthropic:claude"));
        QCOMPARE(attempts[0].result, QStringLiteral("429"));
        QCOMPARE(attempts[0].ms, 130);
        QCOMPARE(attempts[1].result, QStringLiteral("200"));
        QCOMPARE(attempts[1].ms, -1);
        const auto headers = RequestLogQuery::addedHeaders(r);
        QVERIFY(
            headers.contains({QStringLiteral("x-gatehouse-provider"), QStringLiteral("openai")}));
        QVERIFY(headers.contains({QStringLiteral("x-gatehouse-route"), QStringLiteral("fast")}));
        QVERIFY(headers.contains({QStringLiteral("x-gatehouse-attempts"), QStringLiteral("2")}));
    }

    // A log an earlier version made (no cached or reasoning columns) is read as it is, and
    // gains the columns when the gateway opens it.
    void migratesAnOlderFile()
    {
        {
            sqlite::Database db;
            QVERIFY(db.open(m_path, false));
            QVERIFY(db.exec(
                "CREATE TABLE requests (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL,"
                " request_id TEXT, access_key TEXT, endpoint TEXT, requested_model TEXT, route "
                "TEXT, provider TEXT, model TEXT, attempts TEXT, attempt_count INTEGER, status "
                "INTEGER, stream INTEGER, first_byte_ms INTEGER, total_ms INTEGER, input_tokens "
                "INTEGER, output_tokens INTEGER, cost REAL, error TEXT);"));
            const QByteArray insert =
                "INSERT INTO requests (time_ms, request_id, access_key, status, total_ms, "
                "input_tokens) VALUES (" +
                QByteArray::number(QDateTime::currentMSecsSinceEpoch()) +
                ", 'req_old', 'alice', 200, 9, 3)";
            QVERIFY(db.exec(insert.constData()));
        }
        auto old = RequestLogQuery::page(m_path, {}, 10);
        QVERIFY2(old, qPrintable(old.error()));
        QCOMPARE(old->rows.size(), 1);
        QCOMPARE(old->rows.first().cachedTokens, -1);
        QVERIFY(RequestLogQuery::usage(m_path, {}, UsageGroup::Key));

        RequestLogEntry e =
            row(QDateTime::currentMSecsSinceEpoch(), "bob", "openai", "m", 200, 5, 1, 1, -1);
        e.cachedTokens = 7;
        write({e});
        auto both = RequestLogQuery::page(m_path, {}, 10);
        QVERIFY(both);
        QCOMPARE(both->rows.size(), 2);
        QCOMPARE(both->rows.at(0).cachedTokens, 7);
        QCOMPARE(both->rows.at(1).requestId, QStringLiteral("req_old"));
    }

    void aMissingLogIsEmpty()
    {
        auto page = RequestLogQuery::page(m_dir.filePath(QStringLiteral("none.sqlite")), {}, 10);
        QVERIFY(page);
        QVERIFY(page->rows.isEmpty());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("none.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestRequestLogQuery)
#include "tst_requestlogquery.moc"
