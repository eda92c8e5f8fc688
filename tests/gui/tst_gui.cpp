// The desktop app driven as a person would: real widgets (offscreen), the real gateway on
// its own thread, a fake model server on loopback, and an in-memory keychain.
#include "AccessKeysPage.h"
#include "AddProviderWizard.h"
#include "ChatPage.h"
#include "ConnectPage.h"
#include "DesktopApp.h"
#include "ExportDialog.h"
#include "FakeOllama.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "ImportDialog.h"
#include "KeyConfigDialog.h"
#include "LimitWatch.h"
#include "LogsPage.h"
#include "MainWindow.h"
#include "OllamaApiBox.h"
#include "ProviderForm.h"
#include "ProvidersPage.h"
#include "RoutingPage.h"
#include "SettingsPage.h"
#include "UiSettings.h"
#include "UsagePage.h"
#include "WelcomeDialog.h"
#include "config/AccessKey.h"
#include "gateway/GatewayRuntime.h"
#include "log/RequestLog.h"
#include "secrets/MemorySecretStore.h"
#include "util/SingleInstance.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace gatehouse;
using gatehouse::test::HttpTestClient;

namespace {

QString closedPortUrl()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(port);
}

// The message box a page opened (asking to confirm), once it is there.
QMessageBox *waitForBox(QWidget *parent, const QString &name)
{
    QMessageBox *box = nullptr;
    (void)QTest::qWaitFor([&] {
        box = parent->findChild<QMessageBox *>(name);
        return box != nullptr;
    });
    return box;
}

