#pragma once

#include "ApiError.h"
#include "http/HttpRequest.h"

#include <QStringList>
#include <optional>

namespace gatehouse {

// First stage: refuses requests that did not come from a local tool talking to us by our
// own address (DNS rebinding), and browser pages of other origins. "Our own address" is
// the loopback names, the bind address, and the address the client's connection reached
// (what a LAN client uses when the gateway listens on 0.0.0.0 or ::).
class RequestGuard
{
public:
    RequestGuard(const QString &bindAddress, quint16 port, const QStringList &allowedOrigins);

    std::optional<ApiError> check(const HttpRequest &request) const;
    // The origin to echo in CORS headers, if the request comes from an allowed one.
    QByteArray allowedOrigin(const HttpRequest &request) const;

private:
    bool isOwnHost(QByteArrayView host, const HttpEnvironment &environment) const;

    QList<QByteArray> m_hostNames; // lower-case host names without port
    QByteArray m_port;
    QList<QByteArray> m_allowedOrigins;
};

} // namespace gatehouse
