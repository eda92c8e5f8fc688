// Codex CLI reads ~/.codex/config.toml: the top-level `model` and `model_provider`, and the
// providers under [model_providers.<id>]. Connect adds a "gatehouse" provider on the
// Responses API at the gateway's /v1, with the key in `experimental_bearer_token` (sent as
// "Authorization: Bearer …"), and selects it.
//
// The file is parsed with toml++ to check it and to find what to change, and edited as text,
// so that every line Connect does not own stays byte for byte.
#include "FileWiring.h"
#include "WiringEdits.h"
#include "util/Translate.h"

#include <QCoreApplication>
#include <set>
#include <toml++/toml.h>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return translateConnect(text);
}

const QString providerId = QStringLiteral("gatehouse");
const QString tableName = QStringLiteral("model_providers.gatehouse");
const char *const ownKeys[] = {"model", "model_provider"};

// A TOML basic string.
QByteArray tomlString(const QString &text)
{
    QByteArray out = "\"";
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0')).toLatin1();
            else
                out += c;
        }
    }
    return out + '"';
}

// A parsed file, with what the text edits need to know about its lines.
struct ParsedToml
{
    toml::table table;
    std::set<int> insideValues; // 0-based lines that continue a multi-line value
};

Result<ParsedToml> parseToml(const QByteArray &content)
{
    ParsedToml parsed;
    const std::string_view text(content.constData(), static_cast<size_t>(content.size()));
    try {
        parsed.table = toml::parse(text);
    } catch (const toml::parse_error &e) {
        return Result<ParsedToml>::failure(
            tr("line %1: %2")
                .arg(e.source().begin.line)
                .arg(QString::fromUtf8(e.description().data(), qsizetype(e.description().size()))));
    }
    // Lines inside multi-line strings and arrays are not headers or keys, whatever they
    // start with.
    auto note = [&](const toml::node &n) {
        const auto &s = n.source();
        for (auto line = s.begin.line + 1; line <= s.end.line; ++line)
            parsed.insideValues.insert(static_cast<int>(line) - 1);
    };
    std::function<void(const toml::node &)> walk = [&](const toml::node &n) {
        if (const auto *t = n.as_table()) {
            if (t->is_inline())
                note(n);
            for (const auto &[k, v] : *t)
                walk(v);
        } else if (const auto *a = n.as_array()) {
            if (!a->is_array_of_tables())
                note(n);
            for (const auto &v : *a)
                walk(v);
        } else {
            note(n);
        }
    };
    walk(parsed.table);
    return parsed;
}

bool isHeader(const ParsedToml &parsed, const QList<QByteArray> &lines, int index)
{
    return !parsed.insideValues.count(index) && lines[index].trimmed().startsWith('[');
}

// A header's table name without spaces and quotes: [ model_providers."gatehouse" ] gives
// model_providers.gatehouse.
QString headerName(const QByteArray &line)
{
    QByteArray t = line.trimmed();
    if (const qsizetype hash = t.lastIndexOf('#'); hash > t.lastIndexOf(']'))
        t = t.left(hash).trimmed();
    QString name;
    for (const char c : t) {
        if (c != '[' && c != ']' && c != ' ' && c != '\t' && c != '"' && c != '\'')
            name += QLatin1Char(c);
    }
    return name;
}

int firstHeader(const ParsedToml &parsed, const QList<QByteArray> &lines)
{
    for (int i = 0; i < lines.size(); ++i) {
        if (isHeader(parsed, lines, i))
            return i;
    }
    return static_cast<int>(lines.size());
}

// The lines of a top-level key's value (0-based, inclusive); none when absent.
std::optional<std::pair<int, int>> topLevelLines(const ParsedToml &parsed, const char *key)
{
    const toml::node *n = parsed.table.get(key);
    if (!n || n->is_table() || n->is_array_of_tables())
        return std::nullopt;
    return std::pair{static_cast<int>(n->source().begin.line) - 1,
                     static_cast<int>(n->source().end.line) - 1};
}

// The lines of the [model_providers.gatehouse] table and its sub-tables: (first, last).
QList<std::pair<int, int>> ownTableLines(const ParsedToml &parsed, const QList<QByteArray> &lines)
{
    QList<std::pair<int, int>> regions;
    for (int i = 0; i < lines.size(); ++i) {
        if (!isHeader(parsed, lines, i))
            continue;
        const QString name = headerName(lines[i]);
        if (name != tableName && !name.startsWith(tableName + QLatin1Char('.')))
            continue;
        int end = i + 1;
        while (end < lines.size() && !isHeader(parsed, lines, end))
            ++end;
        regions.append({i, end - 1});
        i = end - 1;
    }
    return regions;
}

// The file without Connect's keys and table, and the spots its parts were in.
struct Stripped
{
    QList<QByteArray> lines;
};

