#pragma once

#include <QByteArrayView>

namespace gatehouse {

// The small pieces of HTTP syntax that the server, the upstream client and the config share.

// Parses the unsigned decimal or hexadecimal numbers of HTTP framing (Content-Length, chunk
// sizes). Refuses signs, spaces and anything long enough to overflow.
inline bool parseHttpNumber(QByteArrayView s, int base, qint64 &out)
{
    if (s.isEmpty() || s.size() > 15)
        return false;
    qint64 v = 0;
    for (const char c : s) {
        int d;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (base == 16 && c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        else
            return false;
        v = v * base + d;
    }
    out = v;
    return true;
}

// Whether `s` is an HTTP token (RFC 9110 §5.6.2): what a method or a header name must be.
inline bool isHttpToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (const char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace gatehouse
