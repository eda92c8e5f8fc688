#include "Config.h"

#include "ConfigJson.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonArray>

namespace gatehouse {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("gatehouse::Config", text);
}
} // namespace

const Provider *Config::findProvider(const QString &id) const
{
    for (const auto &p : providers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

Provider *Config::findProvider(const QString &id)
{
    return const_cast<Provider *>(std::as_const(*this).findProvider(id));
}

const AccessKeyRecord *Config::findAccessKey(const QString &name) const
{
    for (const auto &k : accessKeys) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

AccessKeyRecord *Config::findAccessKey(const QString &name)
{
    return const_cast<AccessKeyRecord *>(std::as_const(*this).findAccessKey(name));
}

const RouteRule *Config::findRoute(const QString &name) const
{
    return findRouteIn(routes, name);
}

QList<RouteRule> *Config::routesOf(const QString &configuration)
{
    if (configuration.isEmpty())
        return &routes;
    KeyConfiguration *k = findKeyConfiguration(configuration);
    return k ? &k->routes : nullptr;
}

const KeyConfiguration *Config::findKeyConfiguration(const QString &name) const
{
    for (const auto &k : keyConfigurations) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

KeyConfiguration *Config::findKeyConfiguration(const QString &name)
{
    return const_cast<KeyConfiguration *>(std::as_const(*this).findKeyConfiguration(name));
}

KeyConfiguration Config::configurationFor(const AccessKeyRecord &key) const
{
    if (const KeyConfiguration *own = findKeyConfiguration(
            key.configuration.isEmpty() ? QString(KeyConfiguration::defaultName)
                                        : key.configuration))
        return *own;
    KeyConfiguration open;
    open.name = KeyConfiguration::defaultName;
    return open;
}

QJsonObject Config::toJson() const
{
    QJsonObject gw{
        {QLatin1String("bind"), gateway.bindAddress},
        {QLatin1String("port"), gateway.port},
        {QLatin1String("maxBodyBytes"), gateway.maxBodyBytes},
        {QLatin1String("maxHeaderBytes"), gateway.maxHeaderBytes},
        {QLatin1String("maxConnections"), gateway.maxConnections},
        {QLatin1String("idleTimeoutMs"), gateway.idleTimeoutMs},
        {QLatin1String("allowedOrigins"), QJsonArray::fromStringList(gateway.allowedOrigins)}};
    if (!gateway.extraCaFile.isEmpty())
        gw.insert(QLatin1String("extraCaFile"), gateway.extraCaFile);
    if (!gateway.ollamaApi.isDefault())
        gw.insert(OllamaApiSettings::field, gateway.ollamaApi.toJson());
    ConfigJson::addUnknownFields(gw, gateway.otherFields);
    QJsonArray providerArray;
    for (const auto &p : providers)
        providerArray.append(p.toJson());
    QJsonArray keyArray;
    for (const auto &k : accessKeys)
        keyArray.append(k.toJson());
    QJsonObject root{{QLatin1String("schemaVersion"), schemaVersion},
                     {QLatin1String("instanceId"), instanceId},
                     {QLatin1String("gateway"), gw},
                     {QLatin1String("providers"), providerArray},
                     {QLatin1String("accessKeys"), keyArray}};
    if (!routes.isEmpty()) {
        QJsonArray routeArray;
        for (const auto &r : routes)
            routeArray.append(r.toJson());
        root.insert(QLatin1String("routes"), routeArray);
    }
    if (!keyConfigurations.isEmpty()) {
        QJsonArray configArray;
        for (const auto &k : keyConfigurations)
            configArray.append(k.toJson());
        root.insert(QLatin1String("keyConfigurations"), configArray);
    }
    ConfigJson::addUnknownFields(root, otherFields);
    return root;
}

Result<Config> Config::fromJson(const QJsonObject &json)
{
    using ConfigJson::expect;
    using ConfigJson::expectArrayOf;
    Config c;
    const QJsonValue version = json.value(QLatin1String("schemaVersion"));
    if (!version.isDouble())
        return Result<Config>::failure(tr("\"schemaVersion\" is missing or not a number."));
    c.schemaVersion = version.toInt();
    if (c.schemaVersion < 1 || c.schemaVersion > currentSchemaVersion)
        return Result<Config>::failure(
            tr("schema version %1 is not supported (this Gatehouse reads version %2); it may "
               "have been written by a newer Gatehouse.")
                .arg(c.schemaVersion)
                .arg(currentSchemaVersion));
    const QLatin1String instanceId("instanceId"), gatewayField("gateway"),
        providersField("providers"), accessKeysField("accessKeys"), routesField("routes"),
        keyConfigurationsField("keyConfigurations");
    // A section of the wrong type is refused, never read as empty: saving would lose it.
    for (const Status &s : {expect(json, instanceId, QJsonValue::String),
                            expect(json, gatewayField, QJsonValue::Object),
                            expectArrayOf(json, providersField, QJsonValue::Object),
                            expectArrayOf(json, accessKeysField, QJsonValue::Object),
                            expectArrayOf(json, routesField, QJsonValue::Object),
                            expectArrayOf(json, keyConfigurationsField, QJsonValue::Object)}) {
        if (!s)
            return Result<Config>::failure(s.error());
    }
    c.otherFields = ConfigJson::unknownFields(json, {QLatin1String("schemaVersion"), instanceId,
                                                     gatewayField, providersField, accessKeysField,
                                                     routesField, keyConfigurationsField});
    c.instanceId = json.value(instanceId).toString();
    if (c.instanceId.isEmpty())
        return Result<Config>::failure(tr("\"instanceId\" is missing."));

    const QJsonObject gw = json.value(QLatin1String("gateway")).toObject();
    for (const Status &s : {expect(gw, QLatin1String("bind"), QJsonValue::String),
                            expect(gw, QLatin1String("port"), QJsonValue::Double),
                            expect(gw, QLatin1String("maxBodyBytes"), QJsonValue::Double),
                            expect(gw, QLatin1String("maxHeaderBytes"), QJsonValue::Double),
                            expect(gw, QLatin1String("maxConnections"), QJsonValue::Double),
                            expect(gw, QLatin1String("idleTimeoutMs"), QJsonValue::Double),
                            expectArrayOf(gw, QLatin1String("allowedOrigins"), QJsonValue::String),
                            expect(gw, QLatin1String("extraCaFile"), QJsonValue::String),
                            expect(gw, OllamaApiSettings::field, QJsonValue::Object)}) {
        if (!s)
            return Result<Config>::failure(tr("In \"gateway\": %1").arg(s.error()));
    }
    c.gateway.otherFields = ConfigJson::unknownFields(
        gw, {QLatin1String("bind"), QLatin1String("port"), QLatin1String("maxBodyBytes"),
             QLatin1String("maxHeaderBytes"), QLatin1String("maxConnections"),
             QLatin1String("idleTimeoutMs"), QLatin1String("allowedOrigins"),
             QLatin1String("extraCaFile"), OllamaApiSettings::field});
    c.gateway.bindAddress = gw.value(QLatin1String("bind")).toString(c.gateway.bindAddress);
    if (QHostAddress(c.gateway.bindAddress).isNull())
        return Result<Config>::failure(
            tr("gateway bind address \"%1\" is not an IP address.").arg(c.gateway.bindAddress));
    const int port = gw.value(QLatin1String("port")).toInt(c.gateway.port);
    if (port < 0 || port > 65535)
        return Result<Config>::failure(tr("gateway port %1 is out of range.").arg(port));
    c.gateway.port = static_cast<quint16>(port);
    c.gateway.maxBodyBytes =
        gw.value(QLatin1String("maxBodyBytes")).toInteger(c.gateway.maxBodyBytes);
    c.gateway.maxHeaderBytes =
        gw.value(QLatin1String("maxHeaderBytes")).toInt(c.gateway.maxHeaderBytes);
    c.gateway.maxConnections =
        gw.value(QLatin1String("maxConnections")).toInt(c.gateway.maxConnections);
    c.gateway.idleTimeoutMs =
        gw.value(QLatin1String("idleTimeoutMs")).toInt(c.gateway.idleTimeoutMs);
    if (c.gateway.maxBodyBytes <= 0 || c.gateway.maxHeaderBytes <= 0 ||
        c.gateway.maxConnections <= 0 || c.gateway.idleTimeoutMs <= 0)
        return Result<Config>::failure(tr("gateway limits must be positive numbers."));
    for (const QJsonValue v : gw.value(QLatin1String("allowedOrigins")).toArray())
        c.gateway.allowedOrigins << v.toString();
    c.gateway.extraCaFile = gw.value(QLatin1String("extraCaFile")).toString();
    auto ollamaApi = OllamaApiSettings::fromJson(gw.value(OllamaApiSettings::field).toObject());
    if (!ollamaApi)
        return Result<Config>::failure(ollamaApi.error());
    c.gateway.ollamaApi = std::move(ollamaApi).value();

    for (const QJsonValue v : json.value(QLatin1String("providers")).toArray()) {
        auto p = Provider::fromJson(v.toObject());
        if (!p)
            return Result<Config>::failure(p.error());
        if (c.findProvider(p->id))
            return Result<Config>::failure(tr("provider \"%1\" is listed twice.").arg(p->id));
        c.providers.append(std::move(p).value());
    }
    for (const QJsonValue v : json.value(QLatin1String("accessKeys")).toArray()) {
        auto k = AccessKeyRecord::fromJson(v.toObject());
        if (!k)
            return Result<Config>::failure(k.error());
        c.accessKeys.append(std::move(k).value());
    }
    for (const QJsonValue v : json.value(QLatin1String("routes")).toArray()) {
        auto r = RouteRule::fromJson(v.toObject());
        if (!r)
            return Result<Config>::failure(r.error());
        if (c.findRoute(r->name))
            return Result<Config>::failure(tr("route \"%1\" is listed twice.").arg(r->name));
        c.routes.append(std::move(r).value());
    }
    for (const QJsonValue v : json.value(QLatin1String("keyConfigurations")).toArray()) {
        auto k = KeyConfiguration::fromJson(v.toObject());
        if (!k)
            return Result<Config>::failure(k.error());
        if (c.findKeyConfiguration(k->name))
            return Result<Config>::failure(
                tr("key configuration \"%1\" is listed twice.").arg(k->name));
        c.keyConfigurations.append(std::move(k).value());
    }
    for (const AccessKeyRecord &k : c.accessKeys) {
        if (!k.configuration.isEmpty() && k.configuration != KeyConfiguration::defaultName &&
            !c.findKeyConfiguration(k.configuration))
            return Result<Config>::failure(
                tr("access key \"%1\" uses the configuration \"%2\", which does not exist.")
                    .arg(k.name, k.configuration));
    }
    return c;
}

} // namespace gatehouse
