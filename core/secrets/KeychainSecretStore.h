#pragma once

#include "SecretStore.h"

namespace gatehouse {

// SecretStore backed by the operating system's keychain through QtKeychain
// (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
// There is no plaintext fallback: when no keychain is reachable, operations fail.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Gatehouse"),
                                 QObject *parent = nullptr);

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QByteArray &value, Callback done) override;
    void remove(const QString &key, Callback done) override;

private:
    QString m_service;
};

} // namespace gatehouse
