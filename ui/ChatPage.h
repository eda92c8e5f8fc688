#pragma once

#include "chat/ChatClient.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace gatehouse {

class GatewayRuntime;
class UiSettings;

// Tests routing by hand: pick a model, send a message, watch the answer stream in. It goes
// through the running gateway over HTTP, so it sees exactly what tools see.
class ChatPage : public QWidget
{
    Q_OBJECT
public:
    ChatPage(GatewayRuntime *runtime, UiSettings *settings, QWidget *parent = nullptr);

    QComboBox *modelPicker() const { return m_model; }
    QPlainTextEdit *input() const { return m_input; }
    QTextBrowser *transcript() const { return m_view; }
    // What is known of the picked model ("128k context · tools · …").
    QLabel *modelFacts() const { return m_facts; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *stopButton() const { return m_stop; }
    ChatClient *client() const { return m_client; }
    // The transcript as Markdown, as it is rendered.
    QString markdown() const;

public slots:
    void send();
    void stop();
    void newChat();
    // Starts over with `turns` (a captured conversation): all but a last question become the
    // transcript, and that question waits in the input for a model to be picked and Send.
    void loadConversation(const QList<gatehouse::ChatTurn> &turns);
    void refreshModels();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry
    {
        ChatTurn turn;
        QString meta;
        QString error;
    };
    void render();
    void scheduleRender();
    void setBusy(bool busy);
    QString describe(const ChatStats &stats) const;
    void gatewayChanged();
    void showModelFacts();
    void setModels(const QList<ChatModel> &models);
    // Asks local Ollama servers among the providers for their models' details.
    void inspectLocalServers(quint64 generation);

    GatewayRuntime *m_runtime;
    UiSettings *m_settings;
    ChatClient *m_client;
    QComboBox *m_model;
    QPushButton *m_refresh;
    QPushButton *m_newChat;
    QTextBrowser *m_view;
    QPlainTextEdit *m_input;
    QPushButton *m_send;
    QPushButton *m_stop;
    QLabel *m_hint;
    QLabel *m_facts;
    QTimer *m_renderTimer;
    // What is known of each offered model, by the name the picker shows.
    QHash<QString, ModelFacts> m_modelFacts;
    quint64 m_listGeneration = 0;
    QList<Entry> m_entries;
};

} // namespace gatehouse
