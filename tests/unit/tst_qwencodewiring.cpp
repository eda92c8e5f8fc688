// Connect's edits of Qwen Code's ~/.qwen/settings.json (an OpenAI-compatible model provider
// entry, the auth type and the model) and ~/.qwen/.env (the key).
#include "connect/FileWiring.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;

namespace {

WiringSettings settings(const QString &model = QStringLiteral("chat:agent-1"),
                        const QString &key = QStringLiteral("ghk_0123456789abcdef"))
{
    WiringSettings s;
    s.gatewayRoot = QStringLiteral("http://127.0.0.1:4777");
    s.key = key;
    s.model = model;
    return s;
}

std::shared_ptr<const FileWiring> wiringFor(const QString &fileName)
{
    ToolEnvironment environment;
    environment.home = QStringLiteral("/home/someone");
    for (const auto &w : qwenCodeWiring()) {
        if (w->path(environment) == QStringLiteral("/home/someone/.qwen/") + fileName)
            return w;
    }
    return nullptr;
}

QJsonObject object(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// A user's settings, as Qwen Code itself writes them, with a provider of their own.
const QByteArray userSettings =
    "{\n"
    "  \"$version\": 4,\n"
    "  \"general\": {\"enableAutoUpdate\": false, \"vimMode\": true},\n"
    "  \"privacy\": {\"usageStatisticsEnabled\": false},\n"
    "  \"model\": {\"name\": \"qwen3-coder-plus\", \"baseUrl\": \"https://dashscope.example/v1\",\n"
    "            \"generationConfig\": {\"timeout\": 60000}},\n"
    "  \"modelProviders\": {\"openai\": [{\"id\": \"qwen3-coder-plus\", \"envKey\": "
    "\"DASHSCOPE_API_KEY\",\n"
    "                                 \"baseUrl\": \"https://dashscope.example/v1\"}],\n"
    "                     \"anthropic\": [{\"id\": \"claude-x\", \"envKey\": "
    "\"ANTHROPIC_API_KEY\"}]},\n"
    "  \"security\": {\"auth\": {\"selectedType\": \"qwen-oauth\"}, \"folderTrust\": {\"enabled\": "
    "true}},\n"
    "  \"ui\": {\"theme\": \"GitHub\"}\n"
    "}";

const QByteArray userEnv = "# keys for my tools\n"
                           "DASHSCOPE_API_KEY=sk-dash\n"
                           "\n"
                           "export OPENAI_API_KEY=\"sk-openai\"\n";

} // namespace

class TestQwenCodeWiring : public QObject
{
    Q_OBJECT
private slots:
    void files()
    {
        QCOMPARE(qwenCodeWiring().size(), 2);
        QVERIFY(wiringFor(QStringLiteral("settings.json")));
        QVERIFY(wiringFor(QStringLiteral(".env")));
    }

