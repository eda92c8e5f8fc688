#include "RateLimiter.h"

#include <QCoreApplication>
#include <cmath>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RateLimiter", text);
}

int monthOf(const QDate &d)
{
    return d.year() * 100 + d.month();
}

int secondsUntil(const QDateTime &now, const QDateTime &then)
{
    return int(std::max<qint64>(1, (now.msecsTo(then) + 999) / 1000));
}

} // namespace

RateLimiter::RateLimiter(WallClock clock) : m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentDateTimeUtc(); };
}

RateLimiter::Usage &RateLimiter::usageOf(const QString &key, const QDateTime &now)
{
    Usage &u = m_usage[key];
    const QDate today = now.date();
    if (u.day != today) {
        u.day = today;
        u.tokens = 0;
    }
    if (u.month != monthOf(today)) {
        u.month = monthOf(today);
        u.spend = 0;
    }
    const qint64 windowStart = now.toMSecsSinceEpoch() - 60'000;
    while (!u.recent.isEmpty() && u.recent.first() <= windowStart)
        u.recent.removeFirst();
    return u;
}

std::optional<ApiError> RateLimiter::admit(const QString &key, const KeyLimits &limits)
{
    if (!limits.any())
        return std::nullopt;
    const QDateTime now = m_clock().toUTC();
    Usage &u = usageOf(key, now);
    if (limits.tokensPerDay > 0 && u.tokens >= limits.tokensPerDay) {
        const QDateTime midnight(now.date().addDays(1), QTime(0, 0), Qt::UTC);
        return ApiError::rateLimited(
            tr("This access key used its %1 tokens for today (UTC). It can be used again at "
               "midnight UTC.")
                .arg(limits.tokensPerDay),
            QStringLiteral("tokens_per_day_exceeded"), secondsUntil(now, midnight));
    }
    if (limits.spendPerMonth > 0 && u.spend >= limits.spendPerMonth) {
        const QDate first(now.date().year(), now.date().month(), 1);
        const QDateTime next(first.addMonths(1), QTime(0, 0), Qt::UTC);
        return ApiError::rateLimited(
            tr("This access key reached its spending limit of $%1 for this month.")
                .arg(limits.spendPerMonth, 0, 'f', 2),
            QStringLiteral("spend_per_month_exceeded"), secondsUntil(now, next));
    }
    if (limits.requestsPerMinute > 0 && u.recent.size() >= limits.requestsPerMinute) {
        const QDateTime freed = QDateTime::fromMSecsSinceEpoch(u.recent.first() + 60'000, Qt::UTC);
        return ApiError::rateLimited(tr("This access key is limited to %1 requests per minute.")
                                         .arg(limits.requestsPerMinute),
                                     QStringLiteral("requests_per_minute_exceeded"),
                                     secondsUntil(now, freed));
    }
    if (limits.requestsPerMinute > 0)
        u.recent.append(now.toMSecsSinceEpoch());
    return std::nullopt;
}

void RateLimiter::addUsage(const QString &key, qint64 tokens, double cost)
{
    Usage &u = usageOf(key, m_clock().toUTC());
    u.tokens += std::max<qint64>(0, tokens);
    u.spend += std::max(0.0, cost);
}

void RateLimiter::seed(const QString &key, qint64 tokensToday, double spendThisMonth)
{
    Usage &u = usageOf(key, m_clock().toUTC());
    u.tokens = tokensToday;
    u.spend = spendThisMonth;
}

qint64 RateLimiter::tokensToday(const QString &key)
{
    return usageOf(key, m_clock().toUTC()).tokens;
}

} // namespace gatehouse
