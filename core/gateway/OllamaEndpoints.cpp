// The local endpoints of Ollama's native API (/api/version, /api/tags, /api/show, /api/ps):
// what Ollama clients ask before they send a model request, answered in Ollama's shapes from
// the configuration, the catalog, and (for /api/show) Ollama providers themselves.
#include "Gateway.h"
#include "ModelDiscovery.h"
#include "config/ModelReference.h"
#include "http/HttpExchange.h"
#include "surfaces/Json.h"
#include "surfaces/OllamaSurface.h"
#include "upstream/UpstreamCall.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse {

namespace {

using json::k;

// The Ollama version Gatehouse answers as: clients switch features on by version (thinking,
// tool calls, structured output), and everything Gatehouse serves is in this one.
constexpr char ollamaVersion[] = "0.12.6";

// One model a key may use, as Ollama clients list it.
struct ListedModel
{
    QString name;                               // provider:model, or an alias
    const RoutableProvider *provider = nullptr; // null for an alias
    QString model;
};

// Every model the key may use: its aliases and the global ones with a usable candidate,
// then each provider's models (its list, what it answered, else its catalog's).
QList<ListedModel> listModels(const GatewaySnapshot &snapshot,
                              const KeyConfiguration &configuration,
                              const ModelDiscovery::Models &discovered)
{
    QList<ListedModel> out;
    QStringList aliases;
    auto addRule = [&](const RouteRule &rule) {
        if (aliases.contains(rule.name))
            return;
        const bool usable = std::any_of(
            rule.candidates.cbegin(), rule.candidates.cend(), [&](const RouteCandidate &c) {
                const auto ref = ModelReference::parse(c.model);
                return ref && configuration.allows(ref->provider, ref->model);
            });
        if (!usable)
            return;
        aliases << rule.name;
        out.append({rule.name, nullptr, {}});
    };
    for (const RouteRule &rule : configuration.routes)
        addRule(rule);
    for (const RouteRule &rule : snapshot.routes)
        addRule(rule);
    for (const RoutableProvider &rp : snapshot.providers) {
        if (!rp.provider.enabled)
            continue;
        QStringList models =
            rp.provider.models.isEmpty() ? discovered.value(rp.provider.id) : rp.provider.models;
        if (models.isEmpty() && rp.provider.models.isEmpty() && rp.catalog) {
            for (const CatalogModel &m : rp.catalog->models)
                models << m.id;
        }
        for (const QString &m : std::as_const(models)) {
            if (configuration.allows(rp.provider.id, m))
                out.append({rp.provider.id + QLatin1Char(':') + m, &rp, m});
        }
    }
    return out;
}

// Providers without a model list of their own, that can be asked for one.
QList<const RoutableProvider *> providersToAsk(const GatewaySnapshot &snapshot)
{
    QList<const RoutableProvider *> out;
    for (const RoutableProvider &rp : snapshot.providers) {
        if (rp.provider.enabled && rp.provider.models.isEmpty() &&
            !(rp.provider.hasKey && rp.key.isEmpty()) && rp.missingSecret.isEmpty())
            out.append(&rp);
    }
    return out;
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// What Ollama's "details" say of a model; Gatehouse knows the family only of models whose
// name tells it, and leaves the rest empty, as Ollama does for models it knows little of.
QJsonObject details(const QString &model)
{
    const QString family = model.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('/'), -1);
    return QJsonObject{{k("parent_model"), QString()},
                       {k("format"), QString()},
                       {k("family"), family},
                       {k("families"), QJsonArray{family}},
                       {k("parameter_size"), QString()},
                       {k("quantization_level"), QString()}};
}

// A model as /api/tags lists it: size, digest and date are not known for a model behind a
// cloud API, so they are valid placeholders (0 bytes, a digest of its name, the Unix epoch).
QJsonObject tagsEntry(const ListedModel &m)
{
    return QJsonObject{{k("name"), m.name},
                       {k("model"), m.name},
                       {k("modified_at"), QStringLiteral("1970-01-01T00:00:00Z")},
                       {k("size"), 0},
                       {k("digest"), sha256Hex(m.name)},
                       {k("details"), details(m.provider ? m.model : m.name)}};
}

} // namespace

void Gateway::serveOllamaVersion(const std::shared_ptr<RequestContext> &ctx)
{
    respondJson(ctx, 200,
                QJsonDocument(QJsonObject{{k("version"), QLatin1String(ollamaVersion)}})
                    .toJson(QJsonDocument::Compact));
}

void Gateway::serveOllamaTags(const std::shared_ptr<RequestContext> &ctx)
{
    auto answer = [this, ctx](const ModelDiscovery::Models &discovered) {
        if (ctx->clientGone()) {
            finish(ctx, {499, std::nullopt});
            return;
        }
        QJsonArray models;
        for (const ListedModel &m : listModels(*ctx->snapshot, *ctx->configuration, discovered))
            models.append(tagsEntry(m));
        respondJson(
            ctx, 200,
            QJsonDocument(QJsonObject{{k("models"), models}}).toJson(QJsonDocument::Compact));
    };
    const QList<const RoutableProvider *> toAsk = providersToAsk(*m_snapshot);
    if (toAsk.isEmpty()) {
        answer({});
        return;
    }
    m_discovery->discover(toAsk, this, answer);
}

