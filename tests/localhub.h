#pragma once

#include "serversettings.h"
#include "stockmodel.h"
#include "streamhub.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

// Test servers listen on the loopback interface only, on a port the kernel picks.
inline quotecast::ServerSettings localServerSettings()
{
    quotecast::ServerSettings settings;
    settings.bindAddress = QHostAddress::LocalHost;
    settings.port = 0;
    return settings;
}

// A loopback port that was free a moment ago, for a test's own server process.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

// Whether something accepts connections on 127.0.0.1:port within the timeout.
inline bool waitUntilListening(quint16 port, int timeoutMs = 10000)
{
    return QTest::qWaitFor(
        [port] {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, port);
            return probe.waitForConnected(100);
        },
        timeoutMs);
}

// A listening StreamHub that knows the model's openings and status (what main.cpp
// does before the first tick); null when it cannot listen.
inline std::unique_ptr<quotecast::StreamHub> startLocalHub(const quotecast::StockModel &model,
                                                           const quotecast::ServerSettings &settings
                                                           = localServerSettings())
{
    auto hub = std::make_unique<quotecast::StreamHub>(settings);
    hub->setFeed(model.status(), model.quotes());
    if (!hub->listen())
        return nullptr;
    return hub;
}
