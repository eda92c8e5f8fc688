#include "AddProviderWizard.h"

#include "KeychainAdvice.h"
#include "ProviderForm.h"
#include "catalog/Catalog.h"
#include "config/ConfigStore.h"
#include "config/ProviderCredentials.h"
#include "discovery/OllamaPull.h"
#include "secrets/SecretStore.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

// Step 1: where does the model run?
class KindWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    QRadioButton *local;
    QRadioButton *cloud;

    explicit KindWizardPage(QWidget *parent = nullptr)
        : QWizardPage(parent),
          local(new QRadioButton(tr("A model running on this &machine or my network"), this)),
          cloud(new QRadioButton(tr("A &cloud provider (OpenAI, Anthropic, Gemini, …)"), this))
    {
        setTitle(tr("Where does the model run?"));
        setSubTitle(tr("Gatehouse can look for model servers on this machine, or set up a cloud "
                       "provider you have a key for."));
        local->setObjectName(QStringLiteral("kindLocal"));
        cloud->setObjectName(QStringLiteral("kindCloud"));
        local->setChecked(true);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(local);
        auto *localNote = new QLabel(
            tr("Ollama, LM Studio, vLLM, llama.cpp server, LocalAI, Jan, GPT4All, or any "
               "OpenAI- or Anthropic-compatible server you run."),
            this);
        localNote->setWordWrap(true);
        localNote->setContentsMargins(24, 0, 0, 8);
        layout->addWidget(localNote);
        layout->addWidget(cloud);
        auto *cloudNote =
            new QLabel(tr("You paste an API key; it goes to the system keychain."), this);
        cloudNote->setWordWrap(true);
        cloudNote->setContentsMargins(24, 0, 0, 0);
        layout->addWidget(cloudNote);
        layout->addStretch();
    }

    int nextId() const override
    {
        return local->isChecked() ? AddProviderWizard::LocalPage : AddProviderWizard::CloudPage;
    }
};

// The models of the Ollama server picked on the local page, with what Ollama's native API
// tells about them, and a way to pull another one.
class OllamaModelsPanel : public QWidget
{
    Q_OBJECT
public:
    QTreeWidget *models;
    QLabel *note;
    QRadioButton *native;
    QRadioButton *compatible;
    QLineEdit *pullName;
    QPushButton *pullButton;
    QPushButton *cancelButton;
    QProgressBar *progress;
    QLabel *pullStatus;
    OllamaPull *pull;
    QUrl root;

