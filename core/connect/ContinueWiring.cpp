// Continue (its cn command line and its VS Code and JetBrains extensions) reads its models
// from ~/.continue/config.yaml, and uses the first one with the chat role unless the user
// picked another. Connect puts a "Gatehouse" entry (provider openai, the gateway's /v1 as
// apiBase, the key) first in the models list. The edit is textual, found and checked with
// yaml-cpp: re-emitting the document would drop the user's comments and layout, and
// Disconnect could not give the file back byte for byte.
#include "FileWiring.h"
#include "WiringEdits.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <yaml-cpp/yaml.h>

namespace gatehouse {

namespace {

const QByteArray entryName = "Gatehouse";
const QByteArray modelsKey = "models";

QString tr(const char *text)
{
    return translateConnect(text);
}

int indentOf(const QByteArray &line)
{
    int n = 0;
    while (n < line.size() && line[n] == ' ')
        ++n;
    return n;
}

bool isBlank(const QByteArray &line)
{
    return line.trimmed().isEmpty();
}

// A YAML double-quoted scalar.
QByteArray quoted(const QString &value)
{
    QByteArray out = "\"";
    for (const char c : value.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (static_cast<unsigned char>(c) < 0x20)
            out += "\\x" +
                   QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        else
            out += c;
    }
    return out + '"';
}

// The model entry Connect writes, its "- " at column `indent`.
QList<QByteArray> entryLines(int indent, const WiringSettings &settings, const QByteArray &eol)
{
    const QByteArray at(indent, ' ');
    const QByteArray in = at + "  ";
    return {at + "- name: " + entryName + eol,
            in + "provider: openai" + eol,
            in + "model: " + quoted(settings.model) + eol,
            in + "apiBase: " + quoted(settings.openAiBaseUrl()) + eol,
            in + "apiKey: " + quoted(settings.key) + eol,
            in + "roles:" + eol,
            in + "  - chat" + eol,
            in + "  - edit" + eol,
            in + "  - apply" + eol};
}

// What a new file starts with: Continue wants a name and a version.
QList<QByteArray> headerLines(const QByteArray &eol)
{
    return {"name: Local Config" + eol, "version: 1.0.0" + eol, "schema: v1" + eol};
}

// The parsed file: the top level (null for an empty file or one of comments only) and where
// its models list is.
struct Document
{
    YAML::Node root;
    bool hasModels = false;
    int modelsKeyLine = -1;
    YAML::Node models;
};

Result<Document> parse(const QByteArray &content)
{
    Document d;
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(content.toStdString());
        if (documents.size() > 1)
            return Result<Document>::failure(tr("the file holds more than one YAML document"));
        if (!documents.empty())
            d.root = documents.front();
    } catch (const YAML::Exception &e) {
        return Result<Document>::failure(
            tr("line %1: %2").arg(e.mark.line + 1).arg(QString::fromStdString(e.msg)));
    }
    if (!d.root.IsDefined() || d.root.IsNull())
        return d;
    if (!d.root.IsMap())
        return Result<Document>::failure(tr("the top level of the file is not a map of settings"));
    for (auto it = d.root.begin(); it != d.root.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == modelsKey.toStdString()) {
            d.hasModels = true;
            d.modelsKeyLine = it->first.Mark().line;
            d.models = it->second;
        }
    }
    return d;
}

std::string scalarAt(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return {};
    const YAML::Node value = map[key];
    return value.IsScalar() ? value.Scalar() : std::string();
}

bool isBlockSequence(const YAML::Node &node, const QByteArray &content)
{
    const auto pos = static_cast<qsizetype>(node.Mark().pos);
    return node.IsSequence() && pos >= 0 && pos < content.size() && content[pos] == '-';
}

// The line of the "-" that starts item `index` of a block sequence whose dashes are at
// `column`: the item's own line, or one above it for an item that starts on the next line.
int dashLine(const QList<QByteArray> &lines, const YAML::Node &sequence, std::size_t index,
             int column)
{
    for (int l = sequence[index].Mark().line; l >= 0 && l < lines.size(); --l) {
        if (indentOf(lines[l]) == column && lines[l].mid(column).startsWith('-'))
            return l;
    }
    return sequence[index].Mark().line;
}

