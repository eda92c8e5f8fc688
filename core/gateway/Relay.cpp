#include "Relay.h"

#include "framing/NdjsonParser.h"
#include "framing/SseParser.h"
#include "util/TextMatch.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gatehouse {

using namespace conversation;

namespace {

// Watches a stream relayed as it is, through the surface's observer, and passes it on in
// whole events: an event still arriving is held back, so that the client's stream always
// ends on an event boundary, whatever Gatehouse has to add to it.
class ObserveFilter : public RelayFilter
{
public:
    ObserveFilter(std::unique_ptr<StreamObserver> observer, StreamFraming framing)
        : m_observer(std::move(observer)), m_ndjson(framing == StreamFraming::NdJson)
    {
    }
    QByteArray data(QByteArray bytes) override
    {
        // Server-sent events are cut at event boundaries, NDJSON at line ends.
        QByteArray events = m_ndjson ? m_lines.feed(bytes) : m_splitter.feed(bytes);
        if ((m_ndjson ? m_lines.overflowed() : m_splitter.overflowed()) && !m_stop) {
            m_stop = RelayStop{
                ApiError::badGateway(QCoreApplication::translate(
                                         "Gateway", "The provider sent a stream event larger "
                                                    "than 16 MiB."),
                                     QStringLiteral("upstream_event_too_large")),
                false, false};
            return {};
        }
        if (!events.isEmpty())
            m_observer->observe(events);
        return events;
    }
    std::optional<bool> complete() const override
    {
        return m_observer->isComplete() &&
               (m_ndjson ? m_lines.pendingBytes() : m_splitter.pendingBytes()) == 0;
    }
    Usage usage() const override { return m_observer->usage(); }
    QJsonObject finalResponse() const override { return m_observer->finalResponse(); }
    std::optional<RelayStop> stopped() const override { return m_stop; }

private:
    std::unique_ptr<StreamObserver> m_observer;
    bool m_ndjson;
    SseEventSplitter m_splitter;
    NdjsonLineSplitter m_lines;
    std::optional<RelayStop> m_stop;
};

// Takes out the usage-only chunk of a Chat Completions stream that Gatehouse asked for and
// the client did not (keys with token or spending limits need the counts).
class StripUsageFilter : public RelayFilter
{
public:
    QByteArray data(QByteArray bytes) override
    {
        QByteArray out;
        for (const SseParser::Event &event : m_parser.feed(bytes)) {
            if (containsBytes(event.data, "\"choices\":[]") &&
                containsBytes(event.data, "\"usage\""))
                continue;
            // Written back as it came: its name, and one data line for each of its lines.
            if (!event.event.isEmpty())
                out += "event: " + event.event + '\n';
            QByteArray data = event.data;
            out += "data: " + data.replace('\n', "\ndata: ") + "\n\n";
        }
        return out;
    }

private:
    SseParser m_parser;
};

// Decodes the provider's stream into the internal representation, restores tool calls to
// what the client offered, and encodes the client's stream.
class TranslateFilter : public RelayFilter
{
public:
    TranslateFilter(const SurfaceAdapter &from, const SurfaceAdapter &to, const Request &request)
        : m_decoder(from.streamDecoder()), m_encoder(to.streamEncoder(request)), m_restorer(request)
    {
    }
    QByteArray data(QByteArray bytes) override
    {
        QByteArray out;
        for (StreamEvent &event : m_decoder->feed(bytes)) {
            if (event.type == StreamEvent::Type::Start || event.type == StreamEvent::Type::Finish)
                m_usage.merge(event.usage);
            if (event.type == StreamEvent::Type::Error && !m_stop)
                m_stop = RelayStop{event.error, true, event.providerError};
            for (const StreamEvent &restored : m_restorer.process(std::move(event)))
                out += m_encoder->encode(restored);
        }
        return out;
    }
    std::optional<bool> complete() const override
    {
        return m_decoder->isComplete() || m_decoder->failed();
    }
    Usage usage() const override { return m_usage; }
    QJsonObject finalResponse() const override { return m_encoder->finalResponse(); }
    std::optional<RelayStop> stopped() const override { return m_stop; }
    QByteArray endWithError(const ApiError &error) override
    {
        StreamEvent event;
        event.type = StreamEvent::Type::Error;
        event.error = error;
        return m_encoder->encode(event);
    }

private:
    std::unique_ptr<StreamDecoder> m_decoder;
    std::unique_ptr<StreamEncoder> m_encoder;
    toolshapes::StreamRestorer m_restorer;
    Usage m_usage;
    std::optional<RelayStop> m_stop;
};

} // namespace