    explicit OllamaModelsPanel(QWidget *parent = nullptr)
        : QWidget(parent), models(new QTreeWidget(this)), note(new QLabel(this)),
          native(new QRadioButton(tr("Add it by Ollama's own API: model details reach your tools, "
                                     "and Ollama's options pass through"),
                                  this)),
          compatible(new QRadioButton(tr("Add it by its OpenAI-compatible API (/v1)"), this)),
          pullName(new QLineEdit(this)), pullButton(new QPushButton(tr("&Pull"), this)),
          cancelButton(new QPushButton(tr("Cancel pull"), this)), progress(new QProgressBar(this)),
          pullStatus(new QLabel(this)), pull(new OllamaPull(this))
    {
        models->setObjectName(QStringLiteral("ollamaModels"));
        models->setAccessibleName(tr("Models on this Ollama server"));
        models->setHeaderLabels({tr("Model"), tr("Size · parameters · quantization · context")});
        models->setRootIsDecorated(false);
        models->setAlternatingRowColors(true);
        models->setSelectionMode(QAbstractItemView::NoSelection);
        note->setObjectName(QStringLiteral("ollamaNote"));
        note->setWordWrap(true);
        note->setTextFormat(Qt::PlainText);
        native->setObjectName(QStringLiteral("ollamaNative"));
        compatible->setObjectName(QStringLiteral("ollamaCompatible"));
        native->setChecked(true);
        pullName->setObjectName(QStringLiteral("pullName"));
        pullName->setAccessibleName(tr("Model to pull"));
        pullName->setPlaceholderText(tr("for example llama3.2 or qwen2.5-coder:7b"));
        pullButton->setObjectName(QStringLiteral("pullButton"));
        pullButton->setEnabled(false);
        cancelButton->setObjectName(QStringLiteral("cancelPull"));
        cancelButton->hide();
        progress->setObjectName(QStringLiteral("pullProgress"));
        progress->setRange(0, 100);
        progress->setTextVisible(false); // the line below says it in words
        progress->hide();
        pullStatus->setObjectName(QStringLiteral("pullStatus"));
        pullStatus->setWordWrap(true);
        pullStatus->setTextFormat(Qt::PlainText);

        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *title = new QLabel(tr("Models on this Ollama server:"), this);
        title->setBuddy(models);
        layout->addWidget(title);
        layout->addWidget(models, 1);
        layout->addWidget(note);
        layout->addWidget(native);
        layout->addWidget(compatible);
        auto *pullRow = new QHBoxLayout;
        auto *pullLabel = new QLabel(tr("Pull a &model:"), this);
        pullLabel->setBuddy(pullName);
        pullRow->addWidget(pullLabel);
        pullRow->addWidget(pullName, 1);
        pullRow->addWidget(pullButton);
        pullRow->addWidget(cancelButton);
        layout->addLayout(pullRow);
        layout->addWidget(progress);
        layout->addWidget(pullStatus);

        connect(pullName, &QLineEdit::textChanged, this, [this](const QString &text) {
            pullButton->setEnabled(!pull->isRunning() && !text.trimmed().isEmpty());
        });
        // Enter in the name field pulls; it must not also press the wizard's Next.
        pullName->installEventFilter(this);
        connect(pullButton, &QPushButton::clicked, this, [this] { startPull(); });
        connect(cancelButton, &QPushButton::clicked, pull, &OllamaPull::cancel);
        connect(pull, &OllamaPull::progress, this, [this](const OllamaPullProgress &p) {
            const int percent = p.percent();
            if (percent < 0) {
                progress->setRange(0, 0); // busy: no size known yet
            } else {
                progress->setRange(0, 100);
                progress->setValue(percent);
            }
            pullStatus->setText(tr("%1 — %2").arg(pull->model(), p.describe()));
        });
        connect(pull, &OllamaPull::finished, this,
                [this](OllamaPull::Outcome outcome, const QString &error) {
                    pullButton->setEnabled(!pullName->text().trimmed().isEmpty());
                    pullName->setEnabled(true);
                    cancelButton->hide();
                    progress->hide();
                    switch (outcome) {
                    case OllamaPull::Outcome::Succeeded:
                        pullStatus->setText(tr("Pulled %1.").arg(pull->model()));
                        pullName->clear();
                        emit pulled();
                        break;
                    case OllamaPull::Outcome::Failed:
                        pullStatus->setText(error);
                        break;
                    case OllamaPull::Outcome::Cancelled:
                        pullStatus->setText(tr("The pull of %1 was cancelled.").arg(pull->model()));
                        break;
                    }
                });
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == pullName && event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                if (pullButton->isEnabled())
                    startPull();
                return true;
            }
        }
        return QWidget::eventFilter(watched, event);
    }

    void showModels(const OllamaInventory &inventory)
    {
        models->clear();
        for (const OllamaModel &m : inventory.models) {
            auto *item = new QTreeWidgetItem(models, {m.name, m.summary()});
            QStringList tip{m.name};
            if (!m.family.isEmpty())
                tip << tr("Family: %1").arg(m.family);
            if (m.loaded) {
                tip << (m.vramBytes > 0 ? tr("Loaded now, %1 in GPU memory")
                                              .arg(OllamaModel::formatSize(m.vramBytes))
                                        : tr("Loaded now"));
                if (m.expiresAt.isValid())
                    tip << tr("Unloads at %1")
                               .arg(QLocale().toString(m.expiresAt.toLocalTime().time(),
                                                       QLocale::ShortFormat));
            }
            item->setToolTip(0, tip.join(QLatin1Char('\n')));
            item->setToolTip(1, tip.join(QLatin1Char('\n')));
        }
        models->resizeColumnToContents(0);
        note->setText(inventory.models.isEmpty()
                          ? tr("This server has no models yet; pull one below.")
                      : inventory.withoutDetails > 0
                          ? tr("The context length and capabilities of %n model(s) were not "
                               "read, to keep the scan short.",
                               nullptr, inventory.withoutDetails)
                          : QString());
        note->setVisible(!note->text().isEmpty());
    }

    void startPull()
    {
        const QString name = pullName->text().trimmed();
        const Status started = pull->start(root, name);
        if (!started) {
            pullStatus->setText(started.error());
            return;
        }
        pullButton->setEnabled(false);
        pullName->setEnabled(false);
        cancelButton->show();
        progress->setRange(0, 0);
        progress->show();
        pullStatus->setText(tr("Asking Ollama for %1…").arg(name));
    }