// The line after item `index`: the next item's "-", or for the last item the end of the
// lines indented under its "-".
int itemEnd(const QList<QByteArray> &lines, const YAML::Node &sequence, std::size_t index,
            int column)
{
    if (index + 1 < sequence.size())
        return dashLine(lines, sequence, index + 1, column);
    int end = dashLine(lines, sequence, index, column) + 1;
    while (end < lines.size() && !isBlank(lines[end]) && indentOf(lines[end]) > column)
        ++end;
    return end;
}

// Where the Gatehouse entry is in a block models list: its lines [first, last).
struct EntrySpan
{
    int first = -1;
    int last = -1;
    std::size_t index = 0;
    YAML::Node item;
};

std::optional<EntrySpan> findEntry(const Document &d, const QList<QByteArray> &lines,
                                   const QByteArray &content)
{
    if (!d.hasModels || !isBlockSequence(d.models, content))
        return std::nullopt;
    const int column = d.models.Mark().column;
    for (std::size_t i = 0; i < d.models.size(); ++i) {
        if (scalarAt(d.models[i], "name") != entryName.toStdString())
            continue;
        EntrySpan span;
        span.index = i;
        span.item = d.models[i];
        span.first = dashLine(lines, d.models, i, column);
        span.last = itemEnd(lines, d.models, i, column);
        return span;
    }
    return std::nullopt;
}

QByteArray lineEndOf(const QByteArray &content)
{
    return content.contains("\r\n") ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
}

// The file without the Gatehouse entry's lines.
QByteArray withoutEntry(const QByteArray &content, const EntrySpan &span)
{
    QList<QByteArray> lines = wiring::splitLines(content);
    lines.remove(span.first, span.last - span.first);
    return wiring::joinLines(lines);
}

// The models key's line without a value: "models:" and a comment, if any.
bool keyLineHasNoValue(const QByteArray &line)
{
    const QByteArray t = line.trimmed();
    if (!t.startsWith(QByteArray(modelsKey + ':')))
        return false;
    const QByteArray rest = t.mid(modelsKey.size() + 1).trimmed();
    return rest.isEmpty() || rest.startsWith('#');
}

class ContinueConfigWiring : public FileWiring
{
public:
    QString path(const ToolEnvironment &environment) const override
    {
        return environment.home + QStringLiteral("/.continue/config.yaml");
    }

    Result<QByteArray> merge(const std::optional<QByteArray> &current,
                             const WiringSettings &settings) const override
    {
        QByteArray content = current.value_or(QByteArray());
        {
            const auto first = parse(content);
            if (!first)
                return Result<QByteArray>::failure(first.error());
            // An entry from an earlier Connect makes way for the new one.
            if (const auto old = findEntry(first.value(), wiring::splitLines(content), content))
                content = withoutEntry(content, *old);
        }
        const auto parsed = parse(content);
        if (!parsed)
            return Result<QByteArray>::failure(parsed.error());
        const Document &d = parsed.value();
        const QByteArray eol = lineEndOf(content);
        QList<QByteArray> lines = wiring::splitLines(content);
        if (!lines.isEmpty() && !lines.last().endsWith('\n'))
            lines.last().append(eol);

        if (!d.root.IsMap() || !d.hasModels) {
            // No settings yet, or no models: a models list at the end.
            if (!d.root.IsMap())
                lines.append(headerLines(eol));
            lines.append(modelsKey + ':' + eol);
            lines.append(entryLines(2, settings, eol));
        } else if (isBlockSequence(d.models, content)) {
            const int column = d.models.Mark().column;
            const int at = dashLine(lines, d.models, 0, column);
            const QList<QByteArray> entry = entryLines(column, settings, eol);
            for (qsizetype i = 0; i < entry.size(); ++i)
                lines.insert(at + i, entry[i]);
        } else if ((d.models.IsNull() && keyLineHasNoValue(lines[d.modelsKeyLine])) ||
                   (d.models.IsSequence() && d.models.size() == 0)) {
            // "models:" with nothing after it, or "models: []": the entry goes under it.
            QByteArray &keyLine = lines[d.modelsKeyLine];
            const int indent = indentOf(keyLine);
            const qsizetype comment = keyLine.indexOf('#', keyLine.indexOf(':'));
            keyLine = QByteArray(indent, ' ') + modelsKey + ':' +
                      (comment >= 0 ? ' ' + keyLine.mid(comment).trimmed() : QByteArray()) + eol;
            const QList<QByteArray> entry = entryLines(indent + 2, settings, eol);
            for (qsizetype i = 0; i < entry.size(); ++i)
                lines.insert(d.modelsKeyLine + 1 + i, entry[i]);
        } else {
            return Result<QByteArray>::failure(
                tr("its models setting is not a list with one \"- \" item a line, which is "
                   "the form Gatehouse adds its model to"));
        }
        const QByteArray merged = wiring::joinLines(lines);

        // Check what was written as Continue will read it: the entry comes first with the
        // settings, and every other model is still there.
        const auto check = parse(merged);
        const auto entry =
            check ? findEntry(check.value(), wiring::splitLines(merged), merged) : std::nullopt;
        const std::size_t before = d.hasModels && d.models.IsSequence() ? d.models.size() : 0;
        if (!entry || entry->index != 0 || check->models.size() != before + 1 ||
            scalarAt(entry->item, "model") != settings.model.toStdString() ||
            scalarAt(entry->item, "apiBase") != settings.openAiBaseUrl().toStdString() ||
            scalarAt(entry->item, "apiKey") != settings.key.toStdString())
            return Result<QByteArray>::failure(
                tr("Gatehouse could not add its model without changing other settings"));
        return merged;
    }

