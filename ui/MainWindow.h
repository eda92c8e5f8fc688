#pragma once

#include "config/ConfigStore.h"

#include <QMainWindow>

class QLabel;
class QTableWidget;

namespace gatehouse {

class GatewayRuntime;

// The main window: what the gateway is doing, which providers and access keys it serves.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const ConfigStore &store, GatewayRuntime *runtime, QWidget *parent = nullptr);

    void refresh();

private:
    void setListening(const QString &url);
    void setError(const QString &error);

    ConfigStore m_store;
    GatewayRuntime *m_runtime;
    QLabel *m_status;
    QLabel *m_requests;
    QTableWidget *m_providers;
    QTableWidget *m_keys;
};

} // namespace gatehouse
