#pragma once

#include "util/RandomSource.h"
#include "util/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace gatehouse {

// What Gatehouse remembers of an access key: never the key, only its hash.
struct AccessKeyRecord
{
    QString name;
    QByteArray hash; // SHA-256 of the key, raw bytes
    QString hint;    // "ghk_AbCd…wxyz", enough to recognise a key, useless to use it
    QDateTime created;
    QDateTime revoked;     // null while active
    QString configuration; // key configuration name; empty: the default one
    // Fields a newer Gatehouse (or a person) wrote that this version does not know: kept
    // as they are and written back by the next save.
    QJsonObject otherFields;

    bool isActive() const { return revoked.isNull(); }
    QJsonObject toJson() const;
    static Result<AccessKeyRecord> fromJson(const QJsonObject &json);
};

// Creates access keys and checks presented ones.
class AccessKeys
{
public:
    static constexpr QLatin1String prefix{"ghk_"};
    static constexpr int randomBytes = 32; // 256 bits

    struct Created
    {
        QString key; // shown once, then forgotten
        AccessKeyRecord record;
    };
    static Created create(const QString &name, const RandomSource &random, const QDateTime &now);

    static QByteArray hashOf(QByteArrayView key);
    static Status validateName(const QString &name);

    // Constant-time comparison of two equally long byte strings.
    static bool constantTimeEquals(QByteArrayView a, QByteArrayView b);
};

} // namespace gatehouse
