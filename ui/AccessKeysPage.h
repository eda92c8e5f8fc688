#pragma once

#include <QDialog>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace gatehouse {

class GatewayRuntime;

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
    NewKeyDialog *lastKeyDialog() const { return m_lastDialog; }

public slots:
    void createKey();
    // Asks first; `confirmed` skips the question (the question's own button calls it so).
    void revokeSelected(bool confirmed = false);

signals:
    void keysChanged();

private:
    GatewayRuntime *m_runtime;
    QLineEdit *m_name;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QLabel *m_problem;
    QTreeWidget *m_table;
    NewKeyDialog *m_lastDialog = nullptr;
};

} // namespace gatehouse
