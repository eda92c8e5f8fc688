#include "gateway/ModelResolver.h"
#include "util/TextMatch.h"

#include <QTest>

using namespace gatehouse;

class TestModelResolver : public QObject
{
    Q_OBJECT
private:
    GatewaySnapshotPtr m_snapshot;

    static Provider provider(const char *id, QStringList models, bool enabled = true)
    {
        Provider p;
        p.id = QString::fromLatin1(id);
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
        p.models = std::move(models);
        p.enabled = enabled;
        return p;
    }

private slots:
    void initTestCase()
    {
        Config c;
        c.providers = {
            provider("my-ollama", {QStringLiteral("llama3.2:3b"), QStringLiteral("qwen2.5-coder")}),
            provider("lmstudio", {QStringLiteral("qwen2.5-coder"), QStringLiteral("phi-4")}),
            provider("openrouter", {}), provider("off", {QStringLiteral("x")}, false)};
        m_snapshot = GatewaySnapshot::build(c, {}, {});
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("provider"); // empty: error expected
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("exact") << "my-ollama:llama3.2:3b"
                               << "my-ollama"
                               << "llama3.2:3b" << 0 << "";
        QTest::newRow("pass-through provider") << "openrouter:meta/llama-3.1"
                                               << "openrouter"
                                               << "meta/llama-3.1" << 0 << "";
        QTest::newRow("bare name, first provider in order") << "qwen2.5-coder"
                                                            << "my-ollama"
                                                            << "qwen2.5-coder" << 0 << "";
        QTest::newRow("bare name, only in second") << "phi-4"
                                                   << "lmstudio"
                                                   << "phi-4" << 0 << "";
        QTest::newRow("unknown provider suggests") << "my-olama:llama3.2:3b"
                                                   << ""
                                                   << "" << 404 << "my-ollama:llama3.2:3b";
        QTest::newRow("unknown model suggests") << "my-ollama:llama3.2:1b"
                                                << ""
                                                << "" << 404 << "my-ollama:llama3.2:3b";
        QTest::newRow("unknown bare name suggests") << "phi4"
                                                    << ""
                                                    << "" << 404 << "lmstudio:phi-4";
        QTest::newRow("nothing close") << "zzzzzzzzzz"
                                       << ""
                                       << "" << 404 << "No provider";
        QTest::newRow("disabled provider") << "off:x"
                                           << ""
                                           << "" << 403 << "disabled";
        QTest::newRow("bare name of disabled provider") << "x"
                                                        << ""
                                                        << "" << 404 << "No provider";
        QTest::newRow("malformed") << "my-ollama:"
                                   << ""
                                   << "" << 400 << "no model";
        // Refused by length before any lookup or suggestion, and without echoing the name.
        QTest::newRow("name over the limit")
            << QStringLiteral("my-ollama:") + QString(300, QLatin1Char('q')) << ""
            << "" << 400 << "at most 256";
        QTest::newRow("bare name over the limit")
            << QString(ModelResolver::maxModelNameLength + 1, QLatin1Char('p')) << ""
            << "" << 400 << "at most 256";
    }
    void resolve()
    {
        QFETCH(QString, requested);
        QFETCH(QString, provider);
        QFETCH(QString, model);
        QFETCH(int, status);
        QFETCH(QString, messageContains);
        const auto r = ModelResolver::resolveAll(requested, *m_snapshot);
        if (!provider.isEmpty()) {
            QVERIFY(std::holds_alternative<QList<ResolvedModel>>(r));
            // The first provider that can serve it, in priority order.
            const ResolvedModel &first = std::get<QList<ResolvedModel>>(r).first();
            QCOMPARE(first.provider->provider.id, provider);
            QCOMPARE(first.upstreamModel, model);
            return;
        }
        QVERIFY(std::holds_alternative<ApiError>(r));
        const ApiError &e = std::get<ApiError>(r);
        QCOMPARE(e.status, status);
        QVERIFY2(e.message.contains(messageContains), qPrintable(e.message));
        QVERIFY(e.message.size() < 400);
    }

    // "Did you mean" costs the product of the lengths: long names get no suggestion.
    void noSuggestionForLongNames()
    {
        const QString longName(maxQueryLength + 40, QLatin1Char('a'));
        QCOMPARE(closeMatches(longName, {longName + QLatin1Char('b')}), QStringList());
        QCOMPARE(closeMatches(QStringLiteral("aaa"), {longName}), QStringList());
        QCOMPARE(closeMatches(QStringLiteral("phi4"), {QStringLiteral("phi-4")}),
                 QStringList{QStringLiteral("phi-4")});
    }

    void editDistance_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("distance");
        QTest::newRow("same") << "abc"
                              << "abc" << 0;
        QTest::newRow("case") << "ABC"
                              << "abc" << 0;
        QTest::newRow("insert") << "abc"
                                << "abxc" << 1;
        QTest::newRow("replace") << "abc"
                                 << "abd" << 1;
        QTest::newRow("empty") << ""
                               << "abc" << 3;
        QTest::newRow("kitten") << "kitten"
                                << "sitting" << 3;
    }
    void editDistance()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, distance);
        QCOMPARE(gatehouse::editDistance(a, b), distance);
    }
};

QTEST_GUILESS_MAIN(TestModelResolver)
#include "tst_modelresolver.moc"
