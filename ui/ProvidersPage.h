#pragma once

#include "config/Provider.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace gatehouse {

class GatewayRuntime;
class ProviderProbe;

// The providers: where each one points, whether it answered when last checked, and the
// actions on it (add, edit, enable or disable, remove, test, refresh models).
class ProvidersPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProvidersPage(GatewayRuntime *runtime, QWidget *parent = nullptr);

    void refresh();
    void showKeychainProblem(const QString &message);

    QTreeWidget *table() const { return m_table; }
    QPlainTextEdit *details() const { return m_details; }
    QLabel *banner() const { return m_banner; }

    QString selectedId() const;
    void select(const QString &id);

public slots:
    void addProvider();
    void editSelected();
    void toggleSelected();
    void removeSelected();
    void testSelected();
    void checkAll();

signals:
    void providersChanged();

private:
    struct Health
    {
        bool checking = false;
        bool ok = false;
        QDateTime checkedAt;
        QString error;
        QStringList models;
    };
    void check(const Provider &toCheck);
    void showDetails();
    void updateButtons();
    QList<Provider> m_providers;
    QHash<QString, Health> m_status;
    GatewayRuntime *m_runtime;
    ProviderProbe *m_probe;
    QLabel *m_banner;
    QTreeWidget *m_table;
    QPlainTextEdit *m_details;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_toggle;
    QPushButton *m_remove;
    QPushButton *m_test;
    QPushButton *m_checkAll;
};

} // namespace gatehouse
