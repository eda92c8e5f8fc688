#include "MigrationPlan.h"

#include "catalog/Catalog.h"
#include "config/ConfigEditor.h"
#include "config/ProviderCredentials.h"
#include "config/UrlPolicy.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <memory>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return translateMigration(text);
}

} // namespace

EnvironmentLookup processEnvironment()
{
    return [](const QString &name) { return qgetenv(name.toLocal8Bit().constData()); };
}

QString MigrationPlan::describe() const
{
    QString out;
    auto line = [&out](const QString &text) { out += text + QLatin1Char('\n'); };
    if (providers.isEmpty())
        line(tr("No providers to add."));
    for (const Provider &p : providers) {
        line(tr("Provider %1 (%2, %3)%4")
                 .arg(p.id, p.surfaceNames(), p.baseUrl.toString(),
                      p.hasKey ? tr(", key to the keychain") : QString()));
        if (!p.models.isEmpty())
            line(QStringLiteral("  ") + tr("models: %1").arg(p.models.join(QLatin1String(", "))));
    }
    QStringList existing = existingProviderModels.keys();
    existing.sort();
    for (const QString &id : std::as_const(existing)) {
        const QStringList &models = existingProviderModels[id];
        if (!models.isEmpty())
            line(tr("Provider %1 exists already at that address; models added: %2")
                     .arg(id, models.join(QLatin1String(", "))));
    }
    for (const RouteRule &r : routes) {
        QStringList candidates;
        for (const RouteCandidate &c : r.candidates)
            candidates << (r.strategy == RouteStrategy::Weighted
                               ? QStringLiteral("%1=%2").arg(c.model).arg(c.weight)
                               : c.model);
        QString extra;
        if (r.retries > 0)
            extra += tr(", retries %1").arg(r.retries);
        if (r.deadlineMs != RouteRule::defaultDeadlineMs)
            extra += tr(", deadline %1 s").arg(r.deadlineMs / 1000);
        line(tr("Route %1 (%2%3): %4")
                 .arg(r.name, routeStrategyName(r.strategy), extra,
                      candidates.join(QLatin1String(" -> "))));
    }
    for (const ImportedKey &k : keys)
        line(tr("Key of %1 from %2 goes to the keychain.").arg(k.providerId, k.origin));
    for (const QString &m : missingKeys)
        line(tr("Missing key: %1").arg(m));
    for (const QString &n : notImported)
        line(tr("Not imported: %1").arg(n));
    return out;
}

Status MigrationPlan::applyTo(Config &config) const
{
    for (const Provider &p : providers) {
        if (config.findProvider(p.id))
            return Status::failure(
                tr("A provider named \"%1\" was added meanwhile; import again.").arg(p.id));
        if (const Status s = p.validate(); !s)
            return s;
        config.providers.append(p);
    }
    for (auto it = existingProviderModels.constBegin(); it != existingProviderModels.constEnd();
         ++it) {
        Provider *p = config.findProvider(it.key());
        if (!p)
            return Status::failure(
                tr("The provider \"%1\" was removed meanwhile; import again.").arg(it.key()));
        // A provider that lists no models passes any name through; it stays that way.
        for (const QString &m : it.value()) {
            if (!p->models.isEmpty() && !p->models.contains(m))
                p->models << m;
        }
    }
    for (const RouteRule &r : routes) {
        if (const Status s = r.validate(); !s)
            return s;
        const auto put = ConfigEditor::putRoute(config, QString(), QString(), r);
        if (!put)
            return Status::failure(put.error());
    }
    return {};
}

void MigrationPlan::storeKeys(SecretStore *secrets, const QString &instanceId,
                              const SecretStore::Callback &done) const
{
    QStringList names;
    QList<QByteArray> values;
    for (const ImportedKey &k : keys) {
        names << SecretStore::providerKeyName(instanceId, k.providerId);
        values << k.value;
    }
    ProviderCredentials::writeInOrder(secrets, names, values, done);
}

PlanBuilder::PlanBuilder(const Config &existing, EnvironmentLookup environment)
    : m_existing(existing), m_environment(std::move(environment))
{
}

QString PlanBuilder::cleanId(const QString &text, const QString &fallback)
{
    QString id = text.trimmed().toLower();
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9-]+"));
    id.replace(invalid, QStringLiteral("-"));
    while (id.startsWith(QLatin1Char('-')))
        id.remove(0, 1);
    id.truncate(34); // room for "-2" and more when the id is taken
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    return Provider::validateId(id) ? id : fallback;
}

