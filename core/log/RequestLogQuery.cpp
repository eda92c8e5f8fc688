#include "RequestLogQuery.h"

#include "Sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QVariant>
#include <algorithm>
#include <cmath>
#include <sqlite3.h>
#include <vector>

namespace gatehouse::RequestLogQuery {

namespace {

using sqlite::Database;
using sqlite::Statement;

QString tr(const char *text)
{
    return QCoreApplication::translate("RequestLog", text);
}

// A connection for reading; a log that does not exist yet reads as empty rather than failing.
struct Reader
{
    Database db;
    bool exists = false;
    QString error;
    bool modernColumns = false; // cached_tokens and reasoning_tokens

    explicit Reader(const QString &path, bool write = false)
    {
        if (!QFileInfo::exists(path))
            return;
        if (!db.open(path, !write)) {
            error = tr("Cannot open the request log %1: %2").arg(path, db.error());
            return;
        }
        Statement q(db.handle(), "SELECT COUNT(*) FROM pragma_table_info('requests') WHERE name "
                                 "IN ('cached_tokens', 'reasoning_tokens')");
        if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) {
            error = tr("Cannot read the request log %1: %2").arg(path, db.error());
            return;
        }
        exists = true;
        modernColumns = sqlite3_column_int64(q.get(), 0) == 2;
    }
};

// The filter as SQL ("WHERE …", or nothing) and its values, bound from ?1 on.
struct Where
{
    QByteArray sql;
    QList<QVariant> values;

    explicit Where(const RequestLogFilter &f)
    {
        QList<QByteArray> terms;
        auto add = [&](const char *term, const QVariant &value) {
            values.append(value);
            terms.append(
                QByteArray(term).replace('?', QByteArray('?' + QByteArray::number(values.size()))));
        };
        if (f.sinceMs >= 0)
            add("time_ms >= ?", f.sinceMs);
        if (f.untilMs >= 0)
            add("time_ms < ?", f.untilMs);
        if (!f.accessKey.isEmpty())
            add("access_key = ?", f.accessKey);
        if (!f.provider.isEmpty())
            add("provider = ?", f.provider);
        if (!f.model.isEmpty()) {
            values.append(f.model);
            const QByteArray n = QByteArray::number(values.size());
            terms.append(QByteArray("(requested_model = ?" + n + " OR model = ?" + n +
                                    " OR provider || ':' || model = ?" + n + ')'));
        }
        if (!f.endpoint.isEmpty())
            add("endpoint = ?", f.endpoint);
        if (f.status > 0)
            add("status = ?", f.status);
        if (f.statusClass > 0) {
            add("status >= ?", f.statusClass * 100);
            add("status < ?", f.statusClass * 100 + 100);
        }
        if (!terms.isEmpty())
            sql = " WHERE " + terms.join(" AND ");
    }
    // Adds a term of its own and returns its parameter number.
    int extra(const QByteArray &term, const QVariant &value)
    {
        values.append(value);
        const int n = int(values.size());
        sql += QByteArray(sql.isEmpty() ? " WHERE " : " AND ") +
               QByteArray(term).replace('?', QByteArray('?' + QByteArray::number(n)));
        return n;
    }
    void bind(Statement &q) const
    {
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QVariant &v = values[i];
            if (v.typeId() == QMetaType::QString)
                q.text(int(i) + 1, v.toString());
            else
                q.integer(int(i) + 1, v.toLongLong());
        }
    }
};

QByteArray columns(const Reader &r)
{
    return QByteArray("id, time_ms, request_id, access_key, endpoint, requested_model, route, "
                      "provider, model, attempts, attempt_count, status, stream, first_byte_ms, "
                      "total_ms, input_tokens, output_tokens, cost, error, ") +
           (r.modernColumns ? "cached_tokens, reasoning_tokens" : "NULL, NULL");
}

