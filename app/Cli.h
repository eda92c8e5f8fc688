#pragma once

#include "config/ConfigStore.h"
#include "secrets/SecretStore.h"

#include <QStringList>
#include <cstdio>

namespace gatehouse {

// The management commands (provider …, key …): each loads the config, changes it, saves it
// atomically, and says what happened. Failures give one line on stderr and a non-zero exit.
class Cli
{
public:
    struct Options
    {
        QString url;
        QString surface;
        QString name;
        QStringList models;
        QStringList headers;
    };
    Cli(ConfigStore store, SecretStore *secrets, FILE *out = stdout, FILE *err = stderr);

    // words: the command and its arguments, e.g. {"provider", "add", "my-ollama"}.
    int run(const QStringList &words, const Options &options);

    static bool isCommand(const QString &word);

private:
    int providerAdd(const QString &id, const Options &options);
    int providerList();
    int providerRemove(const QString &id);
    int providerSetKey(const QString &id);
    int keyCreate(const QString &name);
    int keyList();
    int keyRevoke(const QString &name);

    int fail(const QString &message, int code = 1);
    void print(const QString &text);
    Result<Config> loadConfig();
    int saveConfig(const Config &config);
    SecretResult
    waitFor(const std::function<void(std::function<void(const SecretResult &)>)> &operation);

    ConfigStore m_store;
    SecretStore *m_secrets;
    FILE *m_out;
    FILE *m_err;
};

} // namespace gatehouse
