#include "ExportDialog.h"

#include "Confirm.h"
#include "gateway/GatewayRuntime.h"
#include "secrets/SecretStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>
#include <memory>

namespace gatehouse {

namespace {

Status writePrivately(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(content) != content.size() || !file.commit())
        return Status::failure(file.errorString());
    return {};
}

} // namespace

ExportDialog::ExportDialog(GatewayRuntime *runtime, QWidget *parent)
    : QDialog(parent), m_runtime(runtime), m_format(new QComboBox(this)),
      m_route(new QComboBox(this)), m_withKeys(new QCheckBox(this)),
      m_preview(new QPlainTextEdit(this)), m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export for a team gateway"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    for (ExportFormat f : Exporter::formats())
        m_format->addItem(Exporter::formatTitle(f), Exporter::formatName(f));
    m_route->setObjectName(QStringLiteral("exportRoute"));
    m_route->addItem(tr("All routes"), QString());
    if (const auto config = runtime->store().load()) {
        for (const RouteRule &r : config->routes)
            m_route->addItem(r.name, r.name);
    }
    m_withKeys->setObjectName(QStringLiteral("exportWithKeys"));
    m_withKeys->setText(tr("Include the provider keys in clear text"));
    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Route:"), m_route);
    form->addRow(QString(), m_withKeys);
    auto *note = new QLabel(tr("Without the keys, the export names an environment variable or "
                               "a secret for each provider's key."),
                            this);
    note->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_result->setObjectName(QStringLiteral("exportResult"));
    m_result->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("Save…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("exportSave"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(new QLabel(tr("Preview (without keys):"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    resize(760, 560);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::preview);
    connect(m_route, &QComboBox::currentIndexChanged, this, &ExportDialog::preview);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the export"));
        if (!path.isEmpty())
            saveTo(path);
    });
    preview();
}

void ExportDialog::preview()
{
    const auto format = Exporter::parseFormat(m_format->currentData().toString());
    const auto config = m_runtime->store().load();
    if (!format || !config) {
        m_preview->setPlainText(!format ? format.error() : config.error());
        return;
    }
    const auto result =
        Exporter::write(format.value(), config.value(), m_route->currentData().toString());
    m_preview->setPlainText(result ? QString::fromUtf8(result->main + result->keyRequests)
                                   : result.error());
}

void ExportDialog::saveTo(const QString &path)
{
    if (!m_withKeys->isChecked()) {
        write(path, {});
        return;
    }
    askToConfirm(this, QStringLiteral("exportKeysWarning"), QMessageBox::Warning,
                 tr("Export the keys?"),
                 tr("The file will hold your provider keys in clear text. Anyone who reads it "
                    "can use your accounts. Keep it private and delete it once it is used."),
                 tr("Export with keys"), [this, path] { readKeysThenWrite(path); });
}

void ExportDialog::readKeysThenWrite(const QString &path)
{
    const auto config = m_runtime->store().load();
    if (!config) {
        m_result->setText(config.error());
        return;
    }
    struct State
    {
        QStringList providers;
        QHash<QString, QByteArray> keys;
    };
    auto state = std::make_shared<State>();
    for (const Provider &p : config->providers) {
        if (p.hasKey)
            state->providers << p.id;
    }
    const QString instanceId = config->instanceId;
    auto next = std::make_shared<std::function<void()>>();
    *next = [self = QPointer<ExportDialog>(this), state, next, instanceId, path] {
        if (!self) { // closed meanwhile: nothing is written
            *next = nullptr;
            return;
        }
        if (state->providers.isEmpty()) {
            self->write(path, state->keys);
            for (QByteArray &k : state->keys)
                k.fill('\0');
            *next = nullptr; // ends the cycle next -> closure -> next
            return;
        }
        const QString id = state->providers.takeFirst();
        self->m_runtime->secrets()->read(
            SecretStore::providerKeyName(instanceId, id),
            [self, state, next, id](const SecretResult &r) {
                if (!r.ok()) {
                    if (self)
                        self->m_result->setText(
                            tr("The key of %1 could not be read from the keychain: %2")
                                .arg(id, r.errorString));
                    *next = nullptr;
                    return;
                }
                state->keys.insert(id, r.value);
                (*next)();
            });
    };
    (*next)();
}

void ExportDialog::write(const QString &path, const QHash<QString, QByteArray> &keys)
{
    const auto format = Exporter::parseFormat(m_format->currentData().toString());
    const auto config = m_runtime->store().load();
    if (!format || !config) {
        m_result->setText(!format ? format.error() : config.error());
        return;
    }
    const auto result =
        Exporter::write(format.value(), config.value(), m_route->currentData().toString(), keys);
    if (!result) {
        m_result->setText(result.error());
        return;
    }
    if (const Status s = writePrivately(path, result->main); !s) {
        m_result->setText(tr("Cannot write %1: %2").arg(path, s.error()));
        return;
    }
    QString text = tr("Wrote %1.").arg(QDir::toNativeSeparators(path));
    if (!result->keyRequests.isEmpty()) {
        const QFileInfo info(path);
        const QString keysPath =
            info.dir().filePath(info.completeBaseName() + QLatin1String(".keys.json"));
        if (const Status s = writePrivately(keysPath, result->keyRequests); !s) {
            m_result->setText(tr("Cannot write %1: %2").arg(keysPath, s.error()));
            return;
        }
        text += QLatin1Char(' ') + tr("The key configurations' /key/generate requests are in %1.")
                                       .arg(QDir::toNativeSeparators(keysPath));
    }
    m_result->setText(text);
}

} // namespace gatehouse
