#pragma once

#include "config/ApiSurface.h"
#include "gateway/ApiError.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

// The internal representation every API surface converts to and from: a superset of what
// Chat Completions, Messages and Responses carry, so that a request from any client can
// reach a provider of any surface through one conversion each way, and a new surface is
// one adapter rather than one translator per pair.
namespace gatehouse::conversation {

// How a tool is called, which decides how a call to it looks on each surface.
enum class ToolKind
{
    Function,   // JSON arguments
    Custom,     // free-form text input (Responses "custom" tools, e.g. Codex's apply_patch)
    LocalShell, // Responses "local_shell": an argv to run
    Hosted      // run by the provider itself (web search, file search, …)
};

// One piece of message content.
struct Part
{
    enum class Kind
    {
        Text,
        Image,      // url, or mediaType + data (base64)
        File,       // a document: mediaType + data, url, fileId; filename
        ToolCall,   // the assistant calls a tool
        ToolResult, // the answer to a tool call
        Thinking,   // reasoning text, with what it takes to hand it back
        Refusal
    };
    Kind kind = Kind::Text;
    QString text; // Text, Thinking (visible reasoning or its summary), Refusal

    // Image and File
    QString url;
    QString mediaType;
    QString data; // base64
    QString fileId;
    QString filename;
    QString detail; // image detail: auto, low, high

    // ToolCall and ToolResult
    QString callId;
    QString itemId; // the Responses item id, when one was given
    QString name;   // the tool's name within its namespace
    QString toolNamespace;
    ToolKind toolKind = ToolKind::Function;
    QString arguments;    // Function: JSON text; LocalShell: the action as JSON text
    QString input;        // Custom: the free-form input
    QList<Part> content;  // ToolResult: text and images
    bool isError = false; // ToolResult

    // Thinking. Each opaque value goes back only to the surface that made it.
    QString signature;        // Anthropic thinking signature
    QString redactedData;     // Anthropic redacted_thinking
    QString encryptedContent; // Responses reasoning encrypted_content
    QStringList summary;      // Responses reasoning summary texts
    // Gemini's thought signature, which rides on text, function call and thought parts: it
    // goes back only to a Gemini provider.
    QString thoughtSignature;

    QJsonValue cacheControl; // Anthropic cache_control hint, kept where it can go

    static Part textPart(const QString &text)
    {
        Part p;
        p.text = text;
        return p;
    }
    bool isToolCall() const { return kind == Kind::ToolCall; }
    // All text of a tool result's content, for surfaces that take tool output as a string.
    QString resultText() const;
};

enum class Role
{
    System,
    Developer,
    User,
    Assistant,
    Tool // tool results
};

struct Message
{
    Role role = Role::User;
    QList<Part> parts;
};

// The name a tool in a namespace has for a provider without namespaces: "namespace__name".
QString flatName(const QString &toolNamespace, const QString &name);

struct ToolDefinition
{
    ToolKind kind = ToolKind::Function;
    QString name;
    QString toolNamespace; // Responses namespace tools are flattened into this field
    QString description;
    QJsonObject parameters; // Function: JSON schema
    std::optional<bool> strict;
    QJsonObject format;      // Custom: {"type":"grammar",…} or {"type":"text"}
    QString hostedType;      // Hosted: "web_search", "file_search", …
    QJsonObject hosted;      // Hosted: the tool as the client sent it
    QJsonValue cacheControl; // Anthropic

    // The name a provider without namespaces sees: "namespace__name".
    QString flatName() const;
};

struct ToolChoice
{
    enum class Mode
    {
        Unset,
        Auto,
        None,
        Required,
        Named
    };
    Mode mode = Mode::Unset;
    QString name;          // Named
    QString toolNamespace; // Named
    ToolKind toolKind = ToolKind::Function;
};

struct ResponseFormat
{
    enum class Kind
    {
        Unset,
        Text,
        JsonObject,
        JsonSchema
    };
    Kind kind = Kind::Unset;
    QString name;
    QString description;
    QJsonObject schema;
    std::optional<bool> strict;