QAbstractButton *buttonWithText(QMessageBox *box, const QString &text)
{
    for (QAbstractButton *b : box->buttons()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

} // namespace

class TestGui : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeUpstream> m_upstream;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<GatewayRuntime> m_runtime;
    std::unique_ptr<UiSettings> m_settings;

    ConfigStore store() const { return ConfigStore(m_dir->path()); }

    // A config folder with one provider pointing at the fake server, and a started gateway.
    void startGateway(bool withProvider)
    {
        Config c;
        c.instanceId = QStringLiteral("gui-test");
        c.gateway.port = 0;
        if (withProvider) {
            Provider fake;
            fake.id = QStringLiteral("fake");
            fake.displayName = QStringLiteral("Fake server");
            fake.baseUrl = QUrl(m_upstream->baseUrl());
            c.providers.append(fake);
        }
        QVERIFY(store().save(c));
        m_runtime = std::make_unique<GatewayRuntime>(store(), m_secrets.get());
        QVERIFY(m_runtime->start());
        QTRY_VERIFY(!m_runtime->url().isEmpty());
    }

    Config savedConfig() const
    {
        auto c = store().load();
        return c ? c.value() : Config{};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_upstream = std::make_unique<FakeUpstream>();
        QVERIFY(m_upstream->listen());
        m_secrets = std::make_unique<MemorySecretStore>();
        m_settings = std::make_unique<UiSettings>(m_dir->path());
    }

    void cleanup()
    {
        m_runtime.reset();
        m_settings.reset();
        m_secrets.reset();
        m_upstream.reset();
        m_dir.reset();
    }

    void wizardFindsLocalServerAndSavesProvider()
    {
        startGateway(false);
        AddProviderWizard wizard(store(), m_secrets.get());
        wizard.setScanCandidates(
            {{QStringLiteral("Fake server"), QStringLiteral("fake"), QUrl(m_upstream->baseUrl())},
             {QStringLiteral("Nothing here"), QStringLiteral("none"), QUrl(closedPortUrl())}});
        wizard.show();
        QVERIFY(wizard.findChild<QRadioButton *>(QStringLiteral("kindLocal"))->isChecked());
        wizard.next();
        QCOMPARE(wizard.currentId(), int(AddProviderWizard::LocalPage));
        auto *found = wizard.findChild<QListWidget *>(QStringLiteral("foundServers"));
        QTRY_COMPARE(found->count(), 1);
        QVERIFY(found->item(0)->text().contains(QLatin1String("Fake server")));
        QVERIFY(found->item(0)->text().contains(QLatin1String("echo-1")));
        QCOMPARE(found->currentRow(), 0);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(AddProviderWizard::DetailsPage));
        ProviderForm *form = wizard.form();
        QCOMPARE(form->idEdit()->text(), QStringLiteral("fake"));
        QCOMPARE(form->urlEdit()->text(), m_upstream->baseUrl());
        // The scan found that the server answers the Responses API as well.
        QVERIFY(form->surfaceBox(ApiSurface::OpenAi)->isChecked());
        QVERIFY(form->surfaceBox(ApiSurface::Responses)->isChecked());
        QVERIFY(!form->surfaceBox(ApiSurface::Anthropic)->isChecked());
        QTest::mouseClick(form->testButton(), Qt::LeftButton);
        QTRY_VERIFY(form->testResult()->text().startsWith(QLatin1String("Connected")));
        QCOMPARE(form->modelList()->count(), 2);
        // A person renames it, then finishes.
        form->idEdit()->clear();
        QTest::keyClicks(form->idEdit(), QStringLiteral("my-fake"));
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE(wizard.savedProviderId(), QStringLiteral("my-fake"));
        const Config saved = savedConfig();
        const Provider *p = saved.findProvider(QStringLiteral("my-fake"));
        QVERIFY(p);
        QCOMPARE(p->baseUrl.toString(), m_upstream->baseUrl());
        QCOMPARE(p->surfaces, (QList<ApiSurface>{ApiSurface::OpenAi, ApiSurface::Responses}));
        QVERIFY(!p->hasKey);
        // The running gateway picks it up: a tool can now call my-fake:echo-1.
        QTRY_VERIFY(m_runtime->config().findProvider(QStringLiteral("my-fake")));
    }

    void wizardShowsOllamaModelDetailsAndPullsAModel()
    {
        startGateway(false);
        FakeOllama ollama;
        ollama.models = FakeOllama::sampleModels();
        ollama.pullSteps = 8;
        ollama.pullIntervalMs = 20;
        QVERIFY(ollama.listen());
        AddProviderWizard wizard(store(), m_secrets.get());
        wizard.setScanCandidates(
            {{QStringLiteral("Ollama"), QStringLiteral("ollama"), QUrl(ollama.baseUrl()), true},
             {QStringLiteral("Fake server"), QStringLiteral("fake"), QUrl(m_upstream->baseUrl())}});
        wizard.show();
        wizard.next();
        auto *found = wizard.findChild<QListWidget *>(QStringLiteral("foundServers"));
        QTRY_COMPARE(found->count(), 2);
        QCOMPARE(found->currentRow(), 0);
        // What Ollama's native API tells about each model, as a person reads it.
        auto *models = wizard.findChild<QTreeWidget *>(QStringLiteral("ollamaModels"));
        QVERIFY(models->isVisible());
        QCOMPARE(models->topLevelItemCount(), 3);
        QCOMPARE(models->topLevelItem(0)->text(0), QStringLiteral("llama3.1:8b"));
        QCOMPARE(models->topLevelItem(0)->text(1),
                 QStringLiteral("4.9 GB · 8B · Q4_K_M · 128k context · tools · loaded"));
        QCOMPARE(models->topLevelItem(1)->text(1),
                 QStringLiteral("3.3 GB · 4.3B · Q4_K_M · 128k context · vision"));
        QVERIFY(models->topLevelItem(0)->toolTip(0).contains(QLatin1String("Loaded now")));
        // The other server is not Ollama: no such panel for it.
        found->setCurrentRow(1);
        QVERIFY(!models->isVisible());
        found->setCurrentRow(0);
        QVERIFY(models->isVisible());

        // A pull, with its progress, then the list shows the new model.
        auto *name = wizard.findChild<QLineEdit *>(QStringLiteral("pullName"));
        auto *pull = wizard.findChild<QPushButton *>(QStringLiteral("pullButton"));
        auto *cancel = wizard.findChild<QPushButton *>(QStringLiteral("cancelPull"));
        auto *progress = wizard.findChild<QProgressBar *>(QStringLiteral("pullProgress"));
        auto *status = wizard.findChild<QLabel *>(QStringLiteral("pullStatus"));
        QVERIFY(!pull->isEnabled());
        QTest::keyClicks(name, QStringLiteral("llama3.2:3b"));
        QVERIFY(pull->isEnabled());
        QTest::mouseClick(pull, Qt::LeftButton);
        QVERIFY(progress->isVisible());
        QVERIFY(cancel->isVisible());
        QVERIFY(!pull->isEnabled());
        QTRY_VERIFY(progress->value() > 0 && progress->value() < 100);
        QVERIFY2(status->text().startsWith(QStringLiteral("llama3.2:3b — pulling dde5aa3fc5ff: ")),
                 qPrintable(status->text()));
        QVERIFY(status->text().contains(QLatin1String(" of 2.0 GB (")));
        QTRY_COMPARE(status->text(), QStringLiteral("Pulled llama3.2:3b."));
        QVERIFY(!progress->isVisible());
        QTRY_COMPARE(models->topLevelItemCount(), 4);
        QCOMPARE(found->currentRow(), 0);
        QCOMPARE(models->topLevelItem(3)->text(0), QStringLiteral("llama3.2:3b"));
        QCOMPARE(models->topLevelItem(3)->text(1),
                 QStringLiteral("2.0 GB · 3.2B · Q4_K_M · 128k context · tools"));
        QVERIFY(name->text().isEmpty());

        // Ollama's own error, readable.
        QTest::keyClicks(name, QStringLiteral("missing-model"));
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(wizard.currentId(), int(AddProviderWizard::LocalPage)); // Enter pulls, no more
        QTRY_COMPARE(status->text(),
                     QStringLiteral("Ollama could not pull \"missing-model\": pull model "
                                    "manifest: file does not exist"));
        QVERIFY(pull->isEnabled());

        // A long pull, cancelled: the HTTP call ends, so Ollama stops downloading.
        name->clear();
        QTest::keyClicks(name, QStringLiteral("slow-model:70b"));
        QTest::mouseClick(pull, Qt::LeftButton);
        QTRY_VERIFY(progress->value() > 0);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE(status->text(), QStringLiteral("The pull of slow-model:70b was cancelled."));
        QTRY_COMPARE(ollama.pullsAborted, 1);
        QVERIFY(!cancel->isVisible());
        QCOMPARE(models->topLevelItemCount(), 4);

        // Added by Ollama's own API at the server's root, or by its OpenAI-compatible one.
        auto *native = wizard.findChild<QRadioButton *>(QStringLiteral("ollamaNative"));
        auto *compatible = wizard.findChild<QRadioButton *>(QStringLiteral("ollamaCompatible"));
        QVERIFY(native->isChecked());
        compatible->click();
        wizard.next();
        ProviderForm *form = wizard.form();
        QCOMPARE(form->urlEdit()->text(), ollama.baseUrl());
        QVERIFY(form->surfaceBox(ApiSurface::OpenAi)->isChecked());
        QVERIFY(!form->surfaceBox(ApiSurface::Ollama)->isChecked());
        wizard.back();
        native->click();
        wizard.next();
        QCOMPARE(form->urlEdit()->text(), ollama.rootUrl());
        QVERIFY(form->surfaceBox(ApiSurface::Ollama)->isChecked());
        QVERIFY(!form->surfaceBox(ApiSurface::OpenAi)->isChecked());
        QCOMPARE(form->modelList()->count(), 4);
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE(wizard.savedProviderId(), QStringLiteral("ollama"));
        const Config saved = savedConfig();
        const Provider *p = saved.findProvider(QStringLiteral("ollama"));
        QVERIFY(p);
        QCOMPARE(p->baseUrl.toString(), ollama.rootUrl());
        QCOMPARE(p->surfaces, QList<ApiSurface>{ApiSurface::Ollama});
    }

    void wizardRefusesPublicHttpWithExplanation()
    {
        startGateway(false);
        AddProviderWizard wizard(store(), m_secrets.get());
        wizard.setScanCandidates({});
        wizard.show();
        wizard.next();
        auto *other = wizard.findChild<QLineEdit *>(QStringLiteral("otherUrl"));
        QTest::keyClicks(other, QStringLiteral("http://api.example.com/v1"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(AddProviderWizard::DetailsPage));
        ProviderForm *form = wizard.form();
        QTest::keyClicks(form->idEdit(), QStringLiteral("remote"));
        QVERIFY(form->urlProblem()->isVisible());
        QVERIFY2(form->urlProblem()->text().contains(QLatin1String("https")),
                 qPrintable(form->urlProblem()->text()));
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(wizard.isVisible());
        QVERIFY(wizard.savedProviderId().isEmpty());
        QVERIFY(wizard.lastError().contains(QLatin1String("https")));
        QVERIFY(savedConfig().providers.isEmpty());
        // The same host over https is accepted.
        form->urlEdit()->setText(QStringLiteral("https://api.example.com/v1"));
        QVERIFY(form->checkUrl());
        QVERIFY(!form->urlProblem()->isVisible());
    }

    void wizardMovesUrlCredentialsToTheKeychain()
    {
        startGateway(false);
        AddProviderWizard wizard(store(), m_secrets.get());
        wizard.setScanCandidates({});
        wizard.show();
        wizard.next();
        auto *other = wizard.findChild<QLineEdit *>(QStringLiteral("otherUrl"));
        QTest::keyClicks(other,
                         m_upstream->baseUrl() + QStringLiteral("?key=url-secret-77&alt=json"));
        wizard.next();
        ProviderForm *form = wizard.form();
        form->idEdit()->clear();
        QTest::keyClicks(form->idEdit(), QStringLiteral("withkey"));
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE(wizard.savedProviderId(), QStringLiteral("withkey"));
        const Config saved = savedConfig();
        const Provider *p = saved.findProvider(QStringLiteral("withkey"));
        QVERIFY(p);
        QCOMPARE(p->secretQueryItems, QStringList{QStringLiteral("key")});
        QVERIFY2(!p->baseUrl.toString().contains(QLatin1String("url-secret-77")),
                 qPrintable(p->baseUrl.toString()));
        QFile file(store().configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("url-secret-77"));
        SecretResult stored;
        bool answered = false;
        m_secrets->read(
            SecretStore::providerSecretName(savedConfig().instanceId, QStringLiteral("withkey"),
                                            QStringLiteral("query"), QStringLiteral("key")),
            [&](const SecretResult &r) {
                stored = r;
                answered = true;
            });
        QTRY_VERIFY(answered);
        QCOMPARE(stored.value, QByteArray("url-secret-77"));
    }

    void wizardStoresCloudKeyInKeychainOnly()
    {
        startGateway(false);
        AddProviderWizard wizard(store(), m_secrets.get());
        wizard.show();
        wizard.findChild<QRadioButton *>(QStringLiteral("kindCloud"))->setChecked(true);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(AddProviderWizard::CloudPage));
        auto *list = wizard.findChild<QListWidget *>(QStringLiteral("cloudProviders"));
        QVERIFY(list->count() >= 10);
        list->setCurrentRow(0); // OpenAI
        // The catalog is browsable: the provider's main models with what they can and cost.
        auto *models = wizard.findChild<QTreeWidget *>(QStringLiteral("catalogModels"));
        QVERIFY(models->topLevelItemCount() >= 3);
        const auto mini = models->findItems(QStringLiteral("gpt-4o-mini"), Qt::MatchExactly);
        QCOMPARE(mini.size(), 1);
        QCOMPARE(mini.first()->text(1), QStringLiteral("128k"));
        QVERIFY(mini.first()->text(2).contains(QLatin1String("vision")));
        QCOMPARE(mini.first()->text(3), QStringLiteral("0.15 / 0.60"));
        wizard.next();
        ProviderForm *form = wizard.form();
        QCOMPARE(form->idEdit()->text(), QStringLiteral("openai"));
        QCOMPARE(form->keyEdit()->echoMode(), QLineEdit::Password);
        // Without a key it does not finish.
        wizard.button(QWizard::FinishButton)->click();
        QVERIFY(wizard.savedProviderId().isEmpty());
        QVERIFY(wizard.lastError().contains(QLatin1String("key")));

        // A keychain that is not there: a clear message, and nothing saved anywhere.
        m_secrets->setFailure(SecretResult::Error::NoBackend,
                              QStringLiteral("The name org.freedesktop.secrets was not provided"));
        QTest::keyClicks(form->keyEdit(), QStringLiteral("sk-test-secret-123"));
        wizard.button(QWizard::FinishButton)->click();
        QTRY_VERIFY(wizard.lastError().contains(QLatin1String("No system keychain")));
        QVERIFY(savedConfig().providers.isEmpty());

        m_secrets->setFailure(SecretResult::Error::None, {});
        wizard.button(QWizard::FinishButton)->click();
        QTRY_COMPARE(wizard.savedProviderId(), QStringLiteral("openai"));
        const Config saved = savedConfig();
        const Provider *p = saved.findProvider(QStringLiteral("openai"));
        QVERIFY(p && p->hasKey);
        bool read = false;
        m_secrets->read(
            SecretStore::providerKeyName(QStringLiteral("gui-test"), QStringLiteral("openai")),
            [&read](const SecretResult &r) { read = r.ok() && r.value == "sk-test-secret-123"; });
        QTRY_VERIFY(read);
        QFile file(store().configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("sk-test-secret-123"));
    }

    void providersPageTestsAndRemoves()
    {
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        ProvidersPage *page = window.providersPage();
        QCOMPARE(page->table()->topLevelItemCount(), 1);
        page->select(QStringLiteral("fake"));
        page->testSelected();
        QTRY_VERIFY(page->table()->topLevelItem(0)->text(4).startsWith(QLatin1String("Reachable")));
        QVERIFY(page->details()->toPlainText().contains(QLatin1String("echo-2")));
        page->toggleSelected();
        QVERIFY(!savedConfig().providers.first().enabled);
        QCOMPARE(page->table()->topLevelItem(0)->text(4), QStringLiteral("Disabled"));
        page->toggleSelected();
        QVERIFY(savedConfig().providers.first().enabled);
        page->removeSelected();
        QMessageBox *box = waitForBox(page, QStringLiteral("confirmRemoveProvider"));
        QVERIFY(box);
        buttonWithText(box, QStringLiteral("Remove"))->click();
        QTRY_VERIFY(savedConfig().providers.isEmpty());
        QCOMPARE(page->table()->topLevelItemCount(), 0);
    }

    void keychainFailureIsExplainedOnProvidersPage()
    {
        m_secrets->setFailure(SecretResult::Error::AccessDenied,
                              QStringLiteral("Cannot create an item in a locked collection"));
        Config c;
        c.instanceId = QStringLiteral("gui-test");
        c.gateway.port = 0;
        Provider cloud;
        cloud.id = QStringLiteral("cloud");
        cloud.baseUrl = QUrl(QStringLiteral("https://api.example.com/v1"));
        cloud.hasKey = true;
        c.providers.append(cloud);
        QVERIFY(store().save(c));
        m_runtime = std::make_unique<GatewayRuntime>(store(), m_secrets.get());
        MainWindow window(m_runtime.get(), m_settings.get());
        QVERIFY(m_runtime->start());
        QLabel *banner = window.providersPage()->banner();
        QTRY_VERIFY(banner->isVisibleTo(&window));
        QVERIFY2(banner->text().contains(QLatin1String("locked collection")) &&
                     banner->text().contains(QLatin1String("Secret Service")),
                 qPrintable(banner->text()));
    }

    void startAtLoginWritesAutostartEntry()
    {
        QTemporaryDir xdg;
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", xdg.path().toUtf8());
        QVERIFY(UiSettings::autostartPath().startsWith(xdg.path()));
        QVERIFY(!UiSettings::startAtLogin());
        startGateway(false);
        MainWindow window(m_runtime.get(), m_settings.get());
        auto *box = window.settingsPage()->findChild<QCheckBox *>(QStringLiteral("startAtLogin"));
        box->click();
        QVERIFY(UiSettings::startAtLogin());
        QFile entry(UiSettings::autostartPath());
        QVERIFY(entry.open(QIODevice::ReadOnly));
        QVERIFY(entry.readAll().contains("--minimised"));
        box->click();
        QVERIFY(!UiSettings::startAtLogin());
        if (saved.isEmpty())
            qunsetenv("XDG_CONFIG_HOME");
        else
            qputenv("XDG_CONFIG_HOME", saved);
    }

    void routingPageBuildsAChainTheChatCanUse()
    {
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.showPage(MainWindow::Routing);
        RoutingPage *page = window.routingPage();
        QCOMPARE(page->routeList()->count(), 0);
        QTest::keyClicks(page->nameEdit(), QStringLiteral("fast"));
        for (const char *model : {"fake:status-503", "fake:echo-2", "fake:echo-1"}) {
            page->candidatePicker()->setEditText(QString::fromLatin1(model));
            QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("addCandidate")),
                              Qt::LeftButton);
        }
        QCOMPARE(page->candidateList()->topLevelItemCount(), 3);
        // echo-1 is selected (just added): up one, above echo-2.
        page->moveCandidate(-1);
        QCOMPARE(page->candidateList()->topLevelItem(1)->text(0), QStringLiteral("fake:echo-1"));
        page->strategyBox()->setCurrentIndex(
            page->strategyBox()->findData(QStringLiteral("in-order")));
        page->retriesBox()->setValue(0);
        page->deadlineBox()->setValue(20);
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("saveRoute")),
                          Qt::LeftButton);
        QVERIFY2(page->message()->text().startsWith(QLatin1String("Saved")),
                 qPrintable(page->message()->text()));
        const Config saved = savedConfig();
        const RouteRule *rule = saved.findRoute(QStringLiteral("fast"));
        QVERIFY(rule);
        QCOMPARE(rule->candidates.size(), 3);
        QCOMPARE(rule->candidates[1].model, QStringLiteral("fake:echo-1"));
        QCOMPARE(rule->deadlineMs, 20'000);
        QCOMPARE(page->routeList()->count(), 1);

        // A key configuration can have its own "fast", used by its keys before the global one.
        QVERIFY(store().update([](Config &c) {
            KeyConfiguration team;
            team.name = QStringLiteral("team");
            c.keyConfigurations.append(team);
            return Status{};
        }));
        page->refresh();
        page->scopeBox()->setCurrentIndex(page->scopeBox()->findData(QStringLiteral("team")));
        emit page->scopeBox()->activated(page->scopeBox()->currentIndex());
        QCOMPARE(page->routeList()->count(), 0);
        QTest::keyClicks(page->nameEdit(), QStringLiteral("fast"));
        page->candidatePicker()->setEditText(QStringLiteral("fake:echo-2"));
        page->addCandidate();
        QVERIFY(page->save());
        {
            const Config scoped = savedConfig();
            QCOMPARE(scoped.findKeyConfiguration(QStringLiteral("team"))->routes.size(), 1);
            QCOMPARE(scoped.findRoute(QStringLiteral("fast"))->candidates.size(), 3);
        }
        page->scopeBox()->setCurrentIndex(0);
        emit page->scopeBox()->activated(0);
        QCOMPARE(page->routeList()->count(), 1);

        // A candidate naming no provider is refused with the reason.
        page->newRoute();
        QTest::keyClicks(page->nameEdit(), QStringLiteral("broken"));
        page->candidatePicker()->setEditText(QStringLiteral("nope:x"));
        page->addCandidate();
        QVERIFY(!page->save());
        QVERIFY(page->message()->text().contains(QLatin1String("no provider \"nope\"")));

        // The chat's model picker offers the alias, and a message through it fails over.
        window.showPage(MainWindow::Chat);
        ChatPage *chat = window.chatPage();
        QTRY_VERIFY(chat->modelPicker()->findText(QStringLiteral("fast")) >= 0);
        chat->modelPicker()->setEditText(QStringLiteral("fast"));
        QTest::keyClicks(chat->input(), QStringLiteral("via the route"));
        chat->send();
        QTRY_VERIFY(!chat->client()->isBusy());
        QVERIFY2(chat->transcript()->toPlainText().contains(QLatin1String("fake:echo-1")),
                 qPrintable(chat->transcript()->toPlainText()));
    }

    void keyConfigurationsLimitWhatAKeyMayUse()
    {
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.showPage(MainWindow::AccessKeys);
        AccessKeysPage *page = window.accessKeysPage();
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("editConfigurations")),
                          Qt::LeftButton);
        KeyConfigDialog *dialog = page->findChild<KeyConfigDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("echo-only"));
        dialog->allowEdit()->setPlainText(QStringLiteral("fake:echo-1\n"));
        dialog->rpmBox()->setValue(30);
        dialog->spendBox()->setValue(2.5);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveConfig")),
                          Qt::LeftButton);
        QVERIFY2(dialog->message()->text().startsWith(QLatin1String("Saved")),
                 qPrintable(dialog->message()->text()));
        const Config saved = savedConfig();
        const KeyConfiguration *k = saved.findKeyConfiguration(QStringLiteral("echo-only"));
        QVERIFY(k);
        QCOMPARE(k->allow, QStringList{QStringLiteral("fake:echo-1")});
        QCOMPARE(k->limits.requestsPerMinute, 30);
        QCOMPARE(k->limits.spendPerMonth, 2.5);
        dialog->close();

        // A key created with it may use echo-1 and nothing else.
        QTRY_VERIFY(page->newKeyConfiguration()->findData(QStringLiteral("echo-only")) >= 0);
        page->newKeyConfiguration()->setCurrentIndex(
            page->newKeyConfiguration()->findData(QStringLiteral("echo-only")));
        QTest::keyClicks(page->nameEdit(), QStringLiteral("narrow"));
        page->createKey();
        const QString key = page->lastKeyDialog()->keyField()->text();
        page->lastKeyDialog()->close();
        QCOMPARE(savedConfig().findAccessKey(QStringLiteral("narrow"))->configuration,
                 QStringLiteral("echo-only"));
        QCOMPARE(page->table()->topLevelItem(0)->text(5), QStringLiteral("echo-only"));
        const quint16 port = m_runtime->service()->port();
        auto ask = [&](const QByteArray &model) {
            return HttpTestClient::request(
                       port, "POST", "/v1/chat/completions",
                       "{\"model\":\"" + model +
                           "\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                       {{"authorization", "Bearer " + key.toUtf8()}})
                .status;
        };
        QTRY_COMPARE(ask("fake:echo-2"), 403);
        QCOMPARE(ask("fake:echo-1"), 200);

        // Back to the default configuration: everything is allowed again.
        page->table()->setCurrentItem(page->table()->topLevelItem(0));
        QComboBox *uses = page->selectedKeyConfiguration();
        QVERIFY(uses->isEnabled());
        uses->setCurrentIndex(uses->findData(QStringLiteral("default")));
        page->assignConfiguration();
        QVERIFY(savedConfig().findAccessKey(QStringLiteral("narrow"))->configuration.isEmpty());
        QTRY_COMPARE(ask("fake:echo-2"), 200);
    }

    // The editor turns content capture on and off, and saving keeps what it does not show:
    // the configuration's own routes.
    void keyConfigurationEditorSetsCaptureAndKeepsRoutes()
    {
        startGateway(true);
        QVERIFY(store().update([](Config &c) {
            KeyConfiguration team;
            team.name = QStringLiteral("team");
            RouteRule fast;
            fast.name = QStringLiteral("fast");
            fast.candidates = {{QStringLiteral("fake:echo-1"), 1}};
            team.routes = {fast};
            c.keyConfigurations.append(team);
            return Status{};
        }));
        KeyConfigDialog dialog(store());
        dialog.show();
        QTRY_VERIFY(dialog.list()->count() > 0);
        dialog.list()->setCurrentRow(0);
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("team"));
        QVERIFY(!dialog.captureBox()->isChecked()); // off by default
        QVERIFY(!dialog.captureDaysBox()->isEnabled());
        dialog.captureBox()->setChecked(true);
        dialog.captureDaysBox()->setValue(3);
        dialog.captureSizeBox()->setValue(64);
        dialog.rpmBox()->setValue(12);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveConfig")),
                          Qt::LeftButton);
        QVERIFY2(dialog.message()->text().startsWith(QLatin1String("Saved")),
                 qPrintable(dialog.message()->text()));
        const Config saved = savedConfig();
        const KeyConfiguration *k = saved.findKeyConfiguration(QStringLiteral("team"));
        QVERIFY(k);
        QVERIFY(k->capture.enabled);
        QCOMPARE(k->capture.retentionDays, 3);
        QCOMPARE(k->capture.maxBodyBytes, qint64{64 * 1024});
        QCOMPARE(k->limits.requestsPerMinute, 12);
        QCOMPARE(k->routes.size(), 1);
        QCOMPARE(k->routes.first().name, QStringLiteral("fast"));
    }

    void accessKeyCreatedShownOnceAndRevoked()
    {
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.showPage(MainWindow::AccessKeys);
        AccessKeysPage *page = window.accessKeysPage();
        QTest::keyClicks(page->nameEdit(), QStringLiteral("bad name"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("createKey")),
                          Qt::LeftButton);
        QVERIFY(page->problem()->isVisible());
        page->nameEdit()->clear();
        QTest::keyClicks(page->nameEdit(), QStringLiteral("vscode"));
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("createKey")),
                          Qt::LeftButton);
        NewKeyDialog *dialog = page->lastKeyDialog();
        QVERIFY(dialog);
        const QString key = dialog->keyField()->text();
        QVERIFY(key.startsWith(QLatin1String("ghk_")));
        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), key);
        dialog->close();
        QCOMPARE(page->table()->topLevelItemCount(), 1);
        QCOMPARE(page->table()->topLevelItem(0)->text(4), QStringLiteral("active"));
        // The key is nowhere on disk, only its hash.
        QFile file(store().configPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(key.toUtf8()));

        // It works against the running gateway…
        const QByteArray auth = "Bearer " + key.toUtf8();
        const quint16 port = m_runtime->service()->port();
        QTRY_COMPARE(
            HttpTestClient::request(port, "GET", "/v1/models", {}, {{"authorization", auth}})
                .status,
            200);
        // …until it is revoked.
        page->table()->setCurrentItem(page->table()->topLevelItem(0));
        page->revokeSelected();
        QMessageBox *box = waitForBox(page, QStringLiteral("confirmRevoke"));
        QVERIFY(box);
        buttonWithText(box, QStringLiteral("Revoke"))->click();
        QTRY_VERIFY(!savedConfig().accessKeys.first().isActive());
        QVERIFY(page->table()->topLevelItem(0)->text(4).startsWith(QLatin1String("revoked")));
        QTRY_COMPARE(
            HttpTestClient::request(port, "GET", "/v1/models", {}, {{"authorization", auth}})
                .status,
            401);
    }

    // The first start: the scan runs at once and offers what it found; nothing is added
    // without a click; then the tools.
    void firstRunOffersWhatTheScanFinds()
    {
        startGateway(false);
        FakeOllama ollama;
        ollama.models = FakeOllama::sampleModels();
        QVERIFY(ollama.listen());
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        WelcomeDialog *welcome = window.offerFirstRun(
            {{QStringLiteral("Ollama"), QStringLiteral("ollama"), QUrl(ollama.baseUrl()), true},
             {QStringLiteral("Nothing here"), QStringLiteral("none"), QUrl(closedPortUrl())}});
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        QCOMPARE(welcome->step(), int(WelcomeDialog::ModelsStep));
        QTRY_COMPARE(welcome->foundList()->count(), 1);
        const QString offer = welcome->foundList()->item(0)->text();
        QVERIFY2(offer.contains(QLatin1String("Ollama on this machine")) &&
                     offer.contains(QLatin1String("with 3 model")),
                 qPrintable(offer));
        // What each model is, as its server told.
        const QString details = welcome->foundList()->item(0)->toolTip();
        QVERIFY2(details.contains(QStringLiteral(
                     "llama3.1:8b (4.9 GB · 8B · Q4_K_M · 128k context · tools · loaded)")),
                 qPrintable(details));
        QVERIFY(savedConfig().providers.isEmpty()); // offered, not added
        QTest::mouseClick(welcome->addButton(), Qt::LeftButton);
        const Config saved = savedConfig();
        QCOMPARE(saved.providers.size(), 1);
        QCOMPARE(saved.providers[0].id, QStringLiteral("ollama"));
        QCOMPARE(saved.providers[0].surfaces, QList<ApiSurface>{ApiSurface::Ollama});
        QCOMPARE(welcome->step(), int(WelcomeDialog::ToolsStep));
        // The running gateway and the pages follow.
        QTRY_VERIFY(m_runtime->config().findProvider(QStringLiteral("ollama")));
        QTRY_VERIFY(window.providersPage()->table()->topLevelItemCount() == 1);
        QTest::mouseClick(welcome->connectButton(), Qt::LeftButton);
        QCOMPARE(window.currentPage(), MainWindow::Connect);
        QTRY_VERIFY(window.findChild<WelcomeDialog *>() == nullptr);
        // Offered once.
        QVERIFY(!window.offerFirstRun({}));
    }

    void firstRunCanBeSkipped()
    {
        startGateway(false);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        WelcomeDialog *welcome = window.offerFirstRun(
            {{QStringLiteral("Fake server"), QStringLiteral("fake"), QUrl(m_upstream->baseUrl())}});
        QVERIFY(welcome);
        QTRY_COMPARE(welcome->foundList()->count(), 1);
        QVERIFY(welcome->foundList()->item(0)->text().contains(QLatin1String("with 2 model")));
        QTest::mouseClick(welcome->skipButton(), Qt::LeftButton);
        QCOMPARE(welcome->step(), int(WelcomeDialog::ToolsStep));
        QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("welcomeLater")),
                          Qt::LeftButton);
        QTRY_VERIFY(window.findChild<WelcomeDialog *>() == nullptr);
        QVERIFY(savedConfig().providers.isEmpty());
        QCOMPARE(window.currentPage(), MainWindow::Providers);
        // A window with providers already has nothing to welcome.
        UiSettings fresh(m_dir->path() + QStringLiteral("/other"));
        QVERIFY(store().update([this](Config &c) {
            Provider p;
            p.id = QStringLiteral("fake");
            p.baseUrl = QUrl(m_upstream->baseUrl());
            c.providers.append(p);
            return Status{};
        }));
        QTRY_VERIFY(m_runtime->config().findProvider(QStringLiteral("fake")));
        MainWindow second(m_runtime.get(), &fresh);
        QVERIFY(!second.offerFirstRun({}));
    }

    // Pages follow the gateway's state: a provider added from the command line reaches the
    // chat's model list (with what the catalog knows of its models) without Refresh.
    void chatModelListFollowsTheCommandLine()
    {
        startGateway(false);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.showPage(MainWindow::Chat);
        ChatPage *chat = window.chatPage();
        QTRY_VERIFY(chat->client()->hasGateway());
        QTest::qWait(200);
        QCOMPARE(chat->modelPicker()->count(), 0);
        QProcess cli;
        cli.start(QStringLiteral(GATEHOUSE_BINARY),
                  {QStringLiteral("--config-dir"), m_dir->path(), QStringLiteral("provider"),
                   QStringLiteral("add"), QStringLiteral("openai"), QStringLiteral("--url"),
                   QStringLiteral("https://api.openai.com/v1"), QStringLiteral("--surface"),
                   QStringLiteral("openai"), QStringLiteral("--model"),
                   QStringLiteral("gpt-4o-mini")});
        QVERIFY(cli.waitForFinished(30'000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QTRY_VERIFY(chat->modelPicker()->findText(QStringLiteral("openai:gpt-4o-mini")) >= 0);
        // (Only listed: nothing is sent to that address.)
        // The catalog's facts about it, in the list and under the picker.
        const int index = chat->modelPicker()->findText(QStringLiteral("openai:gpt-4o-mini"));
        const QString tip = chat->modelPicker()->itemData(index, Qt::ToolTipRole).toString();
        QCOMPARE(tip, QStringLiteral("128k context · tools, vision · $0.15 in / $0.60 out per 1M "
                                     "tokens"));
        chat->modelPicker()->setCurrentIndex(index);
        QCOMPARE(chat->modelFacts()->text(), tip);
        // The routing page's candidates follow too.
        QTRY_VERIFY(window.routingPage()->candidatePicker()->findText(
                        QStringLiteral("openai:gpt-4o-mini")) >= 0);
    }

    void chatStreamsAnswerThroughGateway()
    {
        m_upstream->streamEvents = 6;
        m_upstream->streamIntervalMs = 80;
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.showPage(MainWindow::Chat);
        ChatPage *chat = window.chatPage();
        QTRY_VERIFY(chat->modelPicker()->findText(QStringLiteral("fake:echo-1")) >= 0);
        chat->modelPicker()->setEditText(QStringLiteral("fake:echo-1"));
        QTest::keyClicks(chat->input(), QStringLiteral("hello there"));
        QTest::keyClick(chat->input(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(chat->stopButton()->isEnabled());
        // The answer streams in: part of it shows while the rest is still coming.
        QTRY_VERIFY(chat->transcript()->toPlainText().contains(QLatin1String("tok1")));
        QVERIFY(!chat->transcript()->toPlainText().contains(QLatin1String("tok5")));
        QVERIFY(chat->client()->isBusy());
        QTRY_VERIFY(!chat->client()->isBusy());
        const QString text = chat->transcript()->toPlainText();
        QVERIFY2(text.contains(QLatin1String("tok5")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("hello there")));
        // Who answered, how fast, how many tokens.
        QVERIFY2(text.contains(QLatin1String("fake:echo-1")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("first token")));
        QVERIFY(text.contains(QLatin1String("6 out tokens")));
        // It went to the upstream through the gateway, with the user's words.
        QVERIFY(m_upstream->received.last().body.contains("hello there"));
        QVERIFY(!chat->stopButton()->isEnabled());

        // Stop ends a running answer.
        m_upstream->streamIntervalMs = 400;
        QTest::keyClicks(chat->input(), QStringLiteral("and again"));
        QTest::mouseClick(chat->sendButton(), Qt::LeftButton);
        QTRY_VERIFY(chat->transcript()->toPlainText().contains(QLatin1String("and again")));
        QTest::mouseClick(chat->stopButton(), Qt::LeftButton);
        QTRY_VERIFY(!chat->client()->isBusy());
        QVERIFY(chat->markdown().contains(QLatin1String("stopped")));

        // New chat starts over.
        QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("newChat")),
                          Qt::LeftButton);
        QVERIFY(!chat->transcript()->toPlainText().contains(QLatin1String("hello there")));
    }

    void chatShowsGatewayErrorsReadably()
    {
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        ChatPage *chat = window.chatPage();
        QTRY_VERIFY(chat->client()->hasGateway());
        chat->modelPicker()->setEditText(QStringLiteral("nosuch:model"));
        QTest::keyClicks(chat->input(), QStringLiteral("hi"));
        chat->send();
        QTRY_VERIFY(!chat->client()->isBusy());
        const QString text = chat->transcript()->toPlainText();
        QVERIFY2(text.contains(QLatin1String("Error")) &&
                     text.contains(QLatin1String("HTTP 404")) &&
                     text.contains(QLatin1String("nosuch")),
                 qPrintable(text));
    }

    void connectPageUsesRealPortAndKeyName()
    {
        startGateway(true);
        const auto created = AccessKeys::create(QStringLiteral("laptop"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        QVERIFY(store().update([&](Config &c) {
            c.accessKeys.append(created.record);
            return Status{};
        }));
        QTRY_VERIFY(m_runtime->config().findAccessKey(QStringLiteral("laptop")));
        MainWindow window(m_runtime.get(), m_settings.get());
        ConnectPage *page = window.connectPage();
        const QString port = QString::number(m_runtime->service()->port());
        const QString curl = page->snippet(QStringLiteral("curl"));
        QVERIFY(curl.contains(QStringLiteral("http://127.0.0.1:") + port +
                              QStringLiteral("/v1/chat/completions")));
        QVERIFY(curl.contains(QLatin1String("\"laptop\"")));
        QVERIFY(curl.contains(QLatin1String("fake:")));
        QVERIFY(!curl.contains(created.key));
        const QString env = page->snippet(QStringLiteral("env"));
        QVERIFY(env.contains(QStringLiteral("OPENAI_BASE_URL=http://127.0.0.1:") + port +
                             QStringLiteral("/v1")));
        QVERIFY(env.contains(QStringLiteral("ANTHROPIC_BASE_URL=http://127.0.0.1:") + port +
                             QLatin1Char('\n')));
        const QString codex = page->snippet(QStringLiteral("codex"));
        QVERIFY(codex.contains(QStringLiteral("base_url = \"http://127.0.0.1:") + port +
                               QStringLiteral("/v1\"")));
        QVERIFY(codex.contains(QLatin1String("wire_api = \"responses\"")));
        QVERIFY(codex.contains(QLatin1String("[model_providers.gatehouse]")));
        QVERIFY(!codex.contains(created.key));
        const QString gemini = page->snippet(QStringLiteral("gemini-cli"));
        QVERIFY(gemini.contains(QStringLiteral("GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:") + port +
                                QLatin1Char('\n')));
        QVERIFY(gemini.contains(QLatin1String("GEMINI_API_KEY=\"$GATEHOUSE_API_KEY\"")));
        QVERIFY(gemini.contains(QLatin1String("gemini -m fake:")));
        QVERIFY(gemini.contains(QLatin1String("\"selectedType\": \"gemini-api-key\"")));
        // Ollama clients: the keyless listener, off until enabled, then its own port.
        QString ollama = page->snippet(QStringLiteral("ollama"));
        QVERIFY(ollama.contains(QLatin1String("gatehouse ollama-api enable --port 11435")));
        QVERIFY(ollama.contains(QLatin1String("OLLAMA_BASE_URL=http://127.0.0.1:11435")));
        QVERIFY(ollama.contains(QStringLiteral("host: \"http://127.0.0.1:") + port));
        QCOMPARE(page->tabs()->count(), 9);
    }

    // A Connect card goes from "not connected" to "connected" and back, through the tool's
    // own file, which ends as it was.
    void connectCardWiresAToolAndUndoesIt()
    {
        startGateway(true);
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".claude")));
        const QString settingsPath = home.filePath(QStringLiteral(".claude/settings.json"));
        const QByteArray original = "{\n  \"theme\": \"dark\"\n}\n";
        {
            QFile f(settingsPath);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(original);
        }
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".codex")));
        {
            QFile f(home.filePath(QStringLiteral(".codex/config.toml")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("model = [\n");
        }
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.showPage(MainWindow::Connect);
        ConnectPage *page = window.connectPage();
        page->setToolEnvironment({home.path(), QString(), QString()});
        ToolCard *card = page->card(QStringLiteral("claude-code"));
        QVERIFY(card);
        QVERIFY2(card->stateLabel()->text().startsWith(QStringLiteral("Installed · not connected")),
                 qPrintable(card->stateLabel()->text()));
        QVERIFY(page->card(QStringLiteral("opencode"))
                    ->stateLabel()
                    ->text()
                    .startsWith(QLatin1String("Not found on this machine")));
        // The models the gateway offers, the local server's included.
        QTRY_VERIFY(card->modelPicker()->findText(QStringLiteral("fake:echo-1")) >= 0);
        card->modelPicker()->setEditText(QStringLiteral("fake:echo-1"));
        QTest::mouseClick(card->connectButton(), Qt::LeftButton);
        const QString port = QString::number(m_runtime->service()->port());
        QVERIFY2(card->stateLabel()->text().contains(
                     QStringLiteral("connected to http://127.0.0.1:") + port),
                 qPrintable(card->stateLabel()->text() + card->problemLabel()->text()));
        QVERIFY(card->stateLabel()->text().contains(QLatin1String("Model: fake:echo-1")));
        QCOMPARE(card->connectButton()->text(), QStringLiteral("Update"));
        QFile wired(settingsPath);
        QVERIFY(wired.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(wired.readAll()).object();
        QCOMPARE(json.value(QLatin1String("theme")).toString(), QStringLiteral("dark"));
        const QJsonObject env = json.value(QLatin1String("env")).toObject();
        QCOMPARE(env.value(QLatin1String("ANTHROPIC_BASE_URL")).toString(),
                 QStringLiteral("http://127.0.0.1:") + port);
        QCOMPARE(env.value(QLatin1String("ANTHROPIC_MODEL")).toString(),
                 QStringLiteral("fake:echo-1"));
        const Config withKey = savedConfig();
        const AccessKeyRecord *key = withKey.findAccessKey(QStringLiteral("claude-code"));
        QVERIFY(key && key->isActive());
        // The key in the file is the one Gatehouse now accepts.
        QCOMPARE(AccessKeys::hashOf(
                     env.value(QLatin1String("ANTHROPIC_AUTH_TOKEN")).toString().toUtf8()),
                 key->hash);

        QTest::mouseClick(card->disconnectButton(), Qt::LeftButton);
        QMessageBox *box = waitForBox(page, QStringLiteral("confirmDisconnect"));
        QVERIFY(box);
        buttonWithText(box, QStringLiteral("Disconnect"))->click();
        QTRY_VERIFY(
            card->stateLabel()->text().startsWith(QStringLiteral("Installed · not connected")));
        QFile restored(settingsPath);
        QVERIFY(restored.open(QIODevice::ReadOnly));
        QCOMPARE(restored.readAll(), original);
        QVERIFY(!savedConfig().findAccessKey(QStringLiteral("claude-code"))->isActive());

        // A file Gatehouse cannot read is left alone, and the card says which and why.
        ToolCard *codex = page->card(QStringLiteral("codex"));
        QVERIFY(codex->problemLabel()->isVisible());
        QVERIFY2(codex->problemLabel()->text().contains(QLatin1String(".codex/config.toml")),
                 qPrintable(codex->problemLabel()->text()));
        QVERIFY(!codex->connectButton()->isEnabled());
    }

    void settingsWarnBeforeLeavingLoopback()
    {
        startGateway(false);
        MainWindow window(m_runtime.get(), m_settings.get());
        SettingsPage *page = window.settingsPage();
        page->bindEdit()->setText(QStringLiteral("0.0.0.0"));
        page->applyNetwork();
        QMessageBox *box = waitForBox(page, QStringLiteral("confirmBind"));
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QTest::qWait(50);
        QCOMPARE(savedConfig().gateway.bindAddress, QStringLiteral("127.0.0.1"));
        page->bindEdit()->setText(QStringLiteral("not-an-address"));
        page->applyNetwork();
        QVERIFY(page->message()->text().contains(QLatin1String("not an IP address")));
        // A new port on loopback applies at once: the gateway restarts there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 freePort = probe.serverPort();
        probe.close();
        page->bindEdit()->setText(QStringLiteral("127.0.0.1"));
        page->portBox()->setValue(freePort);
        page->applyNetwork();
        QCOMPARE(savedConfig().gateway.port, freePort);
        QTRY_COMPARE(m_runtime->service()->port(), freePort);
        QTRY_VERIFY(window.gatewayStatus()->text().contains(QString::number(freePort)));
    }

    // The Logs page follows requests as they are served, narrows them by its filters, shows
    // each attempt of a failed-over request, replays a captured conversation in the chat and
    // clears the log only once the user confirms.
    void logsPageFiltersShowsAttemptsOpensInChatAndClears()
    {
        QByteArray auth;
        {
            Config c;
            c.instanceId = QStringLiteral("gui-test");
            c.gateway.port = 0;
            Provider fake;
            fake.id = QStringLiteral("fake");
            fake.displayName = QStringLiteral("Fake server");
            fake.baseUrl = QUrl(m_upstream->baseUrl());
            c.providers.append(fake);
            RouteRule both;
            both.name = QStringLiteral("both");
            both.candidates = {{QStringLiteral("fake:status-503"), 1},
                               {QStringLiteral("fake:echo-1"), 1}};
            c.routes.append(both);
            KeyConfiguration capturing;
            capturing.name = QStringLiteral("default");
            capturing.capture.enabled = true;
            c.keyConfigurations.append(capturing);
            const auto created = AccessKeys::create(QStringLiteral("tester"), systemRandomBytes,
                                                    QDateTime::currentDateTimeUtc());
            c.accessKeys.append(created.record);
            auth = "Bearer " + created.key.toUtf8();
            QVERIFY(store().save(c));
        }
        m_runtime = std::make_unique<GatewayRuntime>(store(), m_secrets.get());
        QVERIFY(m_runtime->start());
        QTRY_VERIFY(!m_runtime->url().isEmpty());
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.showPage(MainWindow::Logs);
        LogsPage *page = window.logsPage();
        QVERIFY(page->isVisible());
        RequestLogModel *model = page->model();
        QCOMPARE(model->rowCount(), 0);

        const quint16 port = m_runtime->service()->port();
        auto ask = [&](const QByteArray &name, const QByteArray &messages) {
            return HttpTestClient::request(port, "POST", "/v1/chat/completions",
                                           "{\"model\":\"" + name + "\",\"messages\":" + messages +
                                               '}',
                                           {{"authorization", auth}})
                .status;
        };
        const QByteArray question = "[{\"role\":\"user\",\"content\":\"x\"}]";
        QCOMPARE(ask("fake:echo-1",
                     "[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                     "{\"role\":\"user\",\"content\":\"What is a gatehouse?\"},"
                     "{\"role\":\"assistant\",\"content\":\"A house at a gate.\"},"
                     "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"And "
                     "who lives there?\"}]}]"),
                 200);
        QCOMPARE(ask("fake:status-500", question), 500);
        QCOMPARE(ask("both", question), 200);
        // Followed live: the rows come in on their own, newest first.
        QTRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(model->entry(0).requestedModel, QStringLiteral("both"));
        QCOMPARE(model->entry(2).requestedModel, QStringLiteral("fake:echo-1"));

        // Filters narrow the rows.
        page->statusFilter()->setCurrentIndex(page->statusFilter()->findData(5));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->entry(0).status, 500);
        page->statusFilter()->setCurrentIndex(page->statusFilter()->findData(2));
        QCOMPARE(model->rowCount(), 2);
        page->statusFilter()->setCurrentIndex(0);
        QTest::keyClicks(page->modelFilter(), QStringLiteral("fake:echo-1"));
        QTest::keyClick(page->modelFilter(), Qt::Key_Return);
        QCOMPARE(model->rowCount(), 2); // asked for, or answered by, fake:echo-1
        page->modelFilter()->clear();
        QTest::keyClick(page->modelFilter(), Qt::Key_Return);
        QCOMPARE(model->rowCount(), 3);
        page->endpointFilter()->setCurrentIndex(
            page->endpointFilter()->findData(QStringLiteral("messages")));
        QCOMPARE(model->rowCount(), 0);
        page->endpointFilter()->setCurrentIndex(
            page->endpointFilter()->findData(QStringLiteral("chat/completions")));
        QCOMPARE(model->rowCount(), 3);
        page->providerFilter()->setCurrentIndex(
            page->providerFilter()->findData(QStringLiteral("fake")));
        QCOMPARE(model->rowCount(), 3);
        page->timeRange()->setCurrentIndex(page->timeRange()->findData(LogsPage::Last15Minutes));
        QCOMPARE(model->rowCount(), 3);

        // The detail pane shows every attempt of the failed-over request.
        auto select = [&](const QString &requested) {
            for (int r = 0; r < model->rowCount(); ++r) {
                if (model->entry(r).requestedModel == requested) {
                    page->table()->clearSelection();
                    page->table()->setCurrentIndex(QModelIndex());
                    page->table()->setCurrentIndex(model->index(r, 0));
                    return true;
                }
            }
            return false;
        };
        QVERIFY(select(QStringLiteral("both")));
        const QString detail = page->detail()->toPlainText();
        QVERIFY2(detail.contains(QLatin1String("fake:status-503")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("503")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("fake:echo-1")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String("x-gatehouse-")), qPrintable(detail));

        // The captured conversation goes to the chat: the last question waits to be sent.
        QTRY_VERIFY(select(QStringLiteral("fake:echo-1")) && page->openInChatButton()->isEnabled());
        QVERIFY(page->requestBody()->toPlainText().contains(QLatin1String("What is a gatehouse?")));
        QVERIFY(page->responseBody()->toPlainText().contains(QLatin1String("\"choices\"")));
        QTest::mouseClick(page->openInChatButton(), Qt::LeftButton);
        QCOMPARE(window.currentPage(), MainWindow::Chat);
        ChatPage *chat = window.chatPage();
        QVERIFY(chat->markdown().contains(QLatin1String("What is a gatehouse?")));
        QVERIFY(chat->markdown().contains(QLatin1String("A house at a gate.")));
        QVERIFY(!chat->markdown().contains(QLatin1String("Be brief.")));
        QCOMPARE(chat->input()->toPlainText(), QStringLiteral("And who lives there?"));
        window.showPage(MainWindow::Logs);

        // Clearing asks first; Cancel keeps every row.
        page->timeRange()->setCurrentIndex(page->timeRange()->findData(LogsPage::AllTime));
        QTest::mouseClick(page->clearButton(), Qt::LeftButton);
        QMessageBox *box = waitForBox(page, QStringLiteral("confirmClearLog"));
        QVERIFY(box);
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!page->findChild<QMessageBox *>(QStringLiteral("confirmClearLog")));
        page->refresh();
        QCOMPARE(model->rowCount(), 3);
        // Older than yesterday: nothing of today goes.
        page->clearScope()->setCurrentIndex(1);
        QVERIFY(page->clearBefore()->isEnabled());
        page->clearBefore()->setDate(QDate::currentDate().addDays(-1));
        QSignalSpy cleared(page, &LogsPage::cleared);
        QTest::mouseClick(page->clearButton(), Qt::LeftButton);
        box = waitForBox(page, QStringLiteral("confirmClearLog"));
        QVERIFY(box);
        buttonWithText(box, QStringLiteral("Clear"))->click();
        QVERIFY(cleared.wait());
        QTRY_VERIFY(!page->findChild<QMessageBox *>(QStringLiteral("confirmClearLog")));
        QCOMPARE(cleared.first().first().toLongLong(), qint64{0});
        QCOMPARE(model->rowCount(), 3);
        // Everything: the table empties.
        page->clearScope()->setCurrentIndex(0);
        QTest::mouseClick(page->clearButton(), Qt::LeftButton);
        box = waitForBox(page, QStringLiteral("confirmClearLog"));
        QVERIFY(box);
        buttonWithText(box, QStringLiteral("Clear"))->click();
        QVERIFY(cleared.wait());
        QTRY_VERIFY(!page->findChild<QMessageBox *>(QStringLiteral("confirmClearLog")));
        QCOMPARE(cleared.last().first().toLongLong(), qint64{3});
        QCOMPARE(model->rowCount(), 0);
    }

    // A long log is read a page at a time, newest first; scrolling fetches the next page.
    void logsModelPagesALongLog()
    {
        const QString path = QDir(m_dir->path()).filePath(QStringLiteral("requests.sqlite"));
        {
            RequestLog log(path);
            QVERIFY(log.open());
            const qint64 start = QDateTime::currentMSecsSinceEpoch() - 5000LL * 1000;
            for (int i = 0; i < 5000; ++i) {
                RequestLogEntry e;
                e.timeMs = start + i * 1000LL;
                e.requestId = QStringLiteral("req-%1").arg(i);
                e.endpoint = QStringLiteral("chat/completions");
                e.requestedModel = QStringLiteral("m-%1").arg(i % 10);
                e.provider = QStringLiteral("fake");
                e.model = QStringLiteral("echo-1");
                e.status = i % 5 == 0 ? 500 : 200;
                e.attemptCount = 1;
                e.totalMs = i;
                log.append(e);
            }
            log.flush();
        }
        LogsPage page(m_dir->path(), nullptr);
        page.resize(900, 500);
        page.show();
        RequestLogModel *model = page.model();
        QCOMPARE(model->rowCount(), RequestLogModel::pageSize);
        QCOMPARE(model->entry(0).requestId, QStringLiteral("req-4999"));
        QVERIFY(model->entry(0).id > model->entry(1).id);
        QVERIFY(model->canFetchMore({}));
        // Scrolling to the bottom loads the next page.
        page.table()->scrollToBottom();
        QTRY_VERIFY(model->rowCount() > RequestLogModel::pageSize);
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), 5000);
        QCOMPARE(model->entry(4999).requestId, QStringLiteral("req-0"));
        // A filter pages as well.
        page.statusFilter()->setCurrentIndex(page.statusFilter()->findData(5));
        QCOMPARE(model->rowCount(), RequestLogModel::pageSize);
        while (model->canFetchMore({}))
            model->fetchMore({});
        QCOMPARE(model->rowCount(), 1000);
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->entry(r).status, 500);
    }

    void settingsOpenAndCloseTheKeylessOllamaApi()
    {
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.showPage(MainWindow::Settings);
        auto *box = window.findChild<OllamaApiBox *>(QStringLiteral("ollamaApiBox"));
        QVERIFY(box);
        QVERIFY(!box->enabledBox()->isChecked());
        QCOMPARE(box->statusLabel()->text(), QStringLiteral("Off."));
        QCOMPARE(box->keyConfigBox()->currentText(), QStringLiteral("default"));

        // A port another program holds: said at once, nothing saved.
        QTcpServer taken;
        QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
        // On its box: the row is wider than what takes a click.
        QTest::mouseClick(box->enabledBox(), Qt::LeftButton, {},
                          QPoint(8, box->enabledBox()->height() / 2));
        box->portBox()->setValue(taken.serverPort());
        QTest::mouseClick(box->applyButton(), Qt::LeftButton);
        QVERIFY2(box->message()->text().contains(QLatin1String("is in use by another program")),
                 qPrintable(box->message()->text()));
        QVERIFY(!savedConfig().gateway.ollamaApi.enabled);

        // A free one: the running gateway opens it, and says so.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        box->portBox()->setValue(port);
        QTest::mouseClick(box->applyButton(), Qt::LeftButton);
        QCOMPARE(savedConfig().gateway.ollamaApi.port, port);
        QTRY_COMPARE_WITH_TIMEOUT(
            box->statusLabel()->text(),
            QStringLiteral("Listening on http://127.0.0.1:%1; point Ollama clients there.")
                .arg(port),
            10000);
        const auto root = HttpTestClient::request(port, "GET", "/");
        QCOMPARE(root.body, QByteArray("Ollama is running"));

        // Off again: closed.
        // On its box: the row is wider than what takes a click.
        QTest::mouseClick(box->enabledBox(), Qt::LeftButton, {},
                          QPoint(8, box->enabledBox()->height() / 2));
        QTest::mouseClick(box->applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(box->statusLabel()->text(), QStringLiteral("Off."), 10000);
        QCOMPARE(HttpTestClient::request(port, "GET", "/", {}, {}, 1000).status, 0);
    }

    void pauseAndResumeFromTrayMenu()
    {
        startGateway(false);
        MainWindow window(m_runtime.get(), m_settings.get());
        QTRY_VERIFY(window.gatewayStatus()->text().contains(QLatin1String("listening")));
        window.pauseAction()->trigger();
        QVERIFY(m_runtime->isPaused());
        QVERIFY(window.gatewayStatus()->text().contains(QLatin1String("paused")));
        window.pauseAction()->trigger();
        QTRY_VERIFY(window.gatewayStatus()->text().contains(QLatin1String("listening")));
    }

    void secondLaunchBringsFirstForward()
    {
        SingleInstance first(m_dir->path());
        QVERIFY(first.claim());
        QSignalSpy activated(&first, &SingleInstance::activationRequested);
        SingleInstance second(m_dir->path());
        QVERIFY(!second.claim());
        QTRY_COMPARE(activated.count(), 1);
        QTemporaryDir other;
        SingleInstance elsewhere(other.path());
        QVERIFY(elsewhere.claim()); // another config folder is another Gatehouse
    }

    void translationsLoad()
    {
        const QString used = DesktopApp::installTranslations(QStringLiteral("de"));
        QCOMPARE(used, QStringLiteral("de_DE"));
        QCOMPARE(QCoreApplication::translate("gatehouse::MainWindow", "Providers"),
                 QStringLiteral("Anbieter"));
        {
            // Strings of classes inside the window's files resolve too.
            AddProviderWizard wizard(store(), m_secrets.get());
            QCOMPARE(wizard.page(AddProviderWizard::KindPage)->title(),
                     QStringLiteral("Wo läuft das Modell?"));
            QCOMPARE(wizard.windowTitle(), QStringLiteral("Anbieter hinzufügen"));
        }
        DesktopApp::installTranslations(QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("gatehouse::MainWindow", "Settings"),
                 QStringLiteral("设置"));
        DesktopApp::installTranslations(QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("gatehouse::MainWindow", "Settings"),
                 QStringLiteral("Settings"));
        QCOMPARE(QCoreApplication::translate("gatehouse::ProviderForm",
                                             "Connected. %n model(s) available.", nullptr, 1),
                 QStringLiteral("Connected. 1 model available."));
        QLocale::setDefault(QLocale::c());
    }

    // File → Import…: a preview of what the file adds and what it cannot map, then Import;
    // the key goes to the keychain, never the config file.
    void importDialogPreviewsThenImports()
    {
        startGateway(false);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.findChild<QAction *>(QStringLiteral("importAction"))->trigger();
        auto *dialog = window.findChild<ImportDialog *>(QStringLiteral("importDialog"));
        QVERIFY(dialog);
        auto *apply = dialog->findChild<QPushButton *>(QStringLiteral("importApply"));
        QVERIFY(!apply->isEnabled());
        dialog->choose(ImportFormat::ClaudeCodeRouter,
                       QStringLiteral(MIGRATE_FIXTURES "/claude-code-router-config.json"));
        const QString preview =
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("importPreview"))->toPlainText();
        QVERIFY2(preview.contains(QLatin1String("Provider openrouter (openai, "
                                                "https://openrouter.ai/api/v1)")),
                 qPrintable(preview));
        QVERIFY(
            preview.contains(QLatin1String("Route default (in-order): deepseek:deepseek-chat")));
        QVERIFY(preview.contains(QLatin1String("Not imported: Router.longContextThreshold")));
        QVERIFY(!preview.contains(QLatin1String("sk-or-literal-fixture-key-0002")));
        QVERIFY(savedConfig().providers.isEmpty()); // a preview changes nothing
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("importResult"));
        QTRY_VERIFY(result->text().startsWith(QLatin1String("Imported 4 provider")));
        const Config c = savedConfig();
        QCOMPARE(c.providers.size(), 4);
        QCOMPARE(c.routes.size(), 4);
        QVERIFY(c.findProvider(QStringLiteral("openrouter"))->hasKey);
        QVERIFY(!c.findProvider(QStringLiteral("deepseek"))->hasKey);
        QByteArray stored;
        m_secrets->read(SecretStore::providerKeyName(c.instanceId, QStringLiteral("openrouter")),
                        [&](const SecretResult &r) { stored = r.value; });
        QTRY_COMPARE(stored, QByteArray("sk-or-literal-fixture-key-0002"));
        QFile config(store().configPath());
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(!config.readAll().contains("sk-or-literal-fixture-key-0002"));
    }

    // File → Export…: the preview never shows keys; with keys, a warning first.
    void exportDialogWarnsBeforeKeys()
    {
        startGateway(true);
        QVERIFY(store().update([](Config &c) -> Status {
            c.findProvider(QStringLiteral("fake"))->hasKey = true;
            RouteRule r;
            r.name = QStringLiteral("fast");
            r.candidates = {{QStringLiteral("fake:small"), 1}, {QStringLiteral("fake:big"), 1}};
            c.routes << r;
            return {};
        }));
        bool written = false;
        m_secrets->write(
            SecretStore::providerKeyName(QStringLiteral("gui-test"), QStringLiteral("fake")),
            "sk-gui-export-secret", [&](const SecretResult &) { written = true; });
        QTRY_VERIFY(written);
        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        window.findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
        auto *dialog = window.findChild<ExportDialog *>(QStringLiteral("exportDialog"));
        QVERIFY(dialog);
        auto *format = dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"));
        format->setCurrentIndex(format->findData(QStringLiteral("litellm")));
        auto *preview = dialog->findChild<QPlainTextEdit *>(QStringLiteral("exportPreview"));
        QVERIFY(preview->toPlainText().contains(QLatin1String("os.environ/FAKE_API_KEY")));
        auto *route = dialog->findChild<QComboBox *>(QStringLiteral("exportRoute"));
        QCOMPARE(route->count(), 2);

        const QString plain = m_dir->filePath(QStringLiteral("plain.yaml"));
        dialog->saveTo(plain);
        QFile plainFile(plain);
        QVERIFY(plainFile.open(QIODevice::ReadOnly));
        QVERIFY(!plainFile.readAll().contains("sk-gui-export-secret"));

        dialog->findChild<QCheckBox *>(QStringLiteral("exportWithKeys"))->setChecked(true);
        QVERIFY(!preview->toPlainText().contains(QLatin1String("sk-gui-export-secret")));
        const QString withKeys = m_dir->filePath(QStringLiteral("keys.yaml"));
        dialog->saveTo(withKeys);
        QMessageBox *box = waitForBox(dialog, QStringLiteral("exportKeysWarning"));
        QVERIFY(box);
        QVERIFY(!QFile::exists(withKeys)); // nothing before the answer
        QTest::mouseClick(buttonWithText(box, QStringLiteral("Export with keys")), Qt::LeftButton);
        QTRY_VERIFY(QFile::exists(withKeys));
        QFile keysFile(withKeys);
        QVERIFY(keysFile.open(QIODevice::ReadOnly));
        QVERIFY(keysFile.readAll().contains("sk-gui-export-secret"));
    }

    // Rows written straight into the request log the window reads.
    void writeLogRows(const QList<RequestLogEntry> &rows)
    {
        RequestLog log(m_dir->filePath(QStringLiteral("requests.sqlite")));
        QVERIFY(log.open());
        for (const RequestLogEntry &e : rows)
            log.append(e);
        log.flush();
    }

    static RequestLogEntry logRow(const QString &key, const QString &provider, int status,
                                  qint64 tokens, double cost, qint64 firstByte)
    {
        RequestLogEntry e;
        e.timeMs = QDateTime::currentMSecsSinceEpoch() - 1000;
        e.endpoint = QStringLiteral("chat/completions");
        e.accessKey = key;
        e.provider = provider;
        e.model = QStringLiteral("m");
        e.status = status;
        e.inputTokens = tokens;
        e.outputTokens = 0;
        e.cost = cost;
        e.firstByteMs = firstByte;
        e.totalMs = firstByte + 5;
        return e;
    }

    void accessKeysShowUseAgainstLimits()
    {
        writeLogRows({logRow(QStringLiteral("a"), QStringLiteral("fake"), 200, 500, 2.0, 10),
                      logRow(QStringLiteral("b"), QStringLiteral("fake"), 200, 350, 1.0, 10),
                      logRow(QStringLiteral("other"), QStringLiteral("fake"), 200, 9000, 5, 10)});
        startGateway(true);
        QVERIFY(store().update([&](Config &c) {
            KeyConfiguration team;
            team.name = QStringLiteral("team");
            team.limits.tokensPerDay = 1000;
            team.limits.spendPerMonth = 10;
            team.limits.requestsPerMinute = 60;
            c.keyConfigurations.append(team);
            for (const QString &name : {QStringLiteral("a"), QStringLiteral("b")}) {
                auto k =
                    AccessKeys::create(name, systemRandomBytes, QDateTime::currentDateTimeUtc());
                k.record.configuration = QStringLiteral("team");
                c.accessKeys.append(k.record);
            }
            c.accessKeys.append(AccessKeys::create(QStringLiteral("other"), systemRandomBytes,
                                                   QDateTime::currentDateTimeUtc())
                                    .record);
            return Status{};
        }));
        QTRY_COMPARE(m_runtime->config().accessKeys.size(), 3);
        MainWindow window(m_runtime.get(), m_settings.get());
        AccessKeysPage *page = window.accessKeysPage();
        QSignalSpy shown(page, &AccessKeysPage::useShown);
        page->refresh();
        QTRY_VERIFY(shown.count() >= 1);
        // Both keys of "team" count against its limits; "other" (default, no limits) shows none.
        for (int i = 0; i < 2; ++i) {
            const QString text = page->table()->topLevelItem(i)->text(6);
            QVERIFY2(
                text.contains(
                    QStringLiteral("850 of %1 tokens today").arg(QLocale().toString(qint64(1000)))),
                qPrintable(text));
            QVERIFY2(text.contains(QLatin1String("$3.00 of $10.00 this month")), qPrintable(text));
            QVERIFY2(text.contains(QLatin1String("2 of 60 requests in the last minute")),
                     qPrintable(text));
        }
        QCOMPARE(page->table()->topLevelItem(2)->text(6), QString());
        QVERIFY2(
            page->limitsInUse()->text().startsWith(QStringLiteral("Configuration “team”: 2 of 60")),
            qPrintable(page->limitsInUse()->text()));
    }

    void limitNoticeOncePerPeriod()
    {
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        ConfigurationUse use;
        use.configuration = QStringLiteral("team");
        use.limits.tokensPerDay = 1000;
        use.limits.spendPerMonth = 10;
        use.tokensToday = 790;
        const QDateTime day = QDateTime(QDate(2026, 5, 4), QTime(10, 0), Qt::UTC);
        QVERIFY(window.notifyLimits({use}, day).isEmpty()); // under 80 %
        use.tokensToday = 800;
        const auto first = window.notifyLimits({use}, day);
        QCOMPARE(first.size(), 1);
        QCOMPARE(first.first().title, QStringLiteral("Token limit almost reached"));
        QVERIFY2(
            first.first().message.contains(
                QStringLiteral("800 of their %1 tokens").arg(QLocale().toString(qint64(1000)))),
            qPrintable(first.first().message));
        QVERIFY(window.notifyLimits({use}, day.addSecs(3600)).isEmpty()); // told already
        // Remembered across restarts of the window.
        {
            UiSettings again(m_dir->path());
            QCOMPARE(again.limitsNotified().size(), 1);
        }
        use.tokensToday = 1000;
        const auto full = window.notifyLimits({use}, day.addSecs(7200));
        QCOMPARE(full.size(), 1);
        QCOMPARE(full.first().title, QStringLiteral("Token limit reached"));
        QVERIFY(window.notifyLimits({use}, day.addSecs(7300)).isEmpty());
        // A new day is a new period.
        use.tokensToday = 850;
        QCOMPARE(window.notifyLimits({use}, day.addDays(1)).size(), 1);
        // Spending: per month.
        use.spendThisMonth = 9.5;
        const auto spend = window.notifyLimits({use}, day.addDays(1));
        QCOMPARE(spend.size(), 1);
        QCOMPARE(spend.first().title, QStringLiteral("Spending limit almost reached"));
        // The next day of the same month: the token notice again, not the spending one.
        const auto nextDay = window.notifyLimits({use}, day.addDays(2));
        QCOMPARE(nextDay.size(), 1);
        QCOMPARE(nextDay.first().title, QStringLiteral("Token limit almost reached"));

        // Turned off in Settings: nothing.
        auto *box =
            window.settingsPage()->findChild<QCheckBox *>(QStringLiteral("limitNotifications"));
        QVERIFY(box);
        QVERIFY(box->isChecked());
        box->setChecked(false);
        QVERIFY(!m_settings->limitNotifications());
        use.tokensToday = 900;
        QVERIFY(window.notifyLimits({use}, day.addDays(5)).isEmpty());
    }

    void providersPageShowsLastHourAndCoolingOff()
    {
        writeLogRows({logRow(QString(), QStringLiteral("fake"), 200, 10, 0, 120),
                      logRow(QString(), QStringLiteral("fake"), 200, 10, 0, 300),
                      logRow(QString(), QStringLiteral("fake"), 502, 0, 0, -1)});
        startGateway(true);
        MainWindow window(m_runtime.get(), m_settings.get());
        ProvidersPage *page = window.providersPage();
        page->select(QStringLiteral("fake"));
        QTRY_VERIFY(page->details()->toPlainText().contains(QLatin1String("errors")));
        const QString text = page->details()->toPlainText();
        QVERIFY2(text.contains(QLatin1String("Last hour: 3 requests")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("33.3 % errors")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("p50 120 ms, p95 300 ms")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("cooling off")));
        QVERIFY(
            page->table()->topLevelItem(0)->toolTip(4).contains(QLatin1String("33.3 % errors")));

        // The gateway says the provider is cooling off for a minute.
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 60 * 1000;
        emit m_runtime->service()->coolingOff({{QStringLiteral("fake"), until}});
        QTRY_VERIFY(page->details()->toPlainText().contains(QLatin1String("cooling off until")));
    }

    void usagePageChartsTablesAndSavings()
    {
        // Rows of the last hours: a local model (the fake server on loopback) and a cloud
        // one, written straight into the log the page reads.
        const qint64 at = QDateTime::currentMSecsSinceEpoch() - 2 * 3600 * 1000;
        {
            RequestLog log(m_dir->filePath(QStringLiteral("requests.sqlite")));
            QVERIFY(log.open());
            auto row = [&](const QString &provider, const QString &model, int status, qint64 input,
                           qint64 output, double cost, qint64 firstByte) {
                RequestLogEntry e;
                e.timeMs = at;
                e.endpoint = QStringLiteral("chat/completions");
                e.accessKey = QStringLiteral("laptop");
                e.provider = provider;
                e.model = model;
                e.requestedModel = model;
                e.status = status;
                e.inputTokens = input;
                e.outputTokens = output;
                e.cost = cost;
                e.firstByteMs = firstByte;
                e.totalMs = firstByte + 10;
                log.append(e);
            };
            row(QStringLiteral("fake"), QStringLiteral("llama"), 200, 1000, 500, -1, 120);
            row(QStringLiteral("openai"), QStringLiteral("gpt-4o"), 200, 2000, 1000, 0.015, 300);
            row(QStringLiteral("openai"), QStringLiteral("gpt-4o"), 500, 0, 0, 0, 500);
            log.flush();
        }
        startGateway(true);
        Config c = savedConfig();
        Provider cloud;
        cloud.id = QStringLiteral("openai");
        cloud.displayName = QStringLiteral("OpenAI");
        cloud.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
        c.providers.append(cloud);
        QVERIFY(store().save(c));
        QTRY_COMPARE(m_runtime->config().providers.size(), 2);

        MainWindow window(m_runtime.get(), m_settings.get());
        window.show();
        UsagePage *page = window.usagePage();
        QSignalSpy refreshed(page, &UsagePage::refreshed);
        window.showPage(MainWindow::Usage);
        QTRY_VERIFY(refreshed.count() >= 1);

        // Requests per hour, stacked by provider: one bar set per provider.
        QCOMPARE(page->usageChart()->series().size(), 1);
        auto *stacked = qobject_cast<QStackedBarSeries *>(page->usageChart()->series().first());
        QVERIFY(stacked);
        QCOMPARE(stacked->count(), 2);
        QCOMPARE(page->usageTable()->rowCount(), 2);
        QCOMPARE(page->usageTable()->item(0, 1)->text(), QStringLiteral("openai"));
        QCOMPARE(page->usageTable()->item(0, 2)->text(), QStringLiteral("2"));
        QCOMPARE(page->usageTable()->item(0, 3)->text(), QStringLiteral("1"));

        // Stacked by model: the same two groups, named provider:model.
        refreshed.clear();
        page->stackBox()->setCurrentIndex(page->stackBox()->findData(int(UsageGroup::Model)));
        QTRY_VERIFY(refreshed.count() >= 1);
        QCOMPARE(page->usageTable()->item(1, 1)->text(), QStringLiteral("fake:llama"));

        // Time to first byte per provider: p50 and p95 bar sets, and the table as CSV.
        QCOMPARE(page->ttfbChart()->series().size(), 1);
        QCOMPARE(qobject_cast<QAbstractBarSeries *>(page->ttfbChart()->series().first())->count(),
                 2);
        const QString csv = m_dir->filePath(QStringLiteral("ttfb.csv"));
        QVERIFY(UsagePage::exportCsv(page->ttfbTable(), csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(f.readAll()),
                 QStringLiteral("Provider,Requests,Errors,First byte p50 (ms),First byte p95 "
                                "(ms)\nopenai,2,1,300,500\nfake,1,0,120,120\n"));

        // The local model answered a third of the tokens; at gpt-5's price (1.25 and 10 USD per
        // million) they would have cost 0.00625 USD.
        page->cloudModelBox()->setCurrentIndex(page->cloudModelBox()->findData(
            QStringList{QStringLiteral("openai"), QStringLiteral("gpt-5")}));
        QVERIFY(qAbs(page->localShare() - 1.0 / 3) < 1e-9);
        QVERIFY(qAbs(page->savedUsd() - 0.00625) < 1e-12);
        QVERIFY(page->savedLabel()->text().contains(QLatin1String("33.3 %")));
        QVERIFY(page->savedLabel()->text().contains(QLatin1String("$0.0063")));
        QCOMPARE(page->localTable()->rowCount(), 1);
        QCOMPARE(page->localTable()->item(0, 0)->text(), QStringLiteral("fake:llama"));
        page->cloudModelBox()->setCurrentIndex(page->cloudModelBox()->findData(
            QStringList{QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")}));
        QVERIFY(qAbs(page->savedUsd() - (1000 * 0.15 + 500 * 0.6) / 1e6) < 1e-12);
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
