#include "DesktopApp.h"

#include "MainWindow.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>

namespace gatehouse {

std::unique_ptr<QCoreApplication> DesktopApp::createApplication(int &argc, char **argv)
{
    auto app = std::make_unique<QApplication>(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Gatehouse"));
    QApplication::setDesktopFileName(QStringLiteral("gatehouse"));
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/gatehouse-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    return app;
}

int DesktopApp::run(const ConfigStore &store, SecretStore *secrets,
                    const GatewayRuntime::Overrides &overrides)
{
    GatewayRuntime runtime(store, secrets, overrides);
    if (auto s = runtime.start(); !s) {
        QMessageBox::critical(nullptr, QObject::tr("Gatehouse cannot start"), s.error());
        return 1;
    }
    MainWindow window(store, &runtime);
    window.show();
    return QApplication::exec();
}

} // namespace gatehouse
