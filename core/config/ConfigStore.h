#pragma once

#include "Config.h"
#include "util/Clock.h"
#include "util/RandomSource.h"

#include <QHash>
#include <functional>

namespace gatehouse {

// Reads and writes the config file (and the small state file beside it) in one folder.
// Writes are atomic and checked: every byte is written and synced before the new file
// replaces the old one, so a crash or a full disk leaves the old file as it was. Every
// write happens under a lock file beside config.json, so that several processes (the
// window, the gateway, command-line runs) never lose each other's changes.
class ConfigStore
{
public:
    explicit ConfigStore(QString directory, RandomSource random = systemRandomBytes,
                         WallClock clock = systemNow);

    // The documented folder: $XDG_CONFIG_HOME/gatehouse, else ~/.config/gatehouse.
    static QString defaultDirectory();
    // Moves a config kept by earlier versions in <default>/gatehouse/ up into the default
    // folder, once, when the default folder has no config.json yet.
    static Status migrateOldDefaultDirectory(const QString &directory);
    // Creates `path` and any missing parents private to the user (0700) from the start.
    static Status createPrivateDirectory(const QString &path);

    QString directory() const { return m_directory; }
    QString configPath() const;
    QString statePath() const;
    QString lockPath() const;
    // Whether a file in the config folder is a copy kept aside or another file Gatehouse
    // writes itself, so that watchers can ignore it.
    static bool isSideFile(const QString &fileName);

    // A missing file gives a fresh config. A file that cannot be used is copied aside
    // (never overwritten; one copy per distinct content) and the error names the file, the
    // problem and the copy.
    Result<Config> load() const;
    // Saves under the lock. Refuses to replace a file that cannot be loaded.
    Status save(const Config &config) const;
    // Takes the lock, loads, lets `change` edit the config (or refuse with a message), and
    // saves; nobody else writes in between.
    Status update(const std::function<Status(Config &)> &change) const;

    // Last-used times of access keys, kept apart so the gateway never rewrites the config.
    QHash<QString, QDateTime> loadLastUsed() const;
    Status saveLastUsed(const QHash<QString, QDateTime> &lastUsed) const;

    // How long a lock is waited for, and when a lock left by a process that died is
    // taken over. Tests shorten them.
    void setLockTimeouts(int waitMs, int staleMs);

private:
    Status ensureDirectory() const;
    Status writeAtomically(const QString &path, const QByteArray &data) const;
    Status saveLocked(const Config &config) const;
    Result<Config> read(bool keepAsideWhenUnusable) const;
    QString keepAside(const QString &path, const QByteArray &content) const;

    QString m_directory;
    RandomSource m_random;
    WallClock m_clock;
    int m_lockWaitMs = 20'000;
    int m_lockStaleMs = 60'000;
};

} // namespace gatehouse
