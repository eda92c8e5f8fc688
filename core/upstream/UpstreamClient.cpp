#include "UpstreamClient.h"

#include <QFile>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTimer>
#include <curl/curl.h>
#include <memory>
#include <mutex>

namespace gatehouse {

namespace {

// Status line and headers together; a provider sending more is not answering an API call.
constexpr qsizetype maxResponseHeadBytes = 64 * 1024;

void globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool isHeaderToken(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

bool isLocalHost(const QUrl &url)
{
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

// Watches one of libcurl's sockets for the directions it asks for.
class SocketWatch
{
public:
    SocketWatch(UpstreamClient *client, int socket) : m_client(client), m_socket(socket) {}
    ~SocketWatch()
    {
        drop(m_read);
        drop(m_write);
    }
    SocketWatch(const SocketWatch &) = delete;
    SocketWatch &operator=(const SocketWatch &) = delete;

    void want(bool read, bool write)
    {
        set(m_read, read, QSocketNotifier::Read, CURL_CSELECT_IN);
        set(m_write, write, QSocketNotifier::Write, CURL_CSELECT_OUT);
    }

private:
    void set(QSocketNotifier *&notifier, bool on, QSocketNotifier::Type type, int event)
    {
        if (!on) {
            drop(notifier);
            return;
        }
        if (notifier)
            return;
        notifier = new QSocketNotifier(m_socket, type, m_client);
        QObject::connect(notifier, &QSocketNotifier::activated, m_client,
                         [client = m_client, socket = m_socket, event] {
                             client->onSocketActivity(socket, event);
                         });
    }
    // A notifier may be dropped from inside its own activated() signal: never delete it
    // there.
    static void drop(QSocketNotifier *&notifier)
    {
        if (!notifier)
            return;
        notifier->setEnabled(false);
        notifier->disconnect();
        notifier->deleteLater();
        notifier = nullptr;
    }

    UpstreamClient *m_client;
    int m_socket;
    QSocketNotifier *m_read = nullptr;
    QSocketNotifier *m_write = nullptr;
};

// One transfer on a libcurl easy handle.
class CurlCall : public UpstreamCall
{
public:
    CurlCall(const UpstreamRequest &request, UpstreamClient *client, QObject *parent)
        : UpstreamCall(request, parent), m_client(client), m_body(request.body),
          m_connectMs(request.timeouts.connectMs)
    {
        m_error[0] = '\0';
        for (const auto &h : request.headers) {
            if (h.first.contains('\r') || h.first.contains('\n') || h.second.contains('\r') ||
                h.second.contains('\n') || h.second.contains('\0')) {
                m_refused = tr("a request header contains a line break");
                continue;
            }
            m_headers = curl_slist_append(m_headers, QByteArray(h.first + ": " + h.second).data());
        }
        // libcurl would add "Expect: 100-continue" to larger bodies and wait for an
        // interim answer many servers never send; and "Accept: */*" unless told otherwise.
        m_headers = curl_slist_append(m_headers, "Expect:");
        m_method = request.method;
        m_url = request.endpoint.encodedUrl;
        m_local = isLocalHost(request.endpoint.url);
        m_https = request.endpoint.url.scheme() == QLatin1String("https");
    }
    ~CurlCall() override
    {
        releaseTransport();
        curl_slist_free_all(m_headers);
    }

    // Sets up the easy handle; false when the request cannot be sent (see refusal()).
    bool configure(CURL *easy, const std::shared_ptr<const QByteArray> &caBlob)
    {
        if (!m_refused.isEmpty())
            return false;
        m_easy = easy;
        m_caBlob = caBlob;
        curl_easy_setopt(easy, CURLOPT_PRIVATE, this);
        curl_easy_setopt(easy, CURLOPT_URL, m_url.constData());
        curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, m_error);
        curl_easy_setopt(easy, CURLOPT_HTTPHEADER, m_headers);
        curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(m_connectMs));
        curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
        curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
        // Any content coding libcurl can decode is accepted and decoded: what reaches the
        // client is always the plain body.
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(easy, CURLOPT_HTTP_VERSION,
                         m_https ? long(CURL_HTTP_VERSION_2TLS) : long(CURL_HTTP_VERSION_1_1));
        curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
        if (m_local) {
            // Local model servers close idle connections after about 5 s; a proxy has no
            // business with them.
            curl_easy_setopt(easy, CURLOPT_PROXY, "");
            curl_easy_setopt(easy, CURLOPT_MAXAGE_CONN, 4L);
        }
        if (m_caBlob && !m_caBlob->isEmpty()) {
            // The call holds the blob for as long as libcurl may read it.
            curl_blob blob{const_cast<char *>(m_caBlob->constData()), size_t(m_caBlob->size()),
                           CURL_BLOB_NOCOPY};
            curl_easy_setopt(easy, CURLOPT_CAINFO_BLOB, &blob);
        }
        curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &CurlCall::onHeader);
        curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CurlCall::onWrite);
        curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
        if (m_method == "GET") {
            curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        } else {
            if (m_method != "POST")
                curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, m_method.constData());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, m_body.constData());
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(m_body.size()));
        }
        return true;
    }

    CURL *easy() const { return m_easy; }
    void forgetHandle() { m_easy = nullptr; }
    bool inMulti = false;

    // Reports a request that could not be started, once the caller had a chance to connect.
    void failLater(const QString &why)
    {
        if (why.isEmpty())
            m_refused = tr("the transfer could not be started");
        else if (m_refused.isEmpty())
            m_refused = why;
        QMetaObject::invokeMethod(
            this, [this] { fail(unreachable(m_refused)); }, Qt::QueuedConnection);
    }
    QString refusal() const { return m_refused; }

    // After libcurl returned: hand on what its callbacks collected.
    void deliver()
    {
        m_queued = false;
        if (isDone())
            return;
        if (m_headComplete && !headersDelivered())
            deliverHeaders(m_status, m_responseHeaders);
        if (!m_data.isEmpty() && !isDone() && headersDelivered())
            deliverData(std::exchange(m_data, {}));
    }

    void transferDone(CURLcode code)
    {
        deliver();
        if (isDone())
            return;
        if (code == CURLE_OK && m_headComplete) {
            deliverCompleted();
            return;
        }
        fail(errorFor(code));
    }

    bool queued() const { return m_queued; }
    void setQueued() { m_queued = true; }

