#pragma once

#include "util/Result.h"

#include <QList>
#include <QString>

namespace gatehouse {

// The APIs Gatehouse speaks, to clients and to providers. A provider speaks one or more.
enum class ApiSurface
{
    OpenAi,    // Chat Completions + /models
    Responses, // OpenAI Responses
    Anthropic  // Messages
};

// Every surface, in the order the window lists them.
QList<ApiSurface> allApiSurfaces();
// "openai", "responses", "anthropic": as the config file and the command line name them.
QString apiSurfaceName(ApiSurface surface);
// "OpenAI Chat Completions", for people (translated).
QString apiSurfaceTitle(ApiSurface surface);
Result<ApiSurface> parseApiSurface(const QString &name);

} // namespace gatehouse
