// gatehouse logs … and gatehouse usage …: the request log and what it adds up to.
#include "Cli.h"
#include "log/CaptureStore.h"
#include "log/RequestLogQuery.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

// "90s", "15m", "24h", "7d" in milliseconds; -1 when it is none of these.
qint64 parseDuration(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,9})([smhd])$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 scale = unit == QLatin1Char('s')   ? 1000
                         : unit == QLatin1Char('m') ? 60'000
                         : unit == QLatin1Char('h') ? 3'600'000
                                                    : 86'400'000;
    return n * scale;
}

// "2026-11-01" (midnight UTC) or an ISO date and time; -1 when it is neither.
qint64 parseDate(const QString &text)
{
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (date.isValid())
        return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return -1;
    if (time.timeSpec() == Qt::LocalTime && !text.contains(QLatin1Char('Z')) &&
        !text.contains(QLatin1Char('+')))
        time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch();
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonValue optional(qint64 v)
{
    return v < 0 ? QJsonValue() : QJsonValue(v);
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1String("\""), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        out += line + QLatin1Char('\n');
    }
    return out;
}

QString money(double usd)
{
    return usd < 0 ? QStringLiteral("-") : QStringLiteral("$%1").arg(usd, 0, 'f', 4);
}

QString number(qint64 n)
{
    return n < 0 ? QStringLiteral("-") : QString::number(n);
}

} // namespace

