// Each tool's file edits: what merge writes, that everything else stays, that unmerge gives
// the file back, that read finds the settings, and that a file that does not parse is
// refused.
#include "connect/FileWiring.h"
#include "connect/ToolCatalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <toml++/toml.h>

using namespace gatehouse;

namespace {

std::shared_ptr<const FileWiring> wiringOf(const char *tool, int file = 0)
{
    const ToolInfo *t = findTool(QString::fromLatin1(tool));
    return t && t->wiring ? t->wiring().value(file) : nullptr;
}

WiringSettings settings(const QString &model = QStringLiteral("chat:m1"),
                        const QString &small = QStringLiteral("chat:small"))
{
    return {QStringLiteral("http://127.0.0.1:4777"), QStringLiteral("ghk_testkey"), model, small};
}

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QByteArray mergeOk(const std::shared_ptr<const FileWiring> &w,
                   const std::optional<QByteArray> &current, const WiringSettings &s = settings())
{
    const auto merged = w->merge(current, s);
    return merged ? merged.value() : QByteArray("merge failed: " + merged.error().toUtf8());
}

QByteArray unmergeOk(const std::shared_ptr<const FileWiring> &w, const QByteArray &current,
                     const std::optional<QByteArray> &original)
{
    const auto unmerged = w->unmerge(current, original);
    return unmerged ? unmerged.value() : QByteArray("unmerge failed: " + unmerged.error().toUtf8());
}

} // namespace

class TestToolWirings : public QObject
{
    Q_OBJECT
private slots:
    void catalogListsSixTools()
    {
        QStringList ids;
        for (const ToolInfo &t : toolCatalog())
            ids.append(t.id);
        QCOMPARE(ids.join(QLatin1Char(' ')),
                 QStringLiteral("claude-code codex opencode gemini-cli qwen-code continue"));
        QVERIFY(findTool(QStringLiteral("codex"))->wiring);
        QVERIFY(!findTool(QStringLiteral("nope")));
    }

    void pathsFollowHomeAndXdg()
    {
        ToolEnvironment env{QStringLiteral("/h"), {}, {}};
        QCOMPARE(wiringOf("claude-code")->path(env), QStringLiteral("/h/.claude/settings.json"));
        QCOMPARE(wiringOf("codex")->path(env), QStringLiteral("/h/.codex/config.toml"));
        QCOMPARE(wiringOf("opencode")->path(env),
                 QStringLiteral("/h/.config/opencode/opencode.json"));
        QCOMPARE(wiringOf("gemini-cli", 0)->path(env), QStringLiteral("/h/.gemini/.env"));
        QCOMPARE(wiringOf("gemini-cli", 1)->path(env), QStringLiteral("/h/.gemini/settings.json"));
        env.xdgConfigHome = QStringLiteral("/x");
        QCOMPARE(wiringOf("opencode")->path(env), QStringLiteral("/x/opencode/opencode.json"));
        QCOMPARE(findTool(QStringLiteral("opencode"))->configFolderPath(env),
                 QStringLiteral("/x/opencode"));
    }

    // ---- Claude Code
    void claudeMergeKeepsUserSettings()
    {
        const auto w = wiringOf("claude-code");
        const QByteArray user =
            "{\"env\": {\"DISABLE_TELEMETRY\": \"1\", \"ANTHROPIC_MODEL\": \"opus\"}, \"theme\": "
            "\"dark\", \"permissions\": {\"allow\": [\"Bash\"]}}";
        const QJsonObject merged = json(mergeOk(w, user));
        const QJsonObject env = merged.value(QLatin1String("env")).toObject();
        QCOMPARE(env.value(QLatin1String("ANTHROPIC_BASE_URL")).toString(),
                 QStringLiteral("http://127.0.0.1:4777"));
        QCOMPARE(env.value(QLatin1String("ANTHROPIC_AUTH_TOKEN")).toString(),
                 QStringLiteral("ghk_testkey"));
        QCOMPARE(env.value(QLatin1String("ANTHROPIC_MODEL")).toString(), QStringLiteral("chat:m1"));
        QCOMPARE(env.value(QLatin1String("ANTHROPIC_DEFAULT_HAIKU_MODEL")).toString(),
                 QStringLiteral("chat:small"));
        QCOMPARE(env.value(QLatin1String("DISABLE_TELEMETRY")).toString(), QStringLiteral("1"));
        QCOMPARE(merged.value(QLatin1String("theme")).toString(), QStringLiteral("dark"));
        QCOMPARE(merged.value(QLatin1String("permissions")),
                 json(user).value(QLatin1String("permissions")));

        const auto read = w->read(mergeOk(w, user));
        QVERIFY(read);
        QVERIFY(read->wired);
        QCOMPARE(read->url, QStringLiteral("http://127.0.0.1:4777"));
        QCOMPARE(read->key, QStringLiteral("ghk_testkey"));
        QCOMPARE(read->model, QStringLiteral("chat:m1"));
        QCOMPARE(read->smallModel, QStringLiteral("chat:small"));

        // Unmerge puts back the user's own model and removes the rest of what was added.
        const QJsonObject back = json(unmergeOk(w, mergeOk(w, user), user));
        QCOMPARE(back, json(user));
        QVERIFY(!w->read(QByteArray("{\"env\": {\"DISABLE_TELEMETRY\": \"1\"}}"))->wired);
    }

