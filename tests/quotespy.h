#pragma once

#include <feed/quote.h>

#include <QList>
#include <QSignalSpy>

// The quotes a spy on MarketSimulator::quoteUpdated caught, oldest first; the spy is emptied,
// so that the next call gives only what came after.
inline QList<quotecast::Quote> takeQuotes(QSignalSpy &spy)
{
    QList<quotecast::Quote> quotes;
    for (const QList<QVariant> &arguments : std::as_const(spy))
        quotes.append(arguments.first().value<quotecast::Quote>());
    spy.clear();
    return quotes;
}
