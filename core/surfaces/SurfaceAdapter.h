#pragma once

#include "Conversation.h"
#include "config/ApiSurface.h"
#include "framing/SseParser.h"
#include "http/HttpRequest.h"
#include "upstream/UpstreamRequest.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <memory>
#include <optional>
#include <variant>

namespace gatehouse {

// What a client asks a provider for; each surface serves some of these.
enum class Operation
{
    Generate,    // a model answer: chat/completions, messages, responses
    Embeddings,  // embeddings
    CountTokens, // messages/count_tokens
    ListModels,  // GET models
    Complete     // a model answer to a bare prompt: Ollama's /api/generate
};

// How a surface frames its streams.
enum class StreamFraming
{
    ServerSentEvents,
    NdJson
};

// Turns one surface's stream bytes into events of the internal representation as they
// arrive, however they are cut. Nothing is held back beyond an incomplete event.
class StreamDecoder
{
public:
    virtual ~StreamDecoder() = default;
    virtual conversation::StreamEvents feed(QByteArrayView bytes) = 0;
    // The stream ended with its closing event (Finish was produced).
    virtual bool isComplete() const = 0;
    // The stream carried an error (an Error event was produced).
    virtual bool failed() const = 0;
};

// A decoder of a surface that streams server-sent events: the framing, its size limit, the
// end of the stream, and events that are not JSON objects (an error, never skipped); the
// surface reads each event, and nothing after the stream's end or an error.
class SseStreamDecoder : public StreamDecoder
{
public:
    conversation::StreamEvents feed(QByteArrayView bytes) final;
    bool isComplete() const final { return m_complete; }
    bool failed() const final { return m_failed; }

protected:
    // `json`: the event's data as a JSON object; empty for an event without data or "[DONE]".
    virtual void handle(const SseParser::Event &event, const QJsonObject &json,
                        conversation::StreamEvents &out) = 0;

    // Ends the stream with an error event: nothing after it is read.
    void fail(const ApiError &error, conversation::StreamEvents &out);

    bool m_complete = false;
    bool m_failed = false;

private:
    SseParser m_parser;
};

// Turns events of the internal representation into one surface's stream bytes.
class StreamEncoder
{
public:
    virtual ~StreamEncoder() = default;
    virtual QByteArray encode(const conversation::StreamEvent &event) = 0;
    // The closing events were written.
    virtual bool isComplete() const = 0;
    // The whole answer, where the surface's stream ends with one (Responses).
    virtual QJsonObject finalResponse() const { return {}; }
};

// Watches a stream relayed byte for byte (client and provider speak the same surface):
// whether it ended properly, and what it used.
class StreamObserver
{
public:
    virtual ~StreamObserver() = default;
    virtual void observe(QByteArrayView bytes) = 0;
    virtual bool isComplete() const = 0;
    virtual conversation::Usage usage() const = 0;
    // The whole answer, where the surface's stream carries one at its end (Responses).
    virtual QJsonObject finalResponse() const { return {}; }
};

// One API surface: how to call a provider that speaks it (URLs, credentials, model lists,
// usage, stream framing, end of stream, errors), and how its requests, answers and streams
// convert to and from the internal representation. Registered once (surfaceAdapter()).
class SurfaceAdapter
{
public:
    virtual ~SurfaceAdapter() = default;
    virtual ApiSurface surface() const = 0;

    // --- calling a provider
    // The URL of an operation under the provider's base URL; invalid when the surface has no
    // such operation.
    virtual QUrl url(const QUrl &baseUrl, Operation operation) const = 0;
    // The headers that carry a provider key.
    virtual HttpHeaders credentials(const QByteArray &key) const = 0;
    // Headers every request to this surface needs (API version, …), taking what the client
    // sent into account where the client speaks the same surface (may be null).
    virtual HttpHeaders protocolHeaders(const HttpRequest *client) const;
    // The model ids in a model list answer.
    virtual QStringList parseModelList(const QByteArray &body) const;
    // The readable message in one of this surface's error bodies, or the start of the body.
    virtual QString errorMessage(const QByteArray &body) const;
    virtual StreamFraming framing() const { return StreamFraming::ServerSentEvents; }
    virtual std::unique_ptr<StreamObserver> streamObserver() const = 0;
    // Whether the URL names the model and streaming rather than the body (Gemini's
    // models/{model}:generateContent): then callEndpoint() says where one call goes, and a
    // same-surface request goes on with its bytes untouched.
    virtual bool modelInUrl() const { return false; }
    // The endpoint of one call of `operation` for `model`, from the one url() gave.
    virtual UpstreamEndpoint callEndpoint(const UpstreamEndpoint &endpoint, Operation operation,
                                          const QString &model, bool stream) const
    {
        Q_UNUSED(operation)
        Q_UNUSED(model)
        Q_UNUSED(stream)
        return endpoint;
    }

    // --- converting to and from the internal representation
    virtual std::variant<conversation::Request, ApiError>
    decodeRequest(const QJsonObject &body) const = 0;
    virtual std::variant<QJsonObject, ApiError>
    encodeRequest(const conversation::Request &request, const QString &upstreamModel) const = 0;
    virtual std::variant<conversation::Response, ApiError>
    decodeResponse(const QJsonObject &body) const = 0;
    virtual QJsonObject encodeResponse(const conversation::Response &response,
                                       const conversation::Request &request) const = 0;
    virtual std::unique_ptr<StreamDecoder> streamDecoder() const = 0;
    virtual std::unique_ptr<StreamEncoder>
    streamEncoder(const conversation::Request &request) const = 0;
    // The event that ends a stream of this surface with an error, for a client whose stream
    // has begun.
    virtual QByteArray streamError(const ApiError &error) const = 0;
};

// The adapter of a surface; every surface has one.
const SurfaceAdapter &surfaceAdapter(ApiSurface surface);

} // namespace gatehouse
