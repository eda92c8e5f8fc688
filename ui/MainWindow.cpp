#include "MainWindow.h"

#include "AccessKeysPage.h"
#include "ChatPage.h"
#include "ConnectPage.h"
#include "ExportDialog.h"
#include "ImportDialog.h"
#include "LogsPage.h"
#include "ProvidersPage.h"
#include "RoutingPage.h"
#include "SettingsPage.h"
#include "UiSettings.h"
#include "UsagePage.h"
#include "WelcomeDialog.h"
#include "config/Config.h"
#include "gateway/GatewayRuntime.h"
#include "log/RequestLog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace gatehouse {

MainWindow::MainWindow(GatewayRuntime *runtime, UiSettings *settings, QWidget *parent)
    : QMainWindow(parent), m_runtime(runtime), m_settings(settings), m_nav(new QListWidget(this)),
      m_stack(new QStackedWidget(this)), m_providers(new ProvidersPage(runtime, m_stack)),
      m_routing(new RoutingPage(runtime, m_stack)), m_keys(new AccessKeysPage(runtime, m_stack)),
      m_chat(new ChatPage(runtime, settings, m_stack)),
      m_connect(new ConnectPage(runtime, m_stack)),
      m_logs(new LogsPage(runtime->store().directory(), runtime->service(), m_stack)),
      m_settingsPage(new SettingsPage(runtime, settings, m_stack)),
      m_usage(new UsagePage(runtime, m_stack)), m_status(new QLabel(this)),
      m_requests(new QLabel(this)), m_tray(new QSystemTrayIcon(QApplication::windowIcon(), this)),
      m_open(new QAction(tr("&Open Gatehouse"), this)),
      m_pause(new QAction(tr("&Pause gateway"), this)), m_quit(new QAction(tr("&Quit"), this))
{
    setWindowTitle(tr("Gatehouse"));
    setObjectName(QStringLiteral("mainWindow"));
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setSpacing(2);
    m_nav->setStyleSheet(QStringLiteral("QListWidget#navigation { padding: 6px; } "
                                        "QListWidget#navigation::item { padding-left: 10px; }"));
    m_nav->setAutoFillBackground(true);
    m_nav->setBackgroundRole(QPalette::AlternateBase);
    QPalette navPalette = m_nav->palette();
    navPalette.setBrush(QPalette::Base, navPalette.brush(QPalette::AlternateBase));
    m_nav->setPalette(navPalette);
    const QStringList titles{
        tr("Providers"),          tr("Routing"), tr("Access keys"), tr("Chat"),
        tr("Connect your tools"), tr("Logs"),    tr("Usage"),       tr("Settings")};
    for (const QString &t : titles) {
        auto *item = new QListWidgetItem(t, m_nav);
        item->setSizeHint(QSize(0, m_nav->fontMetrics().height() * 2 + 4));
    }
    int navWidth = 0;
    for (const QString &t : titles)
        navWidth = std::max(navWidth, m_nav->fontMetrics().horizontalAdvance(t));
    m_nav->setFixedWidth(navWidth + 48);
    layout->addWidget(m_nav);

    const QList<QWidget *> pages{m_providers, m_routing, m_keys,  m_chat,
                                 m_connect,   m_logs,    m_usage, m_settingsPage};
    for (QWidget *page : pages) {
        page->layout()->setContentsMargins(16, 12, 16, 12);
        m_stack->addWidget(page);
    }
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_nav->setCurrentRow(Providers);

    m_status->setObjectName(QStringLiteral("gatewayStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_requests->setObjectName(QStringLiteral("requestCount"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_requests);
    m_requests->setText(tr("Requests served: %1").arg(0));
    m_status->setText(tr("Starting the gateway…"));

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *importAction = file->addAction(tr("&Import…"));
    importAction->setObjectName(QStringLiteral("importAction"));
    QAction *exportAction = file->addAction(tr("&Export…"));
    exportAction->setObjectName(QStringLiteral("exportAction"));
    file->addSeparator();
    file->addAction(m_quit);
    connect(importAction, &QAction::triggered, this, [this] {
        auto *dialog = new ImportDialog(m_runtime, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ImportDialog::imported, this, [this] {
            m_providers->refresh();
            m_routing->refresh();
        });
        dialog->open();
    });
    connect(exportAction, &QAction::triggered, this, [this] {
        auto *dialog = new ExportDialog(m_runtime, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

    auto *menu = new QMenu(this);
    menu->addAction(m_open);
    menu->addAction(m_pause);
    menu->addSeparator();
    menu->addAction(m_quit);
    m_pause->setCheckable(true);
    m_tray->setContextMenu(menu);
    m_tray->setToolTip(tr("Gatehouse"));
    connect(m_open, &QAction::triggered, this, &MainWindow::bringForward);
    connect(m_quit, &QAction::triggered, this, &MainWindow::quit);
    connect(m_pause, &QAction::toggled, this, [this](bool paused) {
        if (paused)
            m_runtime->pause();
        else
            m_runtime->resume();
    });
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            bringForward();
    });
    m_tray->show();

    connect(runtime, &GatewayRuntime::listening, this, &MainWindow::setListening);
    connect(runtime, &GatewayRuntime::stopped, this, &MainWindow::setStopped);
    connect(runtime, &GatewayRuntime::startFailed, this, &MainWindow::setError);
    connect(runtime, &GatewayRuntime::configError, this, &MainWindow::setError);
    connect(runtime, &GatewayRuntime::requestLogError, this, [this](const QString &error) {
        if (!error.isEmpty())
            setError(error);
        else if (m_runtime->url().isEmpty())
            setStopped();
        else
            setListening(m_runtime->url());
    });
    connect(runtime->service(), &GatewayService::requestServed, this, [this](quint64 n) {
        m_requests->setText(tr("Requests served: %1").arg(n));
        updateTray();
    });
    connect(m_keys, &AccessKeysPage::keysChanged, m_connect, &ConnectPage::refresh);
    connect(m_routing, &RoutingPage::routesChanged, m_chat, &ChatPage::refreshModels);
    connect(m_providers, &ProvidersPage::providersChanged, m_routing, &RoutingPage::refresh);
    connect(m_logs, &LogsPage::openInChat, this, [this](const QList<ChatTurn> &turns) {
        m_chat->loadConversation(turns);
        showPage(Chat);
    });
    if (!runtime->url().isEmpty())
        setListening(runtime->url());
    auto *limits = new QTimer(this);
    limits->setInterval(60 * 1000);
    connect(limits, &QTimer::timeout, this, &MainWindow::checkLimits);
    limits->start();
    QTimer::singleShot(0, this, &MainWindow::checkLimits);
    resize(980, 640);
}

void MainWindow::checkLimits()
{
    if (!m_settings->limitNotifications())
        return;
    const Config config = m_runtime->config();
    bool anyLimit = false;
    for (const KeyConfiguration &k : config.keyConfigurations)
        anyLimit |= k.limits.tokensPerDay > 0 || k.limits.spendPerMonth > 0;
    if (!anyLimit)
        return;
    const QString path =
        QDir(m_runtime->store().directory()).filePath(QStringLiteral("requests.sqlite"));
    auto *watcher = new QFutureWatcher<QHash<QString, RequestLog::Usage>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, config] {
        watcher->deleteLater();
        notifyLimits(LimitWatch::use(config, watcher->result()), QDateTime::currentDateTimeUtc());
    });
    watcher->setFuture(QtConcurrent::run([path] {
        return QFile::exists(path) ? RequestLog::usageByKey(path, QDateTime::currentDateTimeUtc())
                                   : QHash<QString, RequestLog::Usage>{};
    }));
}

QList<LimitNotice> MainWindow::notifyLimits(const QList<ConfigurationUse> &use,
                                            const QDateTime &now)
{
    if (!m_settings->limitNotifications())
        return {};
    QStringList told = m_settings->limitsNotified();
    const QList<LimitNotice> due = LimitWatch::notices(use, now, told);
    if (due.isEmpty())
        return due;
    // Only this day's and this month's ids are worth keeping.
    const QDate today = now.toUTC().date();
    const QString day = QLatin1Char('|') + today.toString(Qt::ISODate) + QLatin1Char('|');
    const QString month =
        QLatin1Char('|') + today.toString(QStringLiteral("yyyy-MM")) + QLatin1Char('|');
    told.erase(
        std::remove_if(told.begin(), told.end(),
                       [&](const QString &id) { return !id.contains(day) && !id.contains(month); }),
        told.end());
    for (const LimitNotice &n : due) {
        m_tray->showMessage(n.title, n.message, QSystemTrayIcon::Warning);
        told.append(n.id);
    }
    m_settings->setLimitsNotified(told);
    return due;
}

void MainWindow::showPage(Page page)
{
    m_nav->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_nav->currentRow());
}

