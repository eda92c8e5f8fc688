#include "LocalScanner.h"

#include <QSet>
#include <memory>

namespace gatehouse {

LocalScanner::LocalScanner(QObject *parent) : QObject(parent), m_probe(new ProviderProbe(this)) {}

QList<LocalScanner::Candidate> LocalScanner::wellKnown()
{
    auto at = [](quint16 port) { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)); };
    return {
        {QStringLiteral("Ollama"), QStringLiteral("ollama"), at(11434)},
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
    };
    auto pending = std::make_shared<Pending>();
    QSet<QUrl> seen;
    for (const Candidate &c : candidates) {
        if (!seen.contains(c.baseUrl)) {
            seen.insert(c.baseUrl);
            pending->candidates.append(c);
        }
    }
    m_outstanding = static_cast<int>(pending->candidates.size());
    if (m_outstanding == 0) {
        emit finished({});
        return;
    }
    for (int i = 0; i < pending->candidates.size(); ++i) {
        Provider p;
        p.id = pending->candidates[i].suggestedId;
        p.baseUrl = pending->candidates[i].baseUrl;
        m_probe->probe(
            p, {},
            [this, pending, i, generation](const ProbeResult &r) {
                if (generation != m_generation)
                    return; // a newer scan replaced this one
                if (r.ok)
                    pending->answered.insert(i, r);
                if (--m_outstanding > 0)
                    return;
                QList<Found> found;
                for (int j = 0; j < pending->candidates.size(); ++j) {
                    if (pending->answered.contains(j)) {
                        const ProbeResult &answer = pending->answered[j];
                        found.append(
                            {pending->candidates[j], answer.models, answer.servesResponses});
                    }
                }
                emit finished(found);
            },
            timeoutMs);
    }
}

} // namespace gatehouse