    Result<QByteArray> unmerge(const QByteArray &current,
                               const std::optional<QByteArray> &original) const override
    {
        const auto parsed = parse(current);
        if (!parsed)
            return Result<QByteArray>::failure(parsed.error());
        const auto span = findEntry(parsed.value(), wiring::splitLines(current), current);
        if (!span)
            return current;

        QByteArray out = withoutEntry(current, *span);
        const auto after = parse(out);
        if (!after || !after->hasModels)
            return out;
        QList<QByteArray> lines = wiring::splitLines(out);

        // An entry of the same name that the original had (one made by hand) goes back to its
        // place in the list.
        const QByteArray before = original.value_or(QByteArray());
        const auto parsedBefore = parse(before);
        const auto old = parsedBefore
                             ? findEntry(parsedBefore.value(), wiring::splitLines(before), before)
                             : std::nullopt;
        if (old) {
            const QList<QByteArray> entry =
                wiring::splitLines(before).mid(old->first, old->last - old->first);
            int at = after->modelsKeyLine + 1;
            if (isBlockSequence(after->models, out)) {
                const int column = after->models.Mark().column;
                at = old->index < after->models.size()
                         ? dashLine(lines, after->models, old->index, column)
                         : itemEnd(lines, after->models, after->models.size() - 1, column);
            }
            for (qsizetype i = 0; i < entry.size(); ++i)
                lines.insert(at + i, entry[i]);
            return wiring::joinLines(lines);
        }

        // A models list left empty goes back to what the original had there.
        if (!after->models.IsNull())
            return out;
        if (!keyLineHasNoValue(lines[after->modelsKeyLine]))
            return out;
        if (parsedBefore && parsedBefore->hasModels) {
            const QByteArray originalLine = wiring::splitLines(before)[parsedBefore->modelsKeyLine];
            lines[after->modelsKeyLine] =
                originalLine.endsWith('\n') ? originalLine : originalLine + lineEndOf(current);
            return wiring::joinLines(lines);
        }
        lines.removeAt(after->modelsKeyLine);
        out = wiring::joinLines(lines);
        // A file that had no settings: the header Connect wrote goes too.
        if (!parsedBefore || !parsedBefore->root.IsMap()) {
            QList<QByteArray> beforeLines = wiring::splitLines(before);
            if (!beforeLines.isEmpty() && !beforeLines.last().endsWith('\n'))
                beforeLines.last().append(lineEndOf(current));
            if (out == wiring::joinLines(beforeLines + headerLines(lineEndOf(current))))
                return before;
        }
        return out;
    }

    Result<WiredValues> read(const QByteArray &content) const override
    {
        const auto parsed = parse(content);
        if (!parsed)
            return Result<WiredValues>::failure(parsed.error());
        WiredValues v;
        const auto span = findEntry(parsed.value(), wiring::splitLines(content), content);
        if (!span)
            return v;
        v.model = QString::fromStdString(scalarAt(span->item, "model"));
        v.key = QString::fromStdString(scalarAt(span->item, "apiKey"));
        v.url = wiring::gatewayRootOf(QString::fromStdString(scalarAt(span->item, "apiBase")));
        v.wired = !v.url.isEmpty() && wiring::isGatehouseKey(v.key) && !v.model.isEmpty();
        return v;
    }
};

} // namespace

FileWirings continueWiring()
{
    return {std::make_shared<ContinueConfigWiring>()};
}

} // namespace gatehouse
