#pragma once

#include <feed/feedstatus.h>
#include <feed/pricemodel.h>
#include <feed/pricesource.h>
#include <feed/quote.h>
#include <feed/shock.h>
#include <feed/shockpath.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>
#include <optional>

namespace quotecast {

// The simulated market: symbols whose prices move on a timer. Each tick moves one randomly
// chosen symbol by its PriceModel (by default the seed's: a uniformly drawn whole number of
// cents within ±0.5 % of its price), or, during a Shock, every shocked symbol one step, or,
// while it replays recorded prices (a PriceSource), gives the next recorded price.
// A person may add and remove symbols and set a price while it runs; every price it reaches is
// a tick (`quoteUpdated`, with the next sequence number), so that every listener sees the same
// sequence. The market only emits signals; it does not know who listens (dashboard, HTTP hub,
// history, tests). Errors are returned as translated sentences for the person who asked.
class MarketSimulator : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning WRITE setRunning NOTIFY runningChanged)
    Q_PROPERTY(int intervalMs READ intervalMs WRITE setIntervalMs NOTIFY intervalMsChanged)
    Q_PROPERTY(bool shocking READ isShocking NOTIFY shockingChanged)

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
    ~MarketSimulator() override;

    // Makes the sequence of ticks reproducible (tests, benchmarks).
    void setSeed(quint32 seed);
    // Carries on from a stored history: each symbol's last quote (symbols the market does not
    // have, and prices it cannot hold, from 1 to MaxPriceCents, are ignored) and the last
    // tick's number, so the next tick is `lastSeq + 1`.
    void continueFrom(const QList<Quote> &latest, quint64 lastSeq);

    bool isRunning() const;
    int intervalMs() const;
    QStringList symbols() const;
    // The latest quote of every symbol, in the order they were added.
    QList<Quote> quotes() const;
    FeedStatus status() const;
    PriceModel priceModel() const { return m_model; }
    bool isShocking() const { return m_shock.has_value(); }
    bool isReplaying() const { return m_replay != nullptr; }

    // Adds `symbol` (as symbol::normalized accepts it) at `priceCents` (1 to
    // symbol::MaxGivenPriceCents), after the others: its first tick (change 0) and the new
    // status follow at once. False with `error` for a bad name or price, a symbol the market
    // has, or a market of symbol::MaxCount symbols.
    bool addSymbol(const QString &symbol, qint64 priceCents, QString *error);
    // Removes `symbol`: it ticks no more, the new status follows. False with `error` when the
    // market has no such symbol or it is the last one (a market has at least one).
    bool removeSymbol(const QString &symbol, QString *error);
    // Ticks `symbol` at `priceCents` (1 to symbol::MaxGivenPriceCents) now, with its change
    // from the last price; a shock no longer moves it. False with `error` as addSymbol.
    bool setPrice(const QString &symbol, qint64 priceCents, QString *error);
    // Starts `shock` from the current prices, replacing one under way; it advances with the
    // ticks (paused while the feed is). False with `error` for a parameter out of range or an
    // unknown symbol.
    bool startShock(const Shock &shock, QString *error);
    // While the market replays, those four refuse with `error` saying so: the recorded prices
    // are the market's.

    // Plays `source`'s prices, one a tick, instead of the model's moves: the market's symbols
    // become the source's (a new one at its first price, as an opening price; one the market
    // has at its price until its first row), and the status says it is a replay and of when.
    // At the end the feed stops (Start plays it again), or with `loop` starts over. An error
    // while playing stops the feed: replayFailed (and again at each Start that cannot
    // rewind). Replaces a replay under way and ends a shock.
    void startReplay(std::unique_ptr<PriceSource> source, bool loop);
    // Back to the model's moves, from the replay's last prices; the status says so.
    void stopReplay();

public slots:
    void start();
    void stop();
    void setRunning(bool running);
    void setIntervalMs(int intervalMs);
    // From the next tick on; `model` must be valid (PriceModel::isValid), or nothing changes.
    void setPriceModel(const quotecast::PriceModel &model);
    // Moves one symbol (or a shock's symbols) now; the timer calls this, tests may call it.
    void tick();

signals:
    void quoteUpdated(const quotecast::Quote &quote);
    void runningChanged(bool running);
    void intervalMsChanged(int intervalMs);
    void priceModelChanged(const quotecast::PriceModel &model);
    void shockingChanged(bool shocking);
    // The replay could not go on (a file changed or vanished while it played): the feed stopped.
    void replayFailed(const QString &error);
    // Any of running, interval, symbols: for listeners that forward the whole status.
    void statusChanged(const quotecast::FeedStatus &status);

private:
    qsizetype indexOf(const QString &symbol) const;
    // indexOf `symbol` as a person wrote it (trimmed, any case); -1 with `error` when absent.
    qsizetype findSymbol(const QString &symbol, QString *error) const;
    // Whether a person may give `priceCents` (1 to symbol::MaxGivenPriceCents); else `error`.
    static bool acceptsPrice(const QString &symbol, qint64 priceCents, QString *error);
    // A removed symbol, or one whose price was set, leaves the shock (which may end with it).
    void takeOutOfShock(const QString &symbol);
    // Moves m_quotes[index] to `priceCents` as the next tick.
    void emitTick(qsizetype index, qint64 priceCents, qint64 marketTimeMs = 0);
    void advanceShock();
    void endShock();
    void advanceReplay();
    // Whether a person may change the market now; `error` says why not.
    bool acceptsChanges(QString *error) const;

    QList<Quote> m_quotes;
    QTimer m_timer;
    QRandomGenerator m_rng;
    quint64 m_seq = 0;
    PriceModel m_model;
    std::optional<ShockPath> m_shock; // while a shock is under way
    std::unique_ptr<PriceSource> m_replay; // while replaying
    bool m_replayLoops = false;
    bool m_replayRewinds = false; // it ended or failed: the next start rewinds
};

} // namespace quotecast
