#pragma once

// What the fuzz targets share: the entry points, invariant checks that stop the run, the first
// input byte as options, and feeding the rest whole or in pieces cut where that byte says.
#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtGlobal>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// An invariant that must hold whatever the input: a violation is reported as a crash, so
// that libFuzzer keeps the input.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #condition, __FILE__,      \
                         __LINE__);                                                                \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace fuzz {

// Qt's warnings are noise at millions of runs; fatal messages still end the run.
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", message.toLocal8Bit().constData());
            std::abort();
        }
    });
}

// FUZZ_STRICT=1 also checks what is known not to hold yet (each target says which): for
// hunting, not for CI.
inline bool strict()
{
    static const bool on = qEnvironmentVariableIntValue("FUZZ_STRICT") == 1;
    return on;
}

// The first byte chooses options; the rest is the input proper.
struct Input
{
    quint8 options = 0;
    QByteArrayView bytes;
};
inline Input split(const uint8_t *data, size_t size)
{
    if (size == 0)
        return {};
    return {data[0], QByteArrayView(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1))};
}

// Cuts `bytes` into pieces of 0 to `maxPiece` bytes, deterministically from `seed`, and calls
// `feed` with each (empty pieces included: a parser must take them too). Stops early when
// `feed` returns false.
template <typename Feed> void inPieces(QByteArrayView bytes, unsigned seed, Feed &&feed)
{
    const qsizetype maxPiece = 1 + qsizetype(seed % 23);
    quint32 state = seed * 2654435761u + 1;
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        state = state * 1103515245u + 12345u;
        const qsizetype n = std::min<qsizetype>((state >> 16) % (maxPiece + 1), bytes.size() - pos);
        if (!feed(bytes.sliced(pos, n)))
            return;
        pos += n;
    }
}

// Feeds `bytes` to `feed` whole, in one call (also when empty), where `seed` is negative;
// else in pieces as inPieces cuts them.
template <typename Feed> void wholeOrInPieces(QByteArrayView bytes, int seed, Feed &&feed)
{
    if (seed < 0)
        feed(bytes);
    else
        inPieces(bytes, unsigned(seed), feed);
}

} // namespace fuzz

// Defines the libFuzzer entry points of a target whose input is an options byte and then the
// bytes proper: Qt is kept quiet, and the body that follows the macro is run with the input
// split (a fuzz::Input named `in`) and returns libFuzzer's result.
#define FUZZ_TARGET(in)                                                                            \
    static int fuzzOneInput(const fuzz::Input &in);                                                \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                           \
    {                                                                                              \
        fuzz::quietQt();                                                                           \
        return 0;                                                                                  \
    }                                                                                              \
    extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)                        \
    {                                                                                              \
        return fuzzOneInput(fuzz::split(data, size));                                              \
    }                                                                                              \
    static int fuzzOneInput(const fuzz::Input &in)
