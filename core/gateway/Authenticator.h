#pragma once

#include "ApiError.h"
#include "GatewaySnapshot.h"
#include "http/HttpRequest.h"

#include <variant>

namespace gatehouse {

// Finds which access key a request carries (Authorization: Bearer, x-api-key, and for
// Google's clients x-goog-api-key or the "key" query parameter) and
// checks it against the stored hashes in constant time.
class Authenticator
{
public:
    // The name of the matching access key, or a 401.
    static std::variant<QString, ApiError> authenticate(const HttpRequest &request,
                                                        const GatewaySnapshot &snapshot);
    static QByteArray presentedKey(const HttpRequest &request);
};

} // namespace gatehouse
