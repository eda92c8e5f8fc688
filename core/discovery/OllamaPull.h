#pragma once

#include "framing/NdjsonParser.h"
#include "util/Result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace gatehouse {

class UpstreamCall;
class UpstreamClient;

// One progress line of a pull, as Ollama streams them.
struct OllamaPullProgress
{
    QString status;   // "pulling manifest", "pulling 6a0746a1ec1a", "verifying sha256 digest", …
    QString digest;   // the layer being downloaded, when one is
    qint64 total = 0; // bytes of that layer; 0 while unknown
    qint64 completed = 0;

    // 0..100 for the layer, or -1 while the size is unknown.
    int percent() const;
    // "pulling 6a0746a1ec1a: 1.2 GB of 4.7 GB (25%)"
    QString describe() const;
};

// Downloads a model onto an Ollama server (POST /api/pull, streamed): reports each progress
// line, then finished() exactly once — done, failed with a readable reason, or cancelled.
// cancel() aborts the HTTP call; Ollama stops the download when its client goes away.
class OllamaPull : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Succeeded,
        Failed,
        Cancelled
    };
    Q_ENUM(Outcome)
    struct Timeouts
    {
        int connectMs = 5000;
        // The manifest is fetched from the registry before the first line.
        int firstByteMs = 60'000;
        // Verifying a large layer can be silent for a while.
        int idleMs = 600'000;
    };

    explicit OllamaPull(QObject *parent = nullptr);
    ~OllamaPull() override;

    // A model name Ollama accepts: "llama3.2", "qwen2.5-coder:7b", "hf.co/user/repo:Q4_K_M".
    static Status validateModelName(const QString &name);

    // `root` is the server root ("http://127.0.0.1:11434"). Refused, with nothing started and
    // no signal, when the name is not valid or a pull is running already; otherwise
    // finished() follows, from the event loop at the earliest.
    Status start(const QUrl &root, const QString &model, const Timeouts &timeouts);
    Status start(const QUrl &root, const QString &model) { return start(root, model, Timeouts{}); }
    void cancel();
    bool isRunning() const { return m_running; }
    QString model() const { return m_model; }

    static constexpr qsizetype maxLineBytes = qsizetype{64} * 1024;
    static constexpr qsizetype maxErrorBytes = qsizetype{64} * 1024;

signals:
    void progress(const gatehouse::OllamaPullProgress &progress);
    // `error` is readable and set when the outcome is Failed.
    void finished(gatehouse::OllamaPull::Outcome outcome, const QString &error);

private:
    void onLine(const QByteArray &line);
    void end(Outcome outcome, const QString &error);

    UpstreamClient *m_client;
    QPointer<UpstreamCall> m_call;
    QString m_model;
    QUrl m_url;
    int m_status = 0;
    QByteArray m_errorBody;
    NdjsonParser m_lines{maxLineBytes};
    bool m_succeeded = false;
    bool m_running = false;
};

} // namespace gatehouse
