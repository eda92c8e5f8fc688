#pragma once

#include "SurfaceAdapter.h"
#include "framing/NdjsonParser.h"

#include <QElapsedTimer>
#include <QHash>

namespace gatehouse {

// Ollama's native API at its host root (/api/chat, /api/generate, /api/embed, /api/tags):
// Ollama itself, and servers that copy it. Streams are NDJSON, one JSON object a line, the
// last one with "done": true. Tool calls carry no ids (newer servers may send one): stable
// ids are made when decoding, and tool results are matched to their call by name.
class OllamaSurface : public SurfaceAdapter
{
public:
    ApiSurface surface() const override { return ApiSurface::Ollama; }
    QUrl url(const QUrl &baseUrl, Operation operation) const override;
    HttpHeaders credentials(const QByteArray &key) const override;
    QStringList parseModelList(const QByteArray &body) const override;
    QString errorMessage(const QByteArray &body) const override;
    StreamFraming framing() const override { return StreamFraming::NdJson; }
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

    // done_reason ("stop", "length", "load", …) and back.
    static conversation::StopReason stopReason(const QString &doneReason);
    static QString doneReason(conversation::StopReason reason);
    // prompt_eval_count and eval_count of an answer or a stream's last line.
    static conversation::Usage usage(const QJsonObject &answer);
    // The media type of base64 image data, from its first bytes; empty when it is not a
    // JPEG, PNG, GIF or WebP image.
    static QString imageType(const QString &base64);
    // Ollama's timestamps ("2024-07-22T20:33:28.123456Z").
    static QString timestamp(qint64 secondsSinceEpoch = 0);

    // Embeddings between Ollama's /api/embed and OpenAI's /v1/embeddings, both ways.
    static QJsonObject embedRequestFromOpenAi(const QJsonObject &body, const QString &model);
    static QJsonObject embedRequestToOpenAi(const QJsonObject &body, const QString &model);
    static std::variant<QJsonObject, ApiError> embedAnswerFromOpenAi(const QJsonObject &answer,
                                                                     const QString &model);
    static std::variant<QJsonObject, ApiError> embedAnswerToOpenAi(const QJsonObject &answer,
                                                                   const QString &model);
    // An /api/embed answer as the legacy /api/embeddings gives it: {"embedding":[…]}.
    static QByteArray legacyEmbedding(const QByteArray &answer);
};

// Ollama NDJSON lines into the internal representation.
class OllamaStreamDecoder : public StreamDecoder
{
public:
    conversation::StreamEvents feed(QByteArrayView bytes) override;
    bool isComplete() const override { return m_complete; }
    bool failed() const override { return m_failed; }

private:
    void handle(const QJsonObject &line, conversation::StreamEvents &out);
    void fail(const ApiError &error, bool fromProvider, conversation::StreamEvents &out);
    void open(conversation::Part::Kind kind, conversation::StreamEvents &out);
    void close(conversation::StreamEvents &out);

    NdjsonParser m_parser;
    bool m_complete = false;
    bool m_failed = false;
    bool m_started = false;
    int m_blocks = 0;
    int m_openIndex = -1;
    conversation::Part m_open;
    int m_calls = 0;
    QString m_created; // the stream's created_at: with it, call ids differ between answers
};

// The internal representation as Ollama NDJSON lines (/api/chat, or /api/generate's
// "response" lines for a bare prompt).
class OllamaStreamEncoder : public StreamEncoder
{
public:
    explicit OllamaStreamEncoder(bool promptCompletion);
    QByteArray encode(const conversation::StreamEvent &event) override;
    bool isComplete() const override { return m_complete; }

private:
    QByteArray line(const QJsonObject &message, const QString &text, const QString &thinking);

    bool m_promptCompletion;
    QString m_model;
    QString m_created;
    QHash<int, conversation::Part> m_open;
    QElapsedTimer m_clock;
    qint64 m_firstTokenNs = -1;
    bool m_complete = false;
};

} // namespace gatehouse
