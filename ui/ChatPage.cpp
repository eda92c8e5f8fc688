#include "ChatPage.h"

#include "UiSettings.h"
#include "discovery/OllamaInspector.h"
#include "gateway/GatewayRuntime.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace gatehouse {

ChatPage::ChatPage(GatewayRuntime *runtime, UiSettings *settings, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_settings(settings), m_client(new ChatClient(this)),
      m_model(new QComboBox(this)), m_refresh(new QPushButton(tr("Re&fresh"), this)),
      m_newChat(new QPushButton(tr("&New chat"), this)), m_view(new QTextBrowser(this)),
      m_input(new QPlainTextEdit(this)), m_send(new QPushButton(tr("&Send"), this)),
      m_stop(new QPushButton(tr("S&top"), this)), m_hint(new QLabel(this)),
      m_facts(new QLabel(this)), m_renderTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *modelLabel = new QLabel(tr("&Model:"), this);
    modelLabel->setBuddy(m_model);
    m_model->setObjectName(QStringLiteral("chatModel"));
    m_model->setAccessibleName(tr("Model"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(28);
    m_model->lineEdit()->setPlaceholderText(tr("provider:model or an alias"));
    m_model->completer()->setFilterMode(Qt::MatchContains);
    m_model->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_model->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_model->setEditText(settings->lastChatModel());
    m_refresh->setToolTip(tr("Ask the gateway which models it offers"));
    m_newChat->setObjectName(QStringLiteral("newChat"));
    top->addWidget(modelLabel);
    top->addWidget(m_model, 1);
    top->addWidget(m_refresh);
    top->addStretch();
    top->addWidget(m_newChat);
    layout->addLayout(top);
    m_facts->setObjectName(QStringLiteral("chatModelFacts"));
    m_facts->setForegroundRole(QPalette::PlaceholderText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_facts);

    m_view->setObjectName(QStringLiteral("chatTranscript"));
    m_view->setAccessibleName(tr("Conversation"));
    m_view->setOpenExternalLinks(true);
    layout->addWidget(m_view, 1);

    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setAccessibleName(tr("Message"));
    m_input->setPlaceholderText(tr("Type a message; Ctrl+Enter sends it"));
    m_input->setTabChangesFocus(true);
    m_input->setMaximumHeight(m_input->fontMetrics().lineSpacing() * 6);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_input, 1);
    auto *buttons = new QVBoxLayout;
    m_send->setObjectName(QStringLiteral("chatSend"));
    m_stop->setObjectName(QStringLiteral("chatStop"));
    m_send->setDefault(true);
    m_stop->setEnabled(false);
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    buttons->addStretch();
    bottom->addLayout(buttons);
    layout->addLayout(bottom);
    m_hint->setWordWrap(true);
    m_hint->setObjectName(QStringLiteral("chatHint"));
    layout->addWidget(m_hint);

    m_input->installEventFilter(this); // Ctrl+Enter sends
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(40); // re-render at most 25 times a second while streaming
    connect(m_renderTimer, &QTimer::timeout, this, &ChatPage::render);

    connect(m_send, &QPushButton::clicked, this, &ChatPage::send);
    connect(m_stop, &QPushButton::clicked, this, &ChatPage::stop);
    connect(m_newChat, &QPushButton::clicked, this, &ChatPage::newChat);
    connect(m_refresh, &QPushButton::clicked, this, &ChatPage::refreshModels);
    connect(m_model, &QComboBox::currentTextChanged, this, &ChatPage::showModelFacts);

    connect(m_client, &ChatClient::delta, this, [this](const QString &text) {
        if (!m_entries.isEmpty())
            m_entries.last().turn.text += text;
        scheduleRender();
    });
    connect(m_client, &ChatClient::finished, this, [this](const ChatStats &stats) {
        if (!m_entries.isEmpty())
            m_entries.last().meta = describe(stats);
        setBusy(false);
        render();
    });
    connect(m_client, &ChatClient::failed, this,
            [this](const QString &message, const ChatStats &stats) {
                if (!m_entries.isEmpty()) {
                    m_entries.last().error = message;
                    if (stats.firstTokenMs >= 0)
                        m_entries.last().meta = describe(stats);
                }
                setBusy(false);
                render();
            });
    connect(m_client, &ChatClient::stoppedByUser, this, [this](const ChatStats &stats) {
        if (!m_entries.isEmpty())
            m_entries.last().meta = describe(stats) + QStringLiteral(" · ") + tr("stopped");
        setBusy(false);
        render();
    });
    connect(runtime, &GatewayRuntime::listening, this, &ChatPage::gatewayChanged);
    connect(runtime, &GatewayRuntime::stopped, this, &ChatPage::gatewayChanged);
    connect(runtime, &GatewayRuntime::configReloaded, this, &ChatPage::refreshModels);
    gatewayChanged();
    render();
}

bool ChatPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers().testFlag(Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPage::gatewayChanged()
{
    const QUrl url = m_runtime->localUrl();
    if (!url.isEmpty()) {
        m_client->setGateway(url, m_runtime->internalAccessKey());
        m_hint->setText(tr("Messages go through the gateway at %1, as a tool's would.")
                            .arg(url.toDisplayString()));
        refreshModels();
    } else {
        m_client->setGateway({}, {});
        m_hint->setText(tr("The gateway is not running; resume it to chat."));
    }
    m_send->setEnabled(m_client->hasGateway() && !m_client->isBusy());
}

void ChatPage::refreshModels()
{
    if (!m_client->hasGateway())
        return;
    const quint64 generation = ++m_listGeneration;
    m_client->listModels([this, generation](const QList<ChatModel> &models, const QString &error) {
        if (generation != m_listGeneration)
            return; // a newer list is on its way
        setModels(models);
        if (!error.isEmpty())
            m_hint->setText(tr("Could not list models: %1").arg(error));
        inspectLocalServers(generation);
    });
}

void ChatPage::setModels(const QList<ChatModel> &models)
{
    const QString typed = m_model->currentText();
    const QSignalBlocker block(m_model);
    m_model->clear();
    m_modelFacts.clear();
    for (const ChatModel &m : models) {
        m_model->addItem(m.id);
        const QString summary = m.facts.summary();
        if (!summary.isEmpty())
            m_model->setItemData(m_model->count() - 1, summary, Qt::ToolTipRole);
        m_modelFacts.insert(m.id, m.facts);
    }
    m_model->setEditText(typed);
    showModelFacts();
}

void ChatPage::inspectLocalServers(quint64 generation)
{
    // Only servers on this machine are asked, and only for what their own API tells (size,
    // quantization, loaded now); a server that is not Ollama simply does not answer it.
    for (const Provider &p : m_runtime->config().providers) {
        const QHostAddress host(p.baseUrl.host());
        const bool local = p.baseUrl.host() == QLatin1String("localhost") || host.isLoopback();
        if (!p.enabled || !local)
            continue;
        auto *inspector = new OllamaInspector(this);
        const QString prefix = p.id + QLatin1Char(':');
        OllamaInspector::Limits limits;
        limits.callTimeoutMs = 1500;
        limits.budgetMs = 3000;
        inspector->inspect(
            OllamaApi::rootOf(p.baseUrl), p.id,
            [this, inspector, prefix, generation](const OllamaInventory &inventory) {
                inspector->deleteLater();
                if (generation != m_listGeneration || !inventory.ok)
                    return;
                for (const OllamaModel &model : inventory.models) {
                    const int index = m_model->findText(prefix + model.name);
                    if (index < 0)
                        continue;
                    ModelFacts &facts = m_modelFacts[prefix + model.name];
                    facts.complete(ModelFacts::fromOllama(model));
                    m_model->setItemData(index, facts.summary(), Qt::ToolTipRole);
                }
                showModelFacts();
            },
            limits);
    }
}

void ChatPage::showModelFacts()
{
    const QString model = m_model->currentText().trimmed();
    const auto it = m_modelFacts.constFind(model);
    const QString summary = it == m_modelFacts.constEnd() ? QString() : it->summary();
    m_facts->setText(summary);
    m_facts->setVisible(!summary.isEmpty());
}

void ChatPage::send()
{
    const QString text = m_input->toPlainText().trimmed();
    const QString model = m_model->currentText().trimmed();
    if (text.isEmpty() || m_client->isBusy())
        return;
    if (model.isEmpty()) {
        m_hint->setText(
            tr("Pick a model first, as provider:model (for example my-ollama:llama3.2)."));
        m_model->setFocus();
        return;
    }
    if (!m_client->hasGateway()) {
        m_hint->setText(tr("The gateway is not running; resume it to chat."));
        return;
    }
    m_settings->setLastChatModel(model);
    QList<ChatTurn> history;
    for (const Entry &e : m_entries) {
        if (e.error.isEmpty() || !e.turn.text.isEmpty())
            history.append(e.turn);
    }
    const ChatTurn user{ChatTurn::Role::User, text};
    history.append(user);
    m_entries.append(Entry{user, {}, {}});
    m_entries.append(Entry{ChatTurn{ChatTurn::Role::Assistant, {}}, {}, {}});
    m_input->clear();
    setBusy(true);
    render();
    m_client->send(model, history);
}

void ChatPage::stop()
{
    m_client->stop();
}

void ChatPage::newChat()
{
    m_client->stop();
    m_entries.clear();
    render();
    m_input->setFocus();
}

void ChatPage::loadConversation(const QList<ChatTurn> &turns)
{
    m_client->stop();
    m_entries.clear();
    QList<ChatTurn> transcript = turns;
    QString question;
    if (!transcript.isEmpty() && transcript.last().role == ChatTurn::Role::User)
        question = transcript.takeLast().text;
    for (const ChatTurn &t : std::as_const(transcript))
        m_entries.append(Entry{t, {}, {}});
    m_input->setPlainText(question);
    m_hint->setText(tr("Loaded a conversation of %n turn(s) from the request log; pick a model "
                       "and send.",
                       nullptr, static_cast<int>(turns.size())));
    render();
    m_input->setFocus();
}

void ChatPage::setBusy(bool busy)
{
    m_send->setEnabled(!busy && m_client->hasGateway());
    m_stop->setEnabled(busy);
    if (!busy)
        m_input->setFocus();
}

QString ChatPage::describe(const ChatStats &stats) const
{
    QStringList parts;
    parts << (stats.provider.isEmpty() ? stats.model
                                       : stats.provider + QLatin1Char(':') + stats.model);
    if (stats.firstTokenMs >= 0)
        parts << tr("first token %1 ms").arg(stats.firstTokenMs);
    parts << tr("total %1 ms").arg(stats.totalMs);
    if (stats.promptTokens >= 0 && stats.completionTokens >= 0)
        parts << tr("%1 in / %2 out tokens").arg(stats.promptTokens).arg(stats.completionTokens);
    return parts.join(QStringLiteral(" · "));
}

QString ChatPage::markdown() const
{
    if (m_entries.isEmpty())
        return tr("*Pick a model and send a message to test a route. The answer streams in "
                  "here, with who answered and how fast.*");
    QString md;
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &e = m_entries[i];
        const bool user = e.turn.role == ChatTurn::Role::User;
        md +=
            QStringLiteral("#### ") + (user ? tr("You") : tr("Assistant")) + QStringLiteral("\n\n");
        if (!e.turn.text.isEmpty())
            md += e.turn.text + QStringLiteral("\n\n");
        else if (!user && e.error.isEmpty() && i == m_entries.size() - 1 && m_client->isBusy())
            md +=
                QStringLiteral("*") + tr("waiting for the first token…") + QStringLiteral("*\n\n");
        if (!e.error.isEmpty())
            md += QStringLiteral("> **") + tr("Error") + QStringLiteral(":** ") +
                  QString(e.error).replace(QLatin1Char('\n'), QLatin1Char(' ')) +
                  QStringLiteral("\n\n");
        if (!e.meta.isEmpty())
            md += QStringLiteral("*") + e.meta + QStringLiteral("*\n\n");
        if (!user)
            md += QStringLiteral("---\n\n");
    }
    return md;
}

void ChatPage::scheduleRender()
{
    if (!m_renderTimer->isActive())
        m_renderTimer->start();
}

void ChatPage::render()
{
    m_renderTimer->stop();
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    m_view->document()->setMarkdown(markdown());
    if (atEnd)
        bar->setValue(bar->maximum());
}

} // namespace gatehouse
