#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace gatehouse {

struct Config;
struct KeyConfiguration;

// The keyless Ollama API listener: a second port, on 127.0.0.1 only, that serves Ollama's
// API (/api/…) without an access key, under one key configuration (its allowed models and
// limits). Ollama clients send no key, so this is how they reach Gatehouse. Off by default.
// Kept in config.json as "gateway": {"ollamaApi": {"enabled", "port", "keyConfiguration"}}.
struct OllamaApiSettings
{
    Q_DECLARE_TR_FUNCTIONS(OllamaApiSettings)
public:
    static constexpr QLatin1String field{"ollamaApi"};
    // The name its requests are logged and limited under, in place of an access key's.
    static constexpr QLatin1String keyName{"ollama-api"};
    // What the window offers: next to Ollama's own 11434, which Ollama itself may hold.
    static constexpr quint16 suggestedPort = 11435;

    bool enabled = false;
    quint16 port = 0; // 0 until one is chosen
    QString keyConfiguration = QStringLiteral("default");
    // Fields a newer Gatehouse (or a person) wrote that this version does not know.
    QJsonObject otherFields;

    // Whether the file needs the section at all (it is left out while never used).
    bool isDefault() const
    {
        return !enabled && port == 0 && keyConfiguration == QLatin1String("default") &&
               otherFields.isEmpty();
    }
    bool operator==(const OllamaApiSettings &o) const
    {
        return enabled == o.enabled && port == o.port && keyConfiguration == o.keyConfiguration;
    }
    bool operator!=(const OllamaApiSettings &o) const { return !(*this == o); }

    QJsonObject toJson() const;
    // Checks types and ranges; the message names the field ("gateway.ollamaApi.port").
    static Result<OllamaApiSettings> fromJson(const QJsonObject &json);
    // Rules that need the rest of the config: a port other than the gateway's own, and a key
    // configuration that exists ("default" always does).
    Status validateIn(const Config &config) const;
    // Puts `wanted` into `config` after checking it there (validateIn): what the command line
    // and the window both do, inside ConfigStore::update.
    static Status apply(Config &config, const OllamaApiSettings &wanted);
    // Whether a listener could open this port on 127.0.0.1 now; the message says what holds it.
    static Status checkPortFree(quint16 port);
    // The key configuration it serves under: the named one; "default" allows everything while
    // no configuration of that name is defined. Null when the named one does not exist.
    static const KeyConfiguration *configurationIn(const QList<KeyConfiguration> &configurations,
                                                   const QString &name);
};

} // namespace gatehouse
