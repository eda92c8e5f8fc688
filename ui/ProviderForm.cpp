#include "ProviderForm.h"

#include "config/UrlPolicy.h"
#include "discovery/ProviderProbe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>

namespace gatehouse {

ProviderForm::ProviderForm(QWidget *parent)
    : QWidget(parent), m_id(new QLineEdit(this)), m_name(new QLineEdit(this)),
      m_url(new QLineEdit(this)), m_urlProblem(new QLabel(this)), m_surfaceNote(new QLabel(this)),
      m_key(new QLineEdit(this)), m_keyNote(new QLabel(this)),
      m_anyModel(new QCheckBox(tr("Pass any model name through"), this)),
      m_models(new QListWidget(this)), m_test(new QPushButton(tr("&Test connection"), this)),
      m_testResult(new QLabel(this)), m_probe(new ProviderProbe(this))
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_id->setObjectName(QStringLiteral("providerId"));
    m_id->setAccessibleName(tr("Provider id"));
    m_id->setPlaceholderText(tr("for example my-ollama"));
    m_id->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9][a-z0-9-]{0,39}")), m_id));
    m_id->setToolTip(tr("Tools name models as id:model, for example my-ollama:llama3.2. Lower-case "
                        "letters, digits and dashes."));
    form->addRow(tr("&Id:"), m_id);

    m_name->setObjectName(QStringLiteral("providerName"));
    m_name->setAccessibleName(tr("Display name"));
    form->addRow(tr("&Name:"), m_name);

    m_url->setObjectName(QStringLiteral("providerUrl"));
    m_url->setAccessibleName(tr("Base URL"));
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:11434/v1"));
    form->addRow(tr("Base &URL:"), m_url);
    m_urlProblem->setObjectName(QStringLiteral("urlProblem"));
    m_urlProblem->setWordWrap(true);
    m_urlProblem->setTextFormat(Qt::PlainText);
    m_urlProblem->setForegroundRole(QPalette::Highlight);
    m_urlProblem->hide();
    form->addRow(QString(), m_urlProblem);

    // Every API the provider speaks: requests in one of them go to it as they are, the
    // others are translated.
    auto *surfaceRow = new QHBoxLayout;
    for (const ApiSurface surface : allApiSurfaces()) {
        auto *box = new QCheckBox(apiSurfaceTitle(surface), this);
        box->setObjectName(QStringLiteral("surface-") + apiSurfaceName(surface));
        box->setChecked(surface == ApiSurface::OpenAi);
        surfaceRow->addWidget(box);
        m_surfaces.insert(surface, box);
        connect(box, &QCheckBox::toggled, this, &ProviderForm::changed);
    }
    surfaceRow->addStretch(1);
    auto *surfaceLabel = new QLabel(tr("&APIs:"), this);
    surfaceLabel->setBuddy(m_surfaces.value(ApiSurface::OpenAi));
    form->addRow(surfaceLabel, surfaceRow);
    m_surfaceNote->setObjectName(QStringLiteral("surfaceNote"));
    m_surfaceNote->setWordWrap(true);
    m_surfaceNote->setTextFormat(Qt::PlainText);
    m_surfaceNote->hide();
    form->addRow(QString(), m_surfaceNote);

    m_key->setObjectName(QStringLiteral("providerKey"));
    m_key->setAccessibleName(tr("Provider API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setClearButtonEnabled(true);
    auto *show = m_key->addAction(QIcon(), QLineEdit::TrailingPosition);
    show->setText(tr("Show"));
    show->setCheckable(true);
    connect(show, &QAction::toggled, this,
            [this](bool on) { m_key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    form->addRow(tr("&Key:"), m_key);
    m_keyNote->setWordWrap(true);
    m_keyNote->setText(tr("Stored in the system keychain, never in a file."));
    form->addRow(QString(), m_keyNote);

    m_anyModel->setObjectName(QStringLiteral("anyModel"));
    m_anyModel->setChecked(true);
    m_anyModel->setToolTip(
        tr("Any model name is sent on, and the models the provider reports "
           "are listed to tools. Uncheck to offer only the models ticked below."));
    form->addRow(tr("Models:"), m_anyModel);
    m_models->setObjectName(QStringLiteral("providerModels"));
    m_models->setAccessibleName(tr("Models to offer"));
    m_models->setMinimumHeight(90);
    m_models->setEnabled(false);
    form->addRow(QString(), m_models);
    connect(m_anyModel, &QCheckBox::toggled, m_models, [this](bool any) {
        m_models->setEnabled(!any);
        emit changed();
    });

    auto *testRow = new QHBoxLayout;
    m_test->setObjectName(QStringLiteral("testConnection"));
    testRow->addWidget(m_test);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_testResult, 1);
    form->addRow(QString(), testRow);
    connect(m_test, &QPushButton::clicked, this, &ProviderForm::testConnection);

    for (QLineEdit *e : {m_id, m_name, m_url, m_key})
        connect(e, &QLineEdit::textChanged, this, &ProviderForm::changed);
    connect(m_url, &QLineEdit::editingFinished, this, &ProviderForm::checkUrl);
    connect(m_url, &QLineEdit::textChanged, m_urlProblem, &QWidget::hide);
    connect(m_models, &QListWidget::itemChanged, this, &ProviderForm::changed);
}

void ProviderForm::setProvider(const Provider &provider, bool editing)
{
    m_editing = editing;
    m_id->setText(provider.id);
    m_id->setReadOnly(editing);
    m_name->setText(provider.displayName);
    m_url->setText(provider.baseUrl.toString());
    m_surfaceOrder = provider.surfaces;
    for (auto it = m_surfaces.constBegin(); it != m_surfaces.constEnd(); ++it)
        it.value()->setChecked(provider.speaks(it.key()));
    m_surfaceNote->hide();
    m_anyModel->setChecked(provider.models.isEmpty());
    setKnownModels(provider.models, provider.models);
    if (editing)
        m_key->setPlaceholderText(provider.hasKey ? tr("Stored in the keychain; type to replace")
                                                  : tr("None; type one to store it"));
    m_testResult->clear();
}

void ProviderForm::setKeyRequired(bool required)
{
    m_keyRequired = required;
    if (!m_editing)
        m_key->setPlaceholderText(required ? tr("Paste your API key")
                                           : tr("Optional: most local servers need none"));
}

void ProviderForm::setKnownModels(const QStringList &models, const QStringList &checked)
{
    m_models->clear();
    for (const QString &m : models) {
        auto *item = new QListWidgetItem(m, m_models);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(m) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList ProviderForm::checkedModels() const
{
    QStringList out;
    for (int i = 0; i < m_models->count(); ++i) {
        if (m_models->item(i)->checkState() == Qt::Checked)
            out << m_models->item(i)->text();
    }
    return out;
}

bool ProviderForm::checkUrl()
{
    if (m_url->text().trimmed().isEmpty()) {
        m_urlProblem->hide();
        return false;
    }
    const auto url = UrlPolicy::checkBaseUrl(m_url->text().trimmed());
    m_urlProblem->setText(url ? QString() : url.error());
    m_urlProblem->setVisible(!url);
    return bool(url);
}

Result<Provider> ProviderForm::provider()
{
    Provider p;
    p.id = m_id->text().trimmed();
    if (auto s = Provider::validateId(p.id); !s)
        return Result<Provider>::failure(s.error());
    if (!m_editing && m_takenIds.contains(p.id))
        return Result<Provider>::failure(
            tr("A provider with the id \"%1\" exists already; pick another id.").arg(p.id));
    p.displayName = m_name->text().trimmed();
    if (m_url->text().trimmed().isEmpty())
        return Result<Provider>::failure(tr("Enter the provider's base URL."));
    const auto url = UrlPolicy::checkBaseUrl(m_url->text().trimmed());
    if (!url) {
        checkUrl();
        return Result<Provider>::failure(url.error());
    }
    p.baseUrl = url.value();
    // The provider's own order first (it decides which surface translated requests use),
    // then what was ticked since.
    p.surfaces.clear();
    for (const ApiSurface surface : m_surfaceOrder + allApiSurfaces()) {
        if (m_surfaces.value(surface)->isChecked() && !p.surfaces.contains(surface))
            p.surfaces << surface;
    }
    if (p.surfaces.isEmpty())
        return Result<Provider>::failure(tr("Tick at least one API the provider speaks."));
    if (!m_anyModel->isChecked()) {
        p.models = checkedModels();
        if (p.models.isEmpty())
            return Result<Provider>::failure(
                tr("Tick at least one model, or let any model name through."));
    }
    if (m_keyRequired && !m_editing && m_key->text().trimmed().isEmpty())
        return Result<Provider>::failure(tr("This provider needs an API key; paste it first."));
    if (auto s = p.validate(); !s)
        return Result<Provider>::failure(s.error());
    return p;
}

QByteArray ProviderForm::key() const
{
    return m_key->text().trimmed().toUtf8();
}

void ProviderForm::testConnection()
{
    // The key is not required for a test: a provider answering 401 says so clearly.
    const bool required = m_keyRequired;
    m_keyRequired = false;
    auto candidate = provider();
    m_keyRequired = required;
    if (!candidate) {
        m_testResult->setText(candidate.error());
        emit tested(false);
        return;
    }
    m_testing = true;
    m_test->setEnabled(false);
    m_testResult->setText(tr("Asking %1 for its models…")
                              .arg(ProviderProbe::modelsUrl(candidate.value()).toDisplayString()));
    auto run = [this, p = candidate.value()](const QByteArray &key) {
        m_probe->probe(p, key, [this](const ProbeResult &r) { showProbe(r); });
    };
    if (!key().isEmpty() || !m_editing || !m_storedKeyReader)
        run(key());
    else
        m_storedKeyReader(run);
}

void ProviderForm::showProbe(const ProbeResult &result)
{
    m_testing = false;
    m_test->setEnabled(true);
    if (!result.ok) {
        m_testResult->setText(tr("Failed: %1").arg(result.error));
        emit tested(false);
        return;
    }
    m_testResult->setText(result.models.isEmpty() ? tr("Connected. The provider lists no models.")
                                                  : tr("Connected. %n model(s) available.", nullptr,
                                                       static_cast<int>(result.models.size())));
    QStringList checked = checkedModels();
    QStringList all = result.models;
    for (int i = 0; i < m_models->count(); ++i) {
        if (!all.contains(m_models->item(i)->text()))
            all << m_models->item(i)->text();
    }
    setKnownModels(all, checked);
    if (result.servesResponses && !m_surfaces.value(ApiSurface::Responses)->isChecked()) {
        m_surfaces.value(ApiSurface::Responses)->setChecked(true);
        m_surfaceNote->setText(tr("The server also answers the OpenAI Responses API, so Codex and "
                                  "other Responses clients reach it without translation."));
        m_surfaceNote->show();
    }
    emit tested(true);
}

} // namespace gatehouse
