#include "GatehouseProcess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTimer>

namespace gatehouse::test {

QString GatehouseProcess::binary()
{
    return QStringLiteral(GATEHOUSE_BINARY);
}

CommandResult GatehouseProcess::run(const QStringList &args, const QByteArray &input,
                                    const QProcessEnvironment &env, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary(), args);
    CommandResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    // Spin the event loop rather than block: a fake upstream may live in this thread.
    QDeadlineTimer deadline(timeoutMs);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

bool GatehouseProcess::startHeadless(const QStringList &args, const QProcessEnvironment &env)
{
    m_process.setProcessEnvironment(env);
    m_process.start(binary(), QStringList{QStringLiteral("--headless")} + args);
    if (!m_process.waitForStarted(10000))
        return false;
    QByteArray out;
    QDeadlineTimer deadline(10000);
    static const QRegularExpression line(QStringLiteral("^listening on http://[^\\s]+:(\\d+)$"),
                                         QRegularExpression::MultilineOption);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(50);
        out += m_process.readAllStandardOutput();
        const auto match = line.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            return true;
        }
    }
    return false;
}

int GatehouseProcess::terminate()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    m_process.terminate(); // SIGTERM
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

} // namespace gatehouse::test
