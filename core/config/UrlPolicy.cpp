#include "UrlPolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gatehouse::UrlPolicy", text);
}

bool isLocalAddress(const QHostAddress &address)
{
    if (address.isLoopback() || address.isLinkLocal() || address.isUniqueLocalUnicast())
        return true;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also unwraps ::ffff:a.b.c.d
    if (isV4) {
        return (v4 >> 24) == 127 || (v4 >> 24) == 10 || (v4 >> 20) == (0xAC10u >> 4) // 172.16/12
               || (v4 >> 16) == 0xC0A8 || (v4 >> 16) == 0xA9FE; // 192.168, 169.254
    }
    return false;
}

} // namespace

bool UrlPolicy::isLocalHost(const QString &hostIn)
{
    QString host = hostIn.toLower();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    if (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    QHostAddress address;
    if (address.setAddress(host))
        return isLocalAddress(address);
    static const char *const localSuffixes[] = {".local", ".internal", ".lan", ".home.arpa",
                                                ".localhost"};
    if (host == QLatin1String("localhost"))
        return true;
    for (const char *suffix : localSuffixes) {
        if (host.endsWith(QLatin1String(suffix)))
            return true;
    }
    return false;
}

Result<QUrl> UrlPolicy::checkBaseUrl(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Result<QUrl>::failure(tr("The base URL is empty."));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return Result<QUrl>::failure(
            tr("\"%1\" is not a valid URL: %2").arg(trimmed, url.errorString()));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Result<QUrl>::failure(
            tr("\"%1\" must start with https:// (or http:// for a server on this machine or "
               "your own network).")
                .arg(trimmed));
    if (url.host().isEmpty())
        return Result<QUrl>::failure(tr("\"%1\" names no host.").arg(trimmed));
    if (!url.userInfo().isEmpty())
        return Result<QUrl>::failure(
            tr("\"%1\" contains a user name or password. Remove it and store the provider key "
               "in the keychain instead, so it is never written to disk in clear.")
                .arg(url.toString(QUrl::RemoveUserInfo)));
    if (url.hasFragment())
        return Result<QUrl>::failure(tr("\"%1\" must not contain a #fragment.").arg(trimmed));
    if (scheme == QLatin1String("http") && !isLocalHost(url.host()))
        return Result<QUrl>::failure(
            tr("\"%1\" uses plain http:// to a public host, which would send your prompts and "
               "keys unencrypted over the internet. Use https://, or http:// only for this "
               "machine (localhost, 127.0.0.1), a private address (10.x, 172.16-31.x, "
               "192.168.x) or a local name ending in .local, .lan, .internal or .home.arpa.")
                .arg(trimmed));
    url.setScheme(scheme);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

} // namespace gatehouse
