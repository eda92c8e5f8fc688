// Gatehouse: a desktop app with a built-in local AI gateway.
#include "Cli.h"
#include "HeadlessRunner.h"
#include "config/ConfigStore.h"
#include "secrets/KeychainSecretStore.h"

#ifdef GATEHOUSE_WITH_GUI
#include "DesktopApp.h"
#endif

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace gatehouse;

namespace {

int failUsage(const QString &message)
{
    std::fprintf(stderr, "gatehouse: %s\n", message.simplified().toLocal8Bit().constData());
    return 2;
}

bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

// The window opens only for a plain start ("gatehouse", optionally with --config-dir, --port or
// --bind) where there is a display. Commands, --headless, --help, --version and anything
// unrecognised run without one, so scripts never get a window or GUI warnings.
bool wantsWindow(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        const bool takesValue = !std::strcmp(a, "--config-dir") || !std::strcmp(a, "--port") ||
                                !std::strcmp(a, "--bind");
        const bool withValue = !std::strncmp(a, "--config-dir=", 13) ||
                               !std::strncmp(a, "--port=", 7) || !std::strncmp(a, "--bind=", 7);
        if (takesValue)
            ++i;
        else if (!withValue && std::strcmp(a, "--minimised") != 0)
            return false;
    }
    return hasDisplay();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    QCoreApplication::setOrganizationName(QStringLiteral("gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));

    std::unique_ptr<QCoreApplication> app;
    const bool window = wantsWindow(argc, argv);
#ifdef GATEHOUSE_WITH_GUI
    if (window)
        app = DesktopApp::createApplication(argc, argv);
    else
#endif
        app = std::make_unique<QCoreApplication>(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Gatehouse: one local endpoint for every AI model you use."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configDir(
        QStringLiteral("config-dir"),
        QCoreApplication::translate("main", "Use DIR for the configuration."),
        QStringLiteral("DIR"));
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QCoreApplication::translate("main", "Run the gateway without a window."));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QCoreApplication::translate("main", "Listen on port N (0 picks a free one)."),
        QStringLiteral("N"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QCoreApplication::translate("main", "Listen on address ADDR."),
                                  QStringLiteral("ADDR"));
    const QCommandLineOption url(QStringLiteral("url"),
                                 QCoreApplication::translate("main", "Provider base URL."),
                                 QStringLiteral("URL"));
    const QCommandLineOption surface(
        QStringLiteral("surface"),
        QCoreApplication::translate("main", "Provider API surface: openai or anthropic."),
        QStringLiteral("SURFACE"));
    const QCommandLineOption model(
        QStringLiteral("model"),
        QCoreApplication::translate("main", "A model the provider offers (repeatable)."),
        QStringLiteral("M"));
    const QCommandLineOption header(
        QStringLiteral("header"),
        QCoreApplication::translate("main", "An extra header \"Name: value\" (repeatable)."),
        QStringLiteral("HEADER"));
    const QCommandLineOption name(QStringLiteral("name"),
                                  QCoreApplication::translate("main", "Provider display name."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption minimised(
        QStringLiteral("minimised"),
        QCoreApplication::translate("main", "Start with the window hidden in the tray."));
    parser.addOptions(
        {configDir, headless, minimised, port, bind, url, surface, model, header, name});
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("main",
                                    "provider add|list|remove|set-key, key create|list|revoke"));
    if (!parser.parse(QCoreApplication::arguments()))
        return failUsage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(parser.helpText().toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("gatehouse %s\n", GATEHOUSE_VERSION);
        return 0;
    }

    const QString directory =
        parser.isSet(configDir) ? parser.value(configDir) : ConfigStore::defaultDirectory();
    ConfigStore store(directory);
    KeychainSecretStore secrets;

    const QStringList words = parser.positionalArguments();
    if (!words.isEmpty()) {
        if (!Cli::isCommand(words.first()))
            return failUsage(
                QCoreApplication::translate("main", "unknown command \"%1\"; see gatehouse --help.")
                    .arg(words.first()));
        for (const auto *o : {&headless, &minimised, &port, &bind}) {
            if (parser.isSet(*o))
                return failUsage(
                    QCoreApplication::translate("main", "--%1 does not apply to \"%2\".")
                        .arg(o->names().first(), words.first()));
        }
        Cli::Options options{parser.value(url), parser.value(surface), parser.value(name),
                             parser.values(model), parser.values(header)};
        return Cli(store, &secrets).run(words, options);
    }
    for (const auto *o : {&url, &surface, &model, &header, &name}) {
        if (parser.isSet(*o))
            return failUsage(
                QCoreApplication::translate("main", "--%1 only applies to \"provider add\".")
                    .arg(o->names().first()));
    }

#ifdef GATEHOUSE_WITH_GUI
    DesktopApp::Options desktop;
    GatewayRuntime::Overrides &overrides = desktop.overrides;
    desktop.minimised = parser.isSet(minimised);
#else
    GatewayRuntime::Overrides overrides;
#endif
    if (parser.isSet(port)) {
        bool ok = false;
        const uint n = parser.value(port).toUInt(&ok);
        if (!ok || n > 65535)
            return failUsage(
                QCoreApplication::translate("main", "--port must be a number from 0 to 65535."));
        overrides.port = static_cast<quint16>(n);
    }
    if (parser.isSet(bind)) {
        if (QHostAddress(parser.value(bind)).isNull())
            return failUsage(QCoreApplication::translate(
                "main", "--bind must be an IP address such as 127.0.0.1."));
        overrides.bindAddress = parser.value(bind);
    }

#ifdef GATEHOUSE_WITH_GUI
    if (window)
        return DesktopApp::run(store, &secrets, desktop);
#endif
    if (!parser.isSet(headless) && !hasDisplay())
        std::fprintf(stderr,
                     "gatehouse: no display found; running the gateway without a window.\n");
    return HeadlessRunner::run(store, &secrets, overrides);
}