protected:
    void releaseTransport() override
    {
        if (m_easy && m_client)
            m_client->stopTransfer(this);
        m_easy = nullptr;
    }

private:
    ApiError errorFor(CURLcode code) const
    {
        if (!m_tooLarge.isEmpty())
            return headersDelivered() ? brokenOff(m_tooLarge) : unreachable(m_tooLarge);
        QString detail = QString::fromUtf8(m_error).trimmed();
        if (detail.isEmpty())
            detail = QString::fromUtf8(curl_easy_strerror(code));
        if (code == CURLE_OPERATION_TIMEDOUT && !headersDelivered())
            return timedOut(tr("connecting to"), m_connectMs);
        if (code == CURLE_OK)
            detail = tr("the answer has no status line");
        return headersDelivered() ? brokenOff(detail) : unreachable(detail);
    }

    static size_t onHeader(char *buffer, size_t size, size_t count, void *self)
    {
        auto *call = static_cast<CurlCall *>(self);
        const size_t n = size * count;
        return call->header(QByteArrayView(buffer, qsizetype(n))) ? n : 0;
    }
    static size_t onWrite(char *data, size_t size, size_t count, void *self)
    {
        auto *call = static_cast<CurlCall *>(self);
        const size_t n = size * count;
        if (call->isDone())
            return 0;
        call->m_data.append(data, qsizetype(n));
        call->queue();
        return n;
    }

    // One header line (status line, header, the blank line, or a trailer).
    bool header(QByteArrayView line)
    {
        m_headBytes += line.size();
        if (m_headBytes > maxResponseHeadBytes) {
            m_tooLarge = m_headComplete ? tr("the response trailers are larger than 64 KiB")
                                        : tr("the response headers are larger than 64 KiB");
            return false;
        }
        while (!line.isEmpty() && (line.back() == '\n' || line.back() == '\r'))
            line.chop(1);
        if (line.startsWith("HTTP/")) {
            // A new status line: an interim answer (100 Continue) came before this one.
            const qsizetype space = line.indexOf(' ');
            const QByteArrayView code =
                space > 0 ? line.sliced(space + 1) : QByteArrayView();
            m_status = code.first(std::min<qsizetype>(3, code.size())).toInt();
            m_responseHeaders.clear();
            m_headComplete = false;
            m_headBytes = line.size();
            return true;
        }
        if (m_headComplete)
            return true; // trailers: counted, not kept
        if (line.isEmpty()) {
            if (m_status >= 200) {
                m_headComplete = true;
                queue();
            }
            return true;
        }
        if ((line.front() == ' ' || line.front() == '\t') && !m_responseHeaders.isEmpty()) {
            m_responseHeaders.last().second += ' ' + line.trimmed().toByteArray();
            return true;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
        if (!isHeaderToken(name))
            return true; // not a header: dropped rather than passed on
        QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        value.replace('\0', ' ');
        m_responseHeaders.append({name.toByteArray().toLower(), value});
        return true;
    }

    void queue()
    {
        if (m_queued || !m_client)
            return;
        m_queued = true;
        m_client->m_toDeliver.append(this);
    }

    QPointer<UpstreamClient> m_client;
    CURL *m_easy = nullptr;
    curl_slist *m_headers = nullptr;
    QByteArray m_body;
    QByteArray m_method;
    QByteArray m_url;
    int m_connectMs;
    bool m_local = false;
    bool m_https = false;
    QString m_refused;
    std::shared_ptr<const QByteArray> m_caBlob;
    char m_error[CURL_ERROR_SIZE];

    int m_status = 0;
    HttpHeaders m_responseHeaders;
    qsizetype m_headBytes = 0;
    bool m_headComplete = false;
    QByteArray m_data;
    QString m_tooLarge;
    bool m_queued = false;
};

