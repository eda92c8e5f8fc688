#include "JsonField.h"

namespace gatehouse {

namespace {

class Scanner
{
public:
    explicit Scanner(QByteArrayView json) : m_json(json) {}

    void skipSpace()
    {
        while (m_pos < m_json.size()) {
            const char c = m_json[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }
    bool atEnd() const { return m_pos >= m_json.size(); }
    char peek() const { return atEnd() ? '\0' : m_json[m_pos]; }
    bool consume(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    // Skips a string starting at the current quote; says whether it had escapes.
    bool skipString(bool *escaped)
    {
        if (peek() != '"')
            return false;
        ++m_pos;
        *escaped = false;
        while (m_pos < m_json.size()) {
            const char c = m_json[m_pos++];
            if (c == '\\') {
                *escaped = true;
                ++m_pos;
            } else if (c == '"') {
                return true;
            }
        }
        return false;
    }
    // Skips any value: string, number, literal, or a nested object or array.
    bool skipValue()
    {
        skipSpace();
        const char c = peek();
        if (c == '"') {
            bool escaped;
            return skipString(&escaped);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            while (!atEnd()) {
                const char d = peek();
                if (d == '"') {
                    bool escaped;
                    if (!skipString(&escaped))
                        return false;
                    continue;
                }
                ++m_pos;
                if (d == '{' || d == '[')
                    ++depth;
                else if ((d == '}' || d == ']') && --depth == 0)
                    return true;
            }
            return false;
        }
        while (!atEnd()) {
            const char d = peek();
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' || d == '\t')
                break;
            ++m_pos;
        }
        return true;
    }
    qsizetype pos() const { return m_pos; }

private:
    QByteArrayView m_json;
    qsizetype m_pos = 0;
};

} // namespace

JsonField::Span JsonField::findTopLevelString(QByteArrayView json, QByteArrayView key)
{
    Scanner s(json);
    Span found;
    if (!s.consume('{'))
        return {};
    s.skipSpace();
    if (s.peek() == '}')
        return {};
    for (;;) {
        s.skipSpace();
        const qsizetype keyStart = s.pos();
        bool keyEscaped = false;
        if (!s.skipString(&keyEscaped))
            return {};
        const QByteArrayView name = json.sliced(keyStart + 1, s.pos() - keyStart - 2);
        if (!s.consume(':'))
            return {};
        s.skipSpace();
        const qsizetype valueStart = s.pos();
        const bool isString = s.peek() == '"';
        if (!s.skipValue())
            return {};
        if (keyEscaped && name.contains('\\'))
            return {}; // could spell the key in another way: let the caller take the slow path
        if (name == key) {
            if (found.found() || !isString)
                return {};
            found = {valueStart, s.pos()};
        }
        if (s.consume(','))
            continue;
        if (s.consume('}'))
            return found;
        return {};
    }
}

QByteArray JsonField::quote(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
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
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray JsonField::replace(const QByteArray &json, Span span, const QString &value)
{
    const QByteArray quoted = quote(value);
    QByteArray out;
    out.reserve(json.size() - (span.end - span.begin) + quoted.size());
    out += QByteArrayView(json).first(span.begin);
    out += quoted;
    out += QByteArrayView(json).sliced(span.end);
    return out;
}

} // namespace gatehouse
