#pragma once

#include "RequestLog.h"
#include "util/Result.h"

#include <QList>
#include <QString>
#include <utility>

namespace gatehouse {

// Which rows of the request log a query is about. Empty fields match everything.
struct RequestLogFilter
{
    qint64 sinceMs = -1; // rows at or after this time (ms since 1970, UTC)
    qint64 untilMs = -1; // rows before this time
    QString accessKey;
    QString provider;
    QString model; // as requested, or as the provider was asked for it
    QString endpoint;
    int status = 0;      // one HTTP status
    int statusClass = 0; // 2, 4 or 5: 2xx, 4xx, 5xx
};

// A page of rows, newest first, and where the next (older) one starts.
struct RequestLogPage
{
    QList<RequestLogEntry> rows;
    qint64 nextBeforeId = -1; // pass as `beforeId` for the next page; -1: this was the last
};

// How usage is grouped: by what, and over which time buckets.
enum class UsageGroup
{
    None,
    Provider,
    Model, // provider:model as answered
    Key,
    Endpoint,
};
enum class UsageBucket
{
    None,
    Hour,
    Day, // UTC days
};

// Requests, errors, tokens, cost and time to first byte of one group in one time bucket.
struct UsageRow
{
    qint64 bucketStartMs = -1; // -1 without buckets
    QString group;             // empty without a grouping
    qint64 requests = 0;
    qint64 errors = 0; // answered with a status of 400 or more, not counting clients that left
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cachedTokens = 0;
    qint64 reasoningTokens = 0;
    double costUsd = 0;
    qint64 ttfbP50Ms = -1; // -1: no request of the group got a first byte
    qint64 ttfbP95Ms = -1;
};

// How a provider has done lately (Providers page): its rows of the last hour.
struct ProviderHealth
{
    QString provider;
    qint64 requests = 0;
    qint64 errors = 0;
    double errorRate = 0; // errors / requests
    qint64 ttfbP50Ms = -1;
    qint64 ttfbP95Ms = -1;
};

// Reads of the request log for the command line and the window: paged rows with filters,
// usage aggregated by group and time, provider health. Each call opens its own read-only
// connection, so it is safe from any thread while the gateway writes; none loads the whole
// log.
namespace RequestLogQuery {

// Up to `limit` rows matching `filter`, newest first, older than the row `beforeId` (-1: from
// the newest). Paging goes by row id, so a page costs the same however deep it is.
Result<RequestLogPage> page(const QString &path, const RequestLogFilter &filter, int limit,
                            qint64 beforeId = -1);
// Rows newer than `afterId`, oldest first (following the log live).
Result<QList<RequestLogEntry>> newer(const QString &path, const RequestLogFilter &filter,
                                     qint64 afterId, int limit);
// How many rows match.
Result<qint64> count(const QString &path, const RequestLogFilter &filter);
// Usage per group and bucket, ordered by bucket, then by requests (most first).
Result<QList<UsageRow>> usage(const QString &path, const RequestLogFilter &filter, UsageGroup group,
                              UsageBucket bucket = UsageBucket::None);
// Each provider's requests of the hour before `nowMs`.
Result<QList<ProviderHealth>> providerHealth(const QString &path, qint64 nowMs);
// Deletes every row, or those before `beforeMs`; says how many went.
Result<qint64> clear(const QString &path, qint64 beforeMs = -1);

// The p-th percentile (0..100) of sorted values, by nearest rank; -1 for none.
qint64 percentile(const QList<qint64> &sorted, double p);
// The headers Gatehouse added to the answer of a logged request, rebuilt from its row.
QList<std::pair<QString, QString>> addedHeaders(const RequestLogEntry &entry);
struct Attempt
{
    QString target; // provider:model
    QString result; // an HTTP status, or timeout, unreachable, unsupported, no key
    qint64 ms = -1; // how long it took, when it was given up on
};
// The attempts of a row, from its "attempts" text.
QList<Attempt> attempts(const RequestLogEntry &entry);

} // namespace RequestLogQuery

} // namespace gatehouse
