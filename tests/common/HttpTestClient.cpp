#include "HttpTestClient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

namespace gatehouse::test {

namespace {
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
} // namespace

HttpTestClient::HttpTestClient(quint16 port, QObject *parent) : QObject(parent), m_port(port)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] { m_everConnected = true; });
    connect(&m_socket, &QTcpSocket::readyRead, this, &HttpTestClient::onReadyRead);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
        onReadyRead();
        // A body without length ends with the connection.
        if (m_headersDone && !m_response.chunked && m_contentLength < 0)
            m_response.complete = true;
    });
}

bool HttpTestClient::connectToServer(int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, m_port);
    return spinUntil([this] { return m_everConnected; }, timeoutMs);
}

void HttpTestClient::sendRaw(const QByteArray &bytes)
{
    if (m_socket.state() == QAbstractSocket::UnconnectedState && !m_everConnected)
        connectToServer();
    m_response = Response();
    m_headersDone = false;
    m_contentLength = -1;
    m_clock.start();
    m_socket.write(bytes);
    m_socket.flush();
}

void HttpTestClient::send(const QByteArray &method, const QByteArray &path, const QByteArray &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\n";
    bool hasHost = false;
    for (const auto &h : headers) {
        out += h.first + ": " + h.second + "\r\n";
        hasHost = hasHost || h.first.toLower() == "host";
    }
    if (!hasHost)
        out += "Host: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    if (!body.isEmpty() || method == "POST")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    sendRaw(out);
}

void HttpTestClient::onReadyRead()
{
    if (!m_socket.isOpen())
        return;
    const QByteArray data = m_socket.readAll();
    if (data.isEmpty())
        return;
    m_buffer += data;
    parse();
}

void HttpTestClient::parse()
{
    for (;;) {
        if (!m_headersDone) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            m_buffer.remove(0, end + 4);
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            m_response.status = statusLine.value(1).toInt();
            if (m_response.status == 100) // interim answer: the real one follows
                continue;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    m_response.headers.append(
                        {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
            }
            m_headersDone = true;
            m_response.chunked = m_response.header("transfer-encoding").toLower() == "chunked";
            const QByteArray length = m_response.header("content-length");
            m_contentLength = length.isEmpty() ? -1 : length.toLongLong();
            if (m_response.status == 204 || m_response.status == 304)
                m_contentLength = 0;
        }
        if (m_response.chunked) {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0)
                return;
            const qint64 size = m_buffer.left(eol).toLongLong(nullptr, 16);
            if (m_buffer.size() < eol + 2 + size + 2)
                return;
            if (size == 0) {
                m_buffer.remove(0, eol + 4);
                m_response.complete = true;
                return;
            }
            m_response.body += m_buffer.mid(eol + 2, size);
            m_response.chunkTimesMs.append(m_clock.elapsed());
            m_buffer.remove(0, eol + 2 + size + 2);
            continue;
        }
        if (m_contentLength >= 0) {
            const qint64 need = m_contentLength - m_response.body.size();
            m_response.body += m_buffer.left(need);
            m_buffer.remove(0, std::min<qint64>(need, m_buffer.size()));
            if (m_response.body.size() == m_contentLength)
                m_response.complete = true;
            return;
        }
        m_response.body += m_buffer;
        m_buffer.clear();
        return;
    }
}

HttpTestClient::Response HttpTestClient::waitForResponse(int timeoutMs)
{
    spinUntil([this] { return m_response.complete; }, timeoutMs);
    Response r = m_response;
    m_response = Response();
    m_headersDone = false;
    m_contentLength = -1;
    return r;
}

bool HttpTestClient::waitForChunks(int count, int timeoutMs)
{
    return spinUntil([this, count] { return m_response.chunkTimesMs.size() >= count; }, timeoutMs);
}

bool HttpTestClient::waitForDisconnect(int timeoutMs)
{
    return spinUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                     timeoutMs);
}

HttpTestClient::Response
HttpTestClient::request(quint16 port, const QByteArray &method, const QByteArray &path,
                        const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                        int timeoutMs)
{
    HttpTestClient client(port);
    if (!client.connectToServer())
        return {};
    client.send(method, path, body, headers);
    return client.waitForResponse(timeoutMs);
}

} // namespace gatehouse::test
