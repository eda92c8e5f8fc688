#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QThread;
class QTimer;

namespace gatehouse {

// One row of the request log: what was asked, where it went, how it ended. Never the
// prompt or the answer.
struct RequestLogEntry
{
    qint64 id = 0;     // the row's id, when read back (newest is highest)
    qint64 timeMs = 0; // when the request arrived, milliseconds since 1970 (UTC)
    QString requestId;
    QString accessKey;
    QString endpoint; // "chat/completions", "messages", …
    QString requestedModel;
    QString route;    // the routing rule used, if any
    QString provider; // who answered (or was tried last)
    QString model;
    QString attempts; // "openai:gpt-4o 429 (130 ms); anthropic:claude-sonnet-4-5 200"
    int attemptCount = 0;
    int status = 0;
    bool stream = false;
    qint64 firstByteMs = -1;
    qint64 totalMs = 0;
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
    qint64 cachedTokens = -1;    // part of the input, read from the provider's cache
    qint64 reasoningTokens = -1; // part of the output
    double cost = -1;            // US dollars from catalog prices; negative when unknown
    QString error;
};

// The request log in SQLite, written on a thread of its own so that a slow disk never
// holds up a request. Rows are written in batches, in one transaction each.
class RequestLog : public QObject
{
    Q_OBJECT
public:
    explicit RequestLog(const QString &path, QObject *parent = nullptr);
    ~RequestLog() override;

    QString path() const { return m_path; }
    // Creates the file and table if needed and drops rows past the retention period.
    Status open();
    // Safe from any thread; the row reaches the file within a second.
    void append(const RequestLogEntry &entry);
    // Writes what is waiting now (blocks until written).
    void flush();
    // Why the last write failed ("database or disk is full"); empty while writes succeed.
    // Safe from any thread.
    QString writeError() const;

    // Reads, from any thread, on a connection of their own.
    static QList<RequestLogEntry> recent(const QString &path, int limit);
    struct Usage
    {
        qint64 tokensToday = 0;
        double spendThisMonth = 0;
    };
    // Usage per access key in the current day and month; a log that cannot be read sets
    // `error` (when given) rather than passing for one without usage.
    static QHash<QString, Usage> usageByKey(const QString &path, const QDateTime &now,
                                            QString *error = nullptr);

    static constexpr int retentionDays = 90;

signals:
    // Writing failed (rows were lost), or works again (empty `error`). Emitted from the
    // log's own thread; the rows' content is never part of it.
    void writeStatusChanged(const QString &error);

private:
    class Writer;
    QString m_path;
    QThread *m_thread;
    Writer *m_writer;
};

} // namespace gatehouse
