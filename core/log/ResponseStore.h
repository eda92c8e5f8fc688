#pragma once

#include "util/Result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace gatehouse {

namespace sqlite {
class Database;
class Statement;
} // namespace sqlite

// The Responses API answers Gatehouse keeps (requests with store not false), so that
// previous_response_id and GET / DELETE /v1/responses/{id} work whatever provider answered.
// Kept in SQLite, owner-only, so they survive a restart; bounded by count and age; an
// access key sees only its own.
class ResponseStore
{
public:
    struct Entry
    {
        QString id;
        QString accessKey;
        qint64 createdMs = 0;
        QJsonArray input;     // every input item of the request, previous turns included
        QJsonObject response; // the response object as the client got it
    };

    // An empty path keeps them in memory only.
    explicit ResponseStore(const QString &path = {});
    ~ResponseStore();
    ResponseStore(const ResponseStore &) = delete;
    ResponseStore &operator=(const ResponseStore &) = delete;

    Status open();
    QString path() const { return m_path; }

    Status put(const Entry &entry);
    std::optional<Entry> get(const QString &id, const QString &accessKey) const;
    bool remove(const QString &id, const QString &accessKey);
    int count() const;

    int maxEntries = 10'000;
    qint64 maxAgeMs = qint64{30} * 86'400'000;

private:
    void prune();
    bool expired(const Entry &e) const;

    QString m_path;
    std::unique_ptr<sqlite::Database> m_db;
    QHash<QString, Entry> m_memory; // without a file: everything; with one: nothing
    int m_putsSincePrune = 0;
};

} // namespace gatehouse
