#pragma once

#include "config/Provider.h"
#include "util/Result.h"

#include <QList>
#include <QUrl>

namespace gatehouse {

// The cloud providers Gatehouse knows how to reach: shipped as data (resources/catalog),
// versioned, used to pre-fill a provider when the user adds one.
struct CatalogProvider
{
    QString id;
    QString name;
    QUrl baseUrl;
    ApiSurface surface = ApiSurface::OpenAi;
    QUrl keyUrl; // where the user gets a key
};

class Catalog
{
public:
    static Result<Catalog> fromJson(const QByteArray &json);
    // The catalog built into Gatehouse.
    static const Catalog &builtIn();

    int version() const { return m_version; }
    const QList<CatalogProvider> &providers() const { return m_providers; }
    const CatalogProvider *provider(const QString &id) const;

private:
    int m_version = 0;
    QList<CatalogProvider> m_providers;
};

} // namespace gatehouse
