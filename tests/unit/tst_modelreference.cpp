#include "config/ModelReference.h"

#include <QTest>

using namespace gatehouse;

class TestModelReference : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("model");
        QTest::newRow("provider and model") << "openai:gpt-4o-mini" << true << "openai"
                                            << "gpt-4o-mini";
        QTest::newRow("split at first colon") << "my-ollama:llama3.2:3b" << true << "my-ollama"
                                              << "llama3.2:3b";
        QTest::newRow("many colons") << "p:a:b:c" << true << "p"
                                     << "a:b:c";
        QTest::newRow("bare name") << "gpt-4o" << true << ""
                                   << "gpt-4o";
        QTest::newRow("slash in model") << "openrouter:meta/llama-3" << true << "openrouter"
                                        << "meta/llama-3";
        QTest::newRow("empty") << "" << false << ""
                               << "";
        QTest::newRow("no provider") << ":llama3" << false << ""
                                     << "";
        QTest::newRow("no model") << "my-ollama:" << false << ""
                                  << "";
        QTest::newRow("leading space") << " openai:gpt-4o" << false << ""
                                       << "";
        QTest::newRow("trailing space") << "openai:gpt-4o " << false << ""
                                        << "";
        QTest::newRow("control char") << QStringLiteral("openai:gpt\n4o") << false << ""
                                      << "";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, provider);
        QFETCH(QString, model);
        const auto ref = ModelReference::parse(text);
        QCOMPARE(ref.ok(), valid);
        if (!valid) {
            QVERIFY(!ref.error().isEmpty());
            return;
        }
        QCOMPARE(ref->provider, provider);
        QCOMPARE(ref->model, model);
        QCOMPARE(ref->toString(), text);
    }
};

QTEST_GUILESS_MAIN(TestModelReference)
#include "tst_modelreference.moc"