Result<Stripped> strip(const QByteArray &content)
{
    const auto parsed = parseToml(content);
    if (!parsed)
        return Result<Stripped>::failure(parsed.error());
    const QList<QByteArray> lines = wiring::splitLines(content);
    std::set<int> drop;
    for (const char *key : ownKeys) {
        if (const auto span = topLevelLines(parsed.value(), key)) {
            for (int l = span->first; l <= span->second; ++l)
                drop.insert(l);
        }
    }
    for (const auto &[first, last] : ownTableLines(parsed.value(), lines)) {
        for (int l = first; l <= last; ++l)
            drop.insert(l);
        // The blank line Connect put before its table, when the table ends the file.
        if (last + 1 == lines.size() && first > 0 && lines[first - 1].trimmed().isEmpty())
            drop.insert(first - 1);
    }
    Stripped s;
    for (int i = 0; i < lines.size(); ++i) {
        if (!drop.count(i))
            s.lines.append(lines[i]);
    }
    // What is left must not name the provider any more: a provider written as dotted keys or
    // an inline table is not something to cut out by lines.
    const QByteArray rest = wiring::joinLines(s.lines);
    const auto check = parseToml(rest);
    if (!check)
        return Result<Stripped>::failure(check.error());
    const toml::node *leftover = check->table.at_path("model_providers.gatehouse").node();
    if (leftover || check->table.get("model") || check->table.get("model_provider"))
        return Result<Stripped>::failure(
            tr("it sets model, model_provider or model_providers.gatehouse in a form Gatehouse "
               "cannot change; write them as plain top-level keys and a "
               "[model_providers.gatehouse] table"));
    return s;
}

// Puts top-level lines before the first table header, leaving a blank line before the
// header where there was one.
void insertTopLevel(QList<QByteArray> &lines, const QList<QByteArray> &topLevel)
{
    const auto parsed = parseToml(wiring::joinLines(lines));
    int at = parsed ? firstHeader(parsed.value(), lines) : static_cast<int>(lines.size());
    while (at > 0 && lines[at - 1].trimmed().startsWith('#'))
        --at; // comments above a header belong to it
    while (at > 0 && lines[at - 1].trimmed().isEmpty())
        --at;
    if (at > 0 && !lines[at - 1].endsWith('\n'))
        lines[at - 1].append('\n');
    for (qsizetype i = 0; i < topLevel.size(); ++i)
        lines.insert(at + i, topLevel[i]);
}

void appendBlock(QList<QByteArray> &lines, const QList<QByteArray> &block)
{
    if (!lines.isEmpty() && !lines.last().endsWith('\n'))
        lines.last().append('\n');
    if (!lines.isEmpty() && !lines.last().trimmed().isEmpty())
        lines.append("\n");
    lines.append(block);
}

QString stringAt(const toml::table &table, std::string_view path)
{
    const auto value = table.at_path(path).value<std::string>();
    return value ? QString::fromStdString(*value) : QString();
}

class CodexConfigWiring : public FileWiring
{
public:
    QString path(const ToolEnvironment &environment) const override
    {
        return environment.home + QStringLiteral("/.codex/config.toml");
    }

    Result<QByteArray> merge(const std::optional<QByteArray> &current,
                             const WiringSettings &settings) const override
    {
        auto stripped = strip(current.value_or(QByteArray()));
        if (!stripped)
            return Result<QByteArray>::failure(stripped.error());
        QList<QByteArray> lines = stripped->lines;
        insertTopLevel(lines, {"model = " + tomlString(settings.model) + '\n',
                               "model_provider = " + tomlString(providerId) + '\n'});
        appendBlock(lines, {"[model_providers.gatehouse]\n", "name = \"Gatehouse\"\n",
                            "base_url = " + tomlString(settings.openAiBaseUrl()) + '\n',
                            "wire_api = \"responses\"\n",
                            "experimental_bearer_token = " + tomlString(settings.key) + '\n'});
        const QByteArray merged = wiring::joinLines(lines);
        // What Codex will read must be what was meant.
        const auto check = parseToml(merged);
        if (!check || stringAt(check->table, "model") != settings.model ||
            stringAt(check->table, "model_provider") != providerId ||
            stringAt(check->table, "model_providers.gatehouse.base_url") !=
                settings.openAiBaseUrl())
            return Result<QByteArray>::failure(
                tr("Gatehouse could not add its settings without changing others"));
        return merged;
    }

    Result<QByteArray> unmerge(const QByteArray &current,
                               const std::optional<QByteArray> &original) const override
    {
        auto stripped = strip(current);
        if (!stripped)
            return Result<QByteArray>::failure(stripped.error());
        QList<QByteArray> lines = stripped->lines;
        // What the file had before Connect comes back, in its own words.
        const auto before = original ? parseToml(*original) : Result<ParsedToml>::failure({});
        if (before) {
            const QList<QByteArray> originalLines = wiring::splitLines(*original);
            QList<QByteArray> topLevel;
            for (const char *key : ownKeys) {
                if (const auto span = topLevelLines(before.value(), key)) {
                    for (int l = span->first; l <= span->second; ++l)
                        topLevel.append(originalLines[l]);
                }
            }
            if (!topLevel.isEmpty())
                insertTopLevel(lines, topLevel);
            for (const auto &[first, last] : ownTableLines(before.value(), originalLines))
                appendBlock(lines, originalLines.mid(first, last - first + 1));
        }
        return wiring::joinLines(lines);
    }

    Result<WiredValues> read(const QByteArray &content) const override
    {
        const auto parsed = parseToml(content);
        if (!parsed)
            return Result<WiredValues>::failure(parsed.error());
        WiredValues v;
        v.url =
            wiring::gatewayRootOf(stringAt(parsed->table, "model_providers.gatehouse.base_url"));
        v.key = stringAt(parsed->table, "model_providers.gatehouse.experimental_bearer_token");
        v.model = stringAt(parsed->table, "model");
        v.wired = stringAt(parsed->table, "model_provider") == providerId && !v.url.isEmpty() &&
                  wiring::isGatehouseKey(v.key);
        return v;
    }
};

} // namespace

FileWirings codexWiring()
{
    return {std::make_shared<CodexConfigWiring>()};
}

} // namespace gatehouse
