#include "AccessKey.h"

#include "ConfigJson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>

namespace gatehouse {

QJsonObject AccessKeyRecord::toJson() const
{
    QJsonObject o{{QLatin1String("name"), name},
                  {QLatin1String("sha256"), QString::fromLatin1(hash.toHex())},
                  {QLatin1String("hint"), hint},
                  {QLatin1String("created"), created.toString(Qt::ISODateWithMs)}};
    if (!revoked.isNull())
        o.insert(QLatin1String("revoked"), revoked.toString(Qt::ISODateWithMs));
    if (!configuration.isEmpty())
        o.insert(QLatin1String("configuration"), configuration);
    ConfigJson::addUnknownFields(o, otherFields);
    return o;
}

Result<AccessKeyRecord> AccessKeyRecord::fromJson(const QJsonObject &json)
{
    AccessKeyRecord r;
    r.name = json.value(QLatin1String("name")).toString();
    const std::initializer_list<QLatin1String> fields{
        QLatin1String("name"),    QLatin1String("sha256"),  QLatin1String("hint"),
        QLatin1String("created"), QLatin1String("revoked"), QLatin1String("configuration")};
    for (const QLatin1String f : fields) {
        if (Status s = ConfigJson::expect(json, f, QJsonValue::String); !s)
            return Result<AccessKeyRecord>::failure(
                QCoreApplication::translate("AccessKeys", "In access key \"%1\": %2")
                    .arg(r.name, s.error()));
    }
    r.otherFields = ConfigJson::unknownFields(json, fields);
    r.hash = QByteArray::fromHex(json.value(QLatin1String("sha256")).toString().toLatin1());
    r.hint = json.value(QLatin1String("hint")).toString();
    r.created =
        QDateTime::fromString(json.value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
    r.configuration = json.value(QLatin1String("configuration")).toString();
    const QString revoked = json.value(QLatin1String("revoked")).toString();
    if (!revoked.isEmpty())
        r.revoked = QDateTime::fromString(revoked, Qt::ISODateWithMs);
    if (auto s = AccessKeys::validateName(r.name); !s)
        return Result<AccessKeyRecord>::failure(s.error());
    if (r.hash.size() != 32)
        return Result<AccessKeyRecord>::failure(
            QCoreApplication::translate("AccessKeys", "Access key \"%1\" has no valid sha256 hash.")
                .arg(r.name));
    return r;
}

AccessKeys::Created AccessKeys::create(const QString &name, const RandomSource &random,
                                       const QDateTime &now)
{
    const QByteArray secret = random(randomBytes);
    Q_ASSERT(secret.size() == randomBytes);
    const QByteArray encoded =
        secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    Created c;
    c.key = prefix + QString::fromLatin1(encoded);
    c.record.name = name;
    c.record.hash = hashOf(c.key.toLatin1());
    c.record.hint = c.key.left(8) + QChar(0x2026) + c.key.right(4);
    c.record.created = now;
    return c;
}

QByteArray AccessKeys::hashOf(QByteArrayView key)
{
    // The key carries 256 random bits, so a fast hash is enough: there is nothing to brute-force.
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

Status AccessKeys::validateName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!pattern.match(name).hasMatch())
        return Status::failure(QCoreApplication::translate(
                                   "AccessKeys", "\"%1\" is not a valid key name: use 1 to 64 "
                                                 "letters, digits, dots, dashes or underscores.")
                                   .arg(name));
    return {};
}

bool AccessKeys::constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    // volatile keeps the compiler from turning the loop into an early exit.
    volatile unsigned char result = diff;
    return result == 0;
}

} // namespace gatehouse
