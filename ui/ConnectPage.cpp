#include "ConnectPage.h"

#include "gateway/GatewayRuntime.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

const char *const snippetKinds[] = {
    "env",       "curl",         "codex",      "python-openai", "python-anthropic",
    "js-openai", "js-anthropic", "gemini-cli", "ollama"};

} // namespace

ConnectPage::ConnectPage(GatewayRuntime *runtime, QWidget *parent)
    : QWidget(parent), m_runtime(runtime), m_urls(new QLabel(this)), m_key(new QComboBox(this)),
      m_tabs(new QTabWidget(this))
{
    auto *layout = new QVBoxLayout(this);
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
