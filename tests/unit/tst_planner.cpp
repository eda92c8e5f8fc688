// The plan stage: the request's own fallbacks ("models"), taken out of what is sent on, and
// the router's order of targets.
#include "gateway/Planner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gatehouse;

class TestPlanner : public QObject
{
    Q_OBJECT
private:
    GatewaySnapshotPtr snapshot()
    {
        Config c;
        for (const char *id : {"a", "b"}) {
            Provider p;
            p.id = QString::fromLatin1(id);
            p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/v1"));
            c.providers.append(p);
        }
        return GatewaySnapshot::build(c, {}, {});
    }
    RequestContext context(const QByteArray &body)
    {
        RequestContext ctx;
        ctx.snapshot = snapshot();
        ctx.configuration = &ctx.snapshot->configurationOf(AccessKeyEntry{});
        ctx.request = std::get<ModelRequest>(ModelRequest::parseConversation(body));
        return ctx;
    }

private slots:
    void fallbacksAreGatehousesOwn()
    {
        RequestContext ctx = context("{\"model\":\"a:m1\",\"models\":[\"b:m2\"],\"messages\":[{"
                                     "\"role\":\"user\",\"content\":\"x\"}]}");
        Router router;
        const auto plan = Planner::plan(ctx, router);
        QVERIFY(std::holds_alternative<RoutePlan>(plan));
        const RoutePlan &p = std::get<RoutePlan>(plan);
        QCOMPARE(p.targets.size(), 2);
        QCOMPARE(p.targets[0].reference(), QStringLiteral("a:m1"));
        QCOMPARE(p.targets[1].reference(), QStringLiteral("b:m2"));
        // Never sent to a provider.
        QVERIFY(!ctx.request.body.contains(QLatin1String("models")));
        QVERIFY(!ctx.request.raw.contains("\"models\""));
        QCOMPARE(QJsonDocument::fromJson(ctx.request.raw).object(), ctx.request.body);
    }

    void untouchedWithoutFallbacks()
    {
        const QByteArray body =
            "{\"model\":\"a:m1\",  \"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        RequestContext ctx = context(body);
        Router router;
        QVERIFY(std::holds_alternative<RoutePlan>(Planner::plan(ctx, router)));
        QCOMPARE(ctx.request.raw, body); // the client's bytes, as sent
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("param");
        QTest::newRow("fallbacks not names")
            << QByteArray("{\"model\":\"a:m\",\"models\":[1],\"messages\":[{\"role\":\"user\","
                          "\"content\":\"x\"}]}")
            << 400 << "models";
        QTest::newRow("unknown provider")
            << QByteArray(
                   "{\"model\":\"zz:m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}")
            << 404 << "model";
    }
    void refused()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, param);
        RequestContext ctx = context(body);
        Router router;
        const auto plan = Planner::plan(ctx, router);
        QVERIFY(std::holds_alternative<ApiError>(plan));
        QCOMPARE(std::get<ApiError>(plan).status, status);
        if (!param.isEmpty() && status == 400)
            QCOMPARE(std::get<ApiError>(plan).param, param);
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
