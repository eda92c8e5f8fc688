#pragma once

#include "ApiError.h"
#include "GatewaySnapshot.h"

#include <optional>
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
    // Longer names are refused before any lookup or "did you mean" search: no provider has
    // model names this long, and a search through megabytes of name would hold up the gateway.
    static constexpr qsizetype maxModelNameLength = 256;
    // The 400 for a name over the limit; empty when the name is within it.
    static std::optional<ApiError> checkLength(const QString &requested);

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
