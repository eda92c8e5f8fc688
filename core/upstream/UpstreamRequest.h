#pragma once

#include "config/Provider.h"
#include "gateway/ApiError.h"
#include "http/HttpRequest.h"

#include <QUrl>

namespace gatehouse {

// Where requests to one provider endpoint go, worked out once per configuration rather
// than for every request.
struct UpstreamEndpoint
{
    QUrl url;
    QString host;
    quint16 port = 0;
    QByteArray target;     // path and query, as the request line carries them
    QByteArray hostHeader; // host[:port], as the Host header carries it
    QString poolKey;       // scheme://host:port: connections to it are reused
    bool https = false;
    bool loopback = false; // 127.0.0.0/8, ::1, localhost

    static UpstreamEndpoint fromUrl(const QUrl &url);
    bool isValid() const { return url.isValid() && !host.isEmpty(); }
};

struct UpstreamRequest
{
    UpstreamEndpoint endpoint;
    QByteArray method = "POST";
    HttpHeaders headers;
    QByteArray body;
    ProviderTimeouts timeouts;
    QString providerId; // for messages
};

// How an upstream call ended. Every call reports exactly one of these.
struct UpstreamResult
{
    enum class Outcome
    {
        Completed, // the whole response arrived
        Failed,    // no answer, or the answer broke off: `error` says why
        Cancelled  // abort() was called
    };
    Outcome outcome = Outcome::Completed;
    ApiError error;            // for Failed and Cancelled
    bool afterHeaders = false; // whether headersReceived() was emitted before the end

    bool completed() const { return outcome == Outcome::Completed; }
    bool cancelled() const { return outcome == Outcome::Cancelled; }
};

} // namespace gatehouse
