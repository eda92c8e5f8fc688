// Reading an Ollama server's models and pulling one, over real HTTP against a fake Ollama.
#include "FakeOllama.h"
#include "discovery/LocalScanner.h"
#include "discovery/OllamaInspector.h"
#include "discovery/OllamaPull.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace gatehouse;

namespace {

QUrl closedRoot()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

struct Inspected
{
    bool done = false;
    OllamaInventory inventory;
};

} // namespace

class TestOllamaDiscovery : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<FakeOllama> m_ollama;

    Inspected inspect(const QUrl &root, const OllamaInspector::Limits &limits = {})
    {
        OllamaInspector inspector;
        Inspected result;
        inspector.inspect(
            root, QStringLiteral("Ollama"),
            [&result](const OllamaInventory &inventory) {
                result.done = true;
                result.inventory = inventory;
            },
            limits);
        (void)QTest::qWaitFor([&] { return result.done; }, 10000);
        return result;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_ollama = std::make_unique<FakeOllama>();
        m_ollama->models = FakeOllama::sampleModels();
        QVERIFY(m_ollama->listen());
    }
    void cleanup() { m_ollama.reset(); }

    void inspectorReadsSizesContextCapabilitiesAndLoaded()
    {
        const Inspected r = inspect(QUrl(m_ollama->rootUrl()));
        QVERIFY(r.done);
        QVERIFY2(r.inventory.ok, qPrintable(r.inventory.error));
        QCOMPARE(r.inventory.models.size(), 3);
        QCOMPARE(r.inventory.withoutDetails, 0);
        const OllamaModel &llama = r.inventory.models[0];
        QCOMPARE(llama.name, QStringLiteral("llama3.1:8b"));
        QCOMPARE(llama.contextLength, qint64{131072});
        QVERIFY(llama.loaded);
        QCOMPARE(llama.summary(),
                 QStringLiteral("4.9 GB · 8B · Q4_K_M · 128k context · tools · loaded"));
        QCOMPARE(r.inventory.models[1].summary(),
                 QStringLiteral("3.3 GB · 4.3B · Q4_K_M · 128k context · vision"));
        QCOMPARE(r.inventory.models[2].summary(),
                 QStringLiteral("274 MB · 137M · F16 · 2k context · embedding"));
    }

    void inspectorAsksForDetailsOfABoundedNumberInParallel()
    {
        m_ollama->models.clear();
        for (int i = 0; i < 40; ++i) {
            FakeOllama::Model m = FakeOllama::sampleModels().first();
            m.name = QStringLiteral("model-%1:8b").arg(i);
            m_ollama->models.append(m);
        }
        m_ollama->showDelayMs = 20;
        OllamaInspector::Limits limits;
        limits.maxShown = 10;
        limits.parallelShows = 3;
        const Inspected r = inspect(QUrl(m_ollama->rootUrl()), limits);
        QVERIFY(r.inventory.ok);
        QCOMPARE(r.inventory.models.size(), 40);
        QCOMPARE(m_ollama->showRequests, 10);
        QCOMPARE(m_ollama->maxParallelShows, 3);
        QCOMPARE(r.inventory.withoutDetails, 30);
        QVERIFY(r.inventory.models[9].showRead);
        QVERIFY(!r.inventory.models[10].showRead);
        // Without details the model still shows what /api/tags said.
        QVERIFY2(r.inventory.models[10].summary().startsWith(QStringLiteral("4.9 GB · 8B")),
                 qPrintable(r.inventory.models[10].summary()));
    }

    void inspectorStopsAskingWhenItsTimeIsUp()
    {
        m_ollama->showDelayMs = 300;
        OllamaInspector::Limits limits;
        limits.parallelShows = 1;
        limits.budgetMs = 100;
        const Inspected r = inspect(QUrl(m_ollama->rootUrl()), limits);
        QVERIFY(r.inventory.ok);
        QCOMPARE(m_ollama->showRequests, 1);
        QCOMPARE(r.inventory.withoutDetails, 2);
    }

    void inspectorSaysWhyWhenNoOllamaAnswers()
    {
        const Inspected closed = inspect(closedRoot());
        QVERIFY(closed.done);
        QVERIFY(!closed.inventory.ok);
        QVERIFY2(closed.inventory.error.contains(QLatin1String("Cannot reach")),
                 qPrintable(closed.inventory.error));
        // A server without the native API (an OpenAI-compatible one, or a wrong path).
        const Inspected notOllama =
            inspect(QUrl(m_ollama->rootUrl() + QStringLiteral("/elsewhere")));
        QVERIFY(!notOllama.inventory.ok);
        QVERIFY2(notOllama.inventory.error.contains(QLatin1String("answered HTTP 404")),
                 qPrintable(notOllama.inventory.error));
        QVERIFY(notOllama.inventory.error.contains(QLatin1String("/elsewhere/api/tags")));
    }

    void scanReadsOllamaDetailsOnlyForOllama()
    {
        FakeOllama plain; // an OpenAI-compatible server that is not asked for Ollama's API
        plain.models = FakeOllama::sampleModels().mid(0, 1);
        QVERIFY(plain.listen());
        LocalScanner scanner;
        QSignalSpy spy(&scanner, &LocalScanner::finished);
        scanner.scan(
            {{QStringLiteral("Ollama"), QStringLiteral("ollama"), QUrl(m_ollama->baseUrl()), true},
             {QStringLiteral("Other"), QStringLiteral("other"), QUrl(plain.baseUrl())},
             {QStringLiteral("Gone"), QStringLiteral("gone"),
              QUrl(closedRoot().toString() + QStringLiteral("/v1")), true}});
        QVERIFY(spy.wait(10000));
        const auto found = spy.first().first().value<QList<LocalScanner::Found>>();
        QCOMPARE(found.size(), 2);
        QVERIFY(found[0].isOllama());
        QCOMPARE(found[0].models.size(), 3);
        QCOMPARE(found[0].ollama.models.size(), 3);
        QVERIFY(found[0].ollama.models[0].loaded);
        QCOMPARE(found[0].ollama.models[0].contextLength, qint64{131072});
        QVERIFY(!found[1].isOllama());
        QCOMPARE(plain.showRequests, 0);
        QVERIFY(!scanner.isScanning());
    }

    void pullReportsProgressThenSuccess()
    {
        m_ollama->pullSteps = 4;
        OllamaPull pull;
        QSignalSpy progress(&pull, &OllamaPull::progress);
        QSignalSpy finished(&pull, &OllamaPull::finished);
        QVERIFY(pull.start(QUrl(m_ollama->rootUrl()), QStringLiteral("llama3.2:3b")));
        QVERIFY(pull.isRunning());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<OllamaPull::Outcome>(),
                 OllamaPull::Outcome::Succeeded);
        QVERIFY(!pull.isRunning());
        QCOMPARE(m_ollama->pullBodies.size(), 1);
        QCOMPARE(m_ollama->pullBodies.first(),
                 QByteArray(R"({"model":"llama3.2:3b","stream":true})"));
        // manifest, 5 layer lines (0..4 of 4), verify, write, success
        QCOMPARE(progress.size(), 9);
        QList<int> percents;
        for (const auto &args : progress) {
            const auto p = args.first().value<OllamaPullProgress>();
            if (p.total > 0)
                percents << p.percent();
        }
        QCOMPARE(percents, (QList<int>{0, 25, 50, 75, 100}));
        const auto half = progress.at(3).first().value<OllamaPullProgress>();
        QCOMPARE(half.describe(), QStringLiteral("pulling dde5aa3fc5ff: 1.0 GB of 2.0 GB (50%)"));
        QVERIFY(half.digest.startsWith(QLatin1String("sha256:")));
        QCOMPARE(progress.last().first().value<OllamaPullProgress>().status,
                 QStringLiteral("success"));
        // The pulled model is listed afterwards.
        const Inspected r = inspect(QUrl(m_ollama->rootUrl()));
        QCOMPARE(r.inventory.models.size(), 4);
        QCOMPARE(r.inventory.models.last().name, QStringLiteral("llama3.2:3b"));
    }

    void pullErrorLineIsAReadableFailure()
    {
        OllamaPull pull;
        QSignalSpy finished(&pull, &OllamaPull::finished);
        QVERIFY(pull.start(QUrl(m_ollama->rootUrl()), QStringLiteral("missing-model")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).value<OllamaPull::Outcome>(), OllamaPull::Outcome::Failed);
        QCOMPARE(finished.first().at(1).toString(),
                 QStringLiteral("Ollama could not pull \"missing-model\": pull model manifest: "
                                "file does not exist"));
        QVERIFY(!finished.wait(200)); // exactly one finished
    }

    void pullRefusedBeforeStreamingIsAReadableFailure()
    {
        OllamaPull pull;
        QSignalSpy finished(&pull, &OllamaPull::finished);
        QVERIFY(pull.start(QUrl(m_ollama->rootUrl()), QStringLiteral("refused")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).value<OllamaPull::Outcome>(), OllamaPull::Outcome::Failed);
        QCOMPARE(finished.first().at(1).toString(),
                 QStringLiteral("Ollama could not pull \"refused\": invalid model name"));
    }

    void pullFromAServerThatIsNotOllama()
    {
        OllamaPull pull;
        QSignalSpy finished(&pull, &OllamaPull::finished);
        QVERIFY(pull.start(QUrl(m_ollama->rootUrl() + QStringLiteral("/elsewhere")),
                           QStringLiteral("llama3.2")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).value<OllamaPull::Outcome>(), OllamaPull::Outcome::Failed);
        QVERIFY2(
            finished.first().at(1).toString().contains(QLatin1String("is this an Ollama server")),
            qPrintable(finished.first().at(1).toString()));

        OllamaPull unreachable;
        QSignalSpy gone(&unreachable, &OllamaPull::finished);
        QVERIFY(unreachable.start(closedRoot(), QStringLiteral("llama3.2")));
        QVERIFY(gone.wait(10000));
        QCOMPARE(gone.first().at(0).value<OllamaPull::Outcome>(), OllamaPull::Outcome::Failed);
        QVERIFY(gone.first().at(1).toString().contains(QLatin1String("Cannot reach")));
    }

    void cancelAbortsTheHttpCall()
    {
        OllamaPull pull;
        QSignalSpy progress(&pull, &OllamaPull::progress);
        QSignalSpy finished(&pull, &OllamaPull::finished);
        QSignalSpy aborted(m_ollama.get(), &FakeOllama::pullAborted);
        QVERIFY(pull.start(QUrl(m_ollama->rootUrl()), QStringLiteral("slow-model:70b")));
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() >= 3, 10000);
        pull.cancel();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<OllamaPull::Outcome>(),
                 OllamaPull::Outcome::Cancelled);
        QVERIFY(!pull.isRunning());
        // The server saw its client go away: the download stops there.
        QVERIFY(aborted.size() == 1 || aborted.wait(5000));
        const qsizetype seen = progress.size();
        QTest::qWait(200);
        QCOMPARE(progress.size(), seen);
        QCOMPARE(finished.size(), 1);
    }

    void startRefusesBadNamesAndASecondPull()
    {
        OllamaPull pull;
        QSignalSpy finished(&pull, &OllamaPull::finished);
        for (const QString &bad :
             {QString(), QStringLiteral("  "), QStringLiteral("two words"),
              QStringLiteral("name\n"), QStringLiteral(":tag"), QStringLiteral("a:b:c")}) {
            const Status s = pull.start(QUrl(m_ollama->rootUrl()), bad);
            QVERIFY2(!s, qPrintable(bad));
            QVERIFY(!s.error().isEmpty());
        }
        QVERIFY(pull.start(QUrl(m_ollama->rootUrl()), QStringLiteral("hf.co/user/repo:Q4_K_M")));
        const Status second = pull.start(QUrl(m_ollama->rootUrl()), QStringLiteral("llama3.2"));
        QVERIFY(!second);
        QVERIFY(second.error().contains(QLatin1String("being pulled already")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(m_ollama->pullBodies.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOllamaDiscovery)
#include "tst_ollamadiscovery.moc"