    void claudeUnmergeOfANewFileLeavesNoEnv()
    {
        const auto w = wiringOf("claude-code");
        const QByteArray merged = mergeOk(w, std::nullopt);
        QVERIFY(w->read(merged)->wired);
        // Added later by the user: stays.
        QJsonObject changed = json(merged);
        changed.insert(QStringLiteral("theme"), QStringLiteral("light"));
        const QJsonObject back = json(unmergeOk(w, QJsonDocument(changed).toJson(), std::nullopt));
        QCOMPARE(back, (QJsonObject{{QStringLiteral("theme"), QStringLiteral("light")}}));
    }

    void unparsableJsonIsRefused_data()
    {
        QTest::addColumn<QByteArray>("tool");
        QTest::addColumn<int>("file");
        QTest::newRow("claude") << QByteArray("claude-code") << 0;
        QTest::newRow("opencode") << QByteArray("opencode") << 0;
        QTest::newRow("gemini settings") << QByteArray("gemini-cli") << 1;
    }
    void unparsableJsonIsRefused()
    {
        QFETCH(QByteArray, tool);
        QFETCH(int, file);
        const auto w = wiringOf(tool.constData(), file);
        const QByteArray broken = "{\n  \"theme\": \"dark\",\n  // a comment\n}\n";
        const auto merged = w->merge(broken, settings());
        QVERIFY(!merged);
        QVERIFY2(merged.error().contains(QLatin1String("line 3")), qPrintable(merged.error()));
        QVERIFY(!w->unmerge(broken, std::nullopt));
        QVERIFY(!w->read(broken));
        QVERIFY(!w->merge(QByteArray("[1, 2]"), settings()));
    }

    // ---- opencode
    void opencodeMergeAddsProviderAndModels()
    {
        const auto w = wiringOf("opencode");
        const QByteArray user = "{\"$schema\": \"https://opencode.ai/config.json\", \"model\": "
                                "\"anthropic/claude\", \"autoupdate\": false, \"provider\": "
                                "{\"ollama\": {\"npm\": \"@ai-sdk/openai-compatible\"}}}";
        const QByteArray merged = mergeOk(w, user);
        const QJsonObject o = json(merged);
        QCOMPARE(o.value(QLatin1String("model")).toString(), QStringLiteral("gatehouse/chat:m1"));
        QCOMPARE(o.value(QLatin1String("small_model")).toString(),
                 QStringLiteral("gatehouse/chat:small"));
        QCOMPARE(o.value(QLatin1String("autoupdate")).toBool(true), false);
        const QJsonObject providers = o.value(QLatin1String("provider")).toObject();
        QVERIFY(providers.contains(QLatin1String("ollama")));
        const QJsonObject g = providers.value(QLatin1String("gatehouse")).toObject();
        QCOMPARE(g.value(QLatin1String("npm")).toString(),
                 QStringLiteral("@ai-sdk/openai-compatible"));
        const QJsonObject options = g.value(QLatin1String("options")).toObject();
        QCOMPARE(options.value(QLatin1String("baseURL")).toString(),
                 QStringLiteral("http://127.0.0.1:4777/v1"));
        QCOMPARE(options.value(QLatin1String("apiKey")).toString(), QStringLiteral("ghk_testkey"));
        const QJsonObject models = g.value(QLatin1String("models")).toObject();
        QCOMPARE(models.keys().join(QLatin1Char(' ')), QStringLiteral("chat:m1 chat:small"));

        const auto read = w->read(merged);
        QVERIFY(read && read->wired);
        QCOMPARE(read->url, QStringLiteral("http://127.0.0.1:4777"));
        QCOMPARE(read->model, QStringLiteral("chat:m1"));
        QCOMPARE(read->smallModel, QStringLiteral("chat:small"));

        QCOMPARE(json(unmergeOk(w, merged, user)), json(user));
        // Without the original: the provider and models go, the user's other provider stays.
        const QJsonObject bare = json(unmergeOk(w, merged, std::nullopt));
        QVERIFY(!bare.contains(QLatin1String("model")));
        QVERIFY(!bare.contains(QLatin1String("small_model")));
        QCOMPARE(bare.value(QLatin1String("provider")).toObject().keys(),
                 QStringList{QStringLiteral("ollama")});
    }