RequestLogEntry readRow(const Statement &q)
{
    sqlite3_stmt *s = q.get();
    RequestLogEntry e;
    e.id = sqlite3_column_int64(s, 0);
    e.timeMs = sqlite3_column_int64(s, 1);
    e.requestId = q.columnText(2);
    e.accessKey = q.columnText(3);
    e.endpoint = q.columnText(4);
    e.requestedModel = q.columnText(5);
    e.route = q.columnText(6);
    e.provider = q.columnText(7);
    e.model = q.columnText(8);
    e.attempts = q.columnText(9);
    e.attemptCount = int(sqlite3_column_int64(s, 10));
    e.status = int(sqlite3_column_int64(s, 11));
    e.stream = sqlite3_column_int64(s, 12) != 0;
    e.firstByteMs = q.columnOptional(13);
    e.totalMs = sqlite3_column_int64(s, 14);
    e.inputTokens = q.columnOptional(15);
    e.outputTokens = q.columnOptional(16);
    e.cost = sqlite3_column_type(s, 17) == SQLITE_NULL ? -1 : sqlite3_column_double(s, 17);
    e.error = q.columnText(18);
    e.cachedTokens = q.columnOptional(19);
    e.reasoningTokens = q.columnOptional(20);
    return e;
}

template <typename T> Result<T> failed(const Reader &r)
{
    return Result<T>::failure(
        r.error.isEmpty() ? tr("Cannot read the request log: %1").arg(r.db.error()) : r.error);
}

Result<QList<RequestLogEntry>> rows(const Reader &r, const QByteArray &sql, const Where &where)
{
    Statement q(r.db.handle(), sql.constData());
    if (!q.ok())
        return failed<QList<RequestLogEntry>>(r);
    where.bind(q);
    QList<RequestLogEntry> out;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
        out.append(readRow(q));
    if (rc != SQLITE_DONE)
        return failed<QList<RequestLogEntry>>(r);
    return out;
}

QByteArray groupExpression(UsageGroup group)
{
    switch (group) {
    case UsageGroup::Provider:
        return "COALESCE(provider, '')";
    case UsageGroup::Model:
        return "CASE WHEN COALESCE(provider, '') = '' THEN '' ELSE provider || ':' || model END";
    case UsageGroup::Key:
        return "COALESCE(access_key, '')";
    case UsageGroup::Endpoint:
        return "COALESCE(endpoint, '')";
    case UsageGroup::None:
        break;
    }
    return "''";
}

QByteArray bucketExpression(UsageBucket bucket)
{
    switch (bucket) {
    case UsageBucket::Hour:
        return "(time_ms / 3600000) * 3600000";
    case UsageBucket::Day:
        return "(time_ms / 86400000) * 86400000";
    case UsageBucket::None:
        break;
    }
    return "-1";
}

} // namespace

qint64 percentile(const QList<qint64> &sorted, double p)
{
    if (sorted.isEmpty())
        return -1;
    // Nearest rank: the smallest value with at least p % of the values at or below it.
    const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(sorted.size()));
    const qsizetype index = std::clamp<qsizetype>(qsizetype(rank) - 1, 0, sorted.size() - 1);
    return sorted[index];
}

Result<RequestLogPage> page(const QString &path, const RequestLogFilter &filter, int limit,
                            qint64 beforeId)
{
    Reader r(path);
    if (!r.exists)
        return r.error.isEmpty() ? Result<RequestLogPage>(RequestLogPage{})
                                 : Result<RequestLogPage>::failure(r.error);
    Where where(filter);
    if (beforeId >= 0)
        where.extra("id < ?", beforeId);
    const int wanted = std::max(1, limit);
    // One row more than asked says whether there is another page.
    auto found = rows(r,
                      "SELECT " + columns(r) + " FROM requests" + where.sql +
                          " ORDER BY id DESC LIMIT " + QByteArray::number(wanted + 1),
                      where);
    if (!found)
        return Result<RequestLogPage>::failure(found.error());
    RequestLogPage out;
    out.rows = std::move(found).value();
    if (out.rows.size() > wanted) {
        out.rows.removeLast();
        out.nextBeforeId = out.rows.last().id;
    }
    return out;
}

