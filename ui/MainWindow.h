#pragma once

#include "LimitWatch.h"
#include "discovery/LocalScanner.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;
class QAction;

namespace gatehouse {

class AccessKeysPage;
class ChatPage;
class ConnectPage;
class WelcomeDialog;
class GatewayRuntime;
class LogsPage;
class ProvidersPage;
class RoutingPage;
class SettingsPage;
class UiSettings;
class UsagePage;

// The window: a sidebar of pages, a status bar saying where the gateway listens and how
// many requests it served, and a tray icon that keeps the gateway running when closed.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum Page
    {
        Providers,
        Routing,
        AccessKeys,
        Chat,
        Connect,
        Logs,
        Usage,
        Settings
    };

    MainWindow(GatewayRuntime *runtime, UiSettings *settings, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    void bringForward();
    // On a first start with no provider: opens the welcome, which scans `candidates` (the
    // well-known local servers unless a test says otherwise). Returns it, or null when there
    // is nothing to welcome (providers exist, or it was offered before).
    WelcomeDialog *offerFirstRun(const QList<LocalScanner::Candidate> &candidates);

    ProvidersPage *providersPage() const { return m_providers; }
    RoutingPage *routingPage() const { return m_routing; }
    AccessKeysPage *accessKeysPage() const { return m_keys; }
    ChatPage *chatPage() const { return m_chat; }
    ConnectPage *connectPage() const { return m_connect; }
    LogsPage *logsPage() const { return m_logs; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    UsagePage *usagePage() const { return m_usage; }
    QLabel *gatewayStatus() const { return m_status; }
    QAction *pauseAction() const { return m_pause; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }

    // Reads the keys' use from the request log (off the GUI thread), then tells in the tray
    // of the limits reached; runs every minute.
    void checkLimits();
    // Shows in the tray the notices due for `use` at `now` (unless turned off in Settings),
    // each once per period, and remembers them; returns those shown.
    QList<LimitNotice> notifyLimits(const QList<ConfigurationUse> &use, const QDateTime &now);

public slots:
    void quit();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setListening(const QString &url);
    void setStopped();
    void setError(const QString &error);
    void updateTray();

    GatewayRuntime *m_runtime;
    UiSettings *m_settings;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    ProvidersPage *m_providers;
    RoutingPage *m_routing;
    AccessKeysPage *m_keys;
    ChatPage *m_chat;
    ConnectPage *m_connect;
    LogsPage *m_logs;
    SettingsPage *m_settingsPage;
    UsagePage *m_usage;
    QLabel *m_status;
    QLabel *m_requests;
    QSystemTrayIcon *m_tray;
    QAction *m_open;
    QAction *m_pause;
    QAction *m_quit;
    QString m_statusText;
    bool m_quitting = false;
};

} // namespace gatehouse
