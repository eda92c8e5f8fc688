#include "config/ConfigEditor.h"
#include "secrets/SecretStore.h"

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
};

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
