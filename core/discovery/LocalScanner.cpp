#include "LocalScanner.h"

#include <QSet>
#include <memory>

namespace gatehouse {

LocalScanner::LocalScanner(QObject *parent)
    : QObject(parent), m_probe(new ProviderProbe(this)), m_inspector(new OllamaInspector(this))
{
}

QList<LocalScanner::Candidate> LocalScanner::wellKnown()
{
    auto at = [](quint16 port) { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)); };
    return {
        {QStringLiteral("Ollama"), QStringLiteral("ollama"), at(11434), true},
        {QStringLiteral("LM Studio"), QStringLiteral("lm-studio"), at(1234)},
        {QStringLiteral("vLLM"), QStringLiteral("vllm"), at(8000)},
        {QStringLiteral("llama.cpp server / LocalAI"), QStringLiteral("llama-cpp"), at(8080)},
        {QStringLiteral("Jan"), QStringLiteral("jan"), at(1337)},
        {QStringLiteral("GPT4All"), QStringLiteral("gpt4all"), at(4891)},
    };
}

void LocalScanner::scan(const QList<Candidate> &candidates, int timeoutMs)
{
    const quint64 generation = ++m_generation;
    struct Pending
    {
        QList<Candidate> candidates;
        QHash<int, ProbeResult> answered; // index -> what it answered
        QHash<int, OllamaInventory> inventories;
    };
    auto pending = std::make_shared<Pending>();
    QSet<QUrl> seen;
    for (const Candidate &c : candidates) {
        if (!seen.contains(c.baseUrl)) {
            seen.insert(c.baseUrl);
            pending->candidates.append(c);
        }
    }
    m_outstanding = 0;
    for (const Candidate &c : pending->candidates)
        m_outstanding += c.ollama ? 2 : 1;
    if (m_outstanding == 0) {
        emit finished({});
        return;
    }
    auto settle = [this, pending, generation] {
        if (generation != m_generation)
            return; // a newer scan replaced this one
        if (--m_outstanding > 0)
            return;
        QList<Found> found;
        for (int j = 0; j < pending->candidates.size(); ++j) {
            if (pending->answered.contains(j)) {
                const ProbeResult &answer = pending->answered[j];
                found.append({pending->candidates[j], answer.models, answer.servesResponses,
                              pending->inventories.value(j)});
            }
        }
        emit finished(found);
    };
    for (int i = 0; i < pending->candidates.size(); ++i) {
        const Candidate &c = pending->candidates[i];
        Provider p;
        p.id = c.suggestedId;
        p.baseUrl = c.baseUrl;
        m_probe->probe(
            p, {},
            [pending, i, settle](const ProbeResult &r) {
                if (r.ok)
                    pending->answered.insert(i, r);
                settle();
            },
            timeoutMs);
        if (!c.ollama)
            continue;
        // Alongside the probe, not after it: a scan takes as long as its slowest server.
        OllamaInspector::Limits limits;
        limits.callTimeoutMs = std::max(timeoutMs, 1000);
        limits.budgetMs = 2 * limits.callTimeoutMs;
        m_inspector->inspect(
            OllamaApi::rootOf(c.baseUrl), c.server,
            [pending, i, settle](const OllamaInventory &inventory) {
                pending->inventories.insert(i, inventory);
                settle();
            },
            limits);
    }
}

Provider LocalScanner::providerFor(const Found &found, bool ollamaNative,
                                   const QStringList &takenIds)
{
    Provider p;
    p.id = uniqueId(found.candidate.suggestedId, takenIds);
    p.displayName = found.candidate.server;
    p.baseUrl = found.candidate.baseUrl;
    if (found.servesResponses)
        p.surfaces = {ApiSurface::OpenAi, ApiSurface::Responses};
    if (found.isOllama() && ollamaNative) {
        p.baseUrl = OllamaApi::rootOf(found.candidate.baseUrl);
        p.surfaces = {ApiSurface::Ollama};
    }
    return p;
}

QStringList LocalScanner::modelsOf(const Found &found, bool ollamaNative)
{
    if (!found.isOllama() || !ollamaNative)
        return found.models;
    QStringList models;
    for (const OllamaModel &m : found.ollama.models)
        models << m.name;
    return models;
}

QString LocalScanner::uniqueId(const QString &base, const QStringList &taken)
{
    if (!taken.contains(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + QLatin1Char('-') + QString::number(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace gatehouse
