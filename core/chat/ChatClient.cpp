#include "ChatClient.h"

#include "surfaces/SurfaceAdapter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace gatehouse {

ChatClient::ChatClient(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
}

ChatClient::~ChatClient()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ChatClient::setGateway(const QUrl &base, const QString &accessKey)
{
    m_base = base;
    m_key = accessKey.toUtf8();
}

void ChatClient::send(const QString &model, const QList<ChatTurn> &history)
{
    stop();
    QJsonArray messages;
    for (const ChatTurn &t : history) {
        messages.append(QJsonObject{{QLatin1String("role"), t.role == ChatTurn::Role::User
                                                                ? QLatin1String("user")
                                                                : QLatin1String("assistant")},
                                    {QLatin1String("content"), t.text}});
    }
    const QJsonObject body{
        {QLatin1String("model"), model},
        {QLatin1String("messages"), messages},
        {QLatin1String("stream"), true},
        {QLatin1String("stream_options"), QJsonObject{{QLatin1String("include_usage"), true}}}};
    QUrl url = m_base;
    url.setPath(QStringLiteral("/v1/chat/completions"));
    QNetworkRequest request(url);
    request.setRawHeader("authorization", "Bearer " + m_key);
    request.setRawHeader("content-type", "application/json");
    request.setRawHeader("accept", "text/event-stream");
    m_stats = {};
    m_stats.model = model;
    m_parser = SseParser();
    m_streamError.clear();
    m_sawDone = false;
    m_stopping = false;
    m_timer.start();
    m_reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatClient::onData);
    connect(m_reply, &QNetworkReply::finished, this, &ChatClient::onFinished);
}

void ChatClient::stop()
{
    if (!m_reply)
        return;
    m_stopping = true;
    m_reply->abort(); // finished() follows at once and reports the stop
}

void ChatClient::onData()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200)
        return; // the error body is read whole in onFinished()
    if (m_stats.provider.isEmpty()) {
        m_stats.provider = QString::fromUtf8(m_reply->rawHeader("x-gatehouse-provider"));
        const QByteArray model = m_reply->rawHeader("x-gatehouse-model");
        if (!model.isEmpty())
            m_stats.model = QString::fromUtf8(model);
    }
    const auto events = m_parser.feed(m_reply->readAll());
    for (const auto &e : events)
        handleEvent(e.data);
}

void ChatClient::handleEvent(const QByteArray &data)
{
    if (data == "[DONE]") {
        m_sawDone = true;
        return;
    }
    const QJsonObject chunk = QJsonDocument::fromJson(data).object();
    if (chunk.contains(QLatin1String("error"))) {
        m_streamError = surfaceAdapter(ApiSurface::OpenAi).errorMessage(data);
        return;
    }
    const QJsonObject usage = chunk.value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        m_stats.promptTokens = usage.value(QLatin1String("prompt_tokens")).toInteger(-1);
        m_stats.completionTokens = usage.value(QLatin1String("completion_tokens")).toInteger(-1);
    }
    const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
    for (const QJsonValue c : choices) {
        const QString text = c.toObject()
                                 .value(QLatin1String("delta"))
                                 .toObject()
                                 .value(QLatin1String("content"))
                                 .toString();
        if (text.isEmpty())
            continue;
        if (m_stats.firstTokenMs < 0)
            m_stats.firstTokenMs = m_timer.elapsed();
        emit delta(text);
    }
}

QString ChatClient::describeError(int status, const QByteArray &body) const
{
    const QString message = surfaceAdapter(ApiSurface::OpenAi).errorMessage(body);
    if (message.isEmpty())
        return tr("The gateway answered HTTP %1.").arg(status);
    return tr("The gateway answered HTTP %1: %2").arg(status).arg(message);
}

void ChatClient::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_stats.totalMs = m_timer.elapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_stopping) {
        emit stoppedByUser(m_stats);
        return;
    }
    if (status == 0) {
        emit failed(tr("Cannot reach the gateway at %1: %2")
                        .arg(m_base.toDisplayString(), reply->errorString()),
                    m_stats);
        return;
    }
    if (status != 200) {
        emit failed(describeError(status, reply->readAll()), m_stats);
        return;
    }
    for (const auto &e : m_parser.feed(reply->readAll()))
        handleEvent(e.data);
    if (!m_streamError.isEmpty()) {
        emit failed(m_streamError, m_stats);
        return;
    }
    if (!m_sawDone) {
        emit failed(tr("The answer ended early: the connection closed before it was complete."),
                    m_stats);
        return;
    }
    emit finished(m_stats);
}

void ChatClient::listModels(
    std::function<void(const QList<ChatModel> &models, const QString &error)> done)
{
    QUrl url = m_base;
    url.setPath(QStringLiteral("/v1/models"));
    QNetworkRequest request(url);
    request.setRawHeader("authorization", "Bearer " + m_key);
    request.setTransferTimeout(15'000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 0) {
            done({}, tr("Cannot reach the gateway: %1").arg(reply->errorString()));
            return;
        }
        if (status != 200) {
            done({}, describeError(status, body));
            return;
        }
        QList<ChatModel> models;
        const QJsonArray data =
            QJsonDocument::fromJson(body).object().value(QLatin1String("data")).toArray();
        for (const QJsonValue v : data) {
            const QJsonObject entry = v.toObject();
            const QString id = entry.value(QLatin1String("id")).toString();
            if (!id.isEmpty())
                models.append(ChatModel{id, ModelFacts::fromModelListEntry(entry)});
        }
        done(models, {});
    });
}

} // namespace gatehouse
