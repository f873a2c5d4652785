// quotecast: reads the command line, builds the pieces through FeedPipeline and (unless
// headless) the window through createDashboard, and runs until quit or a termination signal.
#include <app/appoptions.h>
#include <app/dashboard.h>
#include <app/feedpipeline.h>
#include <app/lanurl.h>
#include <app/translations.h>
#include <feed/marketsimulator.h>
#include <platform/resourcelimits.h>
#include <platform/terminationnotifier.h>
#include <preferences/preferences.h>
#include <widgets/mainwindow.h>

#include <QApplication>
#include <QIcon>
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

// Whether a QApplication can open its platform plugin. On X11/Wayland systems the display
// is named by the environment (or QT_QPA_PLATFORM picks another plugin, e.g. offscreen);
// Windows and macOS always have their window system.
bool hasDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
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
    Preferences preferences;
    AppOptions::Outcome outcome;
    QString message;
    AppOptions options
        = AppOptions::parse(app->arguments(), &outcome, &message,
                            windowed ? AppOptions::fromSettings(preferences) : AppOptions());
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

    const int capacity = streamCapacity(fileDescriptorLimit);
    if (options.server.maxClients > capacity) {
        err << "quotecast: --max-clients lowered to " << capacity << ": this process may open "
            << fileDescriptorLimit << " files (ulimit -n), one per stream" << Qt::endl;
        options.server.maxClients = capacity;
    }

    // Before anything starts: a SIGTERM from then on ends the event loop, and the streams close.
    TerminationNotifier signalNotifier;
    QObject::connect(&signalNotifier, &TerminationNotifier::terminationRequested, app.get(),
                     &QCoreApplication::quit);
    FeedPipeline pipeline(options);
    if (!pipeline.historyError().isEmpty())
        err << "quotecast: cannot keep the tick history: " << pipeline.historyError()
            << "\n           carrying on in memory (--history-file picks another file)" << Qt::endl;
    if (TickStore *store = pipeline.tickStore())
        QObject::connect(store, &TickStore::writeFailed, [&err](const QString &error) {
            err << "quotecast: the tick history stopped being written: " << error << Qt::endl;
        });
    if (!pipeline.replayError().isEmpty()) {
        err << "quotecast: --replay: " << pipeline.replayError() << '\n';
        return 2;
    }
    QObject::connect(pipeline.simulator(), &MarketSimulator::replayFailed,
                     [&err](const QString &error) {
                         err << "quotecast: the replay stopped: " << error << Qt::endl;
                     });
    // The market's symbols are known only now (a remembered list, or --symbols).
    for (const ScheduledShock &scheduled : options.market.shocks) {
        const QString &symbol = scheduled.shock.symbol;
        if (!symbol.isEmpty() && !pipeline.simulator()->symbols().contains(symbol)) {
            err << "quotecast: --shock: the market has no symbol " << symbol << " (it has "
                << pipeline.simulator()->symbols().join(u',') << ")\n";
            return 2;
        }
    }
    if (!pipeline.start()) {
        err << "quotecast: cannot listen on " << options.server.bindAddress.toString() << ':'
            << options.server.port << ": " << pipeline.errorString() << '\n'
            << "Is another quotecast running? Pick another port with --port.\n";
        return 1;
    }
    // The network interfaces are listed once: the first URL is printed, the window offers all.
    const QList<QUrl> urls = lanUrls(options.server.bindAddress, pipeline.serverPort());
    const QUrl &url = urls.constFirst();
    out << "quotecast: serving live quotes at " << url.toString() << '\n'
        << "           raw stream: curl -N "
        << url.resolved(QUrl(QStringLiteral("stream"))).toString()
        << (options.server.publishUrl.isEmpty()
                ? QString()
                : "\n           publishing to " + options.server.publishUrl.toString())
        << (windowed ? "" : "\n           press Ctrl-C to stop") << Qt::endl;

    if (!windowed)
        return app->exec();

    // The id of the desktop entry lets Wayland compositors show the menu's icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.quotecast.Quotecast"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/io.github.quotecast.Quotecast.svg")));
    const std::unique_ptr<MainWindow> window = createDashboard(pipeline, &preferences);
    window->setServerUrls(urls);
    window->show();
    const int exitCode = app->exec();
    options.intervalMs = pipeline.simulator()->intervalMs(); // as the user left it
    options.market.priceModel = pipeline.simulator()->priceModel();
    options.saveTo(preferences);
    return exitCode;
}
