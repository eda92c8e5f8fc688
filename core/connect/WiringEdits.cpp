#include "WiringEdits.h"

#include "util/Translate.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace gatehouse::wiring {

namespace {

QString tr(const char *text)
{
    return translateConnect(text);
}

// Line number of a byte offset, counted from 1.
int lineOf(const QByteArray &content, qsizetype offset)
{
    return static_cast<int>(content.left(offset).count('\n')) + 1;
}

} // namespace

Result<QJsonObject> parseJsonObject(const std::optional<QByteArray> &content)
{
    if (!content || content->trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*content, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QJsonObject>::failure(tr("line %1: %2 (comments and trailing commas are "
                                               "not JSON)")
                                                .arg(lineOf(*content, error.offset))
                                                .arg(error.errorString()));
    if (!document.isObject())
        return Result<QJsonObject>::failure(tr("the file holds no JSON object"));
    return document.object();
}

QByteArray writeJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

QJsonValue jsonValueAt(const QJsonObject &object, const QStringList &path)
{
    QJsonObject at = object;
    for (qsizetype i = 0; i + 1 < path.size(); ++i) {
        const QJsonValue next = at.value(path[i]);
        if (!next.isObject())
            return QJsonValue(QJsonValue::Undefined);
        at = next.toObject();
    }
    return path.isEmpty() ? QJsonValue(object) : at.value(path.last());
}

void setJsonValueAt(QJsonObject &object, const QStringList &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return;
    if (path.size() == 1) {
        object.insert(path.first(), value);
        return;
    }
    QJsonObject child = object.value(path.first()).toObject();
    setJsonValueAt(child, path.mid(1), value);
    object.insert(path.first(), child);
}

void restoreJsonValueAt(QJsonObject &object, const QJsonObject &original, const QStringList &path)
{
    if (path.isEmpty())
        return;
    if (path.size() == 1) {
        if (original.contains(path.first()))
            object.insert(path.first(), original.value(path.first()));
        else
            object.remove(path.first());
        return;
    }
    const QJsonValue here = object.value(path.first());
    if (!here.isObject())
        return; // changed by someone else since: theirs now
    QJsonObject child = here.toObject();
    const QJsonValue originalChild = original.value(path.first());
    restoreJsonValueAt(child, originalChild.toObject(), path.mid(1));
    if (!child.isEmpty() || originalChild.isObject())
        object.insert(path.first(), child);
    else if (original.contains(path.first()))
        object.insert(path.first(), originalChild); // a plain value Connect had replaced
    else
        object.remove(path.first());
}

Result<QByteArray> mergeJson(const std::optional<QByteArray> &current, const JsonEntries &entries)
{
    auto object = parseJsonObject(current);
    if (!object)
        return Result<QByteArray>::failure(object.error());
    for (const auto &[path, value] : entries)
        setJsonValueAt(object.value(), path, value);
    return writeJson(object.value());
}

Result<QByteArray> unmergeJson(const QByteArray &current, const std::optional<QByteArray> &original,
                               const QList<QStringList> &paths)
{
    auto object = parseJsonObject(current);
    if (!object)
        return Result<QByteArray>::failure(object.error());
    // An original that no longer parses cannot say what was there: the keys just go.
    const auto before = parseJsonObject(original);
    for (const QStringList &path : paths)
        restoreJsonValueAt(object.value(), before ? before.value() : QJsonObject{}, path);
    return writeJson(object.value());
}

bool isGatehouseKey(const QString &key)
{
    return key.startsWith(QLatin1String("ghk_"));
}

QString gatewayRootOf(const QString &baseUrl)
{
    QString root = baseUrl;
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    if (root.endsWith(QLatin1String("/v1")))
        root.chop(3);
    return root;
}

namespace {

// The key a dotenv line sets ("export KEY=value" too), or empty for comments and others.
QString dotenvKey(const QByteArray &line)
{
    QByteArray t = line.trimmed();
    if (t.isEmpty() || t.startsWith('#'))
        return {};
    if (t.startsWith("export "))
        t = t.mid(7).trimmed();
    const qsizetype eq = t.indexOf('=');
    if (eq <= 0)
        return {};
    return QString::fromUtf8(t.left(eq).trimmed());
}

QString dotenvLineValue(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    QByteArray v = t.mid(t.indexOf('=') + 1).trimmed();
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
        return QString::fromUtf8(v.mid(1, v.size() - 2));
    // An unquoted value ends at a comment.
    if (const qsizetype hash = v.indexOf(" #"); hash >= 0)
        v = v.left(hash).trimmed();
    return QString::fromUtf8(v);
}

QByteArray dotenvLine(const QString &key, const QString &value)
{
    // Quoted when the value holds what a dotenv reader would cut or change.
    const bool plain = !value.isEmpty() && std::all_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.isLetterOrNumber() || QStringLiteral("-_.:/@+,~").contains(c);
    });
    return (key + QLatin1Char('=') + (plain ? value : QLatin1Char('"') + value + QLatin1Char('"')))
               .toUtf8() +
           '\n';
}

} // namespace

QByteArray dotenvSet(const QByteArray &content, const DotenvValues &values)
{
    QList<QByteArray> lines = splitLines(content);
    for (const auto &[key, value] : values) {
        bool replaced = false;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (dotenvKey(lines[i]) != key)
                continue;
            if (replaced) {
                lines.removeAt(i--);
                continue;
            }
            lines[i] = dotenvLine(key, value);
            replaced = true;
        }
        if (!replaced) {
            if (!lines.isEmpty() && !lines.last().endsWith('\n'))
                lines.last().append('\n');
            lines.append(dotenvLine(key, value));
        }
    }
    return joinLines(lines);
}

QByteArray dotenvRestore(const QByteArray &content, const QStringList &keys,
                         const std::optional<QByteArray> &original)
{
    const QList<QByteArray> originalLines = original ? splitLines(*original) : QList<QByteArray>{};
    QList<QByteArray> lines = splitLines(content);
    for (const QString &key : keys) {
        QByteArray originalLine;
        for (const QByteArray &l : originalLines) {
            if (dotenvKey(l) == key)
                originalLine = l.endsWith('\n') ? l : l + '\n';
        }
        bool put = false;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (dotenvKey(lines[i]) != key)
                continue;
            if (!originalLine.isEmpty() && !put) {
                lines[i] = originalLine;
                put = true;
            } else {
                lines.removeAt(i--);
            }
        }
        if (!originalLine.isEmpty() && !put)
            lines.append(originalLine);
    }
    return joinLines(lines);
}

DotenvValues dotenvRead(const QByteArray &content)
{
    DotenvValues values;
    for (const QByteArray &line : splitLines(content)) {
        const QString key = dotenvKey(line);
        if (key.isEmpty())
            continue;
        const QString value = dotenvLineValue(line);
        bool replaced = false;
        for (auto &entry : values) {
            if (entry.first == key) {
                entry.second = value;
                replaced = true;
            }
        }
        if (!replaced)
            values.append({key, value});
    }
    return values;
}

QString dotenvValue(const DotenvValues &values, const QString &key)
{
    for (const auto &entry : values) {
        if (entry.first == key)
            return entry.second;
    }
    return {};
}

QList<QByteArray> splitLines(const QByteArray &content)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < content.size()) {
        const qsizetype end = content.indexOf('\n', start);
        if (end < 0) {
            lines.append(content.mid(start));
            break;
        }
        lines.append(content.mid(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

QByteArray joinLines(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &l : lines)
        out += l;
    return out;
}

} // namespace gatehouse::wiring
