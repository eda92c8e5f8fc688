#pragma once

#include "migrate/Importer.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace gatehouse {

class GatewayRuntime;

// File → Import…: another tool's config file (LiteLLM, claude-code-router, Continue), a
// preview of the providers, models, routes and keys it adds and of what cannot be mapped,
// then Import. Keys go to the keychain.
class ImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImportDialog(GatewayRuntime *runtime, QWidget *parent = nullptr);

    // Chooses the format and the file, as the combo box and the Browse button do.
    void choose(ImportFormat format, const QString &path);

signals:
    // After an import was saved (and its keys stored, or their failure reported).
    void imported();

private:
    void browse();
    void preview();
    void apply();
    void finishKeys(const MigrationPlan &plan, const SecretResult &result);

    GatewayRuntime *m_runtime;
    QComboBox *m_format;
    QLineEdit *m_file;
    QPlainTextEdit *m_preview;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    QByteArray m_content;
};

} // namespace gatehouse
