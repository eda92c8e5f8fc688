#include "config/AccessKey.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace gatehouse;

class TestAccessKeys : public QObject
{
    Q_OBJECT
private slots:
    void createdKeyHasPrefixAndEnoughRandomness()
    {
        const QDateTime now =
            QDateTime::fromString(QStringLiteral("2026-01-02T03:04:05Z"), Qt::ISODate);
        const auto c = AccessKeys::create(QStringLiteral("editor"), systemRandomBytes, now);
        QVERIFY(c.key.startsWith(QLatin1String("ghk_")));
        // 32 random bytes in unpadded base64url: 43 characters after the prefix.
        QVERIFY(
            QRegularExpression(QStringLiteral("^ghk_[A-Za-z0-9_-]{43}$")).match(c.key).hasMatch());
        QCOMPARE(c.record.name, QStringLiteral("editor"));
        QCOMPARE(c.record.created, now);
        QVERIFY(c.record.isActive());
        QCOMPARE(c.record.hash, AccessKeys::hashOf(c.key.toLatin1()));
        QCOMPARE(c.record.hash.size(), 32);
        // The hint identifies the key but does not contain it.
        QVERIFY(c.record.hint.startsWith(c.key.left(8)));
        QVERIFY(c.record.hint.size() < 16);
    }

    void keysAreUnique()
    {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i)
            seen.insert(AccessKeys::create(QStringLiteral("k"), systemRandomBytes,
                                           QDateTime::currentDateTimeUtc())
                            .key);
        QCOMPARE(seen.size(), 200);
    }

    void usesTheGivenRandomSource()
    {
        const RandomSource zeros = [](int n) { return QByteArray(n, '\0'); };
        const auto c =
            AccessKeys::create(QStringLiteral("k"), zeros, QDateTime::currentDateTimeUtc());
        QCOMPARE(c.key, QStringLiteral("ghk_") + QString(43, QLatin1Char('A')));
    }

    void recordNeverContainsTheKey()
    {
        const auto c = AccessKeys::create(QStringLiteral("k"), systemRandomBytes,
                                          QDateTime::currentDateTimeUtc());
        const QByteArray json = QJsonDocument(c.record.toJson()).toJson();
        QVERIFY(!json.contains(c.key.toLatin1()));
        QVERIFY(!json.contains(c.key.mid(4, 20).toLatin1()));
        const auto back = AccessKeyRecord::fromJson(c.record.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back->hash, c.record.hash);
    }

    void constantTimeEquals_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("abcdef") << QByteArray("abcdef") << true;
        QTest::newRow("last differs") << QByteArray("abcdef") << QByteArray("abcdeg") << false;
        QTest::newRow("first differs") << QByteArray("abcdef") << QByteArray("bbcdef") << false;
        QTest::newRow("length differs") << QByteArray("abc") << QByteArray("abcd") << false;
        QTest::newRow("empty") << QByteArray() << QByteArray() << true;
    }
    void constantTimeEquals()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(AccessKeys::constantTimeEquals(a, b), equal);
    }

    void validateName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("word") << "editor" << true;
        QTest::newRow("dots dashes") << "vs-code.work_1" << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("space") << "my key" << false;
        QTest::newRow("too long") << QString(65, QLatin1Char('a')) << false;
        QTest::newRow("leading dash") << "-x" << false;
    }
    void validateName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(AccessKeys::validateName(name).ok(), valid);
    }
};

QTEST_GUILESS_MAIN(TestAccessKeys)
#include "tst_accesskeys.moc"
