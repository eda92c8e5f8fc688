#include "SettingsPage.h"

#include "Confirm.h"
#include "OllamaApiBox.h"
#include "UiSettings.h"
#include "gateway/GatewayRuntime.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse {

SettingsPage::SettingsPage(GatewayRuntime *runtime, UiSettings *settings, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_settings(settings), m_port(new QSpinBox(this)),
      m_bind(new QLineEdit(this)),
      m_apply(new QPushButton(tr("&Apply and restart the gateway"), this)),
      m_startAtLogin(new QCheckBox(tr("Start Gatehouse when I &log in"), this)),
      m_startMinimised(new QCheckBox(tr("Start &minimised to the tray"), this)),
      m_limitNotices(new QCheckBox(
          tr("Tell me in the &tray when keys near or reach a token or spending limit"), this)),
      m_language(new QComboBox(this)), m_message(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);

    auto *network = new QGroupBox(tr("Gateway"), this);
    auto *form = new QFormLayout(network);
    m_port->setObjectName(QStringLiteral("settingsPort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setAccessibleName(tr("Port"));
    form->addRow(tr("&Port:"), m_port);
    m_bind->setObjectName(QStringLiteral("settingsBind"));
    m_bind->setAccessibleName(tr("Bind address"));
    m_bind->setToolTip(tr("127.0.0.1 keeps the gateway to this machine."));
    form->addRow(tr("&Bind address:"), m_bind);
    auto *bindNote = new QLabel(tr("Only 127.0.0.1 (this machine) is safe by default. Another "
                                   "address lets other machines reach your models with an "
                                   "access key, unencrypted."),
                                network);
    bindNote->setWordWrap(true);
    form->addRow(QString(), bindNote);
    m_apply->setObjectName(QStringLiteral("settingsApply"));
    form->addRow(QString(), m_apply);
    layout->addWidget(network);
    layout->addWidget(new OllamaApiBox(runtime, this));

    auto *startup = new QGroupBox(tr("Start-up"), this);
    auto *startLayout = new QVBoxLayout(startup);
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_startMinimised->setObjectName(QStringLiteral("startMinimised"));
    startLayout->addWidget(m_startAtLogin);
    startLayout->addWidget(m_startMinimised);
    m_limitNotices->setObjectName(QStringLiteral("limitNotifications"));
    startLayout->addWidget(m_limitNotices);
    layout->addWidget(startup);

    auto *looks = new QGroupBox(tr("Language"), this);
    auto *lookForm = new QFormLayout(looks);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    lookForm->addRow(tr("&Language:"), m_language);
    layout->addWidget(looks);

    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);
    layout->addStretch();

    connect(m_apply, &QPushButton::clicked, this, [this] { applyNetwork(false); });
    connect(m_startAtLogin, &QCheckBox::toggled, this, [this](bool on) {
        if (const Status s = UiSettings::setStartAtLogin(on); !s)
            setMessage(s.error());
        else
            setMessage(on ? tr("Gatehouse will start when you log in.")
                          : tr("Gatehouse will not start when you log in."));
    });
    connect(m_startMinimised, &QCheckBox::toggled, this,
            [this](bool on) { m_settings->setStartMinimised(on); });
    connect(m_limitNotices, &QCheckBox::toggled, this,
            [this](bool on) { m_settings->setLimitNotifications(on); });
    connect(m_language, &QComboBox::activated, this, [this] {
        m_settings->setLanguage(m_language->currentData().toString());
        setMessage(tr("The language changes the next time Gatehouse starts."));
    });
    load();
}

void SettingsPage::load()
{
    const auto config = m_runtime->store().load();
    if (config) {
        m_port->setValue(config->gateway.port);
        m_bind->setText(config->gateway.bindAddress);
    }
    const QSignalBlocker b1(m_startAtLogin);
    const QSignalBlocker b2(m_startMinimised);
    m_startAtLogin->setChecked(UiSettings::startAtLogin());
    m_startMinimised->setChecked(m_settings->startMinimised());
    const QSignalBlocker b3(m_limitNotices);
    m_limitNotices->setChecked(m_settings->limitNotifications());
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_settings->language())));
}

void SettingsPage::setMessage(const QString &text)
{
    m_message->setText(text);
}

void SettingsPage::applyNetwork(bool confirmed)
{
    const QString bind = m_bind->text().trimmed();
    const QHostAddress address(bind);
    if (address.isNull()) {
        setMessage(
            tr("\"%1\" is not an IP address. Use 127.0.0.1 for this machine only.").arg(bind));
        return;
    }
    if (!address.isLoopback() && !confirmed) {
        askToConfirm(this, QStringLiteral("confirmBind"), QMessageBox::Warning,
                     tr("Leave this machine?"),
                     tr("Listening on %1 lets other machines on the network reach your models. "
                        "Requests still need an access key, but they travel unencrypted. "
                        "Continue?")
                         .arg(bind),
                     tr("Listen on %1").arg(bind), [this] { applyNetwork(true); });
        return;
    }
    const auto port = static_cast<quint16>(m_port->value());
    const Status s = m_runtime->store().update([&](Config &c) {
        c.gateway.port = port;
        c.gateway.bindAddress = bind;
        return Status{};
    });
    if (!s) {
        setMessage(s.error());
        return;
    }
    setMessage(tr("Saved. The gateway restarts on %1 port %2.").arg(bind).arg(port));
    m_runtime->restart();
}

} // namespace gatehouse
