// The tick history file (SQLite), corrupt or not quotecast's: TickStore opens it and reads
// where the feed stood, the feed carries on from it, the hub's board and resume buffer take
// its ticks, /api/history pages and the CSV export read them back, and new ticks are written
// to it. Input: the database file, then optionally its write-ahead log and its lock file
// (`<path>.lock`), each after a line `--quotecast-fuzz-part--`. The seeds come from
// make-history-seeds.py.
#include "fuzztarget.h"

#include <feed/marketsimulator.h>
#include <history/tickreader.h>
#include <history/tickstore.h>
#include <server/quoteboard.h>
#include <server/sse/resumebuffer.h>
#include <server/sse/sseevent.h>

#include <QFile>
#include <QJsonDocument>

using namespace quotecast;

namespace {

// An event as a stream carries it must stay one event: no line break or NUL in what a
// server writes on its `id:` line (WHATWG HTML §9.2.6), else the history's bytes would
// become events, or fields, of their own.
void checkEvent(const QByteArray &event)
{
    FUZZ_CHECK(event.indexOf("\n\n") == event.size() - 2, event);
    FUZZ_CHECK(!event.contains('\r') && !event.contains('\0'), event);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    static const QString path = fuzz::scratchDir() + QStringLiteral("/history.sqlite");
    for (const char *suffix : { "", "-wal", "-shm", "-journal", ".lock" })
        QFile::remove(path + QLatin1String(suffix));
    const QByteArray input = fuzz::bytes(data, size);
    const QList<QByteArray> parts = fuzz::split(input, "\n--quotecast-fuzz-part--\n", 3);
    fuzz::writeFile(path, parts.at(0));
    if (parts.size() > 1 && !parts.at(1).isEmpty())
        fuzz::writeFile(path + QStringLiteral("-wal"), parts.at(1));
    if (parts.size() > 2)
        fuzz::writeFile(path + QStringLiteral(".lock"), parts.at(2));

    TickStore store;
    StoredFeed stored;
    if (!store.open(path, 30, 50, &stored)) {
        FUZZ_CHECK(!store.errorString().isEmpty(), input);
        return 0;
    }
    // What FeedPipeline does with it: the market has the symbols it remembers, the feed carries
    // on, the hub shows and replays it, and the history remembers the symbols again.
    MarketSimulator simulator(stored.symbols.isEmpty() ? MarketSimulator::defaultOpenings()
                                                       : stored.symbols);
    simulator.setSeed(1);
    simulator.continueFrom(stored.latest, stored.lastSeq);
    QObject::connect(&simulator, &MarketSimulator::quoteUpdated, &store, &TickStore::append);
    QuoteBoard board;
    board.reset(simulator.quotes(), stored.recent);
    ResumeBuffer replay(50);
    replay.clear(stored.recent.isEmpty() ? stored.lastSeq : stored.recent.constFirst().seq - 1);
    for (const Quote &tick : std::as_const(stored.recent)) {
        const QByteArray event
            = SseEvent::quote(tick, SseEvent::eventId(stored.historyId, tick.seq));
        checkEvent(event);
        replay.append(tick.seq, tick.symbol, event);
    }
    for (int i = 0; i < 20; ++i) // every symbol, most likely
        simulator.tick();
    for (const Quote &quote : simulator.quotes()) {
        board.update(quote);
        checkEvent(SseEvent::quote(quote, SseEvent::eventId(stored.historyId, quote.seq)));
    }
    QJsonDocument(board.toJson()).toJson(QJsonDocument::Compact);
    (void)replay.eventsAfter(stored.lastSeq > 0 ? stored.lastSeq - 1 : 0, {});

    // /api/history's pages of each symbol, and the export, read it back.
    TickReader reader(path);
    for (const QString &symbol : simulator.symbols()) {
        QString error;
        if (const auto page = reader.ticks(symbol, 0, 0, 20, &error)) {
            for (const Quote &tick : page->ticks)
                QJsonDocument(SseEvent::quoteObject(tick)).toJson(QJsonDocument::Compact);
        }
    }
    QList<MarketSimulator::Opening> symbols;
    for (const Quote &quote : simulator.quotes())
        symbols.append({ quote.symbol, quote.priceCents });
    store.rememberSymbols(symbols.mid(1) + symbols.mid(0, 1));
    store.exportCsv(fuzz::scratchDir() + QStringLiteral("/export.csv"));
    return 0;
}
