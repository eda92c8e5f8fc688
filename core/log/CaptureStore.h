#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

class QThread;

namespace gatehouse {

// The bodies of one request and its answer, kept only for key configurations that capture
// content. Keys are redacted before a capture is made (CaptureStore::redact).
struct CapturedExchange
{
    QString requestId;
    qint64 timeMs = 0;
    QString accessKey;
    qint64 keepUntilMs = 0;    // deleted after this
    QByteArray requestHeaders; // "name: value" lines, credentials redacted
    QByteArray requestBody;
    QByteArray responseBody;   // a whole answer; for streams the text assembled from the events
    QByteArray responseEvents; // a stream's events as they were sent
    bool truncated = false;    // a body was longer than the size cap and was cut there
};

// Captured bodies in their own SQLite file (owner-only, never requests.sqlite), written on a
// thread of its own; expired captures are deleted when it opens and once an hour.
class CaptureStore : public QObject
{
    Q_OBJECT
public:
    explicit CaptureStore(const QString &path, QObject *parent = nullptr);
    ~CaptureStore() override;

    QString path() const { return m_path; }
    Status open();
    // Safe from any thread.
    void store(const CapturedExchange &capture);
    // Writes what is waiting now (blocks until written).
    void flush();

    // Reads on a connection of their own.
    static Result<std::optional<CapturedExchange>> find(const QString &path,
                                                        const QString &requestId);
    // Deletes every capture, or those made before `beforeMs`.
    static Result<qint64> clear(const QString &path, qint64 beforeMs = -1);

    // `text` with every occurrence of each secret replaced by "[redacted]"; secrets shorter
    // than 8 bytes are left alone (they would match ordinary words).
    static QByteArray redact(QByteArray text, const QList<QByteArray> &secrets);
    // The text of a stream's events (Chat Completions, Messages, Responses, Gemini, Ollama).
    static QByteArray assembleText(const QByteArray &events);
    static const QByteArray redacted;

private:
    class Writer;
    QString m_path;
    QThread *m_thread;
    Writer *m_writer;
};

} // namespace gatehouse
