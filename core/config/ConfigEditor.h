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

    // Creates an access key under a key configuration ("" or "default": the default one)
    // and gives the key, which is shown once and never stored. A revoked key of that name
    // makes room; an active one refuses.
    static Result<QString> createAccessKey(Config &config, const QString &name,
                                           const QString &configuration, const RandomSource &random,
                                           const QDateTime &now);
    static Status revokeAccessKey(Config &config, const QString &name, const QDateTime &now);
    // Gives an access key another key configuration ("default": the default one).
    static Status assignKeyConfiguration(Config &config, const QString &key,
                                         const QString &configuration);

    // Adds a key configuration, or replaces the one named `previous` (a rename when the
    // names differ: keys that used it follow). Provider keys must name providers and
    // labels that exist. Fields of the stored configuration and its routes that this
    // version does not know are kept. Gives whether one was replaced.
    static Result<bool> putKeyConfiguration(Config &config, const QString &previous,
                                            KeyConfiguration configuration);
    // Removes a key configuration that no access key uses.
    static Status removeKeyConfiguration(Config &config, const QString &name);
};

} // namespace gatehouse
