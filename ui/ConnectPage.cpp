#include "ConnectPage.h"

#include "Confirm.h"
#include "catalog/Catalog.h"
#include "gateway/GatewayRuntime.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

const char *const snippetKinds[] = {
    "env",       "curl",         "codex",      "python-openai", "python-anthropic",
    "js-openai", "js-anthropic", "gemini-cli", "ollama"};

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    label->setFont(f);
    return label;
}

QComboBox *modelBox(const QString &name, const QString &accessible, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->setAccessibleName(accessible);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setMinimumContentsLength(22);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    return box;
}

void fill(QComboBox *box, const QStringList &models, const QString &preferred)
{
    const QString typed = box->currentText();
    const QSignalBlocker block(box);
    box->clear();
    box->addItems(models);
    box->setEditText(!preferred.isEmpty() ? preferred : !typed.isEmpty() ? typed : models.value(0));
}

} // namespace

ToolCard::ToolCard(const ToolInfo &tool, QWidget *parent)
    : QFrame(parent), m_id(tool.id), m_state(new QLabel(this)), m_files(new QLabel(this)),
      m_problem(new QLabel(this)),
      m_model(modelBox(QStringLiteral("model"), tr("Model for %1").arg(tool.displayName), this)),
      m_small(tool.hasSmallModel ? modelBox(QStringLiteral("smallModel"),
                                            tr("Small model for %1").arg(tool.displayName), this)
                                 : nullptr),
      m_connect(new QPushButton(tr("Connect"), this)),
      m_disconnect(new QPushButton(tr("Disconnect"), this))
{
    setObjectName(QStringLiteral("toolCard-") + tool.id);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tool.displayName);
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tool.displayName, this);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    m_state->setObjectName(QStringLiteral("state"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);
    m_files->setObjectName(QStringLiteral("files"));
    m_files->setWordWrap(true);
    m_files->setForegroundRole(QPalette::PlaceholderText);
    m_files->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_files);
    if (tool.id == QLatin1String("gemini-cli")) {
        auto *note = new QLabel(tr("Gemini CLI reads these settings only in folders you trust "
                                   "(it asks the first time it starts in one)."),
                                this);
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(note);
    }
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setFrameShape(QFrame::StyledPanel);
    m_problem->setMargin(6);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *form = new QGridLayout;
    auto *modelLabel = new QLabel(tr("Model:"), this);
    modelLabel->setBuddy(m_model);
    form->addWidget(modelLabel, 0, 0);
    form->addWidget(m_model, 0, 1);
    if (m_small) {
        auto *smallLabel = new QLabel(tr("Small model:"), this);
        smallLabel->setBuddy(m_small);
        m_small->setToolTip(tr("For quick background tasks; empty: the main model"));
        form->addWidget(smallLabel, 1, 0);
        form->addWidget(m_small, 1, 1);
    }
    form->setColumnStretch(1, 1);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_connect->setObjectName(QStringLiteral("connect"));
    m_disconnect->setObjectName(QStringLiteral("disconnect"));
    buttons->addStretch();
    buttons->addWidget(m_disconnect);
    buttons->addWidget(m_connect);
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_connect, &QPushButton::clicked, this, [this] {
        emit connectRequested(m_id, m_model->currentText().trimmed(),
                              m_small ? m_small->currentText().trimmed() : QString());
    });
    connect(m_disconnect, &QPushButton::clicked, this, [this] { emit disconnectRequested(m_id); });
}

