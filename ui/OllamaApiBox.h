#pragma once

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace gatehouse {

class GatewayRuntime;

// The Settings page's part for the keyless Ollama API listener: on or off, its port, the key
// configuration it serves under, and whether the running gateway has it open.
class OllamaApiBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit OllamaApiBox(GatewayRuntime *runtime, QWidget *parent = nullptr);

    // Reads the settings and the key configurations from the config file.
    void load();
    // Saves what the widgets say; the running gateway follows the file.
    void apply();

    QCheckBox *enabledBox() const { return m_enabled; }
    QSpinBox *portBox() const { return m_port; }
    QComboBox *keyConfigBox() const { return m_keyConfig; }
    QPushButton *applyButton() const { return m_apply; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *message() const { return m_message; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showState();
    void setMessage(const QString &text);

    GatewayRuntime *m_runtime;
    QCheckBox *m_enabled;
    QSpinBox *m_port;
    QComboBox *m_keyConfig;
    QPushButton *m_apply;
    QLabel *m_status;
    QLabel *m_message;
};

} // namespace gatehouse
