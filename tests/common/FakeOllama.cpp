#include "FakeOllama.h"

#include "http/HttpExchange.h"
#include "http/HttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace gatehouse {

namespace {

const HttpHeaders jsonHeaders{{"content-type", "application/json; charset=utf-8"}};

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(const QString &message)
{
    return compact({{QStringLiteral("error"), message}});
}

QJsonObject details(const FakeOllama::Model &m)
{
    return {{QStringLiteral("parent_model"), QString()},
            {QStringLiteral("format"), QStringLiteral("gguf")},
            {QStringLiteral("family"), m.family},
            {QStringLiteral("families"), QJsonArray{m.family}},
            {QStringLiteral("parameter_size"), m.parameterSize},
            {QStringLiteral("quantization_level"), m.quantization}};
}

} // namespace

FakeOllama::FakeOllama(QObject *parent) : QObject(parent)
{
    m_server = new HttpServer(this, HttpServer::Settings{}, this);
}

FakeOllama::~FakeOllama() = default;

QList<FakeOllama::Model> FakeOllama::sampleModels()
{
    return {
        {QStringLiteral("llama3.1:8b"),
         4'920'753'328,
         QStringLiteral("llama"),
         QStringLiteral("8.0B"),
         QStringLiteral("Q4_K_M"),
         131072,
         {QStringLiteral("completion"), QStringLiteral("tools")},
         true},
        {QStringLiteral("gemma3:4b"),
         3'338'801'804,
         QStringLiteral("gemma3"),
         QStringLiteral("4.3B"),
         QStringLiteral("Q4_K_M"),
         131072,
         {QStringLiteral("completion"), QStringLiteral("vision")},
         false},
        {QStringLiteral("nomic-embed-text:latest"),
         274'302'450,
         QStringLiteral("nomic-bert"),
         QStringLiteral("137M"),
         QStringLiteral("F16"),
         2048,
         {QStringLiteral("embedding")},
         false},
    };
}

bool FakeOllama::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 FakeOllama::port() const
{
    return m_server->serverPort();
}

QString FakeOllama::rootUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

QString FakeOllama::baseUrl() const
{
    return rootUrl() + QStringLiteral("/v1");
}

void FakeOllama::handleMalformedRequest(HttpExchange *exchange, int status, const QString &message)
{
    exchange->respond(status, {{"content-type", "text/plain"}}, message.toUtf8());
}

