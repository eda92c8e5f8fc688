#pragma once

#include "config/Provider.h"
#include "discovery/ModelFacts.h"
#include "log/RequestLogQuery.h"

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
    // Reads each provider's last hour from the request log (off the GUI thread) and asks the
    // gateway which providers are cooling off; healthShown() follows.
    void refreshHealth();
    void showKeychainProblem(const QString &message);

    QTreeWidget *table() const { return m_table; }
    QPlainTextEdit *details() const { return m_details; }
    QLabel *banner() const { return m_banner; }

    QString selectedId() const;
    void select(const QString &id);

public slots:
    void addProvider();
    // The wizard, at its cloud catalog.
    void addCloudProvider();
    void editSelected();
    void toggleSelected();
    void removeSelected();
    void testSelected();
    void checkAll();

signals:
    void providersChanged();
    void healthShown();

private:
    struct Health
    {
        bool checking = false;
        bool ok = false;
        QDateTime checkedAt;
        QString error;
        QStringList models;
        // What a local server told about its models (size, quantization, loaded now).
        QHash<QString, ModelFacts> local;
    };
    // "llama3.2:3b — 2.0 GB · 3B · Q4_K_M · 128k context · tools": a model with what is known
    // of it (the provider's own report, else the catalog's).
    QString describeModel(const Provider &provider, const QString &model) const;
    void check(const Provider &toCheck);
    void openWizard(bool cloud);
    void inspectLocal(const Provider &provider);
    void showDetails();
    void updateButtons();
    // "3 requests · 33.3 % errors · first byte p50 120 ms, p95 300 ms", and cooling off.
    QString healthText(const QString &id) const;
    void showHealth();
    QList<Provider> m_providers;
    QHash<QString, Health> m_status;
    QHash<QString, ProviderHealth> m_lastHour;
    QHash<QString, qint64> m_coolingUntil; // ms since 1970
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
