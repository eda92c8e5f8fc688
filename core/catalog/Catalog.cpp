#include "Catalog.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

Result<Catalog> Catalog::fromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return Result<Catalog>::failure(
            QCoreApplication::translate("Catalog", "The model catalog is not valid JSON: %1")
                .arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    Catalog catalog;
    catalog.m_version = root.value(QLatin1String("catalogVersion")).toInt();
    const QJsonArray providers = root.value(QLatin1String("providers")).toArray();
    for (const QJsonValue v : providers) {
        const QJsonObject o = v.toObject();
        CatalogProvider p;
        p.id = o.value(QLatin1String("id")).toString();
        p.name = o.value(QLatin1String("name")).toString();
        p.baseUrl = QUrl(o.value(QLatin1String("baseUrl")).toString());
        p.keyUrl = QUrl(o.value(QLatin1String("keyUrl")).toString());
        const auto surface = parseApiSurface(o.value(QLatin1String("surface")).toString());
        if (!surface || !Provider::validateId(p.id) || !p.baseUrl.isValid() ||
            p.baseUrl.scheme() != QLatin1String("https"))
            return Result<Catalog>::failure(
                QCoreApplication::translate("Catalog", "The model catalog has a bad entry \"%1\".")
                    .arg(p.id));
        p.surface = surface.value();
        catalog.m_providers.append(p);
    }
    return catalog;
}

const Catalog &Catalog::builtIn()
{
    static const Catalog catalog = [] {
        QFile file(QStringLiteral(":/catalog/catalog.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the built-in model catalog is missing");
        auto parsed = fromJson(file.readAll());
        if (!parsed)
            qFatal("%s", qPrintable(parsed.error()));
        return parsed.value();
    }();
    return catalog;
}

const CatalogProvider *Catalog::provider(const QString &id) const
{
    for (const CatalogProvider &p : m_providers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

} // namespace gatehouse
