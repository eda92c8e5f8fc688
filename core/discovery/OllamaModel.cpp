#include "OllamaModel.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace gatehouse {

namespace {

// What one Ollama answer may hold at most; bounds the work a broken server can cause.
constexpr qsizetype maxModels = 10'000;
constexpr qsizetype maxCapabilities = 64;
constexpr qsizetype maxTextChars = 256;

QString shortText(const QJsonValue &value)
{
    return value.isString() ? value.toString().left(maxTextChars) : QString();
}

qint64 wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return 0;
    const double d = value.toDouble();
    // Beyond 2^53 a double no longer holds every integer; no model is that big.
    return d >= 0 && d < 9.0e15 ? static_cast<qint64>(d) : 0;
}

Result<QJsonObject> object(const QByteArray &body, const char *what)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Result<QJsonObject>::failure(
            OllamaModel::tr("The answer to %1 is not a JSON object.").arg(QLatin1String(what)));
    return doc.object();
}

Result<QJsonArray> modelArray(const QJsonObject &json, const char *what)
{
    const QJsonValue models = json.value(QLatin1String("models"));
    if (!models.isArray())
        return Result<QJsonArray>::failure(
            OllamaModel::tr("The answer to %1 has no \"models\" list.").arg(QLatin1String(what)));
    const QJsonArray array = models.toArray();
    if (array.size() > maxModels)
        return Result<QJsonArray>::failure(
            OllamaModel::tr("The answer to %1 lists more than %2 models.")
                .arg(QLatin1String(what))
                .arg(maxModels));
    return array;
}

// The trailing digits of a number as a person writes it: "8.0" -> "8", "2.50" -> "2.5".
QString trimmedNumber(double value, int decimals)
{
    QString text = QLocale().toString(value, 'f', decimals);
    const QChar point = QLocale().decimalPoint().front();
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

} // namespace

QString OllamaModel::formatSize(qint64 bytes)
{
    if (bytes <= 0)
        return {};
    const double b = static_cast<double>(bytes);
    if (b >= 1e9)
        return tr("%1 GB").arg(QLocale().toString(b / 1e9, 'f', 1));
    if (b >= 1e6)
        return tr("%1 MB").arg(QLocale().toString(b / 1e6, 'f', 0));
    if (b >= 1e3)
        return tr("%1 kB").arg(QLocale().toString(b / 1e3, 'f', 0));
    return tr("%1 bytes").arg(bytes);
}

QString OllamaModel::formatContext(qint64 tokens)
{
    if (tokens <= 0)
        return {};
    constexpr qint64 kibi = 1024;
    // Decimal where the number is (a catalog's 128000 is "128k", not 125 binary thousands),
    // else binary (Ollama's 131072 is "128k").
    if (tokens % 1'000'000 == 0)
        return QStringLiteral("%1M").arg(tokens / 1'000'000);
    if (tokens % 1000 == 0)
        return QStringLiteral("%1k").arg(tokens / 1000);
    if (tokens % (kibi * kibi) == 0)
        return QStringLiteral("%1M").arg(tokens / (kibi * kibi));
    if (tokens % kibi == 0)
        return QStringLiteral("%1k").arg(tokens / kibi);
    const double t = static_cast<double>(tokens);
    if (t >= 1e6)
        return trimmedNumber(t / 1e6, 1) + QLatin1Char('M');
    if (t >= 1e3)
        return trimmedNumber(t / 1e3, 1) + QLatin1Char('k');
    return QString::number(tokens);
}

QString OllamaModel::formatParameters(const QString &parameterSize)
{
    QString text = parameterSize.trimmed();
    // "8.0B": the ".0" says nothing.
    const qsizetype dot = text.indexOf(QLatin1String(".0"));
    if (dot > 0 && dot + 3 == text.size() && text.back().isLetter())
        text.remove(dot, 2);
    return text;
}

QStringList OllamaModel::notableCapabilities() const
{
    QStringList out;
    for (const QString &c : capabilities) {
        if (c != QLatin1String("completion"))
            out << c;
    }
    return out;
}

QString OllamaModel::summary() const
{
    QStringList parts;
    if (sizeBytes > 0)
        parts << formatSize(sizeBytes);
    if (!parameterSize.isEmpty())
        parts << formatParameters(parameterSize);
    if (!quantization.isEmpty())
        parts << quantization;
    if (contextLength > 0)
        parts << tr("%1 context").arg(formatContext(contextLength));
    const QStringList can = notableCapabilities();
    if (!can.isEmpty())
        parts << can.join(QLatin1String(", "));
    if (loaded)
        parts << tr("loaded");
    return parts.join(QStringLiteral(" · "));
}

