#include "GatewayMetrics.h"

#include "gateway/GatewaySnapshot.h"
#include "log/RequestLog.h"

#include <QFile>
#include <QSet>
#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>
#include <sstream>
#include <unistd.h>

namespace gatehouse {

using prometheus::Counter;
using prometheus::Histogram;

const QByteArray GatewayMetrics::contentType =
    QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");

namespace {

// Seconds, from a few milliseconds (a local model's first token) to long generations.
const Histogram::BucketBoundaries &secondsBuckets()
{
    static const Histogram::BucketBoundaries buckets{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
                                                     2.5,   5,    10,    30,   60,  120,  300};
    return buckets;
}

// Caches keyed by what clients send stop growing here; further values cost a lookup by label.
constexpr qsizetype maxCachedValues = 4096;

// An attempt's outcome as a label, from what the attempt text says after its target: a status,
// or why it was given up (timeout, unreachable, unsupported, no key). Read in place: this runs
// for every request.
const std::string &outcomeLabel(QByteArrayView result, bool last)
{
    static const std::string success("success"), failedOver("failed_over"), error("error"),
        timeout("timeout"), unreachable("unreachable"), unsupported("unsupported"), noKey("no_key");
    if (!result.isEmpty() && result.front() >= '0' && result.front() <= '9') {
        int status = 0;
        for (const char c : result) {
            if (c < '0' || c > '9' || status > 999)
                break;
            status = status * 10 + (c - '0');
        }
        return status < 400 ? success : (last ? error : failedOver);
    }
    if (result.startsWith("timeout"))
        return timeout;
    if (result.startsWith("unreachable"))
        return unreachable;
    if (result.startsWith("unsupported"))
        return unsupported;
    if (result.startsWith("no key"))
        return noKey;
    return error;
}

} // namespace

struct GatewayMetrics::ProviderSeries
{
    std::string label;
    Histogram *duration = nullptr;
    Histogram *ttfb = nullptr;
    std::unordered_map<const std::string *, Counter *> attempts; // by outcome label
};

struct GatewayMetrics::ModelSeries
{
    Counter *input = nullptr;
    Counter *output = nullptr;
    Counter *cached = nullptr;
    Counter *reasoning = nullptr;
    Counter *cost = nullptr;
};

GatewayMetrics::GatewayMetrics() : m_registry(std::make_shared<prometheus::Registry>())
{
    prometheus::Registry &r = *m_registry;
    m_requests = &prometheus::BuildCounter()
                      .Name("gatehouse_requests_total")
                      .Help("Model requests that ended, by endpoint, provider, model and status.")
                      .Register(r);
    m_duration = &prometheus::BuildHistogram()
                      .Name("gatehouse_request_duration_seconds")
                      .Help("Time from a request's arrival to its end, by provider.")
                      .Register(r);
    m_ttfb = &prometheus::BuildHistogram()
                  .Name("gatehouse_time_to_first_byte_seconds")
                  .Help("Time from a request's arrival to the provider's first byte, by provider.")
                  .Register(r);
    m_tokens = &prometheus::BuildCounter()
                    .Name("gatehouse_tokens_total")
                    .Help("Tokens by provider, model and kind (input, output, and of those cached "
                          "input and reasoning output).")
                    .Register(r);
    m_cost = &prometheus::BuildCounter()
                  .Name("gatehouse_cost_usd_total")
                  .Help("Cost in US dollars at catalog prices, by provider and model.")
                  .Register(r);
    m_attempts = &prometheus::BuildCounter()
                      .Name("gatehouse_upstream_attempts_total")
                      .Help("Calls to providers by outcome: success, failed_over, error, "
                            "timeout, unreachable, unsupported, no_key.")
                      .Register(r);
    m_activeStreams = &prometheus::BuildGauge()
                           .Name("gatehouse_active_streams")
                           .Help("Streamed answers in progress.")
                           .Register(r)
                           .Add({});
    m_openConnections = &prometheus::BuildGauge()
                             .Name("gatehouse_open_connections")
                             .Help("Client connections open to the gateway.")
                             .Register(r)
                             .Add({});
    m_cooling = &prometheus::BuildGauge()
                     .Name("gatehouse_provider_cooling_off")
                     .Help("1 while a provider is left out of routing after repeated failures.")
                     .Register(r);
    m_residentMemory = &prometheus::BuildGauge()
                            .Name("process_resident_memory_bytes")
                            .Help("Resident memory size in bytes.")
                            .Register(r)
                            .Add({});
    m_cpuSeconds = &prometheus::BuildCounter()
                        .Name("process_cpu_seconds_total")
                        .Help("Total user and system CPU time spent in seconds.")
                        .Register(r)
                        .Add({});
    m_startTime = &prometheus::BuildGauge()
                       .Name("process_start_time_seconds")
                       .Help("Start time of the process since unix epoch in seconds.")
                       .Register(r)
                       .Add({});
    m_startTime->SetToCurrentTime();
}

GatewayMetrics::~GatewayMetrics() = default;

void GatewayMetrics::setSnapshot(const GatewaySnapshot &snapshot)
{
    QSet<QString> providers;
    QSet<QString> models;
    m_configuredProviders.clear();
    for (const RoutableProvider &rp : snapshot.providers) {
        providers.insert(rp.provider.id);
        m_configuredProviders << rp.provider.id;
        for (const QString &m : rp.provider.models)
            models.insert(m);
        if (rp.catalog) {
            for (const CatalogModel &m : rp.catalog->models)
                models.insert(m.id);
        }
    }
    for (const RouteRule &rule : snapshot.routes) {
        for (const RouteCandidate &c : rule.candidates) {
            const qsizetype colon = c.model.indexOf(QLatin1Char(':'));
            if (colon > 0)
                models.insert(c.model.mid(colon + 1));
        }
    }
    m_providers.setKnown(providers);
    m_models.setKnown(models);
    // Caches may hold values that were "other" and are configured now.
    m_requestSeries.clear();
    m_providerSeries.clear();
    m_modelSeries.clear();
}

const std::string &GatewayMetrics::providerLabel(const QString &provider)
{
    static const std::string none("none");
    return provider.isEmpty() ? none : m_providers.label(provider);
}

const std::string &GatewayMetrics::modelLabel(const QString &model)
{
    static const std::string none("none");
    return model.isEmpty() ? none : m_models.label(model);
}

GatewayMetrics::ProviderSeries &GatewayMetrics::provider(const QString &id)
{
    if (const auto it = m_providerSeries.constFind(id); it != m_providerSeries.constEnd())
        return **it;
    const std::string &label = providerLabel(id);
    auto &slot = m_providerByLabel[label];
    if (!slot) {
        slot = std::make_unique<ProviderSeries>();
        slot->label = label;
        slot->duration = &m_duration->Add({{"provider", label}}, secondsBuckets());
        slot->ttfb = &m_ttfb->Add({{"provider", label}}, secondsBuckets());
    }
    if (m_providerSeries.size() < maxCachedValues)
        m_providerSeries.insert(id, slot.get());
    return *slot;
}

GatewayMetrics::ModelSeries &GatewayMetrics::model(const QString &providerId, const QString &id)
{
    const std::pair<QString, QString> key{providerId, id};
    if (const auto it = m_modelSeries.constFind(key); it != m_modelSeries.constEnd())
        return **it;
    const std::string &p = providerLabel(providerId);
    const std::string &m = modelLabel(id);
    auto &slot = m_modelByLabel[p + '\n' + m];
    if (!slot) {
        slot = std::make_unique<ModelSeries>();
        auto kind = [&](const char *k) -> Counter * {
            return &m_tokens->Add({{"provider", p}, {"model", m}, {"kind", k}});
        };
        slot->input = kind("input");
        slot->output = kind("output");
        slot->cached = kind("cached");
        slot->reasoning = kind("reasoning");
        slot->cost = &m_cost->Add({{"provider", p}, {"model", m}});
    }
    if (m_modelSeries.size() < maxCachedValues)
        m_modelSeries.insert(key, slot.get());
    return *slot;
}

GatewayMetrics::RequestSeries GatewayMetrics::series(const char *endpoint,
                                                     const RequestLogEntry &row)
{
    // Statuses are HTTP's; anything outside 100..599 would be a bug, but stays one series.
    const int status = row.status >= 100 && row.status <= 599 ? row.status : 0;
    RequestKey key{endpoint, row.provider, row.model, status};
    if (const auto it = m_requestSeries.constFind(key); it != m_requestSeries.constEnd())
        return *it;
    RequestSeries s;
    s.requests = &m_requests->Add({{"endpoint", endpoint},
                                   {"provider", providerLabel(row.provider)},
                                   {"model", modelLabel(row.model)},
                                   {"status", std::to_string(status)}});
    if (!row.provider.isEmpty()) {
        s.provider = &provider(row.provider);
        s.model = &model(row.provider, row.model);
    }
    if (m_requestSeries.size() < maxCachedValues)
        m_requestSeries.insert(key, s);
    return s;
}

void GatewayMetrics::recordRequest(const char *endpoint, const RequestLogEntry &row,
                                   const QList<QByteArray> &attempts)
{
    const RequestSeries s = series(endpoint, row);
    s.requests->Increment();
    if (s.provider) {
        s.provider->duration->Observe(double(row.totalMs) / 1000.0);
        if (row.firstByteMs >= 0)
            s.provider->ttfb->Observe(double(row.firstByteMs) / 1000.0);
        ModelSeries &m = *s.model;
        if (row.inputTokens > 0)
            m.input->Increment(double(row.inputTokens));
        if (row.outputTokens > 0)
            m.output->Increment(double(row.outputTokens));
        if (row.cachedTokens > 0)
            m.cached->Increment(double(row.cachedTokens));
        if (row.reasoningTokens > 0)
            m.reasoning->Increment(double(row.reasoningTokens));
        if (row.cost > 0)
            m.cost->Increment(row.cost);
    }
    if (!attempts.isEmpty())
        recordAttempts(row, s.provider, attempts);
}

void GatewayMetrics::recordAttempts(const RequestLogEntry &row, ProviderSeries *answered,
                                    const QList<QByteArray> &attempts)
{
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        const QByteArray &attempt = attempts[i];
        const qsizetype colon = attempt.indexOf(':');
        const qsizetype space = attempt.indexOf(' ', std::max<qsizetype>(colon, 0));
        if (colon <= 0 || space < 0)
            continue;
        // Usually the provider that answered: its series is at hand.
        const QUtf8StringView id(attempt.constData(), colon);
        ProviderSeries &p = answered && QAnyStringView::equal(id, row.provider)
                                ? *answered
                                : provider(id.toString());
        const std::string &outcome =
            outcomeLabel(QByteArrayView(attempt).sliced(space + 1), i + 1 == attempts.size());
        auto &counter = p.attempts[&outcome];
        if (!counter)
            counter = &m_attempts->Add({{"provider", p.label}, {"outcome", outcome}});
        counter->Increment();
    }
}

