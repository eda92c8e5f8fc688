#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>
#include <optional>

namespace gatehouse::wiring {

// Shared edits for the FileWiring implementations: merges through real parsers that leave
// everything they do not own as it was.

// JSON files. A missing or empty file is an empty object; anything but an object is an
// error (a readable sentence, with the line when the parser gives one).
Result<QJsonObject> parseJsonObject(const std::optional<QByteArray> &content);
QByteArray writeJson(const QJsonObject &object);
// A value at a path of nested objects ({"env", "ANTHROPIC_MODEL"}); undefined when absent.
QJsonValue jsonValueAt(const QJsonObject &object, const QStringList &path);
// Sets a value, creating the objects on the way (replacing non-objects there).
void setJsonValueAt(QJsonObject &object, const QStringList &path, const QJsonValue &value);
// Puts back the value `original` has at the path, or removes it when `original` has none;
// objects on the way that end up empty and that `original` did not have are removed too.
void restoreJsonValueAt(QJsonObject &object, const QJsonObject &original, const QStringList &path);

// A JSON file with values set at paths; unparsable content gives its error.
using JsonEntries = QList<QPair<QStringList, QJsonValue>>;
Result<QByteArray> mergeJson(const std::optional<QByteArray> &current, const JsonEntries &entries);
// A JSON file with the paths put back as `original` had them (see restoreJsonValueAt).
Result<QByteArray> unmergeJson(const QByteArray &current, const std::optional<QByteArray> &original,
                               const QList<QStringList> &paths);
// Whether a key is one Gatehouse made (ghk_…).
bool isGatehouseKey(const QString &key);
// The gateway root from a base URL that may end in /v1.
QString gatewayRootOf(const QString &baseUrl);

// Dotenv files (KEY=value lines). Lines of other keys, comments and blank lines stay as
// they are.
using DotenvValues = QList<QPair<QString, QString>>;
// Sets each key: replaces its line, or appends a line.
QByteArray dotenvSet(const QByteArray &content, const DotenvValues &values);

// A file's lines with their line ends, so that joining them gives the bytes back.
QList<QByteArray> splitLines(const QByteArray &content);
QByteArray joinLines(const QList<QByteArray> &lines);
// Removes the keys' lines; where `original` had a line for a key, that line comes back.
QByteArray dotenvRestore(const QByteArray &content, const QStringList &keys,
                         const std::optional<QByteArray> &original);
// The values the file gives (the last one of a repeated key), quotes removed.
DotenvValues dotenvRead(const QByteArray &content);
QString dotenvValue(const DotenvValues &values, const QString &key);

} // namespace gatehouse::wiring
