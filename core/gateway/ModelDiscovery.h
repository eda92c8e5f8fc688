#pragma once

#include "GatewaySnapshot.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <functional>

namespace gatehouse {

class UpstreamClient;

// Asks providers that pass any model name through (no model list configured) which models
// they serve, for GET /v1/models. Answers are kept for a minute; a provider that does not
// answer in a few seconds is left out of the list rather than holding it up.
class ModelDiscovery : public QObject
{
    Q_OBJECT
public:
    using Models = QHash<QString, QStringList>; // provider id -> model names
    ModelDiscovery(UpstreamClient *client, QObject *parent = nullptr);

    // Calls `done` once, with what every provider answered (failures are absent).
    void discover(const QList<const RoutableProvider *> &providers, QObject *context,
                  std::function<void(const Models &)> done);

    // The model ids in a model list ({"data":[{"id":…}]}): OpenAI's, Anthropic's, and the
    // OpenAI-compatible endpoints of Ollama, LM Studio and the like all answer this shape.
    static QStringList parseModelList(const QByteArray &json);

    static constexpr int cacheMs = 60'000;

private:
    struct Cached
    {
        QStringList models;
        qint64 at;
    };
    UpstreamClient *m_client;
    QHash<QString, Cached> m_cache; // by models URL
    QElapsedTimer m_clock;
};

} // namespace gatehouse