signals:
    void pulled();
};

// Step 2a: which server on this machine?
class LocalWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    LocalScanner *scanner;
    QList<LocalScanner::Candidate> candidates = LocalScanner::wellKnown();
    QList<LocalScanner::Found> found;
    QLabel *status;
    QListWidget *list;
    QPushButton *rescan;
    OllamaModelsPanel *ollama;
    QLineEdit *otherUrl;
    QUrl reselect; // the server to pick again once a new scan is back

    explicit LocalWizardPage(QWidget *parent = nullptr)
        : QWizardPage(parent), scanner(new LocalScanner(this)), status(new QLabel(this)),
          list(new QListWidget(this)), rescan(new QPushButton(tr("Scan &again"), this)),
          ollama(new OllamaModelsPanel(this)), otherUrl(new QLineEdit(this))
    {
        setTitle(tr("Model servers on this machine"));
        setSubTitle(tr("Servers found at their usual ports. Pick one, or type the address of "
                       "another server."));
        list->setObjectName(QStringLiteral("foundServers"));
        list->setAccessibleName(tr("Servers found"));
        otherUrl->setObjectName(QStringLiteral("otherUrl"));
        otherUrl->setAccessibleName(tr("Other server URL"));
        otherUrl->setPlaceholderText(tr("http://192.168.1.20:11434/v1"));
        status->setObjectName(QStringLiteral("scanStatus"));
        status->setWordWrap(true);
        rescan->setObjectName(QStringLiteral("rescan"));
        ollama->hide();
        auto *layout = new QVBoxLayout(this);
        auto *top = new QHBoxLayout;
        top->addWidget(status, 1);
        top->addWidget(rescan);
        layout->addLayout(top);
        layout->addWidget(list, 1);
        layout->addWidget(ollama, 2);
        layout->addSpacing(6);
        auto *otherLabel = new QLabel(tr("&Other server URL:"), this);
        otherLabel->setBuddy(otherUrl);
        layout->addWidget(otherLabel);
        layout->addWidget(otherUrl);
        connect(rescan, &QPushButton::clicked, this, [this] { startScan(); });
        connect(scanner, &LocalScanner::finished, this, [this](const auto &f) { showFound(f); });
        connect(list, &QListWidget::currentRowChanged, this, [this](int row) {
            if (row >= 0)
                otherUrl->clear();
            showOllama(row);
            emit completeChanged();
        });
        connect(otherUrl, &QLineEdit::textChanged, this, [this](const QString &text) {
            if (!text.isEmpty())
                list->setCurrentRow(-1);
            emit completeChanged();
        });
        // A pulled model is listed at once: the server is read again.
        connect(ollama, &OllamaModelsPanel::pulled, this, [this] { startScan(); });
    }

    void initializePage() override
    {
        if (found.isEmpty() && !scanner->isScanning())
            startScan();
    }

    void startScan()
    {
        const int row = list->currentRow();
        if (row >= 0 && row < found.size())
            reselect = found[row].candidate.baseUrl;
        list->clear();
        found.clear();
        status->setText(tr("Looking for model servers…"));
        rescan->setEnabled(false);
        scanner->scan(candidates);
        emit completeChanged();
    }

    void showOllama(int row)
    {
        const bool isOllama = row >= 0 && row < found.size() && found[row].isOllama();
        // A pull that runs on keeps its panel, so that it can be followed and cancelled.
        if (!isOllama && !ollama->pull->isRunning()) {
            ollama->hide();
            return;
        }
        if (!isOllama)
            return;
        if (!ollama->pull->isRunning())
            ollama->root = OllamaApi::rootOf(found[row].candidate.baseUrl);
        ollama->showModels(found[row].ollama);
        ollama->show();
    }

    void showFound(const QList<LocalScanner::Found> &result)
    {
        found = result;
        rescan->setEnabled(true);
        list->clear();
        for (const auto &f : result) {
            const QString models =
                f.models.isEmpty()
                    ? tr("no models loaded")
                    : tr("%n model(s): %1", nullptr, static_cast<int>(f.models.size()))
                          .arg(QStringList(f.models.mid(0, 4)).join(QLatin1String(", ")) +
                               (f.models.size() > 4 ? QStringLiteral(", …") : QString()));
            auto *item = new QListWidgetItem(
                QStringLiteral("%1 — %2\n%3")
                    .arg(f.candidate.server, f.candidate.baseUrl.toString(), models),
                list);
            item->setToolTip(f.models.join(QLatin1Char('\n')));
        }
        status->setText(result.isEmpty()
                            ? tr("No model server answered at the usual ports. Start one, then "
                                 "scan again, or type its URL below.")
                            : tr("Found %n server(s).", nullptr, static_cast<int>(result.size())));
        int pick = result.isEmpty() ? -1 : 0;
        for (int i = 0; i < result.size(); ++i) {
            if (result[i].candidate.baseUrl == reselect)
                pick = i;
        }
        reselect.clear();
        if (pick >= 0 && otherUrl->text().isEmpty())
            list->setCurrentRow(pick);
        showOllama(list->currentRow());
        emit completeChanged();
    }

    bool isComplete() const override
    {
        return list->currentRow() >= 0 || !otherUrl->text().trimmed().isEmpty();
    }

    int nextId() const override { return AddProviderWizard::DetailsPage; }
};

