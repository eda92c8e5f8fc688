#include "OllamaPull.h"

#include "OllamaModel.h"
#include "upstream/UpstreamClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace gatehouse {

int OllamaPullProgress::percent() const
{
    if (total <= 0)
        return -1;
    return static_cast<int>(std::clamp(completed, qint64{0}, total) * 100 / total);
}

QString OllamaPullProgress::describe() const
{
    if (total <= 0)
        return status;
    return OllamaPull::tr("%1: %2 of %3 (%4%)")
        .arg(status, OllamaModel::formatSize(std::max(completed, qint64{1})),
             OllamaModel::formatSize(total))
        .arg(percent());
}

OllamaPull::OllamaPull(QObject *parent) : QObject(parent), m_client(new UpstreamClient(this)) {}

OllamaPull::~OllamaPull()
{
    if (m_call)
        m_call->disconnect(this);
}

Status OllamaPull::validateModelName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Status::failure(tr("Type the name of a model to pull, for example llama3.2."));
    // Ollama's names: an optional registry host and namespace, a name, an optional tag.
    static const QRegularExpression valid(QStringLiteral(
        R"(\A[A-Za-z0-9][A-Za-z0-9._\-/]{0,199}(:[A-Za-z0-9_][A-Za-z0-9._\-]{0,127})?\z)"));
    if (!valid.match(name).hasMatch())
        return Status::failure(
            tr("\"%1\" is not a model name Ollama knows; names look like llama3.2 or "
               "qwen2.5-coder:7b.")
                .arg(name.left(80)));
    return {};
}

Status OllamaPull::start(const QUrl &root, const QString &model, const Timeouts &timeouts)
{
    if (m_running)
        return Status::failure(tr("A model is being pulled already; wait for it or cancel it."));
    if (const Status valid = validateModelName(model); !valid)
        return valid;
    m_model = model;
    m_url = OllamaApi::endpoint(root, u"/api/pull");
    m_status = 0;
    m_errorBody.clear();
    m_lines = NdjsonParser(maxLineBytes);
    m_succeeded = false;
    m_running = true;

    UpstreamRequest request;
    request.endpoint = UpstreamEndpoint::fromUrl(m_url);
    request.method = "POST";
    request.providerId = root.host();
    request.headers = {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
                       {QByteArrayLiteral("accept"), QByteArrayLiteral("application/x-ndjson")}};
    request.body =
        QJsonDocument(QJsonObject{{QLatin1String("model"), model}, {QLatin1String("stream"), true}})
            .toJson(QJsonDocument::Compact);
    request.timeouts.connectMs = timeouts.connectMs;
    request.timeouts.firstByteMs = timeouts.firstByteMs;
    request.timeouts.idleMs = timeouts.idleMs;
    m_call = m_client->send(request, this);

    connect(m_call, &UpstreamCall::headersReceived, this,
            [this](int status, const HttpHeaders &) { m_status = status; });
    connect(m_call, &UpstreamCall::dataReceived, this, [this](const QByteArray &data) {
        if (m_status < 200 || m_status > 299) {
            if (m_errorBody.size() < maxErrorBytes)
                m_errorBody += data.left(maxErrorBytes - m_errorBody.size());
            return;
        }
        for (const QByteArray &line : m_lines.feed(data)) {
            onLine(line);
            if (!m_running)
                return;
        }
        if (m_lines.overflowed())
            end(Outcome::Failed,
                tr("Ollama sent a progress line longer than %1 kB while pulling \"%2\".")
                    .arg(maxLineBytes / 1024)
                    .arg(m_model));
    });
    connect(m_call, &UpstreamCall::finished, this, [this](const UpstreamResult &result) {
        if (!m_running)
            return;
        if (result.cancelled()) {
            end(Outcome::Cancelled, {});
        } else if (!result.completed()) {
            end(Outcome::Failed, result.error.message);
        } else if (m_status < 200 || m_status > 299) {
            const QString message = QJsonDocument::fromJson(m_errorBody)
                                        .object()
                                        .value(QLatin1String("error"))
                                        .toString()
                                        .left(500);
            if (!message.isEmpty())
                end(Outcome::Failed, tr("Ollama could not pull \"%1\": %2").arg(m_model, message));
            else if (m_status == 404)
                end(Outcome::Failed,
                    tr("%1 was not found; is this an Ollama server?").arg(m_url.toDisplayString()));
            else
                end(Outcome::Failed, tr("Ollama answered HTTP %1 to the pull of \"%2\".")
                                         .arg(m_status)
                                         .arg(m_model));
        } else {
            // A last line without its newline still counts.
            if (m_lines.hasPartialLine()) {
                for (const QByteArray &line : m_lines.feed("\n"))
                    onLine(line);
                if (!m_running)
                    return;
            }
            if (m_succeeded)
                end(Outcome::Succeeded, {});
            else
                end(Outcome::Failed, tr("The pull of \"%1\" ended before Ollama reported "
                                        "success.")
                                         .arg(m_model));
        }
    });
    return {};
}

void OllamaPull::onLine(const QByteArray &line)
{
    const QJsonObject json = QJsonDocument::fromJson(line).object();
    if (json.isEmpty()) {
        end(Outcome::Failed,
            tr("Ollama sent a progress line that is not JSON while pulling \"%1\".").arg(m_model));
        return;
    }
    const QJsonValue error = json.value(QLatin1String("error"));
    if (!error.isUndefined()) {
        end(Outcome::Failed,
            tr("Ollama could not pull \"%1\": %2").arg(m_model, error.toString().left(500)));
        return;
    }
    OllamaPullProgress p;
    p.status = json.value(QLatin1String("status")).toString().left(200);
    p.digest = json.value(QLatin1String("digest")).toString().left(200);
    const double total = json.value(QLatin1String("total")).toDouble();
    const double completed = json.value(QLatin1String("completed")).toDouble();
    p.total = total > 0 && total < 9.0e15 ? static_cast<qint64>(total) : 0;
    p.completed = completed > 0 && completed < 9.0e15 ? static_cast<qint64>(completed) : 0;
    if (p.status == QLatin1String("success"))
        m_succeeded = true;
    emit progress(p);
}

void OllamaPull::cancel()
{
    if (!m_running)
        return;
    if (m_call)
        m_call->abort(); // reports Cancelled through finished
    else
        end(Outcome::Cancelled, {});
}

void OllamaPull::end(Outcome outcome, const QString &error)
{
    if (!m_running)
        return;
    m_running = false;
    if (UpstreamCall *call = m_call) {
        m_call = nullptr;
        call->disconnect(this);
        call->abort();
        call->deleteLater();
    }
    emit finished(outcome, error);
}

} // namespace gatehouse
