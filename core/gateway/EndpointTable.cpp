#include "EndpointTable.h"

#include <QCoreApplication>
#include <QUrl>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Gateway", text);
}

QString decoded(QByteArrayView segment)
{
    return QUrl::fromPercentEncoding(segment.toByteArray());
}

} // namespace

PathPattern::PathPattern(const char *pattern) : m_text(pattern)
{
    for (const QByteArray &part : m_text.split('/')) {
        if (part.isEmpty())
            continue;
        Segment s;
        const qsizetype literalSuffix = part.indexOf("}:");
        if (part.startsWith('{') && literalSuffix > 0 && part.at(literalSuffix + 2) != '{') {
            s.name = QString::fromLatin1(part.mid(1, literalSuffix - 1));
            s.suffix = QString::fromLatin1(part.mid(literalSuffix + 2));
        } else if (part.startsWith('{') && part.endsWith('}')) {
            const qsizetype split = part.indexOf("}:{");
            if (split > 0) {
                s.name = QString::fromLatin1(part.mid(1, split - 1));
                s.suffixName = QString::fromLatin1(part.mid(split + 3, part.size() - split - 4));
            } else {
                s.name = QString::fromLatin1(part.mid(1, part.size() - 2));
            }
        } else {
            s.literal = part;
        }
        m_segments.append(s);
    }
}

std::optional<PathParams> PathPattern::match(QByteArrayView path) const
{
    if (!path.startsWith('/'))
        return std::nullopt;
    PathParams params;
    qsizetype pos = 1;
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        if (pos > path.size())
            return std::nullopt;
        qsizetype end = path.indexOf('/', pos);
        if (end < 0)
            end = path.size();
        const QByteArrayView segment = path.sliced(pos, end - pos);
        const Segment &s = m_segments.at(i);
        if (!s.literal.isEmpty()) {
            if (segment != s.literal)
                return std::nullopt;
        } else if (!s.suffixName.isEmpty() || !s.suffix.isEmpty()) {
            const QString text = decoded(segment);
            const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
            if (colon <= 0 || colon == text.size() - 1)
                return std::nullopt;
            if (!s.suffix.isEmpty() && text.mid(colon + 1) != s.suffix)
                return std::nullopt;
            params.insert(s.name, text.left(colon));
            if (!s.suffixName.isEmpty())
                params.insert(s.suffixName, text.mid(colon + 1));
        } else {
            if (segment.isEmpty())
                return std::nullopt;
            params.insert(s.name, decoded(segment));
        }
        pos = end + 1;
    }
    // Everything consumed (a trailing slash is not a different resource).
    if (pos < path.size())
        return std::nullopt;
    return params;
}

std::variant<EndpointTable::Match, ApiError> EndpointTable::match(QByteArrayView method,
                                                                  QByteArrayView path) const
{
    QStringList allowed;
    for (const EndpointSpec &spec : m_specs) {
        auto params = spec.path.match(path);
        if (!params)
            continue;
        if (method == spec.method || (method == "HEAD" && qstrcmp(spec.method, "GET") == 0))
            return Match{&spec, std::move(*params)};
        allowed << QString::fromLatin1(spec.method);
    }
    if (!allowed.isEmpty()) {
        allowed.removeDuplicates();
        return ApiError::methodNotAllowed(
            tr("Use %1 for %2.")
                .arg(allowed.join(QLatin1String(" or ")), QString::fromUtf8(path.toByteArray())));
    }
    return ApiError::notFound(
        tr("Gatehouse has no endpoint %1 %2.")
            .arg(QString::fromLatin1(method.toByteArray()), QString::fromUtf8(path.toByteArray())),
        QStringLiteral("unknown_endpoint"));
}

ApiShape EndpointTable::shapeFor(QByteArrayView path) const
{
    for (const EndpointSpec &spec : m_specs) {
        if (spec.path.match(path))
            return spec.errorShape;
    }
    if (path.startsWith("/api/"))
        return ApiShape::Ollama;
    if (path.startsWith("/v1beta/"))
        return ApiShape::Gemini;
    return path.startsWith("/v1/messages") ? ApiShape::Anthropic : ApiShape::OpenAi;
}

} // namespace gatehouse
