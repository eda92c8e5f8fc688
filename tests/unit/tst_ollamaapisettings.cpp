// The keyless Ollama API listener's settings in config.json: read strictly, written back whole.
#include "config/Config.h"

#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;

namespace {

QJsonObject configWith(const QByteArray &ollamaApi)
{
    QJsonObject gateway{{QLatin1String("port"), 4777}};
    if (!ollamaApi.isEmpty())
        gateway.insert(QLatin1String("ollamaApi"),
                       QJsonDocument::fromJson(ollamaApi).isObject()
                           ? QJsonValue(QJsonDocument::fromJson(ollamaApi).object())
                           : QJsonValue(QString::fromUtf8(ollamaApi)));
    return {{QLatin1String("schemaVersion"), 1},
            {QLatin1String("instanceId"), QLatin1String("test")},
            {QLatin1String("gateway"), gateway}};
}

} // namespace

class TestOllamaApiSettings : public QObject
{
    Q_OBJECT
private slots:
    void offByDefaultAndLeftOutOfTheFile()
    {
        auto c = Config::fromJson(configWith({}));
        QVERIFY2(c, qPrintable(c.error()));
        QVERIFY(!c->gateway.ollamaApi.enabled);
        QVERIFY(!c->toJson()
                     .value(QLatin1String("gateway"))
                     .toObject()
                     .contains(QLatin1String("ollamaApi")));
    }

    void read_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("on") << QByteArray(
                                   R"({"enabled":true,"port":11435,"keyConfiguration":"team"})")
                            << "";
        QTest::newRow("off with a port kept")
            << QByteArray(R"({"enabled":false,"port":11435})") << "";
        QTest::newRow("enabled not a bool")
            << QByteArray(R"({"enabled":"yes","port":11435})")
            << "\"gateway.ollamaApi.enabled\" must be true or false.";
        QTest::newRow("port a string")
            << QByteArray(R"({"enabled":true,"port":"11435"})")
            << "\"gateway.ollamaApi.port\" must be a port number from 1 to 65535.";
        QTest::newRow("port out of range")
            << QByteArray(R"({"enabled":true,"port":70000})")
            << "\"gateway.ollamaApi.port\" must be a port number from 1 to 65535.";
        QTest::newRow("port a fraction")
            << QByteArray(R"({"enabled":true,"port":11435.5})")
            << "\"gateway.ollamaApi.port\" must be a port number from 1 to 65535.";
        QTest::newRow("enabled without a port")
            << QByteArray(R"({"enabled":true})") << "\"gateway.ollamaApi.port\" is needed";
        QTest::newRow("configuration not a string")
            << QByteArray(R"({"enabled":true,"port":11435,"keyConfiguration":3})")
            << "\"gateway.ollamaApi.keyConfiguration\" must be the name of a key configuration.";
        QTest::newRow("section not an object") << QByteArray("on") << "\"ollamaApi\" must be";
    }
    void read()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        auto c = Config::fromJson(configWith(json));
        if (error.isEmpty()) {
            QVERIFY2(c, qPrintable(c.error()));
            QCOMPARE(c->gateway.ollamaApi.port, quint16{11435});
            // Written back as it was read.
            auto again = Config::fromJson(c->toJson());
            QVERIFY(again);
            QCOMPARE(again->gateway.ollamaApi, c->gateway.ollamaApi);
            return;
        }
        QVERIFY(!c);
        QVERIFY2(c.error().contains(error), qPrintable(c.error()));
    }

    void unknownFieldsAreKept()
    {
        auto c = Config::fromJson(
            configWith(R"({"enabled":true,"port":11435,"bindAll":false,"future":{"x":1}})"));
        QVERIFY2(c, qPrintable(c.error()));
        const QJsonObject written = c->toJson()
                                        .value(QLatin1String("gateway"))
                                        .toObject()
                                        .value(QLatin1String("ollamaApi"))
                                        .toObject();
        QCOMPARE(
            written.value(QLatin1String("future")).toObject().value(QLatin1String("x")).toInt(), 1);
        QVERIFY(written.contains(QLatin1String("bindAll")));
        // Applying new settings keeps them too.
        OllamaApiSettings wanted = c->gateway.ollamaApi;
        wanted.enabled = false;
        wanted.otherFields = {};
        QVERIFY(OllamaApiSettings::apply(c.value(), wanted));
        QVERIFY(c->gateway.ollamaApi.otherFields.contains(QLatin1String("future")));
    }

    void applyChecksAgainstTheConfig()
    {
        Config c;
        c.gateway.port = 4777;
        KeyConfiguration team;
        team.name = QStringLiteral("team");
        c.keyConfigurations.append(team);
        OllamaApiSettings s;
        s.enabled = true;
        s.port = 4777;
        Status st = OllamaApiSettings::apply(c, s);
        QVERIFY(!st);
        QVERIFY(st.error().contains(QLatin1String("the gateway's own port")));
        s.port = 0;
        QVERIFY(!OllamaApiSettings::apply(c, s));
        s.port = 11435;
        s.keyConfiguration = QStringLiteral("nope");
        st = OllamaApiSettings::apply(c, s);
        QVERIFY(!st);
        QVERIFY(st.error().contains(QLatin1String("no key configuration \"nope\"")));
        QVERIFY(!c.gateway.ollamaApi.enabled);
        s.keyConfiguration = QStringLiteral("team");
        QVERIFY(OllamaApiSettings::apply(c, s));
        QCOMPARE(c.gateway.ollamaApi, s);
        // "default" exists even when not defined: it allows everything.
        s.keyConfiguration = QStringLiteral("default");
        QVERIFY(OllamaApiSettings::apply(c, s));
        const KeyConfiguration *open =
            OllamaApiSettings::configurationIn(c.keyConfigurations, QStringLiteral("default"));
        QVERIFY(open);
        QVERIFY(open->allow.isEmpty());
        QCOMPARE(OllamaApiSettings::configurationIn(c.keyConfigurations, QStringLiteral("team")),
                 &c.keyConfigurations.first());
        QVERIFY(!OllamaApiSettings::configurationIn(c.keyConfigurations, QStringLiteral("gone")));
        // Turning it off needs no free port nor existing configuration.
        s.enabled = false;
        s.keyConfiguration = QStringLiteral("gone");
        QVERIFY(OllamaApiSettings::apply(c, s));
    }
};

QTEST_GUILESS_MAIN(TestOllamaApiSettings)
#include "tst_ollamaapisettings.moc"