Result<QList<RequestLogEntry>> newer(const QString &path, const RequestLogFilter &filter,
                                     qint64 afterId, int limit)
{
    Reader r(path);
    if (!r.exists)
        return r.error.isEmpty() ? Result<QList<RequestLogEntry>>(QList<RequestLogEntry>{})
                                 : Result<QList<RequestLogEntry>>::failure(r.error);
    Where where(filter);
    where.extra("id > ?", afterId);
    return rows(r,
                "SELECT " + columns(r) + " FROM requests" + where.sql + " ORDER BY id LIMIT " +
                    QByteArray::number(std::max(1, limit)),
                where);
}

Result<qint64> count(const QString &path, const RequestLogFilter &filter)
{
    Reader r(path);
    if (!r.exists)
        return r.error.isEmpty() ? Result<qint64>(0) : Result<qint64>::failure(r.error);
    const Where where(filter);
    const QByteArray sql = "SELECT COUNT(*) FROM requests" + where.sql;
    Statement q(r.db.handle(), sql.constData());
    if (!q.ok())
        return failed<qint64>(r);
    where.bind(q);
    if (sqlite3_step(q.get()) != SQLITE_ROW)
        return failed<qint64>(r);
    return qint64{sqlite3_column_int64(q.get(), 0)};
}

Result<QList<UsageRow>> usage(const QString &path, const RequestLogFilter &filter, UsageGroup group,
                              UsageBucket bucket)
{
    Reader r(path);
    if (!r.exists)
        return r.error.isEmpty() ? Result<QList<UsageRow>>(QList<UsageRow>{})
                                 : Result<QList<UsageRow>>::failure(r.error);
    const Where where(filter);
    // One pass over the matching rows, added up here: percentiles need every value of a group,
    // and sorting them here is faster than having SQLite group and sort twice.
    const QByteArray sql =
        "SELECT " + bucketExpression(bucket) + ", " + groupExpression(group) +
        ", status, input_tokens, output_tokens, " +
        QByteArray(r.modernColumns ? "cached_tokens, reasoning_tokens" : "NULL, NULL") +
        ", cost, first_byte_ms FROM requests" + where.sql;
    Statement q(r.db.handle(), sql.constData());
    if (!q.ok())
        return failed<QList<UsageRow>>(r);
    where.bind(q);
    struct Group
    {
        UsageRow row;
        QList<qint64> ttfb;
    };
    QHash<std::pair<qint64, QByteArray>, qsizetype> index;
    std::vector<Group> groups;
    sqlite3_stmt *s = q.get();
    auto add = [](qint64 &sum, sqlite3_stmt *st, int column) {
        if (sqlite3_column_type(st, column) != SQLITE_NULL)
            sum += std::max<qint64>(0, sqlite3_column_int64(st, column));
    };
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        std::pair<qint64, QByteArray> key{sqlite3_column_int64(s, 0), q.columnUtf8(1)};
        auto it = index.constFind(key);
        if (it == index.constEnd()) {
            Group g;
            g.row.bucketStartMs = key.first;
            g.row.group = QString::fromUtf8(key.second);
            it = index.insert(key, qsizetype(groups.size()));
            groups.push_back(std::move(g));
        }
        Group &g = groups[size_t(*it)];
        UsageRow &row = g.row;
        ++row.requests;
        const int status = sqlite3_column_int(s, 2);
        if (status >= 400 && status != 499)
            ++row.errors;
        add(row.inputTokens, s, 3);
        add(row.outputTokens, s, 4);
        add(row.cachedTokens, s, 5);
        add(row.reasoningTokens, s, 6);
        if (sqlite3_column_type(s, 7) != SQLITE_NULL)
            row.costUsd += sqlite3_column_double(s, 7);
        if (sqlite3_column_type(s, 8) != SQLITE_NULL)
            g.ttfb.append(sqlite3_column_int64(s, 8));
    }
    if (rc != SQLITE_DONE)
        return failed<QList<UsageRow>>(r);
    QList<UsageRow> out;
    out.reserve(qsizetype(groups.size()));
    for (Group &g : groups) {
        std::sort(g.ttfb.begin(), g.ttfb.end());
        g.row.ttfbP50Ms = percentile(g.ttfb, 50);
        g.row.ttfbP95Ms = percentile(g.ttfb, 95);
        out.append(std::move(g.row));
    }
    // By bucket, then most requests first, then by name.
    std::sort(out.begin(), out.end(), [](const UsageRow &a, const UsageRow &b) {
        if (a.bucketStartMs != b.bucketStartMs)
            return a.bucketStartMs < b.bucketStartMs;
        if (a.requests != b.requests)
            return a.requests > b.requests;
        return a.group < b.group;
    });
    return out;
}

