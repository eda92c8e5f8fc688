#include "OllamaInspector.h"

#include "upstream/UpstreamClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <memory>

namespace gatehouse {

OllamaInspector::OllamaInspector(QObject *parent)
    : QObject(parent), m_client(new UpstreamClient(this))
{
}

namespace {

UpstreamRequest nativeRequest(const QUrl &url, const QString &label, const QByteArray &body,
                              int timeoutMs)
{
    UpstreamRequest request;
    request.endpoint = UpstreamEndpoint::fromUrl(url);
    request.method = body.isEmpty() ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
    request.body = body;
    request.providerId = label;
    request.headers.append({QByteArrayLiteral("accept"), QByteArrayLiteral("application/json")});
    if (!body.isEmpty())
        request.headers.append(
            {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
    request.timeouts.connectMs = timeoutMs;
    request.timeouts.firstByteMs = timeoutMs;
    request.timeouts.idleMs = timeoutMs;
    return request;
}

// The readable reason a native API call gave no usable answer, or empty when it did.
QString failureOf(const QUrl &url, const UpstreamResult &outcome, int status,
                  const QByteArray &body)
{
    if (outcome.cancelled())
        return OllamaInspector::tr("%1 answered with more than %2 MB.")
            .arg(url.toDisplayString())
            .arg(OllamaInspector::maxAnswerBytes / (qint64{1024} * 1024));
    if (!outcome.completed())
        return outcome.error.message;
    if (status < 200 || status > 299) {
        const QString message =
            QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
        return OllamaInspector::tr("%1 answered HTTP %2%3")
            .arg(url.toDisplayString())
            .arg(status)
            .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message.left(300));
    }
    return {};
}

} // namespace

void OllamaInspector::inspect(const QUrl &root, const QString &label,
                              std::function<void(const OllamaInventory &)> done,
                              const Limits &limits)
{
    struct Pending
    {
        OllamaInventory inventory;
        std::function<void(const OllamaInventory &)> done;
        Limits limits;
        QUrl root;
        QString label;
        QElapsedTimer clock;
        bool tagsDone = false;
        bool psDone = false;
        QByteArray psBody; // applied once the tags are there
        int nextShow = 0;
        int showsRunning = 0;
        bool finished = false;
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    pending->limits = limits;
    pending->root = root;
    pending->label = label;
    pending->clock.start();

    auto send = [this, pending](QStringView path, const QByteArray &body) {
        return m_client->send(nativeRequest(OllamaApi::endpoint(pending->root, path),
                                            pending->label, body, pending->limits.callTimeoutMs),
                              this);
    };

    auto finish = [pending] {
        if (pending->finished)
            return;
        pending->finished = true;
        if (pending->inventory.ok) {
            int without = 0;
            for (const OllamaModel &m : pending->inventory.models)
                without += m.showRead ? 0 : 1;
            pending->inventory.withoutDetails = without;
        }
        pending->done(pending->inventory);
    };

    // Starts /api/show calls while there is room, budget and models left; finishes when none
    // is left running.
    auto pump = std::make_shared<std::function<void()>>();
    *pump = [this, pending, send, finish, weakPump = std::weak_ptr(pump)] {
        const int limit =
            std::min(pending->limits.maxShown, static_cast<int>(pending->inventory.models.size()));
        while (pending->showsRunning < pending->limits.parallelShows && pending->nextShow < limit &&
               pending->clock.elapsed() < pending->limits.budgetMs) {
            const int index = pending->nextShow++;
            ++pending->showsRunning;
            const QByteArray body =
                QJsonDocument(
                    QJsonObject{{QLatin1String("model"), pending->inventory.models[index].name}})
                    .toJson(QJsonDocument::Compact);
            collectAnswer(send(u"/api/show", body), this, maxAnswerBytes,
                          [pending, index, again = weakPump.lock()](
                              const UpstreamResult &outcome, int status, const QByteArray &answer) {
                              --pending->showsRunning;
                              if (outcome.completed() && status >= 200 && status <= 299)
                                  (void)OllamaApi::applyShow(pending->inventory.models[index],
                                                             answer);
                              (*again)();
                          });
        }
        if (pending->showsRunning == 0)
            finish();
    };

    auto tagsAndPsDone = [pending, pump] {
        if (!pending->tagsDone || !pending->psDone)
            return;
        if (!pending->inventory.ok) {
            // Nothing to show details for; the pump finishes at once.
            pending->inventory.models.clear();
        } else if (!pending->psBody.isEmpty()) {
            (void)OllamaApi::applyPs(pending->inventory.models, pending->psBody);
        }
        (*pump)();
    };

    const QUrl tagsUrl = OllamaApi::endpoint(root, u"/api/tags");
    collectAnswer(send(u"/api/tags", {}), this, maxAnswerBytes,
                  [pending, tagsAndPsDone, tagsUrl, pump](const UpstreamResult &outcome, int status,
                                                          const QByteArray &body) {
                      pending->tagsDone = true;
                      QString error = failureOf(tagsUrl, outcome, status, body);
                      if (error.isEmpty()) {
                          auto models = OllamaApi::parseTags(body);
                          if (models) {
                              pending->inventory.ok = true;
                              pending->inventory.models = models.value();
                          } else {
                              error =
                                  tagsUrl.toDisplayString() + QStringLiteral(": ") + models.error();
                          }
                      }
                      pending->inventory.error = error;
                      tagsAndPsDone();
                  });
    // A server too old for /api/ps still lists its models; only "loaded" stays unknown.
    collectAnswer(send(u"/api/ps", {}), this, maxAnswerBytes,
                  [pending, tagsAndPsDone](const UpstreamResult &outcome, int status,
                                           const QByteArray &body) {
                      pending->psDone = true;
                      if (outcome.completed() && status >= 200 && status <= 299)
                          pending->psBody = body;
                      tagsAndPsDone();
                  });
}

} // namespace gatehouse
