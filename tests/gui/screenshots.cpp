// Takes the README's screenshots: every page of the window and the add-provider wizard, in a
// light and a dark palette, with a demo config against a fake model server on loopback.
// Usage: gatehouse-screenshots OUTPUT_DIR [LANGUAGE]   (run it under Xvfb for real fonts)
#include "AccessKeysPage.h"
#include "AddProviderWizard.h"
#include "ChatPage.h"
#include "ConnectPage.h"
#include "DesktopApp.h"
#include "ExportDialog.h"
#include "FakeOllama.h"
#include "FakeUpstream.h"
#include "ImportDialog.h"
#include "KeyConfigDialog.h"
#include "LogsPage.h"
#include "MainWindow.h"
#include "ProviderForm.h"
#include "ProvidersPage.h"
#include "RoutingPage.h"
#include "UiSettings.h"
#include "UsagePage.h"
#include "WelcomeDialog.h"
#include "config/AccessKey.h"
#include "gateway/GatewayRuntime.h"
#include "log/CaptureStore.h"
#include "log/RequestLog.h"
#include "secrets/MemorySecretStore.h"

#include <QApplication>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QThread>
#include <QTreeWidget>
#include <algorithm>
#include <cstdio>

using namespace gatehouse;

namespace {

void waitUntil(const std::function<bool()> &done, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
}

void settle(int ms = 150)
{
    waitUntil([] { return false; }, ms);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe8, 0xea, 0xed);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Highlight, QColor(0x4c, 0x8b, 0xf5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x84, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x84, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x84, 0x8a));
    return p;
}

// A day of requests in the log, and one captured exchange, for the Logs page.
void writeDemoLog(const QString &dir, const QDateTime &now)
{
    struct Demo
    {
        const char *key, *endpoint, *requested, *provider, *model, *attempts;
        int status;
        qint64 ttfb, total, in, out;
        double cost;
    };
    const Demo demos[] = {
        {"vscode", "chat/completions", "fast", "ollama", "llama3.2", "ollama:llama3.2 200", 200,
         180, 2400, 812, 264, 0},
        {"vscode", "chat/completions", "coder", "openai", "gpt-4.1",
         "openai:gpt-4.1 429 (130 ms); openai:gpt-4.1 200", 200, 640, 5200, 4210, 630, 0.01346},
        {"laptop-cli", "messages", "anthropic:claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5",
         "anthropic:claude-sonnet-4-5 503 (410 ms)", 503, -1, 410, -1, -1, -1},
        {"laptop-cli", "responses", "openai:gpt-4o-mini", "openai", "gpt-4o-mini",
         "openai:gpt-4o-mini 200", 200, 350, 1900, 1520, 410, 0.000474},
        {"vscode", "chat/completions", "fast", "lm-studio", "qwen2.5-7b",
         "ollama:llama3.2 unreachable (3 ms); lm-studio:qwen2.5-7b 200", 200, 220, 3100, 990, 388,
         0},
        {"vscode", "embeddings", "ollama:nomic-embed-text", "ollama", "nomic-embed-text",
         "ollama:nomic-embed-text 200", 200, -1, 85, 64, 0, 0},
        {"laptop-cli", "chat/completions", "openai:gpt-4.1", "openai", "gpt-4.1",
         "openai:gpt-4.1 200", 499, 700, 2300, 3300, 120, 0.00756},
    };
    RequestLog log(QDir(dir).filePath(QStringLiteral("requests.sqlite")));
    if (!log.open())
        return;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const int rows = 40;
    for (int i = 0; i < rows; ++i) {
        const Demo &d = demos[i % (sizeof demos / sizeof demos[0])];
        RequestLogEntry e;
        e.timeMs = nowMs - qint64{rows - i} * 97'000;
        e.requestId =
            i == rows - 4 ? QStringLiteral("demo-captured") : QStringLiteral("demo-%1").arg(i);
        e.accessKey = QString::fromLatin1(d.key);
        e.endpoint = QString::fromLatin1(d.endpoint);
        e.requestedModel = QString::fromLatin1(d.requested);
        e.provider = QString::fromLatin1(d.provider);
        e.model = QString::fromLatin1(d.model);
        e.attempts = QString::fromLatin1(d.attempts);
        e.attemptCount = static_cast<int>(e.attempts.count(QLatin1Char(';'))) + 1;
        e.status = d.status;
        e.stream = e.endpoint != QLatin1String("embeddings");
        e.firstByteMs = d.ttfb;
        e.totalMs = d.total + (i * 37) % 400;
        e.inputTokens = d.in;
        e.outputTokens = d.out;
        e.cachedTokens = d.in > 1000 ? d.in / 4 : (d.in < 0 ? -1 : 0);
        e.reasoningTokens = d.out < 0 ? -1 : 0;
        e.cost = d.cost;
        if (d.status == 503)
            e.error = QStringLiteral("anthropic is overloaded");
        log.append(e);
    }
    log.flush();

    CaptureStore captures(QDir(dir).filePath(QStringLiteral("captures.sqlite")));
    if (!captures.open())
        return;
    CapturedExchange c;
    c.requestId = QStringLiteral("demo-captured");
    c.timeMs = nowMs - 4 * 97'000;
    c.accessKey = QStringLiteral("vscode");
    c.keepUntilMs = nowMs + qint64{7} * 24 * 3600 * 1000;
    c.requestHeaders = "content-type: application/json\nauthorization: [redacted]\n";
    c.requestBody =
        R"({"model":"fast","stream":true,"messages":[{"role":"user","content":"Write a haiku about a gatehouse."}]})";
    c.responseBody =
        "Stone arch holds the road,\nlanterns ask each traveller\nwhere the night will lead.";
    c.responseEvents =
        "data: {\"choices\":[{\"delta\":{\"content\":\"Stone arch holds the road,\\n\"}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{\"content\":\"lanterns ask each traveller\\n\"}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{\"content\":\"where the night will lead.\"}}]}\n\n"
        "data: [DONE]\n\n";
    captures.store(c);
    captures.flush();
}