void ToolCard::show(const ToolStatus &status, const QStringList &models, const QString &home)
{
    QStringList state;
    state << (status.installed ? tr("Installed") : tr("Not found on this machine"));
    if (status.connected)
        state << tr("connected to %1").arg(status.url);
    else if (status.wired)
        state << tr("set up for %1, but not by this Gatehouse").arg(status.url);
    else
        state << tr("not connected");
    QString text = state.join(QStringLiteral(" · "));
    if (status.connected && !status.model.isEmpty()) {
        text += QLatin1Char('\n') + tr("Model: %1").arg(status.model);
        if (!status.smallModel.isEmpty() && status.smallModel != status.model)
            text += QStringLiteral(" · ") + tr("small model: %1").arg(status.smallModel);
    }
    m_state->setText(text);
    QStringList files;
    for (const QString &path : status.files) {
        const bool underHome = !home.isEmpty() && path.startsWith(home + QLatin1Char('/'));
        files << QDir::toNativeSeparators(underHome ? QStringLiteral("~") + path.mid(home.size())
                                                    : path);
    }
    m_files->setText(files.isEmpty() ? QString()
                                     : tr("Writes %1").arg(files.join(QStringLiteral(", "))));
    m_files->setVisible(!files.isEmpty());
    if (status.problem.isEmpty())
        m_problem->hide();
    else
        showProblem(status.problem);
    fill(m_model, models, status.connected ? status.model : QString());
    if (m_small)
        fill(m_small, models, status.connected ? status.smallModel : QString());
    m_connect->setText(status.connected ? tr("Update") : tr("Connect"));
    m_connect->setEnabled(status.supported && status.problem.isEmpty());
    m_connect->setToolTip(
        status.supported
            ? QString()
            : tr("This version of Gatehouse cannot set up %1 yet").arg(status.displayName));
    m_disconnect->setEnabled(status.connected || status.wired);
}

void ToolCard::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
}

