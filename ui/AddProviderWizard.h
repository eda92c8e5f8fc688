#pragma once

#include "discovery/LocalScanner.h"

#include <QWizard>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;

namespace gatehouse {

class ProviderForm;
class SecretStore;
class ConfigStore;

// Adds a provider in three steps: where the model runs (this machine or network, or a
// cloud provider), which server or provider, then its details with a connection test.
// Finishing stores the key in the keychain first and only then saves the config.
class AddProviderWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        KindPage,
        LocalPage,
        CloudPage,
        DetailsPage
    };

    AddProviderWizard(const ConfigStore &store, SecretStore *secrets, QWidget *parent = nullptr);
    ~AddProviderWizard() override;

    // Servers the local scan probes; the well-known ones unless a test says otherwise.
    void setScanCandidates(const QList<LocalScanner::Candidate> &candidates);

    // Skips the first question: the cloud catalog is shown at once.
    void startWithCloud();

    ProviderForm *form() const;
    QString savedProviderId() const { return m_savedId; }
    QString lastError() const { return m_lastError; }

    void accept() override;

signals:
    void providerSaved(const QString &id);

private:
    void showProblem(const QString &message);

    class Impl;
    Impl *d;
    QString m_savedId;
    QString m_lastError;
};

} // namespace gatehouse
