// dashboardshot: screenshots of the real dashboard and the real page, for the README.
// The pieces are built as in main.cpp (FeedPipeline, createDashboard), on a seeded feed that has
// ticked a fixed number of times; Chromium, driven through chromedriver, opens the page.
// The feed starts when the browser connects and both shots are taken before its first
// tick, so the window and the page show the same prices on every run (checked).
// Needs a display for the window (tools/screenshots.sh runs it under Xvfb).
#include "webdriver.h"
#include <app/dashboard.h>
#include <app/feedpipeline.h>
#include <app/translations.h>
#include <feed/marketsimulator.h>
#include <server/streamhub.h>
#include <widgets/mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QPixmap>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <qtestsupport_core.h>

using namespace quotecast;

namespace {

QTextStream err(stderr);

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const Translations translations; // as main.cpp: the window's plural forms come from here
    QTextStream out(stdout);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Screenshots of the dashboard and the page on a seeded feed."));
    parser.addHelpOption();
    const QCommandLineOption windowOption(QStringLiteral("window"),
                                          QStringLiteral("The window's screenshot (PNG)."),
                                          QStringLiteral("file"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
                                        QStringLiteral("The page's screenshot (PNG)."),
                                        QStringLiteral("file"));
    const QCommandLineOption pageSizeOption(
        QStringLiteral("page-size"), QStringLiteral("The browser's window."),
        QStringLiteral("width,height"), QStringLiteral("860,320"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Feed seed."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption ticksOption(QStringLiteral("ticks"),
                                         QStringLiteral("Ticks before the screenshots."),
                                         QStringLiteral("n"), QStringLiteral("160"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
                                            QStringLiteral("Feed interval once started."),
                                            QStringLiteral("ms"), QStringLiteral("5000"));
    // A documentation address (RFC 5737), not the machine's.
    const QCommandLineOption urlOption(
        QStringLiteral("shown-url"), QStringLiteral("URL shown in the status bar."),
        QStringLiteral("url"), QStringLiteral("http://192.0.2.2:8080/"));
    parser.addOptions({ windowOption, pageOption, pageSizeOption, seedOption, ticksOption,
                        intervalOption, urlOption });
    parser.process(app);
    if (!parser.isSet(windowOption) || !parser.isSet(pageOption)) {
        err << "dashboardshot: --window and --page are required\n";
        return 2;
    }

    // The window remembers its geometry and address with QSettings: neither the user's
    // settings nor a previous run may shape the pictures, nor be changed by them.
    const QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("quotecast"));
    QCoreApplication::setApplicationName(QStringLiteral("quotecast"));

    AppOptions options;
    options.seed = parser.value(seedOption).toUInt();
    options.intervalMs = parser.value(intervalOption).toInt();
    options.paused = true; // until the browser connects
    options.inMemory = true;
    options.server.bindAddress = QHostAddress::LocalHost;
    options.server.port = 0;
    FeedPipeline pipeline(options);
    MarketSimulator &market = *pipeline.simulator();
    StreamHub *hub = pipeline.hub();
    if (!pipeline.start()) {
        err << "dashboardshot: cannot listen: " << pipeline.errorString() << '\n';
        return 1;
    }
    const std::unique_ptr<MainWindow> window = createDashboard(pipeline);
    window->setServerUrls({ QUrl(parser.value(urlOption)) });

    // The window and the hub see every tick, as in a long run: sparklines have a history
    // and the page's snapshot is the window's state.
    for (int i = parser.value(ticksOption).toInt(); i > 0; --i)
        market.tick();
    int clients = 0;
    QObject::connect(hub, &StreamHub::clientCountChanged, &market, [&](int count) {
        clients = count;
        if (count > 0 && !market.isRunning())
            market.start();
    });
    int ticksSinceStart = 0;
    QObject::connect(&market, &MarketSimulator::quoteUpdated, &market, [&] { ++ticksSinceStart; });
    window->show();

    // Chromium's profile outlives the driver, which closes the session on every way out.
    const QTemporaryDir profile;
    // 30 s a request, half the default: a stuck run gives up by itself within about a minute.
    WebDriver driver(30000);
    if (!driver.start()) {
        err << "dashboardshot: " << driver.errorString() << '\n';
        return 1;
    }
    const QStringList pageSize = parser.value(pageSizeOption).split(u',');
    const QSize viewport(pageSize.value(0).toInt(), pageSize.value(1).toInt());
    const QString session = driver.openSession(viewport,
                                               { QStringLiteral("--hide-scrollbars"),
                                                 // No card caught in the middle of its flash.
                                                 QStringLiteral("--force-prefers-reduced-motion") },
                                               profile.path());
    if (session.isEmpty()) {
        err << "dashboardshot: Chromium did not start: " << driver.errorString() << '\n';
        return 1;
    }

    // The viewport itself: --window-size includes whatever the browser keeps for itself.
    driver.devTools(session, QStringLiteral("Emulation.setDeviceMetricsOverride"),
                    { { QStringLiteral("width"), viewport.width() },
                      { QStringLiteral("height"), viewport.height() },
                      { QStringLiteral("deviceScaleFactor"), 1 },
                      { QStringLiteral("mobile"), false } });

    const QString pageUrl = QStringLiteral("http://127.0.0.1:%1/").arg(pipeline.serverPort());
    driver.navigate(session, QUrl(pageUrl));
    const QString ready = QStringLiteral("return document.body.dataset.feed === 'live' && "
                                         "document.querySelectorAll('[data-symbol]').length === %1")
                              .arg(market.symbols().size());
    const bool live = QTest::qWaitFor(
        [&] { return clients > 0 && driver.execute(session, ready).toBool(); }, 20000);
    if (!live) {
        err << "dashboardshot: the page did not show the live feed\n";
        return 1;
    }

    const QByteArray page = QByteArray::fromBase64(
        driver.call("GET", QStringLiteral("session/%1/screenshot").arg(session))
            .toString()
            .toLatin1());
    QFile pageFile(parser.value(pageOption));
    const bool pageSaved = !page.isEmpty() && pageFile.open(QIODevice::WriteOnly)
        && pageFile.write(page) == page.size();
    pageFile.close();
    // The event loop ran while the page loaded: the status bar counts the browser.
    const bool windowSaved = window->grab().save(parser.value(windowOption), "PNG");
    const int ticksDuringShots = ticksSinceStart;
    driver.closeSession(session);

    if (!pageSaved || !windowSaved) {
        err << "dashboardshot: cannot write the screenshots\n";
        return 1;
    }
    if (ticksDuringShots > 0) {
        err << "dashboardshot: the feed ticked between the two screenshots; try a longer "
               "--interval\n";
        return 1;
    }
    out << "dashboardshot: saved " << parser.value(windowOption) << " and "
        << parser.value(pageOption) << Qt::endl;
    return 0;
}
