#pragma once

#include "AccessKey.h"
#include "OllamaApiSettings.h"
#include "Provider.h"
#include "Routing.h"

#include <QList>
#include <QString>

namespace gatehouse {

// The port Gatehouse listens on unless told otherwise. No common local AI server uses it
// (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp/LocalAI 8080, Jan 1337, GPT4All 4891,
// LiteLLM 4000, text-generation-webui 5000/7860, KoboldCpp 5001, Open WebUI 3000).
constexpr quint16 defaultGatewayPort = 4777;

struct GatewaySettings
{
    QString bindAddress = QStringLiteral("127.0.0.1");
    quint16 port = defaultGatewayPort;
    qint64 maxBodyBytes = qint64{32} * 1024 * 1024;
    int maxHeaderBytes = 32 * 1024;
    int maxConnections = 1024;
    int idleTimeoutMs = 60'000;
    QStringList allowedOrigins; // browser origins allowed to call the gateway; none by default
    // Certificate authorities (a PEM file) trusted for https providers besides the system's:
    // a local server with its own CA, a company proxy.
    QString extraCaFile;
    // The keyless Ollama API listener, off by default.
    OllamaApiSettings ollamaApi;
    // Fields a newer Gatehouse (or a person) wrote that this version does not know: kept
    // as they are and written back by the next save.
    QJsonObject otherFields;
};

// Everything Gatehouse keeps in its config file.
struct Config
{
    static constexpr int currentSchemaVersion = 1;

    int schemaVersion = currentSchemaVersion;
    QString instanceId; // scopes keychain entries to this config
    GatewaySettings gateway;
    QList<Provider> providers;
    QList<AccessKeyRecord> accessKeys;
    QList<RouteRule> routes; // aliases and fallback chains for every key
    QList<KeyConfiguration> keyConfigurations;
    // Fields a newer Gatehouse (or a person) wrote that this version does not know: kept
    // as they are and written back by the next save.
    QJsonObject otherFields;

    const Provider *findProvider(const QString &id) const;
    Provider *findProvider(const QString &id);
    const AccessKeyRecord *findAccessKey(const QString &name) const;
    AccessKeyRecord *findAccessKey(const QString &name);
    const RouteRule *findRoute(const QString &name) const;
    // The routes for all keys (configuration ""), or those of one key configuration; null
    // when there is no such configuration.
    QList<RouteRule> *routesOf(const QString &configuration);
    const KeyConfiguration *findKeyConfiguration(const QString &name) const;
    KeyConfiguration *findKeyConfiguration(const QString &name);
    // The configuration a key uses: its own, else "default" if defined, else allow-all.
    KeyConfiguration configurationFor(const AccessKeyRecord &key) const;

    QJsonObject toJson() const;
    static Result<Config> fromJson(const QJsonObject &json);
};

} // namespace gatehouse
