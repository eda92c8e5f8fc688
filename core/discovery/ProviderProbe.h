#pragma once

#include "config/Provider.h"

#include <QObject>
#include <QStringList>
#include <functional>

class QNetworkAccessManager;

namespace gatehouse {

// What asking a provider for its models found out.
struct ProbeResult
{
    bool ok = false;
    QStringList models;
    QString error; // the exact reason, readable, when !ok
    int httpStatus = 0;
};

// Asks one provider for its model list, the way the gateway would call it (same URL rules,
// same credentials and extra headers). Used by "Test connection" and the local scan.
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

    // The message in an OpenAI or Anthropic error body, or the start of any other body.
    static QString errorMessageOf(const QByteArray &body);

private:
    QNetworkAccessManager *m_network;
};

} // namespace gatehouse
