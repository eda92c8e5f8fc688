#pragma once

#include "surfaces/SurfaceAdapter.h"
#include "surfaces/ToolShapes.h"

#include <memory>
#include <optional>
#include <vector>

namespace gatehouse {

// Why a relayed stream ends early, and whether the event that tells the client was written
// already (a translated error event) or is still to be written (endWithError()).
struct RelayStop
{
    ApiError error;
    bool written = false;
    bool fromProvider = false; // the provider's own error event: its words are not Gatehouse's
};

// One step an answer takes on its way from the provider to the client, as its bytes arrive:
// translation, usage metering, the end-of-stream check. Bytes in, bytes out.
class RelayFilter
{
public:
    virtual ~RelayFilter() = default;
    virtual QByteArray data(QByteArray bytes) = 0;
    // Whether what passed was a whole answer (its closing event came); unset: cannot tell.
    virtual std::optional<bool> complete() const { return std::nullopt; }
    virtual conversation::Usage usage() const { return {}; }
    // The whole answer in the client's shape, where its stream carries one (Responses).
    virtual QJsonObject finalResponse() const { return {}; }
    // Ends a stream that broke off, in the client's shape; empty when this filter leaves
    // that to another.
    virtual QByteArray endWithError(const ApiError &error)
    {
        Q_UNUSED(error)
        return {};
    }
    // Set once the stream cannot go on (an event over the size limit, an invalid event, an
    // error event from the provider): the upstream call is to end here.
    virtual std::optional<RelayStop> stopped() const { return std::nullopt; }
};

// The filters of one attempt's stream, in order.
class RelayChain
{
public:
    void add(std::unique_ptr<RelayFilter> filter) { m_filters.push_back(std::move(filter)); }
    QByteArray data(QByteArray bytes);
    bool complete() const;
    conversation::Usage usage() const;
    QJsonObject finalResponse() const;
    std::optional<RelayStop> stopped() const;
    // The closing error event for a stream that broke off: the translating filter's, else the
    // client surface's own.
    QByteArray endWithError(const ApiError &error, const SurfaceAdapter &client);
    // Passes the client's events on as the elements of one JSON array ("[{…},\r\n{…}]"), as
    // Gemini's API streams to clients that do not ask for server-sent events.
    void frameAsJsonArray();
    // What ends the client's stream after its last event (the array's "]"); may be empty.
    QByteArray close();

    // A stream relayed byte for byte: watched for its end, usage and whole answer, with the
    // usage chunk taken out again when Gatehouse asked for it.
    static RelayChain passthrough(const SurfaceAdapter &surface, bool stripInjectedUsage);
    // A stream translated from the provider's surface into the client's.
    static RelayChain translation(const SurfaceAdapter &from, const SurfaceAdapter &to,
                                  const conversation::Request &request);

private:
    class JsonArrayFraming;
    QByteArray framed(QByteArray bytes);

    std::vector<std::unique_ptr<RelayFilter>> m_filters;
    std::shared_ptr<JsonArrayFraming> m_array;
};

// A whole answer from the provider's surface in the client's, with tool calls restored to
// what the client offered; 502 when it is not an answer of the provider's surface.
struct TranslatedAnswer
{
    QJsonObject json;
    conversation::Usage usage;
};
std::variant<TranslatedAnswer, ApiError> translateAnswer(const QByteArray &body,
                                                         const SurfaceAdapter &from,
                                                         const SurfaceAdapter &to,
                                                         const conversation::Request &request);

} // namespace gatehouse