UpstreamClient::UpstreamClient(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    globalInit();
    m_multi = curl_multi_init();
    CURLM *multi = m_multi;
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, &UpstreamClient::onSocket);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, &UpstreamClient::onTimer);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, long(maxKeptConnections));
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &UpstreamClient::onTimeout);
}

UpstreamClient::~UpstreamClient()
{
    // Calls still running belong to their owners; their transfers end here.
    for (CurlCall *call : std::as_const(m_calls)) {
        if (CURL *easy = call->easy()) {
            curl_multi_remove_handle(static_cast<CURLM *>(m_multi), easy);
            curl_easy_cleanup(easy);
            call->forgetHandle();
            call->inMulti = false;
        }
    }
    m_calls.clear();
    const auto watches = m_watches;
    m_watches.clear();
    qDeleteAll(watches);
    for (void *easy : m_idleHandles)
        curl_easy_cleanup(static_cast<CURL *>(easy));
    curl_multi_cleanup(static_cast<CURLM *>(m_multi));
    m_multi = nullptr;
}

Status UpstreamClient::setExtraCaFile(const QString &path)
{
    if (path.isEmpty()) {
        m_caBlob.reset();
        return {};
    }
    QFile extra(path);
    if (!extra.open(QIODevice::ReadOnly))
        return Status::failure(
            tr("Cannot read the certificate file %1: %2").arg(path, extra.errorString()));
    const QByteArray pem = extra.readAll();
    if (!pem.contains("-----BEGIN CERTIFICATE-----"))
        return Status::failure(tr("%1 holds no PEM certificate.").arg(path));
    // libcurl's own CA bundle first, so the extra file adds to the system's trust.
    QByteArray blob;
    CURL *probe = curl_easy_init();
    char *defaultBundle = nullptr;
    if (probe && curl_easy_getinfo(probe, CURLINFO_CAINFO, &defaultBundle) == CURLE_OK &&
        defaultBundle) {
        QFile system(QString::fromLocal8Bit(defaultBundle));
        if (system.open(QIODevice::ReadOnly))
            blob = system.readAll();
    }
    if (probe)
        curl_easy_cleanup(probe);
    if (!blob.isEmpty() && !blob.endsWith('\n'))
        blob += '\n';
    m_caBlob = std::make_shared<const QByteArray>(blob + pem);
    return {};
}

UpstreamCall *UpstreamClient::send(const UpstreamRequest &request, QObject *owner)
{
    auto *call = new CurlCall(request, this, owner);
    if (m_dispatching) {
        // libcurl is not to be re-entered from its own callbacks' aftermath: start it once
        // the current round is over.
        m_toStart.append(call);
        return call;
    }
    startTransfer(call);
    return call;
}

