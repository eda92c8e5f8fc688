#pragma once

#include "config/Routing.h"
#include "log/RequestLog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse {

struct Config;

// What the keys of one key configuration used against its limits: tokens today and spend
// this month (UTC), summed over every key that uses the configuration.
struct ConfigurationUse
{
    QString configuration;
    KeyLimits limits;
    qint64 tokensToday = 0;
    double spendThisMonth = 0;
    qint64 requestsLastMinute = -1; // -1: not counted
};

// A tray message due because a configuration reached 80 % or 100 % of a limit.
struct LimitNotice
{
    QString id; // "team|tokens|2026-11-30|80": what was told, for which period
    QString title;
    QString message;
};

class LimitWatch
{
    Q_DECLARE_TR_FUNCTIONS(gatehouse::LimitWatch)
public:
    // Each configuration's use, from the request log's use per key.
    // `lastMinute`: requests per key in the last minute, where counted.
    static QList<ConfigurationUse> use(const Config &config,
                                       const QHash<QString, RequestLog::Usage> &byKey,
                                       const QHash<QString, qint64> &lastMinute = {});
    // "1,200 of 10,000 tokens today · $2.10 of $10.00 this month": a configuration's use against
    // the token and spending limits it has (the log cannot tell requests a minute); empty without
    // those limits.
    static QString describe(const ConfigurationUse &u);
    // The notices due now: a token limit at 80 % or 100 % today, a spend limit this month; those
    // whose id is in `told` were shown already in this period and are left out.
    static QList<LimitNotice> notices(const QList<ConfigurationUse> &uses, const QDateTime &now,
                                      const QStringList &told);
};

} // namespace gatehouse
