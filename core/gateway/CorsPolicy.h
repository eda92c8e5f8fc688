#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse {

// What a web page on an origin the user allowed may send and read: the request headers the
// official OpenAI, Anthropic and Google browser SDKs send, and the response headers clients
// read. Pages of other origins never get this far (RequestGuard refuses them).
class CorsPolicy
{
public:
    // The value of access-control-allow-headers for a preflight whose
    // Access-Control-Request-Headers is `requested`: the SDKs' headers, plus any requested
    // header of an SDK's own family (x-stainless-*, openai-*, anthropic-*, x-goog-*).
    static QByteArray allowedRequestHeaders(QByteArrayView requested);
    static bool isAllowedRequestHeader(QByteArrayView lowerCaseName);
    // The value of access-control-expose-headers on every answer to an allowed origin.
    static QByteArray exposedResponseHeaders();
};

} // namespace gatehouse
