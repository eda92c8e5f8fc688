#include "DesktopApp.h"

#include "MainWindow.h"
#include "UiSettings.h"
#include "util/QuitOnSignal.h"
#include "util/SingleInstance.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QSystemTrayIcon>
#include <QTranslator>

namespace gatehouse {

std::unique_ptr<QCoreApplication> DesktopApp::createApplication(int &argc, char **argv)
{
    auto app = std::make_unique<QApplication>(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Gatehouse"));
    QApplication::setDesktopFileName(QStringLiteral("org.gatehouse.Gatehouse"));
    // The SVG scales to any size on HiDPI screens; the PNGs are there for when no SVG
    // plugin is installed.
    QIcon icon(QStringLiteral(":/icons/gatehouse.svg"));
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/gatehouse-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    return app;
}

QString DesktopApp::installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    // Replaces what an earlier call installed.
    static QTranslator *own = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **t : {&own, &qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    own = new QTranslator(qApp);
    // English (with its plural forms) when the locale has no translation of its own.
    if (own->load(locale, QStringLiteral("gatehouse"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")) ||
        own->load(QStringLiteral(":/i18n/gatehouse_en")))
        QCoreApplication::installTranslator(own);
    qt = new QTranslator(qApp);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return locale.name();
}

int DesktopApp::run(const ConfigStore &store, SecretStore *secrets, const Options &options)
{
    SingleInstance instance(store.directory());
    if (!instance.claim())
        return 0; // the running Gatehouse came forward instead
    quitOnTerminationSignals();

    UiSettings settings(store.directory());
    installTranslations(settings.language());

    GatewayRuntime runtime(store, secrets, options.overrides);
    if (auto s = runtime.start(); !s) {
        QMessageBox::critical(nullptr, QObject::tr("Gatehouse cannot start"), s.error());
        return 1;
    }
    MainWindow window(&runtime, &settings);
    QObject::connect(&instance, &SingleInstance::activationRequested, &window,
                     &MainWindow::bringForward);
    QApplication::setQuitOnLastWindowClosed(false);
    if (!(options.minimised || settings.startMinimised()) ||
        !QSystemTrayIcon::isSystemTrayAvailable()) {
        window.show();
        window.offerFirstRun(LocalScanner::wellKnown());
    }
    return QApplication::exec();
}

} // namespace gatehouse
