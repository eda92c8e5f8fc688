#pragma once

#include "discovery/ModelFacts.h"
#include "framing/SseParser.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace gatehouse {

struct ChatTurn
{
    enum class Role
    {
        User,
        Assistant
    };
    Role role = Role::User;
    QString text;
};

// What an answer came with: who answered, how fast, how long.
struct ChatStats
{
    QString provider;
    QString model;
    qint64 firstTokenMs = -1;
    qint64 totalMs = 0;
    qint64 promptTokens = -1;
    qint64 completionTokens = -1;
};

// A model the gateway offers, with what it told about it.
struct ChatModel
{
    QString id; // "provider:model" or a route
    ModelFacts facts;
};

// Talks to the local gateway over HTTP exactly as a tool would: a streaming Chat
// Completions request with an access key, read event by event.
class ChatClient : public QObject
{
    Q_OBJECT
public:
    explicit ChatClient(QObject *parent = nullptr);
    ~ChatClient() override;

    // base: "http://127.0.0.1:4777"
    void setGateway(const QUrl &base, const QString &accessKey);
    bool hasGateway() const { return m_base.isValid() && !m_base.isEmpty(); }

    void send(const QString &model, const QList<ChatTurn> &history);
    void stop();
    bool isBusy() const { return !m_reply.isNull(); }

    // GET /v1/models through the gateway: every model and alias a tool could name.
    void listModels(std::function<void(const QList<ChatModel> &models, const QString &error)> done);

signals:
    void delta(const QString &text);
    void finished(const gatehouse::ChatStats &stats);
    void failed(const QString &message, const gatehouse::ChatStats &stats);
    void stoppedByUser(const gatehouse::ChatStats &stats);

private:
    void onData();
    void onFinished();
    void handleEvent(const QByteArray &data);
    QString describeError(int status, const QByteArray &body) const;

    QNetworkAccessManager *m_network;
    QUrl m_base;
    QByteArray m_key;
    QPointer<QNetworkReply> m_reply;
    SseParser m_parser;
    QElapsedTimer m_timer;
    ChatStats m_stats;
    QString m_streamError;
    bool m_sawDone = false;
    bool m_stopping = false;
};

} // namespace gatehouse
