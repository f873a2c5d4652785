#pragma once

#include <feed/marketsimulator.h>

#include <QList>

// Ticks `market` `count` times and returns the quotes it emitted, in order: a feed's
// history as a test's reference.
inline QList<quotecast::Quote> tickAndRecord(quotecast::MarketSimulator &market, int count)
{
    QList<quotecast::Quote> ticks;
    const QMetaObject::Connection recording
        = QObject::connect(&market, &quotecast::MarketSimulator::quoteUpdated,
                           [&ticks](const quotecast::Quote &quote) { ticks.append(quote); });
    for (int i = 0; i < count; ++i)
        market.tick();
    QObject::disconnect(recording);
    return ticks;
}
