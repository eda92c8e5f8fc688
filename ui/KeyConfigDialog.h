#pragma once

#include "config/Routing.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace gatehouse {

class ConfigStore;

// Edits access key configurations: which models a key may use (patterns), which stored
// provider key it bills to, and its limits.
class KeyConfigDialog : public QDialog
{
    Q_OBJECT
public:
    KeyConfigDialog(const ConfigStore &store, QWidget *parent = nullptr);
    ~KeyConfigDialog() override;

    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *allowEdit() const { return m_allow; }
    QSpinBox *rpmBox() const { return m_rpm; }
    QSpinBox *tokensBox() const { return m_tokens; }
    QDoubleSpinBox *spendBox() const { return m_spend; }
    QTreeWidget *providerKeys() const { return m_providerKeys; }
    QCheckBox *captureBox() const { return m_capture; }
    QSpinBox *captureDaysBox() const { return m_captureDays; }
    QSpinBox *captureSizeBox() const { return m_captureKiB; }
    QLabel *message() const { return m_message; }

    Result<KeyConfiguration> edited() const;

public slots:
    void newConfiguration();
    bool save();
    void removeCurrent();

signals:
    void configurationsChanged();

private:
    void reload(const QString &select);
    void showConfiguration(const KeyConfiguration &k);

    class Impl;
    Impl *d;
    QListWidget *m_list;
    QLineEdit *m_name;
    QPlainTextEdit *m_allow;
    QSpinBox *m_rpm;
    QSpinBox *m_tokens;
    QDoubleSpinBox *m_spend;
    QTreeWidget *m_providerKeys;
    QCheckBox *m_capture;
    QSpinBox *m_captureDays;
    QSpinBox *m_captureKiB;
    QPushButton *m_save;
    QPushButton *m_remove;
    QLabel *m_message;
    QString m_editing;
};

} // namespace gatehouse