// Step 2b: which cloud provider?
class CloudWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    QListWidget *list;
    QTreeWidget *models;
    QLabel *keyLink;

    explicit CloudWizardPage(QWidget *parent = nullptr)
        : QWizardPage(parent), list(new QListWidget(this)), models(new QTreeWidget(this)),
          keyLink(new QLabel(this))
    {
        setTitle(tr("Cloud provider"));
        setSubTitle(tr("Pick the provider you have an API key for."));
        list->setObjectName(QStringLiteral("cloudProviders"));
        list->setAccessibleName(tr("Cloud providers"));
        for (const CatalogProvider &p : Catalog::builtIn().providers()) {
            auto *item = new QListWidgetItem(
                QStringLiteral("%1 — %2").arg(p.name, p.baseUrl.toString()), list);
            item->setData(Qt::UserRole, p.id);
        }
        auto *other = new QListWidgetItem(
            tr("Another OpenAI- or Anthropic-compatible API (enter its URL)"), list);
        other->setData(Qt::UserRole, QString());
        keyLink->setOpenExternalLinks(true);
        keyLink->setTextFormat(Qt::RichText);
        models->setObjectName(QStringLiteral("catalogModels"));
        models->setAccessibleName(tr("Models in the catalog"));
        models->setHeaderLabels({tr("Model"), tr("Context"), tr("Can"), tr("$ in / out per M")});
        models->setRootIsDecorated(false);
        models->setAlternatingRowColors(true);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(list, 1);
        auto *modelsLabel = new QLabel(tr("Main models, from Gatehouse's catalog:"), this);
        layout->addWidget(modelsLabel);
        layout->addWidget(models, 1);
        layout->addWidget(keyLink);
        connect(list, &QListWidget::currentRowChanged, this, [this] {
            const CatalogProvider *p = selected();
            models->clear();
            if (p) {
                const QLocale locale;
                for (const CatalogModel &m : p->models) {
                    QStringList can;
                    if (m.tools)
                        can << tr("tools");
                    if (m.vision)
                        can << tr("vision");
                    if (m.reasoning)
                        can << tr("reasoning");
                    new QTreeWidgetItem(
                        models, {m.id,
                                 m.contextWindow >= 1000 ? tr("%1k").arg(m.contextWindow / 1000)
                                                         : QString::number(m.contextWindow),
                                 can.join(QLatin1String(", ")),
                                 m.hasPrice() ? QStringLiteral("%1 / %2").arg(
                                                    locale.toString(m.inputPrice, 'f', 2),
                                                    locale.toString(m.outputPrice, 'f', 2))
                                              : QString()});
                }
                for (int c = 0; c < 3; ++c)
                    models->resizeColumnToContents(c);
            }
            keyLink->setText(p && p->keyUrl.isValid()
                                 ? tr("Get a key at <a href=\"%1\">%1</a>")
                                       .arg(p->keyUrl.toString().toHtmlEscaped())
                                 : QString());
            emit completeChanged();
        });
    }

    const CatalogProvider *selected() const
    {
        const QListWidgetItem *item = list->currentItem();
        return item ? Catalog::builtIn().provider(item->data(Qt::UserRole).toString()) : nullptr;
    }
    bool isComplete() const override { return list->currentItem() != nullptr; }
    int nextId() const override { return AddProviderWizard::DetailsPage; }
};

