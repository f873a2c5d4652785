// quotecast: wires the model, the HTTP hub and (unless headless) the window.
#include <app/appoptions.h>
#include <app/lanurl.h>
#include <app/translations.h>
#include <feed/marketsimulator.h>
#include <history/tickstorethread.h>
#include <platform/resourcelimits.h>
#include <platform/unixsignalnotifier.h>
#include <server/serverthread.h>
#include <server/streamhub.h>
#include <widgets/mainwindow.h>

#include <QApplication>
#include <QIcon>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace quotecast;

namespace {

// The kind of application has to be chosen before QCommandLineParser can run:
// a QApplication aborts without a display, and --help must work over ssh.
bool needsWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--headless" || arg == "-h" || arg == "--help" || arg == "--help-all"
            || arg == "-v" || arg == "--version")
            return false;
    }
    return true;
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const bool windowed = needsWindow(argc, argv);
    if (windowed && !hasDisplay()) {
        // A QCoreApplication only to say it in the user's language: a QApplication would abort.
        // A bad option is the first thing to fix, so it is reported first.
        const QCoreApplication app(argc, argv);
        const Translations translations;
        AppOptions::Outcome outcome;
        QString message;
        AppOptions::parse(QCoreApplication::arguments(), &outcome, &message);
        if (outcome == AppOptions::Outcome::Error) {
            err << "quotecast: " << message;
            return 2;
        }
        err << QCoreApplication::translate(
            "main",
            "quotecast: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "Run it without a window instead:  quotecast --headless\n");
        return 2;
    }
    const long fileDescriptorLimit = raiseFileDescriptorLimit();
    // Qt's glib event dispatcher falls over with thousands of sockets (measured: at
    // 10,000 streams only 6,000 connect); its own poll()-based one holds them.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");

    QCoreApplication::setApplicationName(QStringLiteral("quotecast"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUOTECAST_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("quotecast"));
    std::unique_ptr<QCoreApplication> app = windowed
        ? std::make_unique<QApplication>(argc, argv)
        : std::make_unique<QCoreApplication>(argc, argv);

    const Translations translations; // the system's language, for --help and errors too

    // The window remembers its last interval and port; the command line wins over them. A
    // headless server is configured by its command line alone (a service has no desktop).
    QSettings settings;
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options
        = AppOptions::parse(app->arguments(), &outcome, &message,
                            windowed ? AppOptions::fromSettings(settings) : AppOptions());
    switch (outcome) {
    case AppOptions::Outcome::ShowHelp:
    case AppOptions::Outcome::ShowVersion:
        out << message;
        return 0;
    case AppOptions::Outcome::Error:
        err << "quotecast: " << message;
        return 2;
    case AppOptions::Outcome::Run:
        break;
    }

    ServerSettings serverSettings = options.server;
    const int capacity = streamCapacity(fileDescriptorLimit);
    if (serverSettings.maxClients > capacity) {
        err << "quotecast: --max-clients lowered to " << capacity << ": this process may open "
            << fileDescriptorLimit << " files (ulimit -n), one per stream" << Qt::endl;
        serverSettings.maxClients = capacity;
    }

    // The tick history on disk: the feed carries on where it stopped, under the same ids. A
    // file that cannot be used is reported, and the feed runs in memory.
    TickStoreThread history;
    StoredFeed stored;
    if (!options.inMemory) {
        const QString file = !options.historyFile.isEmpty()
            ? options.historyFile
            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                + QStringLiteral("/history.sqlite");
        if (history.open(file, options.historyDays, serverSettings.resumeBufferSize, &stored)) {
            serverSettings.historyFile = file; // for GET /api/history
        } else {
            err << "quotecast: cannot keep the tick history: " << history.errorString()
                << "\n           carrying on in memory (--history-file picks another file)"
                << Qt::endl;
            stored = {};
        }
    }
    serverSettings.runId = stored.historyId;

    MarketSimulator model(options.openings);
    if (options.seed)
        model.setSeed(*options.seed);
    model.setIntervalMs(options.intervalMs);
    model.resume(stored.latest, stored.lastSeq);
    // Started before anything listens: no tick comes before the event loop runs, and the hub
    // and nchan get the running status from the start rather than "stopped", then "started".
    if (!options.paused)
        model.start();
    // Only an open store gets the ticks: with --in-memory its thread never starts, and every
    // queued tick would wait in that thread's event queue for ever (216 bytes a tick).
    const bool keepsHistory = !serverSettings.historyFile.isEmpty();
    if (keepsHistory) {
        QObject::connect(&model, &MarketSimulator::quoteUpdated, history.store(),
                         &TickStore::append);
        QObject::connect(history.store(), &TickStore::writeFailed, [&err](const QString &error) {
            err << "quotecast: the tick history stopped being written: " << error << Qt::endl;
        });
    }

    ServerThread server(serverSettings);
    StreamHub *hub = server.hub();
    hub->setFeed(model.status(), model.quotes(), stored.recent);
    // The hub lives in the server thread: these connections are queued.
    QObject::connect(&model, &MarketSimulator::quoteUpdated, hub, &StreamHub::addTick);
    QObject::connect(&model, &MarketSimulator::statusChanged, hub, &StreamHub::setStatus);
    if (!server.start()) {
        err << "quotecast: cannot listen on " << options.server.bindAddress.toString() << ':'
            << options.server.port << ": " << server.errorString() << '\n'
            << "Is another quotecast running? Pick another port with --port.\n";
        return 1;
    }
    // The network interfaces are listed once: the first URL is printed, the window offers all.
    const QList<QUrl> urls = lanUrls(options.server.bindAddress, server.serverPort());
    const QUrl url = urls.constFirst();
    out << "quotecast: serving live quotes at " << url.toString() << '\n'
        << "           raw stream: curl -N "
        << url.resolved(QUrl(QStringLiteral("stream"))).toString()
        << (serverSettings.publishUrl.isEmpty()
                ? QString()
                : "\n           publishing to " + serverSettings.publishUrl.toString())
        << (windowed ? "" : "\n           press Ctrl-C to stop") << Qt::endl;

    UnixSignalNotifier signalNotifier;
    QObject::connect(&signalNotifier, &UnixSignalNotifier::terminationRequested, app.get(),
                     &QCoreApplication::quit);
    std::unique_ptr<MainWindow> window;
    if (windowed) {
        // The id of the desktop entry lets Wayland compositors show the menu's icon.
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.quotecast.Quotecast"));
        QApplication::setWindowIcon(
            QIcon(QStringLiteral(":/icons/io.github.quotecast.Quotecast.svg")));
        window = std::make_unique<MainWindow>(&model, stored.recent);
        window->setServerUrls(urls);
        QObject::connect(hub, &StreamHub::clientCountChanged, window.get(),
                         &MainWindow::setClientCount);
        QObject::connect(hub, &StreamHub::publisherStatusChanged, window.get(),
                         &MainWindow::setPublisherStatus);
        window->setHistoryAvailable(keepsHistory);
        QObject::connect(window.get(), &MainWindow::exportRequested, history.store(),
                         &TickStore::exportCsv);
        QObject::connect(history.store(), &TickStore::exportFinished, window.get(),
                         &MainWindow::showExportResult);
        QObject::connect(app.get(), &QCoreApplication::aboutToQuit, [&] {
            AppOptions last = options;
            last.intervalMs = model.intervalMs();
            last.saveTo(settings);
        });
        window->show();
    }
    return app->exec();
}
