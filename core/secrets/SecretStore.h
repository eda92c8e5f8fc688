#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace gatehouse {

// What a secret operation ended with. `value` is only set by a successful read.
struct SecretResult
{
    enum class Error
    {
        None,
        NotFound,
        AccessDenied, // the user refused, or the keyring is locked
        NoBackend,    // no Secret Service / keychain reachable
        OtherError
    };
    Error error = Error::None;
    QString errorString;
    QByteArray value;

    bool ok() const { return error == Error::None; }
};

// Where provider keys live. Every operation is asynchronous and reports exactly once,
// always from the event loop (never from inside the call).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;
    using QObject::QObject;

    virtual void read(const QString &key, Callback done) = 0;
    virtual void write(const QString &key, const QByteArray &value, Callback done) = 0;
    virtual void remove(const QString &key, Callback done) = 0;

    // The keychain entry name of a provider key, scoped to one config so that two config
    // folders never share or overwrite each other's keys.
    static QString providerKeyName(const QString &instanceId, const QString &providerId,
                                   const QString &label = {})
    {
        return QStringLiteral("provider/") + instanceId + QLatin1Char('/') +
               providerKeyId(providerId, label);
    }
    // A credential header or URL query parameter of a provider; kind is "header" or "query".
    static QString providerSecretName(const QString &instanceId, const QString &providerId,
                                      const QString &kind, const QString &name)
    {
        return QStringLiteral("provider/") + instanceId + QLatin1Char('/') +
               providerSecretId(providerId, kind, name);
    }
    static QString providerSecretId(const QString &providerId, const QString &kind,
                                    const QString &name)
    {
        return providerId + QLatin1Char('/') + kind + QLatin1Char('/') + name.toLower();
    }
    // How a provider key is named within one config: "openai", or "openai#work".
    static QString providerKeyId(const QString &providerId, const QString &label)
    {
        return label.isEmpty() ? providerId : providerId + QLatin1Char('#') + label;
    }
};

} // namespace gatehouse
