#pragma once

#include "secrets/SecretStore.h"

#include <QCoreApplication>

namespace gatehouse {

// What a keychain failure means for the user and what to do about it.
inline QString keychainAdvice(const SecretResult &r)
{
    switch (r.error) {
    case SecretResult::Error::NoBackend:
        return QCoreApplication::translate(
                   "KeychainAdvice",
                   "No system keychain is available (%1). Gatehouse keeps provider keys only in "
                   "the keychain and never in a file. Install and start a Secret Service such as "
                   "GNOME Keyring or KWallet, log in again, and retry. Nothing was saved.")
            .arg(r.errorString);
    case SecretResult::Error::AccessDenied:
        return QCoreApplication::translate(
                   "KeychainAdvice",
                   "The system keychain refused access or is locked (%1). Unlock it (your "
                   "desktop's keyring or password manager) and retry. Nothing was saved.")
            .arg(r.errorString);
    default:
        return QCoreApplication::translate("KeychainAdvice",
                                           "The system keychain reported an error: %1. Nothing "
                                           "was saved.")
            .arg(r.errorString);
    }
}

} // namespace gatehouse
