#include "Routing.h"

#include "AccessKey.h"
#include "ConfigJson.h"
#include "ModelReference.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace gatehouse {

namespace {
// The translation context of every message here.
class Routing
{
    Q_DECLARE_TR_FUNCTIONS(Routing)
};
} // namespace

QString routeStrategyName(RouteStrategy strategy)
{
    switch (strategy) {
    case RouteStrategy::InOrder:
        return QStringLiteral("in-order");
    case RouteStrategy::RoundRobin:
        return QStringLiteral("round-robin");
    case RouteStrategy::Weighted:
        return QStringLiteral("weighted");
    case RouteStrategy::LowestLatency:
        return QStringLiteral("lowest-latency");
    }
    return {};
}

Result<RouteStrategy> parseRouteStrategy(const QString &name)
{
    for (const auto s : {RouteStrategy::InOrder, RouteStrategy::RoundRobin, RouteStrategy::Weighted,
                         RouteStrategy::LowestLatency}) {
        if (routeStrategyName(s) == name)
            return s;
    }
    return Result<RouteStrategy>::failure(
        Routing::tr(
            "Unknown strategy \"%1\"; use in-order, round-robin, weighted or lowest-latency.")
            .arg(name));
}

bool globMatches(QStringView pattern, QStringView text)
{
    // Iterative matcher with backtracking to the last star: linear in practice.
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

Status RouteRule::validateName(const QString &name)
{
    // An alias is a bare name; a rule may also be named after a full model reference.
    static const QRegularExpression alias(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._/-]{0,79}$"));
    if (alias.match(name).hasMatch())
        return {};
    if (name.contains(QLatin1Char(':')) && ModelReference::parse(name))
        return {};
    return Status::failure(
        Routing::tr("\"%1\" is not a valid route name: use an alias of letters, digits, "
                    "dots, dashes, slashes or underscores, or a provider:model "
                    "reference.")
            .arg(name));
}

Status RouteRule::validate() const
{
    if (auto s = validateName(name); !s)
        return s;
    if (candidates.isEmpty())
        return Status::failure(Routing::tr("Route \"%1\" has no candidates.").arg(name));
    for (const RouteCandidate &c : candidates) {
        auto ref = ModelReference::parse(c.model);
        if (!ref || !c.model.contains(QLatin1Char(':')))
            return Status::failure(
                Routing::tr("Route \"%1\": candidate \"%2\" must be a provider:model reference.")
                    .arg(name, c.model));
        if (c.weight < 1 || c.weight > 1000)
            return Status::failure(
                Routing::tr("Route \"%1\": the weight of \"%2\" must be from 1 to 1000.")
                    .arg(name, c.model));
    }
    if (retries < 0 || retries > 5)
        return Status::failure(Routing::tr("Route \"%1\": retries must be from 0 to 5.").arg(name));
    if (deadlineMs < 1000 || deadlineMs > 600'000)
        return Status::failure(
            Routing::tr("Route \"%1\": the deadline must be from 1 to 600 seconds.").arg(name));
    return {};
}

QJsonObject RouteRule::toJson() const
{
    QJsonArray list;
    for (const RouteCandidate &c : candidates) {
        if (c.weight == 1)
            list.append(c.model);
        else
            list.append(QJsonObject{{QLatin1String("model"), c.model},
                                    {QLatin1String("weight"), c.weight}});
    }
    QJsonObject o{{QLatin1String("name"), name},
                  {QLatin1String("candidates"), list},
                  {QLatin1String("strategy"), routeStrategyName(strategy)}};
    if (retries != 0)
        o.insert(QLatin1String("retries"), retries);
    if (deadlineMs != defaultDeadlineMs)
        o.insert(QLatin1String("deadlineMs"), deadlineMs);
    ConfigJson::addUnknownFields(o, otherFields);
    return o;
}

Result<RouteRule> RouteRule::fromJson(const QJsonObject &json)
{
    RouteRule r;
    r.name = json.value(QLatin1String("name")).toString();
    for (const Status &s :
         {ConfigJson::expect(json, QLatin1String("name"), QJsonValue::String),
          ConfigJson::expect(json, QLatin1String("candidates"), QJsonValue::Array),
          ConfigJson::expect(json, QLatin1String("strategy"), QJsonValue::String),
          ConfigJson::expect(json, QLatin1String("retries"), QJsonValue::Double),
          ConfigJson::expect(json, QLatin1String("deadlineMs"), QJsonValue::Double)}) {
        if (!s)
            return Result<RouteRule>::failure(
                Routing::tr("In route \"%1\": %2").arg(r.name, s.error()));
    }
    r.otherFields = ConfigJson::unknownFields(
        json, {QLatin1String("name"), QLatin1String("candidates"), QLatin1String("strategy"),
               QLatin1String("retries"), QLatin1String("deadlineMs")});
    for (const QJsonValue v : json.value(QLatin1String("candidates")).toArray()) {
        if (v.isString())
            r.candidates.append({v.toString(), 1});
        else
            r.candidates.append({v.toObject().value(QLatin1String("model")).toString(),
                                 v.toObject().value(QLatin1String("weight")).toInt(1)});
    }
    const auto strategy = parseRouteStrategy(
        json.value(QLatin1String("strategy")).toString(QStringLiteral("in-order")));
    if (!strategy)
        return Result<RouteRule>::failure(strategy.error());
    r.strategy = strategy.value();
    r.retries = json.value(QLatin1String("retries")).toInt(0);
    r.deadlineMs = json.value(QLatin1String("deadlineMs")).toInt(defaultDeadlineMs);
    if (auto s = r.validate(); !s)
        return Result<RouteRule>::failure(s.error());
    return r;
}

bool KeyConfiguration::matches(const QString &pattern, const QString &provider,
                               const QString &model)
{
    const qsizetype colon = pattern.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return globMatches(pattern, provider);
    return globMatches(QStringView(pattern).left(colon), provider) &&
           globMatches(QStringView(pattern).mid(colon + 1), model);
}

bool KeyConfiguration::allows(const QString &provider, const QString &model) const
{
    if (allow.isEmpty())
        return true;
    for (const QString &p : allow) {
        if (matches(p, provider, model))
            return true;
    }
    return false;
}

const RouteRule *findRouteIn(const QList<RouteRule> &routes, const QString &name)
{
    for (const RouteRule &r : routes) {
        if (r.name == name)
            return &r;
    }
    return nullptr;
}

const RouteRule *KeyConfiguration::route(const QString &routeName) const
{
    return findRouteIn(routes, routeName);
}

Status KeyConfiguration::validate() const
{
    if (auto s = AccessKeys::validateName(name); !s)
        return Status::failure(
            Routing::tr(
                "\"%1\" is not a valid configuration name: use 1 to 64 letters, digits, dots, "
                "dashes or underscores.")
                .arg(name));
    for (const QString &p : allow) {
        if (p.trimmed().isEmpty() || p.trimmed() != p)
            return Status::failure(
                Routing::tr(
                    "Configuration \"%1\": the pattern \"%2\" is empty or has surrounding spaces.")
                    .arg(name, p));
    }
    if (limits.requestsPerMinute < 0 || limits.tokensPerDay < 0 || limits.spendPerMonth < 0)
        return Status::failure(
            Routing::tr("Configuration \"%1\": limits cannot be negative.").arg(name));
    if (capture.retentionDays < 1 || capture.retentionDays > 3650)
        return Status::failure(
            Routing::tr("Configuration \"%1\": content is kept from 1 to 3650 days.").arg(name));
    if (capture.maxBodyBytes < 1024 || capture.maxBodyBytes > qint64{64} * 1024 * 1024)
        return Status::failure(
            Routing::tr("Configuration \"%1\": the size cap of a captured body is from 1024 "
                        "bytes to 64 MiB.")
                .arg(name));
    for (const RouteRule &r : routes) {
        if (auto s = r.validate(); !s)
            return s;
    }
    return {};
}

QJsonObject KeyConfiguration::toJson() const
{
    QJsonObject keys;
    for (auto it = providerKeys.constBegin(); it != providerKeys.constEnd(); ++it)
        keys.insert(it.key(), it.value());
    QJsonArray routeArray;
    for (const RouteRule &r : routes)
        routeArray.append(r.toJson());
    QJsonObject lim;
    if (limits.requestsPerMinute > 0)
        lim.insert(QLatin1String("requestsPerMinute"), limits.requestsPerMinute);
    if (limits.tokensPerDay > 0)
        lim.insert(QLatin1String("tokensPerDay"), limits.tokensPerDay);
    if (limits.spendPerMonth > 0)
        lim.insert(QLatin1String("spendPerMonthUsd"), limits.spendPerMonth);
    QJsonObject o{{QLatin1String("name"), name},
                  {QLatin1String("allow"), QJsonArray::fromStringList(allow)}};
    if (!keys.isEmpty())
        o.insert(QLatin1String("providerKeys"), keys);
    if (!routeArray.isEmpty())
        o.insert(QLatin1String("routes"), routeArray);
    if (!lim.isEmpty())
        o.insert(QLatin1String("limits"), lim);
    if (!capture.isDefault()) {
        QJsonObject c{{QLatin1String("enabled"), capture.enabled},
                      {QLatin1String("retentionDays"), capture.retentionDays},
                      {QLatin1String("maxBodyBytes"), capture.maxBodyBytes}};
        ConfigJson::addUnknownFields(c, capture.otherFields);
        o.insert(QLatin1String("captureContent"), c);
    }
    ConfigJson::addUnknownFields(o, otherFields);
    return o;
}

Result<KeyConfiguration> KeyConfiguration::fromJson(const QJsonObject &json)
{
    KeyConfiguration k;
    k.name = json.value(QLatin1String("name")).toString();
    for (const Status &s :
         {ConfigJson::expect(json, QLatin1String("name"), QJsonValue::String),
          ConfigJson::expectArrayOf(json, QLatin1String("allow"), QJsonValue::String),
          ConfigJson::expectObjectOf(json, QLatin1String("providerKeys"), QJsonValue::String),
          ConfigJson::expectArrayOf(json, QLatin1String("routes"), QJsonValue::Object),
          ConfigJson::expect(json, QLatin1String("limits"), QJsonValue::Object),
          ConfigJson::expect(json, QLatin1String("captureContent"), QJsonValue::Object)}) {
        if (!s)
            return Result<KeyConfiguration>::failure(
                Routing::tr("In key configuration \"%1\": %2").arg(k.name, s.error()));
    }
    k.otherFields = ConfigJson::unknownFields(
        json, {QLatin1String("name"), QLatin1String("allow"), QLatin1String("providerKeys"),
               QLatin1String("routes"), QLatin1String("limits"), QLatin1String("captureContent")});
    for (const QJsonValue v : json.value(QLatin1String("allow")).toArray())
        k.allow << v.toString();
    const QJsonObject keys = json.value(QLatin1String("providerKeys")).toObject();
    for (auto it = keys.constBegin(); it != keys.constEnd(); ++it)
        k.providerKeys.insert(it.key(), it.value().toString());
    for (const QJsonValue v : json.value(QLatin1String("routes")).toArray()) {
        auto r = RouteRule::fromJson(v.toObject());
        if (!r)
            return Result<KeyConfiguration>::failure(r.error());
        k.routes.append(r.value());
    }
    const QJsonObject lim = json.value(QLatin1String("limits")).toObject();
    k.limits.requestsPerMinute = lim.value(QLatin1String("requestsPerMinute")).toInt(0);
    k.limits.tokensPerDay = lim.value(QLatin1String("tokensPerDay")).toInteger(0);
    k.limits.spendPerMonth = lim.value(QLatin1String("spendPerMonthUsd")).toDouble(0);
    const QJsonObject capture = json.value(QLatin1String("captureContent")).toObject();
    k.capture.enabled = capture.value(QLatin1String("enabled")).toBool(false);
    k.capture.retentionDays =
        capture.value(QLatin1String("retentionDays")).toInt(ContentCapture::defaultRetentionDays);
    k.capture.maxBodyBytes =
        capture.value(QLatin1String("maxBodyBytes")).toInteger(ContentCapture::defaultMaxBodyBytes);
    k.capture.otherFields = ConfigJson::unknownFields(
        capture,
        {QLatin1String("enabled"), QLatin1String("retentionDays"), QLatin1String("maxBodyBytes")});
    if (auto s = k.validate(); !s)
        return Result<KeyConfiguration>::failure(s.error());
    return k;
}

} // namespace gatehouse
