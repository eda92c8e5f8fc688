#include "ProvidersPage.h"

#include "AddProviderWizard.h"
#include "Confirm.h"
#include "KeychainAdvice.h"
#include "ProviderForm.h"
#include "catalog/Catalog.h"
#include "config/ConfigEditor.h"
#include "config/ProviderCredentials.h"
#include "discovery/OllamaInspector.h"
#include "discovery/ProviderProbe.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/GatewayService.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostAddress>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace gatehouse {

namespace {

enum Column
{
    NameColumn,
    ApiColumn,
    UrlColumn,
    KeyColumn,
    StatusColumn,
    ColumnCount
};

// Edits an existing provider; a new key typed here replaces the stored one.
class EditProviderDialog : public QDialog
{
    Q_OBJECT
public:
    ProviderForm *form;
    QLabel *problem;

    EditProviderDialog(const Provider &provider, QWidget *parent)
        : QDialog(parent), form(new ProviderForm(this)), problem(new QLabel(this))
    {
        setWindowTitle(tr("Edit provider %1").arg(provider.id));
        form->setProvider(provider, true);
        problem->setWordWrap(true);
        problem->hide();
        auto *buttons =
            new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(form);
        layout->addWidget(problem);
        layout->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        resize(600, 520);
    }
};

} // namespace

