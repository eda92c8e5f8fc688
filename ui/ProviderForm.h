#pragma once

#include "config/Provider.h"

#include <QHash>
#include <QWidget>
#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace gatehouse {

class ProviderProbe;
struct ProbeResult;

// The fields of one provider: id, name, base URL, the API surfaces it speaks, key and
// models, with a "Test connection" that asks the provider for its models (and ticks the
// Responses API when the server answers it). Used by the add-provider wizard
// and the edit dialog.
class ProviderForm : public QWidget
{
    Q_OBJECT
public:
    explicit ProviderForm(QWidget *parent = nullptr);

    // editing: the id is fixed, and an empty key field keeps the stored key.
    void setProvider(const Provider &provider, bool editing);
    void setTakenIds(const QStringList &ids) { m_takenIds = ids; }
    void setKeyRequired(bool required);
    void setKnownModels(const QStringList &models, const QStringList &checked);
    // Reads the stored key when testing an edited provider whose key field is empty.
    using KeyReader = std::function<void(const std::function<void(const QByteArray &)> &)>;
    void setStoredKeyReader(KeyReader reader) { m_storedKeyReader = std::move(reader); }

    // The provider as entered, or what is wrong with it (also shown next to the field).
    Result<Provider> provider();
    QByteArray key() const;
    bool isTesting() const { return m_testing; }

    QLineEdit *idEdit() const { return m_id; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *keyEdit() const { return m_key; }
    QLabel *urlProblem() const { return m_urlProblem; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    QListWidget *modelList() const { return m_models; }
    QCheckBox *surfaceBox(ApiSurface surface) const { return m_surfaces.value(surface); }

public slots:
    void testConnection();
    // Shows why the URL is refused, next to it; true when it is fine.
    bool checkUrl();

signals:
    void changed();
    void tested(bool ok);

private:
    void showProbe(const ProbeResult &result);
    QStringList checkedModels() const;

    QLineEdit *m_id;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLabel *m_urlProblem;
    QHash<ApiSurface, QCheckBox *> m_surfaces; // one per API surface
    QList<ApiSurface> m_surfaceOrder;          // the edited provider's order
    QLabel *m_surfaceNote;
    QLineEdit *m_key;
    QLabel *m_keyNote;
    QCheckBox *m_anyModel;
    QListWidget *m_models;
    QPushButton *m_test;
    QLabel *m_testResult;
    ProviderProbe *m_probe;
    QStringList m_takenIds;
    KeyReader m_storedKeyReader;
    bool m_editing = false;
    bool m_keyRequired = false;
    bool m_testing = false;
};

} // namespace gatehouse
