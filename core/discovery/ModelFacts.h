#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace gatehouse {

struct CatalogModel;
struct OllamaModel;

// What is known of one model, wherever it was learnt: the catalog (context, capabilities,
// price of a cloud model), a local server's own answer (size, quantization, loaded now) or
// an entry of the gateway's GET /v1/models. Shown where models are listed.
struct ModelFacts
{
    Q_DECLARE_TR_FUNCTIONS(ModelFacts)
public:
    qint64 contextLength = 0;
    // "tools", "vision", "reasoning", "embedding": what the model can do besides text.
    QStringList capabilities;
    double inputPrice = -1; // US dollars per million tokens; negative: unknown
    double outputPrice = -1;
    // What a local server reports.
    qint64 sizeBytes = 0;
    QString parameterSize; // "8B"
    QString quantization;  // "Q4_K_M"
    bool loaded = false;

    bool isEmpty() const;
    // "128k context · tools, vision · $2.50 in / $10 out per 1M tokens", or for a local
    // model "4.7 GB · 8B · Q4_K_M · 128k context · tools · loaded": what is known, in the
    // order a person compares models; empty when nothing is.
    QString summary() const;
    // "$2.50 in / $10 out per 1M tokens"; empty without a price.
    QString priceText() const;
    // Fills what this does not know from `other`.
    void complete(const ModelFacts &other);

    static ModelFacts fromCatalog(const CatalogModel &model);
    static ModelFacts fromOllama(const OllamaModel &model);
    // An entry of GET /v1/models as Gatehouse answers it (context_length, capabilities,
    // pricing).
    static ModelFacts fromModelListEntry(const QJsonObject &entry);
};

} // namespace gatehouse
