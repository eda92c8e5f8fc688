#include "ApiSurface.h"

#include <QCoreApplication>
#include <QStringList>

namespace gatehouse {

namespace {

struct SurfaceName
{
    ApiSurface surface;
    const char *name;
    const char *title;
};

// The one table of surface names.
const SurfaceName surfaceNames[] = {
    {ApiSurface::OpenAi, "openai", QT_TRANSLATE_NOOP("gatehouse::Provider", "OpenAI Chat Completions")},
    {ApiSurface::Responses, "responses", QT_TRANSLATE_NOOP("gatehouse::Provider", "OpenAI Responses")},
    {ApiSurface::Anthropic, "anthropic", QT_TRANSLATE_NOOP("gatehouse::Provider", "Anthropic Messages")},
};

} // namespace

QList<ApiSurface> allApiSurfaces()
{
    QList<ApiSurface> out;
    for (const SurfaceName &s : surfaceNames)
        out << s.surface;
    return out;
}

QString apiSurfaceName(ApiSurface surface)
{
    for (const SurfaceName &s : surfaceNames) {
        if (s.surface == surface)
            return QString::fromLatin1(s.name);
    }
    return {};
}

QString apiSurfaceTitle(ApiSurface surface)
{
    for (const SurfaceName &s : surfaceNames) {
        if (s.surface == surface)
            return QCoreApplication::translate("gatehouse::Provider", s.title);
    }
    return {};
}

Result<ApiSurface> parseApiSurface(const QString &name)
{
    QStringList known;
    for (const SurfaceName &s : surfaceNames) {
        if (name == QLatin1String(s.name))
            return s.surface;
        known << QString::fromLatin1(s.name);
    }
    return Result<ApiSurface>::failure(
        QCoreApplication::translate("gatehouse::Provider", "Unknown API surface \"%1\"; use %2.")
            .arg(name, known.join(QLatin1String(", "))));
}

} // namespace gatehouse
