#pragma once

#include <QByteArray>
#include <QString>

namespace gatehouse {

// Byte-level edits of a JSON object that is known to be valid (QJsonDocument accepted it),
// so that a request can be forwarded with one field changed and every other byte as the
// client sent it: no re-serialisation cost, no number or key-order changes.
class JsonField
{
public:
    struct Span
    {
        qsizetype begin = -1; // the opening quote of the value
        qsizetype end = -1;   // one past the closing quote
        bool found() const { return begin >= 0; }
    };
    // The string value of a top-level key. Not found when the key is absent, appears more
    // than once, is written with escapes, or its value is not a string.
    static Span findTopLevelString(QByteArrayView json, QByteArrayView key);
    static QByteArray replace(const QByteArray &json, Span span, const QString &value);
    static QByteArray quote(const QString &value);
};

} // namespace gatehouse