// Step 3: details, test, save.
class DetailsWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    ProviderForm *form;
    QLabel *problem;

    explicit DetailsWizardPage(QWidget *parent = nullptr)
        : QWizardPage(parent), form(new ProviderForm(this)), problem(new QLabel(this))
    {
        setTitle(tr("Provider details"));
        setSubTitle(tr("Check the details and test the connection, then finish to save."));
        problem->setObjectName(QStringLiteral("detailsProblem"));
        problem->setWordWrap(true);
        problem->setTextFormat(Qt::PlainText);
        problem->hide();
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(form, 1);
        layout->addWidget(problem);
        connect(form, &ProviderForm::changed, problem, &QWidget::hide);
        setFinalPage(true);
    }

    bool validatePage() override
    {
        auto p = form->provider();
        problem->setText(p ? QString() : p.error());
        problem->setVisible(!p);
        return bool(p);
    }
    int nextId() const override { return -1; }
};

} // namespace

class AddProviderWizard::Impl
{
public:
    ConfigStore store{QString()};
    QPointer<SecretStore> secrets;
    KindWizardPage *kind = nullptr;
    LocalWizardPage *local = nullptr;
    CloudWizardPage *cloud = nullptr;
    DetailsWizardPage *details = nullptr;
    QStringList takenIds;
    bool saving = false;
};

AddProviderWizard::AddProviderWizard(const ConfigStore &store, SecretStore *secrets,
                                     QWidget *parent)
    : QWizard(parent), d(new Impl)
{
    d->store = store;
    d->secrets = secrets;
    setWindowTitle(tr("Add a provider"));
    setObjectName(QStringLiteral("addProviderWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    d->kind = new KindWizardPage(this);
    d->local = new LocalWizardPage(this);
    d->cloud = new CloudWizardPage(this);
    d->details = new DetailsWizardPage(this);
    setPage(KindPage, d->kind);
    setPage(LocalPage, d->local);
    setPage(CloudPage, d->cloud);
    setPage(DetailsPage, d->details);
    setStartId(KindPage);
    resize(680, 660);

    if (const auto config = store.load()) {
        for (const Provider &p : config->providers)
            d->takenIds << p.id;
    }
    d->details->form->setTakenIds(d->takenIds);

    // Entering the details page pre-fills it from the choice made before.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id != DetailsPage)
            return;
        ProviderForm *form = d->details->form;
        Provider p;
        QStringList models;
        if (!d->kind->cloud->isChecked()) {
            const int row = d->local->list->currentRow();
            if (row >= 0 && row < d->local->found.size()) {
                const auto &f = d->local->found[row];
                // Ollama by its own API, at the server's root, unless the person chose the
                // OpenAI-compatible one.
                const bool native = d->local->ollama->native->isChecked();
                p = LocalScanner::providerFor(f, native, d->takenIds);
                models = LocalScanner::modelsOf(f, native);
            } else {
                p.baseUrl = QUrl(d->local->otherUrl->text().trimmed());
            }
            form->setKeyRequired(false);
        } else if (const CatalogProvider *c = d->cloud->selected()) {
            p.id = LocalScanner::uniqueId(c->id, d->takenIds);
            p.displayName = c->name;
            p.baseUrl = c->baseUrl;
            p.surfaces = c->surfaces;
            form->setKeyRequired(true);
            for (const CatalogModel &m : c->models)
                models << m.id;
        } else {
            form->setKeyRequired(true);
        }
        form->setProvider(p, false);
        form->setKnownModels(models, {});
        form->setKeyRequired(d->kind->cloud->isChecked());
        if (!p.baseUrl.isEmpty())
            form->checkUrl(); // a refused URL shows its reason at once
    });
}

