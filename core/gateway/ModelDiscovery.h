#pragma once

#include "GatewaySnapshot.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <functional>

namespace gatehouse {

class UpstreamTransport;

// Asks providers that pass any model name through (no model list configured) which models
// they serve, for GET /v1/models. Answers are kept for a minute; a provider that does not
// answer in a few seconds is left out of the list rather than holding it up.
class ModelDiscovery : public QObject
{
    Q_OBJECT
public:
    using Models = QHash<QString, QStringList>; // provider id -> model names
    ModelDiscovery(UpstreamTransport *client, QObject *parent = nullptr);

    // Calls `done` once, with what every provider answered (failures are absent).
    void discover(const QList<const RoutableProvider *> &providers, QObject *context,
                  std::function<void(const Models &)> done);

    // A model list larger than this is not a model list.
    static constexpr qsizetype maxListBytes = qsizetype{8} * 1024 * 1024;
    static constexpr int cacheMs = 60'000;

private:
    struct Cached
    {
        QStringList models;
        qint64 at;
    };
    UpstreamTransport *m_client;
    QHash<QString, Cached> m_cache; // by models URL
    QElapsedTimer m_clock;
};

} // namespace gatehouse
