#include "LimitWatch.h"

#include "config/Config.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace gatehouse {

namespace {

QString dollars(double usd)
{
    return QStringLiteral("$") + QString::number(usd, 'f', 2);
}

} // namespace

QList<ConfigurationUse> LimitWatch::use(const Config &config,
                                        const QHash<QString, RequestLog::Usage> &byKey,
                                        const QHash<QString, qint64> &lastMinute)
{
    QList<ConfigurationUse> result;
    for (const KeyConfiguration &k : config.keyConfigurations) {
        ConfigurationUse u;
        u.configuration = k.name;
        u.limits = k.limits;
        for (const AccessKeyRecord &key : config.accessKeys) {
            const QString name = key.configuration.isEmpty()
                                     ? QString(KeyConfiguration::defaultName)
                                     : key.configuration;
            if (name != k.name)
                continue;
            const RequestLog::Usage used = byKey.value(key.name);
            u.tokensToday += used.tokensToday;
            u.spendThisMonth += used.spendThisMonth;
            if (lastMinute.contains(key.name))
                u.requestsLastMinute =
                    std::max<qint64>(u.requestsLastMinute, 0) + lastMinute.value(key.name);
        }
        result.append(u);
    }
    return result;
}

QString LimitWatch::describe(const ConfigurationUse &u)
{
    QStringList parts;
    if (u.limits.requestsPerMinute > 0 && u.requestsLastMinute >= 0)
        parts.append(tr("%1 of %2 requests in the last minute")
                         .arg(u.requestsLastMinute)
                         .arg(u.limits.requestsPerMinute));
    if (u.limits.tokensPerDay > 0)
        parts.append(
            tr("%1 of %2 tokens today")
                .arg(QLocale().toString(u.tokensToday), QLocale().toString(u.limits.tokensPerDay)));
    if (u.limits.spendPerMonth > 0)
        parts.append(tr("%1 of %2 this month")
                         .arg(dollars(u.spendThisMonth), dollars(u.limits.spendPerMonth)));
    return parts.join(QStringLiteral(" · "));
}

QList<LimitNotice> LimitWatch::notices(const QList<ConfigurationUse> &uses, const QDateTime &now,
                                       const QStringList &told)
{
    const QDate today = now.toUTC().date();
    const QString day = today.toString(Qt::ISODate);
    const QString month = today.toString(QStringLiteral("yyyy-MM"));
    QList<LimitNotice> result;
    auto check = [&](const ConfigurationUse &u, const QString &what, const QString &period,
                     double used, double limit, const QString &usedText, const QString &limitText) {
        if (limit <= 0)
            return;
        const int level = used >= limit ? 100 : used >= 0.8 * limit ? 80 : 0;
        if (level == 0)
            return;
        const QString id =
            QStringLiteral("%1|%2|%3|%4").arg(u.configuration, what, period).arg(level);
        // Once at 80 % and once at 100 %; a 100 % notice also stands for the 80 % one.
        const QString at100 = QStringLiteral("%1|%2|%3|100").arg(u.configuration, what, period);
        if (told.contains(id) || told.contains(at100))
            return;
        LimitNotice n;
        n.id = id;
        const QString name =
            u.configuration == KeyConfiguration::defaultName ? tr("default") : u.configuration;
        if (what == QLatin1String("tokens")) {
            n.title = level == 100 ? tr("Token limit reached") : tr("Token limit almost reached");
            n.message = tr("Keys of the configuration “%1” used %2 of their %3 tokens today.")
                            .arg(name, usedText, limitText);
        } else {
            n.title =
                level == 100 ? tr("Spending limit reached") : tr("Spending limit almost reached");
            n.message = tr("Keys of the configuration “%1” spent %2 of their %3 this month.")
                            .arg(name, usedText, limitText);
        }
        result.append(n);
    };
    for (const ConfigurationUse &u : uses) {
        check(u, QStringLiteral("tokens"), day, double(u.tokensToday),
              double(u.limits.tokensPerDay), QLocale().toString(u.tokensToday),
              QLocale().toString(u.limits.tokensPerDay));
        check(u, QStringLiteral("spend"), month, u.spendThisMonth, u.limits.spendPerMonth,
              dollars(u.spendThisMonth), dollars(u.limits.spendPerMonth));
    }
    return result;
}

} // namespace gatehouse
