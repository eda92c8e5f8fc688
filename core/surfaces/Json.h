#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// Small helpers the surface adapters share for building and reading JSON.
namespace gatehouse::json {

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
// A count or a time: a whole number, never negative; `fallback` when there is none.
inline qint64 integer(const QJsonValue &v, qint64 fallback = -1)
{
    const qint64 n = v.isDouble() ? v.toInteger(-1) : -1;
    return n >= 0 ? n : fallback;
}

} // namespace gatehouse::json
