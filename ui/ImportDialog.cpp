#include "ImportDialog.h"

#include "gateway/GatewayRuntime.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse {

ImportDialog::ImportDialog(GatewayRuntime *runtime, QWidget *parent)
    : QDialog(parent), m_runtime(runtime), m_format(new QComboBox(this)),
      m_file(new QLineEdit(this)), m_preview(new QPlainTextEdit(this)), m_result(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import from another tool"));
    m_format->setObjectName(QStringLiteral("importFormat"));
    for (ImportFormat f : Importer::formats())
        m_format->addItem(Importer::formatTitle(f), Importer::formatName(f));
    m_file->setObjectName(QStringLiteral("importFile"));
    m_file->setPlaceholderText(tr("The file to import"));
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browseButton);
    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), fileRow);

    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setPlaceholderText(
        tr("What the file adds shows here: providers, models, routes, keys for the keychain, "
           "and everything that cannot be mapped."));
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    QPushButton *importButton = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    importButton->setObjectName(QStringLiteral("importApply"));
    importButton->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);
    resize(720, 520);

    connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::preview);
    connect(m_file, &QLineEdit::editingFinished, this, &ImportDialog::preview);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(importButton, &QPushButton::clicked, this, &ImportDialog::apply);
}

void ImportDialog::choose(ImportFormat format, const QString &path)
{
    m_file->setText(path);
    const int index = m_format->findData(Importer::formatName(format));
    if (index == m_format->currentIndex())
        preview();
    else
        m_format->setCurrentIndex(index); // previews
}

void ImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose the file to import"), m_file->text(),
        tr("Configuration files (*.yaml *.yml *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_file->setText(path);
    preview();
}

void ImportDialog::preview()
{
    QPushButton *importButton = findChild<QPushButton *>(QStringLiteral("importApply"));
    importButton->setEnabled(false);
    m_result->clear();
    m_preview->clear();
    m_content.clear();
    if (m_file->text().isEmpty())
        return;
    QFile file(m_file->text());
    if (!file.open(QIODevice::ReadOnly)) {
        m_preview->setPlainText(tr("Cannot read %1: %2").arg(m_file->text(), file.errorString()));
        return;
    }
    m_content = file.read(qint64{4} * 1024 * 1024);
    const auto format = Importer::parseFormat(m_format->currentData().toString());
    const auto config = m_runtime->store().load();
    if (!format || !config) {
        m_preview->setPlainText(!format ? format.error() : config.error());
        return;
    }
    const auto plan =
        Importer::read(format.value(), m_content, config.value(), processEnvironment());
    if (!plan) {
        m_preview->setPlainText(plan.error());
        return;
    }
    m_preview->setPlainText(plan->describe());
    importButton->setEnabled(!plan->isEmpty());
}

void ImportDialog::apply()
{
    const auto format = Importer::parseFormat(m_format->currentData().toString());
    if (!format)
        return;
    // Made again under the lock, against the config as it is now. Providers are saved
    // without their keys first; once the keychain holds them, they are marked as having one.
    MigrationPlan applied;
    QString instanceId;
    const Status saved = m_runtime->store().update([&](Config &config) -> Status {
        auto plan = Importer::read(format.value(), m_content, config, processEnvironment());
        if (!plan)
            return Status::failure(plan.error());
        applied = plan.value();
        MigrationPlan withoutKeys = plan.value();
        for (Provider &p : withoutKeys.providers)
            p.hasKey = false;
        instanceId = config.instanceId;
        return withoutKeys.applyTo(config);
    });
    if (!saved) {
        m_result->setText(tr("Nothing was imported: %1").arg(saved.error()));
        return;
    }
    findChild<QPushButton *>(QStringLiteral("importApply"))->setEnabled(false);
    if (applied.keys.isEmpty()) {
        finishKeys(applied, SecretResult());
        return;
    }
    m_result->setText(tr("Storing the keys in the keychain…"));
    // The keychain may answer after the dialog is closed: the keys are stored all the same.
    applied.storeKeys(m_runtime->secrets(), instanceId,
                      [self = QPointer<ImportDialog>(this), applied](const SecretResult &r) {
                          if (self)
                              self->finishKeys(applied, r);
                      });
}

void ImportDialog::finishKeys(const MigrationPlan &plan, const SecretResult &result)
{
    if (!result.ok()) {
        m_result->setText(tr("Imported, but the keychain refused the keys: %1. Set them on the "
                             "Providers page.")
                              .arg(result.errorString));
        emit imported();
        return;
    }
    if (!plan.keys.isEmpty()) {
        const Status marked = m_runtime->store().update([&plan](Config &config) -> Status {
            for (const ImportedKey &k : plan.keys) {
                if (Provider *p = config.findProvider(k.providerId))
                    p->hasKey = true;
            }
            return {};
        });
        if (!marked) {
            m_result->setText(marked.error());
            emit imported();
            return;
        }
    }
    m_result->setText(
        tr("Imported %n provider(s) and %1 route(s).", nullptr, int(plan.providers.size()))
            .arg(plan.routes.size()));
    emit imported();
}

} // namespace gatehouse
