#include <app/appoptions.h>

#include <app/quantity.h>
#include <feed/marketsimulator.h>
#include <feed/symbol.h>
#include <preferences/preferences.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

#include <functional>

namespace quotecast {

namespace {

// A numeric option: its unit and range, and where a valid value goes.
struct NumberOption
{
    QString name;
    QString valueName;
    QString description;
    quantity::Unit unit;
    qint64 min;
    qint64 max;
    qint64 defaultValue;
    std::function<void(qint64)> store;
};

// `AAPL=170,TSLA=240.5`: symbols (upper-cased) and opening prices, read exactly as cents.
std::optional<QList<MarketSimulator::Opening>> parseSymbols(const QString &text, QString *error)
{
    static const QRegularExpression item(
        QStringLiteral("^([A-Za-z][A-Za-z0-9.]{0,9})=([0-9]{1,7})(?:\\.([0-9]{1,2}))?$"));
    QList<MarketSimulator::Opening> openings;
    QSet<QString> seen;
    for (const QString &part : text.split(u',')) {
        const QRegularExpressionMatch match = item.match(part.trimmed());
        if (!match.hasMatch()) {
            *error = AppOptions::tr(
                         "--symbols takes SYMBOL=PRICE pairs separated by commas, like "
                         "AAPL=170,TSLA=240.50 (a symbol is 1 to 10 letters, digits or dots; a "
                         "price has at most 2 decimals), not '%1'")
                         .arg(part.trimmed());
            return std::nullopt;
        }
        const QString symbol = match.captured(1).toUpper();
        const qint64 cents = match.captured(2).toLongLong() * 100
            + match.captured(3).leftJustified(2, u'0').toLongLong();
        if (cents <= 0 || cents > symbol::MaxGivenPriceCents) {
            *error
                = AppOptions::tr("--symbols: the price of %1 must be above 0 and at most 1000000")
                      .arg(symbol);
            return std::nullopt;
        }
        if (seen.contains(symbol)) {
            *error = AppOptions::tr("--symbols: %1 appears twice").arg(symbol);
            return std::nullopt;
        }
        seen.insert(symbol);
        openings.append({ symbol, cents });
    }
    if (openings.size() > symbol::MaxCount) {
        *error = AppOptions::tr("--symbols: at most %1 symbols").arg(symbol::MaxCount);
        return std::nullopt;
    }
    return openings;
}

// `text` as the option's value, or nullopt with an `error` that says the unit, the range and,
// for a bare number that is surely meant in seconds or KiB (`--heartbeat 15`), what to write.
std::optional<qint64> readNumber(const NumberOption &option, const QString &text, QString *error)
{
    using quantity::Unit;
    const QString name = QStringLiteral("--") + option.name;
    const std::optional<qint64> value = quantity::parse(text, option.unit);
    if (value && *value >= option.min && *value <= option.max)
        return value;
    if (option.unit == Unit::Plain) {
        *error = AppOptions::tr("%1 must be a whole number from %2 to %3, not '%4'")
                     .arg(name, QString::number(option.min), QString::number(option.max), text);
        return std::nullopt;
    }
    if (!value) {
        *error = option.unit == Unit::Milliseconds
            ? AppOptions::tr("%1 takes a duration like 500ms, 15s or 2min (a bare number is "
                             "milliseconds), not '%2'")
                  .arg(name, text)
            : AppOptions::tr("%1 takes a size like 512KiB or 1MiB (a bare number is bytes), not "
                             "'%2'")
                  .arg(name, text);
        return std::nullopt;
    }
    *error = AppOptions::tr("%1 must be from %2 to %3, not '%4'")
                 .arg(name, quantity::format(option.min, option.unit),
                      quantity::format(option.max, option.unit), text);
    const bool bare = quantity::parse(text, Unit::Plain).has_value();
    const qint64 scale = option.unit == Unit::Milliseconds ? 1000 : 1024;
    if (bare && *value * scale >= option.min && *value * scale <= option.max) {
        const QString meant = quantity::format(*value * scale, option.unit);
        *error += u' '
            + (option.unit == Unit::Milliseconds
                   ? AppOptions::tr("(a bare number is milliseconds: did you mean %1?)")
                   : AppOptions::tr("(a bare number is bytes: did you mean %1?)"))
                  .arg(meant);
    }
    return std::nullopt;
}

} // namespace

AppOptions AppOptions::fromSettings(const Preferences &saved)
{
    AppOptions options;
    options.intervalMs = saved.intervalMs().value_or(options.intervalMs);
    options.market.priceModel = saved.priceModel().value_or(options.market.priceModel);
    options.server.port = saved.port().value_or(options.server.port);
    return options;
}

void AppOptions::saveTo(Preferences &preferences) const
{
    preferences.setIntervalMs(intervalMs);
    preferences.setPriceModel(market.priceModel);
    preferences.setPort(server.port);
}

AppOptions AppOptions::parse(const QStringList &arguments, Outcome *outcome, QString *message)
{
    return parse(arguments, outcome, message, AppOptions());
}

AppOptions AppOptions::parse(const QStringList &arguments, Outcome *outcome, QString *message,
                             const AppOptions &defaults)
{
    AppOptions options = defaults;
    ServerSettings &server = options.server;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Live stock quotes in a window and, as Server-Sent Events, on the LAN.\n\n"
           "A duration is written like 500ms, 15s, 2min or 1h; a size like 512KiB or 1MiB. A bare "
           "number is milliseconds or bytes."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      tr("Run the feed and server without a window."));
    const QCommandLineOption paused(
        QStringLiteral("paused"),
        tr("Start with the feed stopped (Start, or Ctrl+Space, starts it)."));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  tr("Address to listen on (default: all interfaces)."),
                                  QStringLiteral("address"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed for a reproducible feed."),
                                  QStringLiteral("number"));
    const QCommandLineOption symbols(
        QStringLiteral("symbols"),
        tr("Symbols and opening prices, e.g. AAPL=170,TSLA=240.50 (default: AAPL, GOOG, MSFT, "
           "AMZN)."),
        QStringLiteral("list"));
    const QCommandLineOption historyFile(
        QStringLiteral("history-file"),
        tr("SQLite file that keeps every tick across restarts (default: history.sqlite in the "
           "user's data folder)."),
        QStringLiteral("path"));
    const QCommandLineOption inMemory(QStringLiteral("in-memory"),
                                      tr("Keep no tick history on disk."));
    const QCommandLineOption publish(
        QStringLiteral("publish"),
        tr("Also post every event to this nchan publisher endpoint, e.g. "
           "http://127.0.0.1:8081/pub/quotes."),
        QStringLiteral("url"));
    const QCommandLineOption corsOrigin(
        QStringLiteral("cors-origin"),
        tr("Allow pages from this origin (e.g. https://example.org) to read the stream."),
        QStringLiteral("origin"));
    // Durations and sizes read with units (quantity.h); a bare number is ms or bytes.
    using quantity::Unit;
    const std::vector<NumberOption> numbers {
        { QStringLiteral("port"), QStringLiteral("port"), tr("HTTP port (0 picks a free one)."),
          Unit::Plain, 0, 65535, server.port, [&](qint64 v) { server.port = quint16(v); } },
        { QStringLiteral("interval"), QStringLiteral("duration"), tr("Time between ticks."),
          Unit::Milliseconds, MarketSimulator::MinIntervalMs, MarketSimulator::MaxIntervalMs,
          options.intervalMs, [&](qint64 v) { options.intervalMs = int(v); } },
        { QStringLiteral("publish-queue"), QStringLiteral("events"),
          tr("Events kept for nchan while it does not answer; past it the oldest are dropped."),
          Unit::Plain, 1, 1'000'000, server.publishQueue,
          [&](qint64 v) { server.publishQueue = int(v); } },
        { QStringLiteral("history-days"), QStringLiteral("days"),
          tr("Days of ticks the history file keeps."), Unit::Plain, 1, 36500, options.historyDays,
          [&](qint64 v) { options.historyDays = int(v); } },
        { QStringLiteral("resume-buffer"), QStringLiteral("events"),
          tr("Events kept for resuming with Last-Event-ID."), Unit::Plain, 0, 10'000'000,
          server.resumeBufferSize, [&](qint64 v) { server.resumeBufferSize = int(v); } },
        { QStringLiteral("max-clients"), QStringLiteral("count"),
          tr("Open streams allowed; more get 503."), Unit::Plain, 1, 1'000'000, server.maxClients,
          [&](qint64 v) { server.maxClients = int(v); } },
        { QStringLiteral("client-buffer"), QStringLiteral("size"),
          tr("Unsent data after which a slow client is disconnected."), Unit::Bytes, 1024,
          qint64(1) << 30, server.clientBufferBytes,
          [&](qint64 v) { server.clientBufferBytes = v; } },
        { QStringLiteral("client-timeout"), QStringLiteral("duration"),
          tr("Time after which a stream client whose connection makes no progress is "
             "disconnected."),
          Unit::Milliseconds, 1000, 3'600'000, server.clientTimeoutMs,
          [&](qint64 v) { server.clientTimeoutMs = int(v); } },
        { QStringLiteral("stream-threads"), QStringLiteral("count"),
          tr("Threads that write the event streams (0: one per core but one)."), Unit::Plain, 0, 64,
          server.streamThreads, [&](qint64 v) { server.streamThreads = int(v); } },
        { QStringLiteral("heartbeat"), QStringLiteral("duration"),
          tr("Time between heartbeat events."), Unit::Milliseconds, 100, 3'600'000,
          server.heartbeatMs, [&](qint64 v) { server.heartbeatMs = int(v); } },
        { QStringLiteral("request-timeout"), QStringLiteral("duration"),
          tr("Time each request has to arrive, from its first byte."), Unit::Milliseconds, 100,
          3'600'000, server.requestTimeoutMs, [&](qint64 v) { server.requestTimeoutMs = int(v); } },
        { QStringLiteral("idle-timeout"), QStringLiteral("duration"),
          tr("Time after which an idle keep-alive connection is closed."), Unit::Milliseconds, 100,
          3'600'000, server.idleTimeoutMs, [&](qint64 v) { server.idleTimeoutMs = int(v); } },
        // Below 100 ms a browser would reconnect in a tight loop: `--retry 3` means seconds.
        { QStringLiteral("retry"), QStringLiteral("duration"),
          tr("Reconnection delay advised to browsers."), Unit::Milliseconds, 100, 3'600'000,
          server.retryMs, [&](qint64 v) { server.retryMs = int(v); } },
    };
    // --history was --resume-buffer's name until "history" came to mean the tick history
    // (--history-file): still read, no longer shown.
    QCommandLineOption formerResumeBuffer(QStringLiteral("history"), QString(),
                                          QStringLiteral("events"));
    formerResumeBuffer.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(formerResumeBuffer);
    parser.addOptions(
        { headless, paused, bind, symbols, seed, historyFile, inMemory, publish, corsOrigin });
    parser.addOptions(MarketOptions::commandLineOptions());
    for (const NumberOption &number : numbers) {
        const QString defaultText = quantity::format(number.defaultValue, number.unit);
        parser.addOption({ number.name,
                           number.description + u' ' + tr("Default: %1.").arg(defaultText),
                           number.valueName, defaultText });
    }

