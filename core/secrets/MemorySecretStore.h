#pragma once

#include "SecretStore.h"

#include <QHash>

namespace gatehouse {

// SecretStore that keeps everything in memory: for unit tests only.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString &key, Callback done) override;
    void write(const QString &key, const QByteArray &value, Callback done) override;
    void remove(const QString &key, Callback done) override;

    // Makes every following operation fail with this error (tests of failure paths).
    void setFailure(SecretResult::Error error, const QString &message);

private:
    void finish(Callback done, SecretResult result);

    QHash<QString, QByteArray> m_values;
    SecretResult::Error m_failure = SecretResult::Error::None;
    QString m_failureMessage;
};

} // namespace gatehouse
