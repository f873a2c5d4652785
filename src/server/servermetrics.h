#pragma once

#include <relay/publisherstatus.h>

#include <QByteArray>

#include <optional>

namespace quotecast {

// What `GET /metrics` reports, read at one moment.
struct ServerMetrics
{
    int clients = 0;
    int maxClients = 0;
    quint64 ticksReceived = 0; // feed ticks the hub received (quotecast_events_published_total)
    quint64 eventsSent = 0; // live events handed to clients, counted once per client
    quint64 bytesSent = 0;
    quint64 slowClientsDropped = 0;
    quint64 clientsTimedOut = 0; // no progress for the client timeout
    double uptimeSeconds = 0;
    bool feedRunning = false;
    int feedIntervalMs = 0;
    std::optional<PublisherStatus> publisher; // with --publish

    // The Prometheus text exposition format (version 0.0.4), with HELP and TYPE lines.
    QByteArray toPrometheusText() const;
};

} // namespace quotecast
