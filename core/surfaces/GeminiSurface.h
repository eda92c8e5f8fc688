#pragma once

#include "SurfaceAdapter.h"
#include "framing/SseParser.h"

#include <QHash>
#include <QJsonArray>

namespace gatehouse {

// Google's native Gemini API (models/{model}:generateContent, :streamGenerateContent with
// alt=sse, :countTokens, models): Google AI Studio keys, and what Gemini CLI and the
// @google/genai SDK speak. The model and streaming are in the URL, not the body: a request
// from a Gemini client carries them in "model" and "stream", which the gateway adds to its
// parsed body (never to the bytes sent on).
class GeminiSurface : public SurfaceAdapter
{
public:
    ApiSurface surface() const override { return ApiSurface::Gemini; }
    QUrl url(const QUrl &baseUrl, Operation operation) const override;
    HttpHeaders credentials(const QByteArray &key) const override;
    QStringList parseModelList(const QByteArray &body) const override;
    QString errorMessage(const QByteArray &body) const override;
    std::unique_ptr<StreamObserver> streamObserver() const override;
    bool modelInUrl() const override { return true; }
    UpstreamEndpoint callEndpoint(const UpstreamEndpoint &endpoint, Operation operation,
                                  const QString &model, bool stream) const override;

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

    static conversation::Usage usage(const QJsonObject &usageMetadata);
    static QJsonObject usageJson(const conversation::Usage &usage);
    static conversation::StopReason stopReason(const QString &finishReason);
    static QString finishReasonName(conversation::StopReason reason);
    // Gemini's schemas (OpenAPI subset, upper-case types) as JSON Schema.
    static QJsonObject jsonSchema(const QJsonObject &geminiSchema);
    // A call id for a function call that came without one: the same call gets the same id.
    static QString callId(const QString &name, const QString &arguments, int ordinal);
    // A Gemini model name without its "models/" prefix.
    static QString bareModel(const QString &name);
    // The part a Gemini client gets for a part of an answer; null when it has none.
    static QJsonObject partJson(const conversation::Part &part);
};

// Gemini stream chunks (whole GenerateContentResponse objects) into the internal
// representation. The chunk with a finishReason ends the stream.
class GeminiStreamDecoder : public SseStreamDecoder
{
private:
    void handle(const SseParser::Event &event, const QJsonObject &json,
                conversation::StreamEvents &out) override;
    void open(const conversation::Part &part, conversation::StreamEvents &out);
    void close(conversation::StreamEvents &out);

    bool m_started = false;
    int m_blockCount = 0;
    int m_openIndex = -1;
    conversation::Part m_open;
    int m_calls = 0;
    bool m_sawCall = false;
    conversation::Usage m_usage;
};

// The internal representation as Gemini stream chunks.
class GeminiStreamEncoder : public StreamEncoder
{
public:
    QByteArray encode(const conversation::StreamEvent &event) override;
    bool isComplete() const override { return m_complete; }

private:
    QByteArray chunk(const QJsonArray &parts, const QJsonObject &extra = {}) const;

    QString m_id;
    QString m_model;
    QHash<int, conversation::Part> m_open;
    bool m_complete = false;
};

} // namespace gatehouse
