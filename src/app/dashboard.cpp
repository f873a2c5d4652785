#include <app/dashboard.h>

#include <app/feedpipeline.h>
#include <history/tickstore.h>
#include <server/streamhub.h>
#include <widgets/mainwindow.h>

namespace quotecast {

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
                         QString withoutSymbol;
                         if (!pipeline.startReplay(sources, loop, &error, &withoutSymbol))
                             shown->showReplayRefused(sources, loop, error, withoutSymbol);
                     });
    if (TickStore *store = pipeline.tickStore()) {
        QObject::connect(window.get(), &MainWindow::exportRequested, store, &TickStore::exportCsv);
        QObject::connect(store, &TickStore::exportFinished, window.get(),
                         &MainWindow::showExportResult);
    }
    return window;
}

} // namespace quotecast
