#pragma once

#include "util/Result.h"

#include <QString>
#include <QStringList>
#include <memory>

class QSettings;

namespace gatehouse {

// Preferences of the window (not of the gateway), kept beside the config in ui.ini.
class UiSettings
{
public:
    explicit UiSettings(const QString &configDirectory);
    ~UiSettings();

    // "" follows the system; otherwise "en", "de" or "zh_CN".
    QString language() const;
    void setLanguage(const QString &language);

    bool startMinimised() const;
    void setStartMinimised(bool on);

    // Whether the user was told once that closing the window keeps the gateway running.
    bool trayNoticeShown() const;
    void setTrayNoticeShown(bool shown);

    // Whether the first-run welcome was shown (it is offered once).
    bool welcomeShown() const;
    void setWelcomeShown(bool shown);

    // Whether the tray tells when a key configuration nears or reaches a limit (on unless
    // turned off), and which of those messages were shown (LimitNotice ids).
    bool limitNotifications() const;
    void setLimitNotifications(bool on);
    QStringList limitsNotified() const;
    void setLimitsNotified(const QStringList &ids);

    QString lastChatModel() const;
    void setLastChatModel(const QString &model);

    // Start at login: an XDG autostart entry.
    static QString autostartPath();
    static bool startAtLogin();
    static Status setStartAtLogin(bool on);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace gatehouse
