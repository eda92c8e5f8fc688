#pragma once

#include "ApiError.h"
#include "GatewaySnapshot.h"

#include <QHash>
#include <functional>
#include <variant>

namespace gatehouse {

// One place a request may go.
struct RouteTarget
{
    const RoutableProvider *provider = nullptr;
    QString upstreamModel;
    QString reference() const { return provider->provider.id + QLatin1Char(':') + upstreamModel; }
};

// Where one request may go, in the order to try: the first target, then the fallbacks.
struct RoutePlan
{
    QString rule; // the routing rule used; empty for a plain model reference
    QList<RouteTarget> targets;
    int retries = 0;
    int deadlineMs = RouteRule::defaultDeadlineMs;
};

// Turns the model a client asked for into an ordered list of targets: through the key's
// routing rules, then the global ones, then provider:model or a bare model name; filtered
// by what the key may use; ordered by the rule's strategy, with providers that keep failing
// moved to the end until their cooling-off period is over. Lives on the gateway thread and
// remembers latencies, round-robin positions and provider health across requests.
class Router
{
public:
    using Clock = std::function<qint64()>;   // milliseconds, monotonic
    using Random = std::function<quint32()>; // uniformly distributed
    Router(Clock clock = {}, Random random = {});

    std::variant<RoutePlan, ApiError> plan(const QString &requested, const QStringList &fallbacks,
                                           const KeyConfiguration &configuration,
                                           const GatewaySnapshot &snapshot);

    // What happened to an attempt; failures count towards a provider's cooling-off.
    void recordSuccess(const RouteTarget &target, qint64 firstByteMs);
    void recordFailure(const RouteTarget &target);

    bool isCooling(const QString &providerId) const;
    qint64 coolingUntil(const QString &providerId) const;
    double latencyOf(const QString &reference) const; // EWMA in ms; negative when unknown

    static constexpr int failuresBeforeCooling = 3;
    static constexpr qint64 firstCoolingMs = 30'000;
    static constexpr qint64 longestCoolingMs = 300'000;

private:
    struct Health
    {
        int consecutiveFailures = 0;
        int coolings = 0; // how often in a row it was cooled off: the period doubles
        qint64 coolUntil = 0;
    };
    void order(QList<RouteTarget> &targets, const RouteRule &rule);

    Clock m_clock;
    Random m_random;
    QHash<QString, quint64> m_roundRobin; // rule name -> requests so far
    QHash<QString, double> m_latency;     // provider:model -> EWMA of time to first byte
    QHash<QString, Health> m_health;      // provider id -> health
};

} // namespace gatehouse
