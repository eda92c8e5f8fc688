#pragma once

#include "UpstreamCall.h"

#include <QHash>
#include <vector>

class QNetworkAccessManager;

namespace gatehouse {

class Http1ConnectionPool;

// Sends requests to providers.
// - Plain http:// upstreams (the local model servers on this machine or network, where the
//   gateway's own overhead matters most) go through a lean HTTP/1.1 client on the gateway's
//   thread with a keep-alive connection pool and no per-host connection limit.
// - https:// upstreams go through QNetworkAccessManager for TLS, HTTP/2 and proxies. Qt 6.4's
//   manager opens at most six HTTP/1.1 connections per host and queues the rest, so the client
//   spreads requests to one host over several managers, and no request waits for a free slot.
class UpstreamClient : public QObject
{
    Q_OBJECT
public:
    explicit UpstreamClient(QObject *parent = nullptr);
    ~UpstreamClient() override;

    UpstreamCall *send(const UpstreamRequest &request, QObject *owner);
    int managerCount() const { return static_cast<int>(m_managers.size()); }

    static constexpr int connectionsPerManager = 6;

private:
    struct Manager
    {
        QNetworkAccessManager *nam;
        QHash<QString, int> inFlight; // per scheme://host:port
    };
    int pickManager(const QString &hostKey);
    UpstreamCall *sendWithManager(const UpstreamRequest &request, QObject *owner);

    std::vector<Manager> m_managers;
    Http1ConnectionPool *m_pool;
};

} // namespace gatehouse
