#pragma once

#include "GatewayService.h"
#include "config/ConfigStore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace gatehouse {

class SecretStore;

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

signals:
    void listening(const QString &url);
    void startFailed(const QString &error);
    void configReloaded();
    void configError(const QString &error);
    void keychainError(const QString &error);

private:
    void applyOverrides(Config &config) const;
    void reload();
    void loadKeysAndApply(const Config &config, quint64 generation);

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
};

} // namespace gatehouse
