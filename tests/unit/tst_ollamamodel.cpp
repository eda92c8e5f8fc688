// Reading and showing what Ollama's native API tells about its models.
#include "catalog/Catalog.h"
#include "discovery/ModelFacts.h"
#include "discovery/OllamaModel.h"

#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;

namespace {

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

} // namespace

class TestOllamaModel : public QObject
{
    Q_OBJECT
private slots:
    void modelFactsFromTheCatalog()
    {
        CatalogModel m;
        m.id = QStringLiteral("gpt-4o-mini");
        m.contextWindow = 128000;
        m.tools = true;
        m.vision = true;
        m.inputPrice = 0.15;
        m.outputPrice = 0.6;
        const ModelFacts facts = ModelFacts::fromCatalog(m);
        QCOMPARE(
            facts.summary(),
            QStringLiteral("128k context · tools, vision · $0.15 in / $0.60 out per 1M tokens"));
        CatalogModel free;
        free.inputPrice = 0;
        free.outputPrice = 0;
        QCOMPARE(ModelFacts::fromCatalog(free).summary(), QStringLiteral("free"));
        QCOMPARE(ModelFacts::fromCatalog(CatalogModel{}).summary(), QString());
        QVERIFY(ModelFacts::fromCatalog(CatalogModel{}).isEmpty());
        CatalogModel dear;
        dear.inputPrice = 15;
        dear.outputPrice = 150;
        dear.reasoning = true;
        QCOMPARE(ModelFacts::fromCatalog(dear).summary(),
                 QStringLiteral("reasoning · $15 in / $150 out per 1M tokens"));
    }