// Server-sent events in, the elements of one JSON array out.
class RelayChain::JsonArrayFraming
{
public:
    QByteArray feed(QByteArrayView bytes)
    {
        QByteArray out;
        for (const SseParser::Event &event : m_parser.feed(bytes)) {
            if (event.data.trimmed().isEmpty() || event.data.trimmed() == "[DONE]")
                continue;
            out += m_started ? QByteArrayLiteral(",\r\n") : QByteArrayLiteral("[");
            out += event.data;
            m_started = true;
        }
        return out;
    }
    QByteArray close()
    {
        if (m_closed)
            return {};
        m_closed = true;
        return m_started ? QByteArrayLiteral("]") : QByteArrayLiteral("[]");
    }

private:
    SseParser m_parser;
    bool m_started = false;
    bool m_closed = false;
};

QByteArray RelayChain::data(QByteArray bytes)
{
    for (const auto &filter : m_filters) {
        if (bytes.isEmpty())
            break;
        bytes = filter->data(std::move(bytes));
    }
    return framed(std::move(bytes));
}

QByteArray RelayChain::framed(QByteArray bytes)
{
    if (!m_array || bytes.isEmpty())
        return bytes;
    return m_array->feed(bytes);
}

void RelayChain::frameAsJsonArray()
{
    m_array = std::make_shared<JsonArrayFraming>();
}

QByteArray RelayChain::close()
{
    return m_array ? m_array->close() : QByteArray();
}

bool RelayChain::complete() const
{
    for (const auto &filter : m_filters) {
        if (filter->complete() == false)
            return false;
    }
    return true;
}

Usage RelayChain::usage() const
{
    Usage usage;
    for (const auto &filter : m_filters)
        usage.merge(filter->usage());
    return usage;
}

QJsonObject RelayChain::finalResponse() const
{
    for (const auto &filter : m_filters) {
        QJsonObject response = filter->finalResponse();
        if (!response.isEmpty())
            return response;
    }
    return {};
}

std::optional<RelayStop> RelayChain::stopped() const
{
    for (const auto &filter : m_filters) {
        if (auto stop = filter->stopped())
            return stop;
    }
    return std::nullopt;
}

QByteArray RelayChain::endWithError(const ApiError &error, const SurfaceAdapter &client)
{
    for (const auto &filter : m_filters) {
        const QByteArray event = filter->endWithError(error);
        if (!event.isEmpty())
            return framed(event);
    }
    return framed(client.streamError(error));
}

RelayChain RelayChain::passthrough(const SurfaceAdapter &surface, bool stripInjectedUsage)
{
    RelayChain chain;
    chain.add(std::make_unique<ObserveFilter>(surface.streamObserver(), surface.framing()));
    if (stripInjectedUsage)
        chain.add(std::make_unique<StripUsageFilter>());
    return chain;
}

RelayChain RelayChain::translation(const SurfaceAdapter &from, const SurfaceAdapter &to,
                                   const Request &request)
{
    RelayChain chain;
    chain.add(std::make_unique<TranslateFilter>(from, to, request));
    return chain;
}

std::variant<TranslatedAnswer, ApiError> translateAnswer(const QByteArray &body,
                                                         const SurfaceAdapter &from,
                                                         const SurfaceAdapter &to,
                                                         const Request &request)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return ApiError::badGateway(
            QCoreApplication::translate("Gateway", "The provider's answer is not JSON: %1.")
                .arg(pe.errorString()),
            QStringLiteral("upstream_malformed"));
    auto decoded = from.decodeResponse(doc.object());
    if (auto *e = std::get_if<ApiError>(&decoded))
        return *e;
    Response response = std::get<Response>(std::move(decoded));
    for (Part &part : response.parts) {
        if (part.isToolCall())
            toolshapes::restoreCall(part, request);
    }
    if (response.model.isEmpty())
        response.model = request.model;
    return TranslatedAnswer{to.encodeResponse(response, request), response.usage};
}

} // namespace gatehouse