Provider *PlanBuilder::findInPlan(const QString &id)
{
    for (Provider &p : m_plan.providers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QString PlanBuilder::provider(const QString &wantedId, const QList<ApiSurface> &surfaces,
                              const QString &baseUrl, const KeySource &key, bool needsKey,
                              const QString &where)
{
    const auto url = UrlPolicy::checkBaseUrl(baseUrl);
    if (!url) {
        note(tr("%1: the URL %2 is refused: %3").arg(where, baseUrl, url.error()));
        return {};
    }
    QStringList surfaceNames;
    for (ApiSurface s : surfaces)
        surfaceNames << apiSurfaceName(s);
    const QString signature = surfaceNames.join(QLatin1Char(',')) + QLatin1Char('|') +
                              url->toString() + QLatin1Char('|') + key.environmentName +
                              QLatin1Char('|') + QString::fromUtf8(key.literal.toBase64());
    if (const auto it = m_bySignature.constFind(signature); it != m_bySignature.constEnd())
        return it.value();

    // The same address as a provider of the config: that one is used, as it is.
    for (const Provider &existing : m_existing.providers) {
        if (existing.baseUrl != url.value() || !existing.speaks(surfaces.value(0)))
            continue;
        m_bySignature.insert(signature, existing.id);
        m_plan.existingProviderModels.insert(existing.id, {});
        if (!key.isEmpty())
            note(tr("%1: the provider %2 exists already at %3 and keeps its own key; set "
                    "another with: gatehouse provider set-key %2")
                     .arg(where, existing.id, url->toString()));
        return existing.id;
    }

    const QString base = cleanId(wantedId, QStringLiteral("provider"));
    QString id = base;
    for (int n = 2; m_existing.findProvider(id) || findInPlan(id); ++n)
        id = base + QLatin1Char('-') + QString::number(n);

    Provider p;
    p.id = id;
    p.baseUrl = url.value();
    p.surfaces = surfaces;
    if (const CatalogProvider *known = Catalog::builtIn().provider(base);
        known && known->baseUrl == p.baseUrl)
        p.displayName = known->name;

    QByteArray value = key.literal;
    QString origin = tr("the file");
    if (value.isEmpty() && !key.environmentName.isEmpty()) {
        value = m_environment ? m_environment(key.environmentName) : QByteArray();
        origin = QLatin1Char('$') + key.environmentName;
        if (value.isEmpty())
            m_plan.missingKeys << tr("%1 takes its key from $%2, which is not set now; set it "
                                     "with: printenv %2 | gatehouse provider set-key %1")
                                      .arg(id, key.environmentName);
    } else if (value.isEmpty() && needsKey) {
        m_plan.missingKeys << tr("%1 has no key in the file; set it with: gatehouse provider "
                                 "set-key %1")
                                  .arg(id);
    }
    if (!value.isEmpty()) {
        p.hasKey = true;
        m_plan.keys.append({id, value, origin});
    }
    m_plan.providers.append(p);
    m_bySignature.insert(signature, id);
    return id;
}

void PlanBuilder::addModel(const QString &providerId, const QString &model)
{
    if (model.isEmpty())
        return;
    if (Provider *p = findInPlan(providerId)) {
        if (!p->models.contains(model))
            p->models << model;
        return;
    }
    const auto it = m_plan.existingProviderModels.find(providerId);
    if (it != m_plan.existingProviderModels.end() && !it->contains(model))
        it->append(model);
}

QString PlanBuilder::addRoute(RouteRule rule, const QString &where)
{
    if (rule.candidates.isEmpty()) {
        note(tr("%1: no candidate could be imported, so the route \"%2\" is left out.")
                 .arg(where, rule.name));
        return {};
    }
    // Imported again: a route the config has already, the same, is left as it is.
    if (const RouteRule *same = findRouteIn(m_existing.routes, rule.name);
        same && same->candidates == rule.candidates && same->strategy == rule.strategy) {
        note(tr("%1: the route \"%2\" exists already as it is.").arg(where, rule.name));
        return rule.name;
    }
    QString base = rule.name;
    if (!RouteRule::validateName(base))
        base = cleanId(base, QStringLiteral("route"));
    QString name = base;
    auto taken = [this](const QString &n) {
        return findRouteIn(m_existing.routes, n) || findRouteIn(m_plan.routes, n);
    };
    for (int n = 2; taken(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    if (name != rule.name)
        note(tr("%1: the route \"%2\" is named \"%3\" (the name was taken or not valid).")
                 .arg(where, rule.name, name));
    rule.name = name;
    if (const Status s = rule.validate(); !s) {
        note(tr("%1: %2").arg(where, s.error()));
        return {};
    }
    m_plan.routes.append(rule);
    return name;
}

} // namespace gatehouse