void UpstreamClient::startTransfer(CurlCall *call)
{
    if (call->isDone())
        return;
    CURL *easy = static_cast<CURL *>(takeHandle());
    if (!easy || !call->configure(easy, m_caBlob)) {
        giveBackHandle(easy);
        call->failLater(call->refusal());
        return;
    }
    if (curl_multi_add_handle(static_cast<CURLM *>(m_multi), easy) != CURLM_OK) {
        call->forgetHandle();
        giveBackHandle(easy);
        call->failLater({});
        return;
    }
    call->inMulti = true;
    m_calls.insert(call);
    ++m_active;
}

void UpstreamClient::stopTransfer(CurlCall *call)
{
    CURL *easy = call->easy();
    if (!easy)
        return;
    if (call->inMulti) {
        curl_multi_remove_handle(static_cast<CURLM *>(m_multi), easy);
        call->inMulti = false;
        m_calls.remove(call);
        --m_active;
    }
    call->forgetHandle();
    giveBackHandle(easy);
}

void *UpstreamClient::takeHandle()
{
    if (m_idleHandles.empty())
        return curl_easy_init();
    void *easy = m_idleHandles.back();
    m_idleHandles.pop_back();
    return easy;
}

void UpstreamClient::giveBackHandle(void *easy)
{
    if (!easy)
        return;
    curl_easy_reset(static_cast<CURL *>(easy));
    if (m_idleHandles.size() < 64)
        m_idleHandles.push_back(easy);
    else
        curl_easy_cleanup(static_cast<CURL *>(easy));
}

int UpstreamClient::onSocket(void *, int socket, int what, void *self, void *)
{
    auto *client = static_cast<UpstreamClient *>(self);
    if (what == CURL_POLL_REMOVE) {
        delete client->m_watches.take(socket);
        return 0;
    }
    SocketWatch *&watch = client->m_watches[socket];
    if (!watch)
        watch = new SocketWatch(client, socket);
    watch->want(what == CURL_POLL_IN || what == CURL_POLL_INOUT,
                what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
    return 0;
}

int UpstreamClient::onTimer(void *, long timeoutMs, void *self)
{
    auto *client = static_cast<UpstreamClient *>(self);
    if (timeoutMs < 0)
        client->m_timer->stop();
    else
        client->m_timer->start(int(timeoutMs));
    return 0;
}

void UpstreamClient::onSocketActivity(int socket, int events)
{
    dispatch(socket, events);
}

void UpstreamClient::onTimeout()
{
    dispatch(CURL_SOCKET_TIMEOUT, 0);
}

void UpstreamClient::dispatch(int socket, int events)
{
    if (!m_multi)
        return;
    if (m_dispatching) {
        m_timer->start(0); // a nested event loop: come back when this round is over
        return;
    }
    QPointer<UpstreamClient> self(this);
    m_dispatching = true;
    int running = 0;
    curl_multi_socket_action(static_cast<CURLM *>(m_multi), socket, events, &running);
    // What the callbacks collected goes out now, outside libcurl; then the transfers that
    // ended report it. Either may start new calls, which begin once this round is over.
    deliverPending();
    collectFinished();
    if (!self)
        return;
    m_dispatching = false;
    while (!m_toStart.isEmpty()) {
        const QList<QPointer<CurlCall>> starting = std::exchange(m_toStart, {});
        for (const QPointer<CurlCall> &call : starting) {
            if (call)
                startTransfer(call);
        }
    }
}

void UpstreamClient::deliverPending()
{
    while (!m_toDeliver.isEmpty()) {
        const QList<QPointer<CurlCall>> batch = std::exchange(m_toDeliver, {});
        for (const QPointer<CurlCall> &call : batch) {
            if (call)
                call->deliver();
        }
    }
}

void UpstreamClient::collectFinished()
{
    QList<QPair<QPointer<CurlCall>, CURLcode>> done;
    int left = 0;
    while (CURLMsg *message = curl_multi_info_read(static_cast<CURLM *>(m_multi), &left)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CurlCall *call = nullptr;
        curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, &call);
        if (call)
            done.append({call, message->data.result});
    }
    for (const auto &[call, code] : done) {
        if (call)
            call->transferDone(code);
    }
}

} // namespace gatehouse
