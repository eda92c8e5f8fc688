// Connect's edit of Continue's ~/.continue/config.yaml: a Gatehouse model entry first in the
// models list, the rest of the file as the user wrote it.
#include "connect/FileWiring.h"

#include <QTest>
#include <yaml-cpp/yaml.h>

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

std::shared_ptr<const FileWiring> configWiring()
{
    const FileWirings all = continueWiring();
    return all.size() == 1 ? all.first() : nullptr;
}

YAML::Node load(const QByteArray &content)
{
    return YAML::Load(content.toStdString());
}

// Every top-level setting but the models list, and the models other than Gatehouse's, as
// yaml-cpp reads them.
QStringList userSettings(const QByteArray &content)
{
    QStringList out;
    const YAML::Node root = load(content);
    if (!root.IsMap())
        return out;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString key = QString::fromStdString(it->first.Scalar());
        if (key != QLatin1String("models")) {
            out << key + QLatin1Char('=') + QString::fromStdString(YAML::Dump(it->second));
            continue;
        }
        if (!it->second.IsSequence())
            continue;
        const YAML::Node models = it->second; // a proxy's member would dangle in the loop
        for (const YAML::Node &model : models) {
            if (model["name"].IsDefined() && model["name"].Scalar() == "Gatehouse")
                continue;
            out << QStringLiteral("model=") + QString::fromStdString(YAML::Dump(model));
        }
    }
    return out;
}

const QByteArray userFile = "# My Continue setup\n"
                            "name: My Config\n"
                            "version: 1.0.0\n"
                            "schema: v1\n"
                            "\n"
                            "models:\n"
                            "  # the one on this machine\n"
                            "  - name: Local Llama   # fast enough\n"
                            "    provider: ollama\n"
                            "    model: llama3.1:8b\n"
                            "    roles: [chat, autocomplete]\n"
                            "  - name: Embedder\n"
                            "    provider: ollama\n"
                            "    model: nomic-embed-text\n"
                            "    roles:\n"
                            "      - embed\n"
                            "\n"
                            "context:\n"
                            "  - provider: code\n"
                            "  - provider: diff\n";

} // namespace

class TestContinueWiring : public QObject
{
    Q_OBJECT
private slots:
    void path()
    {
        ToolEnvironment environment;
        environment.home = QStringLiteral("/home/someone");
        QCOMPARE(configWiring()->path(environment),
                 QStringLiteral("/home/someone/.continue/config.yaml"));
    }

