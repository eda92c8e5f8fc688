// The gateway's Prometheus metrics: label values stay bounded whatever clients send, and each
// finished request shows up in the series it belongs to.
#include "config/Config.h"
#include "gateway/GatewaySnapshot.h"
#include "log/RequestLog.h"
#include "metrics/GatewayMetrics.h"
#include "metrics/LabelBound.h"

#include <QRegularExpression>
#include <QTest>

using namespace gatehouse;

namespace {

RequestLogEntry finished(const char *provider, const QString &model, int status)
{
    RequestLogEntry e;
    e.provider = QString::fromLatin1(provider);
    e.model = model;
    e.status = status;
    e.totalMs = 1500;
    e.firstByteMs = 200;
    e.inputTokens = 10;
    e.outputTokens = 5;
    e.cachedTokens = 4;
    e.reasoningTokens = 2;
    e.cost = 0.25;
    e.attemptCount = 1;
    e.attempts = QStringLiteral("%1:%2 %3").arg(e.provider, model).arg(status);
    return e;
}

QList<QByteArray> attemptsOf(const RequestLogEntry &row)
{
    QList<QByteArray> out;
    for (const QString &a : row.attempts.split(QLatin1String("; ")))
        out << a.toUtf8();
    return out;
}

// The value of the one sample with exactly these labels, or -1.
double sample(const QByteArray &text, const QByteArray &series)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

int seriesCount(const QByteArray &text, const QByteArray &name)
{
    int n = 0;
    for (const QByteArray &line : text.split('\n'))
        n += line.startsWith(QByteArray(name + '{')) ? 1 : 0;
    return n;
}

} // namespace