namespace OllamaApi {

QUrl rootOf(const QUrl &baseUrl)
{
    QUrl root =
        baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    QString path = root.path();
    if (path.endsWith(QLatin1String("/v1")))
        path.chop(3);
    else if (path.endsWith(QLatin1String("/api")))
        path.chop(4);
    root.setPath(path);
    return root;
}

QUrl endpoint(const QUrl &root, QStringView path)
{
    QUrl url = root.adjusted(QUrl::StripTrailingSlash);
    url.setPath(url.path() + path.toString());
    return url;
}

Result<QList<OllamaModel>> parseTags(const QByteArray &body)
{
    const auto json = object(body, "/api/tags");
    if (!json)
        return Result<QList<OllamaModel>>::failure(json.error());
    const auto array = modelArray(json.value(), "/api/tags");
    if (!array)
        return Result<QList<OllamaModel>>::failure(array.error());
    QList<OllamaModel> out;
    for (const QJsonValue v : array.value()) {
        const QJsonObject m = v.toObject();
        OllamaModel model;
        model.name = shortText(m.value(QLatin1String("name")));
        if (model.name.isEmpty())
            model.name = shortText(m.value(QLatin1String("model")));
        if (model.name.isEmpty())
            continue;
        model.sizeBytes = wholeNumber(m.value(QLatin1String("size")));
        const QJsonObject details = m.value(QLatin1String("details")).toObject();
        model.family = shortText(details.value(QLatin1String("family")));
        model.parameterSize = shortText(details.value(QLatin1String("parameter_size")));
        model.quantization = shortText(details.value(QLatin1String("quantization_level")));
        out.append(model);
    }
    return out;
}

Status applyShow(OllamaModel &model, const QByteArray &body)
{
    const auto json = object(body, "/api/show");
    if (!json)
        return Status::failure(json.error());
    const QJsonObject info = json->value(QLatin1String("model_info")).toObject();
    const QString arch = shortText(info.value(QLatin1String("general.architecture")));
    qint64 context =
        arch.isEmpty() ? 0 : wholeNumber(info.value(arch + QLatin1String(".context_length")));
    if (context == 0) {
        // An architecture name that differs from the key's prefix: any context length will do.
        for (auto it = info.begin(); it != info.end() && context == 0; ++it) {
            if (it.key().endsWith(QLatin1String(".context_length")))
                context = wholeNumber(it.value());
        }
    }
    model.contextLength = context;
    model.capabilities.clear();
    const QJsonArray capabilities = json->value(QLatin1String("capabilities")).toArray();
    for (qsizetype i = 0; i < std::min(capabilities.size(), maxCapabilities); ++i) {
        const QString c = shortText(capabilities.at(i));
        if (!c.isEmpty() && !model.capabilities.contains(c))
            model.capabilities << c;
    }
    if (model.family.isEmpty())
        model.family = shortText(
            json->value(QLatin1String("details")).toObject().value(QLatin1String("family")));
    model.showRead = true;
    return {};
}

Status applyPs(QList<OllamaModel> &models, const QByteArray &body)
{
    const auto json = object(body, "/api/ps");
    if (!json)
        return Status::failure(json.error());
    const auto array = modelArray(json.value(), "/api/ps");
    if (!array)
        return Status::failure(array.error());
    QHash<QString, QJsonObject> running;
    for (const QJsonValue v : array.value()) {
        const QJsonObject m = v.toObject();
        for (const char *key : {"name", "model"}) {
            const QString name = shortText(m.value(QLatin1String(key)));
            if (!name.isEmpty())
                running.insert(name, m);
        }
    }
    for (OllamaModel &model : models) {
        const auto it = running.constFind(model.name);
        model.loaded = it != running.constEnd();
        if (!model.loaded) {
            model.vramBytes = 0;
            model.expiresAt = {};
            continue;
        }
        model.vramBytes = wholeNumber(it->value(QLatin1String("size_vram")));
        // Ollama writes nanoseconds ("…:05.123456789+01:00"); milliseconds are plenty.
        static const QRegularExpression beyondMs(QStringLiteral(R"((\.\d{3})\d+)"));
        const QString expires = shortText(it->value(QLatin1String("expires_at")))
                                    .replace(beyondMs, QStringLiteral("\\1"));
        model.expiresAt = QDateTime::fromString(expires, Qt::ISODateWithMs);
    }
    return {};
}

} // namespace OllamaApi

} // namespace gatehouse
