#include "ConfigStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace gatehouse {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("gatehouse::ConfigStore", text);
}
constexpr qint64 maxConfigBytes = qint64{16} * 1024 * 1024;
} // namespace

ConfigStore::ConfigStore(QString directory, RandomSource random, WallClock clock)
    : m_directory(std::move(directory)), m_random(std::move(random)), m_clock(std::move(clock))
{
}

QString ConfigStore::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

QString ConfigStore::configPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("config.json"));
}

QString ConfigStore::statePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("state.json"));
}

QString ConfigStore::keepAside(const QString &path) const
{
    const QString stamp = m_clock().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + QStringLiteral(".unreadable-") + stamp;
    for (int n = 2; QFile::exists(aside); ++n)
        aside =
            path + QStringLiteral(".unreadable-") + stamp + QLatin1Char('-') + QString::number(n);
    return QFile::copy(path, aside) ? aside : QString();
}

Result<Config> ConfigStore::load() const
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
    const QString aside = keepAside(path);
    const QString where = aside.isEmpty() ? tr("The file was left as it is.")
                                          : tr("A copy was kept at %1.").arg(aside);
    return Result<Config>::failure(
        tr("The config file %1 cannot be used: %2. Gatehouse will not overwrite it; fix or "
           "remove it. %3")
            .arg(path, problem, where));
}

Status ConfigStore::ensureDirectory() const
{
    QDir dir(m_directory);
    if (!dir.exists() && !QDir().mkpath(m_directory))
        return Status::failure(tr("Cannot create the config folder %1.").arg(m_directory));
    // The folder holds access key hashes and provider settings: keep it private.
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return {};
}

Status ConfigStore::writeAtomically(const QString &path, const QByteArray &data) const
{
    if (auto s = ensureDirectory(); !s)
        return s;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return Status::failure(tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
    if (!file.commit())
        return Status::failure(tr("Cannot save %1: %2").arg(path, file.errorString()));
    return {};
}

Status ConfigStore::save(const Config &config) const
{
    // Never replace a file we could not read: the user's data in it would be lost.
    if (QFile::exists(configPath())) {
        QFile existing(configPath());
        if (existing.open(QIODevice::ReadOnly)) {
            QJsonParseError e{};
            const auto doc = QJsonDocument::fromJson(existing.readAll(), &e);
            if (e.error != QJsonParseError::NoError || !doc.isObject())
                return Status::failure(
                    tr("The config file %1 cannot be parsed; Gatehouse will not overwrite it.")
                        .arg(configPath()));
        }
    }
    return writeAtomically(configPath(),
                           QJsonDocument(config.toJson()).toJson(QJsonDocument::Indented));
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

Status ConfigStore::update(const std::function<Status(Config &)> &change) const
{
    auto config = load();
    if (!config)
        return Status::failure(config.error());
    if (Status s = change(config.value()); !s)
        return s;
    return save(config.value());
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
