#include "Provider.h"

#include "ConfigJson.h"
#include "UrlPolicy.h"
#include "http/HttpNumber.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace gatehouse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gatehouse::Provider", text);
}

// Headers that carry credentials belong in the keychain, and hop-by-hop or framing
// headers are Gatehouse's to set.
bool isReservedHeader(const QByteArray &lowerName)
{
    static const char *const reserved[] = {
        "host", "content-length", "transfer-encoding", "connection",
        "te",   "upgrade",        "keep-alive",        "trailer"};
    for (const char *r : reserved) {
        if (lowerName == r)
            return true;
    }
    return false;
}

} // namespace

bool Provider::isCredentialHeader(const QByteArray &name)
{
    static const char *const credentials[] = {"authorization",  "proxy-authorization",
                                              "x-api-key",      "api-key",
                                              "x-goog-api-key", "cookie",
                                              "x-auth-token",   "ocp-apim-subscription-key"};
    const QByteArray lower = name.toLower();
    for (const char *c : credentials) {
        if (lower == c)
            return true;
    }
    return false;
}

bool Provider::isCredentialQueryItem(const QString &name)
{
    static const char *const credentials[] = {
        "key",   "api_key",   "apikey",         "api-key",          "access_token",
        "token", "auth",      "secret",         "password",         "client_secret",
        "sig",   "signature", "x-goog-api-key", "subscription-key", "code"};
    const QString lower = name.toLower();
    for (const char *c : credentials) {
        if (lower == QLatin1String(c))
            return true;
    }
    return false;
}

QString Provider::surfaceNames() const
{
    QStringList names;
    for (const ApiSurface s : surfaces)
        names << apiSurfaceName(s);
    return names.join(QLatin1String(", "));
}

Result<QList<ApiSurface>> Provider::parseSurfaces(const QStringList &names)
{
    QList<ApiSurface> out;
    for (const QString &name : names) {
        const auto surface = parseApiSurface(name.trimmed());
        if (!surface)
            return Result<QList<ApiSurface>>::failure(surface.error());
        if (!out.contains(surface.value()))
            out << surface.value();
    }
    if (out.isEmpty())
        return Result<QList<ApiSurface>>::failure(
            tr("A provider speaks at least one API surface (%1).").arg(apiSurfaceNameList()));
    return out;
}

Status Provider::validateId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    if (!pattern.match(id).hasMatch())
        return Status::failure(
            tr("\"%1\" is not a valid provider id: use 1 to 40 lower-case letters, digits and "
               "dashes, starting with a letter or digit.")
                .arg(id));
    return {};
}

Result<QPair<QByteArray, QByteArray>> Provider::parseHeader(const QString &line, bool forSecret)
{
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return Result<QPair<QByteArray, QByteArray>>::failure(
            tr("Header \"%1\" must look like \"Name: value\".").arg(line));
    const QByteArray name = line.left(colon).trimmed().toLatin1();
    const QByteArray value = line.mid(colon + 1).trimmed().toUtf8();
    if (!isHttpToken(name))
        return Result<QPair<QByteArray, QByteArray>>::failure(
            tr("Header name \"%1\" contains characters not allowed in HTTP header names.")
                .arg(QString::fromLatin1(name)));
    if (value.contains('\r') || value.contains('\n') || value.contains('\0'))
        return Result<QPair<QByteArray, QByteArray>>::failure(
            tr("The value of header \"%1\" contains a line break.").arg(QString::fromLatin1(name)));
    if (isReservedHeader(name.toLower()))
        return Result<QPair<QByteArray, QByteArray>>::failure(
            tr("Header \"%1\" cannot be set: connection headers are set by Gatehouse.")
                .arg(QString::fromLatin1(name)));
    if (!forSecret && isCredentialHeader(name))
        return Result<QPair<QByteArray, QByteArray>>::failure(
            tr("Header \"%1\" carries a credential and is kept only in the keychain, never in "
               "the config file.")
                .arg(QString::fromLatin1(name)));
    return qMakePair(name, value);
}

Status Provider::validateKeyLabel(const QString &label)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    if (!pattern.match(label).hasMatch())
        return Status::failure(tr("\"%1\" is not a valid key label: use 1 to 40 lower-case "
                                  "letters, digits and dashes.")
                                   .arg(label));
    return {};
}