    void settingsMerged()
    {
        const auto merged =
            wiringFor(QStringLiteral("settings.json"))->merge(userSettings, settings());
        QVERIFY2(merged.ok(), qPrintable(merged.error()));
        QJsonObject s = object(merged.value());
        QCOMPARE(s.value(QLatin1String("security"))
                     .toObject()
                     .value(QLatin1String("auth"))
                     .toObject()
                     .value(QLatin1String("selectedType"))
                     .toString(),
                 QStringLiteral("openai"));
        QJsonObject model = s.value(QLatin1String("model")).toObject();
        QCOMPARE(model.value(QLatin1String("name")).toString(), QStringLiteral("chat:agent-1"));
        QCOMPARE(model.value(QLatin1String("baseUrl")).toString(),
                 QStringLiteral("http://127.0.0.1:4777/v1"));
        const QJsonArray openai = s.value(QLatin1String("modelProviders"))
                                      .toObject()
                                      .value(QLatin1String("openai"))
                                      .toArray();
        QCOMPARE(openai.size(), 2);
        const QJsonObject entry = openai.first().toObject();
        QCOMPARE(entry.value(QLatin1String("id")).toString(), QStringLiteral("chat:agent-1"));
        QCOMPARE(entry.value(QLatin1String("baseUrl")).toString(),
                 QStringLiteral("http://127.0.0.1:4777/v1"));
        QCOMPARE(entry.value(QLatin1String("envKey")).toString(),
                 QStringLiteral("GATEHOUSE_QWEN_CODE_KEY"));
        // No key in settings.json: it is in .env.
        QVERIFY(!merged->contains("ghk_"));

        // Everything else as it was: take out what Connect set and compare.
        QJsonObject expected = object(userSettings);
        QJsonObject providers = s.value(QLatin1String("modelProviders")).toObject();
        QJsonArray userOpenai = openai;
        userOpenai.removeFirst();
        providers.insert(QStringLiteral("openai"), userOpenai);
        s.insert(QStringLiteral("modelProviders"), providers);
        model.insert(QStringLiteral("name"), QStringLiteral("qwen3-coder-plus"));
        model.insert(QStringLiteral("baseUrl"), QStringLiteral("https://dashscope.example/v1"));
        s.insert(QStringLiteral("model"), model);
        QJsonObject security = s.value(QLatin1String("security")).toObject();
        security.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("selectedType"),
                                                             QStringLiteral("qwen-oauth")}});
        s.insert(QStringLiteral("security"), security);
        QCOMPARE(s, expected);

        const auto values = wiringFor(QStringLiteral("settings.json"))->read(merged.value());
        QVERIFY(values.ok());
        QVERIFY(values->wired);
        QCOMPARE(values->model, QStringLiteral("chat:agent-1"));
        QCOMPARE(values->url, QStringLiteral("http://127.0.0.1:4777"));
    }

    void settingsRestored_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QByteArray>("original");
        QTest::newRow("no file") << false << QByteArray();
        QTest::newRow("user settings") << true << userSettings;
        QTest::newRow("nothing of Connect's")
            << true << QByteArray("{\"$version\": 4, \"ui\": {\"theme\": \"x\"}}");
        QTest::newRow("an older model setting")
            << true << QByteArray("{\"model\": \"qwen-max\", \"ui\": {\"theme\": \"x\"}}");
        QTest::newRow("a hand-made Gatehouse entry")
            << true
            << QByteArray("{\"modelProviders\": {\"openai\": [{\"id\": \"a\"},\n"
                          "                 {\"id\": \"old\", \"envKey\": "
                          "\"GATEHOUSE_QWEN_CODE_KEY\", \"baseUrl\": \"http://h/v1\"},\n"
                          "                 {\"id\": \"b\"}]}}");
    }

    // Disconnect takes out what Connect set and puts back what the file had.
    void settingsRestored()
    {
        QFETCH(bool, exists);
        QFETCH(QByteArray, original);
        const auto wiring = wiringFor(QStringLiteral("settings.json"));
        const std::optional<QByteArray> before =
            exists ? std::optional<QByteArray>(original) : std::nullopt;
        const auto merged = wiring->merge(before, settings());
        QVERIFY(merged.ok());
        const auto again = wiring->merge(
            merged.value(), settings(QStringLiteral("resp:x"), QStringLiteral("ghk_2")));
        QVERIFY(again.ok());
        const auto unmerged = wiring->unmerge(again.value(), before);
        QVERIFY2(unmerged.ok(), qPrintable(unmerged.error()));
        if (!exists) {
            QCOMPARE(unmerged.value(), QByteArray());
            return;
        }
        QCOMPARE(object(unmerged.value()), object(original));
        // A file in the layout Connect writes comes back byte for byte.
        const QByteArray tidy = QJsonDocument(object(original)).toJson(QJsonDocument::Indented);
        const auto tidyMerged = wiring->merge(tidy, settings());
        QVERIFY(tidyMerged.ok());
        QCOMPARE(wiring->unmerge(tidyMerged.value(), tidy).value(), tidy);
    }

    void newFileNeedsNoMigration()
    {
        // A new file carries the settings version, so that Qwen Code does not rewrite it.
        const auto merged =
            wiringFor(QStringLiteral("settings.json"))->merge(std::nullopt, settings());
        QVERIFY(merged.ok());
        QCOMPARE(object(merged.value()).value(QLatin1String("$version")).toInt(), 4);
        // An existing file's own version is left alone.
        const auto existing = wiringFor(QStringLiteral("settings.json"))
                                  ->merge(QByteArray("{\"ui\": {}}"), settings());
        QVERIFY(existing.ok());
        QVERIFY(!object(existing.value()).contains(QLatin1String("$version")));
    }

    void settingsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("comments") << QByteArray("{\n  // mine\n  \"ui\": {}\n}\n");
        QTest::newRow("trailing comma") << QByteArray("{\"ui\": {},}\n");
        QTest::newRow("not an object") << QByteArray("[1, 2]\n");
        QTest::newRow("providers not a list")
            << QByteArray("{\"modelProviders\": {\"openai\": {\"id\": \"x\"}}}");
    }

    void settingsRefused()
    {
        QFETCH(QByteArray, content);
        const auto merged = wiringFor(QStringLiteral("settings.json"))->merge(content, settings());
        QVERIFY(!merged.ok());
        QVERIFY(!merged.error().isEmpty());
    }

    void envMergedAndRestored_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QByteArray>("original");
        QTest::addColumn<QByteArray>("restored");
        QTest::newRow("no file") << false << QByteArray() << QByteArray();
        QTest::newRow("user keys") << true << userEnv << userEnv;
        // The line end that the key's line needed stays.
        QTest::newRow("no final line end") << true << QByteArray("A=1") << QByteArray("A=1\n");
        QTest::newRow("an earlier key")
            << true << QByteArray("A=1\nGATEHOUSE_QWEN_CODE_KEY=ghk_old # mine\nB=2\n")
            << QByteArray("A=1\nGATEHOUSE_QWEN_CODE_KEY=ghk_old # mine\nB=2\n");
    }

    void envMergedAndRestored()
    {
        QFETCH(bool, exists);
        QFETCH(QByteArray, original);
        QFETCH(QByteArray, restored);
        const auto wiring = wiringFor(QStringLiteral(".env"));
        const std::optional<QByteArray> before =
            exists ? std::optional<QByteArray>(original) : std::nullopt;
        const auto merged = wiring->merge(before, settings());
        QVERIFY(merged.ok());
        QVERIFY(merged->contains("GATEHOUSE_QWEN_CODE_KEY=ghk_0123456789abcdef\n"));
        QCOMPARE(merged->count("GATEHOUSE_QWEN_CODE_KEY"), 1);
        // The user's lines stay as they were.
        for (const QByteArray &line : original.split('\n')) {
            if (!line.startsWith("GATEHOUSE_QWEN_CODE_KEY"))
                QVERIFY2(merged->contains(line), line.constData());
        }
        const auto values = wiring->read(merged.value());
        QVERIFY(values.ok());
        QVERIFY(values->wired);
        QCOMPARE(values->key, QStringLiteral("ghk_0123456789abcdef"));

        const auto unmerged = wiring->unmerge(merged.value(), before);
        QVERIFY(unmerged.ok());
        QCOMPARE(unmerged.value(), restored);
    }

    void envReadUnwired()
    {
        const auto values = wiringFor(QStringLiteral(".env"))->read(userEnv);
        QVERIFY(values.ok());
        QVERIFY(!values->wired);
    }
};

QTEST_GUILESS_MAIN(TestQwenCodeWiring)
#include "tst_qwencodewiring.moc"
