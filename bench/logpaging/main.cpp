// How long the request log takes to show its first page with a million rows (or --rows N):
// the newest page, a filtered page, a page deep in the log, a count, usage by provider and
// per day, and provider health. Prints one line per query, in milliseconds.
// Usage: gatehouse-log-paging [--rows N] [--file PATH]   (default: a temporary file)
#include "log/RequestLog.h"
#include "log/RequestLogQuery.h"
#include "log/Sqlite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>

using namespace gatehouse;

namespace {

template <typename F> void measure(const char *what, F &&query)
{
    QElapsedTimer t;
    t.start();
    const qsizetype found = query();
    std::printf("%-34s %9.2f ms  (%lld)\n", what, double(t.nsecsElapsed()) / 1e6,
                static_cast<long long>(found));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows to write."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption fileOption(QStringLiteral("file"), QStringLiteral("Log file."),
                                        QStringLiteral("PATH"));
    parser.addOptions({rowsOption, fileOption});
    parser.process(app);
    QTemporaryDir dir;
    const QString path = parser.isSet(fileOption) ? parser.value(fileOption)
                                                  : dir.filePath(QStringLiteral("requests.sqlite"));
    const int rows = parser.value(rowsOption).toInt();
    {
        RequestLog log(path);
        if (const Status s = log.open(); !s) {
            std::fprintf(stderr, "%s\n", qPrintable(s.error()));
            return 1;
        }
    }
    {
        sqlite::Database db;
        db.open(path, false);
        db.exec("BEGIN");
        sqlite::Statement insert(
            db.handle(), "INSERT INTO requests (time_ms, request_id, access_key, endpoint, "
                         "requested_model, provider, model, attempts, attempt_count, status, "
                         "stream, first_byte_ms, total_ms, input_tokens, output_tokens, cost) "
                         "VALUES (?1, ?2, ?3, 'chat/completions', ?4, ?5, ?4, ?6, 1, ?7, 1, ?8, "
                         "?9, 120, 80, 0.001)");
        const QByteArray providers[] = {"openai", "anthropic", "ollama", "gemini"};
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64{30} * 86'400'000;
        const qint64 step = qint64{30} * 86'400'000 / std::max(1, rows);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < rows; ++i) {
            const QByteArray &provider = providers[i % 4];
            insert.integer(1, start + i * step);
            insert.utf8(2, "req_" + QByteArray::number(i));
            insert.utf8(3, "key-" + QByteArray::number(i % 7));
            insert.utf8(4, "model-" + QByteArray::number(i % 5));
            insert.utf8(5, provider);
            insert.utf8(6, provider + ":model 200");
            insert.integer(7, i % 50 == 0 ? 429 : 200);
            insert.integer(8, 100 + i % 900);
            insert.integer(9, 400 + i % 3000);
            sqlite3_step(insert.get());
            sqlite3_reset(insert.get());
        }
        db.exec("COMMIT");
        std::printf("%-34s %9.2f ms  (%d rows)\n", "writing", double(t.nsecsElapsed()) / 1e6, rows);
    }
    measure("first page (100 newest)",
            [&] { return RequestLogQuery::page(path, {}, 100)->rows.size(); });
    RequestLogFilter errors;
    errors.statusClass = 4;
    errors.provider = QStringLiteral("openai");
    measure("first page, 4xx of one provider",
            [&] { return RequestLogQuery::page(path, errors, 100)->rows.size(); });
    RequestLogFilter key;
    key.accessKey = QStringLiteral("key-3");
    key.sinceMs = QDateTime::currentMSecsSinceEpoch() - qint64{86'400'000};
    measure("first page, one key, last day",
            [&] { return RequestLogQuery::page(path, key, 100)->rows.size(); });
    measure("a page in the middle",
            [&] { return RequestLogQuery::page(path, {}, 100, rows / 2)->rows.size(); });
    measure("count of 4xx of one provider",
            [&] { return RequestLogQuery::count(path, errors).value(); });
    measure("usage by provider (all)",
            [&] { return RequestLogQuery::usage(path, {}, UsageGroup::Provider)->size(); });
    RequestLogFilter week;
    week.sinceMs = QDateTime::currentMSecsSinceEpoch() - qint64{7} * 86'400'000;
    measure("usage per day and model (7 days)", [&] {
        return RequestLogQuery::usage(path, week, UsageGroup::Model, UsageBucket::Day)->size();
    });
    measure("provider health (last hour)", [&] {
        return RequestLogQuery::providerHealth(path, QDateTime::currentMSecsSinceEpoch())->size();
    });
    return 0;
}
