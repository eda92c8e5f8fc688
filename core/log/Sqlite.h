#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::sqlite {

// One SQLite connection, closed with the object.
class Database
{
public:
    Database() = default;
    ~Database() { close(); }
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // A file opened for writing is the owner's alone: created 0600 (and its folder 0700 when
    // it has to be made), so that the WAL and journal files SQLite adds get the same mode.
    bool open(const QString &path, bool readOnly)
    {
        if (!readOnly && !createPrivately(path))
            return false;
        const int flags =
            readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK)
            return false;
        sqlite3_busy_timeout(m_db, 2000);
        return true;
    }
    void close()
    {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    QString error() const
    {
        return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                    : QCoreApplication::translate("RequestLog", "out of memory");
    }
    bool exec(const char *sql)
    {
        return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    sqlite3 *handle() const { return m_db; }

    static bool createPrivately(const QString &path)
    {
        const QFileInfo file(path);
        const QString folder = file.absolutePath();
        if (!QFileInfo::exists(folder)) {
            const QString parent = QFileInfo(folder).absolutePath();
            if (!QDir().mkpath(parent) || ::mkdir(QFile::encodeName(folder).constData(), 0700) != 0)
                return false;
        }
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC,
                              S_IRUSR | S_IWUSR);
        if (fd < 0)
            return false;
        // A file an older version made readable to others is made private too.
        const bool ok = ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
        ::close(fd);
        for (const char *suffix : {"-wal", "-shm", "-journal"}) {
            const QByteArray side = QFile::encodeName(path) + suffix;
            ::chmod(side.constData(), S_IRUSR | S_IWUSR); // absent ones are no concern
        }
        return ok;
    }

private:
    sqlite3 *m_db = nullptr;
};

// A prepared statement, finalized with the object.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    bool ok() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }

    void text(int i, const QString &s) { utf8(i, s.toUtf8()); }
    // Text already in UTF-8 (JSON bytes, say).
    void utf8(int i, const QByteArray &bytes)
    {
        sqlite3_bind_text(m_stmt, i, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    }
    void integer(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void optional(int i, qint64 v)
    {
        if (v < 0)
            sqlite3_bind_null(m_stmt, i);
        else
            sqlite3_bind_int64(m_stmt, i, v);
    }
    QString columnText(int i) const { return QString::fromUtf8(columnUtf8(i)); }
    QByteArray columnUtf8(int i) const
    {
        return QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i)),
                          sqlite3_column_bytes(m_stmt, i));
    }
    qint64 columnOptional(int i) const
    {
        return sqlite3_column_type(m_stmt, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(m_stmt, i);
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace gatehouse::sqlite
