#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace gatehouse {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Where a request came in: the two ends of its connection.
struct HttpEnvironment
{
    QHostAddress localAddress;
    quint16 localPort = 0;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
};

// One parsed HTTP/1.x request. Header names are lower-case.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // as sent: path and query
    QByteArray path;   // target without the query
    QByteArray query;
    int versionMinor = 1; // HTTP/1.<versionMinor>
    HttpHeaders headers;
    QByteArray body;
    HttpEnvironment environment;

    // The value of the first header with this (lower-case) name, or a null array.
    QByteArray header(QByteArrayView lowerName) const
    {
        for (const auto &h : headers) {
            if (h.first == lowerName)
                return h.second;
        }
        return {};
    }
    bool hasHeader(QByteArrayView lowerName) const { return headerCount(lowerName) > 0; }
    int headerCount(QByteArrayView lowerName) const
    {
        int count = 0;
        for (const auto &h : headers) {
            if (h.first == lowerName)
                ++count;
        }
        return count;
    }
    // Whether the client wants the connection kept open after the response.
    bool keepAlive() const;
};

} // namespace gatehouse
