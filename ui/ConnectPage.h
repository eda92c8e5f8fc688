#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace gatehouse {

class GatewayRuntime;

// How to point a tool at Gatehouse: the base URLs and ready-to-copy snippets, filled in
// with the real address and the chosen key's name (never a key it cannot show).
class ConnectPage : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectPage(GatewayRuntime *runtime, QWidget *parent = nullptr);

    void refresh();
    QString snippet(const QString &kind) const;
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *keyPicker() const { return m_key; }

private:
    QString baseUrl() const;
    void fillSnippets();
    GatewayRuntime *m_runtime;
    QLabel *m_urls;
    QComboBox *m_key;
    QTabWidget *m_tabs;
};

} // namespace gatehouse
