#pragma once

#include "loopback.h"
#include <app/appoptions.h>
#include <app/feedpipeline.h>
#include <feed/marketsimulator.h>
#include <server/serversettings.h>
#include <server/streamhub.h>

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

// The app's options for a test: `server`, no tick history (never the user's), and the feed
// paused, so that only the test ticks it.
inline quotecast::AppOptions localOptions(const quotecast::ServerSettings &server
                                          = localServerSettings())
{
    quotecast::AppOptions options;
    options.server = server;
    options.inMemory = true;
    options.paused = true;
    return options;
}

// The pieces built and connected as the app does (FeedPipeline), listening, with the hub on
// the test's thread. When it cannot listen, it fails the test with the reason (a busy port,
// say) and gives null: the caller's QVERIFY stops the test.
inline std::unique_ptr<quotecast::FeedPipeline>
startLocalPipeline(const quotecast::AppOptions &options = localOptions())
{
    auto pipeline = std::make_unique<quotecast::FeedPipeline>(
        options, quotecast::FeedPipeline::ServerThreading::CallerThread);
    if (!pipeline->start()) {
        QTest::qFail(qPrintable(QStringLiteral("the pipeline's server cannot listen on %1:%2: %3")
                                    .arg(options.server.bindAddress.toString())
                                    .arg(options.server.port)
                                    .arg(pipeline->errorString())),
                     __FILE__, __LINE__);
        return nullptr;
    }
    return pipeline;
}

// A listening StreamHub alone, for tests of the hub: it knows the market's openings and status
// as the app's does (FeedPipeline::primeHub), but follows no market; the test feeds it. When
// it cannot listen, it fails the test with the reason and gives null, as startLocalPipeline.
inline std::unique_ptr<quotecast::StreamHub> startLocalHub(const quotecast::MarketSimulator &market,
                                                           const quotecast::ServerSettings &settings
                                                           = localServerSettings())
{
    auto hub = std::make_unique<quotecast::StreamHub>(settings);
    quotecast::FeedPipeline::primeHub(*hub, market);
    if (!hub->listen()) {
        QTest::qFail(qPrintable(QStringLiteral("the hub cannot listen on %1:%2: %3")
                                    .arg(settings.bindAddress.toString())
                                    .arg(settings.port)
                                    .arg(hub->errorString())),
                     __FILE__, __LINE__);
        return nullptr;
    }
    return hub;
}
