#pragma once

#include "SurfaceAdapter.h"
#include "framing/SseParser.h"

#include <QHash>
#include <QJsonArray>

namespace gatehouse {

// The OpenAI Responses API (POST /v1/responses): what Codex CLI, the Agents SDK and
// client.responses speak; OpenAI, Ollama and LM Studio serve it.
class ResponsesSurface : public SurfaceAdapter
{
public:
    ApiSurface surface() const override { return ApiSurface::Responses; }
    QUrl url(const QUrl &baseUrl, Operation operation) const override;
    HttpHeaders credentials(const QByteArray &key) const override;
    std::unique_ptr<StreamObserver> streamObserver() const override;

    std::variant<conversation::Request, ApiError>
    decodeRequest(const QJsonObject &body) const override;
    std::variant<QJsonObject, ApiError> encodeRequest(const conversation::Request &request,
                                                      const QString &upstreamModel) const override;
    std::variant<conversation::Response, ApiError>
    decodeResponse(const QJsonObject &body) const override;
    QJsonObject encodeResponse(const conversation::Response &response,
                               const conversation::Request &request) const override;
    std::unique_ptr<StreamDecoder> streamDecoder() const override;
    std::unique_ptr<StreamEncoder>
    streamEncoder(const conversation::Request &request) const override;
    QByteArray streamError(const ApiError &error) const override;

    static conversation::Usage usage(const QJsonObject &usage);
    static QJsonObject usageJson(const conversation::Usage &usage);
    // The items of a whole answer's output, as a client of this surface sees them.
    static QJsonArray outputItems(const conversation::Response &response,
                                  const conversation::Request &request);
    // One output item as a part; false when it is nothing a part holds.
    static bool partOf(const QJsonObject &item, conversation::Part *part);
    // The "error" of a failed response for an ApiError: code and message.
    static QJsonObject errorJson(const ApiError &error);
    // The response object around output items: what the client asked for, echoed.
    static QJsonObject responseObject(const QString &id, qint64 createdAt, const QString &status,
                                      const QString &model, const QJsonArray &output,
                                      const conversation::Request &request);
    static QString newId(const char *prefix);
};

// Responses API events into the internal representation.
class ResponsesStreamDecoder : public SseStreamDecoder
{
private:
    void handle(const SseParser::Event &sse, const QJsonObject &json,
                conversation::StreamEvents &out) override;
    int openBlock(const QString &key, const conversation::Part &part,
                  conversation::StreamEvents &out);
    void closeBlock(const QString &key, const conversation::Part *done,
                    conversation::StreamEvents &out);
    void delta(const QString &key, const QString &text, conversation::StreamEvent::DeltaKind kind,
               conversation::StreamEvents &out);

    bool m_started = false;
    bool m_sawToolCall = false;
    int m_blockCount = 0;
    QHash<QString, int> m_blocks;           // item id (+ content index) -> block index
    QHash<int, conversation::Part> m_parts; // block index -> the part as it grew
};

// The internal representation as Responses API events, and the whole response at the end.
class ResponsesStreamEncoder : public StreamEncoder
{
public:
    explicit ResponsesStreamEncoder(const conversation::Request &request);
    QByteArray encode(const conversation::StreamEvent &event) override;
    bool isComplete() const override { return m_complete; }
    // The response as response.completed (or .failed, .incomplete) carried it.
    QJsonObject finalResponse() const override { return m_final; }

private:
    struct Item
    {
        QString id;
        int outputIndex = -1;
        conversation::Part part;
        QJsonObject json; // as output_item.added sent it
    };
    QByteArray event(const char *type, QJsonObject data);
    QJsonObject response(const QString &status) const;

    const conversation::Request m_request;
    QString m_id;
    qint64 m_createdAt;
    QString m_model;
    int m_sequence = 0;
    int m_nextOutput = 0;
    QJsonArray m_output; // completed items
    QHash<int, Item> m_items;
    QHash<int, bool> m_summaryStarted;
    bool m_complete = false;
    QJsonObject m_final;
};

} // namespace gatehouse
