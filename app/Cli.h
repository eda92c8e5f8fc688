#pragma once

#include "config/ConfigStore.h"
#include "secrets/SecretStore.h"

#include <QStringList>
#include <cstdio>

namespace gatehouse {

// The management commands (provider …, key …) and the request log's (logs, usage): each changes the
// config under its lock, saves it atomically, and says what happened. Failures give one line on
// stderr and a non-zero exit.
class Cli
{
public:
    struct Options
    {
        QString url;
        QStringList surfaces; // openai, responses, anthropic, in the order given
        QString name;
        QStringList models;
        QStringList headers;
        QStringList secretHeaders; // always kept in the keychain
        // Routing and key configurations.
        QStringList to;    // route candidates: provider:model[=weight]
        QString strategy;  // in-order, round-robin, weighted, lowest-latency
        QString retries;   // number
        QString deadline;  // seconds
        QStringList allow; // model patterns
        QString rpm;       // requests per minute
        QString tokensPerDay;
        QString spendPerMonth;    // US dollars
        QStringList providerKeys; // provider=label
        QString label;            // provider set-key --label
        QString keyConfig;        // key create --key-config
        QString port;             // ollama-api enable --port
        QString smallModel;       // connect --small-model
        bool undo = false;        // connect --undo
        // import and export
        QString from;   // import --from FORMAT
        QString format; // export --format FORMAT
        QString route;  // export --route NAME
        QString out;    // export --out FILE
        bool dryRun = false;
        bool withKeys = false;
        // key config set: content capture
        QString captureContent;       // on, off
        QString captureRetentionDays; // days
        QString captureMaxBytes;      // per body
        // logs and usage
        QString since; // 90s, 15m, 24h, 7d
        QString limit;
        QString key;
        QString provider;
        QString status;
        QString before; // logs --clear: a date
        QString by;     // usage: provider, model, key, day
        // Which of the above were given, by option name ("to", "allow", …).
        QStringList given;
    };
    Cli(ConfigStore store, SecretStore *secrets, FILE *out = stdout, FILE *err = stderr);

    // words: the command and its arguments, e.g. {"provider", "add", "my-ollama"}.
    int run(const QStringList &words, const Options &options);

    static bool isCommand(const QString &word);

private:
    int providerAdd(const QString &id, const Options &options);
    int providerSetKey(const QString &id, const QString &label);
    int providerList();
    int providerRemove(const QString &id);
    int keyCreate(const QString &name, const QString &configuration);
    int keyList();
    int keyRevoke(const QString &name);
    int routeSet(const QString &name, const Options &options);
    int routeList();
    int routeRemove(const QString &name, const QString &keyConfig);
    int keyConfigSet(const QString &name, const Options &options);
    int keyConfigList();
    int keyConfigRemove(const QString &name);
    int keyConfigAssign(const QString &key, const QString &configuration);
    // ollama-api enable|disable|status (CliOllamaApi.cpp)
    int ollamaApi(const QStringList &args, const Options &options);
    // connect list, connect TOOL, connect TOOL --undo (CliConnect.cpp)
    int connect(const QStringList &args, const Options &options);
    // import --from FORMAT FILE, export --format FORMAT (CliMigrate.cpp)
    int importFrom(const QStringList &args, const Options &options);
    int exportTo(const QStringList &args, const Options &options);
    // logs [--clear] and usage (CliLogs.cpp)
    int logs(const QStringList &args, const Options &options);
    int usage(const QStringList &args, const Options &options);

    int fail(const QString &message, int code = 1);
    void print(const QString &text);
    Result<Config> loadConfig();
    // Changes the config through ConfigStore::update, under its lock; a refusal (made with
    // refuse()) or a failed save becomes one line on stderr and a non-zero exit.
    int edit(const std::function<Status(Config &)> &change);
    Status refuse(const QString &message, int code = 1);
    SecretResult
    waitFor(const std::function<void(std::function<void(const SecretResult &)>)> &operation);

    ConfigStore m_store;
    SecretStore *m_secrets;
    FILE *m_out;
    FILE *m_err;
    int m_refusalCode = 1;
};

} // namespace gatehouse
