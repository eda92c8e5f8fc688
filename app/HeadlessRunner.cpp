#include "HeadlessRunner.h"

#include "util/QuitOnSignal.h"

#include <QCoreApplication>
#include <cstdio>

namespace gatehouse {

int HeadlessRunner::run(const ConfigStore &store, SecretStore *secrets,
                        const GatewayRuntime::Overrides &overrides)
{
    quitOnTerminationSignals();

    GatewayRuntime runtime(store, secrets, overrides);
    int exitCode = 0;
    QObject::connect(&runtime, &GatewayRuntime::listening, [](const QString &url) {
        std::printf("listening on %s\n", url.toLocal8Bit().constData());
        std::fflush(stdout);
    });
    QObject::connect(&runtime, &GatewayRuntime::startFailed, [&exitCode](const QString &error) {
        std::fprintf(stderr, "gatehouse: %s\n", error.toLocal8Bit().constData());
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    // The keyless Ollama API listener follows the config; say where it is, or why not. Not in
    // the words of the "listening on" line, which scripts read for the gateway's port.
    QObject::connect(
        runtime.service(), &GatewayService::ollamaApiChanged,
        [](quint16 port, const QString &error) {
            if (!error.isEmpty())
                std::fprintf(stderr, "gatehouse: %s\n", error.toLocal8Bit().constData());
            else if (port != 0)
                std::printf("Ollama API without a key at http://127.0.0.1:%u\n", unsigned(port));
            else
                std::printf("Ollama API closed\n");
            std::fflush(stdout);
            std::fflush(stderr);
        });
    QObject::connect(&runtime, &GatewayRuntime::configError, [](const QString &error) {
        std::fprintf(stderr, "gatehouse: %s The gateway keeps its previous settings.\n",
                     error.toLocal8Bit().constData());
    });
    QObject::connect(&runtime, &GatewayRuntime::keychainError, [](const QString &error) {
        std::fprintf(stderr, "gatehouse: %s\n", error.toLocal8Bit().constData());
    });
    if (auto s = runtime.start(); !s) {
        std::fprintf(stderr, "gatehouse: %s\n", s.error().simplified().toLocal8Bit().constData());
        return 1;
    }
    const int rc = QCoreApplication::exec();
    return exitCode ? exitCode : rc;
}

} // namespace gatehouse
