#pragma once

#include "config/Provider.h"

#include <QObject>
#include <QStringList>
#include <functional>

namespace gatehouse {

class UpstreamClient;

// What asking a provider for its models found out.
struct ProbeResult
{
    bool ok = false;
    QStringList models;
    QString error; // the exact reason, readable, when !ok
    int httpStatus = 0;
    // Whether the server also answers the OpenAI Responses API (POST …/responses) next to
    // its model list: Ollama 0.13.3+, LM Studio and OpenAI do.
    bool servesResponses = false;
};

// Asks one provider for its model list, the way the gateway would call it (same client, same
// URL rules, same credentials and extra headers), and whether it serves the Responses API.
// Used by "Test connection" and the local scan.
class ProviderProbe : public QObject
{
    Q_OBJECT
public:
    explicit ProviderProbe(QObject *parent = nullptr);

    // Calls `done` exactly once, from the event loop.
    void probe(const Provider &provider, const QByteArray &key,
               std::function<void(const ProbeResult &)> done, int timeoutMs = 8000);

    // The URL a model list is read from.
    static QUrl modelsUrl(const Provider &provider);

private:
    UpstreamClient *m_client;
};

} // namespace gatehouse
