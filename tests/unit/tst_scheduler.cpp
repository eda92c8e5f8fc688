#include "util/Scheduler.h"

#include <QElapsedTimer>
#include <QTest>

using namespace gatehouse;

class TestScheduler : public QObject
{
    Q_OBJECT
private slots:
    // Waits for deadlines and retry-after never end early (a coarse timer may fire 5 % before
    // its time: a 3000 ms wait after 2850 ms). Late is allowed; early is not.
    void waitsNeverEndEarly()
    {
        RealScheduler scheduler;
        QElapsedTimer clock;
        clock.start();
        const QList<qint64> waits{2050, 2400, 3000};
        QList<qint64> firedAt;
        QObject context;
        for (const qint64 ms : waits)
            scheduler.after(ms, &context, [&firedAt, &clock] { firedAt << clock.elapsed(); });
        QTRY_COMPARE_WITH_TIMEOUT(firedAt.size(), waits.size(), 10000);
        for (qsizetype i = 0; i < waits.size(); ++i)
            QVERIFY2(firedAt.at(i) >= waits.at(i),
                     qPrintable(QStringLiteral("%1 ms wait ended after %2 ms")
                                    .arg(waits.at(i))
                                    .arg(firedAt.at(i))));
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
