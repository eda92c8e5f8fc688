#pragma once

#include "OllamaModel.h"

#include <QObject>
#include <functional>

namespace gatehouse {

class UpstreamClient;
struct UpstreamRequest;

// What reading an Ollama server's models found out.
struct OllamaInventory
{
    bool ok = false;
    QString error; // readable, when !ok
    QList<OllamaModel> models;
    // Models whose /api/show was not asked (past the limit, out of time) or did not answer:
    // their context length and capabilities are unknown.
    int withoutDetails = 0;
};

// Reads an Ollama server's models through its native API: /api/tags and /api/ps at once,
// then /api/show for the first few models, a few at a time. Every call has a timeout and a
// size limit, and the whole reading a time budget, so a slow server cannot hold a scan up.
class OllamaInspector : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int callTimeoutMs = 3000;
        int budgetMs = 6000; // no /api/show is started after this
        int maxShown = 24;   // models asked for details
        int parallelShows = 4;
    };

    explicit OllamaInspector(QObject *parent = nullptr);

    // `root` is the server root ("http://127.0.0.1:11434"); `label` names the server in
    // messages. Calls `done` exactly once, from the event loop, unless this object is
    // deleted first.
    void inspect(const QUrl &root, const QString &label,
                 std::function<void(const OllamaInventory &)> done, const Limits &limits);
    void inspect(const QUrl &root, const QString &label,
                 std::function<void(const OllamaInventory &)> done)
    {
        inspect(root, label, std::move(done), Limits{});
    }

    static constexpr qint64 maxAnswerBytes = qint64{8} * 1024 * 1024;

private:
    UpstreamClient *m_client;
};

} // namespace gatehouse
