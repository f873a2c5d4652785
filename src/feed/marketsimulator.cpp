#include <feed/marketsimulator.h>
#include <feed/symbol.h>

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

MarketSimulator::~MarketSimulator() = default;

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
    FeedStatus status { isRunning(), intervalMs(), symbols() };
    if (m_replay) {
        status.replayFromMs = m_replay->firstTimeMs();
        status.replayToMs = m_replay->lastTimeMs();
    }
    return status;
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
    // A replay that ended, or failed, plays again from its first row, if it can: a failed
    // rewind keeps the feed stopped rather than running it for one empty tick.
    if (running && m_replayRewinds) {
        if (!m_replay->rewind()) {
            emit replayFailed(m_replay->errorString());
            return;
        }
        m_replayRewinds = false;
    }
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

void MarketSimulator::setPriceModel(const PriceModel &model)
{
    if (!model.isValid() || model == m_model)
        return;
    m_model = model;
    emit priceModelChanged(model);
}

bool MarketSimulator::addSymbol(const QString &symbol, qint64 priceCents, QString *error)
{
    if (!acceptsChanges(error))
        return false;
    const QString name = symbol::normalized(symbol);
    if (name.isEmpty()) {
        *error = tr("'%1' is not a symbol: a letter, then up to 9 letters, digits or dots")
                     .arg(symbol.left(32));
        return false;
    }
    if (indexOf(name) >= 0) {
        *error = tr("The market has %1 already").arg(name);
        return false;
    }
    if (m_quotes.size() >= symbol::MaxCount) {
        *error = tr("The market has %1 symbols, the most it can have").arg(symbol::MaxCount);
        return false;
    }
    if (!acceptsPrice(name, priceCents, error))
        return false;
    // The new symbol's first price is a tick, so that the history, Last-Event-ID replay and
    // every client learn it in sequence like any other price.
    m_quotes.append({ name, priceCents, 0, 0, 0 });
    emitTick(m_quotes.size() - 1, priceCents);
    emit statusChanged(status());
    return true;
}

bool MarketSimulator::removeSymbol(const QString &symbol, QString *error)
{
    if (!acceptsChanges(error))
        return false;
    const qsizetype index = findSymbol(symbol, error);
    if (index < 0)
        return false;
    if (m_quotes.size() == 1) {
        *error = tr("%1 is the market's last symbol: add another one first")
                     .arg(m_quotes[index].symbol);
        return false;
    }
    takeOutOfShock(m_quotes.takeAt(index).symbol);
    emit statusChanged(status());
    return true;
}

bool MarketSimulator::setPrice(const QString &symbol, qint64 priceCents, QString *error)
{
    if (!acceptsChanges(error))
        return false;
    const qsizetype index = findSymbol(symbol, error);
    if (index < 0 || !acceptsPrice(m_quotes[index].symbol, priceCents, error))
        return false;
    takeOutOfShock(m_quotes[index].symbol); // the person's price wins over the shock's path
    emitTick(index, priceCents);
    return true;
}

bool MarketSimulator::startShock(const Shock &shock, QString *error)
{
    if (!acceptsChanges(error))
        return false;
    if (!shock.isValid()) {
        *error = tr("A shock moves prices by %1 to %2 percent over 1 to %3 ticks")
                     .arg(Shock::MinPercent)
                     .arg(Shock::MaxPercent)
                     .arg(Shock::MaxTicks);
        return false;
    }
    QHash<QString, qint64> start;
    if (shock.symbol.isEmpty()) {
        for (const Quote &quote : std::as_const(m_quotes))
            start.insert(quote.symbol, quote.priceCents);
    } else {
        const qsizetype index = findSymbol(shock.symbol, error);
        if (index < 0)
            return false;
        start.insert(m_quotes[index].symbol, m_quotes[index].priceCents);
    }
    const bool wasShocking = isShocking();
    m_shock.emplace(shock, start);
    if (!wasShocking)
        emit shockingChanged(true);
    return true;
}