int Cli::logs(const QStringList &args, const Options &options)
{
    const QString usageLine =
        tr("usage: gatehouse logs [--since DURATION] [--limit N] [--key NAME] [--provider P] "
           "[--status CODE] [--json], or gatehouse logs --clear [--before DATE]");
    if (!args.isEmpty())
        return fail(usageLine, 2);
    const QString logPath = QDir(m_store.directory()).filePath(QStringLiteral("requests.sqlite"));
    const QString capturePath =
        QDir(m_store.directory()).filePath(QStringLiteral("captures.sqlite"));
    const bool clearing = options.given.contains(QLatin1String("clear"));
    const QStringList takes =
        clearing ? QStringList{QStringLiteral("clear"), QStringLiteral("before")}
                 : QStringList{QStringLiteral("since"),  QStringLiteral("limit"),
                               QStringLiteral("key"),    QStringLiteral("provider"),
                               QStringLiteral("status"), QStringLiteral("json")};
    for (const QString &o : options.given) {
        if (!takes.contains(o))
            return fail(tr("--%1 does not apply to \"logs%2\".")
                            .arg(o, clearing ? QStringLiteral(" --clear") : QString()),
                        2);
    }

    if (clearing) {
        qint64 before = -1;
        if (options.given.contains(QLatin1String("before"))) {
            before = parseDate(options.before);
            if (before < 0)
                return fail(tr("--before takes a date such as 2026-11-01 or "
                               "2026-11-01T12:00:00Z."),
                            2);
        }
        const auto removed = RequestLogQuery::clear(logPath, before);
        if (!removed)
            return fail(removed.error());
        const auto captures = CaptureStore::clear(capturePath, before);
        if (!captures)
            return fail(captures.error());
        print((before < 0 ? tr("Cleared the request log: %1 rows deleted.").arg(removed.value())
                          : tr("Cleared the request log before %1: %2 rows deleted.")
                                .arg(isoTime(before))
                                .arg(removed.value())) +
              QLatin1Char('\n'));
        return 0;
    }

    RequestLogFilter filter;
    if (options.given.contains(QLatin1String("since"))) {
        const qint64 span = parseDuration(options.since);
        if (span < 0)
            return fail(tr("--since takes a duration such as 90s, 15m, 24h or 7d."), 2);
        filter.sinceMs = QDateTime::currentMSecsSinceEpoch() - span;
    }
    int limit = 50;
    if (options.given.contains(QLatin1String("limit"))) {
        bool ok = false;
        limit = options.limit.toInt(&ok);
        if (!ok || limit < 1 || limit > 1'000'000)
            return fail(tr("--limit must be a number from 1 to 1000000."), 2);
    }
    filter.accessKey = options.key;
    filter.provider = options.provider;
    if (options.given.contains(QLatin1String("status"))) {
        bool ok = false;
        filter.status = options.status.toInt(&ok);
        if (!ok || filter.status < 100 || filter.status > 599)
            return fail(tr("--status must be an HTTP status such as 200 or 429."), 2);
    }
    const auto page = RequestLogQuery::page(logPath, filter, limit);
    if (!page)
        return fail(page.error());
    const bool json = options.given.contains(QLatin1String("json"));
    if (!json) {
        QList<QStringList> rows{{tr("TIME"), tr("KEY"), tr("ENDPOINT"), tr("MODEL"), tr("PROVIDER"),
                                 tr("STATUS"), tr("TTFB"), tr("TOTAL"), tr("TOKENS IN/OUT"),
                                 tr("COST")}};
        for (const RequestLogEntry &e : page->rows) {
            rows.append({QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODate),
                         e.accessKey.isEmpty() ? QStringLiteral("-") : e.accessKey, e.endpoint,
                         e.requestedModel.isEmpty() ? QStringLiteral("-") : e.requestedModel,
                         e.provider.isEmpty() ? QStringLiteral("-")
                                              : e.provider + QLatin1Char(':') + e.model,
                         QString::number(e.status),
                         e.firstByteMs < 0 ? QStringLiteral("-")
                                           : QStringLiteral("%1 ms").arg(e.firstByteMs),
                         QStringLiteral("%1 ms").arg(e.totalMs),
                         number(e.inputTokens) + QLatin1Char('/') + number(e.outputTokens),
                         money(e.cost)});
        }
        if (page->rows.isEmpty())
            print(tr("No requests logged%1.")
                      .arg(filter.sinceMs >= 0 || !filter.accessKey.isEmpty() ||
                                   !filter.provider.isEmpty() || filter.status > 0
                               ? tr(" that match")
                               : QString()) +
                  QLatin1Char('\n'));
        else
            print(table(rows));
        return 0;
    }
    for (const RequestLogEntry &e : page->rows) {
        QJsonArray attempts;
        for (const RequestLogQuery::Attempt &a : RequestLogQuery::attempts(e))
            attempts.append(QJsonObject{{QLatin1String("target"), a.target},
                                        {QLatin1String("result"), a.result},
                                        {QLatin1String("ms"), optional(a.ms)}});
        QJsonObject headers;
        for (const auto &[name, value] : RequestLogQuery::addedHeaders(e))
            headers.insert(name, value);
        QJsonObject o{
            {QLatin1String("time"), isoTime(e.timeMs)},
            {QLatin1String("request_id"), e.requestId},
            {QLatin1String("key"), e.accessKey},
            {QLatin1String("endpoint"), e.endpoint},
            {QLatin1String("model"), e.requestedModel},
            {QLatin1String("provider"), e.provider},
            {QLatin1String("provider_model"), e.model},
            {QLatin1String("route"), e.route},
            {QLatin1String("status"), e.status},
            {QLatin1String("stream"), e.stream},
            {QLatin1String("attempts"), attempts},
            {QLatin1String("ttfb_ms"), optional(e.firstByteMs)},
            {QLatin1String("total_ms"), e.totalMs},
            {QLatin1String("input_tokens"), optional(e.inputTokens)},
            {QLatin1String("output_tokens"), optional(e.outputTokens)},
            {QLatin1String("cached_tokens"), optional(e.cachedTokens)},
            {QLatin1String("reasoning_tokens"), optional(e.reasoningTokens)},
            {QLatin1String("cost_usd"), e.cost < 0 ? QJsonValue() : QJsonValue(e.cost)},
            {QLatin1String("error"), e.error.isEmpty() ? QJsonValue() : QJsonValue(e.error)},
            {QLatin1String("headers"), headers}};
        const auto captured = CaptureStore::find(capturePath, e.requestId);
        if (captured && captured.value()) {
            const CapturedExchange &c = *captured.value();
            o.insert(QLatin1String("request_body"), QString::fromUtf8(c.requestBody));
            o.insert(QLatin1String("response_body"), QString::fromUtf8(c.responseBody));
            if (!c.responseEvents.isEmpty())
                o.insert(QLatin1String("response_events"), QString::fromUtf8(c.responseEvents));
            if (c.truncated)
                o.insert(QLatin1String("body_truncated"), true);
        }
        print(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) +
              QLatin1Char('\n'));
    }
    return 0;
}

