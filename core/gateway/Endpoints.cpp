// Every endpoint the gateway serves, declared once. Adding an endpoint is one entry here.
#include "EndpointTable.h"
#include "Gateway.h"
#include "surfaces/OllamaSurface.h"

#include <array>

namespace gatehouse {

namespace {

EndpointSpec modelCall(const char *path, ApiSurface surface, ApiShape shape, Operation operation,
                       EndpointSpec::Parse parse, const char *logName)
{
    EndpointSpec spec(path, "POST");
    spec.errorShape = shape;
    spec.surface = surface;
    spec.operation = operation;
    spec.parse = parse;
    spec.handler = &Gateway::serveModelCall;
    spec.logName = logName;
    return spec;
}

EndpointSpec local(const char *path, const char *method, EndpointSpec::Handler handler,
                   ApiShape shape = ApiShape::OpenAi)
{
    EndpointSpec spec(path, method);
    spec.errorShape = shape;
    spec.handler = handler;
    return spec;
}

} // namespace

const EndpointTable &EndpointTable::standard()
{
    static const EndpointTable table([] {
        QList<EndpointSpec> specs;
        EndpointSpec health = local("/healthz", "GET", &Gateway::serveHealth);
        health.needsKey = false;
        specs << health;
        specs << local("/metrics", "GET", &Gateway::serveMetrics);

        specs << modelCall("/v1/chat/completions", ApiSurface::OpenAi, ApiShape::OpenAi,
                           Operation::Generate, &ModelRequest::parseConversation,
                           "chat/completions");
        specs << modelCall("/v1/embeddings", ApiSurface::OpenAi, ApiShape::OpenAi,
                           Operation::Embeddings, &ModelRequest::parseEmbeddings, "embeddings");
        specs << modelCall("/v1/messages", ApiSurface::Anthropic, ApiShape::Anthropic,
                           Operation::Generate, &ModelRequest::parseConversation, "messages");
        specs << modelCall("/v1/messages/count_tokens", ApiSurface::Anthropic, ApiShape::Anthropic,
                           Operation::CountTokens, &ModelRequest::parseConversation,
                           "messages/count_tokens");
        specs << local("/v1/models", "GET", &Gateway::serveModelList);

        EndpointSpec responses =
            modelCall("/v1/responses", ApiSurface::Responses, ApiShape::OpenAi, Operation::Generate,
                      &ModelRequest::parseResponses, "responses");
        responses.prepare = &Gateway::continueStoredResponse;
        responses.answered = &Gateway::storeResponse;
        specs << responses;
        specs << local("/v1/responses/{id}", "GET", &Gateway::serveStoredResponse);
        specs << local("/v1/responses/{id}", "DELETE", &Gateway::deleteStoredResponse);
        specs << local("/v1/responses/{id}/input_items", "GET", &Gateway::serveStoredInputItems);

        // Ollama's native API
        specs << local("/api/version", "GET", &Gateway::serveOllamaVersion, ApiShape::Ollama);
        specs << local("/api/tags", "GET", &Gateway::serveOllamaTags, ApiShape::Ollama);
        specs << local("/api/show", "POST", &Gateway::serveOllamaShow, ApiShape::Ollama);
        specs << local("/api/ps", "GET", &Gateway::serveOllamaPs, ApiShape::Ollama);
        specs << modelCall("/api/chat", ApiSurface::Ollama, ApiShape::Ollama, Operation::Generate,
                           &ModelRequest::parseOllamaChat, "api/chat");
        specs << modelCall("/api/generate", ApiSurface::Ollama, ApiShape::Ollama,
                           Operation::Complete, &ModelRequest::parseOllamaGenerate, "api/generate");
        specs << modelCall("/api/embed", ApiSurface::Ollama, ApiShape::Ollama,
                           Operation::Embeddings, &ModelRequest::parseEmbeddings, "api/embed");
        EndpointSpec legacyEmbeddings = modelCall(
            "/api/embeddings", ApiSurface::Ollama, ApiShape::Ollama, Operation::Embeddings,
            &ModelRequest::parseOllamaLegacyEmbeddings, "api/embeddings");
        legacyEmbeddings.reshape = &OllamaSurface::legacyEmbedding;
        specs << legacyEmbeddings;
        // Google's Gemini API, under v1beta and v1 (GET /v1/models stays OpenAI's list, which
        // answers a Google client in Gemini's shape).
        for (const auto &[generate, stream, count, model, any] :
             {std::array<const char *, 5>{"/v1beta/models/{model}:generateContent",
                                          "/v1beta/models/{model}:streamGenerateContent",
                                          "/v1beta/models/{model}:countTokens",
                                          "/v1beta/models/{model}",
                                          "/v1beta/models/{model}:{method}"},
              std::array<const char *, 5>{"/v1/models/{model}:generateContent",
                                          "/v1/models/{model}:streamGenerateContent",
                                          "/v1/models/{model}:countTokens", "/v1/models/{model}",
                                          "/v1/models/{model}:{method}"}}) {
            EndpointSpec call =
                modelCall(generate, ApiSurface::Gemini, ApiShape::Gemini, Operation::Generate,
                          &ModelRequest::parseGemini, "generateContent");
            call.prepare = &Gateway::prepareGeminiCall;
            specs << call;
            EndpointSpec streamed =
                modelCall(stream, ApiSurface::Gemini, ApiShape::Gemini, Operation::Generate,
                          &ModelRequest::parseGemini, "streamGenerateContent");
            streamed.prepare = &Gateway::prepareGeminiStream;
            specs << streamed;
            EndpointSpec counted =
                modelCall(count, ApiSurface::Gemini, ApiShape::Gemini, Operation::CountTokens,
                          &ModelRequest::parseGemini, "countTokens");
            counted.prepare = &Gateway::prepareGeminiCall;
            specs << counted;
            specs << local(model, "GET", &Gateway::serveGeminiModel, ApiShape::Gemini);
            specs << local(any, "POST", &Gateway::serveUnknownGeminiMethod, ApiShape::Gemini);
        }
        specs << local("/v1beta/models", "GET", &Gateway::serveGeminiModelList, ApiShape::Gemini);
        return specs;
    }());
    return table;
}

} // namespace gatehouse
