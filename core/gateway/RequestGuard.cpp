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
    const QHostAddress bind(bindAddress);
    if (bind.protocol() == QAbstractSocket::IPv6Protocol)
        m_hostNames << '[' + bind.toString().toLatin1().toLower() + ']';
    else if (!bind.isNull())
        m_hostNames << bind.toString().toLatin1();
    for (const QString &o : allowedOrigins)
        m_allowedOrigins << o.toLatin1().toLower();
}

bool RequestGuard::isOwnHost(QByteArrayView hostHeader) const
{
    const QByteArray host = hostHeader.toByteArray().toLower();
    QByteArrayView name = host;
    QByteArrayView port;
    const qsizetype colon = host.lastIndexOf(':');
    if (colon >= 0 && colon > host.lastIndexOf(']')) {
        name = QByteArrayView(host).first(colon);
        port = QByteArrayView(host).sliced(colon + 1);
    }
    if (!port.isEmpty() && port != m_port)
        return false;
    for (const QByteArray &own : m_hostNames) {
        if (name == own)
            return true;
    }
    return false;
}

std::optional<ApiError> RequestGuard::check(const HttpRequest &request) const
{
    const QByteArray host = request.header("host");
    if (request.versionMinor >= 1 && host.isEmpty())
        return ApiError::badRequest(
            QCoreApplication::translate("RequestGuard", "The request has no Host header."));
    if (!host.isEmpty() && !isOwnHost(host))
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
