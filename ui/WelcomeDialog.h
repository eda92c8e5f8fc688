#pragma once

#include "discovery/LocalScanner.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace gatehouse {

class GatewayRuntime;

// The first start, with no provider yet: looks for model servers on this machine at once and
// offers what it found ("Ollama on this machine with 4 models: add it?"), with the cloud
// catalog one click away; then offers to connect the coding tools. Either step can be
// skipped, and nothing is added without a click.
class WelcomeDialog : public QDialog
{
    Q_OBJECT
public:
    enum Step
    {
        ModelsStep,
        ToolsStep
    };

    explicit WelcomeDialog(GatewayRuntime *runtime, QWidget *parent = nullptr);

    // Starts the scan of `candidates` (LocalScanner::wellKnown() in the app).
    void start(const QList<LocalScanner::Candidate> &candidates);
    // The tools found on this machine, by display name, for the second step.
    void setInstalledTools(const QStringList &names);

    int step() const;
    QListWidget *foundList() const { return m_found; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *skipButton() const { return m_skip; }
    QPushButton *cloudButton() const { return m_cloud; }
    QPushButton *connectButton() const { return m_connect; }
    QLabel *scanStatus() const { return m_status; }
    QStringList addedProviders() const { return m_added; }

signals:
    void cloudProviderWanted();
    void connectToolsWanted();

private:
    void showFound(const QList<LocalScanner::Found> &found);
    void addChecked();
    void showToolsStep();

    GatewayRuntime *m_runtime;
    LocalScanner *m_scanner;
    QStackedWidget *m_steps;
    QLabel *m_status;
    QListWidget *m_found;
    QPushButton *m_add;
    QPushButton *m_skip;
    QPushButton *m_cloud;
    QLabel *m_problem;
    QLabel *m_tools;
    QPushButton *m_connect;
    QPushButton *m_later;
    QList<LocalScanner::Found> m_results;
    QStringList m_added;
};

} // namespace gatehouse