void MarketSimulator::startReplay(std::unique_ptr<PriceSource> source, bool loop)
{
    Q_ASSERT(source && !source->firstPrices().isEmpty());
    if (isShocking())
        endShock();
    m_replay = std::move(source);
    m_replayLoops = loop;
    m_replayRewinds = false;
    // The recorded symbols replace the market's. A symbol the market has keeps its price until
    // its first row is played, so that the row's tick has its true change; a new one opens at
    // its first price (seq 0, as an opening price), which its first row then ticks again.
    // No tick here: every tick of a replay is a row of its files, once.
    QList<Quote> previous = m_quotes;
    m_quotes.clear();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const SourcePrice &first : m_replay->firstPrices()) {
        Quote quote { first.symbol, first.priceCents, 0, now, 0, first.marketTimeMs };
        for (const Quote &old : std::as_const(previous)) {
            if (old.symbol == first.symbol)
                quote = old;
        }
        m_quotes.append(quote);
    }
    emit statusChanged(status());
}

void MarketSimulator::stopReplay()
{
    if (!m_replay)
        return;
    m_replay.reset();
    m_replayRewinds = false;
    emit statusChanged(status());
}

void MarketSimulator::tick()
{
    if (m_replay) {
        advanceReplay();
        return;
    }
    if (isShocking()) {
        advanceShock();
        return;
    }
    const auto index = qsizetype(m_rng.bounded(quint32(m_quotes.size())));
    emitTick(index, m_model.nextPriceCents(m_quotes[index].priceCents, MaxPriceCents, m_rng));
}

qsizetype MarketSimulator::findSymbol(const QString &symbol, QString *error) const
{
    const qsizetype index = indexOf(symbol.trimmed().toUpper());
    if (index < 0)
        *error = tr("The market has no symbol %1").arg(symbol.left(32));
    return index;
}

bool MarketSimulator::acceptsPrice(const QString &symbol, qint64 priceCents, QString *error)
{
    if (priceCents >= 1 && priceCents <= symbol::MaxGivenPriceCents)
        return true;
    *error = tr("The price of %1 must be from 0.01 to 1000000").arg(symbol);
    return false;
}

void MarketSimulator::takeOutOfShock(const QString &symbol)
{
    if (!m_shock)
        return;
    m_shock->drop(symbol);
    if (m_shock->isDone())
        endShock();
}

qsizetype MarketSimulator::indexOf(const QString &symbol) const
{
    for (qsizetype i = 0; i < m_quotes.size(); ++i) {
        if (m_quotes[i].symbol == symbol)
            return i;
    }
    return -1;
}

void MarketSimulator::emitTick(qsizetype index, qint64 priceCents, qint64 marketTimeMs)
{
    Quote &quote = m_quotes[index];
    quote.changeCents = priceCents - quote.priceCents;
    quote.priceCents = priceCents;
    quote.timestampMs = QDateTime::currentMSecsSinceEpoch();
    quote.seq = ++m_seq;
    quote.marketTimeMs = marketTimeMs;
    emit quoteUpdated(quote);
}

void MarketSimulator::advanceReplay()
{
    std::optional<SourcePrice> price = m_replay->next();
    if (!price && m_replay->errorString().isEmpty() && m_replayLoops) {
        if (m_replay->rewind())
            price = m_replay->next();
    }
    if (!price) {
        m_replayRewinds = true;
        setRunning(false);
        if (const QString error = m_replay->errorString(); !error.isEmpty())
            emit replayFailed(error);
        return;
    }
    const qsizetype index = indexOf(price->symbol);
    Q_ASSERT(index >= 0); // a source gives only the symbols of its firstPrices()
    if (index >= 0)
        emitTick(index, price->priceCents, price->marketTimeMs);
}

bool MarketSimulator::acceptsChanges(QString *error) const
{
    if (!m_replay)
        return true;
    *error = tr("The market is replaying recorded prices: go back to simulated prices first");
    return false;
}

void MarketSimulator::advanceShock()
{
    // One tick for each shocked symbol, in the market's order.
    const QHash<QString, qint64> prices = m_shock->nextStep(MaxPriceCents);
    for (qsizetype i = 0; i < m_quotes.size(); ++i) {
        const auto price = prices.constFind(m_quotes[i].symbol);
        if (price != prices.cend())
            emitTick(i, *price);
    }
    if (m_shock->isDone())
        endShock();
}

void MarketSimulator::endShock()
{
    m_shock.reset();
    emit shockingChanged(false);
}

} // namespace quotecast
