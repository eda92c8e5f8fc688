#pragma once

// What the surface fuzz targets share: the surfaces, a client request of each to convert
// answers for, and the checks that what Gatehouse writes is valid JSON and valid errors.
#include "FuzzSupport.h"
#include "surfaces/SurfaceAdapter.h"

#include <QJsonDocument>

namespace fuzz {

// The surfaces, in the order the options byte numbers them.
inline constexpr gatehouse::ApiSurface surfaces[] = {
    gatehouse::ApiSurface::OpenAi, gatehouse::ApiSurface::Responses,
    gatehouse::ApiSurface::Anthropic, gatehouse::ApiSurface::Ollama, gatehouse::ApiSurface::Gemini};
inline constexpr int surfaceCount = int(sizeof(surfaces) / sizeof(surfaces[0]));

inline const gatehouse::SurfaceAdapter &surface(int n)
{
    return gatehouse::surfaceAdapter(surfaces[n % surfaceCount]);
}

// The two surfaces a target converts between, chosen by its options byte: the one its bytes
// come in as (options % 4) and the one they are converted for (options / 4 % 4).
struct Conversion
{
    const gatehouse::SurfaceAdapter &from;
    const gatehouse::SurfaceAdapter &to;
};
inline Conversion conversion(quint8 options)
{
    return {surface(options), surface(options / surfaceCount)};
}

// Bytes Gatehouse writes from `o` parse back into the same JSON object.
inline void checkJson(const QJsonObject &o)
{
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Compact);
    QJsonParseError e{};
    const QJsonDocument back = QJsonDocument::fromJson(bytes, &e);
    FUZZ_CHECK(e.error == QJsonParseError::NoError);
    FUZZ_CHECK(back.isObject());
}

inline void checkError(const gatehouse::ApiError &error)
{
    FUZZ_CHECK(error.status >= 400 && error.status <= 599);
    FUZZ_CHECK(!error.message.isEmpty());
    for (const gatehouse::ApiShape shape :
         {gatehouse::ApiShape::OpenAi, gatehouse::ApiShape::Anthropic, gatehouse::ApiShape::Ollama,
          gatehouse::ApiShape::Gemini})
        checkJson(QJsonDocument::fromJson(error.body(shape)).object());
}

// A client request of `client`'s surface with every kind of tool it can offer (answers are
// converted for it: tool calls restored, the request echoed).
inline const gatehouse::conversation::Request &
clientRequest(const gatehouse::SurfaceAdapter &client, bool stream)
{
    static const char *const bodies[] = {
        // Chat Completions
        R"({"model":"gw:m","stream":true,"stream_options":{"include_usage":true},
            "messages":[{"role":"user","content":"Hi"}],
            "tools":[{"type":"function","function":{"name":"weather",
                      "parameters":{"type":"object"}}}]})",
        // Responses
        R"({"model":"gw:m","stream":true,"store":false,
            "reasoning":{"effort":"medium","summary":"auto"},
            "include":["reasoning.encrypted_content"],
            "tools":[{"type":"function","name":"exec_command","parameters":{"type":"object"}},
                     {"type":"custom","name":"apply_patch","description":"Edit files."},
                     {"type":"namespace","name":"agents","description":"Sub-agents",
                      "tools":[{"type":"function","name":"spawn",
                                "parameters":{"type":"object"}}]},
                     {"type":"local_shell"},{"type":"web_search"}],
            "input":"Fix it"})",
        // Messages
        R"({"model":"gw:m","stream":true,"max_tokens":100,
            "messages":[{"role":"user","content":"Hi"}],
            "tools":[{"name":"weather","input_schema":{"type":"object"}}]})",
        // Ollama
        R"({"model":"gw:m","think":true,"options":{"num_ctx":4096},
            "messages":[{"role":"user","content":"Hi"}],
            "tools":[{"type":"function","function":{"name":"weather",
                      "parameters":{"type":"object"}}}]})",
        // Gemini (model and stream as the gateway adds them from the URL)
        R"({"model":"gw:m","stream":true,
            "contents":[{"role":"user","parts":[{"text":"Hi"}]}],
            "tools":[{"functionDeclarations":[{"name":"weather",
                      "parameters":{"type":"OBJECT"}}]}]})"};
    static gatehouse::conversation::Request requests[2][surfaceCount];
    static bool made = false;
    if (!made) {
        for (int n = 0; n < surfaceCount; ++n) {
            auto decoded = surface(n).decodeRequest(QJsonDocument::fromJson(bodies[n]).object());
            auto *r = std::get_if<gatehouse::conversation::Request>(&decoded);
            FUZZ_CHECK(r);
            requests[1][n] = *r;
            r->stream = false;
            requests[0][n] = *r;
        }
        made = true;
    }
    int n = 0;
    while (n + 1 < surfaceCount && surfaces[n] != client.surface())
        ++n;
    return requests[stream ? 1 : 0][n];
}

} // namespace fuzz