AddProviderWizard::~AddProviderWizard()
{
    delete d;
}

void AddProviderWizard::setScanCandidates(const QList<LocalScanner::Candidate> &candidates)
{
    d->local->candidates = candidates;
}

void AddProviderWizard::startWithCloud()
{
    d->kind->cloud->setChecked(true);
    if (currentId() == KindPage)
        next();
}

ProviderForm *AddProviderWizard::form() const
{
    return d->details->form;
}

void AddProviderWizard::showProblem(const QString &message)
{
    m_lastError = message;
    d->details->problem->setText(message);
    d->details->problem->show();
}

void AddProviderWizard::accept()
{
    if (d->saving)
        return;
    auto provider = d->details->form->provider();
    if (!provider) {
        showProblem(provider.error());
        return;
    }
    const QByteArray key = d->details->form->key();
    auto config = d->store.load();
    if (!config) {
        showProblem(config.error());
        return;
    }
    Provider p = provider.value();
    p.hasKey = !key.isEmpty();
    // Credentials typed into the URL (?key=…) go to the keychain, never the file.
    QList<ProviderCredentials::Entry> credentials;
    p.baseUrl = QUrl(ProviderCredentials::takeFromUrl(p.baseUrl.toString(), credentials));
    ProviderCredentials::recordNames(p, credentials);
    auto saveConfig = [this, p] {
        const Status s = d->store.update([&p](Config &c) {
            if (c.findProvider(p.id))
                return Status::failure(
                    tr("A provider with the id \"%1\" exists already; pick another id.").arg(p.id));
            c.providers.append(p);
            return Status{};
        });
        d->saving = false;
        button(QWizard::FinishButton)->setEnabled(true);
        if (!s) {
            showProblem(s.error());
            return;
        }
        m_savedId = p.id;
        emit providerSaved(p.id);
        QWizard::accept();
    };
    // The credentials first: when the keychain refuses them, nothing is written.
    auto save = [this, p, credentials, saveConfig, instanceId = config->instanceId] {
        if (credentials.isEmpty()) {
            saveConfig();
            return;
        }
        d->saving = true;
        button(QWizard::FinishButton)->setEnabled(false);
        ProviderCredentials::store(d->secrets, instanceId, p.id, credentials,
                                   [this, saveConfig](const SecretResult &r) {
                                       if (r.ok()) {
                                           saveConfig();
                                           return;
                                       }
                                       d->saving = false;
                                       button(QWizard::FinishButton)->setEnabled(true);
                                       showProblem(keychainAdvice(r));
                                   });
    };
    if (key.isEmpty()) {
        save();
        return;
    }
    d->saving = true;
    button(QWizard::FinishButton)->setEnabled(false);
    d->secrets->write(SecretStore::providerKeyName(config->instanceId, p.id), key,
                      [this, save](const SecretResult &r) {
                          if (r.ok()) {
                              save();
                              return;
                          }
                          d->saving = false;
                          button(QWizard::FinishButton)->setEnabled(true);
                          showProblem(keychainAdvice(r));
                      });
}

} // namespace gatehouse

#include "AddProviderWizard.moc"
