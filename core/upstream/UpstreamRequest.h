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
    QByteArray encodedUrl; // url, fully encoded, as the transport takes it

    static UpstreamEndpoint fromUrl(const QUrl &url);
    bool isValid() const { return url.isValid() && !encodedUrl.isEmpty(); }
};

struct UpstreamRequest
{
    UpstreamEndpoint endpoint;
    QByteArray method = "POST";
    HttpHeaders headers;
    QByteArray body;
    ProviderTimeouts timeouts;
    QString providerId;                                 // for messages
    qint64 maxResponseBytes = qint64{64} * 1024 * 1024; // for bodies the gateway holds whole
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
