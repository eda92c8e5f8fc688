#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <limits>
#include <map>

namespace gatehouse {

// Time for deadlines, backoff and cooling-off: the real clock, or one a test moves by hand
// (ManualScheduler), so that tests of waiting never sleep.
class Scheduler
{
public:
    virtual ~Scheduler() = default;
    // Milliseconds on a monotonic clock.
    virtual qint64 nowMs() const = 0;
    // Runs `task` once `ms` have passed, unless `context` is gone by then.
    virtual void after(qint64 ms, QObject *context, std::function<void()> task) = 0;
};

class RealScheduler : public Scheduler
{
public:
    RealScheduler() { m_clock.start(); }
    qint64 nowMs() const override { return m_clock.elapsed(); }
    void after(qint64 ms, QObject *context, std::function<void()> task) override
    {
        // Precise: a coarse timer may fire up to 5 % early, and a wait for a deadline or a
        // retry-after must never end before its time.
        QTimer::singleShot(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())),
                           Qt::PreciseTimer, context, std::move(task));
    }

private:
    QElapsedTimer m_clock;
};

// A clock that stands still until advance() moves it, running what fell due on the way.
class ManualScheduler : public Scheduler
{
public:
    qint64 nowMs() const override { return m_now; }
    void after(qint64 ms, QObject *context, std::function<void()> task) override
    {
        m_tasks.emplace(m_now + std::max<qint64>(0, ms),
                        Task{QPointer<QObject>(context), std::move(task)});
    }
    void advance(qint64 ms)
    {
        const qint64 until = m_now + ms;
        while (!m_tasks.empty() && m_tasks.begin()->first <= until) {
            auto it = m_tasks.begin();
            m_now = std::max(m_now, it->first);
            Task task = std::move(it->second);
            m_tasks.erase(it);
            if (task.context)
                task.run();
        }
        m_now = until;
    }
    int pending() const { return static_cast<int>(m_tasks.size()); }

private:
    struct Task
    {
        QPointer<QObject> context;
        std::function<void()> run;
    };
    qint64 m_now = 1'000'000;
    std::multimap<qint64, Task> m_tasks;
};

} // namespace gatehouse
