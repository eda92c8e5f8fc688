#include "ConfigJson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gatehouse::ConfigJson {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gatehouse::ConfigJson", text);
}

QString typeName(QJsonValue::Type type)
{
    switch (type) {
    case QJsonValue::Array:
        return tr("a JSON array");
    case QJsonValue::Object:
        return tr("a JSON object");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::Bool:
        return tr("true or false");
    default:
        return tr("a value");
    }
}

} // namespace

Status expect(const QJsonObject &object, QLatin1String field, QJsonValue::Type type)
{
    const QJsonValue v = object.value(field);
    if (v.isUndefined() || v.type() == type)
        return {};
    return Status::failure(tr("\"%1\" must be %2").arg(field, typeName(type)));
}

Status expectArrayOf(const QJsonObject &object, QLatin1String field, QJsonValue::Type itemType)
{
    if (Status s = expect(object, field, QJsonValue::Array); !s)
        return s;
    const QJsonArray items = object.value(field).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).type() != itemType)
            return Status::failure(
                tr("\"%1\" must be a JSON array of %2 (item %3 is not)")
                    .arg(field, itemType == QJsonValue::Object ? tr("objects") : tr("strings"))
                    .arg(i + 1));
    }
    return {};
}

Status expectObjectOf(const QJsonObject &object, QLatin1String field, QJsonValue::Type valueType)
{
    if (Status s = expect(object, field, QJsonValue::Object); !s)
        return s;
    const QJsonObject members = object.value(field).toObject();
    for (auto it = members.begin(); it != members.end(); ++it) {
        if (it.value().type() != valueType)
            return Status::failure(
                tr("\"%1\" in \"%2\" must be %3").arg(it.key(), field, typeName(valueType)));
    }
    return {};
}

QJsonObject unknownFields(const QJsonObject &object, std::initializer_list<QLatin1String> known)
{
    QJsonObject out = object;
    for (const QLatin1String k : known)
        out.remove(k);
    return out;
}

void addUnknownFields(QJsonObject &object, const QJsonObject &unknown)
{
    for (auto it = unknown.begin(); it != unknown.end(); ++it) {
        if (!object.contains(it.key()))
            object.insert(it.key(), it.value());
    }
}

} // namespace gatehouse::ConfigJson