ProvidersPage::ProvidersPage(GatewayRuntime *runtime, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_probe(new ProviderProbe(this)),
      m_banner(new QLabel(this)), m_table(new QTreeWidget(this)),
      m_details(new QPlainTextEdit(this)), m_add(new QPushButton(tr("&Add…"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_toggle(new QPushButton(tr("&Disable"), this)),
      m_remove(new QPushButton(tr("&Remove"), this)),
      m_test(new QPushButton(tr("&Test connection"), this)),
      m_checkAll(new QPushButton(tr("Check &all"), this))
{
    auto *layout = new QVBoxLayout(this);
    m_banner->setObjectName(QStringLiteral("keychainBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(8);
    m_banner->hide();
    layout->addWidget(m_banner);

    m_table->setObjectName(QStringLiteral("providersTable"));
    m_table->setAccessibleName(tr("Providers"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Provider"), tr("API"), tr("Base URL"), tr("Key"), tr("Status")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->header()->setStretchLastSection(true);
    layout->addWidget(m_table, 3);

    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_toggle, m_remove})
        buttons->addWidget(b);
    buttons->addStretch();
    buttons->addWidget(m_test);
    buttons->addWidget(m_checkAll);
    layout->addLayout(buttons);
    m_add->setObjectName(QStringLiteral("addProvider"));
    m_edit->setObjectName(QStringLiteral("editProvider"));
    m_toggle->setObjectName(QStringLiteral("toggleProvider"));
    m_remove->setObjectName(QStringLiteral("removeProvider"));
    m_test->setObjectName(QStringLiteral("testProvider"));
    m_checkAll->setToolTip(tr("Ask every enabled provider whether it answers, and refresh their "
                              "model lists."));

    auto *detailsLabel = new QLabel(tr("&Models and last check:"), this);
    detailsLabel->setBuddy(m_details);
    layout->addWidget(detailsLabel);
    m_details->setObjectName(QStringLiteral("providerDetails"));
    m_details->setAccessibleName(tr("Provider details"));
    m_details->setReadOnly(true);
    layout->addWidget(m_details, 2);

    connect(m_add, &QPushButton::clicked, this, &ProvidersPage::addProvider);
    connect(m_edit, &QPushButton::clicked, this, &ProvidersPage::editSelected);
    connect(m_toggle, &QPushButton::clicked, this, &ProvidersPage::toggleSelected);
    connect(m_remove, &QPushButton::clicked, this, &ProvidersPage::removeSelected);
    connect(m_test, &QPushButton::clicked, this, &ProvidersPage::testSelected);
    connect(m_checkAll, &QPushButton::clicked, this, &ProvidersPage::checkAll);
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    connect(m_table, &QTreeWidget::itemDoubleClicked, this, &ProvidersPage::editSelected);
    connect(runtime, &GatewayRuntime::configReloaded, this, &ProvidersPage::refresh);
    connect(runtime, &GatewayRuntime::keychainError, this, &ProvidersPage::showKeychainProblem);
    connect(runtime->service(), &GatewayService::coolingOff, this,
            [this](const QHash<QString, qint64> &until) {
                m_coolingUntil = until;
                showHealth();
            });
    auto *health = new QTimer(this);
    health->setInterval(30 * 1000);
    connect(health, &QTimer::timeout, this, &ProvidersPage::refreshHealth);
    health->start();
    refresh();
    refreshHealth();
}

QString ProvidersPage::selectedId() const
{
    const QTreeWidgetItem *item = m_table->currentItem();
    return item && item->isSelected() ? item->data(NameColumn, Qt::UserRole).toString() : QString();
}

void ProvidersPage::select(const QString &id)
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        if (item->data(NameColumn, Qt::UserRole).toString() == id) {
            m_table->setCurrentItem(item);
            item->setSelected(true);
        }
    }
}

void ProvidersPage::refresh()
{
    const QString keep = selectedId();
    const auto config = m_runtime->store().load();
    if (!config) {
        m_banner->setText(config.error());
        m_banner->show();
        return;
    }
    m_providers = config->providers;
    m_table->clear();
    for (const Provider &p : m_providers) {
        auto *item = new QTreeWidgetItem(m_table);
        const QString name = p.displayName.isEmpty() || p.displayName == p.id
                                 ? p.id
                                 : QStringLiteral("%1 (%2)").arg(p.displayName, p.id);
        item->setText(NameColumn, name);
        item->setData(NameColumn, Qt::UserRole, p.id);
        QStringList apis, apiTitles;
        for (const ApiSurface surface : p.surfaces) {
            apis << apiSurfaceTitle(surface, /*shortTitle=*/p.surfaces.size() > 1);
            apiTitles << apiSurfaceTitle(surface);
        }
        item->setText(ApiColumn, apis.join(QLatin1String(", ")));
        item->setToolTip(ApiColumn, apiTitles.join(QLatin1Char('\n')));
        item->setText(UrlColumn, p.baseUrl.toDisplayString());
        item->setText(KeyColumn, p.hasKey ? tr("in keychain") : tr("none"));
        const Health st = m_status.value(p.id);
        QString status;
        if (!p.enabled)
            status = tr("Disabled");
        else if (st.checking)
            status = tr("Checking…");
        else if (!st.checkedAt.isValid())
            status = tr("Not checked");
        else
            status =
                (st.ok ? tr("Reachable") : tr("Unreachable")) + QStringLiteral(" · ") +
                tr("checked %1").arg(QLocale().toString(st.checkedAt.time(), QLocale::ShortFormat));
        item->setText(StatusColumn, status);
        item->setToolTip(StatusColumn, tr("Last hour: %1").arg(healthText(p.id)));
        if (!p.enabled) {
            for (int c = 0; c < ColumnCount; ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    for (int c = 0; c < StatusColumn; ++c)
        m_table->resizeColumnToContents(c);
    if (!keep.isEmpty())
        select(keep);
    else if (m_table->topLevelItemCount() > 0)
        select(m_providers.first().id);
    showDetails();
    updateButtons();
}

void ProvidersPage::showKeychainProblem(const QString &message)
{
    m_banner->setText(tr("Keychain problem: %1\nProvider keys stay only in the system keychain. "
                         "Unlock it or start a Secret Service (GNOME Keyring, KWallet), then "
                         "restart Gatehouse.")
                          .arg(message));
    m_banner->show();
}

void ProvidersPage::updateButtons()
{
    const QString id = selectedId();
    for (QPushButton *b : {m_edit, m_toggle, m_remove, m_test})
        b->setEnabled(!id.isEmpty());
    for (const Provider &p : m_providers) {
        if (p.id == id)
            m_toggle->setText(p.enabled ? tr("&Disable") : tr("&Enable"));
    }
    m_checkAll->setEnabled(!m_providers.isEmpty());
}

void ProvidersPage::showDetails()
{
    const QString id = selectedId();
    if (id.isEmpty()) {
        m_details->setPlainText(m_providers.isEmpty()
                                    ? tr("No providers yet. Choose Add… to connect a model "
                                         "running on this machine or a cloud provider.")
                                    : QString());
        return;
    }
    const Health st = m_status.value(id);
    QStringList lines;
    const Provider *provider = nullptr;
    for (const Provider &p : m_providers) {
        if (p.id == id)
            provider = &p;
    }
    if (!provider)
        return;
    if (provider->models.isEmpty()) {
        lines << tr("Offers: any model name (sent on as is)");
    } else {
        lines << tr("Offers:");
        for (const QString &m : provider->models)
            lines << QStringLiteral("  ") + describeModel(*provider, m);
    }
    if (st.checking) {
        lines << tr("Checking…");
    } else if (st.checkedAt.isValid()) {
        const QString at = QLocale().toString(st.checkedAt, QLocale::ShortFormat);
        if (st.ok) {
            lines << tr("Reachable (checked %1). It reports %n model(s):", nullptr,
                        static_cast<int>(st.models.size()))
                         .arg(at);
            for (const QString &m : st.models)
                lines << QStringLiteral("  ") + describeModel(*provider, m);
        } else
            lines << tr("Unreachable (checked %1):").arg(at) << st.error;
    } else {
        lines << tr("Not checked yet. Test connection asks the provider for its models.");
    }
    lines << tr("Last hour: %1").arg(healthText(id));
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

QString ProvidersPage::healthText(const QString &id) const
{
    QStringList parts;
    const qint64 until = m_coolingUntil.value(id, -1);
    if (until > QDateTime::currentMSecsSinceEpoch())
        parts << tr("cooling off until %1")
                     .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(until).time(),
                                             QLocale::LongFormat));
    const auto h = m_lastHour.constFind(id);
    if (h == m_lastHour.constEnd() || h->requests == 0) {
        parts << tr("no requests");
    } else {
        parts << (h->requests == 1 ? tr("1 request") : tr("%1 requests").arg(h->requests))
              << tr("%1 % errors").arg(QString::number(h->errorRate * 100, 'f', 1));
        if (h->ttfbP50Ms >= 0)
            parts << tr("first byte p50 %1 ms, p95 %2 ms").arg(h->ttfbP50Ms).arg(h->ttfbP95Ms);
    }
    return parts.join(QStringLiteral(" · "));
}

void ProvidersPage::refreshHealth()
{
    const QString path =
        QDir(m_runtime->store().directory()).filePath(QStringLiteral("requests.sqlite"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto *watcher = new QFutureWatcher<QList<ProviderHealth>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_lastHour.clear();
        for (const ProviderHealth &h : watcher->result())
            m_lastHour.insert(h.provider, h);
        showHealth();
    });
    watcher->setFuture(QtConcurrent::run([path, now] {
        if (!QFile::exists(path))
            return QList<ProviderHealth>{};
        auto health = RequestLogQuery::providerHealth(path, now);
        return health ? health.value() : QList<ProviderHealth>{};
    }));
    m_runtime->service()->requestCoolingOff();
}

void ProvidersPage::showHealth()
{
    for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(i);
        item->setToolTip(
            StatusColumn,
            tr("Last hour: %1").arg(healthText(item->data(NameColumn, Qt::UserRole).toString())));
    }
    showDetails();
    emit healthShown();
}

QString ProvidersPage::describeModel(const Provider &provider, const QString &model) const
{
    ModelFacts facts = m_status.value(provider.id).local.value(model);
    if (const CatalogPtr catalog = m_runtime->catalog()) {
        if (const CatalogProvider *known = catalog->providerFor(provider)) {
            if (const CatalogModel *m = known->model(model))
                facts.complete(ModelFacts::fromCatalog(*m));
        }
    }
    const QString summary = facts.summary();
    return summary.isEmpty() ? model : model + QStringLiteral(" — ") + summary;
}

void ProvidersPage::check(const Provider &toCheck)
{
    const Provider provider = toCheck; // refresh() below replaces the list it may come from
    m_status[provider.id].checking = true;
    refresh();
    const QString id = provider.id;
    auto probe = [this, provider, id](const QByteArray &key) {
        m_probe->probe(provider, key, [this, provider, id](const ProbeResult &r) {
            Health &st = m_status[id];
            st.checking = false;
            st.ok = r.ok;
            st.checkedAt = QDateTime::currentDateTime();
            st.error = r.error;
            st.models = r.models;
            refresh();
            if (r.ok)
                inspectLocal(provider);
        });
    };
    if (!provider.hasKey) {
        probe({});
        return;
    }
    m_runtime->secrets()->read(SecretStore::providerKeyName(m_runtime->config().instanceId, id),
                               [this, id, probe](const SecretResult &r) {
                                   if (r.ok()) {
                                       probe(r.value);
                                       return;
                                   }
                                   Health &st = m_status[id];
                                   st.checking = false;
                                   st.ok = false;
                                   st.checkedAt = QDateTime::currentDateTime();
                                   st.error = keychainAdvice(r);
                                   refresh();
                               });
}

void ProvidersPage::inspectLocal(const Provider &provider)
{
    // A server on this machine may be Ollama: its own API tells sizes, quantization and
    // what is loaded now. Others do not answer it, which costs one refused call.
    const QHostAddress host(provider.baseUrl.host());
    if (provider.baseUrl.host() != QLatin1String("localhost") && !host.isLoopback())
        return;
    auto *inspector = new OllamaInspector(this);
    const QString id = provider.id;
    OllamaInspector::Limits limits;
    limits.callTimeoutMs = 2000;
    limits.budgetMs = 4000;
    inspector->inspect(
        OllamaApi::rootOf(provider.baseUrl), provider.id,
        [this, inspector, id](const OllamaInventory &inventory) {
            inspector->deleteLater();
            if (!inventory.ok)
                return;
            QHash<QString, ModelFacts> local;
            for (const OllamaModel &m : inventory.models)
                local.insert(m.name, ModelFacts::fromOllama(m));
            m_status[id].local = local;
            if (selectedId() == id)
                showDetails();
        },
        limits);
}

void ProvidersPage::testSelected()
{
    const QString id = selectedId();
    const QList<Provider> providers = m_providers; // check() refreshes m_providers
    for (const Provider &p : providers) {
        if (p.id == id)
            check(p);
    }
}

void ProvidersPage::checkAll()
{
    const auto providers = m_providers;
    for (const Provider &p : providers) {
        if (p.enabled)
            check(p);
    }
}

void ProvidersPage::addProvider()
{
    openWizard(false);
}

void ProvidersPage::addCloudProvider()
{
    openWizard(true);
}

void ProvidersPage::openWizard(bool cloud)
{
    auto *wizard = new AddProviderWizard(m_runtime->store(), m_runtime->secrets(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &AddProviderWizard::providerSaved, this, [this](const QString &id) {
        refresh();
        select(id);
        testSelected();
        emit providersChanged();
    });
    wizard->open();
    if (cloud)
        wizard->startWithCloud();
}

void ProvidersPage::editSelected()
{
    const QString id = selectedId();
    const Provider *current = nullptr;
    for (const Provider &p : m_providers) {
        if (p.id == id)
            current = &p;
    }
    if (!current)
        return;
    auto *dialog = new EditProviderDialog(*current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString keyName = SecretStore::providerKeyName(m_runtime->config().instanceId, id);
    dialog->form->setStoredKeyReader(
        [this, keyName](const std::function<void(const QByteArray &)> &use) {
            m_runtime->secrets()->read(
                keyName, [use](const SecretResult &r) { use(r.ok() ? r.value : QByteArray()); });
        });
    dialog->form->setKnownModels(m_status.value(id).models + current->models, current->models);
    const bool enabled = current->enabled;
    const HeaderList headers = current->extraHeaders;
    const ProviderTimeouts timeouts = current->timeouts;
    const bool hadKey = current->hasKey;
    const QStringList keyLabels = current->keyLabels;
    connect(dialog, &QDialog::accepted, this, [=] {
        auto edited = dialog->form->provider();
        if (!edited) {
            QMessageBox::warning(this, tr("Cannot save the provider"), edited.error());
            return;
        }
        Provider p = edited.value();
        // Credentials typed into the URL (?key=…) go to the keychain, never the file.
        QList<ProviderCredentials::Entry> secrets;
        p.baseUrl = QUrl(ProviderCredentials::takeFromUrl(p.baseUrl.toString(), secrets));
        ProviderCredentials::recordNames(p, secrets);
        p.enabled = enabled;
        p.extraHeaders = headers;
        p.timeouts = timeouts;
        p.hasKey = hadKey || !dialog->form->key().isEmpty();
        p.keyLabels = keyLabels;
        auto saveProvider = [this, p, secrets] {
            const auto s = m_runtime->store().update([&p, &secrets](Config &c) {
                Provider *target = c.findProvider(p.id);
                if (!target)
                    return gatehouse::Status::failure(
                        tr("The provider \"%1\" no longer exists.").arg(p.id));
                // What the dialog does not show stays as it was.
                Provider merged = p;
                merged.otherFields = target->otherFields;
                merged.secretHeaders = target->secretHeaders;
                merged.secretQueryItems = target->secretQueryItems;
                ProviderCredentials::recordNames(merged, secrets);
                *target = merged;
                return gatehouse::Status{};
            });
            if (!s)
                QMessageBox::warning(this, tr("Cannot save the provider"), s.error());
            m_status.remove(p.id);
            refresh();
            emit providersChanged();
        };
        // The credentials first: when the keychain refuses them, nothing is written.
        auto save = [this, p, secrets, saveProvider] {
            if (secrets.isEmpty()) {
                saveProvider();
                return;
            }
            ProviderCredentials::store(m_runtime->secrets(), m_runtime->config().instanceId, p.id,
                                       secrets, [this, saveProvider](const SecretResult &r) {
                                           if (!r.ok()) {
                                               QMessageBox::warning(
                                                   this, tr("The credentials could not be stored"),
                                                   keychainAdvice(r));
                                               return;
                                           }
                                           saveProvider();
                                       });
        };
        if (dialog->form->key().isEmpty()) {
            save();
            return;
        }
        m_runtime->secrets()->write(
            keyName, dialog->form->key(), [this, save](const SecretResult &r) {
                if (!r.ok()) {
                    QMessageBox::warning(this, tr("The key could not be stored"),
                                         keychainAdvice(r));
                    return;
                }
                save();
            });
    });
    dialog->open();
}

void ProvidersPage::toggleSelected()
{
    const QString id = selectedId();
    const auto s = m_runtime->store().update([&id](Config &c) {
        Provider *p = c.findProvider(id);
        if (!p)
            return gatehouse::Status::failure(tr("The provider \"%1\" no longer exists.").arg(id));
        p->enabled = !p->enabled;
        return gatehouse::Status{};
    });
    if (!s)
        QMessageBox::warning(this, tr("Cannot change the provider"), s.error());
    refresh();
    emit providersChanged();
}

void ProvidersPage::removeSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    askToConfirm(this, QStringLiteral("confirmRemoveProvider"), QMessageBox::Question,
                 tr("Remove provider"),
                 tr("Remove the provider \"%1\" and its key in the keychain? Tools that name "
                    "%1:… models will get errors.")
                     .arg(id),
                 tr("Remove"), [this, id] {
                     QStringList entries;
                     const auto s = m_runtime->store().update([&](Config &c) {
                         auto removed = ConfigEditor::removeProvider(c, id);
                         if (!removed)
                             return gatehouse::Status::failure(removed.error());
                         entries = removed.value();
                         return gatehouse::Status{};
                     });
                     if (!s) {
                         QMessageBox::warning(this, tr("Cannot remove the provider"), s.error());
                         return;
                     }
                     for (const QString &entry : std::as_const(entries))
                         m_runtime->secrets()->remove(entry, [this](const SecretResult &r) {
                             if (!r.ok() && r.error != SecretResult::Error::NotFound)
                                 showKeychainProblem(r.errorString);
                         });
                     m_status.remove(id);
                     refresh();
                     emit providersChanged();
                 });
}

} // namespace gatehouse

#include "ProvidersPage.moc"
