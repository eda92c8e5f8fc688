#pragma once

#include "migrate/Exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace gatehouse {

class GatewayRuntime;

// File → Export…: Gatehouse's routes for a gateway that serves a team (Portkey, LiteLLM,
// Envoy AI Gateway), all or one, written to a file. Keys stay out unless the user asks,
// after a warning.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(GatewayRuntime *runtime, QWidget *parent = nullptr);

    // Writes the export to `path` as the Save button does (with keys: after the warning).
    void saveTo(const QString &path);

private:
    void preview();
    void write(const QString &path, const QHash<QString, QByteArray> &keys);
    void readKeysThenWrite(const QString &path);

    GatewayRuntime *m_runtime;
    QComboBox *m_format;
    QComboBox *m_route;
    QCheckBox *m_withKeys;
    QPlainTextEdit *m_preview;
    QLabel *m_result;
};

} // namespace gatehouse
