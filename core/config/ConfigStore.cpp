#include "ConfigStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLockFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("gatehouse::ConfigStore", text);
}
constexpr qint64 maxConfigBytes = qint64{16} * 1024 * 1024;
const QLatin1String asideInfix(".unreadable-");
const QLatin1String tempInfix(".tmp-");

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Syncs a folder so that a file created or renamed in it survives a crash.
int syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int rc = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return rc;
}

// The lock every writer of one config folder takes; a lock left by a process that died is
// taken over once it is older than `staleMs`.
class ConfigLock
{
public:
    ConfigLock(const QString &path, int waitMs, int staleMs) : m_lock(path)
    {
        m_lock.setStaleLockTime(staleMs);
        m_locked = m_lock.tryLock(waitMs);
    }
    Status status(const QString &path) const
    {
        if (m_locked)
            return {};
        qint64 pid = 0;
        QString host;
        QString app;
        switch (m_lock.error()) {
        case QLockFile::LockFailedError:
            if (m_lock.getLockInfo(&pid, &host, &app))
                return Status::failure(
                    QCoreApplication::translate(
                        "gatehouse::ConfigStore",
                        "The config is being changed by another Gatehouse process (pid %1); "
                        "try again, or remove the lock file %2 if no Gatehouse is running.")
                        .arg(pid)
                        .arg(path));
            return Status::failure(
                QCoreApplication::translate(
                    "gatehouse::ConfigStore",
                    "The config is being changed by another Gatehouse process; try again, or "
                    "remove the lock file %1 if no Gatehouse is running.")
                    .arg(path));
        case QLockFile::PermissionError:
            return Status::failure(
                QCoreApplication::translate("gatehouse::ConfigStore",
                                            "Cannot create the lock file %1: permission denied.")
                    .arg(path));
        default:
            return Status::failure(QCoreApplication::translate("gatehouse::ConfigStore",
                                                               "Cannot take the lock file %1.")
                                       .arg(path));
        }
    }

private:
    QLockFile m_lock;
    bool m_locked = false;
};

} // namespace

ConfigStore::ConfigStore(QString directory, RandomSource random, WallClock clock)
    : m_directory(std::move(directory)), m_random(std::move(random)), m_clock(std::move(clock))
{
}

QString ConfigStore::defaultDirectory()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + QLatin1String("/.config");
    return QDir(base).filePath(QStringLiteral("gatehouse"));
}

Status ConfigStore::createPrivateDirectory(const QString &path)
{
    const QString absolute = QDir::cleanPath(QDir(path).absolutePath());
    QStringList missing;
    for (QString p = absolute; !QFileInfo::exists(p); p = QFileInfo(p).absolutePath()) {
        missing.prepend(p);
        if (QFileInfo(p).absolutePath() == p)
            break;
    }
    for (const QString &p : std::as_const(missing)) {
        // Created private, never opened up and narrowed later: the mode is given to
        // mkdir, and a umask can only take permissions away.
        if (::mkdir(QFile::encodeName(p).constData(), S_IRWXU) != 0 && errno != EEXIST)
            return Status::failure(
                tr("Cannot create the config folder %1: %2").arg(p, systemError(errno)));
    }
    if (!QFileInfo(absolute).isDir())
        return Status::failure(tr("The config folder %1 is not a folder.").arg(absolute));
    return {};
}

Status ConfigStore::migrateOldDefaultDirectory(const QString &directory)
{
    const QDir target(directory);
    const QDir old(target.filePath(QStringLiteral("gatehouse")));
    if (QFileInfo::exists(target.filePath(QStringLiteral("config.json"))) ||
        !QFileInfo::exists(old.filePath(QStringLiteral("config.json"))))
        return {};
    if (Status s = createPrivateDirectory(directory); !s)
        return s;
    const QStringList names = old.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        if (target.exists(name))
            continue;
        if (::rename(QFile::encodeName(old.filePath(name)).constData(),
                     QFile::encodeName(target.filePath(name)).constData()) != 0)
            return Status::failure(tr("Cannot move %1 to %2: %3")
                                       .arg(old.filePath(name), directory, systemError(errno)));
    }
    syncDirectory(directory);
    QDir().rmdir(old.path()); // only when it is empty now
    return {};
}

QString ConfigStore::configPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("config.json"));
}

QString ConfigStore::statePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("state.json"));
}

QString ConfigStore::lockPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("config.json.lock"));
}

bool ConfigStore::isSideFile(const QString &fileName)
{
    return fileName.contains(asideInfix) || fileName.contains(tempInfix) ||
           fileName.endsWith(QLatin1String(".lock")) || fileName == QLatin1String("state.json");
}

void ConfigStore::setLockTimeouts(int waitMs, int staleMs)
{
    m_lockWaitMs = waitMs;
    m_lockStaleMs = staleMs;
}

QString ConfigStore::keepAside(const QString &path, const QByteArray &content) const
{
    // One copy per content: loading the same unusable file again (a reload, another
    // window) must not fill the disk with copies.
    const QFileInfo info(path);
    const QDir dir = info.dir();
    const QStringList copies =
        dir.entryList({info.fileName() + asideInfix + QLatin1Char('*')}, QDir::Files);
    for (const QString &name : copies) {
        QFile copy(dir.filePath(name));
        if (copy.size() == content.size() && copy.open(QIODevice::ReadOnly) &&
            copy.readAll() == content)
            return copy.fileName();
    }
    const QString stamp = m_clock().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + asideInfix + stamp;
    for (int n = 2; QFile::exists(aside); ++n)
        aside = path + asideInfix + stamp + QLatin1Char('-') + QString::number(n);
    return writeAtomically(aside, content) ? aside : QString();
}

