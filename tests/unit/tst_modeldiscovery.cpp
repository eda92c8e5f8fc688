#include "surfaces/SurfaceAdapter.h"

#include <QTest>

using namespace gatehouse;

class TestModelDiscovery : public QObject
{
    Q_OBJECT
private slots:
    void parseModelList_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("models");
        QTest::newRow("openai") << QByteArray("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\","
                                              "\"object\":\"model\"},{\"id\":\"o3\"}]}")
                                << QStringList{QStringLiteral("gpt-4o"), QStringLiteral("o3")};
        QTest::newRow("ollama tags with colons")
            << QByteArray("{\"data\":[{\"id\":\"llama3.2:3b\",\"owned_by\":\"library\"}]}")
            << QStringList{QStringLiteral("llama3.2:3b")};
        QTest::newRow("duplicates and junk dropped")
            << QByteArray("{\"data\":[{\"id\":\"a\"},{\"id\":\"a\"},{\"id\":\"\"},{\"id\":\" "
                          "b\"},{\"x\":1},5]}")
            << QStringList{QStringLiteral("a")};
        QTest::newRow("not a list") << QByteArray("{\"data\":{}}") << QStringList();
        QTest::newRow("not json") << QByteArray("<html>") << QStringList();
    }
    void parseModelList()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, models);
        QCOMPARE(surfaceAdapter(ApiSurface::OpenAi).parseModelList(json), models);
    }
};

QTEST_GUILESS_MAIN(TestModelDiscovery)
#include "tst_modeldiscovery.moc"