void FakeOllama::handleRequest(HttpExchange *exchange)
{
    const HttpRequest &r = exchange->request();
    if (r.method == "GET" && r.path == "/") {
        exchange->respond(200, {{"content-type", "text/plain; charset=utf-8"}},
                          "Ollama is running");
    } else if (r.method == "GET" && r.path == "/api/tags") {
        QJsonArray list;
        for (const Model &m : models)
            list.append(QJsonObject{{QStringLiteral("name"), m.name},
                                    {QStringLiteral("model"), m.name},
                                    {QStringLiteral("modified_at"),
                                     QStringLiteral("2026-11-02T10:00:00.123456789+01:00")},
                                    {QStringLiteral("size"), double(m.size)},
                                    {QStringLiteral("digest"), QStringLiteral("a80c4f17acd5")},
                                    {QStringLiteral("details"), details(m)}});
        exchange->respond(200, jsonHeaders, compact({{QStringLiteral("models"), list}}));
    } else if (r.method == "GET" && r.path == "/api/ps") {
        QJsonArray list;
        for (const Model &m : models) {
            if (!m.loaded)
                continue;
            list.append(QJsonObject{{QStringLiteral("name"), m.name},
                                    {QStringLiteral("model"), m.name},
                                    {QStringLiteral("size"), double(m.size + 1'000'000'000)},
                                    {QStringLiteral("details"), details(m)},
                                    {QStringLiteral("expires_at"),
                                     QStringLiteral("2026-11-30T18:04:05.123456789+01:00")},
                                    {QStringLiteral("size_vram"), double(m.size + 1'000'000'000)}});
        }
        exchange->respond(200, jsonHeaders, compact({{QStringLiteral("models"), list}}));
    } else if (r.method == "POST" && r.path == "/api/show") {
        show(exchange);
    } else if (r.method == "POST" && r.path == "/api/pull") {
        pull(exchange);
    } else if (r.method == "GET" && r.path == "/v1/models") {
        QJsonArray data;
        for (const Model &m : models)
            data.append(QJsonObject{{QStringLiteral("id"), m.name},
                                    {QStringLiteral("object"), QStringLiteral("model")},
                                    {QStringLiteral("owned_by"), QStringLiteral("library")}});
        exchange->respond(200, jsonHeaders,
                          compact({{QStringLiteral("object"), QStringLiteral("list")},
                                   {QStringLiteral("data"), data}}));
    } else {
        exchange->respond(404, {{"content-type", "text/plain"}}, "404 page not found");
    }
}

void FakeOllama::show(HttpExchange *exchange)
{
    ++showRequests;
    ++m_showsRunning;
    maxParallelShows = std::max(maxParallelShows, m_showsRunning);
    const QString name = QJsonDocument::fromJson(exchange->request().body)
                             .object()
                             .value(QStringLiteral("model"))
                             .toString();
    QByteArray body;
    int status = 404;
    body = errorBody(QStringLiteral("model '%1' not found").arg(name));
    for (const Model &m : models) {
        if (m.name != name)
            continue;
        const QString arch = m.family.section(QLatin1Char('-'), 0, 0);
        QJsonObject info{{QStringLiteral("general.architecture"), arch},
                         {QStringLiteral("general.parameter_count"), 8030261248.0},
                         {arch + QStringLiteral(".context_length"), double(m.contextLength)},
                         {arch + QStringLiteral(".embedding_length"), 4096},
                         {QStringLiteral("tokenizer.ggml.tokens"), QJsonValue()}};
        QJsonArray capabilities;
        for (const QString &c : m.capabilities)
            capabilities.append(c);
        status = 200;
        body = compact({{QStringLiteral("license"), QStringLiteral("LLAMA 3.1 COMMUNITY LICENSE")},
                        {QStringLiteral("modelfile"), QStringLiteral("FROM /models/blob")},
                        {QStringLiteral("parameters"), QStringLiteral("stop \"<|eot_id|>\"")},
                        {QStringLiteral("template"), QStringLiteral("{{ .Prompt }}")},
                        {QStringLiteral("details"), details(m)},
                        {QStringLiteral("model_info"), info},
                        {QStringLiteral("capabilities"), capabilities}});
    }
    QPointer<HttpExchange> ex(exchange);
    QTimer::singleShot(showDelayMs, this, [this, ex, status, body] {
        --m_showsRunning;
        if (ex)
            ex->respond(status, jsonHeaders, body);
    });
}

void FakeOllama::pull(HttpExchange *exchange)
{
    pullBodies.append(exchange->request().body);
    const QString name = QJsonDocument::fromJson(exchange->request().body)
                             .object()
                             .value(QStringLiteral("model"))
                             .toString();
    if (name.startsWith(QLatin1String("refused"))) {
        exchange->respond(400, jsonHeaders, errorBody(QStringLiteral("invalid model name")));
        return;
    }
    const bool slow = allPullsSlow || name.startsWith(QLatin1String("slow"));
    QList<QByteArray> lines;
    auto line = [](const QJsonObject &o) {
        QByteArray bytes = compact(o);
        bytes.append('\n');
        return bytes;
    };
    lines << line({{QStringLiteral("status"), QStringLiteral("pulling manifest")}});
    if (name.startsWith(QLatin1String("missing"))) {
        lines << line({{QStringLiteral("error"),
                        QStringLiteral("pull model manifest: file does not exist")}});
    } else {
        const int steps = slow ? std::max(1, slowPullSteps) : std::max(1, pullSteps);
        const qint64 total = 2'019'377'376;
        const QString digest = QStringLiteral(
            "sha256:dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdff");
        for (int i = 0; i <= steps; ++i)
            lines << line({{QStringLiteral("status"), QStringLiteral("pulling dde5aa3fc5ff")},
                           {QStringLiteral("digest"), digest},
                           {QStringLiteral("total"), double(total)},
                           {QStringLiteral("completed"), double(total * i / steps)}});
        lines << line({{QStringLiteral("status"), QStringLiteral("verifying sha256 digest")}});
        lines << line({{QStringLiteral("status"), QStringLiteral("writing manifest")}});
        lines << line({{QStringLiteral("status"), QStringLiteral("success")}});
    }
    exchange->beginStream(200, {{"content-type", "application/x-ndjson"}});
    struct State
    {
        int sent = 0;
        bool done = false;
    };
    auto state = std::make_shared<State>();
    QPointer<HttpExchange> ex(exchange);
    auto *timer = new QTimer(exchange);
    timer->setInterval(slow ? 50 : pullIntervalMs);
    connect(exchange, &HttpExchange::clientGone, this, [this, state] {
        if (state->done)
            return;
        state->done = true;
        ++pullsAborted;
        emit pullAborted();
    });
    connect(timer, &QTimer::timeout, this, [this, ex, state, timer, lines, name] {
        if (!ex || state->done)
            return;
        ex->writeChunk(lines[state->sent++]);
        if (state->sent < lines.size())
            return;
        timer->stop();
        state->done = true;
        if (!lines.last().contains("\"error\"")) {
            Model m;
            m.name = name;
            if (!name.contains(QLatin1Char(':')))
                m.name.append(QStringLiteral(":latest"));
            m.size = 2'019'377'376;
            m.family = QStringLiteral("llama");
            m.parameterSize = QStringLiteral("3.2B");
            m.quantization = QStringLiteral("Q4_K_M");
            m.contextLength = 131072;
            m.capabilities = {QStringLiteral("completion"), QStringLiteral("tools")};
            models.append(m);
        }
        ex->endStream();
    });
    timer->start();
}

} // namespace gatehouse
