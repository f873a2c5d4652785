// The tick history's costs, measured on a real SQLite file: how fast TickStore writes ticks
// in its batches, how long a restart takes to read where the feed stood, how long a page of
// GET /api/history takes to read, how fast the CSV export runs, and the bytes per tick.
//
//   build/bench/historybench [--ticks N] [--dir PATH]
#include <feed/marketsimulator.h>
#include <history/tickreader.h>
#include <history/tickstore.h>
#include <server/historypages.h>
#include <server/streamhub.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace quotecast;

namespace {
double perSecond(qint64 count, qint64 nanoseconds)
{
    return double(count) * 1e9 / double(std::max<qint64>(nanoseconds, 1));
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Costs of the SQLite tick history."));
    parser.addHelpOption();
    const QCommandLineOption ticksOption(QStringLiteral("ticks"), QStringLiteral("Ticks to write."),
                                         QStringLiteral("count"), QStringLiteral("1000000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Folder for the database (default: a "
                                                      "temporary one; the disk matters)."),
                                       QStringLiteral("path"));
    parser.addOptions({ ticksOption, dirOption });
    parser.process(app);
    bool ok = false;
    const int count = parser.value(ticksOption).toInt(&ok);
    if (!ok || count < 1000) {
        QTextStream(stderr) << "historybench: --ticks must be a number of at least 1000\n";
        return 2;
    }
    QTemporaryDir temporary(parser.isSet(dirOption) ? parser.value(dirOption) + "/qc-XXXXXX"
                                                    : QString());
    const QString path = temporary.filePath(QStringLiteral("history.sqlite"));
    QTextStream out(stdout);

    // The ticks first, so that only the store is timed.
    MarketSimulator market;
    market.setSeed(1);
    QList<Quote> ticks;
    ticks.reserve(count);
    QObject::connect(&market, &MarketSimulator::quoteUpdated,
                     [&](const Quote &q) { ticks.append(q); });
    for (int i = 0; i < count; ++i)
        market.tick();

    QElapsedTimer timer;
    {
        TickStore store;
        StoredFeed feed;
        if (!store.open(path, 36500, 0, &feed)) {
            QTextStream(stderr) << "historybench: " << store.errorString() << '\n';
            return 1;
        }
        timer.start();
        for (const Quote &tick : std::as_const(ticks))
            store.append(tick); // a transaction every TickStore::MaxBatch ticks
        store.flush();
        const qint64 writeNs = timer.nsecsElapsed();
        out << "write:   " << count << " ticks in " << writeNs / 1'000'000
            << " ms = " << qRound64(perSecond(count, writeNs)) << " ticks/s (batches of "
            << TickStore::MaxBatch << ")\n";

        timer.restart();
        qint64 exported = 0;
        QObject::connect(&store, &TickStore::exportFinished,
                         [&](const QString &, qint64 n, const QString &) { exported = n; });
        store.exportCsv(temporary.filePath(QStringLiteral("ticks.csv")));
        const qint64 exportNs = timer.nsecsElapsed();
        out << "export:  " << exported << " ticks to CSV in " << exportNs / 1'000'000
            << " ms = " << qRound64(perSecond(exported, exportNs)) << " ticks/s, "
            << QFileInfo(temporary.filePath(QStringLiteral("ticks.csv"))).size() / 1024 << " KiB\n";
    }
    out << "size:    " << QFileInfo(path).size() << " bytes = " << QFileInfo(path).size() / count
        << " bytes/tick\n";

    timer.restart();
    {
        TickStore store;
        StoredFeed feed;
        store.open(path, 36500, ServerSettings().resumeBufferSize, &feed);
        out << "restart: read the last " << feed.recent.size() << " ticks and "
            << feed.latest.size() << " latest quotes in " << timer.nsecsElapsed() / 1'000'000
            << " ms\n";
    }

    TickReader reader(path);
    QString error;
    reader.ticks(QStringLiteral("AAPL"), 0, 0, 1, &error); // opens the connection
    const int pages = 200;
    timer.restart();
    qint64 rows = 0;
    for (int i = 0; i < pages; ++i) {
        // Pages spread over the whole history, as `next` links would ask for them.
        const quint64 after = quint64(i) * quint64(count) / pages;
        if (const auto page
            = reader.ticks(QStringLiteral("AAPL"), 0, after, HistoryPages::DefaultLimit, &error))
            rows += page->ticks.size();
    }
    const qint64 readNs = timer.nsecsElapsed();
    out << "history: " << pages << " pages of up to " << HistoryPages::DefaultLimit << " ticks, "
        << readNs / pages / 1000 << " µs per page (" << rows << " rows read)\n";
    return 0;
}