void Gateway::serveOllamaShow(const std::shared_ptr<RequestContext> &ctx)
{
    auto parsed = parseJsonObject(ctx->exchange->request().body);
    if (auto *e = std::get_if<ApiError>(&parsed)) {
        finishWithError(ctx, *e);
        return;
    }
    const QJsonObject body = std::get<QJsonObject>(parsed);
    // "name" is what older clients send.
    const QString requested = body.value(k("model")).toString(body.value(k("name")).toString());
    if (requested.isEmpty()) {
        finishWithError(ctx, ApiError::badRequest(tr("\"model\" is required, as provider:model."),
                                                  QStringLiteral("model")));
        return;
    }
    auto plan = m_router.plan(requested, {}, *ctx->configuration, *m_snapshot);
    if (auto *e = std::get_if<ApiError>(&plan)) {
        finishWithError(ctx, *e);
        return;
    }
    const RouteTarget target = std::get<RoutePlan>(plan).targets.value(0);
    if (!target.provider) {
        finishWithError(ctx, ApiError::notFound(tr("No provider serves \"%1\".").arg(requested),
                                                QStringLiteral("model_not_found")));
        return;
    }
    const RoutableProvider &rp = *target.provider;
    const CatalogModel *known = rp.catalogModel(target.upstreamModel);

    // What Gatehouse knows, from the catalog: enough for clients to show the model and pick
    // its features.
    auto fromCatalog = [ctx, known, target]() {
        QJsonArray capabilities{k("completion")};
        const bool embedding = target.upstreamModel.contains(QLatin1String("embed"));
        if (embedding)
            capabilities = QJsonArray{k("embedding")};
        if (known && known->tools)
            capabilities.append(k("tools"));
        if (known && known->vision)
            capabilities.append(k("vision"));
        if (known && known->reasoning)
            capabilities.append(k("thinking"));
        QJsonObject info{{k("general.architecture"), k("gatehouse")},
                         {k("general.basename"), target.upstreamModel}};
        if (known && known->contextWindow > 0)
            info.insert(k("gatehouse.context_length"), known->contextWindow);
        return QJsonObject{{k("modelfile"), QString()},
                           {k("parameters"), QString()},
                           {k("template"), QString()},
                           {k("details"), details(target.upstreamModel)},
                           {k("model_info"), info},
                           {k("capabilities"), capabilities},
                           {k("modified_at"), QStringLiteral("1970-01-01T00:00:00Z")}};
    };

    // An Ollama provider knows its own models: size, quantization, context length and
    // capabilities come from it.
    const RoutableProvider::Endpoints *ollama = rp.endpointsFor(ApiSurface::Ollama);
    if (!ollama || !rp.missingSecret.isEmpty()) {
        respondJson(ctx, 200, QJsonDocument(fromCatalog()).toJson(QJsonDocument::Compact));
        return;
    }
    UpstreamRequest request;
    // Next to its /api/chat, with what the endpoint carries (a credential in the query).
    request.endpoint = ollama->generate;
    QUrl url = request.endpoint.url;
    url.setPath(url.path().replace(QLatin1String("/api/chat"), QLatin1String("/api/show")));
    request.endpoint.url = url;
    request.endpoint.target.replace("/api/chat", "/api/show");
    request.providerId = rp.provider.id;
    request.headers = rp.headersFor(ApiSurface::Ollama, rp.key);
    request.body = QJsonDocument(QJsonObject{{k("model"), target.upstreamModel}})
                       .toJson(QJsonDocument::Compact);
    request.timeouts = rp.provider.timeouts;
    collectAnswer(
        m_transport->send(request, this), this, ModelDiscovery::maxListBytes,
        [this, ctx, fromCatalog](const UpstreamResult &result, int status,
                                 const QByteArray &answer) {
            if (ctx->clientGone()) {
                finish(ctx, {499, std::nullopt});
                return;
            }
            const QJsonDocument doc = QJsonDocument::fromJson(answer);
            if (result.completed() && status == 200 && doc.isObject()) {
                respondJson(ctx, 200, doc.toJson(QJsonDocument::Compact));
                return;
            }
            if (result.completed() && status == 404) {
                finishWithError(
                    ctx, ApiError::notFound(surfaceAdapter(ApiSurface::Ollama).errorMessage(answer),
                                            QStringLiteral("model_not_found")));
                return;
            }
            // The provider could not say: what the catalog knows.
            respondJson(ctx, 200, QJsonDocument(fromCatalog()).toJson(QJsonDocument::Compact));
        });
}

void Gateway::serveOllamaPs(const std::shared_ptr<RequestContext> &ctx)
{
    // What is "loaded" for a gateway: the models the key may use that answered in the last
    // five minutes (Ollama's own keep-alive), whatever their provider. Asking Ollama providers
    // for their /api/ps would tell what their server holds for every client, not what this
    // client has been using.
    const qint64 now = m_scheduler->nowMs();
    const qint64 keptMs = qint64{5} * 60 * 1000;
    QJsonArray models;
    for (auto it = m_recentModels.constBegin(); it != m_recentModels.constEnd(); ++it) {
        if (now - it.value() > keptMs)
            continue;
        const auto ref = ModelReference::parse(it.key());
        if (!ref || !ctx->configuration->allows(ref->provider, ref->model) ||
            !m_snapshot->provider(ref->provider))
            continue;
        const QDateTime expires =
            QDateTime::currentDateTimeUtc().addMSecs(keptMs - (now - it.value()));
        models.append(QJsonObject{{k("name"), it.key()},
                                  {k("model"), it.key()},
                                  {k("size"), 0},
                                  {k("digest"), sha256Hex(it.key())},
                                  {k("details"), details(ref->model)},
                                  {k("expires_at"), expires.toString(Qt::ISODateWithMs)},
                                  {k("size_vram"), 0}});
    }
    respondJson(ctx, 200,
                QJsonDocument(QJsonObject{{k("models"), models}}).toJson(QJsonDocument::Compact));
}

} // namespace gatehouse
