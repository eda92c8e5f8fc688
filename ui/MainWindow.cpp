#include "MainWindow.h"

#include "gateway/GatewayRuntime.h"

#include <QHeaderView>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

QTableWidget *makeTable(const QStringList &headers, const QString &accessibleName)
{
    auto *table = new QTableWidget(0, static_cast<int>(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAccessibleName(accessibleName);
    return table;
}

void fillRow(QTableWidget *table, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells[c]));
}

} // namespace

MainWindow::MainWindow(const ConfigStore &store, GatewayRuntime *runtime, QWidget *parent)
    : QMainWindow(parent), m_store(store), m_runtime(runtime), m_status(new QLabel(this)),
      m_requests(new QLabel(this)),
      m_providers(makeTable({tr("ID"), tr("API"), tr("Base URL"), tr("Key"), tr("Models")},
                            tr("Providers"))),
      m_keys(makeTable({tr("Name"), tr("Key"), tr("Created"), tr("Last used"), tr("Status")},
                       tr("Access keys")))
{
    setWindowTitle(tr("Gatehouse"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Starting the gateway…"));
    QFont big = m_status->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_status->setFont(big);
    layout->addWidget(m_status);
    auto *tabs = new QTabWidget(central);
    tabs->addTab(m_providers, tr("Providers"));
    tabs->addTab(m_keys, tr("Access keys"));
    layout->addWidget(tabs);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_requests);
    m_requests->setText(tr("Requests served: %1").arg(0));
    resize(820, 480);

    connect(runtime, &GatewayRuntime::listening, this, &MainWindow::setListening);
    connect(runtime, &GatewayRuntime::startFailed, this, &MainWindow::setError);
    connect(runtime, &GatewayRuntime::configError, this, &MainWindow::setError);
    connect(runtime, &GatewayRuntime::keychainError, this,
            [this](const QString &e) { statusBar()->showMessage(e); });
    connect(runtime, &GatewayRuntime::configReloaded, this, &MainWindow::refresh);
    connect(runtime->service(), &GatewayService::requestServed, this,
            [this](quint64 n) { m_requests->setText(tr("Requests served: %1").arg(n)); });
    refresh();
}

void MainWindow::setListening(const QString &url)
{
    m_status->setText(tr("Gateway listening on %1 — point your tools at %1/v1").arg(url));
}

void MainWindow::setError(const QString &error)
{
    m_status->setText(tr("Gateway problem: %1").arg(error));
}

void MainWindow::refresh()
{
    const auto config = m_store.load();
    if (!config) {
        setError(config.error());
        return;
    }
    m_providers->setRowCount(static_cast<int>(config->providers.size()));
    int row = 0;
    for (const Provider &p : config->providers) {
        fillRow(m_providers, row++,
                {p.id, apiSurfaceName(p.surface), p.baseUrl.toString(),
                 p.hasKey ? tr("in keychain") : tr("none"),
                 p.models.isEmpty() ? tr("any") : p.models.join(QLatin1String(", "))});
    }
    const auto lastUsed = m_store.loadLastUsed();
    m_keys->setRowCount(static_cast<int>(config->accessKeys.size()));
    row = 0;
    for (const AccessKeyRecord &k : config->accessKeys) {
        const QDateTime used = lastUsed.value(k.name);
        fillRow(m_keys, row++,
                {k.name, k.hint, QLocale().toString(k.created.toLocalTime(), QLocale::ShortFormat),
                 used.isValid() ? QLocale().toString(used.toLocalTime(), QLocale::ShortFormat)
                                : tr("never"),
                 k.isActive() ? tr("active") : tr("revoked")});
    }
    m_providers->resizeColumnsToContents();
    m_keys->resizeColumnsToContents();
}

} // namespace gatehouse
