// The measurement behind the choice of HTTP server layer: the same trivial JSON answer from
// Qt 6.4's QHttpServer and from Gatehouse's own HttpServer.
//   gatehouse-httpserver-trial --server qhttpserver|gatehouse --port N
#include "http/HttpExchange.h"
#include "http/HttpHandler.h"
#include "http/HttpServer.h"

#include <QCoreApplication>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <cstdio>

namespace {

const QByteArray body = QByteArrayLiteral("{\"status\":\"ok\"}\n");

class FixedHandler : public gatehouse::HttpHandler
{
public:
    void handleRequest(gatehouse::HttpExchange *exchange) override
    {
        exchange->respond(200, {{"content-type", "application/json"}}, body);
    }
    void handleMalformedRequest(gatehouse::HttpExchange *exchange, int status,
                                const QString &message) override
    {
        exchange->respond(status, {{"content-type", "text/plain"}}, message.toUtf8());
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString kind = args.value(args.indexOf(QStringLiteral("--server")) + 1);
    const quint16 port =
        static_cast<quint16>(args.value(args.indexOf(QStringLiteral("--port")) + 1).toUInt());
    quint16 bound = 0;
    FixedHandler handler;
    if (kind == QLatin1String("qhttpserver")) {
        auto *server = new QHttpServer(&app);
        server->route(QStringLiteral("/healthz"),
                      [] { return QHttpServerResponse("application/json", body); });
        server->route(QStringLiteral("/v1/chat/completions"), QHttpServerRequest::Method::Post,
                      [](const QHttpServerRequest &) {
                          return QHttpServerResponse("application/json", body);
                      });
        bound = server->listen(QHostAddress::LocalHost, port);
    } else {
        auto *server = new gatehouse::HttpServer(&handler, {}, &app);
        bound = server->listen(QHostAddress::LocalHost, port) ? server->serverPort() : 0;
    }
    if (!bound) {
        std::fprintf(stderr, "cannot listen\n");
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%d\n", bound);
    std::fflush(stdout);
    return QCoreApplication::exec();
}
