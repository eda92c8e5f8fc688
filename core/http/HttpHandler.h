#pragma once

#include <QString>

namespace gatehouse {

class HttpExchange;

// What the transport hands requests to. The transport knows HTTP framing only; the
// handler decides what every answer, including an answer to broken framing, looks like.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    // A complete request arrived. The handler answers through the exchange, now or later.
    virtual void handleRequest(HttpExchange *exchange) = 0;
    // The bytes on the wire could not be parsed; the connection closes after the answer.
    virtual void handleMalformedRequest(HttpExchange *exchange, int status,
                                        const QString &message) = 0;
};

} // namespace gatehouse
