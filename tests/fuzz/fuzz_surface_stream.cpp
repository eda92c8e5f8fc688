// Provider streams of every surface: the decoder's events follow the internal
// representation's grammar as far as the encoders rely on it (each block opened once, grown
// and closed while open; nothing after Finish or Error) whatever the cut; the stream translated for
// a client of every surface, as the gateway relays it, is well-formed SSE whose events carry valid
// JSON, also when it is ended with an error; a stream relayed as it is comes out unchanged up
// to the end of its last complete event.
//
// Input: one options byte (the provider's surface: byte % 4; the client's: byte / 4 % 4; the
// rest: how the bytes are cut), then the provider's stream.
#include "FuzzSurfaces.h"
#include "gateway/Relay.h"

#include <QSet>

using namespace gatehouse;
using conversation::StreamEvent;

namespace {

// Checks the events of one stream as they come.
class Grammar
{
public:
    void check(const StreamEvent &e)
    {
        FUZZ_CHECK(!m_ended); // nothing after Finish or Error
        switch (e.type) {
        case StreamEvent::Type::Start:
            break;
        case StreamEvent::Type::BlockStart:
            // The encoders key blocks by index: each opened once, grown and closed while open.
            FUZZ_CHECK(e.index >= 0 && !m_seen.contains(e.index));
            m_seen.insert(e.index);
            m_open.insert(e.index);
            break;
        case StreamEvent::Type::BlockDelta:
            // Strict only: the Chat Completions decoder can still pass on a delta for a
            // block that is not open.
            FUZZ_CHECK(!fuzz::strict() || m_open.contains(e.index));
            break;
        case StreamEvent::Type::BlockStop:
            FUZZ_CHECK(m_open.remove(e.index) || !fuzz::strict());
            break;
        case StreamEvent::Type::Finish:
            m_finished = true;
            m_ended = true;
            break;
        case StreamEvent::Type::Error:
            fuzz::checkError(e.error);
            m_failed = true;
            m_ended = true;
            break;
        }
    }
    bool finished() const { return m_finished; }
    bool failed() const { return m_failed; }

private:
    bool m_ended = false;
    bool m_finished = false;
    bool m_failed = false;
    QSet<int> m_open;
    QSet<int> m_seen;
};

// What one event says, for comparing two runs.
QString describe(const StreamEvent &e)
{
    return QString::number(int(e.type)) + QLatin1Char('|') + QString::number(e.index) +
           QLatin1Char('|') + QString::number(int(e.part.kind)) + QLatin1Char('|') + e.delta +
           QLatin1Char('|') + e.part.text + QLatin1Char('|') + e.part.arguments + QLatin1Char('|') +
           QString::number(int(e.stopReason)) + QLatin1Char('|') +
           QString::number(e.usage.outputTokens) + QLatin1Char('|') + e.error.message;
}

QStringList decode(const SurfaceAdapter &provider, QByteArrayView bytes, int seed)
{
    const std::unique_ptr<StreamDecoder> decoder = provider.streamDecoder();
    Grammar grammar;
    QStringList events;
    auto feed = [&](QByteArrayView piece) {
        for (const StreamEvent &e : decoder->feed(piece)) {
            grammar.check(e);
            events << describe(e);
        }
        FUZZ_CHECK(decoder->isComplete() == grammar.finished());
        FUZZ_CHECK(decoder->failed() == grammar.failed());
        return true;
    };
    fuzz::wholeOrInPieces(bytes, seed, feed);
    return events;
}

// What `chain` writes for `bytes` fed in pieces cut by `seed`.
QByteArray relay(RelayChain &chain, QByteArrayView bytes, int seed)
{
    QByteArray out;
    fuzz::inPieces(bytes, unsigned(seed), [&](QByteArrayView piece) {
        out += chain.data(piece.toByteArray());
        return true;
    });
    return out;
}

// Client-side bytes: complete SSE events whose data is JSON (or Chat Completions' [DONE]).
void checkSse(const QByteArray &bytes, bool allowIncomplete)
{
    SseParser parser;
    for (const SseParser::Event &e : parser.feed(bytes)) {
        if (e.data == "[DONE]")
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(e.data, &error);
        if (error.error != QJsonParseError::NoError)
            std::fprintf(stderr, "event data is not JSON: %s\n", e.data.constData());
        FUZZ_CHECK(error.error == QJsonParseError::NoError && doc.isObject());
    }
    FUZZ_CHECK(!parser.overflowed());
    if (!allowIncomplete)
        FUZZ_CHECK(bytes.isEmpty() || bytes.endsWith("\n\n"));
}

} // namespace

FUZZ_TARGET(in)
{
    const auto [provider, client] = fuzz::conversion(in.options);
    const int seed = in.options / (fuzz::surfaceCount * fuzz::surfaceCount);

    // The decoder alone, whole and cut.
    const QStringList events = decode(provider, in.bytes, -1);
    FUZZ_CHECK(events == decode(provider, in.bytes, seed));

    // Translated for the client.
    const conversation::Request &request = fuzz::clientRequest(client, true);
    RelayChain chain = RelayChain::translation(provider, client, request);
    QByteArray out = relay(chain, in.bytes, seed);
    if (!chain.complete())
        out += chain.endWithError(
            ApiError::badGateway(QStringLiteral("The stream broke off."), QStringLiteral("x")),
            client);
    checkSse(out, false);
    fuzz::checkJson(chain.finalResponse());

    // Relayed as it is, in whole events: what comes out is the input up to the end of its
    // last complete event, however the bytes were cut; all of it when the input ends with one.
    RelayChain same = RelayChain::passthrough(provider, false);
    const QByteArray input = in.bytes.toByteArray();
    const QByteArray relayed = relay(same, in.bytes, seed);
    FUZZ_CHECK(input.startsWith(relayed));
    FUZZ_CHECK(!input.endsWith("\n\n") || relayed == input);
    // What it saw does not depend on how the bytes were cut (usage strict only: the observers
    // read a usage object within their last 512 bytes, and on malformed JSON whole bytes
    // can find a closing brace further away).
    RelayChain once = RelayChain::passthrough(provider, false);
    FUZZ_CHECK(once.data(input) == relayed);
    FUZZ_CHECK(once.complete() == same.complete());
    const conversation::Usage usage = same.usage();
    const conversation::Usage whole = once.usage();
    FUZZ_CHECK(!fuzz::strict() || (usage.inputTokens == whole.inputTokens &&
                                   usage.outputTokens == whole.outputTokens &&
                                   usage.cachedInputTokens == whole.cachedInputTokens &&
                                   usage.cacheCreationTokens == whole.cacheCreationTokens &&
                                   usage.reasoningTokens == whole.reasoningTokens));
    for (const qint64 n : {usage.inputTokens, usage.outputTokens, usage.cachedInputTokens,
                           usage.cacheCreationTokens, usage.reasoningTokens})
        FUZZ_CHECK(n >= -1);
    if (provider.surface() == ApiSurface::OpenAi) {
        RelayChain stripped = RelayChain::passthrough(provider, true);
        const QByteArray s = relay(stripped, in.bytes, seed);
        // The usage-only chunk is taken out; every other event comes through as it was.
        auto datas = [](const QByteArray &bytes, bool strip) {
            QList<QByteArray> list;
            SseParser parser;
            for (const SseParser::Event &e : parser.feed(bytes)) {
                if (!(strip && e.data.contains("\"choices\":[]") && e.data.contains("\"usage\"")))
                    list << e.event + '|' + e.data;
            }
            return list;
        };
        FUZZ_CHECK(datas(s, false) == datas(in.bytes.toByteArray(), true));
    }
    return 0;
}
