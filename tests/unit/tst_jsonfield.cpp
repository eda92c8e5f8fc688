#include "gateway/JsonField.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;

class TestJsonField : public QObject
{
    Q_OBJECT
private slots:
    void replaceModel_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QByteArray>("expected"); // after replacing model with "llama3.2:3b"
        QTest::newRow("simple") << QByteArray("{\"model\":\"p:llama3.2:3b\",\"messages\":[]}")
                                << true
                                << QByteArray("{\"model\":\"llama3.2:3b\",\"messages\":[]}");
        QTest::newRow("spaces kept")
            << QByteArray("{ \"messages\" : [ ] ,\n \"model\" : \"p:m\" }") << true
            << QByteArray("{ \"messages\" : [ ] ,\n \"model\" : \"llama3.2:3b\" }");
        QTest::newRow("nested model ignored")
            << QByteArray("{\"x\":{\"model\":\"a\"},\"model\":\"p:m\",\"n\":1e400}") << true
            << QByteArray("{\"x\":{\"model\":\"a\"},\"model\":\"llama3.2:3b\",\"n\":1e400}");
        QTest::newRow("strings with braces")
            << QByteArray("{\"s\":\"}{\\\"model\\\":\",\"model\":\"p:m\"}") << true
            << QByteArray("{\"s\":\"}{\\\"model\\\":\",\"model\":\"llama3.2:3b\"}");
        QTest::newRow("model in array")
            << QByteArray("{\"a\":[{\"model\":1},\"model\"],\"model\":\"p:m\"}") << true
            << QByteArray("{\"a\":[{\"model\":1},\"model\"],\"model\":\"llama3.2:3b\"}");
        QTest::newRow("escaped value") << QByteArray("{\"model\":\"p:\\u006d\"}") << true
                                       << QByteArray("{\"model\":\"llama3.2:3b\"}");
        QTest::newRow("duplicate key")
            << QByteArray("{\"model\":\"a\",\"model\":\"b\"}") << false << QByteArray();
        QTest::newRow("escaped key")
            << QByteArray("{\"mod\\u0065l\":\"p:m\"}") << false << QByteArray();
        QTest::newRow("not a string") << QByteArray("{\"model\":5}") << false << QByteArray();
        QTest::newRow("absent") << QByteArray("{\"messages\":[]}") << false << QByteArray();
        QTest::newRow("empty object") << QByteArray("{}") << false << QByteArray();
    }
    void replaceModel()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, found);
        QFETCH(QByteArray, expected);
        const auto span = JsonField::findTopLevelString(json, "model");
        QCOMPARE(span.found(), found);
        if (!found)
            return;
        const QByteArray out = JsonField::replace(json, span, QStringLiteral("llama3.2:3b"));
        QCOMPARE(out, expected);
        QVERIFY(!QJsonDocument::fromJson(out).isNull() || json.contains("1e400"));
    }

    void quote_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QStringLiteral("gpt-4o");
        QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c");
        QTest::newRow("controls") << QStringLiteral("a\nb\tc\x01");
        QTest::newRow("unicode") << QStringLiteral("modèle-日本");
    }
    void quote()
    {
        QFETCH(QString, value);
        const QByteArray json = "{\"v\":" + JsonField::quote(value) + "}";
        QCOMPARE(QJsonDocument::fromJson(json).object().value(QLatin1String("v")).toString(),
                 value);
    }
};

QTEST_GUILESS_MAIN(TestJsonField)
#include "tst_jsonfield.moc"
