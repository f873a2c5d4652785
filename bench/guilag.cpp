// guilag: the dashboard as quotecast runs it (window, feed, server thread), with a probe
// that measures how late the GUI thread's event loop runs a 10 ms timer, while a load
// client (sseload) holds streams on the server. Lag is what a user feels as a window
// that stutters: the time the loop could not get to its timer.
//
//   guilag --warmup S --duration S [quotecast options]
//
// Prints lag percentiles over the `duration` seconds that follow the `warmup`, then
// exits. Runs under any Qt platform (offscreen, xcb with Xvfb).
#include <app/appoptions.h>
#include <app/dashboard.h>
#include <app/feedpipeline.h>
#include <platform/resourcelimits.h>
#include <server/streamhub.h>
#include <widgets/mainwindow.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace quotecast;

namespace {

constexpr int ProbeMs = 10;

[[noreturn]] void usage(const QString &error)
{
    std::fprintf(stderr, "guilag: %s\nusage: guilag --warmup S --duration S [quotecast options]\n",
                 qPrintable(error));
    std::exit(2);
}

// Takes `--name S` out of `arguments`; the rest goes to quotecast's own parser.
int takeSeconds(QStringList &arguments, const QString &name)
{
    const qsizetype at = arguments.indexOf(name);
    if (at < 0 || at + 1 >= arguments.size())
        usage(name + QStringLiteral(" S is required"));
    bool ok = false;
    const int seconds = arguments.at(at + 1).toInt(&ok);
    if (!ok || seconds < 0)
        usage(name + QStringLiteral(" needs a whole number of seconds"));
    arguments.remove(at, 2);
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    raiseFileDescriptorLimit();
    qputenv("QT_NO_GLIB", "1"); // as quotecast does
    QApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    const int warmupS = takeSeconds(arguments, QStringLiteral("--warmup"));
    const int durationS = takeSeconds(arguments, QStringLiteral("--duration"));
    AppOptions::Outcome outcome;
    QString message;
    AppOptions options = AppOptions::parse(arguments, &outcome, &message);
    if (outcome != AppOptions::Outcome::Run)
        usage(message);
    options.seed = options.seed.value_or(1);
    options.inMemory = true; // the window and the server are measured, not SQLite

    FeedPipeline pipeline(options);
    if (!pipeline.start())
        usage(QStringLiteral("cannot listen: ") + pipeline.errorString());
    const std::unique_ptr<MainWindow> window = createDashboard(pipeline);
    int clients = 0, minClients = INT_MAX, maxClients = 0;
    QObject::connect(pipeline.hub(), &StreamHub::clientCountChanged, window.get(),
                     [&](int count) { clients = count; });
    window->show();

    std::vector<qint64> lagUs;
    QElapsedTimer clock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(ProbeMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 elapsedUs = clock.nsecsElapsed() / 1000;
        clock.restart();
        lagUs.push_back(std::max<qint64>(0, elapsedUs - ProbeMs * 1000));
        minClients = std::min(minClients, clients);
        maxClients = std::max(maxClients, clients);
    });
    QTimer::singleShot(warmupS * 1000, [&] {
        clock.start();
        probe.start();
    });
    QTimer::singleShot((warmupS + durationS) * 1000, &app, &QApplication::quit);
    std::printf("guilag: port %d, measuring for %d s after %d s\n", pipeline.serverPort(),
                durationS, warmupS);
    std::fflush(stdout);
    QApplication::exec();

    if (lagUs.empty())
        usage(QStringLiteral("no samples"));
    std::sort(lagUs.begin(), lagUs.end());
    const auto percentileMs = [&](double p) {
        return double(lagUs[std::min(lagUs.size() - 1, size_t(p * double(lagUs.size())))]) / 1000;
    };
    std::printf("gui lag ms  p50 %.1f  p99 %.1f  max %.1f  (%zu samples, %d to %d clients)\n",
                percentileMs(0.50), percentileMs(0.99), double(lagUs.back()) / 1000, lagUs.size(),
                minClients, maxClients);
    std::printf("{\"guiLagMs\":{\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f},\"minClients\":%d,"
                "\"maxClients\":%d}\n",
                percentileMs(0.50), percentileMs(0.99), double(lagUs.back()) / 1000, minClients,
                maxClients);
    return 0;
}