int Cli::usage(const QStringList &args, const Options &options)
{
    const QString usageText = tr("usage: gatehouse usage [--since DURATION] "
                                 "[--by provider|model|key|day] [--json|--csv]");
    if (!args.isEmpty())
        return fail(usageText, 2);
    for (const QString &o : options.given) {
        if (o != QLatin1String("since") && o != QLatin1String("by") && o != QLatin1String("json") &&
            o != QLatin1String("csv"))
            return fail(tr("--%1 does not apply to \"usage\".").arg(o), 2);
    }
    const bool json = options.given.contains(QLatin1String("json"));
    const bool csv = options.given.contains(QLatin1String("csv"));
    if (json && csv)
        return fail(tr("Give --json or --csv, not both."), 2);
    RequestLogFilter filter;
    if (options.given.contains(QLatin1String("since"))) {
        const qint64 span = parseDuration(options.since);
        if (span < 0)
            return fail(tr("--since takes a duration such as 90s, 15m, 24h or 7d."), 2);
        filter.sinceMs = QDateTime::currentMSecsSinceEpoch() - span;
    }
    UsageGroup group = UsageGroup::Provider;
    UsageBucket bucket = UsageBucket::None;
    const QString by =
        options.given.contains(QLatin1String("by")) ? options.by : QStringLiteral("provider");
    if (by == QLatin1String("provider"))
        group = UsageGroup::Provider;
    else if (by == QLatin1String("model"))
        group = UsageGroup::Model;
    else if (by == QLatin1String("key"))
        group = UsageGroup::Key;
    else if (by == QLatin1String("day")) {
        group = UsageGroup::None;
        bucket = UsageBucket::Day;
    } else
        return fail(tr("--by takes provider, model, key or day."), 2);

    const auto rows = RequestLogQuery::usage(
        QDir(m_store.directory()).filePath(QStringLiteral("requests.sqlite")), filter, group,
        bucket);
    if (!rows)
        return fail(rows.error());
    auto groupName = [&](const UsageRow &r) {
        if (bucket == UsageBucket::Day)
            return QDateTime::fromMSecsSinceEpoch(r.bucketStartMs, Qt::UTC)
                .date()
                .toString(Qt::ISODate);
        return r.group;
    };
    if (json) {
        for (const UsageRow &r : rows.value()) {
            const QJsonObject o{{QLatin1String("group"), groupName(r)},
                                {QLatin1String("requests"), r.requests},
                                {QLatin1String("errors"), r.errors},
                                {QLatin1String("input_tokens"), r.inputTokens},
                                {QLatin1String("output_tokens"), r.outputTokens},
                                {QLatin1String("cached_tokens"), r.cachedTokens},
                                {QLatin1String("reasoning_tokens"), r.reasoningTokens},
                                {QLatin1String("cost_usd"), r.costUsd},
                                {QLatin1String("ttfb_p50_ms"), optional(r.ttfbP50Ms)},
                                {QLatin1String("ttfb_p95_ms"), optional(r.ttfbP95Ms)}};
            print(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) +
                  QLatin1Char('\n'));
        }
        return 0;
    }
    if (csv) {
        QString out = QStringLiteral("group,requests,errors,input_tokens,output_tokens,"
                                     "cached_tokens,reasoning_tokens,cost_usd,ttfb_p50_ms,"
                                     "ttfb_p95_ms\n");
        for (const UsageRow &r : rows.value()) {
            out += QStringList{csvField(groupName(r)),
                               QString::number(r.requests),
                               QString::number(r.errors),
                               QString::number(r.inputTokens),
                               QString::number(r.outputTokens),
                               QString::number(r.cachedTokens),
                               QString::number(r.reasoningTokens),
                               QString::number(r.costUsd, 'f', 6),
                               r.ttfbP50Ms < 0 ? QString() : QString::number(r.ttfbP50Ms),
                               r.ttfbP95Ms < 0 ? QString() : QString::number(r.ttfbP95Ms)}
                       .join(QLatin1Char(',')) +
                   QLatin1Char('\n');
        }
        print(out);
        return 0;
    }
    if (rows->isEmpty()) {
        print(tr("No requests logged in that time.") + QLatin1Char('\n'));
        return 0;
    }
    QList<QStringList> table_{{by.toUpper(), tr("REQUESTS"), tr("ERRORS"), tr("INPUT TOKENS"),
                               tr("OUTPUT TOKENS"), tr("COST"), tr("TTFB P50/P95")}};
    for (const UsageRow &r : rows.value()) {
        const QString name = groupName(r);
        table_.append({name.isEmpty() ? tr("(none)") : name, QString::number(r.requests),
                       QString::number(r.errors), QString::number(r.inputTokens),
                       QString::number(r.outputTokens), money(r.costUsd),
                       r.ttfbP50Ms < 0
                           ? QStringLiteral("-")
                           : QStringLiteral("%1/%2 ms").arg(r.ttfbP50Ms).arg(r.ttfbP95Ms)});
    }
    print(table(table_));
    return 0;
}

} // namespace gatehouse
