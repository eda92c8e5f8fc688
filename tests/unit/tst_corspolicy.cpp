#include "gateway/CorsPolicy.h"

#include <QTest>

using namespace gatehouse;

namespace {

QList<QByteArray> names(const QByteArray &list)
{
    QList<QByteArray> out;
    for (const QByteArray &part : list.split(','))
        out.append(part.trimmed());
    return out;
}

} // namespace

class TestCorsPolicy : public QObject
{
    Q_OBJECT
private slots:
    void requestHeaders_data()
    {
        QTest::addColumn<QByteArray>("requested");
        QTest::addColumn<QList<QByteArray>>("allowed");
        QTest::addColumn<QList<QByteArray>>("refused");
        // What Chromium asks for before the SDKs' calls (lower case, sorted, comma-separated).
        QTest::newRow("openai")
            << QByteArray("authorization,content-type,x-stainless-arch,x-stainless-lang,"
                          "x-stainless-os,x-stainless-package-version,x-stainless-retry-count,"
                          "x-stainless-runtime,x-stainless-runtime-version,x-stainless-timeout")
            << QList<QByteArray>{"authorization", "content-type", "x-stainless-arch",
                                 "x-stainless-retry-count", "x-stainless-timeout"}
            << QList<QByteArray>{};
        QTest::newRow("anthropic")
            << QByteArray("anthropic-dangerous-direct-browser-access,anthropic-version,"
                          "content-type,x-api-key,x-stainless-helper-method")
            << QList<QByteArray>{"anthropic-dangerous-direct-browser-access", "anthropic-version",
                                 "anthropic-beta", "x-api-key", "x-stainless-helper-method"}
            << QList<QByteArray>{};
        QTest::newRow("google") << QByteArray("content-type,x-goog-api-client,x-goog-api-key")
                                << QList<QByteArray>{"x-goog-api-key", "x-goog-api-client",
                                                     "x-goog-user-project", "x-server-timeout"}
                                << QList<QByteArray>{};
        QTest::newRow("new members of the SDKs' families are echoed")
            << QByteArray("X-Stainless-Poll-Helper, openai-poll-after-ms ,anthropic-workspace-id,"
                          "x-goog-upload-protocol")
            << QList<QByteArray>{"x-stainless-poll-helper", "openai-poll-after-ms",
                                 "anthropic-workspace-id", "x-goog-upload-protocol"}
            << QList<QByteArray>{};
        QTest::newRow("other headers are not")
            << QByteArray(
                   "cookie,x-forwarded-for,x-custom,x-stainless-,x-goog-\t,proxy-authorization")
            << QList<QByteArray>{}
            << QList<QByteArray>{"cookie",       "x-forwarded-for", "x-custom",
                                 "x-stainless-", "x-goog-",         "proxy-authorization"};
        QTest::newRow("odd characters are not")
            << QByteArray("x-stainless-a\r\nset-cookie: a=b,x-stainless-\xc3\xa9,x-goog-a b")
            << QList<QByteArray>{}
            << QList<QByteArray>{"x-stainless-a\r\nset-cookie: a=b", "set-cookie",
                                 "x-stainless-\xc3\xa9", "x-goog-a b"};
        QTest::newRow("nothing requested")
            << QByteArray() << QList<QByteArray>{"authorization", "x-api-key"}
            << QList<QByteArray>{};
    }
    void requestHeaders()
    {
        QFETCH(QByteArray, requested);
        QFETCH(QList<QByteArray>, allowed);
        QFETCH(QList<QByteArray>, refused);
        const QByteArray value = CorsPolicy::allowedRequestHeaders(requested);
        const QList<QByteArray> list = names(value);
        for (const QByteArray &name : allowed)
            QVERIFY2(list.contains(name), name.constData());
        for (const QByteArray &name : refused)
            QVERIFY2(!list.contains(name), name.constData());
        QVERIFY(!value.contains('\r') && !value.contains('\n'));
        QCOMPARE(list.size(), QSet<QByteArray>(list.begin(), list.end()).size());
    }

    void echoIsBounded()
    {
        QByteArray requested;
        for (int i = 0; i < 1000; ++i)
            requested += "x-stainless-h" + QByteArray::number(i) + ',';
        const QList<QByteArray> list = names(CorsPolicy::allowedRequestHeaders(requested));
        QVERIFY(list.contains("x-stainless-h0"));
        QVERIFY(!list.contains("x-stainless-h999"));
        QVERIFY(list.size() < 100);
    }

    void exposedHeaders()
    {
        const QList<QByteArray> list = names(CorsPolicy::exposedResponseHeaders());
        for (const QByteArray name :
             {"x-request-id", "retry-after", "x-gatehouse-provider", "x-gatehouse-model",
              "x-gatehouse-route", "x-gatehouse-tried", "x-ratelimit-remaining-tokens",
              "anthropic-ratelimit-requests-remaining"})
            QVERIFY2(list.contains(name), name.constData());
    }
};

QTEST_APPLESS_MAIN(TestCorsPolicy)
#include "tst_corspolicy.moc"
