// Whole provider answers of every surface converted into the answer a client of every surface
// gets, as the gateway does: a body that is no answer is a 502, and what the client gets is
// valid JSON that Gatehouse itself reads back as an answer of that surface. The model list
// and error message readers take the same bytes.
//
// Input: one options byte (the provider's surface: byte % 4; the client's: byte / 4 % 4), then
// the provider's body.
#include "FuzzSurfaces.h"
#include "gateway/Relay.h"

using namespace gatehouse;

FUZZ_TARGET(in)
{
    const auto [provider, client] = fuzz::conversion(in.options);
    const QByteArray body = in.bytes.toByteArray();

    const QStringList models = provider.parseModelList(body);
    for (const QString &id : models)
        FUZZ_CHECK(!id.isEmpty() && id.trimmed() == id && models.count(id) == 1);
    provider.errorMessage(body);

    const conversation::Request &request = fuzz::clientRequest(client, false);
    auto translated = translateAnswer(body, provider, client, request);
    if (const auto *error = std::get_if<ApiError>(&translated)) {
        fuzz::checkError(*error);
        FUZZ_CHECK(error->status == 502);
        return 0;
    }
    const TranslatedAnswer &answer = std::get<TranslatedAnswer>(translated);
    fuzz::checkJson(answer.json);
    for (const qint64 n :
         {answer.usage.inputTokens, answer.usage.outputTokens, answer.usage.cachedInputTokens,
          answer.usage.cacheCreationTokens, answer.usage.reasoningTokens})
        FUZZ_CHECK(n >= -1);
    // What Gatehouse answers a client is an answer of the client's surface.
    auto again = client.decodeResponse(answer.json);
    if (const auto *error = std::get_if<ApiError>(&again)) {
        std::fprintf(stderr, "re-decoding failed: %s\n%s\n", qPrintable(error->message),
                     QJsonDocument(answer.json).toJson().constData());
        FUZZ_CHECK(!"a converted answer is not a valid answer of its surface");
    }
    return 0;
}
