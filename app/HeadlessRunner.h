#pragma once

#include "gateway/GatewayRuntime.h"

namespace gatehouse {

// Runs the gateway without a window until SIGINT or SIGTERM, then shuts down cleanly.
class HeadlessRunner
{
public:
    static int run(const ConfigStore &store, SecretStore *secrets,
                   const GatewayRuntime::Overrides &overrides);
};

} // namespace gatehouse
