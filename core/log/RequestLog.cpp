#include "RequestLog.h"

#include "RequestLogQuery.h"
#include "Sqlite.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <sqlite3.h>

namespace gatehouse {

namespace {

constexpr qsizetype batchLimit = 256;

const char *const createTable =
    "CREATE TABLE IF NOT EXISTS requests ("
    " id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, request_id TEXT, access_key TEXT,"
    " endpoint TEXT, requested_model TEXT, route TEXT, provider TEXT, model TEXT,"
    " attempts TEXT, attempt_count INTEGER, status INTEGER, stream INTEGER,"
    " first_byte_ms INTEGER, total_ms INTEGER, input_tokens INTEGER, output_tokens INTEGER,"
    " cost REAL, error TEXT, cached_tokens INTEGER, reasoning_tokens INTEGER);"
    "CREATE INDEX IF NOT EXISTS requests_time ON requests(time_ms);";

// Columns later versions added, for files an earlier version made.
struct AddedColumn
{
    const char *name;
    const char *alter;
};
const AddedColumn addedColumns[] = {
    {"cached_tokens", "ALTER TABLE requests ADD COLUMN cached_tokens INTEGER"},
    {"reasoning_tokens", "ALTER TABLE requests ADD COLUMN reasoning_tokens INTEGER"},
};

const char *const insertRow =
    "INSERT INTO requests (time_ms, request_id, access_key, endpoint, requested_model, route, "
    "provider, model, attempts, attempt_count, status, stream, first_byte_ms, total_ms, "
    "input_tokens, output_tokens, cost, error, cached_tokens, reasoning_tokens) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)";

bool hasColumn(sqlite3 *db, const char *name)
{
    sqlite::Statement q(db, "SELECT 1 FROM pragma_table_info('requests') WHERE name = ?1");
    q.utf8(1, QByteArray(name));
    return q.ok() && sqlite3_step(q.get()) == SQLITE_ROW;
}

} // namespace

using sqlite::Database;
using sqlite::Statement;

class RequestLog::Writer : public QObject
{
public:
    QString path;
    Database db;
    std::unique_ptr<Statement> insert;
    QTimer *timer = nullptr;
    // Entries wait here, filled by any thread, emptied by this one.
    QMutex mutex;
    QList<RequestLogEntry> queue;
    std::atomic<bool> scheduled{false}; // a write is due; set by append(), cleared by write()
    RequestLog *owner = nullptr;
    QString writeError; // guarded by `mutex`
    bool failing = false;

    Status open()
    {
        if (!db.open(path, false))
            return Status::failure(tr("Cannot open the request log %1: %2").arg(path, db.error()));
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA synchronous=NORMAL");
        if (!db.exec(createTable))
            return Status::failure(
                tr("Cannot create the request log table in %1: %2").arg(path, db.error()));
        for (const AddedColumn &c : addedColumns) {
            if (!hasColumn(db.handle(), c.name) && !db.exec(c.alter))
                return Status::failure(
                    tr("Cannot update the request log table in %1: %2").arg(path, db.error()));
        }
        {
            Statement prune(db.handle(), "DELETE FROM requests WHERE time_ms < ?1");
            prune.integer(1,
                          QDateTime::currentMSecsSinceEpoch() - qint64{retentionDays} * 86'400'000);
            sqlite3_step(prune.get());
        }
        insert = std::make_unique<Statement>(db.handle(), insertRow);
        if (!insert->ok())
            return Status::failure(tr("Cannot prepare the request log: %1").arg(db.error()));
        timer = new QTimer(this);
        timer->setInterval(500);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this] { write(); });
        return {};
    }

    void write()
    {
        QList<RequestLogEntry> batch;
        scheduled = false;
        {
            QMutexLocker lock(&mutex);
            batch.swap(queue);
        }
        if (batch.isEmpty() || !insert)
            return;
        int rc = sqlite3_exec(db.handle(), "BEGIN", nullptr, nullptr, nullptr);
        Statement &q = *insert;
        for (const RequestLogEntry &e : std::as_const(batch)) {
            q.integer(1, e.timeMs);
            q.text(2, e.requestId);
            q.text(3, e.accessKey);
            q.text(4, e.endpoint);
            q.text(5, e.requestedModel);
            q.text(6, e.route);
            q.text(7, e.provider);
            q.text(8, e.model);
            q.text(9, e.attempts);
            q.integer(10, e.attemptCount);
            q.integer(11, e.status);
            q.integer(12, e.stream ? 1 : 0);
            q.optional(13, e.firstByteMs);
            q.integer(14, e.totalMs);
            q.optional(15, e.inputTokens);
            q.optional(16, e.outputTokens);
            if (e.cost < 0)
                sqlite3_bind_null(q.get(), 17);
            else
                sqlite3_bind_double(q.get(), 17, e.cost);
            q.text(18, e.error);
            q.optional(19, e.cachedTokens);
            q.optional(20, e.reasoningTokens);
            if (rc == SQLITE_OK) {
                const int step = sqlite3_step(q.get());
                if (step != SQLITE_DONE)
                    rc = step;
            }
            sqlite3_reset(q.get());
        }
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(db.handle(), "COMMIT", nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) {
            sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
            reportFailure(QString::fromUtf8(sqlite3_errstr(rc)), batch.size());
        } else if (failing) {
            failing = false;
            setError({});
        }
    }

    // Says that rows were lost: once in the log output (no content, only the count and the
    // reason), and to whoever shows the log's state (status bar, /healthz).
    void reportFailure(const QString &why, qsizetype rows)
    {
        qWarning("request log: %lld rows could not be written to %s: %s",
                 static_cast<long long>(rows), qPrintable(path), qPrintable(why));
        failing = true;
        setError(why);
    }
    void setError(const QString &error)
    {
        {
            QMutexLocker lock(&mutex);
            if (writeError == error)
                return;
            writeError = error;
        }
        emit owner->writeStatusChanged(error);
    }

    void close()
    {
        write();
        insert.reset();
        db.close();
    }
};

