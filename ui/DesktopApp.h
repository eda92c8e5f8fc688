#pragma once

#include "gateway/GatewayRuntime.h"

#include <QCoreApplication>
#include <memory>

namespace gatehouse {

// Starts the desktop application: the gateway on its own thread, and the window.
class DesktopApp
{
public:
    static std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv);
    static int run(const ConfigStore &store, SecretStore *secrets,
                   const GatewayRuntime::Overrides &overrides);
};

} // namespace gatehouse
