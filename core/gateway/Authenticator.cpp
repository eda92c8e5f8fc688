#include "Authenticator.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace gatehouse {

QByteArray Authenticator::presentedKey(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.isEmpty()) {
        const QByteArrayView v(authorization);
        if (v.size() > 7 && v.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
            return v.sliced(7).trimmed().toByteArray();
        return {};
    }
    const QByteArray apiKey = request.header("x-api-key").trimmed();
    if (!apiKey.isEmpty())
        return apiKey;
    // Google's clients: x-goog-api-key, or ?key= (read here only; never logged nor sent on).
    const QByteArray googKey = request.header("x-goog-api-key").trimmed();
    if (!googKey.isEmpty())
        return googKey;
    return QUrlQuery(QString::fromUtf8(request.query))
        .queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded)
        .toUtf8();
}

std::variant<QString, ApiError> Authenticator::authenticate(const HttpRequest &request,
                                                            const GatewaySnapshot &snapshot)
{
    const QByteArray key = presentedKey(request);
    if (key.isEmpty())
        return ApiError::unauthorized(QCoreApplication::translate(
            "Authenticator",
            "No access key was sent. Send a Gatehouse access key as \"Authorization: Bearer "
            "ghk_…\" or \"x-api-key: ghk_…\"; create one with \"gatehouse key create NAME\"."));
    const QByteArray hash = AccessKeys::hashOf(key);
    QString match;
    // Compare against every key so the time taken does not reveal which one matched.
    for (const AccessKeyEntry &entry : snapshot.accessKeys) {
        if (AccessKeys::constantTimeEquals(hash, entry.hash) && match.isEmpty())
            match = entry.name;
    }
    if (match.isEmpty())
        return ApiError::unauthorized(QCoreApplication::translate(
            "Authenticator", "The access key is not valid or has been revoked."));
    return match;
}

} // namespace gatehouse
