#pragma once

#include "util/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse {

// The APIs Gatehouse speaks, to clients and to providers. A provider speaks one or more.
enum class ApiSurface
{
    OpenAi,    // Chat Completions + /models
    Responses, // OpenAI Responses
    Anthropic, // Messages
    Ollama,    // Ollama's native API (/api/chat, /api/generate, /api/embed, /api/tags)
    Gemini     // Google's native API: generateContent
};

// Every surface, in the order the window lists them; their names as the config file and the
// command line write them ("openai"), as people read them ("OpenAI Chat Completions"), and
// as a table cell that lists several shows them ("Chat Completions").
namespace apisurface_detail {

struct SurfaceName
{
    ApiSurface surface;
    const char *name;
    const char *title;
    const char *shortTitle;
};

// The one table of surface names.
inline const SurfaceName surfaceNames[] = {
    {ApiSurface::OpenAi, "openai",
     QT_TRANSLATE_NOOP("gatehouse::Provider", "OpenAI Chat Completions"),
     QT_TRANSLATE_NOOP("gatehouse::Provider", "Chat Completions")},
    {ApiSurface::Responses, "responses",
     QT_TRANSLATE_NOOP("gatehouse::Provider", "OpenAI Responses"),
     QT_TRANSLATE_NOOP("gatehouse::Provider", "Responses")},
    {ApiSurface::Anthropic, "anthropic",
     QT_TRANSLATE_NOOP("gatehouse::Provider", "Anthropic Messages"),
     QT_TRANSLATE_NOOP("gatehouse::Provider", "Anthropic Messages")},
    {ApiSurface::Ollama, "ollama", QT_TRANSLATE_NOOP("gatehouse::Provider", "Ollama API"),
     QT_TRANSLATE_NOOP("gatehouse::Provider", "Ollama")},
    {ApiSurface::Gemini, "gemini", QT_TRANSLATE_NOOP("gatehouse::Provider", "Google Gemini API"),
     QT_TRANSLATE_NOOP("gatehouse::Provider", "Gemini")},
};

} // namespace apisurface_detail

inline QList<ApiSurface> allApiSurfaces()
{
    QList<ApiSurface> out;
    for (const apisurface_detail::SurfaceName &s : apisurface_detail::surfaceNames)
        out << s.surface;
    return out;
}

// Every surface's name, as the command line takes them: "openai, responses, …".
inline QString apiSurfaceNameList()
{
    QStringList names;
    for (const apisurface_detail::SurfaceName &s : apisurface_detail::surfaceNames)
        names << QString::fromLatin1(s.name);
    return names.join(QLatin1String(", "));
}

inline QString apiSurfaceName(ApiSurface surface)
{
    for (const apisurface_detail::SurfaceName &s : apisurface_detail::surfaceNames) {
        if (s.surface == surface)
            return QString::fromLatin1(s.name);
    }
    return {};
}

inline QString apiSurfaceTitle(ApiSurface surface, bool shortTitle = false)
{
    for (const apisurface_detail::SurfaceName &s : apisurface_detail::surfaceNames) {
        if (s.surface == surface)
            return QCoreApplication::translate("gatehouse::Provider",
                                               shortTitle ? s.shortTitle : s.title);
    }
    return {};
}

inline Result<ApiSurface> parseApiSurface(const QString &name)
{
    QStringList known;
    for (const apisurface_detail::SurfaceName &s : apisurface_detail::surfaceNames) {
        if (name == QLatin1String(s.name))
            return s.surface;
        known << QString::fromLatin1(s.name);
    }
    return Result<ApiSurface>::failure(
        QCoreApplication::translate("gatehouse::Provider", "Unknown API surface \"%1\"; use %2.")
            .arg(name, known.join(QLatin1String(", "))));
}

} // namespace gatehouse
