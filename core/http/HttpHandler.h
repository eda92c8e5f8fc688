#pragma once

#include <QString>
#include <QtGlobal>

namespace gatehouse {

class HttpExchange;

// What the transport hands requests to. The transport knows HTTP framing only; the
// handler decides what every answer, including an answer to broken framing, looks like.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    // The headers of a request arrived; its body has not been read or acknowledged yet
    // ("100 Continue" waits for this). A handler that refuses the request answers through
    // the exchange now, and the body is never read: when it is not all here yet, the
    // connection closes after the answer. Otherwise handleRequest() follows with the body.
    virtual void handleHead(HttpExchange *exchange) { Q_UNUSED(exchange) }
    // A complete request arrived. The handler answers through the exchange, now or later.
    virtual void handleRequest(HttpExchange *exchange) = 0;
    // The bytes on the wire could not be parsed; the connection closes after the answer.
    virtual void handleMalformedRequest(HttpExchange *exchange, int status,
                                        const QString &message) = 0;
};

} // namespace gatehouse
