#include "appoptions.h"

#include "stockmodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <functional>

namespace quotecast {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AppOptions", text);
}

// A whole-number option: its range, and where a valid value goes.
struct IntegerOption
{
    QCommandLineOption option;
    qint64 min;
    qint64 max;
    std::function<void(qint64)> store;
};

} // namespace

AppOptions AppOptions::parse(const QStringList &arguments, Outcome *outcome, QString *message)
{
    AppOptions options;
    ServerSettings &server = options.server;
    const auto text = [](qint64 value) { return QString::number(value); };

    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Live stock quotes in a window and, as Server-Sent Events, on the LAN."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      tr("Run the feed and server without a window."));
    const QCommandLineOption bind(QStringLiteral("bind"),
                                  tr("Address to listen on (default: all interfaces)."),
                                  QStringLiteral("address"));
    const QCommandLineOption seed(QStringLiteral("seed"), tr("Seed for a reproducible feed."),
                                  QStringLiteral("number"));
    const QCommandLineOption corsOrigin(
        QStringLiteral("cors-origin"),
        tr("Allow pages from this origin (e.g. https://example.org) to read the stream."),
        QStringLiteral("origin"));
    const std::vector<IntegerOption> integers {
        { { QStringLiteral("port"), tr("HTTP port (0 picks a free one)."), QStringLiteral("port"),
            text(server.port) },
          0,
          65535,
          [&](qint64 v) { server.port = quint16(v); } },
        { { QStringLiteral("interval"), tr("Milliseconds between ticks."), QStringLiteral("ms"),
            text(options.intervalMs) },
          StockModel::MinIntervalMs,
          24 * 3600 * 1000,
          [&](qint64 v) { options.intervalMs = int(v); } },
        { { QStringLiteral("history"), tr("Events kept for resuming with Last-Event-ID."),
            QStringLiteral("events"), text(server.historySize) },
          0,
          10'000'000,
          [&](qint64 v) { server.historySize = int(v); } },
        { { QStringLiteral("max-clients"), tr("Open streams allowed; more get 503."),
            QStringLiteral("count"), text(server.maxClients) },
          1,
          1'000'000,
          [&](qint64 v) { server.maxClients = int(v); } },
        { { QStringLiteral("client-buffer"),
            tr("Unsent bytes after which a slow client is disconnected."), QStringLiteral("bytes"),
            text(server.clientBufferBytes) },
          1024,
          qint64(1) << 30,
          [&](qint64 v) { server.clientBufferBytes = v; } },
        { { QStringLiteral("stream-threads"),
            tr("Threads that write the event streams (0: one per core but one)."),
            QStringLiteral("count"), text(server.streamThreads) },
          0,
          64,
          [&](qint64 v) { server.streamThreads = int(v); } },
        { { QStringLiteral("heartbeat"), tr("Milliseconds between `: ping` comments."),
            QStringLiteral("ms"), text(server.heartbeatMs) },
          100,
          3'600'000,
          [&](qint64 v) { server.heartbeatMs = int(v); } },
        { { QStringLiteral("request-timeout"),
            tr("Milliseconds a new connection has to send its request head."), QStringLiteral("ms"),
            text(server.requestTimeoutMs) },
          100,
          3'600'000,
          [&](qint64 v) { server.requestTimeoutMs = int(v); } },
        { { QStringLiteral("idle-timeout"),
            tr("Milliseconds after which an idle keep-alive connection is closed."),
            QStringLiteral("ms"), text(server.idleTimeoutMs) },
          100,
          3'600'000,
          [&](qint64 v) { server.idleTimeoutMs = int(v); } },
        { { QStringLiteral("retry"), tr("Reconnection delay advised to browsers, in ms."),
            QStringLiteral("ms"), text(server.retryMs) },
          0,
          3'600'000,
          [&](qint64 v) { server.retryMs = int(v); } },
    };
    parser.addOptions({ headless, bind, seed, corsOrigin });
    for (const IntegerOption &integer : integers) {
        QCommandLineOption described = integer.option;
        described.setDescription(described.description() + u' '
                                 + tr("Default: %1.").arg(described.defaultValues().constFirst()));
        parser.addOption(described);
    }

    const auto fail = [&](const QString &error) {
        *outcome = Outcome::Error;
        *message = error + QStringLiteral("\n\n") + parser.helpText();
        return options;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help) || parser.isSet(version)) {
        *outcome = parser.isSet(help) ? Outcome::ShowHelp : Outcome::ShowVersion;
        *message = parser.isSet(help) ? parser.helpText()
                                      : QCoreApplication::applicationName() + u' '
                + QCoreApplication::applicationVersion() + u'\n';
        return options;
    }

    for (const IntegerOption &integer : integers) {
        const QString name = integer.option.names().constFirst();
        const QString value = parser.value(name);
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok || number < integer.min || number > integer.max)
            return fail(tr("--%1 must be a whole number from %2 to %3, not '%4'")
                            .arg(name, text(integer.min), text(integer.max), value));
        integer.store(number);
    }
    options.headless = parser.isSet(headless);
    if (parser.isSet(bind) && !server.bindAddress.setAddress(parser.value(bind)))
        return fail(tr("--bind must be an IP address, not '%1'").arg(parser.value(bind)));
    if (parser.isSet(seed)) {
        bool ok = false;
        options.seed = parser.value(seed).toUInt(&ok);
        if (!ok)
            return fail(tr("--seed must be a whole number from 0 to 4294967295, not '%1'")
                            .arg(parser.value(seed)));
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
