// Stored Responses API answers: kept per access key, bounded by count and age, owner-only on
// disk, and still there after a restart.
#include "log/ResponseStore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

namespace {

ResponseStore::Entry entry(const QString &id, const QString &key, qint64 createdMs = -1)
{
    ResponseStore::Entry e;
    e.id = id;
    e.accessKey = key;
    e.createdMs = createdMs >= 0 ? createdMs : QDateTime::currentMSecsSinceEpoch();
    e.input = QJsonArray{QJsonObject{{QLatin1String("id"), QLatin1String("msg_1")},
                                     {QLatin1String("role"), QLatin1String("user")}}};
    e.response = QJsonObject{{QLatin1String("id"), id},
                             {QLatin1String("status"), QLatin1String("completed")}};
    return e;
}

} // namespace

class TestResponseStore : public QObject
{
    Q_OBJECT
private slots:
    void putGetRemove_data()
    {
        QTest::addColumn<bool>("onDisk");
        QTest::newRow("on disk") << true;
        QTest::newRow("in memory") << false;
    }
    void putGetRemove()
    {
        QFETCH(bool, onDisk);
        QTemporaryDir dir;
        ResponseStore store(onDisk ? dir.filePath(QStringLiteral("responses.sqlite")) : QString());
        QVERIFY(store.open());
        QVERIFY(store.put(entry(QStringLiteral("resp_1"), QStringLiteral("alice"))));
        const auto got = store.get(QStringLiteral("resp_1"), QStringLiteral("alice"));
        QVERIFY(got);
        QCOMPARE(got->response.value(QLatin1String("status")).toString(),
                 QStringLiteral("completed"));
        QCOMPARE(got->input.size(), 1);
        // Another key does not see it, nor remove it.
        QVERIFY(!store.get(QStringLiteral("resp_1"), QStringLiteral("bob")));
        QVERIFY(!store.remove(QStringLiteral("resp_1"), QStringLiteral("bob")));
        QVERIFY(store.remove(QStringLiteral("resp_1"), QStringLiteral("alice")));
        QVERIFY(!store.get(QStringLiteral("resp_1"), QStringLiteral("alice")));
        QVERIFY(!store.remove(QStringLiteral("resp_1"), QStringLiteral("alice")));
    }

    void survivesARestartOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("responses.sqlite"));
        {
            ResponseStore store(path);
            QVERIFY(store.open());
            QVERIFY(store.put(entry(QStringLiteral("resp_keep"), QStringLiteral("alice"))));
        }
        QCOMPARE(QFileInfo(path).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        ResponseStore again(path);
        QVERIFY(again.open());
        QVERIFY(again.get(QStringLiteral("resp_keep"), QStringLiteral("alice")));
    }

    void expiresByAge()
    {
        ResponseStore store;
        QVERIFY(store.open());
        const qint64 old = QDateTime::currentMSecsSinceEpoch() - store.maxAgeMs - 1000;
        QVERIFY(store.put(entry(QStringLiteral("resp_old"), QStringLiteral("alice"), old)));
        QVERIFY(!store.get(QStringLiteral("resp_old"), QStringLiteral("alice")));
        QVERIFY(!store.remove(QStringLiteral("resp_old"), QStringLiteral("alice")));
    }

    void boundedByCount_data()
    {
        QTest::addColumn<bool>("onDisk");
        QTest::newRow("on disk") << true;
        QTest::newRow("in memory") << false;
    }
    void boundedByCount()
    {
        QFETCH(bool, onDisk);
        QTemporaryDir dir;
        ResponseStore store(onDisk ? dir.filePath(QStringLiteral("r.sqlite")) : QString());
        store.maxEntries = 50;
        QVERIFY(store.open());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 250; ++i)
            QVERIFY(
                store.put(entry(QStringLiteral("resp_%1").arg(i), QStringLiteral("k"), now + i)));
        QVERIFY(store.count() <= 150); // pruned every 100 writes
        // The newest are kept, the oldest went.
        QVERIFY(store.get(QStringLiteral("resp_249"), QStringLiteral("k")));
        QVERIFY(!store.get(QStringLiteral("resp_0"), QStringLiteral("k")));
    }
};

QTEST_GUILESS_MAIN(TestResponseStore)
#include "tst_responsestore.moc"
