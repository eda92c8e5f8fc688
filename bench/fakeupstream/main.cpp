// The benchmark's fake upstream:
//   gatehouse-fake-upstream --port N [--events N] [--interval-ms MS] [--log-requests]
// With --log-requests it prints "request METHOD PATH" for each request it receives, so a test
// can tell whether anything reached it.
#include "FakeUpstream.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (0: any)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption events(QStringLiteral("events"), QStringLiteral("Events per stream."),
                                    QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption interval(QStringLiteral("interval-ms"),
                                      QStringLiteral("Pause between events."), QStringLiteral("MS"),
                                      QStringLiteral("0"));
    const QCommandLineOption logRequests(QStringLiteral("log-requests"),
                                         QStringLiteral("Print each request's method and path."));
    parser.addOptions({port, events, interval, logRequests});
    parser.addHelpOption();
    parser.process(app);
    gatehouse::FakeUpstream upstream;
    upstream.recordRequests = parser.isSet(logRequests);
    QObject::connect(&upstream, &gatehouse::FakeUpstream::requestReceived, &upstream, [&upstream] {
        if (upstream.received.isEmpty())
            return;
        const gatehouse::HttpRequest &request = upstream.received.constLast();
        std::printf("request %s %s\n", request.method.constData(), request.path.constData());
        std::fflush(stdout);
        upstream.received.clear();
    });
    upstream.streamEvents = parser.value(events).toInt();
    upstream.streamIntervalMs = parser.value(interval).toInt();
    if (!upstream.listen(static_cast<quint16>(parser.value(port).toUInt()))) {
        std::fprintf(stderr, "fake upstream: cannot listen\n");
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%d\n", upstream.port());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
