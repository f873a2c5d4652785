// The market in a browser test's hands (symbols.spec.mjs, replay.spec.mjs): quotecast's pieces,
// built by FeedPipeline from quotecast's own command line (`--headless --port 0 ...`, --replay
// too), with commands on standard input, one a line, each answered on standard output with `ok`
// or `error: <why>`:
//
//     add SYMBOL PRICE      a symbol, at PRICE (currency units, e.g. 612.34)
//     remove SYMBOL
//     price SYMBOL PRICE    the symbol's next tick is PRICE
//     tick                  one tick now (a replay's next row), running or not
//     start, stop           the feed, as the window's Start and Stop
//     replay FILE...        plays recorded prices, as File → Replay Prices… (paths without spaces)
//     simulate              back to simulated prices from a replay
//
// What a person does in the window; quotecast's HTTP side stays read-only, so a spec cannot.
// Prints the URL as quotecast does; SIGTERM and SIGINT end it as they end quotecast.
#include <app/appoptions.h>
#include <app/feedpipeline.h>
#include <feed/marketsimulator.h>
#include <platform/terminationnotifier.h>

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <unistd.h>

using namespace quotecast;

namespace {

// `text` in cents (up to two decimals), or -1.
qint64 centsOf(const QString &text)
{
    bool ok = false;
    const double units = text.toDouble(&ok);
    return ok && units > 0 ? qRound64(units * 100) : -1;
}

// Runs one command on the pipeline's market; empty when done, else why not.
QString run(FeedPipeline &pipeline, const QString &line)
{
    MarketSimulator &market = *pipeline.simulator();
    const QStringList words = line.simplified().split(u' ', Qt::SkipEmptyParts);
    const QString verb = words.value(0);
    QString error;
    bool done = words.size() == 1;
    if (done && verb == u"tick")
        market.tick();
    else if (done && verb == u"start")
        market.start();
    else if (done && verb == u"stop")
        market.stop();
    else if (done && verb == u"simulate")
        market.stopReplay();
    else if (verb == u"replay" && words.size() > 1)
        done = pipeline.startReplay(words.mid(1), false, &error);
    else if (verb == u"add" && words.size() == 3)
        done = market.addSymbol(words[1], centsOf(words[2]), &error);
    else if (verb == u"remove" && words.size() == 2)
        done = market.removeSymbol(words[1], &error);
    else if (verb == u"price" && words.size() == 3)
        done = market.setPrice(words[1], centsOf(words[2]), &error);
    else
        done = false;
    if (!done && error.isEmpty())
        error = QStringLiteral("not a command: ") + line;
    return done ? QString() : error;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    AppOptions::Outcome outcome;
    QString message;
    const AppOptions options = AppOptions::parse(QCoreApplication::arguments(), &outcome, &message);
    if (outcome != AppOptions::Outcome::Run) {
        err << "marketdriver: " << message;
        return 2;
    }
    TerminationNotifier termination;
    QObject::connect(&termination, &TerminationNotifier::terminationRequested, &app,
                     &QCoreApplication::quit);
    FeedPipeline pipeline(options);
    if (!pipeline.start()) {
        err << "marketdriver: cannot listen: " << pipeline.errorString() << Qt::endl;
        return 1;
    }
    out << "quotecast: serving live quotes at http://" << options.server.bindAddress.toString()
        << ':' << pipeline.serverPort() << '/' << Qt::endl;

    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[4096];
        const ssize_t size = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (size <= 0) { // the spec closed it: no more commands
            input.setEnabled(false);
            return;
        }
        pending.append(buffer, size);
        for (qsizetype end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
            const QString line = QString::fromUtf8(pending.left(end)).trimmed();
            pending.remove(0, end + 1);
            const QString error = run(pipeline, line);
            out << (error.isEmpty() ? QStringLiteral("ok") : QStringLiteral("error: ") + error)
                << Qt::endl;
        }
    });
    return QCoreApplication::exec();
}
