#pragma once

#include <feed/pricemodel.h>
#include <feed/shock.h>

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>

#include <optional>

class QCommandLineParser;

namespace quotecast {

// A shock the command line schedules: `shock` starts `delayMs` after the feed does.
struct ScheduledShock
{
    Shock shock;
    qint64 delayMs = 0; // 0..MaxDelayMs
    static constexpr qint64 MaxDelayMs = 24 * 3600 * 1000;
};

// The command-line options that shape the market's prices: --model, --volatility, --drift,
// --shock, --replay, --replay-loop. One AppOptions member, parsed apart so that each file keeps
// one job.
struct MarketOptions
{
    Q_DECLARE_TR_FUNCTIONS(quotecast::MarketOptions)

public:
    PriceModel priceModel;
    QList<ScheduledShock> shocks; // in the order given
    // Files of recorded prices to play instead (`path` or `SYMBOL=path`, PriceReplay::open), and
    // whether to play them again and again.
    QStringList replayFiles;
    bool replayLoop = false;

    // The options to add to the parser, in the order --help lists them.
    static QList<QCommandLineOption> commandLineOptions();
    // Reads the options from `parser` (which parsed the arguments) over these values: --model
    // alone takes that model's default volatility; the positional arguments are more files for
    // --replay (`--replay a.csv b.csv`). False with a message naming the option, what it takes
    // and what was given. The files are not opened here.
    bool read(const QCommandLineParser &parser, QString *error);

    // `0.25`, `0.25%`, `-1.5`: a percentage with up to 4 decimals, as parts per million of the
    // price (2500); nullopt for anything else or past ±1000 %.
    static std::optional<int> percentToPpm(QStringView text);
    // `[SYMBOL:]PERCENT[%]/TICKS[@DELAY]`: `-10%/20` (every symbol down 10 % over 20 ticks, at
    // once), `AAPL:+25/10@30s` (AAPL up 25 % over 10 ticks, 30 s after the start). The
    // delay is a duration (quantity.h). nullopt when it does not read so or is out of range.
    static std::optional<ScheduledShock> parseShock(QStringView text);
};

} // namespace quotecast
