#pragma once

#include "config/AccessKey.h"

#include <QDialog>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace gatehouse {

class GatewayRuntime;
struct Config;

// Shows a newly created access key once, with Copy, and says it will not be shown again.
class NewKeyDialog : public QDialog
{
    Q_OBJECT
public:
    NewKeyDialog(const QString &name, const QString &key, QWidget *parent = nullptr);
    QLineEdit *keyField() const { return m_key; }
    QPushButton *copyButton() const { return m_copy; }

private:
    QLineEdit *m_key;
    QPushButton *m_copy;
};

// The access keys tools call the gateway with: create, see when each was last used, revoke.
class AccessKeysPage : public QWidget
{
    Q_OBJECT
public:
    explicit AccessKeysPage(GatewayRuntime *runtime, QWidget *parent = nullptr);

    void refresh();
    QTreeWidget *table() const { return m_table; }
    QLineEdit *nameEdit() const { return m_name; }
    QLabel *problem() const { return m_problem; }
    // Each key configuration's use against its limits, under the table.
    QLabel *limitsInUse() const { return m_limits; }
    NewKeyDialog *lastKeyDialog() const { return m_lastDialog; }
    QComboBox *newKeyConfiguration() const { return m_newConfig; }
    QComboBox *selectedKeyConfiguration() const { return m_keyConfig; }

public slots:
    void createKey();
    void editConfigurations();
    // Gives the selected key the configuration chosen for it.
    void assignConfiguration();
    // Asks first; `confirmed` skips the question (the question's own button calls it so).
    void revokeSelected(bool confirmed = false);

signals:
    void keysChanged();
    // The "Use against limits" column shows the request log's figures.
    void useShown();

private:
    // Changes one stored key, then shows the result (or why it failed).
    // Applies a change to the config; shows what refused it.
    void changeKey(const std::function<Status(Config &)> &change);

    void showUse(const Config &config);

    GatewayRuntime *m_runtime;
    int m_useGeneration = 0;
    QLineEdit *m_name;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QLabel *m_problem;
    QLabel *m_limits;
    QTreeWidget *m_table;
    QComboBox *m_newConfig;
    QComboBox *m_keyConfig;
    QPushButton *m_configs;
    NewKeyDialog *m_lastDialog = nullptr;
};

} // namespace gatehouse
