#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace gatehouse {

class GatewayRuntime;
class UiSettings;

// Where the gateway listens, how Gatehouse starts, and its language.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(GatewayRuntime *runtime, UiSettings *settings, QWidget *parent = nullptr);

    void load();
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *bindEdit() const { return m_bind; }
    QLabel *message() const { return m_message; }

    // Applies port and bind address. A non-loopback address needs `confirmed` (the
    // warning's own button passes it).
    void applyNetwork(bool confirmed = false);

private:
    void setMessage(const QString &text);

    GatewayRuntime *m_runtime;
    UiSettings *m_settings;
    QSpinBox *m_port;
    QLineEdit *m_bind;
    QPushButton *m_apply;
    QCheckBox *m_startAtLogin;
    QCheckBox *m_startMinimised;
    QCheckBox *m_limitNotices;
    QComboBox *m_language;
    QLabel *m_message;
};

} // namespace gatehouse