bool save(QWidget *w, const QString &dir, const QString &name)
{
    settle();
    const QString path = QDir(dir).filePath(name + QStringLiteral(".png"));
    if (!w->grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse"));
    auto app = DesktopApp::createApplication(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: gatehouse-screenshots OUTPUT_DIR\n");
        return 2;
    }
    const QString out = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(out);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // A second argument picks the language ("de", "zh_CN"), to check how translations fit.
    DesktopApp::installTranslations(argc > 2 ? QString::fromLocal8Bit(argv[2])
                                             : QStringLiteral("en"));
    QFont font = QApplication::font();
    font.setPointSizeF(10);
    QApplication::setFont(font);

    FakeUpstream upstream;
    upstream.streamIntervalMs = 15;
    if (!upstream.listen())
        return 1;
    FakeOllama ollamaServer;
    ollamaServer.models = FakeOllama::sampleModels();
    ollamaServer.allPullsSlow = true;
    ollamaServer.slowPullSteps = 40;
    if (!ollamaServer.listen())
        return 1;
    QTcpServer closed;
    closed.listen(QHostAddress::LocalHost, 0);
    const quint16 closedPort = closed.serverPort();
    closed.close();

    bool ok = true;
    for (const bool dark : {false, true}) {
        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
        QTemporaryDir dir;
        Config c;
        c.instanceId = QStringLiteral("screenshots");
        c.gateway.port = 0;
        Provider ollama;
        ollama.id = QStringLiteral("ollama");
        ollama.displayName = QStringLiteral("Ollama");
        ollama.baseUrl = QUrl(upstream.baseUrl());
        ollama.surfaces = {ApiSurface::OpenAi, ApiSurface::Responses};
        Provider lmstudio;
        lmstudio.id = QStringLiteral("lm-studio");
        lmstudio.displayName = QStringLiteral("LM Studio");
        lmstudio.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort));
        Provider openai;
        openai.id = QStringLiteral("openai");
        openai.displayName = QStringLiteral("OpenAI");
        openai.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
        openai.models = {QStringLiteral("gpt-4o-mini"), QStringLiteral("gpt-4.1")};
        openai.hasKey = true;
        openai.surfaces = {ApiSurface::OpenAi, ApiSurface::Responses};
        Provider claude;
        claude.id = QStringLiteral("anthropic");
        claude.displayName = QStringLiteral("Anthropic");
        claude.baseUrl = QUrl(QStringLiteral("https://api.anthropic.com"));
        claude.surfaces = {ApiSurface::Anthropic};
        claude.enabled = false;
        c.providers = {ollama, lmstudio, openai, claude};
        RouteRule fast;
        fast.name = QStringLiteral("fast");
        fast.candidates = {{QStringLiteral("ollama:llama3.2"), 1},
                           {QStringLiteral("lm-studio:qwen2.5-7b"), 1},
                           {QStringLiteral("openai:gpt-4o-mini"), 1}};
        RouteRule coder;
        coder.name = QStringLiteral("coder");
        coder.strategy = RouteStrategy::Weighted;
        coder.candidates = {{QStringLiteral("openai:gpt-4.1"), 3},
                            {QStringLiteral("ollama:qwen2.5-coder"), 1}};
        coder.retries = 1;
        c.routes = {fast, coder};
        KeyConfiguration team;
        team.name = QStringLiteral("team");
        team.allow = {QStringLiteral("ollama:*"), QStringLiteral("fast")};
        team.limits.requestsPerMinute = 60;
        team.limits.spendPerMonth = 10;
        team.limits.tokensPerDay = 500000;
        c.keyConfigurations = {team};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        c.accessKeys.append(
            AccessKeys::create(QStringLiteral("vscode"), systemRandomBytes, now.addDays(-12))
                .record);
        auto laptop =
            AccessKeys::create(QStringLiteral("laptop-cli"), systemRandomBytes, now.addDays(-3));
        laptop.record.configuration = QStringLiteral("team");
        c.accessKeys.append(laptop.record);
        auto old =
            AccessKeys::create(QStringLiteral("old-script"), systemRandomBytes, now.addDays(-40));
        old.record.revoked = now.addDays(-1);
        c.accessKeys.append(old.record);
        ConfigStore store(dir.path());
        store.save(c);
        store.saveLastUsed({{QStringLiteral("vscode"), now.addSecs(-300)}});
        {
            // A day of requests for the Usage page: local models most of the time, OpenAI
            // for the rest, more during working hours.
            RequestLog log(dir.filePath(QStringLiteral("requests.sqlite")));
            log.open();
            const qint64 nowMs = now.toMSecsSinceEpoch();
            quint32 seed = 7;
            auto next = [&seed](int n) {
                seed = seed * 1103515245u + 12345u;
                return int((seed >> 16) % quint32(n));
            };
            const QList<std::pair<QString, QString>> models{
                {QStringLiteral("ollama"), QStringLiteral("llama3.2")},
                {QStringLiteral("ollama"), QStringLiteral("qwen2.5-coder")},
                {QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")},
                {QStringLiteral("openai"), QStringLiteral("gpt-4.1")}};
            QList<RequestLogEntry> day;
            for (int h = 23; h >= 0; --h) {
                const int hourOfDay = now.addSecs(-h * 3600).toLocalTime().time().hour();
                const int count = 4 + next(6) + (hourOfDay >= 9 && hourOfDay < 18 ? 14 : 0);
                for (int i = 0; i < count; ++i) {
                    const auto &m = models.at(next(models.size()));
                    const bool cloud = m.first == QLatin1String("openai");
                    RequestLogEntry e;
                    e.timeMs = nowMs - qint64(h) * 3600000 - next(3600) * 1000;
                    e.endpoint = QStringLiteral("chat/completions");
                    e.accessKey =
                        next(3) == 0 ? QStringLiteral("laptop-cli") : QStringLiteral("vscode");
                    e.provider = m.first;
                    e.model = m.second;
                    e.requestedModel = m.second;
                    e.status = next(25) == 0 ? 502 : 200;
                    e.inputTokens = 300 + next(2500);
                    e.outputTokens = 50 + next(700);
                    e.cost = cloud ? (e.inputTokens * 0.4 + e.outputTokens * 1.6) / 1e6 : -1;
                    e.firstByteMs = (cloud ? 350 : 120) + next(cloud ? 600 : 250);
                    e.totalMs = e.firstByteMs + 800;
                    e.attemptCount = 1;
                    e.attempts = QStringLiteral("%1:%2 %3 (%4 ms)")
                                     .arg(e.provider, e.model)
                                     .arg(e.status)
                                     .arg(e.totalMs);
                    day.append(e);
                }
            }
            // In the order they happened, as the gateway writes them.
            std::sort(day.begin(), day.end(),
                      [](const RequestLogEntry &a, const RequestLogEntry &b) {
                          return a.timeMs < b.timeMs;
                      });
            for (const RequestLogEntry &e : day)
                log.append(e);
            log.flush();
        }
        // The Logs page's own demo rows come last: the newest.
        writeDemoLog(dir.path(), now);

        MemorySecretStore secrets;
        secrets.write(SecretStore::providerKeyName(c.instanceId, QStringLiteral("openai")),
                      "sk-demo", [](const SecretResult &) {});
        UiSettings settings(dir.path());
        GatewayRuntime runtime(store, &secrets);
        runtime.start();
        waitUntil([&] { return !runtime.url().isEmpty(); });
        MainWindow window(&runtime, &settings);
        window.resize(1000, 640);
        window.show();

        ProvidersPage *providers = window.providersPage();
        for (const QString &id : {QStringLiteral("lm-studio"), QStringLiteral("ollama")}) {
            providers->select(id);
            providers->testSelected();
            settle(400);
        }
        ok &= save(&window, out, QStringLiteral("providers-") + theme);

        window.showPage(MainWindow::Routing);
        window.routingPage()->routeList()->setCurrentRow(1);
        window.routingPage()->candidateList()->setCurrentItem(
            window.routingPage()->candidateList()->topLevelItem(0));
        ok &= save(&window, out, QStringLiteral("routing-") + theme);

        window.showPage(MainWindow::AccessKeys);
        ok &= save(&window, out, QStringLiteral("access-keys-") + theme);
        {
            KeyConfigDialog configs(store, &window);
            configs.show();
            ok &= save(&configs, out, QStringLiteral("key-configurations-") + theme);
        }
        NewKeyDialog keyDialog(
            QStringLiteral("zed-editor"),
            AccessKeys::create(QStringLiteral("zed-editor"), systemRandomBytes, now).key, &window);
        keyDialog.show();
        ok &= save(&keyDialog, out, QStringLiteral("new-key-") + theme);
        keyDialog.close();

        window.showPage(MainWindow::Chat);
        ChatPage *chat = window.chatPage();
        waitUntil([&] { return chat->modelPicker()->count() > 0; });
        chat->modelPicker()->setEditText(QStringLiteral("ollama:demo-llama3.2"));
        chat->input()->setPlainText(QStringLiteral("Show me that streaming works."));
        chat->send();
        waitUntil([&] { return !chat->client()->isBusy(); });
        chat->input()->setPlainText(QStringLiteral("And a follow-up question…"));
        ok &= save(&window, out, QStringLiteral("chat-") + theme);

        window.showPage(MainWindow::Connect);
        // Tools in a home folder of the demo's own: Claude Code and Codex installed, Claude
        // Code connected.
        QTemporaryDir home;
        QDir(home.path()).mkpath(QStringLiteral(".claude"));
        QDir(home.path()).mkpath(QStringLiteral(".codex"));
        ConnectPage *connectPage = window.connectPage();
        connectPage->setToolEnvironment({home.path(), QString(), QString()});
        ToolCard *claudeCard = connectPage->card(QStringLiteral("claude-code"));
        claudeCard->modelPicker()->setEditText(QStringLiteral("coder"));
        claudeCard->smallModelPicker()->setEditText(QStringLiteral("ollama:llama3.2"));
        claudeCard->connectButton()->click();
        settle(300);
        ok &= save(&window, out, QStringLiteral("connect-") + theme);
        auto *snippetTabs = window.findChild<QTabWidget *>(QStringLiteral("snippetTabs"));
        if (auto *scroll = connectPage->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(snippetTabs, 0, 400);
        snippetTabs->setCurrentIndex(2); // Codex
        ok &= save(&window, out, QStringLiteral("connect-codex-") + theme);
        snippetTabs->setCurrentIndex(8); // Ollama clients
        ok &= save(&window, out, QStringLiteral("connect-ollama-") + theme);
        snippetTabs->setCurrentIndex(0);
        if (auto *scroll = connectPage->findChild<QScrollArea *>())
            scroll->ensureVisible(0, 0);
        window.showPage(MainWindow::Settings);
        ok &= save(&window, out, QStringLiteral("settings-") + theme);
        window.showPage(MainWindow::Logs);
        window.resize(1280, 780);
        LogsPage *logs = window.logsPage();
        logs->refresh();
        for (int r = 0; r < logs->model()->rowCount(); ++r) {
            if (logs->model()->entry(r).requestId == QLatin1String("demo-captured")) {
                logs->table()->setCurrentIndex(logs->model()->index(r, 0));
                break;
            }
        }
        settle(200);
        ok &= save(&window, out, QStringLiteral("logs-") + theme);
        window.resize(1000, 640);
        {
            UsagePage *usage = window.usagePage();
            bool done = false;
            QObject::connect(usage, &UsagePage::refreshed, usage, [&done] { done = true; });
            window.showPage(MainWindow::Usage);
            waitUntil([&] { return done; });
            done = false;
            usage->stackBox()->setCurrentIndex(1); // by model
            waitUntil([&] { return done; });
            settle(300);
            ok &= save(&window, out, QStringLiteral("usage-") + theme);
            // Further down: first byte per provider, and what the local models saved.
            if (auto *scroll = usage->findChild<QScrollArea *>()) {
                scroll->ensureWidgetVisible(usage->localTable(), 0, 0);
                settle(200);
                ok &= save(&window, out, QStringLiteral("usage-local-") + theme);
                scroll->ensureVisible(0, 0);
            }
        }
        // The status bar when the request log cannot be written (here: what SQLite says on a
        // full disk), then back to normal once a write succeeds.
        if (auto *log = runtime.findChild<RequestLog *>()) {
            emit log->writeStatusChanged(QStringLiteral("database or disk is full"));
            window.showPage(MainWindow::Providers);
            ok &= save(&window, out, QStringLiteral("request-log-problem-") + theme);
            emit log->writeStatusChanged(QString());
        }

        {
            // The first start: no provider yet; the scan finds Ollama and another server.
            QTemporaryDir fresh;
            Config empty;
            empty.instanceId = QStringLiteral("screenshots-first-run");
            empty.gateway.port = 0;
            ConfigStore freshStore(fresh.path());
            freshStore.save(empty);
            UiSettings freshSettings(fresh.path());
            GatewayRuntime freshRuntime(freshStore, &secrets);
            freshRuntime.start();
            waitUntil([&] { return !freshRuntime.url().isEmpty(); });
            MainWindow first(&freshRuntime, &freshSettings);
            first.resize(1000, 640);
            first.connectPage()->setToolEnvironment({home.path(), QString(), QString()});
            first.show();
            WelcomeDialog *welcome = first.offerFirstRun(
                {{QStringLiteral("Ollama"), QStringLiteral("ollama"), QUrl(ollamaServer.baseUrl()),
                  true},
                 {QStringLiteral("LM Studio"), QStringLiteral("lm-studio"),
                  QUrl(upstream.baseUrl())},
                 {QStringLiteral("vLLM"), QStringLiteral("vllm"),
                  QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort))}});
            waitUntil([&] { return welcome->foundList()->count() > 0; });
            settle(200);
            ok &= save(welcome, out, QStringLiteral("first-run-") + theme);
            welcome->skipButton()->click();
            settle(100);
            ok &= save(welcome, out, QStringLiteral("first-run-tools-") + theme);
            welcome->close();
        }

        AddProviderWizard wizard(store, &secrets, &window);
        wizard.setScanCandidates(
            {{QStringLiteral("Ollama"), QStringLiteral("ollama"), QUrl(ollamaServer.baseUrl()),
              true},
             {QStringLiteral("LM Studio"), QStringLiteral("lm-studio"),
              QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedPort))}});
        wizard.show();
        ok &= save(&wizard, out, QStringLiteral("wizard-1-kind-") + theme);
        wizard.next();
        waitUntil([&] {
            return wizard.findChild<QListWidget *>(QStringLiteral("foundServers"))->count() > 0;
        });
        ok &= save(&wizard, out, QStringLiteral("wizard-2-scan-") + theme);
        // A model being pulled onto the Ollama server, caught halfway.
        wizard.findChild<QLineEdit *>(QStringLiteral("pullName"))
            ->setText(QStringLiteral("qwen2.5-coder:7b"));
        wizard.findChild<QPushButton *>(QStringLiteral("pullButton"))->click();
        waitUntil([&] {
            return wizard.findChild<QProgressBar *>(QStringLiteral("pullProgress"))->value() >= 40;
        });
        ok &= save(&wizard, out, QStringLiteral("wizard-2-pull-") + theme);
        wizard.findChild<QPushButton *>(QStringLiteral("cancelPull"))->click();
        waitUntil([&] {
            return !wizard.findChild<QPushButton *>(QStringLiteral("cancelPull"))->isVisible();
        });
        wizard.next();
        wizard.form()->testConnection();
        waitUntil([&] { return !wizard.form()->isTesting(); });
        ok &= save(&wizard, out, QStringLiteral("wizard-3-details-") + theme);
        wizard.form()->urlEdit()->setText(QStringLiteral("http://models.example.com/v1"));
        wizard.form()->checkUrl();
        ok &= save(&wizard, out, QStringLiteral("wizard-refused-url-") + theme);
        wizard.close();

        AddProviderWizard cloud(store, &secrets, &window);
        cloud.show();
        cloud.findChild<QRadioButton *>(QStringLiteral("kindCloud"))->setChecked(true);
        cloud.next();
        cloud.findChild<QListWidget *>(QStringLiteral("cloudProviders"))->setCurrentRow(0);
        ok &= save(&cloud, out, QStringLiteral("wizard-cloud-catalog-") + theme);
        cloud.close();

        ImportDialog importDialog(&runtime, &window);
        importDialog.show();
        // The file as a person keeps it, not the path of the source tree.
        const QString imported = dir.filePath(QStringLiteral("config.yaml"));
        QFile::remove(imported);
        QFile::copy(QStringLiteral(MIGRATE_FIXTURES "/litellm-config.yaml"), imported);
        importDialog.choose(ImportFormat::LiteLlm, imported);
        ok &= save(&importDialog, out, QStringLiteral("import-preview-") + theme);
        importDialog.close();
        ExportDialog exportDialog(&runtime, &window);
        exportDialog.show();
        auto *exportFormat = exportDialog.findChild<QComboBox *>(QStringLiteral("exportFormat"));
        exportFormat->setCurrentIndex(exportFormat->findData(QStringLiteral("portkey")));
        ok &= save(&exportDialog, out, QStringLiteral("export-portkey-") + theme);
        exportDialog.close();
    }
    return ok ? 0 : 1;
}
