#pragma once

#include "SurfaceAdapter.h"
#include "framing/SseParser.h"

#include <QHash>

namespace gatehouse {

// OpenAI Chat Completions (and /models, /embeddings): what OpenAI, Ollama, LM Studio, vLLM,
// llama.cpp and most cloud providers speak.
class ChatCompletionsSurface : public SurfaceAdapter
{
public:
    ApiSurface surface() const override { return ApiSurface::OpenAi; }
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

    static QString finishReason(conversation::StopReason reason);
    static conversation::StopReason stopReason(const QString &finishReason);
    static conversation::Usage usage(const QJsonObject &usage);
    static QJsonObject usageJson(const conversation::Usage &usage);
};

// chat.completion.chunk events into the internal representation.
class ChatStreamDecoder : public SseStreamDecoder
{
private:
    enum class Block
    {
        None,
        Thinking,
        Text,
        Refusal,
        Tool
    };
    void handle(const SseParser::Event &event, const QJsonObject &json,
                conversation::StreamEvents &out) override;
    void open(Block kind, const conversation::Part &part, conversation::StreamEvents &out);
    void close(conversation::StreamEvents &out);
    void delta(int index, const QString &text, conversation::StreamEvent::DeltaKind kind,
               conversation::StreamEvents &out);

    bool m_started = false;
    Block m_block = Block::None;
    int m_blockIndex = -1;
    int m_currentTool = -1;
    conversation::Part m_open;              // the open block, as it grew
    QHash<int, int> m_toolBlock;            // OpenAI tool call index -> block index
    QHash<int, conversation::Part> m_tools; // block index -> tool call as it grew
    conversation::StopReason m_stop = conversation::StopReason::EndTurn;
    conversation::Usage m_usage;
};

// The internal representation as chat.completion.chunk events.
class ChatStreamEncoder : public StreamEncoder
{
public:
    ChatStreamEncoder(qint64 created, bool includeUsage);
    QByteArray encode(const conversation::StreamEvent &event) override;
    bool isComplete() const override { return m_complete; }

private:
    QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue()) const;
    QByteArray toolDelta(int toolIndex, const QString &arguments) const;

    qint64 m_created;
    bool m_includeUsage;
    QString m_id = QStringLiteral("chatcmpl-gatehouse");
    QString m_model;
    QHash<int, conversation::Part::Kind> m_kinds; // block index -> what it holds
    QHash<int, int> m_toolIndex;                  // block index -> OpenAI tool call index
    QHash<int, conversation::Part> m_calls;       // block index -> the call
    QHash<int, bool> m_argumentsSent;
    int m_toolCount = 0;
    bool m_complete = false;
};

} // namespace gatehouse