class TestGatewayMetrics : public QObject
{
    Q_OBJECT
private slots:
    void labelBound()
    {
        LabelBound bound(2);
        bound.setKnown({QStringLiteral("gpt-4o"), QStringLiteral("llama3")});
        QCOMPARE(bound.label(QStringLiteral("gpt-4o")), std::string("gpt-4o"));
        QCOMPARE(bound.label(QStringLiteral("first")), std::string("first"));
        QCOMPARE(bound.label(QStringLiteral("second")), std::string("second"));
        QCOMPARE(bound.label(QStringLiteral("third")), std::string("other"));
        QCOMPARE(bound.label(QStringLiteral("first")), std::string("first")); // stays
        QCOMPARE(bound.label(QStringLiteral("llama3")), std::string("llama3"));
        QCOMPARE(bound.label(QString(200, QLatin1Char('x'))), std::string("other"));
        QCOMPARE(bound.extraCount(), 2);
        // A value configured later gets its own label.
        bound.setKnown({QStringLiteral("third")});
        QCOMPARE(bound.label(QStringLiteral("third")), std::string("third"));
        for (int i = 0; i < 10'000; ++i)
            QCOMPARE(bound.label(QStringLiteral("spam-%1").arg(i)), std::string("other"));
    }

    void countsRequests()
    {
        Config c;
        Provider openai;
        openai.id = QStringLiteral("openai");
        openai.baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
        openai.models = {QStringLiteral("gpt-4o")};
        c.providers = {openai};
        const auto snapshot = GatewaySnapshot::build(c, {}, {});

        GatewayMetrics metrics;
        metrics.setSnapshot(*snapshot);
        bool cooling = true;
        metrics.setSources({[] { return 3; }, [&](const QString &) { return cooling; }});
        const RequestLogEntry answered = finished("openai", QStringLiteral("gpt-4o"), 200);
        metrics.recordRequest("chat/completions", answered, attemptsOf(answered));
        metrics.recordRequest("chat/completions", answered, attemptsOf(answered));
        RequestLogEntry failedOver = finished("openai", QStringLiteral("gpt-4o"), 200);
        failedOver.attemptCount = 2;
        failedOver.attempts = QStringLiteral("openai:gpt-4o 503 (20 ms); openai:gpt-4o 200");
        metrics.recordRequest("messages", failedOver, attemptsOf(failedOver));
        RequestLogEntry refused; // by a limit: no provider
        refused.status = 429;
        metrics.recordRequest("chat/completions", refused, {});
        metrics.streamStarted();
        metrics.streamStarted();
        metrics.streamEnded();

        const QByteArray text = metrics.scrape();
        QCOMPARE(sample(text, "gatehouse_requests_total{endpoint=\"chat/completions\",model=\"gpt-"
                              "4o\",provider=\"openai\",status=\"200\"}"),
                 2.0);
        QCOMPARE(sample(text, "gatehouse_requests_total{endpoint=\"messages\",model=\"gpt-4o\","
                              "provider=\"openai\",status=\"200\"}"),
                 1.0);
        QCOMPARE(sample(text, "gatehouse_requests_total{endpoint=\"chat/completions\",model="
                              "\"none\",provider=\"none\",status=\"429\"}"),
                 1.0);
        QCOMPARE(sample(text, "gatehouse_tokens_total{kind=\"input\",model=\"gpt-4o\",provider="
                              "\"openai\"}"),
                 30.0);
        QCOMPARE(sample(text, "gatehouse_tokens_total{kind=\"cached\",model=\"gpt-4o\",provider="
                              "\"openai\"}"),
                 12.0);
        QCOMPARE(sample(text, "gatehouse_tokens_total{kind=\"reasoning\",model=\"gpt-4o\","
                              "provider=\"openai\"}"),
                 6.0);
        QCOMPARE(sample(text, "gatehouse_cost_usd_total{model=\"gpt-4o\",provider=\"openai\"}"),
                 0.75);
        QCOMPARE(sample(text, "gatehouse_upstream_attempts_total{outcome=\"success\",provider="
                              "\"openai\"}"),
                 3.0);
        QCOMPARE(sample(text, "gatehouse_upstream_attempts_total{outcome=\"failed_over\","
                              "provider=\"openai\"}"),
                 1.0);
        QCOMPARE(sample(text, "gatehouse_request_duration_seconds_count{provider=\"openai\"}"),
                 3.0);
        QCOMPARE(sample(text, "gatehouse_request_duration_seconds_bucket{provider=\"openai\",le="
                              "\"1\"}"),
                 0.0);
        QCOMPARE(sample(text, "gatehouse_request_duration_seconds_bucket{provider=\"openai\",le="
                              "\"2.5\"}"),
                 3.0);
        QCOMPARE(sample(text, "gatehouse_time_to_first_byte_seconds_sum{provider=\"openai\"}"),
                 0.6);
        QCOMPARE(sample(text, "gatehouse_active_streams"), 1.0);
        QCOMPARE(sample(text, "gatehouse_open_connections"), 3.0);
        QCOMPARE(sample(text, "gatehouse_provider_cooling_off{provider=\"openai\"}"), 1.0);
        QVERIFY(sample(text, "process_resident_memory_bytes") > 1e6);
        QVERIFY(sample(text, "process_cpu_seconds_total") >= 0);
        cooling = false;
        QCOMPARE(sample(metrics.scrape(), "gatehouse_provider_cooling_off{provider=\"openai\"}"),
                 0.0);
    }

    // However many models and providers clients name, the series stay few: unconfigured values
    // beyond a handful share "other".
    void seriesStayBounded()
    {
        GatewayMetrics metrics;
        for (int i = 0; i < 5000; ++i) {
            const RequestLogEntry some =
                finished(i % 2 ? "ollama" : "openai", QStringLiteral("model-%1").arg(i), 200);
            metrics.recordRequest("chat/completions", some, attemptsOf(some));
            RequestLogEntry unknown = finished("x", QStringLiteral("m"), 200);
            unknown.provider = QStringLiteral("provider-%1").arg(i);
            unknown.attempts = unknown.provider + QStringLiteral(":m timeout (5 ms); ") +
                               unknown.provider + QStringLiteral(":m 200");
            metrics.recordRequest("messages", unknown, attemptsOf(unknown));
        }
        const QByteArray text = metrics.scrape();
        const int requests = seriesCount(text, "gatehouse_requests_total");
        QVERIFY2(requests <= 2 * (GatewayMetrics::maxExtraModels + 1) *
                                 (GatewayMetrics::maxExtraProviders + 1),
                 QByteArray::number(requests).constData());
        QVERIFY(seriesCount(text, "gatehouse_tokens_total") <=
                4 * (GatewayMetrics::maxExtraModels + 1) * (GatewayMetrics::maxExtraProviders + 1));
        QVERIFY(text.contains("model=\"other\""));
        QVERIFY(text.contains("provider=\"other\""));
        QVERIFY(seriesCount(text, "gatehouse_upstream_attempts_total") <=
                2 * (GatewayMetrics::maxExtraProviders + 1));
        QVERIFY(text.contains("outcome=\"timeout\""));
        // Every request is still counted.
        double total = 0;
        static const QRegularExpression line(
            QStringLiteral("^gatehouse_requests_total\\{[^}]*\\} (\\S+)$"),
            QRegularExpression::MultilineOption);
        for (auto it = line.globalMatch(QString::fromUtf8(text)); it.hasNext();)
            total += it.next().captured(1).toDouble();
        QCOMPARE(total, 10'000.0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayMetrics)
#include "tst_gatewaymetrics.moc"