    void modelFactsFromALocalServerAndTheModelList()
    {
        OllamaModel m;
        m.name = QStringLiteral("qwen3:8b");
        m.sizeBytes = 5'200'000'000;
        m.parameterSize = QStringLiteral("8.2B");
        m.quantization = QStringLiteral("Q4_K_M");
        m.contextLength = 40960;
        m.capabilities = {QStringLiteral("completion"), QStringLiteral("tools"),
                          QStringLiteral("thinking")};
        m.loaded = true;
        ModelFacts local = ModelFacts::fromOllama(m);
        // Ollama's "thinking" is what the catalog calls reasoning.
        QCOMPARE(local.capabilities,
                 (QStringList{QStringLiteral("tools"), QStringLiteral("reasoning")}));
        QCOMPARE(
            local.summary(),
            QStringLiteral("5.2 GB · 8.2B · Q4_K_M · 40k context · tools, reasoning · loaded"));
        // An entry of the gateway's own GET /v1/models.
        const QJsonObject entry =
            QJsonDocument::fromJson(R"({"id": "openai:gpt-4o", "context_length": 128000,
                "capabilities": {"tools": true, "vision": false, "reasoning": false},
                "pricing": {"input_per_million": 2.5, "output_per_million": 10}})")
                .object();
        ModelFacts listed = ModelFacts::fromModelListEntry(entry);
        QCOMPARE(listed.summary(),
                 QStringLiteral("128k context · tools · $2.50 in / $10 out per 1M tokens"));
        QVERIFY(ModelFacts::fromModelListEntry(QJsonObject{}).isEmpty());
        // What one source lacks, the other fills; what it has stays.
        listed.complete(local);
        QCOMPARE(listed.contextLength, qint64{128000});
        QCOMPARE(listed.capabilities,
                 (QStringList{QStringLiteral("tools"), QStringLiteral("reasoning")}));
        QCOMPARE(listed.quantization, QStringLiteral("Q4_K_M"));
        QVERIFY(listed.loaded);
        QCOMPARE(listed.inputPrice, 2.5);
    }

    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void formatSize_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("gigabytes") << qint64{4'920'753'328} << "4.9 GB";
        QTest::newRow("megabytes") << qint64{274'302'450} << "274 MB";
        QTest::newRow("kilobytes") << qint64{12'400} << "12 kB";
        QTest::newRow("bytes") << qint64{512} << "512 bytes";
        QTest::newRow("unknown") << qint64{0} << "";
    }
    void formatSize()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(OllamaModel::formatSize(bytes), text);
    }

    void formatContext_data()
    {
        QTest::addColumn<qint64>("tokens");
        QTest::addColumn<QString>("text");
        QTest::newRow("128k") << qint64{131072} << "128k";
        QTest::newRow("8k") << qint64{8192} << "8k";
        QTest::newRow("2k") << qint64{2048} << "2k";
        QTest::newRow("1M binary") << qint64{1048576} << "1M";
        QTest::newRow("1M decimal") << qint64{1000000} << "1M";
        QTest::newRow("decimal thousands") << qint64{100000} << "100k";
        // 128000 is also 125 binary thousands: a catalog's 128k stays 128k.
        QTest::newRow("catalog 128k") << qint64{128000} << "128k";
        QTest::newRow("catalog 200k") << qint64{200000} << "200k";
        QTest::newRow("nearly 1M") << qint64{1047576} << "1M";
        QTest::newRow("a fraction") << qint64{2500} << "2.5k";
        QTest::newRow("small") << qint64{512} << "512";
        QTest::newRow("unknown") << qint64{0} << "";
    }
    void formatContext()
    {
        QFETCH(qint64, tokens);
        QFETCH(QString, text);
        QCOMPARE(OllamaModel::formatContext(tokens), text);
    }

    void formatParameters_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("text");
        QTest::newRow("trailing zero") << "8.0B"
                                       << "8B";
        QTest::newRow("fraction") << "3.2B"
                                  << "3.2B";
        QTest::newRow("millions") << "137M"
                                  << "137M";
        QTest::newRow("ten point zero") << "70.0B"
                                        << "70B";
        QTest::newRow("zero inside") << "10.05B"
                                     << "10.05B";
    }
    void formatParameters()
    {
        QFETCH(QString, given);
        QFETCH(QString, text);
        QCOMPARE(OllamaModel::formatParameters(given), text);
    }

    void summaryNamesWhatIsKnown()
    {
        OllamaModel m;
        m.name = QStringLiteral("llama3.1:8b");
        m.sizeBytes = 4'700'000'000;
        m.parameterSize = QStringLiteral("8.0B");
        m.quantization = QStringLiteral("Q4_K_M");
        m.contextLength = 131072;
        m.capabilities = {QStringLiteral("completion"), QStringLiteral("tools"),
                          QStringLiteral("vision")};
        m.loaded = true;
        QCOMPARE(m.summary(),
                 QStringLiteral("4.7 GB · 8B · Q4_K_M · 128k context · tools, vision · loaded"));
        OllamaModel bare;
        bare.sizeBytes = 274'302'450;
        QCOMPARE(bare.summary(), QStringLiteral("274 MB"));
    }

    void rootOf_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("root");
        QTest::newRow("openai-compatible") << "http://127.0.0.1:11434/v1"
                                           << "http://127.0.0.1:11434";
        QTest::newRow("trailing slash") << "http://127.0.0.1:11434/v1/"
                                        << "http://127.0.0.1:11434";
        QTest::newRow("root") << "http://127.0.0.1:11434"
                              << "http://127.0.0.1:11434";
        QTest::newRow("native api") << "http://box:11434/api"
                                    << "http://box:11434";
        QTest::newRow("behind a proxy") << "https://h/ollama/v1"
                                        << "https://h/ollama";
    }
    void rootOf()
    {
        QFETCH(QString, base);
        QFETCH(QString, root);
        QCOMPARE(OllamaApi::rootOf(QUrl(base)).toString(), root);
        QCOMPARE(OllamaApi::endpoint(QUrl(root), u"/api/tags").toString(),
                 root + QStringLiteral("/api/tags"));
    }

    void parseTags_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("error");
        QTest::newRow("two models")
            << QByteArray(
                   R"({"models":[{"name":"llama3.2:3b","model":"llama3.2:3b","size":2019393189,
               "details":{"family":"llama","parameter_size":"3.2B","quantization_level":"Q4_K_M"}},
               {"name":"qwen3:8b","size":5225388164,"details":{}}]})")
            << 2 << "";
        QTest::newRow("no models") << QByteArray(R"({"models":[]})") << 0 << "";
        QTest::newRow("entries without a name are skipped")
            << QByteArray(R"({"models":[{"size":1},"x",{"model":"only-model:1b"}]})") << 1 << "";
        QTest::newRow("not json") << QByteArray("404 page not found") << -1 << "not a JSON object";
        QTest::newRow("an array") << QByteArray("[]") << -1 << "not a JSON object";
        QTest::newRow("no list") << QByteArray(R"({"data":[]})") << -1 << "no \"models\" list";
        QTest::newRow("models not a list")
            << QByteArray(R"({"models":{"a":1}})") << -1 << "no \"models\" list";
    }
    void parseTags()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, count);
        QFETCH(QString, error);
        const auto models = OllamaApi::parseTags(body);
        if (count < 0) {
            QVERIFY(!models);
            QVERIFY2(models.error().contains(error), qPrintable(models.error()));
            QVERIFY(models.error().contains(QLatin1String("/api/tags")));
            return;
        }
        QVERIFY2(models, qPrintable(models.error()));
        QCOMPARE(models->size(), count);
        if (qstrcmp(QTest::currentDataTag(), "two models") == 0) {
            const OllamaModel &m = models->first();
            QCOMPARE(m.name, QStringLiteral("llama3.2:3b"));
            QCOMPARE(m.sizeBytes, qint64{2019393189});
            QCOMPARE(m.family, QStringLiteral("llama"));
            QCOMPARE(m.parameterSize, QStringLiteral("3.2B"));
            QCOMPARE(m.quantization, QStringLiteral("Q4_K_M"));
            QVERIFY(!m.showRead);
        }
    }

    void applyShow_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("context");
        QTest::addColumn<QStringList>("capabilities");
        QTest::newRow("architecture's context")
            << QByteArray(
                   R"({"model_info":{"general.architecture":"llama","llama.context_length":131072,
               "llama.embedding_length":4096},"capabilities":["completion","tools","tools"]})")
            << true << qint64{131072} << words("completion tools");
        QTest::newRow("architecture named differently")
            << QByteArray(
                   R"({"model_info":{"general.architecture":"qwen3moe","qwen3.context_length":40960},
               "capabilities":["completion","thinking"]})")
            << true << qint64{40960} << words("completion thinking");
        QTest::newRow("old server without capabilities")
            << QByteArray(
                   R"({"model_info":{"general.architecture":"gemma3","gemma3.context_length":8192}})")
            << true << qint64{8192} << QStringList{};
        QTest::newRow("context of the wrong type")
            << QByteArray(
                   R"({"model_info":{"general.architecture":"llama","llama.context_length":"big"},
               "capabilities":["completion",7]})")
            << true << qint64{0} << words("completion");
        QTest::newRow("not json") << QByteArray("<html>") << false << qint64{0} << QStringList{};
    }
    void applyShow()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(qint64, context);
        QFETCH(QStringList, capabilities);
        OllamaModel m;
        m.name = QStringLiteral("m");
        const Status s = OllamaApi::applyShow(m, body);
        QCOMPARE(bool(s), ok);
        QCOMPARE(m.showRead, ok);
        if (!ok) {
            QVERIFY(s.error().contains(QLatin1String("/api/show")));
            return;
        }
        QCOMPARE(m.contextLength, context);
        QCOMPARE(m.capabilities, capabilities);
    }

    void applyPsMarksLoadedModels()
    {
        QList<OllamaModel> models(3);
        models[0].name = QStringLiteral("llama3.1:8b");
        models[1].name = QStringLiteral("gemma3:4b");
        models[1].loaded = true; // from an earlier reading: no longer loaded
        models[2].name = QStringLiteral("qwen3:8b");
        const QByteArray ps =
            R"({"models":[{"name":"llama3.1:8b","model":"llama3.1:8b","size":6654289920,
                "size_vram":5000000000,"expires_at":"2026-11-30T18:04:05.123456789+01:00"},
                {"model":"qwen3:8b","size_vram":0}]})";
        QVERIFY(OllamaApi::applyPs(models, ps));
        QVERIFY(models[0].loaded);
        QCOMPARE(models[0].vramBytes, qint64{5000000000});
        QCOMPARE(models[0].expiresAt.toUTC(),
                 QDateTime(QDate(2026, 11, 30), QTime(17, 4, 5, 123), Qt::UTC));
        QVERIFY(!models[1].loaded);
        QVERIFY(models[2].loaded);
        QVERIFY(!OllamaApi::applyPs(models, "null"));
    }
};

QTEST_GUILESS_MAIN(TestOllamaModel)
#include "tst_ollamamodel.moc"
