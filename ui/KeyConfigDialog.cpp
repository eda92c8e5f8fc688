#include "KeyConfigDialog.h"

#include "config/ConfigEditor.h"
#include "config/ConfigStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse {

class KeyConfigDialog::Impl
{
public:
    ConfigStore store{QString()};
    QList<Provider> providers;
};

KeyConfigDialog::KeyConfigDialog(const ConfigStore &store, QWidget *parent)
    : QDialog(parent), d(new Impl), m_list(new QListWidget(this)), m_name(new QLineEdit(this)),
      m_allow(new QPlainTextEdit(this)), m_rpm(new QSpinBox(this)), m_tokens(new QSpinBox(this)),
      m_spend(new QDoubleSpinBox(this)), m_providerKeys(new QTreeWidget(this)),
      m_capture(new QCheckBox(tr("Keep the &bodies of requests and answers"), this)),
      m_captureDays(new QSpinBox(this)), m_captureKiB(new QSpinBox(this)),
      m_save(new QPushButton(tr("&Save configuration"), this)),
      m_remove(new QPushButton(tr("&Remove"), this)), m_message(new QLabel(this))
{
    d->store = store;
    setWindowTitle(tr("Key configurations"));
    setObjectName(QStringLiteral("keyConfigDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A configuration says what the access keys that use it may do. "
                                "Keys without one use \"default\"; with no \"default\" defined, "
                                "they may use every model without limits."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *split = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_list->setObjectName(QStringLiteral("configList"));
    m_list->setAccessibleName(tr("Configurations"));
    left->addWidget(m_list, 1);
    auto *add = new QPushButton(tr("&New"), this);
    left->addWidget(add);
    left->addWidget(m_remove);
    split->addLayout(left, 1);

    auto *form = new QFormLayout;
    m_name->setObjectName(QStringLiteral("configName"));
    m_name->setAccessibleName(tr("Configuration name"));
    form->addRow(tr("&Name:"), m_name);
    m_allow->setObjectName(QStringLiteral("configAllow"));
    m_allow->setAccessibleName(tr("Allowed models"));
    m_allow->setPlaceholderText(tr("One pattern per line, e.g.\nmy-ollama:*\nopenai:gpt-4o*\nfast\n"
                                   "Empty: every model."));
    m_allow->setTabChangesFocus(true);
    m_allow->setMaximumHeight(m_allow->fontMetrics().lineSpacing() * 6);
    form->addRow(tr("&Allowed models:"), m_allow);
    m_rpm->setObjectName(QStringLiteral("configRpm"));
    m_rpm->setRange(0, 1'000'000);
    m_rpm->setSpecialValueText(tr("no limit"));
    m_rpm->setAccessibleName(tr("Requests per minute"));
    form->addRow(tr("&Requests per minute:"), m_rpm);
    m_tokens->setObjectName(QStringLiteral("configTokens"));
    m_tokens->setRange(0, 2'000'000'000);
    m_tokens->setSingleStep(10'000);
    m_tokens->setSpecialValueText(tr("no limit"));
    m_tokens->setAccessibleName(tr("Tokens per day"));
    form->addRow(tr("&Tokens per day (UTC):"), m_tokens);
    m_spend->setObjectName(QStringLiteral("configSpend"));
    m_spend->setRange(0, 1'000'000);
    m_spend->setDecimals(2);
    m_spend->setPrefix(QStringLiteral("$ "));
    m_spend->setSpecialValueText(tr("no limit"));
    m_spend->setAccessibleName(tr("Spend per month"));
    m_spend->setToolTip(tr("Priced from the model catalog; models without a price (your local "
                           "ones) cost nothing."));
    form->addRow(tr("S&pend per month:"), m_spend);
    m_providerKeys->setObjectName(QStringLiteral("configProviderKeys"));
    m_providerKeys->setAccessibleName(tr("Provider keys"));
    m_providerKeys->setHeaderLabels({tr("Provider"), tr("Bills to key")});
    m_providerKeys->setRootIsDecorated(false);
    m_providerKeys->header()->setStretchLastSection(true);
    m_providerKeys->setMaximumHeight(m_providerKeys->fontMetrics().lineSpacing() * 7);
    form->addRow(tr("Provider &keys:"), m_providerKeys);
    m_capture->setObjectName(QStringLiteral("configCapture"));
    m_capture->setToolTip(
        tr("Off unless turned on. Bodies go to their own owner-only file, with access keys and "
           "provider keys blanked out, and are deleted after the days below."));
    m_captureDays->setObjectName(QStringLiteral("configCaptureDays"));
    m_captureDays->setRange(1, 3650);
    m_captureDays->setSuffix(tr(" days"));
    m_captureDays->setAccessibleName(tr("Days captured bodies are kept"));
    m_captureKiB->setObjectName(QStringLiteral("configCaptureSize"));
    m_captureKiB->setRange(1, 100 * 1024);
    m_captureKiB->setSuffix(tr(" KiB"));
    m_captureKiB->setAccessibleName(tr("Most kept of each body"));
    auto *captureRow = new QHBoxLayout;
    captureRow->addWidget(m_capture);
    captureRow->addWidget(m_captureDays);
    captureRow->addWidget(m_captureKiB);
    captureRow->addStretch();
    form->addRow(tr("Content capture:"), captureRow);
    connect(m_capture, &QCheckBox::toggled, m_captureDays, &QWidget::setEnabled);
    connect(m_capture, &QCheckBox::toggled, m_captureKiB, &QWidget::setEnabled);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    m_message->setObjectName(QStringLiteral("configMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    right->addWidget(m_message);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    m_save->setObjectName(QStringLiteral("saveConfig"));
    saveRow->addWidget(m_save);
    right->addLayout(saveRow);
    split->addLayout(right, 2);
    layout->addLayout(split, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(add, &QPushButton::clicked, this, &KeyConfigDialog::newConfiguration);
    connect(m_save, &QPushButton::clicked, this, &KeyConfigDialog::save);
    connect(m_remove, &QPushButton::clicked, this, &KeyConfigDialog::removeCurrent);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        const QString name = m_list->item(row)->text();
        if (const auto c = d->store.load()) {
            if (const KeyConfiguration *k = c->findKeyConfiguration(name)) {
                m_editing = name;
                showConfiguration(*k);
            }
        }
    });
    resize(760, 520);
    reload({});
}

KeyConfigDialog::~KeyConfigDialog()
{
    delete d;
}

void KeyConfigDialog::reload(const QString &select)
{
    const auto config = d->store.load();
    if (!config) {
        m_message->setText(config.error());
        return;
    }
    d->providers = config->providers;
    m_list->clear();
    for (const KeyConfiguration &k : config->keyConfigurations)
        m_list->addItem(k.name);
    const auto found = m_list->findItems(select, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
    else if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        newConfiguration();
}

void KeyConfigDialog::newConfiguration()
{
    m_editing.clear();
    m_list->clearSelection();
    KeyConfiguration blank;
    showConfiguration(blank);
    m_name->setFocus();
}

void KeyConfigDialog::showConfiguration(const KeyConfiguration &k)
{
    m_name->setText(k.name);
    m_allow->setPlainText(k.allow.join(QLatin1Char('\n')));
    m_rpm->setValue(k.limits.requestsPerMinute);
    m_tokens->setValue(int(std::min<qint64>(k.limits.tokensPerDay, m_tokens->maximum())));
    m_spend->setValue(k.limits.spendPerMonth);
    m_capture->setChecked(k.capture.enabled);
    m_captureDays->setValue(k.capture.retentionDays);
    m_captureKiB->setValue(
        int(std::clamp<qint64>(k.capture.maxBodyBytes / 1024, 1, qint64{100} * 1024)));
    m_captureDays->setEnabled(k.capture.enabled);
    m_captureKiB->setEnabled(k.capture.enabled);
    m_providerKeys->clear();
    // One row per provider that has labelled keys: which of its keys this configuration uses.
    for (const Provider &p : d->providers) {
        if (p.keyLabels.isEmpty())
            continue;
        auto *item = new QTreeWidgetItem(m_providerKeys, {p.id});
        auto *choice = new QComboBox(m_providerKeys);
        choice->setAccessibleName(tr("Key of %1").arg(p.id));
        choice->addItem(tr("main key"), QString());
        for (const QString &label : p.keyLabels)
            choice->addItem(label, label);
        choice->setCurrentIndex(std::max(0, choice->findData(k.providerKeys.value(p.id))));
        m_providerKeys->setItemWidget(item, 1, choice);
    }
    if (m_providerKeys->topLevelItemCount() == 0) {
        auto *none = new QTreeWidgetItem(m_providerKeys,
                                         {tr("(no provider has more than one key)"), QString()});
        none->setFirstColumnSpanned(true);
        none->setFlags(Qt::NoItemFlags);
    }
    m_remove->setEnabled(!m_editing.isEmpty());
    m_message->clear();
}

Result<KeyConfiguration> KeyConfigDialog::edited() const
{
    KeyConfiguration k;
    k.name = m_name->text().trimmed();
    for (const QString &line : m_allow->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            k.allow << line.trimmed();
    }
    k.limits.requestsPerMinute = m_rpm->value();
    k.limits.tokensPerDay = m_tokens->value();
    k.limits.spendPerMonth = m_spend->value();
    k.capture.enabled = m_capture->isChecked();
    k.capture.retentionDays = m_captureDays->value();
    k.capture.maxBodyBytes = qint64{m_captureKiB->value()} * 1024;
    for (int i = 0; i < m_providerKeys->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_providerKeys->topLevelItem(i);
        if (auto *choice = qobject_cast<QComboBox *>(m_providerKeys->itemWidget(item, 1))) {
            if (!choice->currentData().toString().isEmpty())
                k.providerKeys.insert(item->text(0), choice->currentData().toString());
        }
    }
    if (auto s = k.validate(); !s)
        return Result<KeyConfiguration>::failure(s.error());
    return k;
}

bool KeyConfigDialog::save()
{
    auto k = edited();
    if (!k) {
        m_message->setText(k.error());
        return false;
    }
    const QString previous = m_editing;
    const Status s = d->store.update([&](Config &c) -> Status {
        KeyConfiguration value = k.value();
        // What this dialog does not edit stays as it was: the configuration's own routes and
        // capture fields a newer Gatehouse wrote.
        if (const KeyConfiguration *old =
                previous.isEmpty() ? nullptr : c.findKeyConfiguration(previous)) {
            value.routes = old->routes;
            value.capture.otherFields = old->capture.otherFields;
        }
        if (auto put = ConfigEditor::putKeyConfiguration(c, previous, value); !put)
            return Status::failure(put.error());
        return {};
    });
    if (!s) {
        m_message->setText(s.error());
        return false;
    }
    m_editing = k->name;
    reload(k->name);
    m_message->setText(tr("Saved configuration \"%1\".").arg(k->name));
    emit configurationsChanged();
    return true;
}

void KeyConfigDialog::removeCurrent()
{
    const QString name = m_editing;
    if (name.isEmpty())
        return;
    const Status s = d->store.update(
        [&name](Config &c) { return ConfigEditor::removeKeyConfiguration(c, name); });
    if (!s) {
        m_message->setText(s.error());
        return;
    }
    m_editing.clear();
    reload({});
    emit configurationsChanged();
}

} // namespace gatehouse
