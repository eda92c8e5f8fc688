#include "config/ConfigEditor.h"
#include "secrets/SecretStore.h"
#include "util/RandomSource.h"

#include <QTest>

using namespace gatehouse;

class TestConfigEditor : public QObject
{
    Q_OBJECT
private:
    static Config sample()
    {
        Config c;
        c.instanceId = QStringLiteral("inst");
        Provider p;
        p.id = QStringLiteral("local");
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434/v1"));
        p.hasKey = true;
        p.keyLabels = {QStringLiteral("work")};
        p.secretHeaders = {QStringLiteral("X-Goog-Api-Key")};
        p.secretQueryItems = {QStringLiteral("key")};
        c.providers = {p};
        KeyConfiguration k;
        k.name = QStringLiteral("team");
        k.providerKeys.insert(QStringLiteral("local"), QStringLiteral("work"));
        c.keyConfigurations = {k};
        return c;
    }

private slots:
    void removeProviderGivesEveryKeychainEntry()
    {
        Config c = sample();
        const auto entries = ConfigEditor::removeProvider(c, QStringLiteral("local"));
        QVERIFY(entries.ok());
        QVERIFY(c.providers.isEmpty());
        QVERIFY(c.keyConfigurations[0].providerKeys.isEmpty());
        const QStringList expected{
            SecretStore::providerKeyName(QStringLiteral("inst"), QStringLiteral("local")),
            SecretStore::providerKeyName(QStringLiteral("inst"), QStringLiteral("local"),
                                         QStringLiteral("work")),
            SecretStore::providerSecretName(QStringLiteral("inst"), QStringLiteral("local"),
                                            QStringLiteral("header"),
                                            QStringLiteral("X-Goog-Api-Key")),
            SecretStore::providerSecretName(QStringLiteral("inst"), QStringLiteral("local"),
                                            QStringLiteral("query"), QStringLiteral("key"))};
        QCOMPARE(entries.value(), expected);
        QVERIFY(!ConfigEditor::removeProvider(c, QStringLiteral("local")).ok());
    }

    void putRouteChecksProvidersNamesAndKeepsUnknownFields()
    {
        Config c = sample();
        RouteRule r;
        r.name = QStringLiteral("fast");
        r.candidates = {{QStringLiteral("nope:m"), 1}};
        auto put = ConfigEditor::putRoute(c, {}, {}, r);
        QVERIFY(!put.ok());
        QVERIFY(put.error().contains(QLatin1String("no provider \"nope\"")));
        r.candidates = {{QStringLiteral("local:m"), 1}};
        r.otherFields.insert(QStringLiteral("note"), QStringLiteral("kept"));
        put = ConfigEditor::putRoute(c, {}, {}, r);
        QVERIFY(put.ok());
        QVERIFY(!put.value());
        // A second new route of that name is refused; replacing it keeps what it did not know.
        QVERIFY(!ConfigEditor::putRoute(c, {}, {}, r).ok());
        RouteRule edited;
        edited.name = QStringLiteral("quick");
        edited.candidates = {{QStringLiteral("local:other"), 1}};
        put = ConfigEditor::putRoute(c, {}, QStringLiteral("fast"), edited);
        QVERIFY(put.ok());
        QVERIFY(put.value());
        QCOMPARE(c.routes.size(), 1);
        QCOMPARE(c.routes[0].name, QStringLiteral("quick"));
        QCOMPARE(c.routes[0].otherFields.value(QLatin1String("note")).toString(),
                 QStringLiteral("kept"));
        QVERIFY(!ConfigEditor::putRoute(c, QStringLiteral("missing"), {}, edited).ok());
        QVERIFY(ConfigEditor::putRoute(c, QStringLiteral("team"), {}, edited).ok());
        QCOMPARE(c.keyConfigurations[0].routes.size(), 1);
    }

    void createAccessKeyChecksNameConfigurationAndActiveKeys()
    {
        Config c = sample();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(!ConfigEditor::createAccessKey(c, QStringLiteral("bad name!"), {},
                                               systemRandomBytes, now));
        const auto missing = ConfigEditor::createAccessKey(
            c, QStringLiteral("a"), QStringLiteral("nope"), systemRandomBytes, now);
        QVERIFY(!missing);
        QVERIFY(missing.error().contains(QLatin1String("nope")));
        const auto first = ConfigEditor::createAccessKey(
            c, QStringLiteral("a"), QStringLiteral("team"), systemRandomBytes, now);
        QVERIFY(first);
        QVERIFY(first.value().startsWith(QLatin1String("ghk_")));
        QCOMPARE(c.accessKeys.size(), 1);
        QCOMPARE(c.accessKeys[0].configuration, QStringLiteral("team"));
        QCOMPARE(c.accessKeys[0].hash, AccessKeys::hashOf(first.value().toLatin1()));
        // An active key keeps its name; a revoked one makes room.
        QVERIFY(!ConfigEditor::createAccessKey(c, QStringLiteral("a"), {}, systemRandomBytes, now));
        QVERIFY(ConfigEditor::revokeAccessKey(c, QStringLiteral("a"), now));
        QVERIFY(!ConfigEditor::revokeAccessKey(c, QStringLiteral("a"), now)); // already revoked
        QVERIFY(!ConfigEditor::revokeAccessKey(c, QStringLiteral("zz"), now));
        const auto second = ConfigEditor::createAccessKey(
            c, QStringLiteral("a"), QStringLiteral("default"), systemRandomBytes, now);
        QVERIFY(second);
        QCOMPARE(c.accessKeys.size(), 1);
        QVERIFY(c.accessKeys[0].isActive());
        QVERIFY(c.accessKeys[0].configuration.isEmpty()); // "default" is stored as none
    }

