#include "Router.h"

#include "ModelResolver.h"
#include "config/ModelReference.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <algorithm>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Router", text);
}

} // namespace

Router::Router(Clock clock, Random random) : m_clock(std::move(clock)), m_random(std::move(random))
{
    if (!m_clock) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        // Offset so that "cool until 0" is always in the past.
        m_clock = [timer] { return timer->elapsed() + 1; };
    }
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generate(); };
}

std::variant<RoutePlan, ApiError> Router::plan(const QString &requested,
                                               const QStringList &fallbacks,
                                               const KeyConfiguration &configuration,
                                               const GatewaySnapshot &snapshot)
{
    RoutePlan plan;
    QList<RouteTarget> targets;
    std::optional<ApiError> firstError;
    auto add = [&](const QString &reference) {
        auto resolved = ModelResolver::resolveAll(reference, snapshot);
        if (auto *error = std::get_if<ApiError>(&resolved)) {
            if (!firstError)
                firstError = *error;
            return;
        }
        for (const ResolvedModel &r : std::get<QList<ResolvedModel>>(resolved)) {
            RouteTarget t{r.provider, r.upstreamModel};
            const bool seen =
                std::any_of(targets.cbegin(), targets.cend(), [&t](const RouteTarget &o) {
                    return o.provider == t.provider && o.upstreamModel == t.upstreamModel;
                });
            if (!seen)
                targets.append(t);
        }
    };

    const RouteRule *rule = configuration.route(requested);
    if (!rule)
        rule = snapshot.route(requested);
    if (rule) {
        plan.rule = rule->name;
        plan.retries = rule->retries;
        plan.deadlineMs = rule->deadlineMs;
        for (const RouteCandidate &c : rule->candidates)
            add(c.model);
        // Every candidate names a provider or model the configuration does not offer: a
        // configuration problem no retry will solve, so a 4xx that says what to fix.
        if (targets.isEmpty())
            return ApiError::notFound(
                tr("No candidate of route \"%1\" can be used: %2 Fix the route's candidates, "
                   "or the providers and models they name.")
                    .arg(rule->name, firstError ? firstError->message : tr("it has none.")),
                QStringLiteral("route_misconfigured"));
        order(targets, *rule);
    } else {
        add(requested);
        if (targets.isEmpty())
            return *firstError;
    }
    // Fallbacks the request itself names ("models": [...]) come after.
    for (const QString &f : fallbacks)
        add(f);

    // What the key may not use is left out; if that is everything, say why.
    QList<RouteTarget> allowed;
    for (const RouteTarget &t : std::as_const(targets)) {
        if (configuration.allows(t.provider->provider.id, t.upstreamModel))
            allowed.append(t);
    }
    if (allowed.isEmpty()) {
        return ApiError::forbidden(
            tr("This access key's configuration \"%1\" does not allow %2. It allows: %3.")
                .arg(configuration.name, targets.first().reference(),
                     configuration.allow.join(QLatin1String(", "))),
            QStringLiteral("model_not_allowed"));
    }

    // Providers cooling off go last: tried only when nothing else answers.
    std::stable_partition(allowed.begin(), allowed.end(), [this](const RouteTarget &t) {
        return !isCooling(t.provider->provider.id);
    });
    plan.targets = allowed;
    return plan;
}

void Router::order(QList<RouteTarget> &targets, const RouteRule &rule)
{
    if (targets.size() < 2)
        return;
    switch (rule.strategy) {
    case RouteStrategy::InOrder:
        return;
    case RouteStrategy::RoundRobin: {
        const quint64 n = m_roundRobin[rule.name]++;
        std::rotate(targets.begin(), targets.begin() + qsizetype(n % quint64(targets.size())),
                    targets.end());
        return;
    }
    case RouteStrategy::Weighted: {
        // Draw the first by weight; the rest follow by weight, heaviest first.
        auto weightOf = [&rule](const RouteTarget &t) {
            for (const RouteCandidate &c : rule.candidates) {
                if (c.model == t.reference())
                    return c.weight;
            }
            return 1;
        };
        quint64 total = 0;
        for (const RouteTarget &t : targets)
            total += quint64(weightOf(t));
        quint64 draw = m_random() % total;
        qsizetype chosen = 0;
        for (qsizetype i = 0; i < targets.size(); ++i) {
            const quint64 w = quint64(weightOf(targets[i]));
            if (draw < w) {
                chosen = i;
                break;
            }
            draw -= w;
        }
        const RouteTarget first = targets.takeAt(chosen);
        std::stable_sort(targets.begin(), targets.end(),
                         [&weightOf](const RouteTarget &a, const RouteTarget &b) {
                             return weightOf(a) > weightOf(b);
                         });
        targets.prepend(first);
        return;
    }
    case RouteStrategy::LowestLatency:
        // Candidates never measured go first, so that every one gets measured.
        std::stable_sort(targets.begin(), targets.end(),
                         [this](const RouteTarget &a, const RouteTarget &b) {
                             return latencyOf(a.reference()) < latencyOf(b.reference());
                         });
        return;
    }
}

void Router::recordSuccess(const RouteTarget &target, qint64 firstByteMs)
{
    const QString ref = target.reference();
    const auto it = m_latency.find(ref);
    if (it == m_latency.end())
        m_latency.insert(ref, double(firstByteMs));
    else
        *it = 0.7 * *it + 0.3 * double(firstByteMs);
    m_health.remove(target.provider->provider.id);
}

void Router::recordFailure(const RouteTarget &target)
{
    Health &h = m_health[target.provider->provider.id];
    const qint64 now = m_clock();
    if (h.coolUntil > 0 && now >= h.coolUntil) {
        // The probe after a cooling-off failed: cool off again, for longer.
        h.coolUntil = now + std::min(longestCoolingMs, firstCoolingMs << std::min(h.coolings, 4));
        ++h.coolings;
        return;
    }
    if (++h.consecutiveFailures >= failuresBeforeCooling && h.coolUntil <= now) {
        h.coolUntil = now + std::min(longestCoolingMs, firstCoolingMs << std::min(h.coolings, 4));
        ++h.coolings;
    }
}

qint64 Router::coolingUntil(const QString &providerId) const
{
    return m_health.value(providerId).coolUntil;
}

bool Router::isCooling(const QString &providerId) const
{
    const auto it = m_health.constFind(providerId);
    return it != m_health.constEnd() && it->coolUntil > m_clock();
}

double Router::latencyOf(const QString &reference) const
{
    return m_latency.value(reference, -1.0);
}

} // namespace gatehouse
