#include "WelcomeDialog.h"

#include "discovery/ModelFacts.h"
#include "gateway/GatewayRuntime.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    label->setFont(f);
    return label;
}

QLabel *paragraph(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

// "llama3.2:3b (2.0 GB · 3B · Q4_K_M)": a found model with what its server told.
QString modelLine(const LocalScanner::Found &found, const QString &name)
{
    for (const OllamaModel &m : found.ollama.models) {
        if (m.name == name) {
            const QString summary = ModelFacts::fromOllama(m).summary();
            return summary.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, summary);
        }
    }
    return name;
}

} // namespace

WelcomeDialog::WelcomeDialog(GatewayRuntime *runtime, QWidget *parent)
    : QDialog(parent), m_runtime(runtime), m_scanner(new LocalScanner(this)),
      m_steps(new QStackedWidget(this)), m_status(new QLabel(this)), m_found(new QListWidget(this)),
      m_add(new QPushButton(tr("&Add selected"), this)), m_skip(new QPushButton(tr("&Skip"), this)),
      m_cloud(new QPushButton(tr("Add a &cloud provider…"), this)), m_problem(new QLabel(this)),
      m_tools(new QLabel(this)), m_connect(new QPushButton(tr("&Connect your tools…"), this)),
      m_later(new QPushButton(tr("&Not now"), this))
{
    setObjectName(QStringLiteral("welcome"));
    setWindowTitle(tr("Welcome to Gatehouse"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);

    // Step 1: models.
    auto *models = new QWidget(m_steps);
    auto *ml = new QVBoxLayout(models);
    ml->setContentsMargins(0, 0, 0, 0);
    ml->addWidget(heading(tr("Welcome to Gatehouse"), models));
    ml->addWidget(paragraph(
        tr("Gatehouse gives your coding tools one address on this machine for the models you "
           "run yourself and the cloud providers you pay for. Start by adding a model."),
        models));
    m_status->setObjectName(QStringLiteral("welcomeScanStatus"));
    m_status->setWordWrap(true);
    ml->addWidget(m_status);
    m_found->setObjectName(QStringLiteral("welcomeFound"));
    m_found->setAccessibleName(tr("Model servers found on this machine"));
    m_found->setAlternatingRowColors(true);
    ml->addWidget(m_found, 1);
    m_problem->setObjectName(QStringLiteral("welcomeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setFrameShape(QFrame::StyledPanel);
    m_problem->setMargin(8);
    m_problem->hide();
    ml->addWidget(m_problem);
    auto *mb = new QHBoxLayout;
    m_cloud->setObjectName(QStringLiteral("welcomeCloud"));
    m_skip->setObjectName(QStringLiteral("welcomeSkip"));
    m_add->setObjectName(QStringLiteral("welcomeAdd"));
    m_add->setDefault(true);
    m_add->setEnabled(false);
    mb->addWidget(m_cloud);
    mb->addStretch();
    mb->addWidget(m_skip);
    mb->addWidget(m_add);
    ml->addLayout(mb);
    m_steps->addWidget(models);

    // Step 2: tools.
    auto *tools = new QWidget(m_steps);
    auto *tl = new QVBoxLayout(tools);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addWidget(heading(tr("Connect your tools"), tools));
    tl->addWidget(paragraph(
        tr("Gatehouse can point Claude Code, Codex CLI, opencode, Gemini CLI, Qwen Code and "
           "Continue at itself by editing their own settings files, each with an access key of "
           "its own. Everything else in those files stays as it is, and Disconnect undoes it."),
        tools));
    m_tools->setObjectName(QStringLiteral("welcomeTools"));
    m_tools->setWordWrap(true);
    tl->addWidget(m_tools);
    tl->addStretch();
    auto *tb = new QHBoxLayout;
    m_later->setObjectName(QStringLiteral("welcomeLater"));
    m_connect->setObjectName(QStringLiteral("welcomeConnect"));
    tb->addStretch();
    tb->addWidget(m_later);
    tb->addWidget(m_connect);
    tl->addLayout(tb);
    m_steps->addWidget(tools);
    setInstalledTools({});

    connect(m_scanner, &LocalScanner::finished, this, &WelcomeDialog::showFound);
    connect(m_found, &QListWidget::itemChanged, this, [this] {
        bool any = false;
        for (int i = 0; i < m_found->count(); ++i)
            any = any || m_found->item(i)->checkState() == Qt::Checked;
        m_add->setEnabled(any);
    });
    connect(m_add, &QPushButton::clicked, this, &WelcomeDialog::addChecked);
    connect(m_skip, &QPushButton::clicked, this, &WelcomeDialog::showToolsStep);
    connect(m_cloud, &QPushButton::clicked, this, [this] {
        emit cloudProviderWanted();
        showToolsStep();
    });
    connect(m_later, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        emit connectToolsWanted();
        accept();
    });
    resize(580, 380);
}

void WelcomeDialog::start(const QList<LocalScanner::Candidate> &candidates)
{
    m_status->setText(tr("Looking for model servers on this machine…"));
    m_found->clear();
    m_results.clear();
    m_add->setEnabled(false);
    m_scanner->scan(candidates);
}

void WelcomeDialog::showFound(const QList<LocalScanner::Found> &found)
{
    m_results = found;
    m_found->clear();
    if (found.isEmpty()) {
        m_status->setText(tr("No model server answered on this machine (Ollama, LM Studio, "
                             "vLLM, llama.cpp, LocalAI, Jan, GPT4All at their usual ports). "
                             "Add a cloud provider, or skip and add one later from the "
                             "Providers page."));
        m_found->hide();
        m_cloud->setDefault(true);
        return;
    }
    m_status->setText(tr("Found on this machine; add what you want to use:"));
    m_found->show();
    const QSignalBlocker block(m_found);
    for (const LocalScanner::Found &f : found) {
        const QStringList models = LocalScanner::modelsOf(f, /*ollamaNative=*/true);
        const QString text = models.isEmpty()
                                 ? tr("%1 on this machine (%2), with no model yet: add it?")
                                       .arg(f.candidate.server, f.candidate.baseUrl.authority())
                                 : tr("%1 on this machine (%2) with %n model(s): add it?", nullptr,
                                      static_cast<int>(models.size()))
                                       .arg(f.candidate.server, f.candidate.baseUrl.authority());
        QString names = QStringList(models.mid(0, 4)).join(QStringLiteral(", "));
        if (models.size() > 4)
            names += QStringLiteral(", …");
        auto *item = new QListWidgetItem(
            names.isEmpty() ? text : text + QStringLiteral("\n    ") + names, m_found);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        QStringList lines;
        for (const QString &m : models)
            lines << modelLine(f, m);
        item->setToolTip(lines.join(QLatin1Char('\n')));
    }
    m_add->setEnabled(true);
}

void WelcomeDialog::addChecked()
{
    QList<Provider> toAdd;
    const Config current = m_runtime->config();
    QStringList taken;
    for (const Provider &p : current.providers)
        taken << p.id;
    for (int i = 0; i < m_found->count() && i < m_results.size(); ++i) {
        if (m_found->item(i)->checkState() != Qt::Checked)
            continue;
        Provider p = LocalScanner::providerFor(m_results[i], /*ollamaNative=*/true, taken);
        taken << p.id;
        toAdd << p;
    }
    if (toAdd.isEmpty())
        return;
    const Status saved = m_runtime->store().update([&toAdd](Config &c) {
        QStringList ids;
        for (const Provider &p : c.providers)
            ids << p.id;
        for (Provider &p : toAdd) {
            // Another writer may have taken the id since: keep the ids unique.
            p.id = LocalScanner::uniqueId(p.id, ids);
            ids << p.id;
            c.providers.append(p);
        }
        return Status{};
    });
    if (!saved) {
        m_problem->setText(tr("Could not add: %1").arg(saved.error()));
        m_problem->show();
        return;
    }
    for (const Provider &p : toAdd)
        m_added << p.id;
    showToolsStep();
}

void WelcomeDialog::showToolsStep()
{
    m_problem->hide();
    m_steps->setCurrentIndex(ToolsStep);
    m_connect->setDefault(true);
    m_connect->setFocus();
}

int WelcomeDialog::step() const
{
    return m_steps->currentIndex();
}

void WelcomeDialog::setInstalledTools(const QStringList &names)
{
    m_tools->setText(names.isEmpty()
                         ? tr("None of these tools was found on this machine yet; the Connect "
                              "page also shows how to point any other tool or SDK here.")
                         : tr("Found on this machine: %1.").arg(names.join(QStringLiteral(", "))));
}

} // namespace gatehouse
