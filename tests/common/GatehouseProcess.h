#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>

namespace gatehouse::test {

// Runs the real gatehouse binary, as a user or a script would.
struct CommandResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

class GatehouseProcess
{
public:
    static QString binary();
    // Runs a command to completion; `input` goes to its standard input.
    static CommandResult
    run(const QStringList &args, const QByteArray &input = {},
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
        int timeoutMs = 30000);

    // Starts "gatehouse --headless" and waits for its "listening on" line.
    bool startHeadless(const QStringList &args,
                       const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    quint16 port() const { return m_port; }
    QProcess &process() { return m_process; }
    // Sends SIGTERM and waits; returns the exit code.
    int terminate();

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace gatehouse::test
