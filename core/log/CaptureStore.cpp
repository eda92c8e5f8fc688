#include "CaptureStore.h"

#include "Sqlite.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

namespace gatehouse {

namespace {

const char *const createTable =
    "CREATE TABLE IF NOT EXISTS captures ("
    " request_id TEXT PRIMARY KEY, time_ms INTEGER NOT NULL, access_key TEXT,"
    " keep_until_ms INTEGER NOT NULL, request_headers BLOB, request_body BLOB,"
    " response_body BLOB, response_events BLOB, truncated INTEGER);"
    "CREATE INDEX IF NOT EXISTS captures_keep ON captures(keep_until_ms);";

void bindBlob(sqlite3_stmt *q, int i, const QByteArray &bytes)
{
    sqlite3_bind_blob(q, i, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
}

QByteArray columnBlob(sqlite3_stmt *q, int i)
{
    return QByteArray(static_cast<const char *>(sqlite3_column_blob(q, i)),
                      sqlite3_column_bytes(q, i));
}

// The text one event adds, in whichever API's shape it is.
QString eventText(const QJsonObject &o)
{
    // Chat Completions
    const QJsonArray choices = o.value(QLatin1String("choices")).toArray();
    if (!choices.isEmpty())
        return choices.first()
            .toObject()
            .value(QLatin1String("delta"))
            .toObject()
            .value(QLatin1String("content"))
            .toString();
    const QString type = o.value(QLatin1String("type")).toString();
    // Messages: content_block_delta; Responses: response.output_text.delta
    if (type == QLatin1String("content_block_delta"))
        return o.value(QLatin1String("delta")).toObject().value(QLatin1String("text")).toString();
    if (type == QLatin1String("response.output_text.delta"))
        return o.value(QLatin1String("delta")).toString();
    // Gemini
    const QJsonArray candidates = o.value(QLatin1String("candidates")).toArray();
    if (!candidates.isEmpty()) {
        QString text;
        const QJsonArray parts = candidates.first()
                                     .toObject()
                                     .value(QLatin1String("content"))
                                     .toObject()
                                     .value(QLatin1String("parts"))
                                     .toArray();
        for (const QJsonValue p : parts)
            text += p.toObject().value(QLatin1String("text")).toString();
        return text;
    }
    // Ollama: /api/chat and /api/generate
    if (o.value(QLatin1String("message")).isObject())
        return o.value(QLatin1String("message"))
            .toObject()
            .value(QLatin1String("content"))
            .toString();
    return o.value(QLatin1String("response")).toString();
}

} // namespace

const QByteArray CaptureStore::redacted = QByteArrayLiteral("[redacted]");

class CaptureStore::Writer : public QObject
{
public:
    QString path;
    sqlite::Database db;
    std::unique_ptr<sqlite::Statement> insert;

