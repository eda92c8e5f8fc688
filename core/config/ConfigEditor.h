#pragma once

#include "Config.h"

namespace gatehouse {

// The changes to a config that the command line and the window both make, written once so
// that both follow the same rules. Each is meant to run inside ConfigStore::update.
class ConfigEditor
{
public:
    // Removes a provider and every reference to it from key configurations. Gives the
    // keychain entries (keys, credential headers and URL parameters) the caller should
    // delete once the config is saved.
    static Result<QStringList> removeProvider(Config &config, const QString &id);
    // Adds a route for all keys (scope "") or one key configuration, or replaces the one
    // named `previous` (a rename when the names differ). Candidates must name providers
    // that exist, so that typos show now, not at request time. Fields of the stored route
    // this version does not know are kept. Gives whether a route was replaced.
    static Result<bool> putRoute(Config &config, const QString &scope, const QString &previous,
                                 RouteRule rule);
};

} // namespace gatehouse
