#include "ModelFacts.h"

#include "OllamaModel.h"
#include "catalog/Catalog.h"

#include <QLocale>

namespace gatehouse {

namespace {

QString dollars(double amount)
{
    // Two decimals below 100, none above; trailing zeros kept for cents ("$0.15", "$2.50").
    const bool whole = amount >= 100 || amount == static_cast<double>(static_cast<qint64>(amount));
    return QStringLiteral("$") + QString::number(amount, 'f', whole ? 0 : 2);
}

void addCapability(QStringList &list, const QString &name)
{
    if (!list.contains(name))
        list << name;
}

} // namespace

bool ModelFacts::isEmpty() const
{
    return contextLength <= 0 && capabilities.isEmpty() && inputPrice < 0 && outputPrice < 0 &&
           sizeBytes <= 0 && parameterSize.isEmpty() && quantization.isEmpty() && !loaded;
}

QString ModelFacts::priceText() const
{
    if (inputPrice < 0 || outputPrice < 0)
        return {};
    if (inputPrice == 0 && outputPrice == 0)
        return tr("free");
    return tr("%1 in / %2 out per 1M tokens").arg(dollars(inputPrice), dollars(outputPrice));
}

QString ModelFacts::summary() const
{
    QStringList parts;
    if (sizeBytes > 0)
        parts << OllamaModel::formatSize(sizeBytes);
    if (!parameterSize.isEmpty())
        parts << OllamaModel::formatParameters(parameterSize);
    if (!quantization.isEmpty())
        parts << quantization;
    if (contextLength > 0)
        parts << tr("%1 context").arg(OllamaModel::formatContext(contextLength));
    if (!capabilities.isEmpty())
        parts << capabilities.join(QLatin1String(", "));
    const QString price = priceText();
    if (!price.isEmpty())
        parts << price;
    if (loaded)
        parts << tr("loaded");
    return parts.join(QStringLiteral(" · "));
}

void ModelFacts::complete(const ModelFacts &other)
{
    if (contextLength <= 0)
        contextLength = other.contextLength;
    for (const QString &c : other.capabilities)
        addCapability(capabilities, c);
    if (inputPrice < 0 || outputPrice < 0) {
        inputPrice = other.inputPrice;
        outputPrice = other.outputPrice;
    }
    if (sizeBytes <= 0)
        sizeBytes = other.sizeBytes;
    if (parameterSize.isEmpty())
        parameterSize = other.parameterSize;
    if (quantization.isEmpty())
        quantization = other.quantization;
    loaded = loaded || other.loaded;
}

ModelFacts ModelFacts::fromCatalog(const CatalogModel &model)
{
    ModelFacts facts;
    facts.contextLength = model.contextWindow;
    if (model.tools)
        facts.capabilities << QStringLiteral("tools");
    if (model.vision)
        facts.capabilities << QStringLiteral("vision");
    if (model.reasoning)
        facts.capabilities << QStringLiteral("reasoning");
    if (model.hasPrice()) {
        facts.inputPrice = model.inputPrice;
        facts.outputPrice = model.outputPrice;
    }
    return facts;
}

ModelFacts ModelFacts::fromOllama(const OllamaModel &model)
{
    ModelFacts facts;
    facts.contextLength = model.contextLength;
    for (const QString &c : model.notableCapabilities()) // Ollama says "thinking"
        addCapability(facts.capabilities,
                      c == QLatin1String("thinking") ? QStringLiteral("reasoning") : c);
    facts.sizeBytes = model.sizeBytes;
    facts.parameterSize = model.parameterSize;
    facts.quantization = model.quantization;
    facts.loaded = model.loaded;
    return facts;
}

ModelFacts ModelFacts::fromModelListEntry(const QJsonObject &entry)
{
    ModelFacts facts;
    const qint64 context = entry.value(QLatin1String("context_length")).toInteger(0);
    facts.contextLength = context > 0 ? context : 0;
    const QJsonObject caps = entry.value(QLatin1String("capabilities")).toObject();
    for (const char *name : {"tools", "vision", "reasoning"}) {
        if (caps.value(QLatin1String(name)).toBool())
            facts.capabilities << QLatin1String(name);
    }
    const QJsonObject pricing = entry.value(QLatin1String("pricing")).toObject();
    const double in = pricing.value(QLatin1String("input_per_million")).toDouble(-1);
    const double out = pricing.value(QLatin1String("output_per_million")).toDouble(-1);
    if (in >= 0 && out >= 0) {
        facts.inputPrice = in;
        facts.outputPrice = out;
    }
    return facts;
}

} // namespace gatehouse