    const auto fail = [&](const QString &error) {
        *outcome = Outcome::Error;
        *message = error + QStringLiteral("\n\n") + parser.helpText();
        return options;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    // More files for --replay (MarketOptions); nothing else takes a bare argument.
    if (!parser.positionalArguments().isEmpty() && !parser.isSet(QStringLiteral("replay")))
        return fail(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help) || parser.isSet(version)) {
        *outcome = parser.isSet(help) ? Outcome::ShowHelp : Outcome::ShowVersion;
        *message = parser.isSet(help) ? parser.helpText()
                                      : QCoreApplication::applicationName() + u' '
                + QCoreApplication::applicationVersion() + u'\n';
        return options;
    }

    for (const NumberOption &number : numbers) {
        QString error;
        const bool former = number.name == u"resume-buffer" && !parser.isSet(number.name)
            && parser.isSet(formerResumeBuffer);
        const std::optional<qint64> value = readNumber(
            number, parser.value(former ? formerResumeBuffer.names().constFirst() : number.name),
            &error);
        if (!value)
            return fail(error);
        number.store(*value);
    }
    options.headless = parser.isSet(headless);
    options.paused = parser.isSet(paused);
    options.inMemory = parser.isSet(inMemory);
    if (parser.isSet(historyFile)) {
        if (parser.value(historyFile).isEmpty())
            return fail(tr("--history-file needs a path (or use --in-memory)"));
        options.historyFile = parser.value(historyFile);
    }
    if (parser.isSet(bind) && !server.bindAddress.setAddress(parser.value(bind)))
        return fail(tr("--bind must be an IP address, not '%1'").arg(parser.value(bind)));
    if (parser.isSet(seed)) {
        bool ok = false;
        options.seed = parser.value(seed).toUInt(&ok);
        if (!ok)
            return fail(tr("--seed must be a whole number from 0 to 4294967295, not '%1'")
                            .arg(parser.value(seed)));
    }
    if (parser.isSet(symbols)) {
        QString error;
        const auto openings = parseSymbols(parser.value(symbols), &error);
        if (!openings)
            return fail(error);
        options.openings = *openings;
        options.symbolsGiven = true;
    }
    if (QString error; !options.market.read(parser, &error))
        return fail(error);
    if (options.symbolsGiven && !options.market.replayFiles.isEmpty())
        return fail(tr("--symbols and --replay exclude each other: a replay's symbols are its "
                       "files'"));
    if (parser.isSet(publish)) {
        const QUrl url(parser.value(publish), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"http" && url.scheme() != u"https"))
            return fail(tr("--publish must be an http(s) URL like "
                           "http://127.0.0.1:8081/pub/quotes, not '%1'")
                            .arg(parser.value(publish)));
        server.publishUrl = url;
    }
    if (parser.isSet(corsOrigin)) {
        const QUrl origin(parser.value(corsOrigin), QUrl::StrictMode);
        if (!origin.isValid() || origin.host().isEmpty() || !origin.path().isEmpty()
            || (origin.scheme() != u"http" && origin.scheme() != u"https"))
            return fail(tr("--cors-origin must be an origin like https://example.org, not '%1'")
                            .arg(parser.value(corsOrigin)));
        server.corsOrigin = parser.value(corsOrigin).toUtf8();
    }
    *outcome = Outcome::Run;
    return options;
}

} // namespace quotecast
