#include "gateway/ModelRequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gatehouse;

class TestModelRequest : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status"); // 0: valid
        QTest::addColumn<QString>("param");
        QTest::newRow("minimal")
            << QByteArray(
                   "{\"model\":\"p:m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
            << 0 << "";
        QTest::newRow("stream") << QByteArray("{\"model\":\"p:m\",\"stream\":true,\"messages\":[{"
                                              "\"role\":\"user\",\"content\":\"hi\"}]}")
                                << 0 << "";
        QTest::newRow("unknown fields kept")
            << QByteArray("{\"model\":\"p:m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]"
                          ",\"x_custom\":{\"a\":1}}")
            << 0 << "";
        QTest::newRow("empty body") << QByteArray("") << 400 << "";
        QTest::newRow("not json") << QByteArray("{model:") << 400 << "";
        QTest::newRow("array") << QByteArray("[1]") << 400 << "";
        QTest::newRow("no model") << QByteArray(
                                         "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                                  << 400 << "model";
        QTest::newRow("model number")
            << QByteArray("{\"model\":3,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
            << 400 << "model";
        QTest::newRow("model empty")
            << QByteArray("{\"model\":\"\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
            << 400 << "model";
        QTest::newRow("no messages") << QByteArray("{\"model\":\"p:m\"}") << 400 << "messages";
        QTest::newRow("messages object")
            << QByteArray("{\"model\":\"p:m\",\"messages\":{}}") << 400 << "messages";
        QTest::newRow("messages empty")
            << QByteArray("{\"model\":\"p:m\",\"messages\":[]}") << 400 << "messages";
        QTest::newRow("message not object")
            << QByteArray("{\"model\":\"p:m\",\"messages\":[\"hi\"]}") << 400 << "messages[0]";
        QTest::newRow("message without role")
            << QByteArray("{\"model\":\"p:m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{"
                          "\"content\":\"hi\"}]}")
            << 400 << "messages[1].role";
        QTest::newRow("stream not bool")
            << QByteArray("{\"model\":\"p:m\",\"stream\":\"yes\",\"messages\":[{\"role\":\"user\","
                          "\"content\":\"hi\"}]}")
            << 400 << "stream";
    }
    void parse()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, param);
        const auto r = ModelRequest::parseConversation(body);
        if (status == 0) {
            QVERIFY(std::holds_alternative<ModelRequest>(r));
            const auto &req = std::get<ModelRequest>(r);
            QCOMPARE(req.model, QStringLiteral("p:m"));
            QCOMPARE(req.stream, body.contains("\"stream\":true"));
            if (body.contains("x_custom"))
                QCOMPARE(req.body.value(QLatin1String("x_custom"))
                             .toObject()
                             .value(QLatin1String("a"))
                             .toInt(),
                         1);
            return;
        }
        QVERIFY(std::holds_alternative<ApiError>(r));
        const ApiError &e = std::get<ApiError>(r);
        QCOMPARE(e.status, status);
        QCOMPARE(e.param, param);
        QCOMPARE(e.type, QStringLiteral("invalid_request_error"));
        QVERIFY(!e.message.isEmpty());
    }

    void errorBodyHasOpenAiShape()
    {
        const ApiError e = ApiError::badRequest(QStringLiteral("bad"), QStringLiteral("model"),
                                                QStringLiteral("c"));
        const QJsonObject o = QJsonDocument::fromJson(e.toOpenAiBody())
                                  .object()
                                  .value(QLatin1String("error"))
                                  .toObject();
        QCOMPARE(o.value(QLatin1String("message")).toString(), QStringLiteral("bad"));
        QCOMPARE(o.value(QLatin1String("type")).toString(),
                 QStringLiteral("invalid_request_error"));
        QCOMPARE(o.value(QLatin1String("param")).toString(), QStringLiteral("model"));
        QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("c"));
        const QJsonObject n =
            QJsonDocument::fromJson(ApiError::unauthorized(QStringLiteral("x")).toOpenAiBody())
                .object()
                .value(QLatin1String("error"))
                .toObject();
        QVERIFY(n.value(QLatin1String("param")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestModelRequest)
#include "tst_modelrequest.moc"
