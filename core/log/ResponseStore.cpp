#include "ResponseStore.h"

#include "Sqlite.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

namespace gatehouse {

using sqlite::Database;
using sqlite::Statement;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ResponseStore", text);
}

const char *const createTable =
    "CREATE TABLE IF NOT EXISTS responses ("
    " id TEXT PRIMARY KEY, access_key TEXT NOT NULL, created_ms INTEGER NOT NULL,"
    " input TEXT NOT NULL, response TEXT NOT NULL);"
    "CREATE INDEX IF NOT EXISTS responses_created ON responses(created_ms);";

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

ResponseStore::ResponseStore(const QString &path) : m_path(path) {}

ResponseStore::~ResponseStore() = default;

Status ResponseStore::open()
{
    if (m_path.isEmpty())
        return {};
    auto db = std::make_unique<Database>();
    if (!db->open(m_path, false))
        return Status::failure(
            tr("Cannot open the response store %1: %2").arg(m_path, db->error()));
    // Answers hold what users asked and what models said: owner-only, like the config.
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    db->exec("PRAGMA journal_mode=WAL");
    db->exec("PRAGMA synchronous=NORMAL");
    if (!db->exec(createTable))
        return Status::failure(
            tr("Cannot create the response store table in %1: %2").arg(m_path, db->error()));
    m_db = std::move(db);
    prune();
    return {};
}

bool ResponseStore::expired(const Entry &e) const
{
    return e.createdMs < now() - maxAgeMs;
}

Status ResponseStore::put(const Entry &entry)
{
    if (!m_db) {
        m_memory.insert(entry.id, entry);
        if (++m_putsSincePrune >= 100)
            prune();
        return {};
    }
    Statement q(m_db->handle(),
                "INSERT OR REPLACE INTO responses (id, access_key, created_ms, input, response) "
                "VALUES (?1, ?2, ?3, ?4, ?5)");
    q.text(1, entry.id);
    q.text(2, entry.accessKey);
    q.integer(3, entry.createdMs);
    q.utf8(4, QJsonDocument(entry.input).toJson(QJsonDocument::Compact));
    q.utf8(5, QJsonDocument(entry.response).toJson(QJsonDocument::Compact));
    if (!q.ok() || sqlite3_step(q.get()) != SQLITE_DONE)
        return Status::failure(tr("Cannot store response %1: %2").arg(entry.id, m_db->error()));
    if (++m_putsSincePrune >= 100)
        prune();
    return {};
}

std::optional<ResponseStore::Entry> ResponseStore::get(const QString &id,
                                                       const QString &accessKey) const
{
    Entry e;
    if (!m_db) {
        const auto it = m_memory.constFind(id);
        if (it == m_memory.constEnd())
            return std::nullopt;
        e = *it;
    } else {
        Statement q(m_db->handle(), "SELECT id, access_key, created_ms, input, response FROM "
                                    "responses WHERE id = ?1");
        q.text(1, id);
        if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW)
            return std::nullopt;
        e.id = q.columnText(0);
        e.accessKey = q.columnText(1);
        e.createdMs = sqlite3_column_int64(q.get(), 2);
        e.input = QJsonDocument::fromJson(q.columnUtf8(3)).array();
        e.response = QJsonDocument::fromJson(q.columnUtf8(4)).object();
    }
    if (e.accessKey != accessKey || expired(e))
        return std::nullopt;
    return e;
}

bool ResponseStore::remove(const QString &id, const QString &accessKey)
{
    if (!m_db)
        return get(id, accessKey) && m_memory.remove(id) > 0;
    // Only the key's own, unexpired response: what get() would find.
    Statement q(m_db->handle(), "DELETE FROM responses WHERE id = ?1 AND access_key = ?2 AND "
                                "created_ms >= ?3");
    q.text(1, id);
    q.text(2, accessKey);
    q.integer(3, now() - maxAgeMs);
    return q.ok() && sqlite3_step(q.get()) == SQLITE_DONE && sqlite3_changes(m_db->handle()) > 0;
}

int ResponseStore::count() const
{
    if (!m_db)
        return int(m_memory.size());
    Statement q(m_db->handle(), "SELECT COUNT(*) FROM responses");
    return q.ok() && sqlite3_step(q.get()) == SQLITE_ROW ? int(sqlite3_column_int64(q.get(), 0))
                                                         : 0;
}

void ResponseStore::prune()
{
    m_putsSincePrune = 0;
    const qint64 cutoff = now() - maxAgeMs;
    if (!m_db) {
        QList<QPair<qint64, QString>> byAge;
        for (auto it = m_memory.begin(); it != m_memory.end();) {
            if (it->createdMs < cutoff) {
                it = m_memory.erase(it);
                continue;
            }
            byAge.append({it->createdMs, it.key()});
            ++it;
        }
        std::sort(byAge.begin(), byAge.end());
        for (qsizetype i = 0; i + maxEntries < byAge.size(); ++i)
            m_memory.remove(byAge.at(i).second);
        return;
    }
    Statement old(m_db->handle(), "DELETE FROM responses WHERE created_ms < ?1");
    old.integer(1, cutoff);
    sqlite3_step(old.get());
    Statement excess(m_db->handle(),
                     "DELETE FROM responses WHERE id IN (SELECT id FROM responses ORDER BY "
                     "created_ms DESC LIMIT -1 OFFSET ?1)");
    excess.integer(1, maxEntries);
    sqlite3_step(excess.get());
}

} // namespace gatehouse
