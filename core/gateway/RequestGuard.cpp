#include "RequestGuard.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace gatehouse {

RequestGuard::RequestGuard(const QString &bindAddress, quint16 port,
                           const QStringList &allowedOrigins)
    : m_port(QByteArray::number(port))
{
    m_hostNames << "127.0.0.1"
                << "localhost"
                << "[::1]";
    // A wildcard bind address names no host: what a client reached is its local address.
    const QHostAddress bind(bindAddress);
    // 0.0.0.0, :: and Any alike.
    const bool wildcard =
        bind.isEqual(QHostAddress(QHostAddress::Any), QHostAddress::ConvertUnspecifiedAddress);
    if (!wildcard && bind.protocol() == QAbstractSocket::IPv6Protocol)
        m_hostNames << '[' + bind.toString().toLatin1().toLower() + ']';
    else if (!wildcard && !bind.isNull())
        m_hostNames << bind.toString().toLatin1();
    for (const QString &o : allowedOrigins)
        m_allowedOrigins << o.toLatin1().toLower();
}

namespace {

// How a Host header names this address: dotted IPv4 (also for an IPv4 client on a dual-stack
// socket) or bracketed IPv6.
QByteArray hostNameOf(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString().toLatin1();
    QHostAddress plain = address;
    plain.setScopeId(QString());
    return '[' + plain.toString().toLatin1().toLower() + ']';
}

} // namespace

bool RequestGuard::isOwnHost(QByteArrayView hostHeader, const HttpEnvironment &environment) const
{
    const QByteArray host = hostHeader.toByteArray().toLower();
    QByteArrayView name = host;
    QByteArrayView port;
    const qsizetype colon = host.lastIndexOf(':');
    if (colon >= 0 && colon > host.lastIndexOf(']')) {
        name = QByteArrayView(host).first(colon);
        port = QByteArrayView(host).sliced(colon + 1);
    }
    const QByteArray ownPort =
        environment.localPort != 0 ? QByteArray::number(environment.localPort) : m_port;
    if (!port.isEmpty() && port != ownPort)
        return false;
    for (const QByteArray &own : m_hostNames) {
        if (name == own)
            return true;
    }
    return !environment.localAddress.isNull() && name == hostNameOf(environment.localAddress);
}

std::optional<ApiError> RequestGuard::check(const HttpRequest &request) const
{
    // Two of either leave it open which one a check looked at (RFC 9112 §3.2).
    if (request.headerCount("host") > 1)
        return ApiError::badRequest(QCoreApplication::translate(
            "RequestGuard", "The request has more than one Host header."));
    if (request.headerCount("origin") > 1)
        return ApiError::badRequest(QCoreApplication::translate(
            "RequestGuard", "The request has more than one Origin header."));
    const QByteArray host = request.header("host");
    if (request.versionMinor >= 1 && host.isEmpty())
        return ApiError::badRequest(
            QCoreApplication::translate("RequestGuard", "The request has no Host header."));
    if (!host.isEmpty() && !isOwnHost(host, request.environment))
        return ApiError::forbidden(
            QCoreApplication::translate(
                "RequestGuard",
                "The Host header \"%1\" does not name this gateway. Use http://127.0.0.1:%2 or "
                "http://localhost:%2.")
                .arg(QString::fromLatin1(host), QString::fromLatin1(m_port)),
            QStringLiteral("host_not_allowed"));
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && !m_allowedOrigins.contains(origin.toLower()))
        return ApiError::forbidden(
            QCoreApplication::translate(
                "RequestGuard",
                "Requests from web pages of origin \"%1\" are not allowed. Add the origin to the "
                "allowed origins in Gatehouse's settings if you trust it.")
                .arg(QString::fromLatin1(origin)),
            QStringLiteral("origin_not_allowed"));
    return std::nullopt;
}

QByteArray RequestGuard::allowedOrigin(const HttpRequest &request) const
{
    const QByteArray origin = request.header("origin");
    if (!origin.isEmpty() && m_allowedOrigins.contains(origin.toLower()))
        return origin;
    return {};
}

} // namespace gatehouse
