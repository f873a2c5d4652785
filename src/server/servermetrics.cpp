#include <server/servermetrics.h>

namespace quotecast {

namespace {

void appendMetric(QByteArray &text, const char *name, const char *type, const char *help,
                  const QByteArray &value)
{
    text += QByteArray("# HELP quotecast_") + name + ' ' + help + "\n# TYPE quotecast_" + name + ' '
        + type + "\nquotecast_" + name + ' ' + value + '\n';
}

} // namespace

QByteArray ServerMetrics::toPrometheusText() const
{
    const auto number = [](auto value) { return QByteArray::number(value); };
    QByteArray text;
    appendMetric(text, "clients", "gauge", "Open event streams.", number(clients));
    appendMetric(text, "max_clients", "gauge", "Open event streams allowed; more get 503.",
                 number(maxClients));
    appendMetric(text, "events_published_total", "counter", "Feed events the server received.",
                 number(ticksReceived));
    appendMetric(text, "events_sent_total", "counter",
                 "Live events handed to clients, once per client.", number(eventsSent));
    appendMetric(text, "bytes_sent_total", "counter", "Bytes written to event streams.",
                 number(bytesSent));
    appendMetric(text, "slow_clients_dropped_total", "counter",
                 "Clients disconnected because they read too slowly.", number(slowClientsDropped));
    appendMetric(
        text, "clients_timed_out_total", "counter",
        "Clients dropped because their connection made no progress for the client timeout.",
        number(clientsTimedOut));
    appendMetric(text, "uptime_seconds", "gauge", "Seconds since the server started.",
                 QByteArray::number(uptimeSeconds, 'f', 3));
    appendMetric(text, "feed_running", "gauge", "1 while the price feed ticks, 0 when stopped.",
                 number(feedRunning ? 1 : 0));
    appendMetric(text, "feed_interval_seconds", "gauge", "Time between two ticks of the feed.",
                 QByteArray::number(feedIntervalMs / 1000.0, 'f', 3));
    if (publisher) {
        appendMetric(text, "publish_connected", "gauge",
                     "1 while nchan accepts the events, 0 while posting them fails.",
                     number(publisher->connected ? 1 : 0));
        appendMetric(text, "publish_queued", "gauge", "Events waiting to be posted to nchan.",
                     number(publisher->queued));
        appendMetric(text, "publish_sent_total", "counter", "Events nchan accepted.",
                     number(publisher->published));
        appendMetric(text, "publish_dropped_total", "counter",
                     "Events given up because the queue for nchan was full.",
                     number(publisher->dropped));
    }
    return text;
}

} // namespace quotecast
