#include <app/dashboard.h>

#include <app/feedpipeline.h>
#include <history/tickstore.h>
#include <replay/csvpricefile.h>
#include <server/streamhub.h>
#include <widgets/mainwindow.h>

#include <QFileInfo>

namespace quotecast {

namespace {

// The first of `sources` that the replay refuses for its file's name alone, the name giving no
// symbol (PriceReplay opens them in order and stops at the first it refuses): the window asks
// for its symbol rather than for SYMBOL=path. Empty when the refusal is another.
QString fileWithoutSymbol(const QStringList &sources)
{
    for (const QString &source : sources) {
        if (!QFileInfo(source).isFile())
            continue; // SYMBOL=path, or a file the refusal is about
        if (CsvPriceFile(source, {}).open())
            continue;
        // Opened with a symbol, it is the name: its header was read either way.
        return CsvPriceFile(source, QStringLiteral("X")).open() ? source : QString();
    }
    return {};
}

} // namespace

std::unique_ptr<MainWindow> createDashboard(FeedPipeline &pipeline, Preferences *preferences)
{
    auto window
        = std::make_unique<MainWindow>(pipeline.simulator(), pipeline.recentTicks(), preferences);
    // The hub lives in the server thread: these connections are queued.
    QObject::connect(pipeline.hub(), &StreamHub::clientCountChanged, window.get(),
                     &MainWindow::setClientCount);
    QObject::connect(pipeline.hub(), &StreamHub::publisherStatusChanged, window.get(),
                     &MainWindow::setPublisherStatus);
    window->setHistoryAvailable(pipeline.keepsHistory());
    MainWindow *shown = window.get();
    QObject::connect(shown, &MainWindow::replayRequested, shown,
                     [&pipeline, shown](const QStringList &sources, bool loop) {
                         QString error;
                         if (!pipeline.startReplay(sources, loop, &error))
                             shown->showReplayRefused(sources, loop, error,
                                                      fileWithoutSymbol(sources));
                     });
    if (TickStore *store = pipeline.tickStore()) {
        QObject::connect(window.get(), &MainWindow::exportRequested, store, &TickStore::exportCsv);
        QObject::connect(store, &TickStore::exportFinished, window.get(),
                         &MainWindow::showExportResult);
    }
    return window;
}

} // namespace quotecast
