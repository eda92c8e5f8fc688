#pragma once

#include "chat/ChatClient.h"
#include "connect/ToolConnector.h"

#include <QFrame>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace gatehouse {

class GatewayRuntime;

// One coding tool on the Connect page: whether it is installed and wired to this Gatehouse,
// with which model, and Connect / Disconnect.
class ToolCard : public QFrame
{
    Q_OBJECT
public:
    ToolCard(const ToolInfo &tool, QWidget *parent = nullptr);

    QString toolId() const { return m_id; }
    // `home`: the home folder, shown as ~ in paths.
    void show(const ToolStatus &status, const QStringList &models, const QString &home);

    QLabel *stateLabel() const { return m_state; }
    QLabel *problemLabel() const { return m_problem; }
    QComboBox *modelPicker() const { return m_model; }
    QComboBox *smallModelPicker() const { return m_small; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *disconnectButton() const { return m_disconnect; }

    void showProblem(const QString &message);

signals:
    void connectRequested(const QString &toolId, const QString &model, const QString &smallModel);
    void disconnectRequested(const QString &toolId);

private:
    QString m_id;
    QLabel *m_state;
    QLabel *m_files;
    QLabel *m_problem;
    QComboBox *m_model;
    QComboBox *m_small;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
};

// How to point a tool at Gatehouse: a card per coding tool that Connect wires through the
// tool's own settings files; for anything else the base URLs and ready-to-copy snippets,
// filled in with the real address and the chosen key's name (never a key it cannot show).
class ConnectPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectPage(GatewayRuntime *runtime, QWidget *parent = nullptr);

    void refresh();
    QString snippet(const QString &kind) const;
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *keyPicker() const { return m_key; }
    ToolCard *card(const QString &toolId) const;
    // Where the tools' files are looked for: the user's home unless a test says otherwise.
    void setToolEnvironment(const ToolEnvironment &environment);
    // The tools found on this machine, by display name.
    QStringList installedTools() const;

private:
    QString baseUrl() const;
    void fillSnippets();
    void refreshTools();
    void listOfferedModels();
    void connectTool(const QString &toolId, const QString &model, const QString &smallModel);
    void disconnectTool(const QString &toolId);
    ToolConnector connector() const;

    GatewayRuntime *m_runtime;
    ChatClient *m_lister; // asks the gateway which models it offers
    QStringList m_offered;
    ToolEnvironment m_environment;
    QList<ToolCard *> m_cards;
    QLabel *m_urls;
    QComboBox *m_key;
    QTabWidget *m_tabs;
};

} // namespace gatehouse
