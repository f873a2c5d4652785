#pragma once

#include <feed/feedstatus.h>
#include <feed/quote.h>

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace quotecast {

// The simulated market: a fixed set of symbols whose prices move on a timer.
// Each tick moves one randomly chosen symbol by a uniformly drawn whole number of
// cents within ±0.5 % of its price. The market only emits signals; it does not know
// who listens (dashboard, HTTP hub, tests).
class MarketSimulator : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning WRITE setRunning NOTIFY runningChanged)
    Q_PROPERTY(int intervalMs READ intervalMs WRITE setIntervalMs NOTIFY intervalMsChanged)

public:
    struct Opening
    {
        QString symbol;
        qint64 priceCents;
    };
    static QList<Opening> defaultOpenings();
    static constexpr int DefaultIntervalMs = 2000;
    static constexpr int MinIntervalMs = 10;
    static constexpr int MaxIntervalMs = 24 * 3600 * 1000;
    // A price the market can hold, in cents: at most 2^53, which JSON's numbers (doubles)
    // carry exactly; a walk from the largest opening price (10^8) would take ages to reach it.
    static constexpr qint64 MaxPriceCents = qint64(1) << 53;

    explicit MarketSimulator(const QList<Opening> &openings = defaultOpenings(),
                             QObject *parent = nullptr);

    // Makes the sequence of ticks reproducible (tests, benchmarks).
    void setSeed(quint32 seed);
    // Carries on from a stored history: each symbol's last quote (symbols the market does not
    // have, and prices it cannot hold, from 1 to MaxPriceCents, are ignored) and the last
    // tick's number, so the next tick is `lastSeq + 1`.
    void continueFrom(const QList<Quote> &latest, quint64 lastSeq);

    bool isRunning() const;
    int intervalMs() const;
    QStringList symbols() const;
    // The latest quote of every symbol, in the order of the openings.
    QList<Quote> quotes() const;
    FeedStatus status() const;

public slots:
    void start();
    void stop();
    void setRunning(bool running);
    void setIntervalMs(int intervalMs);
    // Moves one symbol now; the timer calls this, tests may call it directly.
    void tick();

signals:
    void quoteUpdated(const quotecast::Quote &quote);
    void runningChanged(bool running);
    void intervalMsChanged(int intervalMs);
    // Any of running, interval: convenient for listeners that forward the whole status.
    void statusChanged(const quotecast::FeedStatus &status);

private:
    QList<Quote> m_quotes;
    QTimer m_timer;
    QRandomGenerator m_rng;
    quint64 m_seq = 0;
};

} // namespace quotecast