Status Provider::validate() const
{
    if (auto s = validateId(id); !s)
        return s;
    const auto url = UrlPolicy::checkBaseUrl(baseUrl.toString());
    if (!url)
        return Status::failure(url.error());
    for (const QString &m : models) {
        if (m.isEmpty() || m.trimmed() != m)
            return Status::failure(tr("Provider \"%1\" lists an empty model name or one with "
                                      "surrounding spaces.")
                                       .arg(id));
    }
    for (const auto &h : extraHeaders) {
        // Earlier versions accepted a few credential headers in clear; a file holding one
        // still loads (so the gateway keeps working), but no edit adds one.
        const QByteArray lower = h.first.toLower();
        const bool acceptedBefore = lower == "x-goog-api-key" || lower == "x-auth-token" ||
                                    lower == "ocp-apim-subscription-key";
        const auto parsed = parseHeader(QString::fromLatin1(h.first) + QLatin1String(": ") +
                                            QString::fromUtf8(h.second),
                                        acceptedBefore);
        if (!parsed)
            return Status::failure(parsed.error());
    }
    for (const QString &h : secretHeaders) {
        if (!isHttpToken(h.toLatin1()) || isReservedHeader(h.toLatin1().toLower()))
            return Status::failure(
                tr("Provider \"%1\": \"%2\" cannot be a secret header.").arg(id, h));
    }
    for (const QString &q : secretQueryItems) {
        if (q.isEmpty() || q.contains(QLatin1Char('&')) || q.contains(QLatin1Char('=')))
            return Status::failure(
                tr("Provider \"%1\": \"%2\" cannot be a secret query parameter.").arg(id, q));
    }
    if (surfaces.isEmpty())
        return Status::failure(tr("Provider \"%1\" speaks no API surface.").arg(id));
    if (timeouts.connectMs <= 0 || timeouts.firstByteMs <= 0 || timeouts.idleMs <= 0)
        return Status::failure(tr("Provider \"%1\" has a timeout that is not positive.").arg(id));
    return {};
}

QJsonObject Provider::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("id"), id);
    if (!displayName.isEmpty())
        o.insert(QLatin1String("name"), displayName);
    o.insert(QLatin1String("baseUrl"), baseUrl.toString());
    // "surface" keeps configs readable by versions that knew one surface per provider.
    o.insert(QLatin1String("surface"), apiSurfaceName(primarySurface()));
    QJsonArray surfaceList;
    for (const ApiSurface s : surfaces)
        surfaceList.append(apiSurfaceName(s));
    o.insert(QLatin1String("surfaces"), surfaceList);
    o.insert(QLatin1String("models"), QJsonArray::fromStringList(models));
    QJsonObject headers;
    for (const auto &h : extraHeaders)
        headers.insert(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    o.insert(QLatin1String("headers"), headers);
    o.insert(QLatin1String("timeouts"),
             QJsonObject{{QLatin1String("connectMs"), timeouts.connectMs},
                         {QLatin1String("firstByteMs"), timeouts.firstByteMs},
                         {QLatin1String("idleMs"), timeouts.idleMs}});
    o.insert(QLatin1String("enabled"), enabled);
    o.insert(QLatin1String("hasKey"), hasKey);
    if (!keyLabels.isEmpty())
        o.insert(QLatin1String("keyLabels"), QJsonArray::fromStringList(keyLabels));
    if (!secretHeaders.isEmpty())
        o.insert(QLatin1String("secretHeaders"), QJsonArray::fromStringList(secretHeaders));
    if (!secretQueryItems.isEmpty())
        o.insert(QLatin1String("secretQuery"), QJsonArray::fromStringList(secretQueryItems));
    ConfigJson::addUnknownFields(o, otherFields);
    return o;
}