    void assignKeyConfigurationNeedsBoth()
    {
        Config c = sample();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(ConfigEditor::createAccessKey(c, QStringLiteral("a"), {}, systemRandomBytes, now));
        QVERIFY(
            !ConfigEditor::assignKeyConfiguration(c, QStringLiteral("zz"), QStringLiteral("team")));
        QVERIFY(
            !ConfigEditor::assignKeyConfiguration(c, QStringLiteral("a"), QStringLiteral("nope")));
        QVERIFY(
            ConfigEditor::assignKeyConfiguration(c, QStringLiteral("a"), QStringLiteral("team")));
        QCOMPARE(c.accessKeys[0].configuration, QStringLiteral("team"));
        QVERIFY(ConfigEditor::assignKeyConfiguration(c, QStringLiteral("a"),
                                                     QStringLiteral("default")));
        QVERIFY(c.accessKeys[0].configuration.isEmpty());
    }

    void putKeyConfigurationChecksKeysRenamesAndKeepsUnknownFields()
    {
        Config c = sample();
        c.keyConfigurations[0].otherFields.insert(QStringLiteral("future"), true);
        RouteRule r;
        r.name = QStringLiteral("fast");
        r.candidates = {{QStringLiteral("local:m"), 1}};
        r.otherFields.insert(QStringLiteral("later"), 1);
        c.keyConfigurations[0].routes = {r};
        QVERIFY(ConfigEditor::createAccessKey(c, QStringLiteral("a"), QStringLiteral("team"),
                                              systemRandomBytes, QDateTime::currentDateTimeUtc()));

        KeyConfiguration unknownProvider;
        unknownProvider.name = QStringLiteral("x");
        unknownProvider.providerKeys.insert(QStringLiteral("ghost"), QString());
        QVERIFY(!ConfigEditor::putKeyConfiguration(c, {}, unknownProvider));
        KeyConfiguration unknownLabel;
        unknownLabel.name = QStringLiteral("x");
        unknownLabel.providerKeys.insert(QStringLiteral("local"), QStringLiteral("home"));
        const auto label = ConfigEditor::putKeyConfiguration(c, {}, unknownLabel);
        QVERIFY(!label);
        QVERIFY(label.error().contains(QLatin1String("home")));

        KeyConfiguration fresh;
        fresh.name = QStringLiteral("other");
        const auto added = ConfigEditor::putKeyConfiguration(c, {}, fresh);
        QVERIFY(added && !added.value());
        // A rename onto a taken name is refused.
        KeyConfiguration clash = c.keyConfigurations[0];
        clash.name = QStringLiteral("other");
        QVERIFY(!ConfigEditor::putKeyConfiguration(c, QStringLiteral("team"), clash));

        // A rename as the window makes it, knowing nothing of the unknown fields.
        KeyConfiguration renamed;
        renamed.name = QStringLiteral("crew");
        renamed.limits.requestsPerMinute = 5;
        RouteRule shown;
        shown.name = QStringLiteral("fast");
        shown.candidates = {{QStringLiteral("local:m2"), 1}};
        renamed.routes = {shown};
        const auto replaced = ConfigEditor::putKeyConfiguration(c, QStringLiteral("team"), renamed);
        QVERIFY(replaced && replaced.value());
        QVERIFY(!c.findKeyConfiguration(QStringLiteral("team")));
        const KeyConfiguration *crew = c.findKeyConfiguration(QStringLiteral("crew"));
        QVERIFY(crew);
        QCOMPARE(crew->limits.requestsPerMinute, 5);
        QVERIFY(crew->otherFields.value(QStringLiteral("future")).toBool());
        QCOMPARE(crew->routes[0].otherFields.value(QStringLiteral("later")).toInt(), 1);
        QCOMPARE(c.findAccessKey(QStringLiteral("a"))->configuration, QStringLiteral("crew"));
    }

    void removeKeyConfigurationRefusesWhileUsed()
    {
        Config c = sample();
        QVERIFY(!ConfigEditor::removeKeyConfiguration(c, QStringLiteral("nope")));
        QVERIFY(ConfigEditor::createAccessKey(c, QStringLiteral("a"), QStringLiteral("team"),
                                              systemRandomBytes, QDateTime::currentDateTimeUtc()));
        const Status used = ConfigEditor::removeKeyConfiguration(c, QStringLiteral("team"));
        QVERIFY(!used);
        QVERIFY(used.error().contains(QLatin1String("a")));
        QVERIFY(ConfigEditor::assignKeyConfiguration(c, QStringLiteral("a"),
                                                     QStringLiteral("default")));
        QVERIFY(ConfigEditor::removeKeyConfiguration(c, QStringLiteral("team")));
        QVERIFY(c.keyConfigurations.isEmpty());
    }

    // The keyless Ollama API is a user of its key configuration like an access key, and its
    // name is not an access key's to take.
    void keylessOllamaApiCountsAsAUser()
    {
        Config c = sample();
        c.gateway.ollamaApi.keyConfiguration = QStringLiteral("team");
        const Status used = ConfigEditor::removeKeyConfiguration(c, QStringLiteral("team"));
        QVERIFY(!used);
        QVERIFY(used.error().contains(QLatin1String("ollama-api")));
        KeyConfiguration renamed = c.keyConfigurations[0];
        renamed.name = QStringLiteral("crew");
        QVERIFY(ConfigEditor::putKeyConfiguration(c, QStringLiteral("team"), renamed));
        QCOMPARE(c.gateway.ollamaApi.keyConfiguration, QStringLiteral("crew"));
        QVERIFY(!ConfigEditor::createAccessKey(c, QStringLiteral("ollama-api"), {},
                                               systemRandomBytes, QDateTime::currentDateTimeUtc()));
    }
};

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
