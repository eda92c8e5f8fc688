#pragma once

#include "util/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace gatehouse {

// How a routing rule orders its candidates for each request.
enum class RouteStrategy
{
    InOrder,      // first candidate first; the others only when it fails
    RoundRobin,   // each request starts one candidate further on
    Weighted,     // the first candidate drawn at random by weight
    LowestLatency // the candidate that answered fastest recently first
};

QString routeStrategyName(RouteStrategy strategy);
Result<RouteStrategy> parseRouteStrategy(const QString &name);

struct RouteCandidate
{
    QString model; // "provider:model"
    int weight = 1;
    bool operator==(const RouteCandidate &o) const
    {
        return model == o.model && weight == o.weight;
    }
};

// An alias ("fast", "coder") or a model reference mapped to ordered candidates, tried in
// turn when one fails (connect error, timeout, 429, 5xx) until one answers or the deadline
// passes.
struct RouteRule
{
    static constexpr int defaultDeadlineMs = 120'000;

    QString name;
    QList<RouteCandidate> candidates;
    RouteStrategy strategy = RouteStrategy::InOrder;
    int retries = 0;                    // extra tries of the same candidate before the next
    int deadlineMs = defaultDeadlineMs; // for all attempts, until the first byte
    // Fields a newer Gatehouse (or a person) wrote that this version does not know: kept
    // as they are and written back by the next save.
    QJsonObject otherFields;

    QJsonObject toJson() const;
    static Result<RouteRule> fromJson(const QJsonObject &json);
    Status validate() const;
    static Status validateName(const QString &name);
};

// Limits of one access key configuration; 0 means no limit.
struct KeyLimits
{
    int requestsPerMinute = 0;
    qint64 tokensPerDay = 0;
    double spendPerMonth = 0; // US dollars, from catalog prices
    bool any() const { return requestsPerMinute > 0 || tokensPerDay > 0 || spendPerMonth > 0; }
};

// Whether the bodies of a key's requests and answers are kept, for how long, and how much of
// each. Off unless turned on: without it no part of a prompt or answer is stored.
struct ContentCapture
{
    static constexpr int defaultRetentionDays = 7;
    static constexpr qint64 defaultMaxBodyBytes = qint64{1024} * 1024;
    bool enabled = false;
    int retentionDays = defaultRetentionDays;
    qint64 maxBodyBytes = defaultMaxBodyBytes; // per body; longer ones are cut there
    QJsonObject otherFields;                   // kept as they are, like the key config's

    bool isDefault() const
    {
        return !enabled && retentionDays == defaultRetentionDays &&
               maxBodyBytes == defaultMaxBodyBytes && otherFields.isEmpty();
    }
};

// What an access key may do: which models (patterns), which stored provider key it bills
// to, its own routing rules (before the global ones) and its limits.
struct KeyConfiguration
{
    static constexpr QLatin1String defaultName{"default"};

    QString name;
    QStringList allow;                    // "my-ollama:*", "openai:gpt-4o*"; empty: everything
    QHash<QString, QString> providerKeys; // provider id -> key label ("" is the main key)
    QList<RouteRule> routes;
    KeyLimits limits;
    ContentCapture capture;
    // Fields a newer Gatehouse (or a person) wrote that this version does not know: kept
    // as they are and written back by the next save.
    QJsonObject otherFields;

    bool allows(const QString &provider, const QString &model) const;
    // "openai:gpt-4o*" against "openai:gpt-4o-mini"; a pattern without a colon names a
    // provider and everything it serves.
    static bool matches(const QString &pattern, const QString &provider, const QString &model);
    const RouteRule *route(const QString &name) const;

    QJsonObject toJson() const;
    static Result<KeyConfiguration> fromJson(const QJsonObject &json);
    Status validate() const;
};

// The rule of that name in a list of rules, or null.
const RouteRule *findRouteIn(const QList<RouteRule> &routes, const QString &name);

// A glob with * (any run of characters) and ? (one character).
bool globMatches(QStringView pattern, QStringView text);

} // namespace gatehouse
