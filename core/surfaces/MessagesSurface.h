#pragma once

#include "SurfaceAdapter.h"
#include "framing/SseParser.h"

#include <QHash>

namespace gatehouse {

// Anthropic Messages (and count_tokens, /v1/models): Anthropic itself, and the providers
// and local servers that copy its API.
class MessagesSurface : public SurfaceAdapter
{
public:
    static constexpr char defaultVersion[] = "2023-06-01";
    static constexpr int defaultMaxTokens = 4096;

    ApiSurface surface() const override { return ApiSurface::Anthropic; }
    QUrl url(const QUrl &baseUrl, Operation operation) const override;
    HttpHeaders credentials(const QByteArray &key) const override;
    HttpHeaders protocolHeaders(const HttpRequest *client) const override;
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

    static QString stopReasonName(conversation::StopReason reason);
    static conversation::StopReason stopReason(const QString &name);
    static conversation::Usage usage(const QJsonObject &usage);
    static QJsonObject usageJson(const conversation::Usage &usage);
    // A thinking budget for a reasoning effort ("low", "medium", …); 0 for none.
    static qint64 thinkingBudget(const QString &effort);
};

// Anthropic Messages events into the internal representation.
class MessagesStreamDecoder : public SseStreamDecoder
{
private:
    void handle(const SseParser::Event &event, const QJsonObject &json,
                conversation::StreamEvents &out) override;

    QHash<int, int> m_blocks;               // Anthropic index -> block index
    QHash<int, conversation::Part> m_parts; // block index -> the part as it grew
    int m_blockCount = 0;
    conversation::StopReason m_stop = conversation::StopReason::EndTurn;
    QString m_stopSequence;
    conversation::Usage m_usage;
};

// The internal representation as Anthropic Messages events.
class MessagesStreamEncoder : public StreamEncoder
{
public:
    QByteArray encode(const conversation::StreamEvent &event) override;
    bool isComplete() const override { return m_complete; }

private:
    QByteArray blockDelta(int index, const QJsonObject &delta) const;

    QHash<int, int> m_blocks; // block index -> Anthropic index
    QHash<int, conversation::Part> m_open;
    QHash<int, bool> m_signatureSent;
    QHash<int, bool> m_argumentsSent;
    int m_next = 0;
    bool m_complete = false;
};

} // namespace gatehouse
