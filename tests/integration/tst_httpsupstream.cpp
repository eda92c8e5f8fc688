// Upstreams over https go through the one upstream client (QSslSocket): TLS with the system's
// certificate authorities plus the configured extra ones, error mapping, streaming, and many
// concurrent streams to one host.
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "gateway/GatewayService.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using gatehouse::test::HttpTestClient;

class TestHttpsUpstream : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    FakeUpstream *m_trusted = nullptr;
    FakeUpstream *m_untrusted = nullptr;
    GatewayService *m_service = nullptr;
    quint16 m_port = 0;
    QString m_key;

    QSslConfiguration makeCertificate(const QString &name, QString *certPath)
    {
        const QString key = m_dir.filePath(name + QStringLiteral(".key"));
        const QString cert = m_dir.filePath(name + QStringLiteral(".pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            return {};
        QFile certFile(cert), keyFile(key);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return {};
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        const QSslCertificate certificate(&certFile, QSsl::Pem);
        config.setLocalCertificate(certificate);
        config.setPrivateKey(QSslKey(&keyFile, QSsl::Ec, QSsl::Pem));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        *certPath = cert;
        return config;
    }

    static QByteArray chatBody(const QByteArray &model, bool stream = false)
    {
        return "{\"model\":\"" + model + "\",\"stream\":" + (stream ? "true" : "false") +
               ",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";
    }
    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_key.toLatin1()}};
    }

private slots:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no TLS backend here; install Qt's OpenSSL plugin.");
        QString trustedCert, untrustedCert;
        const QSslConfiguration trusted = makeCertificate(QStringLiteral("trusted"), &trustedCert);
        const QSslConfiguration untrusted =
            makeCertificate(QStringLiteral("untrusted"), &untrustedCert);
        QVERIFY2(!trusted.isNull() && !untrusted.isNull(),
                 "openssl could not make a test certificate");

        m_trusted = new FakeUpstream(this);
        m_trusted->setTlsConfiguration(trusted);
        QVERIFY(m_trusted->listen());
        m_untrusted = new FakeUpstream(this);
        m_untrusted->setTlsConfiguration(untrusted);
        QVERIFY(m_untrusted->listen());

        Config c;
        c.instanceId = QStringLiteral("tls");
        c.gateway.port = 0;
        // The gateway trusts the first certificate as well as the system's authorities.
        c.gateway.extraCaFile = trustedCert;
        Provider cloud;
        cloud.id = QStringLiteral("cloud");
        cloud.baseUrl = QUrl(m_trusted->baseUrl());
        cloud.hasKey = true;
        cloud.timeouts.firstByteMs = 800;
        Provider impostor = cloud;
        impostor.id = QStringLiteral("impostor");
        impostor.baseUrl = QUrl(m_untrusted->baseUrl());
        c.providers = {cloud, impostor};
        const auto created = AccessKeys::create(QStringLiteral("t"), systemRandomBytes,
                                                QDateTime::currentDateTimeUtc());
        m_key = created.key;
        c.accessKeys = {created.record};
        m_service = new GatewayService(this);
        QSignalSpy listening(m_service, &GatewayService::listening);
        m_service->start(GatewaySnapshot::build(
            c, {{QStringLiteral("cloud"), "sk-cloud"}, {QStringLiteral("impostor"), "sk-cloud"}},
            {}));
        QVERIFY(listening.wait(5000));
        m_port = listening.first().at(1).value<quint16>();
    }

    void init()
    {
        m_trusted->streamEvents = 5;
        m_trusted->streamIntervalMs = 0;
        m_trusted->received.clear();
    }

    void chatOverTls()
    {
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/chat/completions",
                                               chatBody("cloud:echo-1"), auth());
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("echo: hello there"));
        QCOMPARE(m_trusted->received.last().header("authorization"), QByteArray("Bearer sk-cloud"));
    }

    void untrustedCertificateIsRefused()
    {
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/chat/completions",
                                               chatBody("impostor:echo-1"), auth());
        QCOMPARE(r.status, 502);
        QVERIFY(
            m_untrusted->received.isEmpty()); // the key never left over an unverified connection
        QCOMPARE(QJsonDocument::fromJson(r.body)
                     .object()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code"))
                     .toString(),
                 QStringLiteral("upstream_unreachable"));
    }

    void upstreamErrorsAreRelayed_data()
    {
        QTest::addColumn<QByteArray>("model");
        QTest::addColumn<int>("status");
        QTest::newRow("400") << QByteArray("status-400") << 400;
        QTest::newRow("401") << QByteArray("status-401") << 401;
        QTest::newRow("404") << QByteArray("status-404") << 404;
        QTest::newRow("429") << QByteArray("status-429") << 429;
        QTest::newRow("500") << QByteArray("status-500") << 500;
        QTest::newRow("503") << QByteArray("status-503") << 503;
        QTest::newRow("timeout") << QByteArray("hang") << 504;
    }
    void upstreamErrorsAreRelayed()
    {
        QFETCH(QByteArray, model);
        QFETCH(int, status);
        const auto r = HttpTestClient::request(m_port, "POST", "/v1/chat/completions",
                                               chatBody("cloud:" + model), auth());
        QCOMPARE(r.status, status);
        QVERIFY(QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).isObject());
    }

    void streamOverTlsArrivesInPieces()
    {
        m_trusted->streamEvents = 5;
        m_trusted->streamIntervalMs = 60;
        HttpTestClient client(m_port);
        client.send("POST", "/v1/chat/completions", chatBody("cloud:echo-1", true), auth());
        const auto r = client.waitForResponse();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.count("data: {"), 5);
        QVERIFY(r.chunkTimesMs.size() >= 5);
        QVERIFY(r.chunkTimesMs.last() - r.chunkTimesMs.first() >= 3 * 60 * 0.8);
    }

    void manyStreamsToOneHost()
    {
        const int n = 16;
        m_trusted->streamEvents = 4;
        m_trusted->streamIntervalMs = 200;
        m_trusted->maxOpenStreams = 0;
        QList<HttpTestClient *> clients;
        for (int i = 0; i < n; ++i) {
            auto *c = new HttpTestClient(m_port, this);
            c->send("POST", "/v1/chat/completions", chatBody("cloud:echo-1", true), auth());
            clients << c;
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_trusted->maxOpenStreams, n, 5000);
        for (auto *c : clients) {
            QCOMPARE(c->waitForResponse().status, 200);
            delete c;
        }
    }
};

QTEST_GUILESS_MAIN(TestHttpsUpstream)
#include "tst_httpsupstream.moc"
