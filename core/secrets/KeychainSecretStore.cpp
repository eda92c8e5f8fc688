#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

namespace gatehouse {

namespace {

SecretResult toResult(const QKeychain::Job *job)
{
    SecretResult r;
    switch (job->error()) {
    case QKeychain::NoError:
        return r;
    case QKeychain::EntryNotFound:
        r.error = SecretResult::Error::NotFound;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        r.error = SecretResult::Error::AccessDenied;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        r.error = SecretResult::Error::NoBackend;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        r.error = SecretResult::Error::OtherError;
        break;
    }
    const QString detail = job->errorString();
    switch (r.error) {
    case SecretResult::Error::NoBackend:
        r.errorString = KeychainSecretStore::tr(
                            "No keychain is available (%1). On Linux, Gatehouse needs a Secret "
                            "Service such as GNOME Keyring or KWallet running in your session.")
                            .arg(detail);
        break;
    case SecretResult::Error::AccessDenied:
        r.errorString = KeychainSecretStore::tr(
                            "The keychain refused access (%1). Unlock your keyring and try again.")
                            .arg(detail);
        break;
    default:
        r.errorString = KeychainSecretStore::tr("Keychain error: %1").arg(detail);
    }
    // A locked collection reads as a generic error from the Secret Service backend.
    if (detail.contains(QLatin1String("locked"), Qt::CaseInsensitive)) {
        r.error = SecretResult::Error::AccessDenied;
        r.errorString =
            KeychainSecretStore::tr("The keyring is locked (%1). Unlock it and try again.")
                .arg(detail);
    } else if (detail.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive) ||
               detail.contains(QLatin1String("org.freedesktop.secrets"), Qt::CaseInsensitive)) {
        r.error = SecretResult::Error::NoBackend;
        r.errorString = KeychainSecretStore::tr(
                            "No keychain is available (%1). On Linux, Gatehouse needs a Secret "
                            "Service such as GNOME Keyring or KWallet running in your session.")
                            .arg(detail);
    }
    return r;
}

template <typename JobType>
JobType *makeJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QObject *parent)
    : SecretStore(parent), m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString &key, Callback done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this, [done = std::move(done)](QKeychain::Job *j) {
        SecretResult r = toResult(j);
        if (r.ok())
            r.value = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
        done(r);
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QByteArray &value, Callback done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, key, this);
    job->setBinaryData(value);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *j) { done(toResult(j)); });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, Callback done)
{
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *j) { done(toResult(j)); });
    job->start();
}

} // namespace gatehouse
