// The endpoint stage: path patterns with parameters (Gemini's "models/{model}:{method}"
// splits at the last colon), and which registered endpoint a request is for.
#include "gateway/EndpointTable.h"
#include "gateway/Gateway.h"

#include <QTest>

using namespace gatehouse;

Q_DECLARE_METATYPE(gatehouse::PathParams)

class TestEndpointTable : public QObject
{
    Q_OBJECT
private slots:
    void pattern_data()
    {
        QTest::addColumn<QByteArray>("pattern");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("matches");
        QTest::addColumn<PathParams>("params");
        QTest::newRow("literal") << QByteArray("/v1/models") << QByteArray("/v1/models") << true
                                 << PathParams{};
        QTest::newRow("literal, other path")
            << QByteArray("/v1/models") << QByteArray("/v1/model") << false << PathParams{};
        QTest::newRow("longer path")
            << QByteArray("/v1/models") << QByteArray("/v1/models/x") << false << PathParams{};
        QTest::newRow("parameter")
            << QByteArray("/v1/responses/{id}") << QByteArray("/v1/responses/resp_1") << true
            << PathParams{{QStringLiteral("id"), QStringLiteral("resp_1")}};
        QTest::newRow("empty parameter") << QByteArray("/v1/responses/{id}")
                                         << QByteArray("/v1/responses/") << false << PathParams{};
        QTest::newRow("parameter then literal")
            << QByteArray("/v1/responses/{id}/input_items")
            << QByteArray("/v1/responses/resp_9/input_items") << true
            << PathParams{{QStringLiteral("id"), QStringLiteral("resp_9")}};
        QTest::newRow("percent-encoded parameter")
            << QByteArray("/v1/responses/{id}") << QByteArray("/v1/responses/a%20b") << true
            << PathParams{{QStringLiteral("id"), QStringLiteral("a b")}};
        QTest::newRow("split at the last colon")
            << QByteArray("/v1beta/models/{model}:{method}")
            << QByteArray("/v1beta/models/my-ollama:llama3.2:3b:generateContent") << true
            << PathParams{{QStringLiteral("model"), QStringLiteral("my-ollama:llama3.2:3b")},
                          {QStringLiteral("method"), QStringLiteral("generateContent")}};
        QTest::newRow("split: no colon")
            << QByteArray("/v1beta/models/{model}:{method}") << QByteArray("/v1beta/models/gemini")
            << false << PathParams{};
        QTest::newRow("split: empty method")
            << QByteArray("/v1beta/models/{model}:{method}") << QByteArray("/v1beta/models/gemini:")
            << false << PathParams{};
        QTest::newRow("literal method")
            << QByteArray("/v1beta/models/{model}:generateContent")
            << QByteArray("/v1beta/models/my-ollama:llama3.2:3b:generateContent") << true
            << PathParams{{QStringLiteral("model"), QStringLiteral("my-ollama:llama3.2:3b")}};
        QTest::newRow("literal method, another method")
            << QByteArray("/v1beta/models/{model}:generateContent")
            << QByteArray("/v1beta/models/gem:x:streamGenerateContent") << false << PathParams{};
        QTest::newRow("literal method, model ending in it")
            << QByteArray("/v1beta/models/{model}:countTokens")
            << QByteArray("/v1beta/models/countTokens") << false << PathParams{};
        QTest::newRow("not absolute")
            << QByteArray("/v1/models") << QByteArray("v1/models") << false << PathParams{};
    }
    void pattern()
    {
        QFETCH(QByteArray, pattern);
        QFETCH(QByteArray, path);
        QFETCH(bool, matches);
        QFETCH(PathParams, params);
        const PathPattern p(pattern.constData());
        const auto got = p.match(path);
        QCOMPARE(got.has_value(), matches);
        if (matches)
            QCOMPARE(*got, params);
    }

    void match()
    {
        const EndpointTable &table = EndpointTable::standard();
        auto found = table.match("POST", "/v1/responses");
        QVERIFY(std::holds_alternative<EndpointTable::Match>(found));
        const EndpointSpec *spec = std::get<EndpointTable::Match>(found).spec;
        QCOMPARE(spec->surface, ApiSurface::Responses);
        QVERIFY(spec->isModelCall());

        found = table.match("DELETE", "/v1/responses/resp_1");
        QVERIFY(std::holds_alternative<EndpointTable::Match>(found));
        QCOMPARE(std::get<EndpointTable::Match>(found).params.value(QStringLiteral("id")),
                 QStringLiteral("resp_1"));

        // HEAD is answered where GET is.
        QVERIFY(std::holds_alternative<EndpointTable::Match>(table.match("HEAD", "/healthz")));

        // A known path with the wrong method names the methods that work.
        found = table.match("PUT", "/v1/responses/resp_1");
        QVERIFY(std::holds_alternative<ApiError>(found));
        QCOMPARE(std::get<ApiError>(found).status, 405);
        QVERIFY(std::get<ApiError>(found).message.contains(QLatin1String("GET or DELETE")));

        // Gemini: the method after the model's last colon picks the endpoint.
        found = table.match("POST", "/v1beta/models/my-ollama:llama3.2:3b:streamGenerateContent");
        QVERIFY(std::holds_alternative<EndpointTable::Match>(found));
        spec = std::get<EndpointTable::Match>(found).spec;
        QCOMPARE(spec->surface, ApiSurface::Gemini);
        QCOMPARE(spec->errorShape, ApiShape::Gemini);
        QCOMPARE(QByteArray(spec->logName), QByteArray("streamGenerateContent"));
        QCOMPARE(std::get<EndpointTable::Match>(found).params.value(QStringLiteral("model")),
                 QStringLiteral("my-ollama:llama3.2:3b"));
        found = table.match("POST", "/v1/models/gem:m:countTokens");
        QCOMPARE(std::get<EndpointTable::Match>(found).spec->operation,
                 std::optional<Operation>(Operation::CountTokens));
        found = table.match("GET", "/v1beta/models/gem:m");
        QCOMPARE(std::get<EndpointTable::Match>(found).params.value(QStringLiteral("model")),
                 QStringLiteral("gem:m"));

        found = table.match("GET", "/v1/nothing");
        QCOMPARE(std::get<ApiError>(found).status, 404);
        QCOMPARE(std::get<ApiError>(found).code, QStringLiteral("unknown_endpoint"));
    }

    // Every model endpoint declares what it needs: a parser, a handler, a log name, and a
    // surface whose adapter renders its answers.
    void everyEndpointIsComplete()
    {
        for (const EndpointSpec &spec : EndpointTable::standard().specs()) {
            QVERIFY2(spec.handler, qPrintable(spec.path.text()));
            if (spec.isModelCall()) {
                QVERIFY2(spec.parse, qPrintable(spec.path.text()));
                QVERIFY2(spec.logName, qPrintable(spec.path.text()));
            }
        }
        QCOMPARE(EndpointTable::standard().shapeFor("/v1/messages/count_tokens"),
                 ApiShape::Anthropic);
        QCOMPARE(EndpointTable::standard().shapeFor("/v1/unknown"), ApiShape::OpenAi);
        QCOMPARE(EndpointTable::standard().shapeFor("/v1beta/unknown"), ApiShape::Gemini);
    }
};

QTEST_GUILESS_MAIN(TestEndpointTable)
#include "tst_endpointtable.moc"
