#pragma once

#include "Conversation.h"

#include <QByteArray>

namespace gatehouse {

// Finds token counts in provider answers without parsing whole bodies: looks for "usage"
// objects in the bytes and reads only those. Every surface's shape is understood: OpenAI
// prompt_tokens/completion_tokens with their details, Anthropic input_tokens/output_tokens
// with cache reads and writes, Responses input_tokens/output_tokens with their details,
// Gemini's usageMetadata, and Ollama's prompt_eval_count/eval_count, which stand on their own
// in an answer's last object.
// Streams report usage in several events (Anthropic: input in message_start, output so far
// in message_delta), so the counts only ever grow.
class UsageScanner
{
public:
    void scan(QByteArrayView bytes);
    const conversation::Usage &usage() const { return m_usage; }

private:
    void readObjectAfter(QByteArrayView bytes, qsizetype pos);
    void readOllamaCounts(QByteArrayView bytes);
    // Gemini's "usageMetadata" objects.
    void scanGemini(QByteArrayView bytes);
    void readObjectAfter(QByteArrayView bytes, qsizetype pos,
                         void (*reader)(QByteArrayView, conversation::Usage &));

    conversation::Usage m_usage;
};

} // namespace gatehouse
