#pragma once

#include <app/marketoptions.h>
#include <feed/marketsimulator.h>
#include <server/serversettings.h>

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace quotecast {

class Preferences;

// What the user asked for on the command line, validated.
struct AppOptions
{
    Q_DECLARE_TR_FUNCTIONS(quotecast::AppOptions)

public:
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    ServerSettings server;
    int intervalMs = MarketSimulator::DefaultIntervalMs;
    QList<MarketSimulator::Opening> openings = MarketSimulator::defaultOpenings();
    // --symbols was given: the openings win over the symbols a stored history remembers.
    bool symbolsGiven = false;
    std::optional<quint32> seed;
    MarketOptions market; // price model, shocks
    bool headless = false;
    bool paused = false; // the feed starts stopped
    // The tick history on disk: its file (empty: history.sqlite in the user's data folder),
    // how many days it keeps, or none at all.
    QString historyFile;
    int historyDays = 30;
    bool inMemory = false;

    // Parses `arguments` (argv, program name first); an option not given keeps its value
    // in `defaults`. On Outcome::Error, `message` says what is wrong; on
    // ShowHelp/ShowVersion it holds the text to print.
    static AppOptions parse(const QStringList &arguments, Outcome *outcome, QString *message,
                            const AppOptions &defaults);
    // The same with the built-in defaults.
    static AppOptions parse(const QStringList &arguments, Outcome *outcome, QString *message);

    // What the windowed app remembers between runs (Preferences): the feed's interval, its
    // price model and the server's port. Saved values out of range (a hand-edited file) are
    // ignored.
    static AppOptions fromSettings(const Preferences &saved);
    void saveTo(Preferences &preferences) const;
};

} // namespace quotecast
