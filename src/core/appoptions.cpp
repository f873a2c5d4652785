#include "appoptions.h"

#include "stockmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace quotecast {

namespace {
std::optional<qint64> parseInteger(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}
} // namespace

AppOptions AppOptions::parse(const QStringList &arguments, Outcome *outcome, QString *message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "AppOptions", "Live stock quotes in a window and, as Server-Sent Events, on the LAN."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QCoreApplication::translate("AppOptions", "Run the feed and server without a window."));
    const QCommandLineOption port(
        QStringLiteral("port"),
        QCoreApplication::translate("AppOptions", "HTTP port (0 picks a free one)."),
        QStringLiteral("port"), QString::number(ServerSettings::DefaultPort));
    const QCommandLineOption bind(
        QStringLiteral("bind"),
        QCoreApplication::translate("AppOptions",
                                    "Address to listen on (default: all interfaces)."),
        QStringLiteral("address"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QCoreApplication::translate("AppOptions", "Milliseconds between ticks."),
        QStringLiteral("ms"), QString::number(StockModel::DefaultIntervalMs));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QCoreApplication::translate("AppOptions", "Seed for a reproducible feed."),
        QStringLiteral("number"));
    parser.addOptions({ headless, port, bind, interval, seed });

    AppOptions options;
    const auto fail = [&](const QString &text) {
        *outcome = Outcome::Error;
        *message = text + QStringLiteral("\n\n") + parser.helpText();
        return options;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(QCoreApplication::translate("AppOptions", "Unexpected argument: %1")
                        .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help)) {
        *outcome = Outcome::ShowHelp;
        *message = parser.helpText();
        return options;
    }
    if (parser.isSet(version)) {
        *outcome = Outcome::ShowVersion;
        *message = QCoreApplication::applicationName() + u' '
            + QCoreApplication::applicationVersion() + u'\n';
        return options;
    }

    options.headless = parser.isSet(headless);
    if (const auto value = parseInteger(parser.value(port), 0, 65535))
        options.server.port = quint16(*value);
    else
        return fail(QCoreApplication::translate("AppOptions", "--port must be 0-65535, not '%1'")
                        .arg(parser.value(port)));
    if (parser.isSet(bind) && !options.server.bindAddress.setAddress(parser.value(bind)))
        return fail(
            QCoreApplication::translate("AppOptions", "--bind must be an IP address, not '%1'")
                .arg(parser.value(bind)));
    if (const auto value
        = parseInteger(parser.value(interval), StockModel::MinIntervalMs, 24 * 3600 * 1000))
        options.intervalMs = int(*value);
    else
        return fail(
            QCoreApplication::translate("AppOptions", "--interval must be %1-86400000 ms, not '%2'")
                .arg(StockModel::MinIntervalMs)
                .arg(parser.value(interval)));
    if (parser.isSet(seed)) {
        if (const auto value = parseInteger(parser.value(seed), 0, 0xFFFFFFFF))
            options.seed = quint32(*value);
        else
            return fail(
                QCoreApplication::translate("AppOptions", "--seed must be 0-4294967295, not '%1'")
                    .arg(parser.value(seed)));
    }
    *outcome = Outcome::Run;
    return options;
}

} // namespace quotecast