ConnectPage::ConnectPage(GatewayRuntime *runtime, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_lister(new ChatClient(this)),
      m_environment(ToolEnvironment::system()), m_urls(new QLabel(this)),
      m_key(new QComboBox(this)), m_tabs(new QTabWidget(this))
{
    auto *outer = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    layout->addWidget(sectionTitle(tr("Coding tools"), content));
    auto *intro = new QLabel(tr("Connect writes the tool's own settings file, so it works "
                                "through Gatehouse with nothing else to set up. Each tool gets an "
                                "access key of its own; everything else in its files stays as it "
                                "is, and Disconnect undoes it."),
                             content);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    for (const ToolInfo &tool : toolCatalog()) {
        auto *card = new ToolCard(tool, content);
        grid->addWidget(card, int(m_cards.size()) / 2, int(m_cards.size()) % 2);
        m_cards << card;
        connect(card, &ToolCard::connectRequested, this, &ConnectPage::connectTool);
        connect(card, &ToolCard::disconnectRequested, this, &ConnectPage::disconnectTool);
    }
    layout->addLayout(grid);

    layout->addSpacing(12);
    layout->addWidget(sectionTitle(tr("Any other tool or SDK"), content));
    m_urls->setObjectName(QStringLiteral("connectUrls"));
    m_urls->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_urls->setWordWrap(true);
    layout->addWidget(m_urls);
    auto *row = new QHBoxLayout;
    auto *keyLabel = new QLabel(tr("Snippets use the access &key:"), this);
    keyLabel->setBuddy(m_key);
    m_key->setObjectName(QStringLiteral("connectKey"));
    m_key->setAccessibleName(tr("Access key for the snippets"));
    row->addWidget(keyLabel);
    row->addWidget(m_key);
    row->addStretch();
    layout->addLayout(row);
    auto *note = new QLabel(tr("Keys are shown only once, when created, so the snippets read the "
                               "key from the GATEHOUSE_API_KEY environment variable. Set it to "
                               "the key you copied then."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_tabs->setObjectName(QStringLiteral("snippetTabs"));
    const QStringList titles{tr("Environment"),
                             tr("curl"),
                             tr("Codex"),
                             tr("Python · OpenAI"),
                             tr("Python · Anthropic"),
                             tr("Node · OpenAI"),
                             tr("Node · Anthropic"),
                             tr("Gemini CLI"),
                             tr("Ollama clients")};
    for (int i = 0; i < titles.size(); ++i) {
        auto *page = new QWidget(m_tabs);
        auto *pageLayout = new QVBoxLayout(page);
        auto *text = new QPlainTextEdit(page);
        text->setObjectName(QString::fromLatin1(snippetKinds[i]));
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        text->setAccessibleName(titles[i]);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        pageLayout->addWidget(text);
        auto *copy = new QPushButton(tr("&Copy"), page);
        pageLayout->addWidget(copy, 0, Qt::AlignRight);
        connect(copy, &QPushButton::clicked, this, [text, copy] {
            QGuiApplication::clipboard()->setText(text->toPlainText());
            copy->setText(tr("Copied"));
        });
        m_tabs->addTab(page, titles[i]);
    }
    m_tabs->setMinimumHeight(320);
    layout->addWidget(m_tabs, 1);
    connect(m_key, &QComboBox::currentIndexChanged, this, &ConnectPage::fillSnippets);
    connect(runtime, &GatewayRuntime::listening, this, &ConnectPage::refresh);
    connect(runtime, &GatewayRuntime::configReloaded, this, &ConnectPage::refresh);
    refresh();
}

QString ConnectPage::baseUrl() const
{
    const QUrl url = m_runtime->localUrl();
    if (url.isEmpty()) {
        // Paused: where it will listen again.
        const auto &s = m_runtime->config().gateway;
        return QStringLiteral("http://127.0.0.1:%1").arg(s.port);
    }
    return url.toString();
}

void ConnectPage::refresh()
{
    const QString keep = m_key->currentData().toString();
    m_key->blockSignals(true);
    m_key->clear();
    if (const auto config = m_runtime->store().load()) {
        for (const AccessKeyRecord &k : config->accessKeys) {
            if (k.isActive())
                m_key->addItem(QStringLiteral("%1 (%2)").arg(k.name, k.hint), k.name);
        }
    }
    if (m_key->count() == 0)
        m_key->addItem(tr("no key yet: create one on the Access keys page"), QString());
    m_key->setCurrentIndex(std::max(0, m_key->findData(keep)));
    m_key->blockSignals(false);
    const QString base = baseUrl();
    m_urls->setText(tr("<b>OpenAI-compatible base URL</b> (Chat Completions and the Responses "
                       "API): %1/v1<br><b>Anthropic and Gemini API base URL:</b> %1<br>Name "
                       "models as <i>provider:model</i>, for example <i>my-ollama:llama3.2</i>.")
                        .arg(base.toHtmlEscaped()));
    fillSnippets();
    refreshTools();
    listOfferedModels();
}

void ConnectPage::listOfferedModels()
{
    // What the gateway offers includes the models local servers report, which the config
    // does not list.
    const QUrl url = m_runtime->localUrl();
    if (url.isEmpty())
        return;
    m_lister->setGateway(url, m_runtime->internalAccessKey());
    m_lister->listModels([this](const QList<ChatModel> &models, const QString &) {
        QStringList offered;
        for (const ChatModel &m : models)
            offered << m.id;
        if (offered == m_offered)
            return;
        m_offered = offered;
        refreshTools();
    });
}

ToolConnector ConnectPage::connector() const
{
    return ToolConnector(m_runtime->store(), m_environment);
}

void ConnectPage::setToolEnvironment(const ToolEnvironment &environment)
{
    m_environment = environment;
    refreshTools();
}

ToolCard *ConnectPage::card(const QString &toolId) const
{
    for (ToolCard *c : m_cards) {
        if (c->toolId() == toolId)
            return c;
    }
    return nullptr;
}

QStringList ConnectPage::installedTools() const
{
    QStringList names;
    for (const ToolStatus &s : connector().statusAll()) {
        if (s.installed)
            names << s.displayName;
    }
    return names;
}

void ConnectPage::refreshTools()
{
    const Config &config = m_runtime->config();
    const CatalogPtr catalog = m_runtime->catalog();
    QStringList models =
        (catalog ? *catalog : Catalog::builtIn()).modelChoices(config, /*withRoutes=*/true);
    models += m_offered;
    models.removeDuplicates();
    const QList<ToolStatus> all = connector().statusAll();
    for (const ToolStatus &s : all) {
        if (ToolCard *c = card(s.id))
            c->show(s, models, m_environment.home);
    }
}

void ConnectPage::connectTool(const QString &toolId, const QString &model,
                              const QString &smallModel)
{
    ToolCard *c = card(toolId);
    if (model.isEmpty()) {
        if (c)
            c->showProblem(tr("Pick the model the tool should use, as provider:model or a route. "
                              "Add a provider first if there is none."));
        return;
    }
    ConnectRequest request;
    request.model = model;
    request.smallModel = smallModel;
    request.url = baseUrl();
    const auto done = connector().connect(toolId, request);
    if (!done) {
        if (c)
            c->showProblem(done.error());
        return;
    }
    refresh(); // the new key shows in the key list; the card shows the tool connected
}

void ConnectPage::disconnectTool(const QString &toolId)
{
    const ToolInfo *tool = findTool(toolId);
    if (!tool)
        return;
    askToConfirm(this, QStringLiteral("confirmDisconnect"), QMessageBox::Question,
                 tr("Disconnect %1").arg(tool->displayName),
                 tr("Take Gatehouse's settings out of %1's files and revoke its access key "
                    "\"%2\"? The rest of the files stays as it is.")
                     .arg(tool->displayName, tool->keyName()),
                 tr("Disconnect"), [this, toolId] {
                     const Status s = connector().disconnect(toolId);
                     if (!s) {
                         if (ToolCard *c = card(toolId))
                             c->showProblem(s.error());
                         return;
                     }
                     refresh();
                 });
}

void ConnectPage::fillSnippets()
{
    for (const char *kind : snippetKinds)
        m_tabs->findChild<QPlainTextEdit *>(QString::fromLatin1(kind))
            ->setPlainText(snippet(QString::fromLatin1(kind)));
}

QString ConnectPage::snippet(const QString &kind) const
{
    const QString base = baseUrl();
    const QString keyName = m_key->currentData().toString();
    const QString keyNote = keyName.isEmpty()
                                ? tr("create an access key first, then set GATEHOUSE_API_KEY to it")
                                : tr("GATEHOUSE_API_KEY holds the access key \"%1\"").arg(keyName);
    QString model = QStringLiteral("my-provider:model-name");
    for (const Provider &p : m_runtime->config().providers) {
        if (p.enabled) {
            model = p.id + QLatin1Char(':') +
                    (p.models.isEmpty() ? QStringLiteral("model-name") : p.models.first());
            break;
        }
    }
    QString t;
    if (kind == QLatin1String("env")) {
        t = QStringLiteral(
            "# %1\nexport GATEHOUSE_API_KEY=...\n"
            "# Tools that read the OpenAI variables:\n"
            "export OPENAI_BASE_URL=%2/v1\nexport OPENAI_API_KEY=\"$GATEHOUSE_API_KEY\"\n"
            "# Tools that read the Anthropic variables:\n"
            "export ANTHROPIC_BASE_URL=%2\nexport ANTHROPIC_API_KEY=\"$GATEHOUSE_API_KEY\"\n");
        return t.arg(keyNote, base);
    }
    if (kind == QLatin1String("curl")) {
        t = QStringLiteral("# %1\ncurl %2/v1/chat/completions \\\n"
                           "  -H \"Authorization: Bearer $GATEHOUSE_API_KEY\" \\\n"
                           "  -H \"Content-Type: application/json\" \\\n"
                           "  -d '{\"model\": \"%3\", \"messages\": [{\"role\": \"user\", "
                           "\"content\": \"Hello\"}]}'\n");
        return t.arg(keyNote, base, model);
    }
    if (kind == QLatin1String("codex")) {
        // Codex speaks only the Responses API; it reads its key from the variable env_key
        // names.
        t = QStringLiteral("# ~/.codex/config.toml\n# %1\nmodel = \"%3\"\n"
                           "model_provider = \"gatehouse\"\n\n"
                           "[model_providers.gatehouse]\nname = \"Gatehouse\"\n"
                           "base_url = \"%2/v1\"\nwire_api = \"responses\"\n"
                           "env_key = \"GATEHOUSE_API_KEY\"\n");
        return t.arg(keyNote, base, model);
    }
    if (kind == QLatin1String("gemini-cli")) {
        // Gemini CLI speaks Google's Gemini API to the base URL in GOOGLE_GEMINI_BASE_URL, with
        // the key of GEMINI_API_KEY in x-goog-api-key.
        t = QStringLiteral(
            "# npm install -g @google/gemini-cli\n# %1\nexport GATEHOUSE_API_KEY=...\n"
            "export GOOGLE_GEMINI_BASE_URL=%2\n"
            "export GEMINI_API_KEY=\"$GATEHOUSE_API_KEY\"\n"
            "# For gemini -p, choose the API key sign-in in ~/.gemini/settings.json:\n"
            "# {\"security\": {\"auth\": {\"selectedType\": \"gemini-api-key\"}}}\n"
            "gemini -m %3\n");
        return t.arg(keyNote, base, model);
    }
    if (kind == QLatin1String("ollama")) {
        // Ollama clients send no key: they reach Gatehouse through the keyless listener, which
        // serves only Ollama's API under one key configuration.
        const OllamaApiSettings &o = m_runtime->config().gateway.ollamaApi;
        const quint16 port = o.port != 0 ? o.port : OllamaApiSettings::suggestedPort;
        const QString host = QStringLiteral("http://127.0.0.1:%1").arg(port);
        if (o.enabled) {
            t = tr("# The Ollama API without a key listens on %1, with the models and limits of "
                   "the key configuration \"%2\".\n")
                    .arg(host, o.keyConfiguration);
        } else {
            t = tr("# The Ollama API without a key is off. Turn it on in Settings, or:\n"
                   "gatehouse ollama-api enable --port %1\n")
                    .arg(port);
        }
        t += QStringLiteral(
                 "\n# Open WebUI\nexport OLLAMA_BASE_URL=%1\n"
                 "# VS Code (Copilot's Ollama models), settings.json\n"
                 "\"github.copilot.chat.byok.ollamaEndpoint\": \"%1\"\n"
                 "# JetBrains AI Assistant: Settings > Tools > AI Assistant > Models > Ollama: %1\n"
                 "# ollama-js\nimport { Ollama } from \"ollama\";\n"
                 "const ollama = new Ollama({ host: \"%1\" });\n"
                 "const reply = await ollama.chat({ model: \"%2\", messages: [{ role: \"user\", "
                 "content: \"Hello\" }] });\n\n"
                 "# On the main port the Ollama API takes an access key (%3):\n"
                 "# new Ollama({ host: \"%4\", headers: { Authorization: "
                 "`Bearer ${process.env.GATEHOUSE_API_KEY}` } })\n")
                 .arg(host, model, keyNote, base);
        return t;
    }
    if (kind == QLatin1String("python-openai")) {
        t = QStringLiteral(
            "# pip install openai\n# %1\nimport os\nfrom openai import OpenAI\n\n"
            "client = OpenAI(base_url=\"%2/v1\", api_key=os.environ[\"GATEHOUSE_API_KEY\"])\n"
            "reply = client.chat.completions.create(\n    model=\"%3\",\n"
            "    messages=[{\"role\": \"user\", \"content\": \"Hello\"}],\n)\n"
            "print(reply.choices[0].message.content)\n");
        return t.arg(keyNote, base, model);
    }
    if (kind == QLatin1String("python-anthropic")) {
        t = QStringLiteral(
            "# pip install anthropic\n# %1\nimport os\nimport anthropic\n\n"
            "client = anthropic.Anthropic(base_url=\"%2\", "
            "api_key=os.environ[\"GATEHOUSE_API_KEY\"])\n"
            "reply = client.messages.create(\n    model=\"%3\",\n    max_tokens=1024,\n"
            "    messages=[{\"role\": \"user\", \"content\": \"Hello\"}],\n)\n"
            "print(reply.content[0].text)\n");
        return t.arg(keyNote, base, model);
    }
    if (kind == QLatin1String("js-openai")) {
        t = QStringLiteral(
            "// npm install openai\n// %1\nimport OpenAI from \"openai\";\n\n"
            "const client = new OpenAI({ baseURL: \"%2/v1\", apiKey: process.env.GATEHOUSE_API_KEY "
            "});\n"
            "const reply = await client.chat.completions.create({\n  model: \"%3\",\n"
            "  messages: [{ role: \"user\", content: \"Hello\" }],\n});\n"
            "console.log(reply.choices[0].message.content);\n");
        return t.arg(keyNote, base, model);
    }
    t = QStringLiteral(
        "// npm install @anthropic-ai/sdk\n// %1\nimport Anthropic from \"@anthropic-ai/sdk\";\n\n"
        "const client = new Anthropic({ baseURL: \"%2\", apiKey: process.env.GATEHOUSE_API_KEY "
        "});\n"
        "const reply = await client.messages.create({\n  model: \"%3\",\n  max_tokens: 1024,\n"
        "  messages: [{ role: \"user\", content: \"Hello\" }],\n});\n"
        "console.log(reply.content[0].text);\n");
    return t.arg(keyNote, base, model);
}

} // namespace gatehouse