void GatewayMetrics::streamStarted()
{
    m_activeStreams->Increment();
}

void GatewayMetrics::streamEnded()
{
    m_activeStreams->Decrement();
}

void GatewayMetrics::updateProcess()
{
    // /proc/self/stat: utime and stime are fields 14 and 15 (clock ticks), after the command
    // name in parentheses, which may hold spaces.
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 21) {
            const double ticks = double(sysconf(_SC_CLK_TCK));
            const double cpu = (fields[11].toDouble() + fields[12].toDouble()) / ticks;
            if (cpu > m_cpuReported) {
                m_cpuSeconds->Increment(cpu - m_cpuReported);
                m_cpuReported = cpu;
            }
            const double pageSize = double(sysconf(_SC_PAGESIZE));
            m_residentMemory->Set(fields[21].toDouble() * pageSize);
        }
    }
}

QByteArray GatewayMetrics::scrape()
{
    updateProcess();
    if (m_sources.openConnections)
        m_openConnections->Set(m_sources.openConnections());
    for (const QString &id : std::as_const(m_configuredProviders)) {
        const bool cooling = m_sources.coolingOff && m_sources.coolingOff(id);
        m_cooling->Add({{"provider", providerLabel(id)}}).Set(cooling ? 1 : 0);
    }
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, m_registry->Collect());
    const std::string text = out.str();
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace gatehouse
