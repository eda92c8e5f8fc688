#pragma once

#include "OllamaInspector.h"
#include "ProviderProbe.h"
#include "config/Provider.h"

#include <QList>
#include <QObject>

namespace gatehouse {

// Looks for model servers on this machine: each well-known server at its default port.
class LocalScanner : public QObject
{
    Q_OBJECT
public:
    struct Candidate
    {
        QString server;      // "Ollama"
        QString suggestedId; // "ollama"
        QUrl baseUrl;        // "http://127.0.0.1:11434/v1"
        // Whether the server is asked for Ollama's native model details as well.
        bool ollama = false;
    };
    struct Found
    {
        Candidate candidate;
        QStringList models;
        bool servesResponses = false; // the server also answers the Responses API
        // What Ollama's native API told about the models (sizes, context, loaded), for a
        // candidate marked `ollama`; ollama.ok is false when it did not answer.
        OllamaInventory ollama;
        bool isOllama() const { return ollama.ok; }
    };

    explicit LocalScanner(QObject *parent = nullptr);

    // Ollama, LM Studio, vLLM, llama.cpp server, LocalAI, Jan and GPT4All at their defaults.
    static QList<Candidate> wellKnown();

    // Probes every candidate at once (and reads an Ollama server's model details alongside);
    // emits finished() with those that answered, in the order given. A port two servers share
    // (llama.cpp and LocalAI) is reported once.
    void scan(const QList<Candidate> &candidates, int timeoutMs = 1500);

    // The provider a found server becomes: its suggested id made unique among `takenIds`, its
    // URL and the APIs it answered; an Ollama server by its own API at its root when
    // `ollamaNative` (model details reach tools), else by its OpenAI-compatible one. No model
    // list: whatever the server offers passes, new models included.
    static Provider providerFor(const Found &found, bool ollamaNative, const QStringList &takenIds);
    // The models the user will see for it, in the server's order.
    static QStringList modelsOf(const Found &found, bool ollamaNative);
    // `base`, else base-2, base-3, …: the first not in `taken`.
    static QString uniqueId(const QString &base, const QStringList &taken);
    bool isScanning() const { return m_outstanding > 0; }

signals:
    void finished(const QList<gatehouse::LocalScanner::Found> &found);

private:
    ProviderProbe *m_probe;
    OllamaInspector *m_inspector;
    int m_outstanding = 0;
    quint64 m_generation = 0;
};

} // namespace gatehouse
