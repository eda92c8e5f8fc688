#include "RequestLog.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <atomic>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RequestLog", text);
}

const char *const createTable =
    "CREATE TABLE IF NOT EXISTS requests ("
    " id INTEGER PRIMARY KEY, time TEXT NOT NULL, request_id TEXT, access_key TEXT,"
    " endpoint TEXT, requested_model TEXT, route TEXT, provider TEXT, model TEXT,"
    " attempts TEXT, attempt_count INTEGER, status INTEGER, stream INTEGER,"
    " first_byte_ms INTEGER, total_ms INTEGER, input_tokens INTEGER, output_tokens INTEGER,"
    " cost REAL, error TEXT)";

// A database connection for the calling thread and this file, closed when it goes away.
class Connection
{
public:
    explicit Connection(const QString &path)
        : m_name(QStringLiteral("gatehouse-log-") + QUuid::createUuid().toString(QUuid::Id128))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

QVariant nullable(qint64 v)
{
    return v < 0 ? QVariant() : QVariant(v);
}

} // namespace

class RequestLog::Writer : public QObject
{
public:
    QString path;
    std::unique_ptr<Connection> connection;
    QList<RequestLogEntry> pending;
    QTimer *timer = nullptr;

    Status open()
    {
        connection = std::make_unique<Connection>(path);
        if (!connection->db().open())
            return Status::failure(tr("Cannot open the request log %1: %2")
                                       .arg(path, connection->db().lastError().text()));
        QSqlQuery q(connection->db());
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        if (!q.exec(QString::fromLatin1(createTable)) ||
            !q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS requests_time ON requests(time)")))
            return Status::failure(tr("Cannot create the request log table in %1: %2")
                                       .arg(path, q.lastError().text()));
        q.prepare(QStringLiteral("DELETE FROM requests WHERE time < ?"));
        q.addBindValue(
            QDateTime::currentDateTimeUtc().addDays(-retentionDays).toString(Qt::ISODateWithMs));
        q.exec();
        timer = new QTimer(this);
        timer->setInterval(500);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this] { write(); });
        return {};
    }

    void add(const RequestLogEntry &e)
    {
        pending.append(e);
        if (pending.size() >= 200)
            write();
        else if (timer && !timer->isActive())
            timer->start();
    }

    void write()
    {
        if (pending.isEmpty() || !connection || !connection->db().isOpen())
            return;
        QSqlDatabase &db = connection->db();
        db.transaction();
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO requests (time, request_id, access_key, endpoint, requested_model, "
            "route, provider, model, attempts, attempt_count, status, stream, first_byte_ms, "
            "total_ms, input_tokens, output_tokens, cost, error) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const RequestLogEntry &e : std::as_const(pending)) {
            q.addBindValue(e.time.toUTC().toString(Qt::ISODateWithMs));
            q.addBindValue(e.requestId);
            q.addBindValue(e.accessKey);
            q.addBindValue(e.endpoint);
            q.addBindValue(e.requestedModel);
            q.addBindValue(e.route);
            q.addBindValue(e.provider);
            q.addBindValue(e.model);
            q.addBindValue(e.attempts);
            q.addBindValue(e.attemptCount);
            q.addBindValue(e.status);
            q.addBindValue(e.stream ? 1 : 0);
            q.addBindValue(nullable(e.firstByteMs));
            q.addBindValue(e.totalMs);
            q.addBindValue(nullable(e.inputTokens));
            q.addBindValue(nullable(e.outputTokens));
            q.addBindValue(e.cost < 0 ? QVariant() : QVariant(e.cost));
            q.addBindValue(e.error);
            if (!q.exec())
                qWarning("request log: %s", qPrintable(q.lastError().text()));
        }
        db.commit();
        pending.clear();
    }
};

RequestLog::RequestLog(const QString &path, QObject *parent)
    : QObject(parent), m_path(path), m_thread(new QThread(this)), m_writer(new Writer)
{
    m_thread->setObjectName(QStringLiteral("request-log"));
    m_writer->path = path;
    m_writer->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread->start();
}

RequestLog::~RequestLog()
{
    flush();
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer] { w->connection.reset(); }, Qt::BlockingQueuedConnection);
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
    QMetaObject::invokeMethod(m_writer, [w = m_writer, entry] { w->add(entry); });
}

void RequestLog::flush()
{
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer] { w->write(); }, Qt::BlockingQueuedConnection);
}

QList<RequestLogEntry> RequestLog::recent(const QString &path, int limit)
{
    QList<RequestLogEntry> out;
    Connection c(path);
    if (!c.db().open())
        return out;
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral(
        "SELECT time, request_id, access_key, endpoint, requested_model, route, provider, model, "
        "attempts, attempt_count, status, stream, first_byte_ms, total_ms, input_tokens, "
        "output_tokens, cost, error FROM requests ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        RequestLogEntry e;
        e.time = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
        e.requestId = q.value(1).toString();
        e.accessKey = q.value(2).toString();
        e.endpoint = q.value(3).toString();
        e.requestedModel = q.value(4).toString();
        e.route = q.value(5).toString();
        e.provider = q.value(6).toString();
        e.model = q.value(7).toString();
        e.attempts = q.value(8).toString();
        e.attemptCount = q.value(9).toInt();
        e.status = q.value(10).toInt();
        e.stream = q.value(11).toInt() != 0;
        e.firstByteMs = q.value(12).isNull() ? -1 : q.value(12).toLongLong();
        e.totalMs = q.value(13).toLongLong();
        e.inputTokens = q.value(14).isNull() ? -1 : q.value(14).toLongLong();
        e.outputTokens = q.value(15).isNull() ? -1 : q.value(15).toLongLong();
        e.cost = q.value(16).isNull() ? -1 : q.value(16).toDouble();
        e.error = q.value(17).toString();
        out.append(e);
    }
    return out;
}

QHash<QString, RequestLog::Usage> RequestLog::usageByKey(const QString &path, const QDateTime &now)
{
    QHash<QString, Usage> out;
    Connection c(path);
    if (!c.db().open())
        return out;
    const QDateTime utc = now.toUTC();
    const QString dayStart =
        QDateTime(utc.date(), QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs);
    const QString monthStart =
        QDateTime(QDate(utc.date().year(), utc.date().month(), 1), QTime(0, 0), Qt::UTC)
            .toString(Qt::ISODateWithMs);
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral(
        "SELECT access_key, SUM(CASE WHEN time >= ? THEN COALESCE(input_tokens, 0) + "
        "COALESCE(output_tokens, 0) ELSE 0 END), SUM(COALESCE(cost, 0)) FROM requests "
        "WHERE time >= ? GROUP BY access_key"));
    q.addBindValue(dayStart);
    q.addBindValue(monthStart);
    if (!q.exec())
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toDouble()});
    return out;
}

} // namespace gatehouse
