// gatehouse ollama-api enable|disable|status: the keyless Ollama API listener.
#include "Cli.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

} // namespace

int Cli::ollamaApi(const QStringList &args, const Options &options)
{
    const QString usage = tr("usage: gatehouse ollama-api enable --port N [--key-config NAME], "
                             "gatehouse ollama-api disable, or gatehouse ollama-api status");
    const QString action = args.value(0);
    if (args.size() != 1)
        return fail(usage, 2);
    const QStringList takes =
        action == QLatin1String("enable")
            ? QStringList{QStringLiteral("port"), QStringLiteral("key-config")}
            : QStringList{};
    for (const QString &o : options.given) {
        if (!takes.contains(o))
            return fail(tr("--%1 does not apply to \"ollama-api %2\".").arg(o, action), 2);
    }

    if (action == QLatin1String("status")) {
        auto config = loadConfig();
        if (!config)
            return fail(config.error());
        const OllamaApiSettings &s = config->gateway.ollamaApi;
        if (!s.enabled) {
            print(tr("The keyless Ollama API is off. Turn it on with: gatehouse ollama-api "
                     "enable --port %1")
                      .arg(s.port ? s.port : OllamaApiSettings::suggestedPort) +
                  QLatin1Char('\n'));
            return 0;
        }
        print(tr("The keyless Ollama API is on: http://127.0.0.1:%1, without a key, under the "
                 "key configuration \"%2\"; its requests are logged as \"%3\".")
                  .arg(s.port)
                  .arg(s.keyConfiguration, OllamaApiSettings::keyName) +
              QLatin1Char('\n'));
        if (!OllamaApiSettings::configurationIn(config->keyConfigurations, s.keyConfiguration))
            return fail(tr("The key configuration \"%1\" no longer exists, so the Ollama API "
                           "refuses every request; pick another with --key-config.")
                            .arg(s.keyConfiguration));
        return 0;
    }

    if (action == QLatin1String("disable")) {
        bool wasOn = false;
        if (const int rc = edit([&](Config &config) -> Status {
                wasOn = config.gateway.ollamaApi.enabled;
                OllamaApiSettings off = config.gateway.ollamaApi;
                off.enabled = false;
                return OllamaApiSettings::apply(config, off);
            }))
            return rc;
        print((wasOn ? tr("The keyless Ollama API is off; a running gateway closes its port now.")
                     : tr("The keyless Ollama API was off already.")) +
              QLatin1Char('\n'));
        return 0;
    }

    if (action != QLatin1String("enable"))
        return fail(tr("unknown command \"ollama-api %1\"; %2").arg(action, usage), 2);

    auto current = loadConfig();
    if (!current)
        return fail(current.error());
    OllamaApiSettings wanted = current->gateway.ollamaApi;
    wanted.enabled = true;
    if (options.given.contains(QLatin1String("port"))) {
        bool ok = false;
        const uint port = options.port.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return fail(tr("--port must be a number from 1 to 65535."), 2);
        wanted.port = static_cast<quint16>(port);
    } else if (wanted.port == 0) {
        return fail(tr("Give the port to listen on, for example: gatehouse ollama-api enable "
                       "--port %1")
                        .arg(OllamaApiSettings::suggestedPort),
                    2);
    }
    if (options.given.contains(QLatin1String("key-config")))
        wanted.keyConfiguration = options.keyConfig;
    // A port held by another program fails now, not silently in the running gateway. The
    // listener this setting opened already holds its own port.
    const OllamaApiSettings &was = current->gateway.ollamaApi;
    if (!(was.enabled && was.port == wanted.port)) {
        if (const Status free = OllamaApiSettings::checkPortFree(wanted.port); !free)
            return fail(free.error());
    }
    if (const int rc = edit([&](Config &config) -> Status {
            if (const Status s = OllamaApiSettings::apply(config, wanted); !s)
                return refuse(s.error());
            return {};
        }))
        return rc;
    print(tr("The keyless Ollama API listens on http://127.0.0.1:%1, without a key, under the key "
             "configuration \"%2\"; a running gateway opens it now. Point Ollama clients (Open "
             "WebUI, VS Code, ollama-js) at that address.")
              .arg(wanted.port)
              .arg(wanted.keyConfiguration) +
          QLatin1Char('\n'));
    return 0;
}

} // namespace gatehouse
