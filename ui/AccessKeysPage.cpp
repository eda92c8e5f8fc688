#include "AccessKeysPage.h"

#include "Confirm.h"
#include "KeyConfigDialog.h"
#include "LimitWatch.h"
#include "config/AccessKey.h"
#include "config/ConfigEditor.h"
#include "gateway/GatewayRuntime.h"
#include "log/RequestLogQuery.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace gatehouse {

NewKeyDialog::NewKeyDialog(const QString &name, const QString &key, QWidget *parent)
    : QDialog(parent), m_key(new QLineEdit(key, this)), m_copy(new QPushButton(tr("&Copy"), this))
{
    setWindowTitle(tr("Access key \"%1\"").arg(name));
    setObjectName(QStringLiteral("newKeyDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Your new access key. Give it to the tool that will call "
                                "Gatehouse (as its OpenAI or Anthropic API key)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    m_key->setReadOnly(true);
    m_key->setObjectName(QStringLiteral("newKey"));
    m_key->setAccessibleName(tr("New access key"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_key->setFont(mono);
    m_key->setMinimumWidth(QFontMetrics(mono).horizontalAdvance(key) + 24);
    row->addWidget(m_key, 1);
    m_copy->setObjectName(QStringLiteral("copyKey"));
    row->addWidget(m_copy);
    layout->addLayout(row);
    auto *warning =
        new QLabel(tr("<b>Copy it now: it will not be shown again.</b> Gatehouse keeps "
                      "only a hash of it. If it is lost, revoke it and create another."),
                   this);
    warning->setWordWrap(true);
    layout->addWidget(warning);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_key->text());
        m_copy->setText(tr("Copied"));
    });
    m_key->selectAll();
}

AccessKeysPage::AccessKeysPage(GatewayRuntime *runtime, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_name(new QLineEdit(this)),
      m_create(new QPushButton(tr("&Create key"), this)),
      m_revoke(new QPushButton(tr("&Revoke…"), this)), m_problem(new QLabel(this)),
      m_limits(new QLabel(this)), m_table(new QTreeWidget(this)), m_newConfig(new QComboBox(this)),
      m_keyConfig(new QComboBox(this)), m_configs(new QPushButton(tr("Con&figurations…"), this))
{
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Every tool calls Gatehouse with an access key. Give each tool "
                                "its own key, so you can see what it does and revoke it alone."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    m_name->setObjectName(QStringLiteral("keyName"));
    m_name->setAccessibleName(tr("New key name"));
    m_name->setPlaceholderText(tr("for example vscode or laptop-cli"));
    m_create->setObjectName(QStringLiteral("createKey"));
    m_revoke->setObjectName(QStringLiteral("revokeKey"));
    row->addWidget(nameLabel);
    row->addWidget(m_name, 1);
    m_newConfig->setObjectName(QStringLiteral("newKeyConfiguration"));
    m_newConfig->setAccessibleName(tr("Configuration of the new key"));
    m_newConfig->setToolTip(tr("What the new key may do"));
    row->addWidget(m_newConfig);
    row->addWidget(m_create);
    row->addSpacing(16);
    row->addWidget(m_revoke);
    layout->addLayout(row);
    m_problem->setObjectName(QStringLiteral("keyProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    m_table->setObjectName(QStringLiteral("keysTable"));
    m_table->setAccessibleName(tr("Access keys"));
    m_table->setHeaderLabels({tr("Name"), tr("Key"), tr("Created"), tr("Last used"), tr("Status"),
                              tr("Configuration"), tr("Use against limits")});
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);
    m_limits->setObjectName(QStringLiteral("limitsInUse"));
    m_limits->setWordWrap(true);
    m_limits->hide();
    layout->addWidget(m_limits);
    auto *configRow = new QHBoxLayout;
    auto *configLabel = new QLabel(tr("Selected key &uses:"), this);
    configLabel->setBuddy(m_keyConfig);
    m_keyConfig->setObjectName(QStringLiteral("selectedKeyConfiguration"));
    m_keyConfig->setAccessibleName(tr("Configuration of the selected key"));
    m_keyConfig->setEnabled(false);
    m_configs->setObjectName(QStringLiteral("editConfigurations"));
    configRow->addWidget(configLabel);
    configRow->addWidget(m_keyConfig);
    configRow->addStretch();
    configRow->addWidget(m_configs);
    layout->addLayout(configRow);
    connect(m_configs, &QPushButton::clicked, this, &AccessKeysPage::editConfigurations);
    connect(m_keyConfig, &QComboBox::activated, this, &AccessKeysPage::assignConfiguration);

    connect(m_create, &QPushButton::clicked, this, &AccessKeysPage::createKey);
    connect(m_name, &QLineEdit::returnPressed, this, &AccessKeysPage::createKey);
    connect(m_name, &QLineEdit::textChanged, m_problem, &QWidget::hide);
    connect(m_revoke, &QPushButton::clicked, this, [this] { revokeSelected(false); });
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QTreeWidgetItem *item = m_table->currentItem();
        const bool active = item && item->data(0, Qt::UserRole + 1).toBool();
        m_revoke->setEnabled(active);
        m_keyConfig->setEnabled(active);
        if (item)
            m_keyConfig->setCurrentIndex(
                std::max(0, m_keyConfig->findData(item->data(0, Qt::UserRole + 2).toString())));
    });
    connect(runtime, &GatewayRuntime::configReloaded, this, &AccessKeysPage::refresh);
    refresh();
}

void AccessKeysPage::refresh()
{
    const auto config = m_runtime->store().load();
    if (!config) {
        m_problem->setText(config.error());
        m_problem->show();
        return;
    }
    const auto lastUsed = m_runtime->store().loadLastUsed();
    // The configurations to choose from: "default" first, then the defined ones.
    for (QComboBox *box : {m_newConfig, m_keyConfig}) {
        const QString keep = box->currentData().toString();
        box->clear();
        box->addItem(tr("default"), QString(KeyConfiguration::defaultName));
        for (const KeyConfiguration &k : config->keyConfigurations) {
            if (k.name != KeyConfiguration::defaultName)
                box->addItem(k.name, k.name);
        }
        box->setCurrentIndex(std::max(0, box->findData(keep)));
    }
    m_table->clear();
    for (const AccessKeyRecord &k : config->accessKeys) {
        auto *item = new QTreeWidgetItem(m_table);
        const QDateTime used = lastUsed.value(k.name);
        item->setText(0, k.name);
        item->setData(0, Qt::UserRole, k.name);
        item->setData(0, Qt::UserRole + 1, k.isActive());
        item->setText(1, k.hint);
        item->setText(2, QLocale().toString(k.created.toLocalTime(), QLocale::ShortFormat));
        item->setText(3, used.isValid()
                             ? QLocale().toString(used.toLocalTime(), QLocale::ShortFormat)
                             : tr("never"));
        item->setText(4, k.isActive() ? tr("active")
                                      : tr("revoked %1")
                                            .arg(QLocale().toString(k.revoked.toLocalTime(),
                                                                    QLocale::ShortFormat)));
        const QString configuration =
            k.configuration.isEmpty() ? QString(KeyConfiguration::defaultName) : k.configuration;
        item->setData(0, Qt::UserRole + 2, configuration);
        item->setText(5, configuration == KeyConfiguration::defaultName ? tr("default")
                                                                        : configuration);
        if (!k.isActive()) {
            for (int c = 0; c < 7; ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    for (int c = 0; c < 4; ++c)
        m_table->resizeColumnToContents(c);
    m_revoke->setEnabled(false);
    m_keyConfig->setEnabled(false);
    showUse(config.value());
}

void AccessKeysPage::showUse(const Config &config)
{
    // Each configuration's use of its limits, summed over its keys; the log is read off the
    // GUI thread.
    const QString path =
        QDir(m_runtime->store().directory()).filePath(QStringLiteral("requests.sqlite"));
    struct Use
    {
        QHash<QString, RequestLog::Usage> byKey;
        QHash<QString, qint64> lastMinute;
    };
    auto *watcher = new QFutureWatcher<Use>(this);
    const int generation = ++m_useGeneration;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, config, generation] {
        watcher->deleteLater();
        if (generation != m_useGeneration)
            return;
        QHash<QString, QString> text;
        QStringList lines;
        for (const ConfigurationUse &u :
             LimitWatch::use(config, watcher->result().byKey, watcher->result().lastMinute)) {
            const QString use = LimitWatch::describe(u);
            text.insert(u.configuration, use);
            if (!use.isEmpty())
                lines << tr("Configuration “%1”: %2")
                             .arg(u.configuration == KeyConfiguration::defaultName
                                      ? tr("default")
                                      : u.configuration,
                                  use);
        }
        m_limits->setText(lines.join(QLatin1Char('\n')));
        m_limits->setVisible(!lines.isEmpty());
        for (int i = 0; i < m_table->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_table->topLevelItem(i);
            const QString use = text.value(item->data(0, Qt::UserRole + 2).toString());
            item->setText(6, use);
            item->setToolTip(6, use);
        }
        emit useShown();
    });
    // Requests of the last minute, for the keys of configurations with such a limit.
    QStringList counted;
    for (const AccessKeyRecord &k : config.accessKeys) {
        const QString name =
            k.configuration.isEmpty() ? QString(KeyConfiguration::defaultName) : k.configuration;
        for (const KeyConfiguration &kc : config.keyConfigurations) {
            if (kc.name == name && kc.limits.requestsPerMinute > 0)
                counted << k.name;
        }
    }
    watcher->setFuture(QtConcurrent::run([path, counted] {
        Use result;
        if (!QFile::exists(path))
            return result;
        result.byKey = RequestLog::usageByKey(path, QDateTime::currentDateTimeUtc());
        RequestLogFilter filter;
        filter.sinceMs = QDateTime::currentMSecsSinceEpoch() - qint64{60} * 1000;
        for (const QString &key : counted) {
            filter.accessKey = key;
            if (auto n = RequestLogQuery::count(path, filter))
                result.lastMinute.insert(key, n.value());
        }
        return result;
    }));
}

void AccessKeysPage::createKey()
{
    const QString name = m_name->text().trimmed();
    QString key;
    const auto s = m_runtime->store().update([&](Config &c) {
        auto created =
            ConfigEditor::createAccessKey(c, name, m_newConfig->currentData().toString(),
                                          systemRandomBytes, QDateTime::currentDateTimeUtc());
        if (!created)
            return Status::failure(created.error());
        key = created.value();
        return Status{};
    });
    if (!s) {
        m_problem->setText(s.error());
        m_problem->show();
        return;
    }
    m_name->clear();
    refresh();
    emit keysChanged();
    auto *dialog = new NewKeyDialog(name, key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_lastDialog = dialog;
    connect(dialog, &QObject::destroyed, this, [this, dialog] {
        if (m_lastDialog == dialog)
            m_lastDialog = nullptr;
    });
    dialog->open();
}

void AccessKeysPage::revokeSelected(bool confirmed)
{
    const QTreeWidgetItem *item = m_table->currentItem();
    if (!item || !item->data(0, Qt::UserRole + 1).toBool())
        return;
    const QString name = item->data(0, Qt::UserRole).toString();
    if (!confirmed) {
        askToConfirm(this, QStringLiteral("confirmRevoke"), QMessageBox::Question,
                     tr("Revoke access key"),
                     tr("Revoke the key \"%1\"? Tools using it are refused from now on. This "
                        "cannot be undone.")
                         .arg(name),
                     tr("Revoke"), [this] { revokeSelected(true); });
        return;
    }
    changeKey([&name](Config &c) {
        return ConfigEditor::revokeAccessKey(c, name, QDateTime::currentDateTimeUtc());
    });
}

void AccessKeysPage::changeKey(const std::function<Status(Config &)> &change)
{
    const auto s = m_runtime->store().update(change);
    if (!s) {
        m_problem->setText(s.error());
        m_problem->show();
    }
    refresh();
    emit keysChanged();
}

void AccessKeysPage::editConfigurations()
{
    auto *dialog = new KeyConfigDialog(m_runtime->store(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KeyConfigDialog::configurationsChanged, this, [this] {
        refresh();
        emit keysChanged();
    });
    dialog->open();
}

void AccessKeysPage::assignConfiguration()
{
    const QTreeWidgetItem *item = m_table->currentItem();
    if (!item)
        return;
    const QString key = item->data(0, Qt::UserRole).toString();
    const QString configuration = m_keyConfig->currentData().toString();
    changeKey(
        [&](Config &c) { return ConfigEditor::assignKeyConfiguration(c, key, configuration); });
}

} // namespace gatehouse