    // ---- Gemini CLI
    void geminiEnvKeepsOtherLines()
    {
        const auto w = wiringOf("gemini-cli", 0);
        const QByteArray user = "# my keys\nGOOGLE_CLOUD_PROJECT=proj\nGEMINI_API_KEY=AIza-old\n"
                                "\nexport OTHER=\"a b\"\n";
        const QByteArray merged = mergeOk(w, user);
        QCOMPARE(merged,
                 QByteArray("# my keys\nGOOGLE_CLOUD_PROJECT=proj\nGEMINI_API_KEY=ghk_testkey\n"
                            "\nexport OTHER=\"a b\"\n"
                            "GOOGLE_GEMINI_BASE_URL=http://127.0.0.1:4777\n"));
        const auto read = w->read(merged);
        QVERIFY(read && read->wired);
        QCOMPARE(read->key, QStringLiteral("ghk_testkey"));
        QCOMPARE(read->url, QStringLiteral("http://127.0.0.1:4777"));
        // The user's own key comes back; the base URL goes.
        QCOMPARE(unmergeOk(w, merged, user), user);
        QCOMPARE(unmergeOk(w, mergeOk(w, std::nullopt), std::nullopt), QByteArray());
        QVERIFY(!w->read(user)->wired);
    }

    void geminiSettingsSelectApiKeyAndModel()
    {
        const auto w = wiringOf("gemini-cli", 1);
        const QByteArray user =
            "{\"security\": {\"auth\": {\"selectedType\": \"oauth-personal\"}, \"folderTrust\": "
            "{\"enabled\": true}}, \"privacy\": {\"usageStatisticsEnabled\": false}}";
        const QJsonObject merged = json(mergeOk(w, user));
        QCOMPARE(merged.value(QLatin1String("security"))
                     .toObject()
                     .value(QLatin1String("auth"))
                     .toObject()
                     .value(QLatin1String("selectedType"))
                     .toString(),
                 QStringLiteral("gemini-api-key"));
        QVERIFY(merged.value(QLatin1String("security"))
                    .toObject()
                    .contains(QLatin1String("folderTrust")));
        QCOMPARE(
            merged.value(QLatin1String("model")).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("chat:m1"));
        QVERIFY(w->read(mergeOk(w, user))->wired);
        QCOMPARE(json(unmergeOk(w, mergeOk(w, user), user)), json(user));
    }

    // An older settings file had "model" as a plain name; Connect makes it an object, and
    // Disconnect gives the plain name back.
    void geminiSettingsGiveBackAPlainModelName()
    {
        const auto w = wiringOf("gemini-cli", 1);
        const QByteArray user = "{\"model\": \"gemini-2.5-pro\", \"theme\": \"Default\"}";
        const QByteArray merged = mergeOk(w, user);
        QCOMPARE(json(merged).value(QLatin1String("model")).toObject().value(QLatin1String("name")),
                 QJsonValue(QStringLiteral("chat:m1")));
        QCOMPARE(json(unmergeOk(w, merged, user)), json(user));
    }

