#include "CorsPolicy.h"

#include <QList>
#include <iterator>

namespace gatehouse {

namespace {

// Sent by the SDKs on every model call from a browser:
//   openai             Authorization, X-Stainless-* (platform, retry count, timeout, helper),
//                      OpenAI-Organization, OpenAI-Project, OpenAI-Beta, Idempotency-Key
//   @anthropic-ai/sdk  X-Api-Key or Authorization, anthropic-version, anthropic-beta,
//                      anthropic-dangerous-direct-browser-access, X-Stainless-*
//   @google/genai      x-goog-api-key, x-goog-api-client, x-goog-user-project,
//                      X-Server-Timeout
// User-Agent is set by all three; Chromium drops it, Firefox sends it. The W3C trace context
// headers come with OpenTelemetry.
const char *const knownRequestHeaders[] = {
    "authorization",
    "content-type",
    "accept",
    "user-agent",
    "x-api-key",
    "idempotency-key",
    "traceparent",
    "tracestate",
    "baggage",
    "openai-organization",
    "openai-project",
    "openai-beta",
    "anthropic-version",
    "anthropic-beta",
    "anthropic-dangerous-direct-browser-access",
    "x-stainless-lang",
    "x-stainless-package-version",
    "x-stainless-os",
    "x-stainless-arch",
    "x-stainless-runtime",
    "x-stainless-runtime-version",
    "x-stainless-retry-count",
    "x-stainless-timeout",
    "x-stainless-helper-method",
    "x-stainless-helper",
    "x-goog-api-key",
    "x-goog-api-client",
    "x-goog-user-project",
    "x-server-timeout",
};

// Families whose new members the SDKs add from one release to the next.
const char *const requestHeaderFamilies[] = {"x-stainless-", "openai-", "anthropic-", "x-goog-"};

// What Gatehouse says about itself, and what it passes on from the provider (AttemptRunner).
const char *const exposedHeaders[] = {
    "x-request-id",
    "x-upstream-request-id",
    "retry-after",
    "openai-processing-ms",
    "x-gatehouse-provider",
    "x-gatehouse-model",
    "x-gatehouse-route",
    "x-gatehouse-attempts",
    "x-gatehouse-tried",
    "x-gatehouse-dropped-tools",
    "x-gatehouse-overhead-ms",
    "x-ratelimit-limit-requests",
    "x-ratelimit-limit-tokens",
    "x-ratelimit-remaining-requests",
    "x-ratelimit-remaining-tokens",
    "x-ratelimit-reset-requests",
    "x-ratelimit-reset-tokens",
    "anthropic-ratelimit-requests-limit",
    "anthropic-ratelimit-requests-remaining",
    "anthropic-ratelimit-requests-reset",
    "anthropic-ratelimit-tokens-limit",
    "anthropic-ratelimit-tokens-remaining",
    "anthropic-ratelimit-tokens-reset",
    "anthropic-ratelimit-input-tokens-limit",
    "anthropic-ratelimit-input-tokens-remaining",
    "anthropic-ratelimit-input-tokens-reset",
    "anthropic-ratelimit-output-tokens-limit",
    "anthropic-ratelimit-output-tokens-remaining",
    "anthropic-ratelimit-output-tokens-reset",
};

// A browser asks for a handful; more than this is no SDK.
constexpr int maxEchoedHeaders = 32;
constexpr qsizetype maxHeaderNameLength = 64;

bool isKnown(QByteArrayView name)
{
    for (const char *known : knownRequestHeaders) {
        if (name == QByteArrayView(known))
            return true;
    }
    return false;
}

bool isPlainName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > maxHeaderNameLength)
        return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    }
    return true;
}

QByteArray joined(const char *const *names, qsizetype count)
{
    QByteArray out;
    for (qsizetype i = 0; i < count; ++i) {
        if (i > 0)
            out += ", ";
        out += names[i];
    }
    return out;
}

} // namespace

bool CorsPolicy::isAllowedRequestHeader(QByteArrayView name)
{
    if (!isPlainName(name))
        return false;
    if (isKnown(name))
        return true;
    for (const char *family : requestHeaderFamilies) {
        const QByteArrayView prefix(family);
        if (name.size() > prefix.size() && name.startsWith(prefix))
            return true;
    }
    return false;
}

QByteArray CorsPolicy::allowedRequestHeaders(QByteArrayView requested)
{
    static const QByteArray known = joined(knownRequestHeaders, std::size(knownRequestHeaders));
    QByteArray out = known;
    QList<QByteArray> echoed;
    for (const QByteArray &part : requested.toByteArray().split(',')) {
        const QByteArray name = part.trimmed().toLower();
        if (isKnown(name) || !isAllowedRequestHeader(name) || echoed.contains(name))
            continue;
        if (echoed.size() == maxEchoedHeaders)
            break;
        echoed.append(name);
        out += ", " + name;
    }
    return out;
}

QByteArray CorsPolicy::exposedResponseHeaders()
{
    static const QByteArray exposed = joined(exposedHeaders, std::size(exposedHeaders));
    return exposed;
}

} // namespace gatehouse
