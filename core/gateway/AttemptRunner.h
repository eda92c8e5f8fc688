#pragma once

#include "RequestContext.h"
#include "upstream/UpstreamCall.h"
#include "util/Scheduler.h"

#include <QObject>
#include <functional>
#include <variant>

namespace gatehouse {

class GatewayMetrics;

// One upstream call as a target of the plan would be sent: where, on which surface, with
// which body, and whether the answer needs translating.
struct PreparedAttempt
{
    UpstreamRequest request;
    ApiSurface surface = ApiSurface::OpenAi;
    bool translated = false;
    bool injectedUsage = false; // asked for usage in a stream the client did not ask it of
    QStringList droppedTools;   // hosted tools the provider cannot run
};
// A target that cannot take this request at all: passed over like one that failed.
struct UnusableTarget
{
    ApiError error;
    QByteArray why; // for x-gatehouse-tried: "unsupported", "no key"
};

// The attempts stage: sends the request to the plan's targets in turn, each through the
// target's surface adapter, and relays the first answer through a filter chain (translation,
// usage metering, end-of-stream check). It fails over on refused connections, timeouts, 429
// and 5xx, retries with backoff within the route's deadline, and never after the first byte
// has reached the client. Time comes from a Scheduler, so tests of waiting never sleep.
class AttemptRunner : public QObject
{
    Q_OBJECT
public:
    // How the attempts ended. `error` is set when nothing was sent to the client yet and the
    // finish stage is to answer with it.
    struct Outcome
    {
        int status = 0;
        std::optional<ApiError> error;
    };
    using Done = std::function<void(const std::shared_ptr<RequestContext> &, const Outcome &)>;

    AttemptRunner(UpstreamTransport *transport, Router *router, Scheduler *scheduler,
                  QObject *parent = nullptr);

    // Runs the attempts of a planned request; calls `done` exactly once, also when the client
    // goes away (status 499).
    void run(const std::shared_ptr<RequestContext> &ctx, Done done);
    // Where streams in progress are counted (may be null).
    void setMetrics(GatewayMetrics *metrics) { m_metrics = metrics; }

    // The upstream call for the current target, or why the target cannot take the request
    // (UnusableTarget), or why the request cannot be sent anywhere (ApiError).
    static std::variant<PreparedAttempt, UnusableTarget, ApiError> prepare(RequestContext &ctx,
                                                                           qint64 remainingMs);

    static constexpr qint64 shortestAttemptMs = 100;
    // Bodies the gateway holds whole (non-streamed answers and errors).
    static constexpr qint64 maxWholeAnswerBytes = qint64{64} * 1024 * 1024;

private:
    class Session;
    UpstreamTransport *m_transport;
    Router *m_router;
    Scheduler *m_scheduler;
    GatewayMetrics *m_metrics = nullptr;
};

} // namespace gatehouse
