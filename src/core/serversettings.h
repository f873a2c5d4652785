#pragma once

#include <QHostAddress>

namespace quotecast {

// Everything that shapes the HTTP side, with the defaults users get without options.
struct ServerSettings
{
    static constexpr quint16 DefaultPort = 8080;

    QHostAddress bindAddress = QHostAddress::Any;
    quint16 port = DefaultPort; // 0 picks a free port
    int retryMs = 3000; // reconnection advice sent as `retry:`
    int heartbeatMs = 15000; // `: ping` period; proxies drop idle streams after ~30-60 s
};

} // namespace quotecast
