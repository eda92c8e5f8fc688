#pragma once

#include "gateway/ApiError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <initializer_list>
#include <optional>
#include <utility>

// Small helpers the surface adapters share for building and reading JSON.
namespace gatehouse::json {

// A JSON key as the Qt JSON API takes it: k("model").
inline QLatin1String k(const char *key)
{
    return QLatin1String(key);
}

inline QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
inline QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}
inline QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}
// Whether `text` is a JSON object (an empty text counts as {}).
inline bool isObjectText(const QString &text)
{
    if (text.trimmed().isEmpty())
        return true;
    QJsonParseError e{};
    const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8(), &e);
    return e.error == QJsonParseError::NoError && d.isObject();
}
// A server-sent event with a name ("event: NAME\ndata: {…}\n\n").
inline QByteArray namedEvent(QByteArrayView name, const QJsonObject &data)
{
    QByteArray out;
    const QByteArray json = bytes(data);
    out.reserve(json.size() + name.size() + 16);
    out += "event: ";
    out += name;
    out += "\ndata: ";
    out += json;
    out += "\n\n";
    return out;
}
// A server-sent event with data only ("data: {…}\n\n").
// Appends a turn {"role": role, field: items} to a conversation, or adds the items to the last
// turn when it has the same role: Anthropic and Gemini both want turns to alternate.
inline void appendTurn(QJsonArray &turns, const QString &role, QLatin1String field,
                       const QJsonArray &items)
{
    if (items.isEmpty())
        return;
    if (!turns.isEmpty() &&
        turns.last().toObject().value(QLatin1String("role")).toString() == role) {
        QJsonObject last = turns.last().toObject();
        QJsonArray merged = last.value(field).toArray();
        for (const QJsonValue item : items)
            merged.append(item);
        last.insert(field, merged);
        turns.replace(turns.size() - 1, last);
        return;
    }
    turns.append(QJsonObject{{QLatin1String("role"), role}, {field, items}});
}

inline QByteArray dataEvent(const QJsonObject &data)
{
    return "data: " + bytes(data) + "\n\n";
}
// A JSON string's content, escaped, without the quotes: pieces of a string can be escaped
// one at a time.
inline QString escapedStringContent(const QString &text)
{
    const QByteArray quoted = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(quoted.mid(2, quoted.size() - 4));
}
// Checks the JSON type of request fields a translation reads, so that a field of the wrong
// shape is refused (400, naming it) rather than dropped on the way to another surface.
// Absent and null fields pass.
enum class Shape
{
    String,
    Object,
    ArrayOfObjects,
    ArrayOfStrings,
    StringOrObject,
    StringOrArrayOfStrings
};
inline bool hasShape(const QJsonValue &v, Shape shape)
{
    if (v.isUndefined() || v.isNull())
        return true;
    auto arrayOf = [&v](QJsonValue::Type type) {
        if (!v.isArray())
            return false;
        for (const QJsonValue item : v.toArray()) {
            if (item.type() != type)
                return false;
        }
        return true;
    };
    switch (shape) {
    case Shape::String:
        return v.isString();
    case Shape::Object:
        return v.isObject();
    case Shape::ArrayOfObjects:
        return arrayOf(QJsonValue::Object);
    case Shape::ArrayOfStrings:
        return arrayOf(QJsonValue::String);
    case Shape::StringOrObject:
        return v.isString() || v.isObject();
    case Shape::StringOrArrayOfStrings:
        return v.isString() || arrayOf(QJsonValue::String);
    }
    return false;
}
inline const char *shapeName(Shape shape)
{
    switch (shape) {
    case Shape::String:
        return "a string";
    case Shape::Object:
        return "an object";
    case Shape::ArrayOfObjects:
        return "an array of objects";
    case Shape::ArrayOfStrings:
        return "an array of strings";
    case Shape::StringOrObject:
        return "a string or an object";
    case Shape::StringOrArrayOfStrings:
        return "a string or an array of strings";
    }
    return "";
}

// 400 naming the first of `fields` whose JSON value has another shape than the translation
// reads (tools not an array of objects, stop not a string or strings, …); none when all fit.
std::optional<ApiError> checkShapes(const QJsonObject &in,
                                    std::initializer_list<std::pair<const char *, Shape>> fields);

// A count or a time: a whole number, never negative; `fallback` when there is none.
inline qint64 integer(const QJsonValue &v, qint64 fallback = -1)
{
    const qint64 n = v.isDouble() ? v.toInteger(-1) : -1;
    return n >= 0 ? n : fallback;
}

} // namespace gatehouse::json
