#pragma once

#include "Config.h"
#include "util/Clock.h"
#include "util/RandomSource.h"

#include <QHash>
#include <functional>

namespace gatehouse {

// Reads and writes the config file (and the small state file beside it) in one folder.
// Writes are atomic: a crash leaves either the old file or the new one, never half of one.
class ConfigStore
{
public:
    explicit ConfigStore(QString directory, RandomSource random = systemRandomBytes,
                         WallClock clock = systemNow);

    static QString defaultDirectory();

    QString directory() const { return m_directory; }
    QString configPath() const;
    QString statePath() const;

    // A missing file gives a fresh config. A file that cannot be used is copied aside
    // (never overwritten) and the error names the file, the problem and the copy.
    Result<Config> load() const;
    Status save(const Config &config) const;
    // Loads, lets `change` edit the config (or refuse with a message), and saves.
    Status update(const std::function<Status(Config &)> &change) const;

    // Last-used times of access keys, kept apart so the gateway never rewrites the config.
    QHash<QString, QDateTime> loadLastUsed() const;
    Status saveLastUsed(const QHash<QString, QDateTime> &lastUsed) const;

private:
    Status ensureDirectory() const;
    Status writeAtomically(const QString &path, const QByteArray &data) const;
    QString keepAside(const QString &path) const;

    QString m_directory;
    RandomSource m_random;
    WallClock m_clock;
};

} // namespace gatehouse
