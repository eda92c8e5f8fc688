#pragma once

#include "util/Result.h"

#include <QUrl>

namespace gatehouse {

// The rule for provider base URLs: https for public hosts; plain http only for this
// machine, private networks and local names.
class UrlPolicy
{
public:
    // Returns the normalised URL (no trailing slash) or why it is refused and what to do.
    static Result<QUrl> checkBaseUrl(const QString &text);

    // True for loopback, RFC 1918, link-local, unique-local addresses and local names.
    static bool isLocalHost(const QString &host);
};

} // namespace gatehouse