Result<Provider> Provider::fromJson(const QJsonObject &json)
{
    Provider p;
    p.id = json.value(QLatin1String("id")).toString();
    const QString where =
        p.id.isEmpty() ? tr("a provider without id") : tr("provider \"%1\"").arg(p.id);
    auto fail = [&](const QString &why) {
        return Result<Provider>::failure(tr("In %1: %2").arg(where, why));
    };
    for (const Status &s :
         {ConfigJson::expect(json, QLatin1String("id"), QJsonValue::String),
          ConfigJson::expect(json, QLatin1String("name"), QJsonValue::String),
          ConfigJson::expect(json, QLatin1String("surface"), QJsonValue::String),
          ConfigJson::expectArrayOf(json, QLatin1String("surfaces"), QJsonValue::String),
          ConfigJson::expectObjectOf(json, QLatin1String("headers"), QJsonValue::String),
          ConfigJson::expectObjectOf(json, QLatin1String("timeouts"), QJsonValue::Double),
          ConfigJson::expect(json, QLatin1String("enabled"), QJsonValue::Bool),
          ConfigJson::expect(json, QLatin1String("hasKey"), QJsonValue::Bool),
          ConfigJson::expectArrayOf(json, QLatin1String("keyLabels"), QJsonValue::String),
          ConfigJson::expectArrayOf(json, QLatin1String("secretHeaders"), QJsonValue::String),
          ConfigJson::expectArrayOf(json, QLatin1String("secretQuery"), QJsonValue::String)}) {
        if (!s)
            return fail(s.error());
    }
    p.otherFields = ConfigJson::unknownFields(
        json, {QLatin1String("id"), QLatin1String("name"), QLatin1String("baseUrl"),
               QLatin1String("surface"), QLatin1String("surfaces"), QLatin1String("models"),
               QLatin1String("headers"), QLatin1String("timeouts"), QLatin1String("enabled"),
               QLatin1String("hasKey"), QLatin1String("keyLabels"), QLatin1String("secretHeaders"),
               QLatin1String("secretQuery")});
    p.displayName = json.value(QLatin1String("name")).toString();
    if (!json.value(QLatin1String("baseUrl")).isString())
        return fail(tr("\"baseUrl\" must be a string."));
    const auto url = UrlPolicy::checkBaseUrl(json.value(QLatin1String("baseUrl")).toString());
    if (!url)
        return fail(url.error());
    p.baseUrl = url.value();
    QStringList surfaceNames;
    const QJsonValue surfaceList = json.value(QLatin1String("surfaces"));
    if (surfaceList.isArray()) {
        for (const QJsonValue v : surfaceList.toArray())
            surfaceNames << v.toString();
    } else {
        surfaceNames << json.value(QLatin1String("surface")).toString();
    }
    const auto surfaces = parseSurfaces(surfaceNames);
    if (!surfaces)
        return fail(surfaces.error());
    p.surfaces = surfaces.value();
    const QJsonValue models = json.value(QLatin1String("models"));
    if (!models.isUndefined() && !models.isArray())
        return fail(tr("\"models\" must be a list of strings."));
    for (const QJsonValue v : models.toArray()) {
        if (!v.isString())
            return fail(tr("\"models\" must be a list of strings."));
        p.models << v.toString();
    }
    const QJsonObject headers = json.value(QLatin1String("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        p.extraHeaders.append({it.key().toLatin1(), it.value().toString().toUtf8()});
    const QJsonObject t = json.value(QLatin1String("timeouts")).toObject();
    p.timeouts.connectMs = t.value(QLatin1String("connectMs")).toInt(p.timeouts.connectMs);
    p.timeouts.firstByteMs = t.value(QLatin1String("firstByteMs")).toInt(p.timeouts.firstByteMs);
    p.timeouts.idleMs = t.value(QLatin1String("idleMs")).toInt(p.timeouts.idleMs);
    p.enabled = json.value(QLatin1String("enabled")).toBool(true);
    p.hasKey = json.value(QLatin1String("hasKey")).toBool(false);
    for (const QJsonValue v : json.value(QLatin1String("keyLabels")).toArray()) {
        if (auto s = validateKeyLabel(v.toString()); !s)
            return fail(s.error());
        p.keyLabels << v.toString();
    }
    for (const QJsonValue v : json.value(QLatin1String("secretHeaders")).toArray())
        p.secretHeaders << v.toString();
    for (const QJsonValue v : json.value(QLatin1String("secretQuery")).toArray())
        p.secretQueryItems << v.toString();
    if (auto s = p.validate(); !s)
        return fail(s.error());
    return p;
}

} // namespace gatehouse
