#pragma once

#include <QByteArray>

namespace gatehouse {

// Turns one API's event stream into another's as bytes arrive.
class StreamTranslator
{
public:
    virtual ~StreamTranslator() = default;
    // Translated bytes for the bytes just received; empty while an event is incomplete.
    virtual QByteArray feed(QByteArrayView bytes) = 0;
    // The source stream ended with its closing event, and so did the translation.
    virtual bool isComplete() const = 0;
    // The source stream carried an error event, which has been translated and passed on.
    virtual bool failed() const = 0;
};

} // namespace gatehouse
