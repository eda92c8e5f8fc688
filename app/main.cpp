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
        QCoreApplication::translate("main", "Listen on port N (0 picks a free one); with "
                                            "ollama-api enable: the Ollama API's port."),
        QStringLiteral("N"));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  QCoreApplication::translate("main", "Listen on address ADDR."),
                                  QStringLiteral("ADDR"));
    // Options of the management commands; each command says which it takes.
    struct CommandOption
    {
        QCommandLineOption option;
        QString *single;
        QStringList *many;
        bool flag = false; // takes no value
    };
    Cli::Options cliOptions;
    auto commandOption = [](const char *name, const char *help, const char *value) {
        return QCommandLineOption(QString::fromLatin1(name),
                                  QCoreApplication::translate("main", help),
                                  QString::fromLatin1(value));
    };
    const QList<CommandOption> commandOptions{
        {commandOption("url",
                       "Provider base URL; connect: the gateway address the tool uses (default: "
                       "from the configuration).",
                       "URL"),
         &cliOptions.url, nullptr},
        {QCommandLineOption(
             QStringLiteral("surface"),
             QCoreApplication::translate("main", "An API the provider speaks: %1 (repeatable).")
                 .arg(apiSurfaceNameList()),
             QStringLiteral("SURFACE")),
         nullptr, &cliOptions.surfaces},
        {commandOption("model",
                       "A model the provider offers (repeatable); connect: the model the tool "
                       "uses, PROVIDER:MODEL or a route.",
                       "M"),
         nullptr, &cliOptions.models},
        {commandOption("small-model",
                       "connect: the model for the tool's quick side tasks (default: --model).",
                       "M"),
         &cliOptions.smallModel, nullptr},
        {commandOption("header", "An extra header \"Name: value\" (repeatable).", "HEADER"),
         nullptr, &cliOptions.headers},
        {commandOption("secret-header",
                       "A header \"Name: value\" whose value is kept in the keychain "
                       "(repeatable).",
                       "HEADER"),
         nullptr, &cliOptions.secretHeaders},
        {commandOption("name", "Provider display name.", "NAME"), &cliOptions.name, nullptr},
        {commandOption("label", "provider set-key: store the key under this label.", "LABEL"),
         &cliOptions.label, nullptr},
        {commandOption(
             "to", "route set: a candidate provider:model[=weight] (repeatable, in order).", "REF"),
         nullptr, &cliOptions.to},
        {commandOption("strategy", "route set: in-order, round-robin, weighted or lowest-latency.",
                       "S"),
         &cliOptions.strategy, nullptr},
        {commandOption("retries", "route set: extra tries of a candidate before the next.", "N"),
         &cliOptions.retries, nullptr},
        {commandOption("deadline", "route set: seconds for all attempts together.", "SECONDS"),
         &cliOptions.deadline, nullptr},
        {commandOption("allow", "key config set: a model pattern the key may use (repeatable).",
                       "PATTERN"),
         nullptr, &cliOptions.allow},
        {commandOption("rpm", "key config set: requests per minute (0: no limit).", "N"),
         &cliOptions.rpm, nullptr},
        {commandOption("tokens-per-day", "key config set: tokens per UTC day (0: no limit).", "N"),
         &cliOptions.tokensPerDay, nullptr},
        {commandOption("spend-per-month", "key config set: US dollars per month (0: no limit).",
                       "USD"),
         &cliOptions.spendPerMonth, nullptr},
        {commandOption("provider-key",
                       "key config set: PROVIDER=LABEL, the stored key to bill (repeatable).",
                       "P=L"),
         nullptr, &cliOptions.providerKeys},
        {commandOption("key-config",
                       "key create: the key configuration to use; route set|remove: the key "
                       "configuration whose own route it is; ollama-api enable: the key "
                       "configuration its requests use.",
                       "NAME"),
         &cliOptions.keyConfig, nullptr},
        {commandOption("from",
                       "import: the file's format: litellm, claude-code-router or continue.",
                       "FORMAT"),
         &cliOptions.from, nullptr},
        {commandOption("format", "export: portkey, litellm or envoy-ai-gateway.", "FORMAT"),
         &cliOptions.format, nullptr},
        {commandOption("route", "export: only this route.", "NAME"), &cliOptions.route, nullptr},
        {commandOption("out", "export: write to FILE instead of standard output.", "FILE"),
         &cliOptions.out, nullptr},
        {commandOption("capture-content",
                       "key config set: on keeps the bodies of requests and answers; off (the "
                       "default) keeps none.",
                       "on|off"),
         &cliOptions.captureContent, nullptr},
        {commandOption("capture-retention-days", "key config set: days captured bodies are kept.",
                       "DAYS"),
         &cliOptions.captureRetentionDays, nullptr},
        {commandOption("capture-max-bytes",
                       "key config set: the most bytes of each body that are kept.", "N"),
         &cliOptions.captureMaxBytes, nullptr},
        {commandOption("since", "logs, usage: only the last DURATION (90s, 15m, 24h, 7d).",
                       "DURATION"),
         &cliOptions.since, nullptr},
        {commandOption("limit", "logs: at most N rows (default 50).", "N"), &cliOptions.limit,
         nullptr},
        {commandOption("key", "logs: only requests with this access key.", "NAME"), &cliOptions.key,
         nullptr},
        {commandOption("provider", "logs: only requests answered by this provider.", "P"),
         &cliOptions.provider, nullptr},
        {commandOption("status", "logs: only requests that ended with this HTTP status.", "CODE"),
         &cliOptions.status, nullptr},
        {commandOption("before", "logs --clear: only rows older than DATE.", "DATE"),
         &cliOptions.before, nullptr},
        {commandOption("by", "usage: group by provider, model, key or day.", "GROUP"),
         &cliOptions.by, nullptr},
        {QCommandLineOption(
             QStringLiteral("json"),
             QCoreApplication::translate("main", "logs, usage: one JSON object a line.")),
         nullptr, nullptr, true},
        {QCommandLineOption(QStringLiteral("csv"),
                            QCoreApplication::translate("main", "usage: comma-separated values.")),
         nullptr, nullptr, true},
        {QCommandLineOption(QStringLiteral("clear"),
                            QCoreApplication::translate("main", "logs: delete the request log.")),
         nullptr, nullptr, true},
    };
    // Flags of the management commands.
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        QCoreApplication::translate("main", "import: show what would be added, change nothing."));
    const QCommandLineOption withKeys(
        QStringLiteral("with-keys"),
        QCoreApplication::translate("main", "export: write the provider keys themselves."));
    const QCommandLineOption minimised(
        QStringLiteral("minimised"),
        QCoreApplication::translate("main", "Start with the window hidden in the tray."));
    const QCommandLineOption undo(
        QStringLiteral("undo"),
        QCoreApplication::translate("main", "connect TOOL: disconnect the tool again."));
    parser.addOptions({configDir, headless, minimised, port, bind, undo});
    for (const CommandOption &o : commandOptions)
        parser.addOption(o.option);
    parser.addOptions({dryRun, withKeys});
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("main", "provider add|list|remove|set-key, key "
                                            "create|list|revoke, key config "
                                            "set|list|remove|assign, route set|list|remove, "
                                            "ollama-api enable|disable|status, connect "
                                            "list|TOOL, import, export, logs, usage"));
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
    if (!parser.isSet(configDir)) {
        // Earlier versions kept the config one folder deeper (~/.config/gatehouse/gatehouse).
        if (const Status moved = ConfigStore::migrateOldDefaultDirectory(directory); !moved)
            std::fprintf(stderr, "gatehouse: %s\n", moved.error().toLocal8Bit().constData());
    }
    ConfigStore store(directory);
    KeychainSecretStore secrets;

    const QStringList words = parser.positionalArguments();
    if (!words.isEmpty()) {
        if (!Cli::isCommand(words.first()))
            return failUsage(
                QCoreApplication::translate("main", "unknown command \"%1\"; see gatehouse --help.")
                    .arg(words.first()));
        // "ollama-api enable --port N": the listener's port, not the gateway's.
        const bool ollamaApi = words.first() == QLatin1String("ollama-api");
        if (ollamaApi && parser.isSet(port)) {
            cliOptions.port = parser.value(port);
            cliOptions.given << QStringLiteral("port");
        }
        for (const auto *o : {&headless, &minimised, &port, &bind}) {
            if (parser.isSet(*o) && !(ollamaApi && o == &port))
                return failUsage(
                    QCoreApplication::translate("main", "--%1 does not apply to \"%2\".")
                        .arg(o->names().first(), words.first()));
        }
        if (parser.isSet(undo)) {
            cliOptions.undo = true;
            cliOptions.given << QStringLiteral("undo");
        }
        for (const CommandOption &o : commandOptions) {
            if (!parser.isSet(o.option))
                continue;
            cliOptions.given << o.option.names().first();
            if (o.flag)
                continue;
            if (o.single)
                *o.single = parser.value(o.option);
            else
                *o.many = parser.values(o.option);
        }
        cliOptions.dryRun = parser.isSet(dryRun);
        cliOptions.withKeys = parser.isSet(withKeys);
        if (cliOptions.dryRun)
            cliOptions.given << QStringLiteral("dry-run");
        if (cliOptions.withKeys)
            cliOptions.given << QStringLiteral("with-keys");
        return Cli(store, &secrets).run(words, cliOptions);
    }
    if (parser.isSet(undo))
        return failUsage(QCoreApplication::translate(
            "main", "--undo only applies to \"connect TOOL\"; see gatehouse --help."));
    for (const QCommandLineOption *flag : {&dryRun, &withKeys}) {
        if (parser.isSet(*flag))
            return failUsage(
                QCoreApplication::translate("main", "--%1 only applies to a command; see gatehouse "
                                                    "--help.")
                    .arg(flag->names().first()));
    }
    for (const CommandOption &o : commandOptions) {
        if (parser.isSet(o.option))
            return failUsage(
                QCoreApplication::translate("main", "--%1 only applies to a command; see gatehouse "
                                                    "--help.")
                    .arg(o.option.names().first()));
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
