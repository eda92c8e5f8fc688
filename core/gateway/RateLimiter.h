#pragma once

#include "ApiError.h"
#include "config/Routing.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <functional>
#include <optional>

namespace gatehouse {

// The limits of access key configurations: requests per minute (sliding window), tokens
// per UTC day and spend per UTC calendar month. A request over a limit is refused with 429
// and a retry-after that says when it would be admitted.
class RateLimiter
{
public:
    using WallClock = std::function<QDateTime()>;
    explicit RateLimiter(WallClock clock = {});

    // Counts the request when it is admitted.
    std::optional<ApiError> admit(const QString &key, const KeyLimits &limits);
    // What an answered request used.
    void addUsage(const QString &key, qint64 tokens, double cost);
    // Usage so far in this day and month (from the request log, after a restart).
    void seed(const QString &key, qint64 tokensToday, double spendThisMonth);

    qint64 tokensToday(const QString &key);

private:
    struct Usage
    {
        QList<qint64> recent; // request times (ms since epoch) within the last minute
        QDate day;
        qint64 tokens = 0;
        int month = 0; // year * 100 + month
        double spend = 0;
    };
    Usage &usageOf(const QString &key, const QDateTime &now);

    WallClock m_clock;
    QHash<QString, Usage> m_usage;
};

} // namespace gatehouse
