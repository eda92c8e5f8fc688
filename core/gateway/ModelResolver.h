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
    static std::variant<ResolvedModel, ApiError> resolve(const QString &requested,
                                                         const GatewaySnapshot &snapshot);
    // Every "provider:model" the snapshot can route to by name.
    static QStringList knownModels(const GatewaySnapshot &snapshot);
};

} // namespace gatehouse