    Status open()
    {
        if (!db.open(path, false))
            return Status::failure(
                tr("Cannot open the content capture file %1: %2").arg(path, db.error()));
        db.exec("PRAGMA journal_mode=WAL");
        db.exec("PRAGMA secure_delete=ON"); // deleted bodies leave no trace in free pages
        if (!db.exec(createTable))
            return Status::failure(
                tr("Cannot create the content capture table in %1: %2").arg(path, db.error()));
        insert = std::make_unique<sqlite::Statement>(
            db.handle(), "INSERT OR REPLACE INTO captures (request_id, time_ms, access_key, "
                         "keep_until_ms, request_headers, request_body, response_body, "
                         "response_events, truncated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        if (!insert->ok())
            return Status::failure(
                tr("Cannot prepare the content capture file: %1").arg(db.error()));
        prune();
        auto *timer = new QTimer(this);
        timer->setInterval(3'600'000);
        connect(timer, &QTimer::timeout, this, [this] { prune(); });
        timer->start();
        return {};
    }
    void prune()
    {
        sqlite::Statement q(db.handle(), "DELETE FROM captures WHERE keep_until_ms < ?1");
        q.integer(1, QDateTime::currentMSecsSinceEpoch());
        sqlite3_step(q.get());
    }
    void write(const CapturedExchange &c)
    {
        if (!insert)
            return;
        sqlite3_stmt *q = insert->get();
        insert->text(1, c.requestId);
        insert->integer(2, c.timeMs);
        insert->text(3, c.accessKey);
        insert->integer(4, c.keepUntilMs);
        bindBlob(q, 5, c.requestHeaders);
        bindBlob(q, 6, c.requestBody);
        bindBlob(q, 7, c.responseBody);
        bindBlob(q, 8, c.responseEvents);
        insert->integer(9, c.truncated ? 1 : 0);
        if (sqlite3_step(q) != SQLITE_DONE)
            qWarning("content capture: a capture could not be written to %s: %s", qPrintable(path),
                     qPrintable(db.error()));
        sqlite3_reset(q);
    }
    void close()
    {
        insert.reset();
        db.close();
    }
};

CaptureStore::CaptureStore(const QString &path, QObject *parent)
    : QObject(parent), m_path(path), m_thread(new QThread(this)), m_writer(new Writer)
{
    m_thread->setObjectName(QStringLiteral("content-capture"));
    m_writer->path = path;
    m_writer->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread->start();
}

CaptureStore::~CaptureStore()
{
    QMetaObject::invokeMethod(
        m_writer, [w = m_writer] { w->close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

Status CaptureStore::open()
{
    Status result;
    QMetaObject::invokeMethod(
        m_writer, [this, &result] { result = m_writer->open(); }, Qt::BlockingQueuedConnection);
    return result;
}

void CaptureStore::store(const CapturedExchange &capture)
{
    QMetaObject::invokeMethod(m_writer, [w = m_writer, capture] { w->write(capture); });
}

void CaptureStore::flush()
{
    QMetaObject::invokeMethod(
        m_writer, [] {}, Qt::BlockingQueuedConnection);
}

Result<std::optional<CapturedExchange>> CaptureStore::find(const QString &path,
                                                           const QString &requestId)
{
    using Out = Result<std::optional<CapturedExchange>>;
    if (!QFileInfo::exists(path))
        return Out(std::nullopt);
    sqlite::Database db;
    if (!db.open(path, true))
        return Out::failure(
            tr("Cannot open the content capture file %1: %2").arg(path, db.error()));
    sqlite::Statement q(db.handle(),
                        "SELECT time_ms, access_key, keep_until_ms, request_headers, request_body, "
                        "response_body, response_events, truncated FROM captures WHERE "
                        "request_id = ?1 AND keep_until_ms >= ?2");
    if (!q.ok())
        return Out::failure(tr("Cannot read the content capture file: %1").arg(db.error()));
    q.text(1, requestId);
    q.integer(2, QDateTime::currentMSecsSinceEpoch());
    const int rc = sqlite3_step(q.get());
    if (rc == SQLITE_DONE)
        return Out(std::nullopt);
    if (rc != SQLITE_ROW)
        return Out::failure(tr("Cannot read the content capture file: %1").arg(db.error()));
    CapturedExchange c;
    c.requestId = requestId;
    c.timeMs = sqlite3_column_int64(q.get(), 0);
    c.accessKey = q.columnText(1);
    c.keepUntilMs = sqlite3_column_int64(q.get(), 2);
    c.requestHeaders = columnBlob(q.get(), 3);
    c.requestBody = columnBlob(q.get(), 4);
    c.responseBody = columnBlob(q.get(), 5);
    c.responseEvents = columnBlob(q.get(), 6);
    c.truncated = sqlite3_column_int64(q.get(), 7) != 0;
    return Out(std::move(c));
}

Result<qint64> CaptureStore::clear(const QString &path, qint64 beforeMs)
{
    if (!QFileInfo::exists(path))
        return qint64{0};
    sqlite::Database db;
    if (!db.open(path, false))
        return Result<qint64>::failure(
            tr("Cannot open the content capture file %1: %2").arg(path, db.error()));
    db.exec("PRAGMA secure_delete=ON");
    sqlite::Statement q(db.handle(), beforeMs >= 0 ? "DELETE FROM captures WHERE time_ms < ?1"
                                                   : "DELETE FROM captures");
    if (!q.ok())
        return qint64{0}; // no table yet: nothing captured
    if (beforeMs >= 0)
        q.integer(1, beforeMs);
    if (sqlite3_step(q.get()) != SQLITE_DONE)
        return Result<qint64>::failure(
            tr("Cannot clear the content capture file: %1").arg(db.error()));
    const qint64 removed = sqlite3_changes(db.handle());
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return removed;
}

QByteArray CaptureStore::redact(QByteArray text, const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets) {
        if (secret.size() >= 8)
            text.replace(secret, redacted);
    }
    return text;
}

QByteArray CaptureStore::assembleText(const QByteArray &events)
{
    QString text;
    for (QByteArray line : events.split('\n')) {
        line = line.trimmed();
        if (line.startsWith("data:"))
            line = line.mid(5).trimmed();
        // Gemini's JSON-array stream: elements between "[", "," and "]".
        while (line.startsWith('[') || line.startsWith(','))
            line = line.mid(1).trimmed();
        if (line.endsWith(']'))
            line.chop(1);
        if (line.endsWith(','))
            line.chop(1);
        if (!line.startsWith('{'))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            text += eventText(doc.object());
    }
    return text.toUtf8();
}

} // namespace gatehouse
