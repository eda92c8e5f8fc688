#include "MemorySecretStore.h"

#include <QMetaObject>

namespace gatehouse {

void MemorySecretStore::finish(Callback done, SecretResult result)
{
    if (m_failure != SecretResult::Error::None) {
        result = SecretResult{m_failure, m_failureMessage, {}};
    }
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)] { done(result); },
        Qt::QueuedConnection);
}

void MemorySecretStore::read(const QString &key, Callback done)
{
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd())
        finish(std::move(done),
               {SecretResult::Error::NotFound, tr("No secret stored for %1.").arg(key), {}});
    else
        finish(std::move(done), {SecretResult::Error::None, {}, *it});
}

void MemorySecretStore::write(const QString &key, const QByteArray &value, Callback done)
{
    if (m_failure == SecretResult::Error::None)
        m_values.insert(key, value);
    finish(std::move(done), {});
}

void MemorySecretStore::remove(const QString &key, Callback done)
{
    if (m_failure == SecretResult::Error::None)
        m_values.remove(key);
    finish(std::move(done), {});
}

void MemorySecretStore::setFailure(SecretResult::Error error, const QString &message)
{
    m_failure = error;
    m_failureMessage = message;
}

} // namespace gatehouse
