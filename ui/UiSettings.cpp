#include "UiSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace gatehouse {

UiSettings::UiSettings(const QString &configDirectory)
    : m_settings(std::make_unique<QSettings>(
          QDir(configDirectory).filePath(QStringLiteral("ui.ini")), QSettings::IniFormat))
{
}

UiSettings::~UiSettings() = default;

QString UiSettings::language() const
{
    return m_settings->value(QStringLiteral("language")).toString();
}

void UiSettings::setLanguage(const QString &language)
{
    m_settings->setValue(QStringLiteral("language"), language);
}

bool UiSettings::startMinimised() const
{
    return m_settings->value(QStringLiteral("startMinimised"), false).toBool();
}

void UiSettings::setStartMinimised(bool on)
{
    m_settings->setValue(QStringLiteral("startMinimised"), on);
}

bool UiSettings::trayNoticeShown() const
{
    return m_settings->value(QStringLiteral("trayNoticeShown"), false).toBool();
}

void UiSettings::setTrayNoticeShown(bool shown)
{
    m_settings->setValue(QStringLiteral("trayNoticeShown"), shown);
}

bool UiSettings::limitNotifications() const
{
    return m_settings->value(QStringLiteral("limits/notify"), true).toBool();
}

void UiSettings::setLimitNotifications(bool on)
{
    m_settings->setValue(QStringLiteral("limits/notify"), on);
}

QStringList UiSettings::limitsNotified() const
{
    return m_settings->value(QStringLiteral("limits/notified")).toStringList();
}

void UiSettings::setLimitsNotified(const QStringList &ids)
{
    m_settings->setValue(QStringLiteral("limits/notified"), ids);
}

bool UiSettings::welcomeShown() const
{
    return m_settings->value(QStringLiteral("welcome/shown"), false).toBool();
}

void UiSettings::setWelcomeShown(bool shown)
{
    m_settings->setValue(QStringLiteral("welcome/shown"), shown);
    m_settings->sync();
}

QString UiSettings::lastChatModel() const
{
    return m_settings->value(QStringLiteral("chat/model")).toString();
}

void UiSettings::setLastChatModel(const QString &model)
{
    m_settings->setValue(QStringLiteral("chat/model"), model);
}

QString UiSettings::autostartPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/autostart/gatehouse.desktop");
}

bool UiSettings::startAtLogin()
{
    return QFile::exists(autostartPath());
}

Status UiSettings::setStartAtLogin(bool on)
{
    const QString path = autostartPath();
    if (!on) {
        if (QFile::exists(path) && !QFile::remove(path))
            return Status::failure(
                QCoreApplication::translate("UiSettings", "Cannot remove %1.").arg(path));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Status::failure(
            QCoreApplication::translate("UiSettings", "Cannot create the folder for %1.")
                .arg(path));
    QSaveFile file(path);
    const QString program = QCoreApplication::applicationFilePath();
    const QByteArray entry = "[Desktop Entry]\nType=Application\nName=Gatehouse\n"
                             "Comment=Local AI gateway\nExec=\"" +
                             program.toUtf8() +
                             "\" --minimised\nIcon=gatehouse\nX-GNOME-Autostart-enabled=true\n";
    if (!file.open(QIODevice::WriteOnly) || file.write(entry) != entry.size() || !file.commit())
        return Status::failure(QCoreApplication::translate("UiSettings", "Cannot write %1: %2")
                                   .arg(path, file.errorString()));
    return {};
}

} // namespace gatehouse
