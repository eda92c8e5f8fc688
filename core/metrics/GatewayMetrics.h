#pragma once

#include "LabelBound.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <functional>
#include <memory>
#include <unordered_map>

namespace prometheus {
class Counter;
class Gauge;
class Histogram;
class Registry;
template <typename T> class Family;
} // namespace prometheus

namespace gatehouse {

struct GatewaySnapshot;
struct RequestLogEntry;

// The gateway's Prometheus metrics (GET /metrics): requests, durations, tokens, cost and
// attempts by bounded labels, streams and connections in flight, providers cooling off, and
// the process's memory and CPU. Lives on the gateway thread. Recording a request looks up
// series made once (no label maps are built per request after the first of its kind).
class GatewayMetrics
{
public:
    // What is read at scrape time from elsewhere on the gateway thread.
    struct Sources
    {
        std::function<int()> openConnections;
        std::function<bool(const QString &provider)> coolingOff;
    };
    GatewayMetrics();
    ~GatewayMetrics();
    GatewayMetrics(const GatewayMetrics &) = delete;
    GatewayMetrics &operator=(const GatewayMetrics &) = delete;

    void setSources(Sources sources) { m_sources = std::move(sources); }
    // The configured providers and models: their labels are always their own.
    void setSnapshot(const GatewaySnapshot &snapshot);

    // A finished model request, as its log row says, and its attempts ("provider:model 429
    // (130 ms)", "provider:model 200").
    void recordRequest(const char *endpoint, const RequestLogEntry &row,
                       const QList<QByteArray> &attempts);
    // A stream began (headers sent) or ended.
    void streamStarted();
    void streamEnded();

    // Every metric in Prometheus's text format (version 0.0.4).
    QByteArray scrape();

    // The label for a provider and a model, as they appear in the series.
    const std::string &providerLabel(const QString &provider);
    const std::string &modelLabel(const QString &model);

    static constexpr int maxExtraProviders = 16;
    static constexpr int maxExtraModels = 64;
    static const QByteArray contentType;

private:
    struct ProviderSeries;
    struct ModelSeries;
    struct RequestKey
    {
        const char *endpoint;
        QString provider;
        QString model;
        int status;
        bool operator==(const RequestKey &o) const
        {
            return endpoint == o.endpoint && status == o.status && provider == o.provider &&
                   model == o.model;
        }
    };
    friend size_t qHash(const RequestKey &key, size_t seed)
    {
        return qHashMulti(seed, reinterpret_cast<quintptr>(key.endpoint), key.provider, key.model,
                          key.status);
    }
    // Every series one kind of request counts into, found with one lookup.
    struct RequestSeries
    {
        prometheus::Counter *requests = nullptr;
        ProviderSeries *provider = nullptr; // null without a provider
        ModelSeries *model = nullptr;
    };
    ProviderSeries &provider(const QString &id);
    ModelSeries &model(const QString &provider, const QString &model);
    RequestSeries series(const char *endpoint, const RequestLogEntry &row);
    void recordAttempts(const RequestLogEntry &row, ProviderSeries *answered,
                        const QList<QByteArray> &attempts);
    void updateProcess();

    std::shared_ptr<prometheus::Registry> m_registry;
    prometheus::Family<prometheus::Counter> *m_requests;
    prometheus::Family<prometheus::Histogram> *m_duration;
    prometheus::Family<prometheus::Histogram> *m_ttfb;
    prometheus::Family<prometheus::Counter> *m_tokens;
    prometheus::Family<prometheus::Counter> *m_cost;
    prometheus::Family<prometheus::Counter> *m_attempts;
    prometheus::Gauge *m_activeStreams;
    prometheus::Gauge *m_openConnections;
    prometheus::Family<prometheus::Gauge> *m_cooling;
    prometheus::Gauge *m_residentMemory;
    prometheus::Counter *m_cpuSeconds;
    prometheus::Gauge *m_startTime;
    double m_cpuReported = 0;

    LabelBound m_providers{maxExtraProviders};
    LabelBound m_models{maxExtraModels};
    // Series by the values requests bring (bounded caches; values past the bound are looked up
    // by label each time), and the series themselves by label.
    QHash<RequestKey, RequestSeries> m_requestSeries;
    QHash<QString, ProviderSeries *> m_providerSeries;
    QHash<std::pair<QString, QString>, ModelSeries *> m_modelSeries;
    std::unordered_map<std::string, std::unique_ptr<ProviderSeries>> m_providerByLabel;
    std::unordered_map<std::string, std::unique_ptr<ModelSeries>> m_modelByLabel;
    QStringList m_configuredProviders;
    Sources m_sources;
};

} // namespace gatehouse
