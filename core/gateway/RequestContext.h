#pragma once

#include "EndpointTable.h"
#include "GatewaySnapshot.h"
#include "ModelRequest.h"
#include "Router.h"
#include "log/RequestLog.h"
#include "surfaces/Conversation.h"

#include <QElapsedTimer>
#include <QPointer>
#include <optional>

namespace gatehouse {

class HttpExchange;

// Everything one request carries through the stages of the request path; each stage reads
// what the earlier ones found and adds its own.
struct RequestContext
{
    // Received
    QPointer<HttpExchange> exchange;
    QByteArray requestId;
    QElapsedTimer received; // since the request was complete (nanoseconds, for the overhead)
    qint64 startedMs = 0;   // the same moment on the scheduler's clock (deadlines)
    ApiShape shape = ApiShape::OpenAi;
    QByteArray corsOrigin;
    GatewaySnapshotPtr snapshot; // keeps the providers of the plan alive

    // Endpoint and authentication
    const EndpointSpec *endpoint = nullptr;
    PathParams params;
    QString accessKey;
    const KeyConfiguration *configuration = nullptr;

    // Parse
    ModelRequest request;
    bool jsonArrayStream = false; // Gemini's stream without alt=sse: a JSON array
    // The request in the internal representation, decoded the first time a target needs it
    // translated.
    std::optional<conversation::Request> conversation;

    // Plan and attempts
    RoutePlan plan;
    int target = 0;           // index into plan.targets
    int tryOfTarget = 0;      // retries of the same target so far
    QList<QByteArray> tried;  // "openai:gpt-4o 429 (130 ms)"
    HttpHeaders extraHeaders; // routing headers, added to an error answer too

    // Finish
    RequestLogEntry log;
    conversation::Usage usage;
    QJsonObject answer; // the whole answer in the client's shape, when an endpoint keeps it
    bool finished = false;
    // Content capture (only when the key configuration turns it on): the answer as the
    // client got it, and for streams each event as it was sent.
    bool captureContent = false;
    QByteArray capturedAnswer;
    QByteArrayList capturedEvents;

    const RouteTarget &current() const { return plan.targets[target]; }
    bool clientGone() const;
};

} // namespace gatehouse

namespace gatehouse {

// Headers every answer carries: the request id, and CORS headers for an allowed origin.
HttpHeaders baseHeaders(const RequestContext &ctx);
// Which provider and model answered, the rule used, and what was tried.
HttpHeaders routingHeaders(const RequestContext &ctx);

} // namespace gatehouse
