#pragma once

#include "Conversation.h"
#include "SurfaceAdapter.h"

#include <QJsonObject>

namespace gatehouse {

// How tools that only the Responses API has (custom tools with free-form input, namespaces,
// local_shell) are offered to providers that only know functions, and how their calls are
// turned back into what the client offered.
namespace toolshapes {

// The JSON schema of the function a tool is offered as.
QJsonObject functionParameters(const conversation::ToolDefinition &tool);
// Its description, with what a custom tool's input must look like.
QString functionDescription(const conversation::ToolDefinition &tool);
// The JSON arguments of a call as a function call.
QString functionArguments(const conversation::Part &call);
// A function call to a flattened tool turned back into the call the client's tool expects
// (custom input, local_shell action, namespace). Calls to unknown tools stay as they are.
void restoreCall(conversation::Part &call, const conversation::Request &request);

// Restores calls in a stream: passes events on, but holds back the arguments of calls to
// custom and local_shell tools until their block ends, then hands on the restored call.
class StreamRestorer
{
public:
    explicit StreamRestorer(const conversation::Request &request) : m_request(request) {}
    conversation::StreamEvents process(conversation::StreamEvent event);

private:
    const conversation::Request &m_request;
    QHash<int, QString> m_held; // block index -> arguments so far
    QHash<int, conversation::Part> m_calls;
};

} // namespace toolshapes

// Opaque reasoning (Anthropic thinking signatures, Responses encrypted_content) goes back
// only to the surface that made it. A client of the other surface carries it in its own
// opaque field, marked, so that it comes back intact on the next turn.
namespace opaque {
QString wrapSignatureForResponses(const QString &signature);
QString wrapEncryptedForAnthropic(const QString &encrypted);
// Sorts a value a client handed back into the part's signature or encrypted content.
void fromAnthropicSignature(const QString &value, conversation::Part &part);
void fromResponsesEncrypted(const QString &value, conversation::Part &part);
} // namespace opaque

} // namespace gatehouse
