#include "gateway/Authenticator.h"
#include "secrets/MemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse;

class TestAuthenticator : public QObject
{
    Q_OBJECT
private slots:
    void authenticate_data()
    {
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<QString>("expected"); // key name, or empty for 401
        QTest::newRow("bearer") << QByteArray("authorization") << QByteArray("Bearer %1")
                                << "editor";
        QTest::newRow("bearer lower case")
            << QByteArray("authorization") << QByteArray("bearer %1") << "editor";
        QTest::newRow("x-api-key") << QByteArray("x-api-key") << QByteArray("%1") << "editor";
        QTest::newRow("second key") << QByteArray("x-api-key") << QByteArray("%2") << "cli";
        QTest::newRow("revoked key") << QByteArray("x-api-key") << QByteArray("%3") << "";
        QTest::newRow("wrong key")
            << QByteArray("authorization") << QByteArray("Bearer ghk_nope") << "";
        QTest::newRow("basic auth") << QByteArray("authorization") << QByteArray("Basic %1") << "";
        QTest::newRow("none") << QByteArray() << QByteArray() << "";
        // Google's clients ("?key" stands for the query parameter).
        QTest::newRow("x-goog-api-key")
            << QByteArray("x-goog-api-key") << QByteArray("%1") << "editor";
        QTest::newRow("key query parameter")
            << QByteArray("?key") << QByteArray("alt=sse&key=%2") << "cli";
        QTest::newRow("revoked key in the query")
            << QByteArray("?key") << QByteArray("key=%3") << "";
    }
    void authenticate()
    {
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        QFETCH(QString, expected);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto editor = AccessKeys::create(QStringLiteral("editor"), systemRandomBytes, now);
        const auto cli = AccessKeys::create(QStringLiteral("cli"), systemRandomBytes, now);
        auto revoked = AccessKeys::create(QStringLiteral("old"), systemRandomBytes, now);
        revoked.record.revoked = now;
        Config c;
        c.accessKeys = {editor.record, cli.record, revoked.record};
        const auto snapshot = GatewaySnapshot::build(c, {}, {});

        HttpRequest request;
        if (!headerName.isEmpty()) {
            QByteArray value = headerValue;
            value.replace("%1", editor.key.toLatin1())
                .replace("%2", cli.key.toLatin1())
                .replace("%3", revoked.key.toLatin1());
            if (headerName == "?key")
                request.query = value;
            else
                request.headers.append({headerName, value});
        }
        const auto result = Authenticator::authenticate(request, *snapshot);
        if (expected.isEmpty()) {
            QVERIFY(std::holds_alternative<ApiError>(result));
            QCOMPARE(std::get<ApiError>(result).status, 401);
        } else {
            QVERIFY(std::holds_alternative<QString>(result));
            QCOMPARE(std::get<QString>(result), expected);
        }
    }

    void memorySecretStoreAnswersAsynchronously()
    {
        MemorySecretStore store;
        bool called = false;
        SecretResult result;
        store.write(QStringLiteral("k"), "v", [&](const SecretResult &r) {
            called = true;
            result = r;
        });
        QVERIFY(!called); // never from inside the call
        QTRY_VERIFY(called);
        QVERIFY(result.ok());
        called = false;
        store.read(QStringLiteral("k"), [&](const SecretResult &r) {
            called = true;
            result = r;
        });
        QTRY_VERIFY(called);
        QCOMPARE(result.value, QByteArray("v"));
        called = false;
        store.remove(QStringLiteral("k"), [&](const SecretResult &) { called = true; });
        QTRY_VERIFY(called);
        called = false;
        store.read(QStringLiteral("k"), [&](const SecretResult &r) {
            called = true;
            result = r;
        });
        QTRY_VERIFY(called);
        QCOMPARE(result.error, SecretResult::Error::NotFound);
        store.setFailure(SecretResult::Error::NoBackend, QStringLiteral("no keychain"));
        called = false;
        store.write(QStringLiteral("k"), "v", [&](const SecretResult &r) {
            called = true;
            result = r;
        });
        QTRY_VERIFY(called);
        QCOMPARE(result.error, SecretResult::Error::NoBackend);
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