    // OpenAI's two APIs share the format types and the schema's fields (name, description,
    // schema, strict); Chat Completions nests those in response_format.json_schema, the
    // Responses API puts them in text.format itself.
    static ResponseFormat fromOpenAi(const QString &type, const QJsonObject &schemaFields);
    QJsonObject openAiSchemaFields() const;
};

struct ReasoningOptions
{
    QString effort;  // none, minimal, low, medium, high (empty: unset)
    QString summary; // auto, concise, detailed (empty: unset)
    qint64 budgetTokens = -1;
    std::optional<bool> enabled; // Anthropic thinking on or off
};

// A model request from any client.
struct Request
{
    QString model;
    QList<Message> messages; // system and developer messages included, in order
    QList<ToolDefinition> tools;
    ToolChoice toolChoice;
    std::optional<bool> parallelToolCalls;
    std::optional<qint64> maxOutputTokens;
    std::optional<double> temperature;
    std::optional<double> topP;
    std::optional<qint64> topK;
    QStringList stop;
    int choices = 1; // Chat Completions "n"
    ResponseFormat responseFormat;
    ReasoningOptions reasoning;
    QString user;
    QString promptCacheKey;
    bool stream = false;
    bool streamUsage = false; // the client asked for usage in the stream
    bool includeEncryptedReasoning = false;
    // A bare prompt (Ollama /api/generate): the client reads the answer as "response".
    bool promptCompletion = false;
    // Fields of the client's surface that no other surface has: they go back only to a
    // provider of the same surface (and a Responses client gets them echoed in the answer).
    ApiSurface origin = ApiSurface::OpenAi;
    QJsonObject surfaceExtras;

    const ToolDefinition *tool(const QString &flatName) const;
    // Tools a provider of another surface cannot run, dropped from what it is sent.
    QStringList hostedToolNames() const;
};

struct Usage
{
    qint64 inputTokens = -1; // all input, cached or not
    qint64 outputTokens = -1;
    qint64 cachedInputTokens = -1;   // input read from the provider's cache
    qint64 cacheCreationTokens = -1; // input written to it
    qint64 reasoningTokens = -1;     // part of the output

    bool known() const { return inputTokens >= 0 || outputTokens >= 0; }
    // Fields known in `other` replace those here.
    void merge(const Usage &other);
};

enum class StopReason
{
    EndTurn,
    MaxTokens,
    StopSequence,
    ToolUse,
    ContentFilter,
    Refusal,
    PauseTurn,
    Unknown
};

// A whole answer.
struct Response
{
    QString id;
    QString model;
    qint64 created = 0; // seconds since 1970
    QList<Part> parts;  // what the assistant said and did, in order
    StopReason stopReason = StopReason::EndTurn;
    QString stopSequence;
    Usage usage;
};

// One step of a streamed answer. Every surface's stream turns into these and back:
// Start, then content blocks (BlockStart, BlockDelta…, BlockStop) one after the other,
// then Finish, or Error at any point.
struct StreamEvent
{
    enum class Type
    {
        Start,      // id, model, usage (input known so far)
        BlockStart, // index, part (its kind and, for tool calls, id and name)
        BlockDelta, // index, delta, deltaKind
        BlockStop,  // index, part (complete: text, arguments, signature, …)
        Finish,     // stopReason, stopSequence, usage
        Error       // error
    };
    enum class DeltaKind
    {
        Text,      // text or reasoning text
        Arguments, // tool call arguments (or custom input)
        Signature  // Anthropic thinking signature
    };
    Type type = Type::Start;
    int index = -1;
    Part part;
    QString delta;
    DeltaKind deltaKind = DeltaKind::Text;
    QString id;
    QString model;
    Usage usage;
    StopReason stopReason = StopReason::EndTurn;
    QString stopSequence;
    ApiError error;
    bool providerError = false; // the provider's own error event: its words, not Gatehouse's
};

using StreamEvents = QList<StreamEvent>;

// "data:image/png;base64,AAAA" into its media type and base64 data; false when it is not a
// base64 data URL.
bool parseDataUrl(const QString &url, QString *mediaType, QString *data);
QString dataUrl(const QString &mediaType, const QString &data);
// The media types of images every surface accepts.
bool isSupportedImageType(const QString &mediaType);
// An http(s) URL with a host, as every surface takes for an image or a file.
bool isWebUrl(const QString &url);

} // namespace gatehouse::conversation
