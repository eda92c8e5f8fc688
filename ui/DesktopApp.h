#pragma once

#include "gateway/GatewayRuntime.h"

#include <QCoreApplication>
#include <memory>

namespace gatehouse {

// Starts the desktop application: the gateway on its own thread, and the window.
class DesktopApp
{
public:
    struct Options
    {
        GatewayRuntime::Overrides overrides;
        bool minimised = false; // start in the tray (also a setting)
    };

    static std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv);
    // Loads Gatehouse's and Qt's translations: `language` ("de", "zh_CN", …) or, when empty,
    // the system's. Returns the locale name used.
    static QString installTranslations(const QString &language);
    static int run(const ConfigStore &store, SecretStore *secrets, const Options &options);
};

} // namespace gatehouse
