#include <feed/marketsimulator.h>

#include <QDateTime>

namespace quotecast {

QList<MarketSimulator::Opening> MarketSimulator::defaultOpenings()
{
    return { { QStringLiteral("AAPL"), 170'00 },
             { QStringLiteral("GOOG"), 1500'00 },
             { QStringLiteral("MSFT"), 250'00 },
             { QStringLiteral("AMZN"), 130'00 } };
}

MarketSimulator::MarketSimulator(const QList<Opening> &openings, QObject *parent)
    : QObject(parent)
    , m_rng(QRandomGenerator::securelySeeded())
{
    Q_ASSERT(!openings.isEmpty());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Opening &opening : openings)
        m_quotes.append({ opening.symbol, opening.priceCents, 0, now, 0 });

    m_timer.setInterval(DefaultIntervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &MarketSimulator::tick);
}

void MarketSimulator::setSeed(quint32 seed)
{
    m_rng.seed(seed);
}

void MarketSimulator::continueFrom(const QList<Quote> &latest, quint64 lastSeq)
{
    for (Quote &quote : m_quotes) {
        for (const Quote &stored : latest) {
            // A damaged history's price would overflow the next tick's step (found by
            // tests/fuzz): that symbol starts again from its opening price.
            if (stored.symbol == quote.symbol && stored.priceCents >= 1
                && stored.priceCents <= MaxPriceCents)
                quote = stored;
        }
    }
    m_seq = lastSeq;
}

bool MarketSimulator::isRunning() const
{
    return m_timer.isActive();
}

int MarketSimulator::intervalMs() const
{
    return m_timer.interval();
}

QStringList MarketSimulator::symbols() const
{
    QStringList result;
    result.reserve(m_quotes.size());
    for (const Quote &quote : m_quotes)
        result.append(quote.symbol);
    return result;
}

QList<Quote> MarketSimulator::quotes() const
{
    return m_quotes;
}

FeedStatus MarketSimulator::status() const
{
    return { isRunning(), intervalMs(), symbols() };
}

void MarketSimulator::start()
{
    setRunning(true);
}

void MarketSimulator::stop()
{
    setRunning(false);
}

void MarketSimulator::setRunning(bool running)
{
    if (running == isRunning())
        return;
    if (running)
        m_timer.start();
    else
        m_timer.stop();
    emit runningChanged(running);
    emit statusChanged(status());
}

void MarketSimulator::setIntervalMs(int intervalMs)
{
    intervalMs = qMax(intervalMs, MinIntervalMs);
    if (intervalMs == m_timer.interval())
        return;
    m_timer.setInterval(intervalMs); // restarts a running timer with the new interval
    emit intervalMsChanged(intervalMs);
    emit statusChanged(status());
}

void MarketSimulator::tick()
{
    Quote &quote = m_quotes[int(m_rng.bounded(quint32(m_quotes.size())))];
    // Draw whole cents so that the change is exactly representable and never exceeds
    // ±0.5 % once rounded; a price of at least one cent therefore never reaches zero.
    const qint64 maxStep = quote.priceCents * 5 / 1000;
    const qint64 change = m_rng.bounded(-maxStep, maxStep + 1);
    quote.priceCents += change;
    quote.changeCents = change;
    quote.timestampMs = QDateTime::currentMSecsSinceEpoch();
    quote.seq = ++m_seq;
    emit quoteUpdated(quote);
}

} // namespace quotecast
