#include "AccessKeysPage.h"

#include "config/AccessKey.h"
#include "gateway/GatewayRuntime.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

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
      m_table(new QTreeWidget(this))
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
    m_table->setHeaderLabels({tr("Name"), tr("Key"), tr("Created"), tr("Last used"), tr("Status")});
    m_table->setRootIsDecorated(false);
    m_table->setAlternatingRowColors(true);
    layout->addWidget(m_table, 1);

    connect(m_create, &QPushButton::clicked, this, &AccessKeysPage::createKey);
    connect(m_name, &QLineEdit::returnPressed, this, &AccessKeysPage::createKey);
    connect(m_name, &QLineEdit::textChanged, m_problem, &QWidget::hide);
    connect(m_revoke, &QPushButton::clicked, this, [this] { revokeSelected(false); });
    connect(m_table, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QTreeWidgetItem *item = m_table->currentItem();
        m_revoke->setEnabled(item && item->data(0, Qt::UserRole + 1).toBool());
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
        if (!k.isActive()) {
            for (int c = 0; c < 5; ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    for (int c = 0; c < 4; ++c)
        m_table->resizeColumnToContents(c);
    m_revoke->setEnabled(false);
}

void AccessKeysPage::createKey()
{
    const QString name = m_name->text().trimmed();
    QString key;
    const auto s = m_runtime->store().update([&](Config &c) {
        if (auto v = AccessKeys::validateName(name); !v)
            return v;
        if (c.findAccessKey(name))
            return Status::failure(
                tr("A key named \"%1\" exists already (revoked keys keep their name). Pick "
                   "another name.")
                    .arg(name));
        auto created = AccessKeys::create(name, systemRandomBytes, QDateTime::currentDateTimeUtc());
        key = created.key;
        c.accessKeys.append(created.record);
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
        auto *box = new QMessageBox(QMessageBox::Question, tr("Revoke access key"),
                                    tr("Revoke the key \"%1\"? Tools using it are refused from "
                                       "now on. This cannot be undone.")
                                        .arg(name),
                                    QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("confirmRevoke"));
        QPushButton *revoke = box->addButton(tr("Revoke"), QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, revoke] {
            if (box->clickedButton() == revoke)
                revokeSelected(true);
        });
        box->open();
        return;
    }
    const auto s = m_runtime->store().update([&name](Config &c) {
        AccessKeyRecord *k = c.findAccessKey(name);
        if (!k)
            return Status::failure(tr("The key \"%1\" no longer exists.").arg(name));
        if (k->isActive())
            k->revoked = QDateTime::currentDateTimeUtc();
        return Status{};
    });
    if (!s) {
        m_problem->setText(s.error());
        m_problem->show();
    }
    refresh();
    emit keysChanged();
}

} // namespace gatehouse
