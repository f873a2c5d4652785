#pragma once

#include "loopback.h"
#include <feed/marketsimulator.h>
#include <server/serversettings.h>
#include <server/streamhub.h>

#include <memory>

// Test servers listen on the loopback interface only, on a port the kernel picks.
inline quotecast::ServerSettings localServerSettings()
{
    quotecast::ServerSettings settings;
    settings.bindAddress = QHostAddress::LocalHost;
    settings.port = 0;
    return settings;
}

// A listening StreamHub that knows the model's openings and status (what main.cpp
// does before the first tick); null when it cannot listen.
inline std::unique_ptr<quotecast::StreamHub> startLocalHub(const quotecast::MarketSimulator &model,
                                                           const quotecast::ServerSettings &settings
                                                           = localServerSettings())
{
    auto hub = std::make_unique<quotecast::StreamHub>(settings);
    hub->setFeed(model.status(), model.quotes());
    if (!hub->listen())
        return nullptr;
    return hub;
}