    // ---- Codex CLI: text edits that leave every other line as it was.
    void codexMerge_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray table = "[model_providers.gatehouse]\nname = \"Gatehouse\"\n"
                                 "base_url = \"http://127.0.0.1:4777/v1\"\nwire_api = "
                                 "\"responses\"\nexperimental_bearer_token = \"ghk_testkey\"\n";
        const QByteArray top = "model = \"chat:m1\"\nmodel_provider = \"gatehouse\"\n";
        QTest::newRow("no file") << QByteArray() << top + "\n" + table;
        QTest::newRow("top-level keys only") << QByteArray("web_search = \"disabled\"\n")
                                             << "web_search = \"disabled\"\n" + top + "\n" + table;
        QTest::newRow("keys go before the first table")
            << QByteArray("# mine\nweb_search = \"disabled\"\n\n[analytics]\nenabled = false\n")
            << "# mine\nweb_search = \"disabled\"\n" + top + "\n[analytics]\nenabled = false\n\n" +
                   table;
        QTest::newRow("no top-level keys, a table first")
            << QByteArray("[features]\nplugins = false\n")
            << top + "[features]\nplugins = false\n\n" + table;
        QTest::newRow("comments above a table stay with it")
            << QByteArray("a = 1\n# the features\n[features]\nx = 1")
            << "a = 1\n" + top + "# the features\n[features]\nx = 1\n\n" + table;
        QTest::newRow("own keys and table replaced")
            << QByteArray("model = \"o3\"\nmodel_provider = \"openai\" # theirs\n\n"
                          "[model_providers.gatehouse]\nname = \"old\"\nbase_url = "
                          "\"http://x/v1\"\n\n[tui]\nx = 1\n")
            << top + "\n[tui]\nx = 1\n\n" + table;
        QTest::newRow("a multi-line string is not a table")
            << QByteArray("notes = \"\"\"\n[not a table]\n\"\"\"\n[tui]\nx = 1\n")
            << "notes = \"\"\"\n[not a table]\n\"\"\"\n" + top + "[tui]\nx = 1\n\n" + table;
    }
    void codexMerge()
    {
        QFETCH(QByteArray, user);
        QFETCH(QByteArray, expected);
        const auto w = wiringOf("codex");
        const QByteArray merged =
            mergeOk(w, user.isEmpty() ? std::nullopt : std::optional<QByteArray>(user));
        QCOMPARE(merged, expected);
        // Codex reads what was meant.
        const toml::table t =
            toml::parse(std::string_view(merged.constData(), size_t(merged.size())));
        QCOMPARE(t["model"].value_or(std::string()), std::string("chat:m1"));
        QCOMPARE(t["model_provider"].value_or(std::string()), std::string("gatehouse"));
        QCOMPARE(t["model_providers"]["gatehouse"]["wire_api"].value_or(std::string()),
                 std::string("responses"));
        const auto read = w->read(merged);
        QVERIFY(read && read->wired);
        QCOMPARE(read->url, QStringLiteral("http://127.0.0.1:4777"));
        QCOMPARE(read->key, QStringLiteral("ghk_testkey"));
        QCOMPARE(read->model, QStringLiteral("chat:m1"));
        // Connecting again (another model) changes only Connect's lines.
        QCOMPARE(mergeOk(w, merged), merged);
        const QByteArray again = mergeOk(w, merged, settings(QStringLiteral("resp:m2")));
        QCOMPARE(again, QByteArray(merged).replace("model = \"chat:m1\"", "model = \"resp:m2\""));
    }

    void codexUnmergeGivesTheFileBack_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::newRow("top-level keys and tables")
            << QByteArray("# mine\nweb_search = \"disabled\"\n\n[analytics]\nenabled = false\n");
        QTest::newRow("a table first") << QByteArray("[features]\nplugins = false\n");
        QTest::newRow("own model and provider")
            << QByteArray("model = \"o3\"\nmodel_provider = \"openai\"  # theirs\n\n"
                          "[model_providers.gatehouse]\nname = \"mine\"\nbase_url = "
                          "\"http://x/v1\"\n");
        QTest::newRow("top-level keys only") << QByteArray("web_search = \"disabled\"\n");
    }
    void codexUnmergeGivesTheFileBack()
    {
        QFETCH(QByteArray, user);
        const auto w = wiringOf("codex");
        const QByteArray merged = mergeOk(w, user);
        const QByteArray back = unmergeOk(w, merged, user);
        QCOMPARE(toml::parse(std::string_view(back.constData(), size_t(back.size()))),
                 toml::parse(std::string_view(user.constData(), size_t(user.size()))));
        if (!user.startsWith("model ="))
            QCOMPARE(back, user); // byte for byte when the user had none of Connect's keys
        // A change the user made after Connect stays.
        const QByteArray changed = merged + "\n[tui]\nnotifications = true\n";
        const QByteArray kept = unmergeOk(w, changed, user);
        QVERIFY2(kept.contains("[tui]\nnotifications = true\n"), kept.constData());
        QVERIFY(!kept.contains("ghk_testkey"));
        QVERIFY(!w->read(kept)->wired);
    }

    void codexRefusesWhatItCannotEdit_data()
    {
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<QString>("error");
        QTest::newRow("syntax error")
            << QByteArray("a = 1\nmodel = \n") << QStringLiteral("line 2");
        QTest::newRow("duplicate table")
            << QByteArray("[tui]\nx = 1\n[tui]\ny = 2\n") << QStringLiteral("line 3");
        QTest::newRow("provider as dotted keys")
            << QByteArray("model_providers.gatehouse.name = \"x\"\n")
            << QStringLiteral("cannot change");
        QTest::newRow("provider as an inline table")
            << QByteArray("[model_providers]\ngatehouse = { name = \"x\" }\n")
            << QStringLiteral("cannot change");
    }
    void codexRefusesWhatItCannotEdit()
    {
        QFETCH(QByteArray, user);
        QFETCH(QString, error);
        const auto w = wiringOf("codex");
        const auto merged = w->merge(user, settings());
        QVERIFY(!merged);
        QVERIFY2(merged.error().contains(error), qPrintable(merged.error()));
    }
};

QTEST_GUILESS_MAIN(TestToolWirings)
#include "tst_toolwirings.moc"
