#include "Catalog.h"

#include "config/Config.h"
#include "config/Routing.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse {

const CatalogModel *CatalogProvider::model(const QString &modelId) const
{
    for (const CatalogModel &m : models) {
        if (m.id == modelId)
            return &m;
    }
    for (const CatalogModel &m : families) {
        if (globMatches(m.id, modelId))
            return &m;
    }
    return nullptr;
}

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
        p.name = o.value(QLatin1String("name")).toString(p.id);
        p.baseUrl = QUrl(o.value(QLatin1String("baseUrl")).toString());
        p.keyUrl = QUrl(o.value(QLatin1String("keyUrl")).toString());
        QStringList surfaceNames;
        for (const QJsonValue s : o.value(QLatin1String("surfaces")).toArray())
            surfaceNames << s.toString();
        if (surfaceNames.isEmpty())
            surfaceNames << o.value(QLatin1String("surface")).toString(QStringLiteral("openai"));
        const auto surfaces = Provider::parseSurfaces(surfaceNames);
        if (!surfaces || !Provider::validateId(p.id) || !p.baseUrl.isValid() ||
            p.baseUrl.scheme() != QLatin1String("https"))
            return Result<Catalog>::failure(
                QCoreApplication::translate("Catalog", "The model catalog has a bad entry \"%1\".")
                    .arg(p.id));
        p.surfaces = surfaces.value();
        for (const char *list : {"models", "families"}) {
            for (const QJsonValue mv : o.value(QLatin1String(list)).toArray()) {
                const QJsonObject mo = mv.toObject();
                CatalogModel m;
                m.id = mo.value(QLatin1String("id")).toString();
                if (m.id.isEmpty() || m.id.trimmed() != m.id)
                    return Result<Catalog>::failure(
                        QCoreApplication::translate("Catalog",
                                                    "The model catalog has a bad model in \"%1\".")
                            .arg(p.id));
                m.contextWindow = mo.value(QLatin1String("context")).toInteger(0);
                const QJsonArray caps = mo.value(QLatin1String("capabilities")).toArray();
                m.tools = caps.contains(QLatin1String("tools"));
                m.vision = caps.contains(QLatin1String("vision"));
                m.reasoning = caps.contains(QLatin1String("reasoning"));
                const QJsonObject params = mo.value(QLatin1String("params")).toObject();
                const QJsonObject renamed = params.value(QLatin1String("rename")).toObject();
                for (auto it = renamed.begin(); it != renamed.end(); ++it)
                    m.renamedParams.insert(it.key(), it.value().toString());
                for (const QJsonValue d : params.value(QLatin1String("drop")).toArray())
                    m.droppedParams << d.toString();
                const QJsonObject price = mo.value(QLatin1String("price")).toObject();
                m.inputPrice = price.value(QLatin1String("input")).toDouble(-1);
                m.outputPrice = price.value(QLatin1String("output")).toDouble(-1);
                (qstrcmp(list, "models") == 0 ? p.models : p.families).append(m);
            }
        }
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

Result<Catalog> Catalog::withUserFile(const QString &path)
{
    Catalog merged = builtIn();
    QFile file(path);
    if (!file.exists())
        return merged;
    if (!file.open(QIODevice::ReadOnly))
        return Result<Catalog>::failure(
            QCoreApplication::translate("Catalog", "Cannot read the catalog file %1: %2")
                .arg(path, file.errorString()));
    auto user = fromJson(file.readAll());
    if (!user)
        return Result<Catalog>::failure(
            QCoreApplication::translate("Catalog", "In %1: %2").arg(path, user.error()));
    merged.overlay(user.value());
    return merged;
}

void Catalog::overlay(const Catalog &other)
{
    for (const CatalogProvider &p : other.m_providers) {
        CatalogProvider *existing = nullptr;
        for (CatalogProvider &mine : m_providers) {
            if (mine.id == p.id)
                existing = &mine;
        }
        if (!existing) {
            m_providers.append(p);
            continue;
        }
        existing->name = p.name;
        existing->baseUrl = p.baseUrl;
        existing->surfaces = p.surfaces;
        if (!p.families.isEmpty())
            existing->families = p.families;
        if (p.keyUrl.isValid())
            existing->keyUrl = p.keyUrl;
        for (const CatalogModel &m : p.models) {
            bool replaced = false;
            for (CatalogModel &mine : existing->models) {
                if (mine.id == m.id) {
                    mine = m;
                    replaced = true;
                }
            }
            if (!replaced)
                existing->models.append(m);
        }
    }
}

const CatalogProvider *Catalog::provider(const QString &id) const
{
    for (const CatalogProvider &p : m_providers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const CatalogProvider *Catalog::providerFor(const Provider &provider) const
{
    if (const CatalogProvider *byId = this->provider(provider.id);
        byId && byId->baseUrl.host() == provider.baseUrl.host())
        return byId;
    for (const CatalogProvider &p : m_providers) {
        if (p.baseUrl == provider.baseUrl)
            return &p;
    }
    return nullptr;
}

QStringList Catalog::modelChoices(const Config &config, bool withRoutes) const
{
    QStringList models;
    if (withRoutes) {
        for (const RouteRule &r : config.routes)
            models << r.name;
    }
    for (const Provider &p : config.providers) {
        if (!p.enabled)
            continue;
        for (const QString &m : p.models)
            models << p.id + QLatin1Char(':') + m;
        if (p.models.isEmpty()) {
            if (const CatalogProvider *c = providerFor(p)) {
                for (const CatalogModel &m : c->models)
                    models << p.id + QLatin1Char(':') + m.id;
            }
        }
    }
    models.removeDuplicates();
    return models;
}

} // namespace gatehouse
