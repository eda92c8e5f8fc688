#pragma once

#include "ApiError.h"
#include "GatewaySnapshot.h"

#include <variant>

namespace gatehouse {

// Where a request goes: the provider and the model name the upstream knows.
struct ResolvedModel
{
    const RoutableProvider *provider = nullptr;
    QString upstreamModel;
};

// Turns the model a client asked for into a provider and upstream model name.
class ModelResolver
{
public:
    // Every provider that can serve it: one for provider:model; for a bare name, each
    // enabled provider that lists the model (or whose catalog entry does), in priority order.
    static std::variant<QList<ResolvedModel>, ApiError> resolveAll(const QString &requested,
                                                                   const GatewaySnapshot &snapshot);
    // Whether a provider offers a model by name: its own list, or its catalog's when it has
    // no list of its own.
    static bool lists(const RoutableProvider &provider, const QString &model);
    // Every "provider:model" the snapshot can route to by name.
    static QStringList knownModels(const GatewaySnapshot &snapshot);
};

} // namespace gatehouse