Result<Config> ConfigStore::read(bool keepAsideWhenUnusable) const
{
    const QString path = configPath();
    QFile file(path);
    if (!file.exists()) {
        Config fresh;
        fresh.instanceId = QString::fromLatin1(m_random(16).toHex());
        return fresh;
    }
    if (!file.open(QIODevice::ReadOnly))
        return Result<Config>::failure(
            tr("Cannot read the config file %1: %2").arg(path, file.errorString()));
    if (file.size() > maxConfigBytes)
        return Result<Config>::failure(tr("The config file %1 is larger than 16 MiB.").arg(path));
    const QByteArray data = file.readAll();
    file.close();

    QString problem;
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        problem = tr("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
    else if (!doc.isObject())
        problem = tr("the top level is not a JSON object");
    Result<Config> config = Result<Config>::failure(problem);
    if (problem.isEmpty()) {
        config = Config::fromJson(doc.object());
        if (config)
            return config;
        problem = config.error();
    }
    QString where;
    if (keepAsideWhenUnusable) {
        const QString aside = keepAside(path, data);
        where = aside.isEmpty() ? tr("The file was left as it is.")
                                : tr("A copy was kept at %1.").arg(aside);
    }
    return Result<Config>::failure(
        tr("The config file %1 cannot be used: %2. Gatehouse will not overwrite it; fix or "
           "remove it. %3")
            .arg(path, problem, where)
            .trimmed());
}

Result<Config> ConfigStore::load() const
{
    return read(true);
}

Status ConfigStore::ensureDirectory() const
{
    if (!QFileInfo::exists(m_directory))
        return createPrivateDirectory(m_directory);
    return {};
}

Status ConfigStore::writeAtomically(const QString &path, const QByteArray &data) const
{
    if (auto s = ensureDirectory(); !s)
        return s;
    // POSIX calls, each checked: a buffered writer may report success for bytes that
    // never reached the disk, and a full disk must never replace a good file.
    QByteArray temp = QFile::encodeName(path + tempInfix + QLatin1String("XXXXXX"));
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC); // mode 0600
    if (fd < 0)
        return Status::failure(tr("Cannot write %1: %2").arg(path, systemError(errno)));
    auto fail = [&](int error, bool open) {
        if (open)
            ::close(fd);
        ::unlink(temp.constData());
        return Status::failure(tr("Cannot write %1: %2").arg(path, systemError(error)));
    };
    const char *bytes = data.constData();
    qint64 left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, bytes, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(errno, true);
        if (n == 0)
            return fail(ENOSPC, true);
        bytes += n;
        left -= n;
    }
    if (::fsync(fd) != 0)
        return fail(errno, true);
    if (::close(fd) != 0)
        return fail(errno, false);
    const QString folder = QFileInfo(path).absolutePath();
    if (const int e = syncDirectory(folder))
        return fail(e, false);
    if (::rename(temp.constData(), QFile::encodeName(path).constData()) != 0)
        return fail(errno, false);
    syncDirectory(folder); // the rename itself; the file is complete either way
    return {};
}

Status ConfigStore::saveLocked(const Config &config) const
{
    // Never replace a file we could not read: the user's data in it would be lost.
    if (auto current = read(false); !current)
        return Status::failure(current.error());
    return writeAtomically(configPath(),
                           QJsonDocument(config.toJson()).toJson(QJsonDocument::Indented));
}

Status ConfigStore::save(const Config &config) const
{
    if (auto s = ensureDirectory(); !s)
        return s;
    const ConfigLock lock(lockPath(), m_lockWaitMs, m_lockStaleMs);
    if (Status s = lock.status(lockPath()); !s)
        return s;
    return saveLocked(config);
}

Status ConfigStore::update(const std::function<Status(Config &)> &change) const
{
    if (auto s = ensureDirectory(); !s)
        return s;
    const ConfigLock lock(lockPath(), m_lockWaitMs, m_lockStaleMs);
    if (Status s = lock.status(lockPath()); !s)
        return s;
    auto config = load();
    if (!config)
        return Status::failure(config.error());
    if (Status s = change(config.value()); !s)
        return s;
    return writeAtomically(configPath(),
                           QJsonDocument(config->toJson()).toJson(QJsonDocument::Indented));
}

QHash<QString, QDateTime> ConfigStore::loadLastUsed() const
{
    QHash<QString, QDateTime> out;
    QFile file(statePath());
    if (!file.open(QIODevice::ReadOnly))
        return out;
    const QJsonObject keys = QJsonDocument::fromJson(file.readAll())
                                 .object()
                                 .value(QLatin1String("accessKeysLastUsed"))
                                 .toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const QDateTime t = QDateTime::fromString(it.value().toString(), Qt::ISODateWithMs);
        if (t.isValid())
            out.insert(it.key(), t);
    }
    return out;
}

Status ConfigStore::saveLastUsed(const QHash<QString, QDateTime> &lastUsed) const
{
    QJsonObject keys;
    for (auto it = lastUsed.begin(); it != lastUsed.end(); ++it)
        keys.insert(it.key(), it.value().toString(Qt::ISODateWithMs));
    const QJsonObject root{{QLatin1String("accessKeysLastUsed"), keys}};
    return writeAtomically(statePath(), QJsonDocument(root).toJson(QJsonDocument::Indented));
}

} // namespace gatehouse
