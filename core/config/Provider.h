#pragma once

#include "ApiSurface.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QUrl>

namespace gatehouse {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct ProviderTimeouts
{
    int connectMs = 10'000;
    // Non-streaming completions only answer when the whole text is ready.
    int firstByteMs = 300'000;
    int idleMs = 120'000;
};

// An upstream endpoint that answers model requests.
struct Provider
{
    QString id;
    QString displayName;
    QUrl baseUrl;
    // The APIs it speaks, never empty. A request goes to the one the client speaks if it is
    // among them; otherwise it is translated for the first one that can take it.
    QList<ApiSurface> surfaces{ApiSurface::OpenAi};
    QStringList models; // empty: any model name is passed through
    HeaderList extraHeaders;
    ProviderTimeouts timeouts;
    bool enabled = true;
    bool hasKey = false; // the key itself lives only in the SecretStore
    // Further keys stored under a label, so that access key configurations can bill
    // different accounts ("work", "personal"); also only in the SecretStore.
    QStringList keyLabels;
    // Headers and URL query parameters that carry credentials (x-goog-api-key, ?key=…):
    // only their names are here, their values live in the SecretStore and are added when
    // the gateway calls the provider.
    QStringList secretHeaders;
    QStringList secretQueryItems;
    // Fields a newer Gatehouse (or a person) wrote that this version does not know: kept
    // as they are and written back by the next save.
    QJsonObject otherFields;

    bool speaks(ApiSurface surface) const { return surfaces.contains(surface); }
    ApiSurface primarySurface() const { return surfaces.value(0, ApiSurface::OpenAi); }
    // "openai, responses"
    QString surfaceNames() const;
    // Surfaces from their names (the command line's and the config's), checked: known, no
    // repeats, at least one.
    static Result<QList<ApiSurface>> parseSurfaces(const QStringList &names);

    QJsonObject toJson() const;
    static Result<Provider> fromJson(const QJsonObject &json);

    // Checks every field; the message names the field and what to do.
    Status validate() const;
    static Status validateId(const QString &id);
    // "Name: value", checked. Credential headers are refused unless `forSecret`: they may
    // only be stored in the SecretStore.
    static Result<QPair<QByteArray, QByteArray>> parseHeader(const QString &line,
                                                             bool forSecret = false);
    // Headers whose values are credentials (authorization, x-api-key, x-goog-api-key, …).
    static bool isCredentialHeader(const QByteArray &name);
    // URL query parameters whose values are credentials (key, api_key, access_token, …).
    static bool isCredentialQueryItem(const QString &name);
    static Status validateKeyLabel(const QString &label);
};

} // namespace gatehouse
