#include "OllamaApiBox.h"

#include "gateway/GatewayRuntime.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse {

OllamaApiBox::OllamaApiBox(GatewayRuntime *runtime, QWidget *parent)
    : QGroupBox(tr("Ollama API without a key"), parent), m_runtime(runtime),
      m_enabled(
          new QCheckBox(tr("&Serve Ollama's API on this machine, without an access key"), this)),
      m_port(new QSpinBox(this)), m_keyConfig(new QComboBox(this)),
      m_apply(new QPushButton(tr("Apply"), this)), m_status(new QLabel(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("ollamaApiBox"));
    auto *layout = new QVBoxLayout(this);
    m_enabled->setObjectName(QStringLiteral("ollamaApiEnabled"));
    layout->addWidget(m_enabled);
    auto *note = new QLabel(tr("For apps that speak Ollama's API and send no key (Open WebUI, VS "
                               "Code, JetBrains, ollama-js). Only programs on this machine reach "
                               "it, with the models and limits of the key configuration below; "
                               "its requests are logged as \"ollama-api\"."),
                            this);
    note->setWordWrap(true);
    note->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(note);
    auto *row = new QHBoxLayout;
    auto *portLabel = new QLabel(tr("P&ort:"), this);
    portLabel->setBuddy(m_port);
    m_port->setObjectName(QStringLiteral("ollamaApiPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(OllamaApiSettings::suggestedPort);
    m_port->setAccessibleName(tr("Ollama API port"));
    m_port->setToolTip(tr("Ollama itself uses 11434; pick that only when Ollama does not run "
                          "here."));
    auto *configLabel = new QLabel(tr("&Key configuration:"), this);
    configLabel->setBuddy(m_keyConfig);
    m_keyConfig->setObjectName(QStringLiteral("ollamaApiKeyConfig"));
    m_keyConfig->setAccessibleName(tr("Key configuration of the Ollama API"));
    m_keyConfig->setMinimumContentsLength(12);
    m_apply->setObjectName(QStringLiteral("ollamaApiApply"));
    row->addWidget(portLabel);
    row->addWidget(m_port);
    row->addSpacing(12);
    row->addWidget(configLabel);
    row->addWidget(m_keyConfig, 1);
    row->addSpacing(12);
    row->addWidget(m_apply);
    layout->addLayout(row);
    m_status->setObjectName(QStringLiteral("ollamaApiStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_message->setObjectName(QStringLiteral("ollamaApiMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    layout->addWidget(m_message);

    connect(m_apply, &QPushButton::clicked, this, &OllamaApiBox::apply);
    connect(m_runtime->service(), &GatewayService::ollamaApiChanged, this, [this] { showState(); });
    load();
}

void OllamaApiBox::showEvent(QShowEvent *event)
{
    load(); // key configurations may have changed on another page
    QGroupBox::showEvent(event);
}

void OllamaApiBox::load()
{
    const auto config = m_runtime->store().load();
    if (!config) {
        setMessage(config.error());
        return;
    }
    const OllamaApiSettings &s = config->gateway.ollamaApi;
    m_enabled->setChecked(s.enabled);
    if (s.port != 0)
        m_port->setValue(s.port);
    m_keyConfig->clear();
    QStringList names{QString(KeyConfiguration::defaultName)};
    for (const KeyConfiguration &k : config->keyConfigurations) {
        if (!names.contains(k.name))
            names << k.name;
    }
    if (!names.contains(s.keyConfiguration))
        names << s.keyConfiguration; // gone: shown, so that the problem can be seen and fixed
    m_keyConfig->addItems(names);
    m_keyConfig->setCurrentText(s.keyConfiguration);
    showState();
}

void OllamaApiBox::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void OllamaApiBox::showState()
{
    const GatewayService *service = m_runtime->service();
    if (!service->ollamaApiError().isEmpty())
        m_status->setText(service->ollamaApiError());
    else if (service->ollamaApiPort() != 0)
        m_status->setText(tr("Listening on http://127.0.0.1:%1; point Ollama clients there.")
                              .arg(service->ollamaApiPort()));
    else
        m_status->setText(tr("Off."));
}

void OllamaApiBox::apply()
{
    OllamaApiSettings wanted;
    wanted.enabled = m_enabled->isChecked();
    wanted.port = static_cast<quint16>(m_port->value());
    wanted.keyConfiguration = m_keyConfig->currentText();
    // A port another program holds is said now; the one this listener holds is its own.
    if (wanted.enabled && m_runtime->service()->ollamaApiPort() != wanted.port) {
        if (const Status free = OllamaApiSettings::checkPortFree(wanted.port); !free) {
            setMessage(free.error());
            return;
        }
    }
    const Status saved = m_runtime->store().update(
        [&](Config &config) { return OllamaApiSettings::apply(config, wanted); });
    if (!saved) {
        setMessage(saved.error());
        return;
    }
    setMessage(wanted.enabled
                   ? tr("Saved. The gateway serves the Ollama API on port %1 now.").arg(wanted.port)
                   : tr("Saved. The gateway closes the Ollama API's port now."));
}

} // namespace gatehouse