Result<QList<ProviderHealth>> providerHealth(const QString &path, qint64 nowMs)
{
    RequestLogFilter lastHour;
    lastHour.sinceMs = nowMs - 3'600'000;
    lastHour.untilMs = nowMs + 1;
    auto rows = usage(path, lastHour, UsageGroup::Provider);
    if (!rows)
        return Result<QList<ProviderHealth>>::failure(rows.error());
    QList<ProviderHealth> out;
    for (const UsageRow &row : rows.value()) {
        if (row.group.isEmpty())
            continue; // refused before any provider was tried
        ProviderHealth h;
        h.provider = row.group;
        h.requests = row.requests;
        h.errors = row.errors;
        h.errorRate = row.requests > 0 ? double(row.errors) / double(row.requests) : 0;
        h.ttfbP50Ms = row.ttfbP50Ms;
        h.ttfbP95Ms = row.ttfbP95Ms;
        out.append(h);
    }
    return out;
}

Result<qint64> clear(const QString &path, qint64 beforeMs)
{
    Reader r(path, true);
    if (!r.exists)
        return r.error.isEmpty() ? Result<qint64>(0) : Result<qint64>::failure(r.error);
    Statement q(r.db.handle(),
                beforeMs >= 0 ? "DELETE FROM requests WHERE time_ms < ?1" : "DELETE FROM requests");
    if (!q.ok())
        return failed<qint64>(r);
    if (beforeMs >= 0)
        q.integer(1, beforeMs);
    if (sqlite3_step(q.get()) != SQLITE_DONE)
        return failed<qint64>(r);
    const qint64 removed = sqlite3_changes(r.db.handle());
    // Deleted rows leave no trace in the file's free pages.
    r.db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return removed;
}

QList<std::pair<QString, QString>> addedHeaders(const RequestLogEntry &e)
{
    QList<std::pair<QString, QString>> out;
    out.append({QStringLiteral("x-request-id"), e.requestId});
    if (e.attemptCount > 0 && !e.provider.isEmpty()) {
        out.append({QStringLiteral("x-gatehouse-provider"), e.provider});
        out.append({QStringLiteral("x-gatehouse-model"), e.model});
    }
    if (!e.route.isEmpty())
        out.append({QStringLiteral("x-gatehouse-route"), e.route});
    if (!e.attempts.isEmpty()) {
        out.append({QStringLiteral("x-gatehouse-attempts"), QString::number(e.attemptCount)});
        out.append({QStringLiteral("x-gatehouse-tried"), e.attempts});
    }
    return out;
}

QList<Attempt> attempts(const RequestLogEntry &e)
{
    QList<Attempt> out;
    // "openai:gpt-4o 429 (130 ms); anthropic:claude-sonnet-4-5 200"
    for (const QString &part : e.attempts.split(QLatin1String("; "), Qt::SkipEmptyParts)) {
        Attempt a;
        QString rest = part;
        if (rest.endsWith(QLatin1String(" ms)"))) {
            const qsizetype open = rest.lastIndexOf(QLatin1String(" ("));
            if (open > 0) {
                a.ms = rest.mid(open + 2, rest.size() - open - 6).toLongLong();
                rest.truncate(open);
            }
        }
        const qsizetype space = rest.indexOf(QLatin1Char(' '));
        a.target = space < 0 ? rest : rest.left(space);
        a.result = space < 0 ? QString() : rest.mid(space + 1);
        out.append(a);
    }
    return out;
}

} // namespace gatehouse::RequestLogQuery