    void mergeAndUnmerge_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QByteArray>("original");
        QTest::newRow("no file") << false << QByteArray();
        QTest::newRow("empty file") << true << QByteArray();
        QTest::newRow("comments only") << true << QByteArray("# nothing here yet\n");
        QTest::newRow("models with comments") << true << userFile;
        QTest::newRow("models at the key's column")
            << true
            << QByteArray("name: c\nversion: 1\nmodels:\n- name: A\n  provider: ollama\n"
                          "  model: a\n");
        QTest::newRow("item on the line after its dash")
            << true
            << QByteArray("name: c\nversion: 1\nmodels:\n  -\n    name: A\n"
                          "    provider: ollama\n    model: a\nrules:\n  - be brief\n");
        QTest::newRow("no models")
            << true << QByteArray("name: c\nversion: 1\nrules:\n  - be brief\n");
        QTest::newRow("models without a value")
            << true << QByteArray("name: c\nversion: 1\nmodels: # later\nrules:\n  - x\n");
        QTest::newRow("empty flow list")
            << true << QByteArray("name: c\nversion: 1\nmodels: []  # none yet\nrules: []\n");
        QTest::newRow("windows line ends")
            << true
            << QByteArray("name: c\r\nversion: 1\r\nmodels:\r\n  - name: A\r\n"
                          "    provider: ollama\r\n    model: a\r\n");
        QTest::newRow("a hand-made Gatehouse entry")
            << true
            << QByteArray("name: c\nversion: 1\nmodels:\n  - name: B\n    model: b\n"
                          "  - name: Gatehouse\n    provider: openai\n    model: old\n"
                          "    apiKey: ghk_old\n  - name: C\n    model: c\n");
    }

    // Connect then Disconnect gives the file back byte for byte, and the merged file holds
    // the entry with every other setting as it was.
    void mergeAndUnmerge()
    {
        QFETCH(bool, exists);
        QFETCH(QByteArray, original);
        const auto wiring = configWiring();
        const std::optional<QByteArray> before =
            exists ? std::optional<QByteArray>(original) : std::nullopt;
        const auto merged = wiring->merge(before, settings());
        QVERIFY2(merged.ok(), qPrintable(merged.error()));

        const YAML::Node root = load(merged.value());
        const YAML::Node entry = root["models"][0];
        QCOMPARE(entry["name"].as<std::string>(), std::string("Gatehouse"));
        QCOMPARE(entry["provider"].as<std::string>(), std::string("openai"));
        QCOMPARE(entry["model"].as<std::string>(), std::string("chat:agent-1"));
        QCOMPARE(entry["apiBase"].as<std::string>(), std::string("http://127.0.0.1:4777/v1"));
        QCOMPARE(entry["apiKey"].as<std::string>(), std::string("ghk_0123456789abcdef"));
        QCOMPARE(entry["roles"][0].as<std::string>(), std::string("chat"));
        std::size_t gatehouseEntries = 0;
        for (const YAML::Node &model : root["models"])
            gatehouseEntries += model["name"].as<std::string>() == "Gatehouse";
        QCOMPARE(gatehouseEntries, std::size_t(1));
        if (!original.trimmed().isEmpty() && !original.startsWith('#')) {
            QCOMPARE(userSettings(merged.value()), userSettings(original));
        } else {
            // A new file gets what Continue requires of one.
            QVERIFY(root["name"].IsScalar());
            QVERIFY(root["version"].IsScalar());
        }

        const auto wired = wiring->read(merged.value());
        QVERIFY(wired.ok());
        QVERIFY(wired->wired);
        QCOMPARE(wired->model, QStringLiteral("chat:agent-1"));
        QCOMPARE(wired->url, QStringLiteral("http://127.0.0.1:4777"));
        QCOMPARE(wired->key, QStringLiteral("ghk_0123456789abcdef"));

        const auto unmerged = wiring->unmerge(merged.value(), before);
        QVERIFY2(unmerged.ok(), qPrintable(unmerged.error()));
        QCOMPARE(unmerged.value(), original);
    }

    void userKeepsLines()
    {
        // Lines are kept as the user wrote them: the comments, the flow list, the spacing.
        const auto merged = configWiring()->merge(userFile, settings());
        QVERIFY(merged.ok());
        QVERIFY(merged->startsWith("# My Continue setup\nname: My Config\n"));
        QVERIFY(merged->contains("  # the one on this machine\n  - name: Gatehouse\n"));
        QVERIFY(merged->contains("      - apply\n  - name: Local Llama   # fast enough\n"));
        QVERIFY(merged->endsWith("\ncontext:\n  - provider: code\n  - provider: diff\n"));
    }

    void connectAgainReplacesTheEntry()
    {
        const auto wiring = configWiring();
        const auto first = wiring->merge(userFile, settings());
        QVERIFY(first.ok());
        const auto second = wiring->merge(
            first.value(), settings(QStringLiteral("resp:agent-2"), QStringLiteral("ghk_new")));
        QVERIFY(second.ok());
        const YAML::Node models = load(second.value())["models"];
        QCOMPARE(models.size(), std::size_t(3));
        QCOMPARE(models[0]["model"].as<std::string>(), std::string("resp:agent-2"));
        QCOMPARE(models[0]["apiKey"].as<std::string>(), std::string("ghk_new"));
        const auto unmerged = wiring->unmerge(second.value(), userFile);
        QVERIFY(unmerged.ok());
        QCOMPARE(unmerged.value(), userFile);
    }

    void unmergeKeepsLaterEdits()
    {
        // Changes made after Connect stay; only the entry goes.
        const auto wiring = configWiring();
        const auto merged = wiring->merge(userFile, settings());
        QVERIFY(merged.ok());
        QByteArray edited = merged.value();
        edited.replace("llama3.1:8b", "qwen2.5-coder:7b");
        edited.append("rules:\n  - Answer briefly.\n");
        const auto unmerged = wiring->unmerge(edited, userFile);
        QVERIFY(unmerged.ok());
        QByteArray expected = userFile;
        expected.replace("llama3.1:8b", "qwen2.5-coder:7b");
        expected.append("rules:\n  - Answer briefly.\n");
        QCOMPARE(unmerged.value(), expected);
    }

    void valuesAreQuoted()
    {
        // A model name that YAML would otherwise read as something else.
        const QString model = QStringLiteral("p:model #1 \"x\" \\ [a]: {b}");
        const auto merged = configWiring()->merge(std::nullopt, settings(model));
        QVERIFY(merged.ok());
        QCOMPARE(QString::fromStdString(load(merged.value())["models"][0]["model"].Scalar()),
                 model);
        QCOMPARE(configWiring()->read(merged.value())->model, model);
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("broken YAML")
            << QByteArray("name: c\nmodels:\n  - name: A\n  bad: [\n") << QStringLiteral("line ");
        QTest::newRow("tab indentation")
            << QByteArray("name: c\nmodels:\n\t- name: A\n") << QStringLiteral("line ");
        QTest::newRow("two documents")
            << QByteArray("name: a\n---\nname: b\n") << QStringLiteral("more than one");
        QTest::newRow("top level is a list")
            << QByteArray("- a\n- b\n") << QStringLiteral("not a map");
        QTest::newRow("models in flow style")
            << QByteArray("name: c\nmodels: [{name: A, model: a}]\n")
            << QStringLiteral("not a list with one");
        QTest::newRow("models is a map")
            << QByteArray("name: c\nmodels:\n  a: 1\n") << QStringLiteral("not a list with one");
    }

    // A file Gatehouse cannot edit safely gives a reason and no content.
    void refused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        const auto merged = configWiring()->merge(content, settings());
        QVERIFY(!merged.ok());
        QVERIFY2(merged.error().contains(reason), qPrintable(merged.error()));
    }

    void readUnwired()
    {
        const auto values = configWiring()->read(userFile);
        QVERIFY(values.ok());
        QVERIFY(!values->wired);
        QVERIFY(!configWiring()->read("models:\n  - name: A\n  bad: [\n").ok());
        // An entry of the name without a Gatehouse key is not Connect's.
        const auto handMade = configWiring()->read(
            "models:\n  - name: Gatehouse\n    model: m\n    apiBase: http://h/v1\n"
            "    apiKey: sk-other\n");
        QVERIFY(handMade.ok());
        QVERIFY(!handMade->wired);
    }
};

QTEST_GUILESS_MAIN(TestContinueWiring)
#include "tst_continuewiring.moc"
