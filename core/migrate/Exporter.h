#pragma once

#include "config/Config.h"

#include <QByteArray>
#include <QHash>

namespace gatehouse {

// The gateways built for a team or a cluster that Gatehouse hands its routes to.
enum class ExportFormat
{
    Portkey,       // Portkey gateway configs (the x-portkey-config header)
    LiteLlm,       // a LiteLLM proxy config.yaml, and its /key/generate requests
    EnvoyAiGateway // Kubernetes resources of Envoy AI Gateway
};

struct ExportResult
{
    QByteArray main;
    // LiteLLM only: the /key/generate request bodies for the key configurations, as a JSON
    // array; empty when there are none.
    QByteArray keyRequests;
};

// Writes Gatehouse's providers and routes in another gateway's format. Keys appear only when
// given (the command line's --with-keys); otherwise environment-variable references or
// placeholders named after the provider stand in for them.
class Exporter
{
public:
    static Result<ExportFormat> parseFormat(const QString &name);
    static QString formatName(ExportFormat format);
    static QString formatTitle(ExportFormat format);
    static QList<ExportFormat> formats();

    // `route`: only that route (Portkey: its config alone, ready for the header); empty: all.
    // `keys`: provider id -> key, to write the keys themselves.
    static Result<ExportResult> write(ExportFormat format, const Config &config,
                                      const QString &route,
                                      const QHash<QString, QByteArray> &keys = {});

    // The environment variable that stands for a provider's key: "my-vllm" -> MY_VLLM_API_KEY.
    static QString keyVariable(const QString &providerId);
};

} // namespace gatehouse
