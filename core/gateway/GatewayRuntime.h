#pragma once

#include "GatewayService.h"
#include "config/ConfigStore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QUrl>
#include <memory>
#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace gatehouse {

class SecretStore;
class RequestLog;
class ResponseStore;
class CaptureStore;

// Keeps a running gateway in step with its config folder: loads the config, reads the
// provider keys from the SecretStore, starts the GatewayService, reloads when the config
// file changes (so "gatehouse provider add" reaches a running gateway), and records when
// each access key was last used.
class GatewayRuntime : public QObject
{
    Q_OBJECT
public:
    struct Overrides
    {
        std::optional<quint16> port;
        std::optional<QString> bindAddress;
    };
    GatewayRuntime(const ConfigStore &store, SecretStore *secrets, Overrides overrides = {},
                   QObject *parent = nullptr);
    ~GatewayRuntime() override;

    // Loads the config and starts the gateway; a config that cannot be used is an error here.
    Status start();
    GatewayService *service() const { return m_service; }
    void flushLastUsed();

    // The config the gateway serves with now (the last one that loaded).
    const Config &config() const { return m_config; }
    ConfigStore store() const { return m_store; }
    SecretStore *secrets() const { return m_secrets; }
    // The catalog in use: the built-in one with the user's file laid over it.
    CatalogPtr catalog() const { return m_catalog; }

    // Stops listening (requests in flight end) and starts again with the current config.
    void pause();
    void resume();
    bool isPaused() const { return m_paused; }
    // Stops and starts again on the address and port the config file names now.
    void restart();
    // The address tools use, e.g. "http://127.0.0.1:4777"; empty while not listening.
    QString url() const { return m_url; }
    // Where a client on this machine reaches the gateway: url() with a wildcard bind
    // address (0.0.0.0, ::) replaced by loopback; empty while not listening.
    QUrl localUrl() const;

    // A key that lives only in memory for as long as this process runs: the chat panel
    // calls the gateway with it, exactly as a tool would. It never reaches a file.
    QString internalAccessKey() const { return m_internalKey; }
    static QString internalKeyName();

signals:
    void listening(const QString &url);
    void stopped();
    void startFailed(const QString &error);
    void configReloaded();
    void configError(const QString &error);
    void keychainError(const QString &error);
    // The request log cannot be written (rows are being lost), in a sentence; empty once it
    // works again.
    void requestLogError(const QString &error);

private:
    void applyOverrides(Config &config) const;
    void reload();
    // What the files a reload reads look like on disk (identity, size, times); a change
    // in the folder that leaves it as it was (a copy kept aside, a lock, the state file)
    // is not a reason to reload.
    QByteArray sourcesFingerprint() const;
    void loadKeysAndApply(const Config &config, quint64 generation);
    void loadCatalog();
    GatewaySnapshotPtr snapshotFor(const Config &config, const QHash<QString, QByteArray> &keys,
                                   const QHash<QString, QString> &errors) const;

    ConfigStore m_store;
    SecretStore *m_secrets;
    Overrides m_overrides;
    GatewayService *m_service;
    QFileSystemWatcher *m_watcher;
    QTimer *m_reloadTimer;
    QTimer *m_flushTimer;
    QHash<QString, QDateTime> m_lastUsed;
    bool m_lastUsedDirty = false;
    quint64 m_generation = 0;
    Config m_config;
    GatewaySnapshotPtr m_snapshot;
    QString m_internalKey;
    QByteArray m_internalKeyHash;
    QString m_url;
    bool m_paused = false;
    QByteArray m_loadedFingerprint;
    CatalogPtr m_catalog;
    RequestLog *m_log = nullptr;
    std::unique_ptr<ResponseStore> m_responses;
    std::unique_ptr<CaptureStore> m_captures;
};

} // namespace gatehouse
