#pragma once

#include "config/Provider.h"
#include "util/Result.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace gatehouse {

struct Config;

// What the catalog knows of one model. Prices are US dollars per million tokens.
struct CatalogModel
{
    QString id;
    qint64 contextWindow = 0;
    bool tools = false;
    bool vision = false;
    bool reasoning = false;
    double inputPrice = -1; // negative: unknown
    double outputPrice = -1;

    // Chat Completions parameters this model takes under another name (max_tokens ->
    // max_completion_tokens for OpenAI's reasoning models), and those it refuses.
    QHash<QString, QString> renamedParams;
    QStringList droppedParams;

    bool hasPrice() const { return inputPrice >= 0 && outputPrice >= 0; }
    double cost(qint64 inputTokens, qint64 outputTokens) const
    {
        return hasPrice()
                   ? (double(inputTokens) * inputPrice + double(outputTokens) * outputPrice) / 1e6
                   : 0;
    }
};

// The cloud providers Gatehouse knows how to reach: shipped as data (resources/catalog),
// versioned, used to pre-fill a provider when the user adds one, to describe models in
// GET /v1/models and to price requests for spending limits.
struct CatalogProvider
{
    QString id;
    QString name;
    QUrl baseUrl;
    QList<ApiSurface> surfaces{ApiSurface::OpenAi};
    QUrl keyUrl; // where the user gets a key
    QList<CatalogModel> models;
    // What is known of models not listed by name: an id with * matches a family
    // ("gpt-5*"), so a new model of a known family is described without a catalog update.
    QList<CatalogModel> families;

    // The model of that id, else the family it belongs to, else null.
    const CatalogModel *model(const QString &id) const;
};

class Catalog
{
public:
    static Result<Catalog> fromJson(const QByteArray &json);
    // The catalog built into Gatehouse.
    static const Catalog &builtIn();
    // The built-in catalog with a user file (same format) laid over it: its providers and
    // models add to the built-in ones or replace those with the same id. A missing file is
    // no error; a broken one is.
    static Result<Catalog> withUserFile(const QString &path);
    static QString userFileName() { return QStringLiteral("catalog.json"); }

    int version() const { return m_version; }
    const QList<CatalogProvider> &providers() const { return m_providers; }
    const CatalogProvider *provider(const QString &id) const;
    // The catalog entry a configured provider corresponds to: same id, else same base URL.
    const CatalogProvider *providerFor(const Provider &provider) const;

    void overlay(const Catalog &other);

    // What a tool or route may name, for pickers: the routes for all keys (when asked), then
    // every provider:model the config lists, and the catalog's models for a catalog provider
    // that lists none. Enabled providers only.
    QStringList modelChoices(const Config &config, bool withRoutes) const;

private:
    int m_version = 0;
    QList<CatalogProvider> m_providers;
};

using CatalogPtr = std::shared_ptr<const Catalog>;

} // namespace gatehouse
