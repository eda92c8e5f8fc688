#include "HeadlessRunner.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // write() is async-signal-safe; the event loop does the rest.
    [[maybe_unused]] const auto n = ::write(signalPipe[0], &byte, 1);
}

} // namespace

int HeadlessRunner::run(const ConfigStore &store, SecretStore *secrets,
                        const GatewayRuntime::Overrides &overrides)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, qApp);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] {
            char byte;
            [[maybe_unused]] const auto n = ::read(signalPipe[1], &byte, 1);
            QCoreApplication::quit();
        });
        struct sigaction sa
        {
        };
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGINT, &sa, nullptr);
        sigaction(SIGTERM, &sa, nullptr);
    }
    std::signal(SIGPIPE, SIG_IGN);

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
