#pragma once

#include "UpstreamCall.h"
#include "config/Config.h"

#include <QHash>
#include <QVector>
#include <memory>

namespace gatehouse {

// A provider as the gateway uses it: its settings and, if it has one, its key.
struct RoutableProvider
{
    Provider provider;
    QByteArray key;   // empty when the provider needs none
    QString keyError; // why a key that should be there could not be read
    // Worked out once per configuration: where chat completions go, and the headers
    // every request to this provider carries (content type, credentials, extra headers).
    UpstreamEndpoint chatEndpoint;        // openai: POST chat/completions
    UpstreamEndpoint embeddingsEndpoint;  // openai: POST embeddings
    UpstreamEndpoint messagesEndpoint;    // anthropic: POST v1/messages
    UpstreamEndpoint countTokensEndpoint; // anthropic: POST v1/messages/count_tokens
    UpstreamEndpoint modelsEndpoint;      // GET models
    HttpHeaders upstreamHeaders;
};

struct AccessKeyEntry
{
    QString name;
    QByteArray hash;
};

// Immutable view of the configuration the gateway serves with. A new one replaces the
// old one as a whole, so a request never sees half of an update.
struct GatewaySnapshot
{
    GatewaySettings settings;
    QVector<RoutableProvider> providers; // in config order, which is the priority order
    QHash<QString, int> providerIndex;
    QVector<AccessKeyEntry> accessKeys; // active keys only

    const RoutableProvider *provider(const QString &id) const
    {
        const auto it = providerIndex.constFind(id);
        return it == providerIndex.constEnd() ? nullptr : &providers[*it];
    }

    // Builds the snapshot from a config and the provider keys read from the SecretStore.
    static std::shared_ptr<const GatewaySnapshot> build(const Config &config,
                                                        const QHash<QString, QByteArray> &keys,
                                                        const QHash<QString, QString> &keyErrors);
};

using GatewaySnapshotPtr = std::shared_ptr<const GatewaySnapshot>;

} // namespace gatehouse
