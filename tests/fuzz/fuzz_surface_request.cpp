// Client requests of every surface converted, through the internal representation, into
// the request a provider of every surface gets: what is refused is a proper 4xx error, and
// what is sent is valid JSON that names the provider's model and that Gatehouse itself
// would accept as a request of that surface.
//
// Input: one options byte (the client's surface: byte % 4; the provider's: byte / 4 % 4),
// then the client's JSON body.
#include "FuzzSurfaces.h"

using namespace gatehouse;

FUZZ_TARGET(in)
{
    const auto [client, provider] = fuzz::conversion(in.options);
    const QJsonDocument doc = QJsonDocument::fromJson(in.bytes.toByteArray());
    if (!doc.isObject())
        return 0;
    auto decoded = client.decodeRequest(doc.object());
    if (const auto *error = std::get_if<ApiError>(&decoded)) {
        fuzz::checkError(*error);
        FUZZ_CHECK(error->status < 500);
        return 0;
    }
    const conversation::Request &request = std::get<conversation::Request>(decoded);
    FUZZ_CHECK(request.origin == client.surface());
    auto encoded = provider.encodeRequest(request, QStringLiteral("upstream-model"));
    if (const auto *error = std::get_if<ApiError>(&encoded)) {
        fuzz::checkError(*error);
        FUZZ_CHECK(error->status < 500);
        return 0;
    }
    const QJsonObject &out = std::get<QJsonObject>(encoded);
    fuzz::checkJson(out);
    // (Gemini names the model in the URL, not the body.)
    FUZZ_CHECK(provider.modelInUrl() ||
               out.value(QLatin1String("model")).toString() == QLatin1String("upstream-model"));
    // What Gatehouse sends a provider is a request of the provider's surface.
    // (A Responses client may answer calls made in a stored earlier response, which its
    // request does not carry: such answers are passed on, where other surfaces refuse them.)
    auto again = provider.decodeRequest(out);
    const auto *error = std::get_if<ApiError>(&again);
    if (error && !(client.surface() == ApiSurface::Responses &&
                   error->message.contains(QLatin1String("no earlier")))) {
        std::fprintf(stderr, "re-decoding failed: %s\n%s\n", qPrintable(error->message),
                     QJsonDocument(out).toJson().constData());
        FUZZ_CHECK(!"a converted request is not a valid request of its surface");
    }
    return 0;
}
