#pragma once

#include "ApiError.h"
#include "ModelRequest.h"
#include "surfaces/SurfaceAdapter.h"

#include <QHash>
#include <QList>
#include <functional>
#include <memory>
#include <optional>
#include <variant>

namespace gatehouse {

class Gateway;
struct RequestContext;

using PathParams = QHash<QString, QString>;

// A path pattern: literal segments, "{name}" for one segment, and "{a}:{b}" for one segment
// split at its last colon (Gemini's "models/{model}:{method}", where a model may have colons);
// "{a}:literal" matches only that method ("models/{model}:generateContent").
class PathPattern
{
public:
    explicit PathPattern(const char *pattern);
    // The parameters when `path` matches; percent-encoded segments are decoded.
    std::optional<PathParams> match(QByteArrayView path) const;
    QString text() const { return QString::fromLatin1(m_text); }

private:
    struct Segment
    {
        QByteArray literal; // empty for a parameter segment
        QString name;       // "{name}"
        QString suffixName; // the "{b}" of "{a}:{b}"
        QString suffix;     // the "literal" of "{a}:literal"
    };
    QByteArray m_text;
    QList<Segment> m_segments;
};

// One client-facing endpoint, declared once: where it is, what it does, how its errors
// look. Model endpoints name the API surface they speak (which renders their answers,
// streams and stream errors) and how their body is parsed; the others have a handler.
struct EndpointSpec
{
    using Parse = std::variant<ModelRequest, ApiError> (*)(const QByteArray &);
    using Handler = void (Gateway::*)(const std::shared_ptr<RequestContext> &);
    // Work an endpoint does before its request is routed (Responses: previous_response_id).
    using Prepare = std::optional<ApiError> (Gateway::*)(RequestContext &);
    // What it does with a whole, successful answer (Responses: store it).
    using Answered = void (Gateway::*)(const RequestContext &, const QJsonObject &);
    // A whole, successful answer in the shape this endpoint answers with, where that differs
    // from its surface's (Ollama's legacy /api/embeddings).
    using Reshape = QByteArray (*)(const QByteArray &answer);

    EndpointSpec(const char *pathPattern, const char *httpMethod)
        : path(pathPattern), method(httpMethod)
    {
    }

    PathPattern path;
    const char *method;
    ApiShape errorShape = ApiShape::OpenAi;
    bool needsKey = true;
    // Model endpoints: which operation, on which surface, and how the body is read.
    std::optional<Operation> operation;
    ApiSurface surface = ApiSurface::OpenAi;
    Parse parse = nullptr;
    // Local endpoints: who answers.
    Handler handler = nullptr;
    Prepare prepare = nullptr;
    Answered answered = nullptr;
    const char *logName = nullptr; // the endpoint in the request log; null: not logged
    Reshape reshape = nullptr;

    bool isModelCall() const { return operation.has_value(); }
};

// The registered endpoints, and which one a request is for.
class EndpointTable
{
public:
    struct Match
    {
        const EndpointSpec *spec = nullptr;
        PathParams params;
    };
    // Every endpoint of the gateway (Endpoints.cpp).
    static const EndpointTable &standard();

    explicit EndpointTable(QList<EndpointSpec> specs) : m_specs(std::move(specs)) {}
    // The endpoint for this method and path: 404 when no path matches, 405 (naming the
    // methods that would) when only the method is wrong.
    std::variant<Match, ApiError> match(QByteArrayView method, QByteArrayView path) const;
    const QList<EndpointSpec> &specs() const { return m_specs; }
    // The error shape a request to `path` expects, before it is known to be valid.
    ApiShape shapeFor(QByteArrayView path) const;

private:
    QList<EndpointSpec> m_specs;
};

} // namespace gatehouse
