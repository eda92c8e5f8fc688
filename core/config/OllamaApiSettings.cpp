#include "OllamaApiSettings.h"

#include "Config.h"
#include "ConfigJson.h"

#include <QTcpServer>

namespace gatehouse {

namespace {

const QLatin1String enabledField("enabled"), portField("port"),
    keyConfigurationField("keyConfiguration");

QString where(QLatin1String field)
{
    return QStringLiteral("gateway.%1.%2").arg(OllamaApiSettings::field, field);
}

} // namespace

QJsonObject OllamaApiSettings::toJson() const
{
    QJsonObject json{
        {enabledField, enabled}, {portField, port}, {keyConfigurationField, keyConfiguration}};
    ConfigJson::addUnknownFields(json, otherFields);
    return json;
}

Result<OllamaApiSettings> OllamaApiSettings::fromJson(const QJsonObject &json)
{
    using R = Result<OllamaApiSettings>;
    OllamaApiSettings s;
    const QJsonValue enabled = json.value(enabledField);
    if (!enabled.isUndefined() && !enabled.isBool())
        return R::failure(tr("\"%1\" must be true or false.").arg(where(enabledField)));
    s.enabled = enabled.toBool(false);
    const QJsonValue port = json.value(portField);
    if (!port.isUndefined()) {
        const double p = port.toDouble(-1);
        if (!port.isDouble() || p != static_cast<double>(static_cast<int>(p)) || p < 0 || p > 65535)
            return R::failure(
                tr("\"%1\" must be a port number from 1 to 65535.").arg(where(portField)));
        s.port = static_cast<quint16>(p);
    }
    const QJsonValue configuration = json.value(keyConfigurationField);
    if (!configuration.isUndefined()) {
        if (!configuration.isString() || configuration.toString().isEmpty())
            return R::failure(tr("\"%1\" must be the name of a key configuration.")
                                  .arg(where(keyConfigurationField)));
        s.keyConfiguration = configuration.toString();
    }
    if (s.enabled && s.port == 0)
        return R::failure(
            tr("\"%1\" is needed while the Ollama API listener is enabled: a port number from "
               "1 to 65535.")
                .arg(where(portField)));
    s.otherFields =
        ConfigJson::unknownFields(json, {enabledField, portField, keyConfigurationField});
    return s;
}

Status OllamaApiSettings::validateIn(const Config &config) const
{
    if (!enabled)
        return {};
    if (port == config.gateway.port)
        return Status::failure(
            tr("Port %1 is the gateway's own port; the Ollama API needs a port of its own.")
                .arg(port));
    if (!configurationIn(config.keyConfigurations, keyConfiguration))
        return Status::failure(
            tr("There is no key configuration \"%1\"; create it first, or use \"default\".")
                .arg(keyConfiguration));
    return {};
}

Status OllamaApiSettings::apply(Config &config, const OllamaApiSettings &wanted)
{
    if (wanted.enabled && wanted.port == 0)
        return Status::failure(
            tr("Pick a port for the Ollama API, for example %1.").arg(suggestedPort));
    if (const Status s = wanted.validateIn(config); !s)
        return s;
    const QJsonObject kept = config.gateway.ollamaApi.otherFields;
    config.gateway.ollamaApi = wanted;
    config.gateway.ollamaApi.otherFields = kept;
    return {};
}

Status OllamaApiSettings::checkPortFree(quint16 port)
{
    QTcpServer probe;
    if (probe.listen(QHostAddress::LocalHost, port))
        return {};
    return Status::failure(
        tr("Port %1 on 127.0.0.1 is in use by another program (Ollama itself listens on 11434); "
           "pick another port.")
            .arg(port));
}

const KeyConfiguration *
OllamaApiSettings::configurationIn(const QList<KeyConfiguration> &configurations,
                                   const QString &name)
{
    for (const KeyConfiguration &k : configurations) {
        if (k.name == name)
            return &k;
    }
    if (name == KeyConfiguration::defaultName) {
        static const KeyConfiguration open = [] {
            KeyConfiguration c;
            c.name = KeyConfiguration::defaultName;
            return c;
        }();
        return &open;
    }
    return nullptr;
}

} // namespace gatehouse