RequestLog::RequestLog(const QString &path, QObject *parent)
    : QObject(parent), m_path(path), m_thread(new QThread(this)), m_writer(new Writer)
{
    m_thread->setObjectName(QStringLiteral("request-log"));
    m_writer->path = path;
    m_writer->owner = this;
    m_writer->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread->start();
}

RequestLog::~RequestLog()
{
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

Status RequestLog::open()
{
    Status result;
    QMetaObject::invokeMethod(
        m_writer, [this, &result] { result = m_writer->open(); }, Qt::BlockingQueuedConnection);
    return result;
}

void RequestLog::append(const RequestLogEntry &entry)
{
    // No event per entry: the first entry of a batch starts the writer's timer, and the
    // writer takes everything that queued up by then.
    qsizetype waiting = 0;
    {
        QMutexLocker lock(&m_writer->mutex);
        m_writer->queue.append(entry);
        waiting = m_writer->queue.size();
    }
    if (!m_writer->scheduled.exchange(true)) {
        QMetaObject::invokeMethod(m_writer, [w = m_writer] {
            if (w->timer && !w->timer->isActive())
                w->timer->start();
        });
    } else if (waiting == batchLimit) {
        // Under heavy load, write every few hundred rows rather than holding them in memory.
        QMetaObject::invokeMethod(m_writer, [w = m_writer] { w->write(); });
    }
}

void RequestLog::flush()
{
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer] { w->write(); }, Qt::BlockingQueuedConnection);
}

QString RequestLog::writeError() const
{
    QMutexLocker lock(&m_writer->mutex);
    return m_writer->writeError;
}

QList<RequestLogEntry> RequestLog::recent(const QString &path, int limit)
{
    auto page = RequestLogQuery::page(path, {}, limit);
    return page ? page->rows : QList<RequestLogEntry>{};
}

QHash<QString, RequestLog::Usage> RequestLog::usageByKey(const QString &path, const QDateTime &now,
                                                         QString *error)
{
    QHash<QString, Usage> out;
    Database db;
    if (!db.open(path, true)) {
        if (error)
            *error = db.error();
        return out;
    }
    const QDateTime utc = now.toUTC();
    const qint64 dayStart = QDateTime(utc.date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 monthStart =
        QDateTime(QDate(utc.date().year(), utc.date().month(), 1), QTime(0, 0), Qt::UTC)
            .toMSecsSinceEpoch();
    Statement q(db.handle(),
                "SELECT access_key, SUM(CASE WHEN time_ms >= ?1 THEN COALESCE(input_tokens, 0) + "
                "COALESCE(output_tokens, 0) ELSE 0 END), SUM(COALESCE(cost, 0)) FROM requests "
                "WHERE time_ms >= ?2 GROUP BY access_key");
    if (!q.ok()) {
        if (error)
            *error = db.error();
        return out;
    }
    q.integer(1, dayStart);
    q.integer(2, monthStart);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(q.get())) == SQLITE_ROW)
        out.insert(q.columnText(0),
                   {sqlite3_column_int64(q.get(), 1), sqlite3_column_double(q.get(), 2)});
    if (rc != SQLITE_DONE && error)
        *error = db.error();
    return out;
}

} // namespace gatehouse
