#pragma once

#include <app/appoptions.h>
#include <feed/quote.h>
#include <history/tickstore.h>
#include <server/serversettings.h>

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace quotecast {

class MarketSimulator;
class ServerThread;
class StreamHub;
class TickStoreThread;

// The one place that builds quotecast's pieces and connects them, for the app, the benchmark,
// the screenshot tool and the tests alike: the simulated market, the tick history it continues from
// and writes, and the server that fans it out. The server learns the feed (its status and
// quotes, asked of the simulator, and the stored recent ticks) before it listens, in its own
// thread, then follows every tick and change of status. The window is not built here (this
// library does not link widgets): see createDashboard().
class FeedPipeline
{
public:
    // Where the server lives: a thread of its own (the app), or the caller's thread (tests
    // that call the hub directly, and wait on its signals).
    enum class ServerThreading { OwnThread, CallerThread };

    // Builds the simulator from `options` and, unless options.inMemory, opens the tick history
    // (options.historyFile, else history.sqlite in the user's data folder) and continues the feed
    // from it where it stopped: with the symbols it remembers (StoredFeed::symbols) unless
    // options.symbolsGiven, and from then on the history remembers the market's symbols when
    // they change. A history that cannot be used leaves the feed in memory: historyError() says
    // why. Nothing listens yet, nor ticks.
    explicit FeedPipeline(const AppOptions &options,
                          ServerThreading threading = ServerThreading::OwnThread);
    // Closes every stream cleanly, then writes what the history has buffered.
    ~FeedPipeline();
    Q_DISABLE_COPY_MOVE(FeedPipeline)

    // Starts the feed (unless options.paused), gives the server the feed and makes it listen;
    // from then on every tick and change of status reaches it. False when it cannot listen:
    // errorString() says why.
    bool start();
    QString errorString() const;

    MarketSimulator *simulator() const { return m_simulator.get(); }
    // Replays `sources` (PriceReplay::open: paths, or SYMBOL=path) instead of the market's
    // prices, from the next tick on, looping at the end with `loop`: the market's symbols become
    // the files', and its status says it replays (MarketSimulator::startReplay). The files are
    // checked whole first: false with `error` (the file, the line, what is wrong) when they
    // cannot be played, the market then untouched, and `sourceWithoutSymbol` (when given) the
    // source refused only for a file name that gives no symbol (PriceReplay). The command
    // line's --replay comes here too.
    bool startReplay(const QStringList &sources, bool loop, QString *error,
                     QString *sourceWithoutSymbol = nullptr);
    // With OwnThread, in the server thread: queued connections only.
    StreamHub *hub() const;
    quint16 serverPort() const;
    // What the server was given: options.server with the history file and the run id.
    const ServerSettings &serverSettings() const { return m_serverSettings; }

    bool keepsHistory() const { return m_history != nullptr; }
    // Why the history asked for is not kept; empty when it is, or none was asked for.
    QString historyError() const { return m_historyError; }
    // Why the files of options.market.replayFiles cannot be played (the file, the line, what is
    // wrong); empty when they are played, or none were given. The market then simulates.
    QString replayError() const { return m_replayError; }
    // The store, in a thread of its own (queued connections only); null unless keepsHistory().
    TickStore *tickStore() const;
    // The stored history's last ticks, oldest first (empty in memory).
    const QList<Quote> &recentTicks() const { return m_stored.recent; }

    // What a hub must know before its first client, always asked of the simulator: its status
    // and quotes, and the `recentTicks` of a stored history. For tests of the hub alone.
    static void primeHub(StreamHub &hub, const MarketSimulator &simulator,
                         const QList<Quote> &recentTicks = {});

private:
    void openHistory();
    void rememberSymbols();
    void openReplay();

    const AppOptions m_options;
    ServerSettings m_serverSettings;
    std::unique_ptr<TickStoreThread> m_history; // while a history is kept
    QString m_historyError;
    QString m_replayError;
    StoredFeed m_stored;
    std::unique_ptr<MarketSimulator> m_simulator;
    std::unique_ptr<ServerThread> m_serverThread; // OwnThread
    std::unique_ptr<StreamHub> m_callerThreadHub; // CallerThread
};

} // namespace quotecast