void MainWindow::bringForward()
{
    if (isMinimized())
        setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
}

void MainWindow::setListening(const QString &url)
{
    m_statusText = tr("Listening on %1").arg(url);
    m_status->setText(tr("● Gateway listening on %1 — tools use %1/v1").arg(url));
    m_status->setToolTip({});
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(false);
    updateTray();
}

void MainWindow::setStopped()
{
    m_statusText = tr("Paused");
    m_status->setText(tr("○ Gateway paused — tools get no answer until you resume it"));
    m_status->setToolTip({});
    const QSignalBlocker block(m_pause);
    m_pause->setChecked(true);
    updateTray();
}

void MainWindow::setError(const QString &error)
{
    m_statusText = tr("Problem");
    m_status->setText(tr("⚠ Gateway problem: %1").arg(error));
    m_status->setToolTip(error); // the whole text, where the status bar cuts it
    updateTray();
}

void MainWindow::updateTray()
{
    m_tray->setToolTip(tr("Gatehouse — %1 — %2").arg(m_statusText, m_requests->text()));
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
    QApplication::quit();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_quitting || !QSystemTrayIcon::isSystemTrayAvailable()) {
        event->accept();
        if (!m_quitting)
            QApplication::quit();
        return;
    }
    // Closing the window keeps the gateway serving from the tray.
    hide();
    event->ignore();
    if (!m_settings->trayNoticeShown()) {
        m_tray->showMessage(tr("Gatehouse is still running"),
                            tr("The gateway keeps serving your tools. Open or quit Gatehouse from "
                               "its icon in the tray."),
                            QSystemTrayIcon::Information, 8000);
        m_settings->setTrayNoticeShown(true);
    }
}

WelcomeDialog *MainWindow::offerFirstRun(const QList<LocalScanner::Candidate> &candidates)
{
    if (m_settings->welcomeShown() || !m_runtime->config().providers.isEmpty())
        return nullptr;
    m_settings->setWelcomeShown(true);
    auto *welcome = new WelcomeDialog(m_runtime, this);
    welcome->setAttribute(Qt::WA_DeleteOnClose);
    connect(welcome, &WelcomeDialog::cloudProviderWanted, this, [this] {
        showPage(Providers);
        m_providers->addCloudProvider();
    });
    connect(welcome, &WelcomeDialog::connectToolsWanted, this, [this] { showPage(Connect); });
    welcome->setInstalledTools(m_connect->installedTools());
    welcome->open();
    welcome->start(candidates);
    return welcome;
}

} // namespace gatehouse
