#include <app/feedpipeline.h>

#include <feed/marketsimulator.h>
#include <history/tickstorethread.h>
#include <replay/replaysource.h>
#include <server/serverthread.h>
#include <server/streamhub.h>

#include <QStandardPaths>
#include <QTimer>

namespace quotecast {

FeedPipeline::FeedPipeline(const AppOptions &options, ServerThreading threading)
    : m_options(options)
    , m_serverSettings(options.server)
{
    if (!options.inMemory)
        openHistory();
    m_serverSettings.runId = m_stored.historyId;
    // The symbols the history remembers, unless --symbols names others: each at its latest
    // stored tick's price (continueFrom), else at the price remembered with the list.
    m_simulator = std::make_unique<MarketSimulator>(
        options.symbolsGiven || m_stored.symbols.isEmpty() ? options.openings : m_stored.symbols);

    if (options.seed)
        m_simulator->setSeed(*options.seed);
    m_simulator->setIntervalMs(options.intervalMs);
    m_simulator->setPriceModel(options.market.priceModel);
    m_simulator->continueFrom(m_stored.latest, m_stored.lastSeq);
    // Only an open store gets the ticks: a store whose thread never started would keep every
    // queued tick in that thread's event queue for ever (216 bytes a tick).
    if (m_history) {
        QObject::connect(m_simulator.get(), &MarketSimulator::quoteUpdated, m_history->store(),
                         &TickStore::append);
        rememberSymbols();
    }
    if (!options.market.replayFiles.isEmpty())
        openReplay();

    if (threading == ServerThreading::OwnThread)
        m_serverThread = std::make_unique<ServerThread>(m_serverSettings);
    else
        m_callerThreadHub = std::make_unique<StreamHub>(m_serverSettings);
}

FeedPipeline::~FeedPipeline() = default;

// --replay: the same path as the window's File menu.
void FeedPipeline::openReplay()
{
    startReplay(m_options.market.replayFiles, m_options.market.replayLoop, &m_replayError);
}

// Recorded prices instead of the model's: checked whole before the market plays them, so that
// a file refused leaves the market as it was.
bool FeedPipeline::startReplay(const QStringList &sources, bool loop, QString *error,
                               QString *sourceWithoutSymbol)
{
    PriceReplay replay;
    if (!replay.open(sources, error)) {
        if (sourceWithoutSymbol)
            *sourceWithoutSymbol = replay.sourceWithoutSymbol();
        return false;
    }
    m_simulator->startReplay(std::make_unique<ReplaySource>(std::move(replay)), loop);
    return true;
}

// The history remembers the market's symbols, with their prices, now (those of --symbols, or
// the defaults of a new history) and whenever they change, so that the next start has them.
// Not while the market replays recorded prices: those symbols are the files'.
void FeedPipeline::rememberSymbols()
{
    TickStore *store = m_history->store();
    const MarketSimulator *market = m_simulator.get();
    const auto remember = [store, market] {
        if (market->status().isReplay())
            return;
        QList<MarketSimulator::Opening> symbols;
        for (const Quote &quote : market->quotes())
            symbols.append({ quote.symbol, quote.priceCents });
        // In the store's thread, after the ticks before it; the store writes only a new list.
        QMetaObject::invokeMethod(store, [store, symbols] { store->rememberSymbols(symbols); });
    };
    remember();
    QObject::connect(market, &MarketSimulator::statusChanged, market, remember);
}

// The tick history on disk: the feed carries on where it stopped, under the same ids.
void FeedPipeline::openHistory()
{
    const QString file = !m_options.historyFile.isEmpty()
        ? m_options.historyFile
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
            + QStringLiteral("/history.sqlite");
    m_history = std::make_unique<TickStoreThread>();
    if (m_history->open(file, m_options.historyDays, m_serverSettings.resumeBufferSize,
                        &m_stored)) {
        m_serverSettings.historyFile = file; // for GET /api/history
        return;
    }
    m_historyError = m_history->errorString();
    m_history.reset();
    m_stored = {};
}

bool FeedPipeline::start()
{
    // Started before anything listens: no tick comes before the event loop runs, and the hub
    // and nchan get the running status from the start rather than "stopped", then "started".
    if (!m_options.paused)
        m_simulator->start();
    for (const ScheduledShock &scheduled : m_options.market.shocks) {
        QTimer::singleShot(scheduled.delayMs, m_simulator.get(), [this, scheduled] {
            QString error;
            if (!m_simulator->startShock(scheduled.shock, &error))
                qWarning("quotecast: --shock: %s", qPrintable(error));
        });
    }
    const auto prime = [this](StreamHub &hub) { primeHub(hub, *m_simulator, m_stored.recent); };
    if (m_serverThread) {
        // In the server thread, while this one waits: what the hub posts to nchan meanwhile
        // belongs to that thread, and no browser finds a hub that does not know the feed yet.
        if (!m_serverThread->start(prime))
            return false;
    } else {
        prime(*m_callerThreadHub);
        if (!m_callerThreadHub->listen())
            return false;
    }
    // Queued when the hub lives in the server thread.
    QObject::connect(m_simulator.get(), &MarketSimulator::quoteUpdated, hub(), &StreamHub::addTick);
    // With the market's quotes, read here in the market's thread: a replay's new symbols have
    // an opening price before any tick of theirs.
    StreamHub *streamHub = hub();
    const MarketSimulator *market = m_simulator.get();
    QObject::connect(market, &MarketSimulator::statusChanged, market,
                     [streamHub, market](const FeedStatus &status) {
                         QMetaObject::invokeMethod(
                             streamHub, [streamHub, status, quotes = market->quotes()] {
                                 streamHub->setStatusWithQuotes(status, quotes);
                             });
                     });
    return true;
}

QString FeedPipeline::errorString() const
{
    return m_serverThread ? m_serverThread->errorString() : m_callerThreadHub->errorString();
}

StreamHub *FeedPipeline::hub() const
{
    return m_serverThread ? m_serverThread->hub() : m_callerThreadHub.get();
}

quint16 FeedPipeline::serverPort() const
{
    return m_serverThread ? m_serverThread->serverPort() : m_callerThreadHub->serverPort();
}

TickStore *FeedPipeline::tickStore() const
{
    return m_history ? m_history->store() : nullptr;
}

void FeedPipeline::primeHub(StreamHub &hub, const MarketSimulator &simulator,
                            const QList<Quote> &recentTicks)
{
    hub.setFeed(simulator.status(), simulator.quotes(), recentTicks);
}

} // namespace quotecast
