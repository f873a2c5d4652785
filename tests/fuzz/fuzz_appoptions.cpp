// The command line (AppOptions::parse), the parse step only: --symbols, the durations and
// sizes with their units, --bind, --publish, --cors-origin, --seed and the rest. Input: the
// arguments after the program's name, separated by NUL bytes.
#include "fuzztarget.h"

#include <app/appoptions.h>

#include <QRegularExpression>
#include <QSet>

using namespace quotecast;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    const QByteArray input = fuzz::bytes(data, size);
    QStringList arguments { QStringLiteral("quotecast") };
    for (const QByteArray &argument : fuzz::split(input, QByteArray(1, '\0'), 64))
        arguments.append(QString::fromUtf8(argument));

    AppOptions::Outcome outcome = AppOptions::Outcome::Error;
    QString message;
    const AppOptions options = AppOptions::parse(arguments, &outcome, &message);
    if (outcome != AppOptions::Outcome::Run) {
        FUZZ_CHECK(!message.isEmpty(), input);
        return 0;
    }
    // What --help promises of a command line that is accepted.
    static const QRegularExpression symbol(QStringLiteral("^[A-Z][A-Z0-9.]{0,9}$"));
    QSet<QString> seen;
    FUZZ_CHECK(!options.openings.isEmpty() && options.openings.size() <= 50, input);
    for (const MarketSimulator::Opening &opening : options.openings) {
        FUZZ_CHECK(symbol.match(opening.symbol).hasMatch(), input);
        FUZZ_CHECK(opening.priceCents > 0 && opening.priceCents <= 100'000'000, input);
        FUZZ_CHECK(!seen.contains(opening.symbol), input);
        seen.insert(opening.symbol);
    }
    const ServerSettings &server = options.server;
    FUZZ_CHECK(options.intervalMs >= MarketSimulator::MinIntervalMs
                   && options.intervalMs <= MarketSimulator::MaxIntervalMs,
               input);
    FUZZ_CHECK(options.historyDays >= 1 && options.historyDays <= 36500, input);
    FUZZ_CHECK(server.clientBufferBytes >= 1024 && server.clientBufferBytes <= (qint64(1) << 30),
               input);
    FUZZ_CHECK(server.heartbeatMs >= 100 && server.retryMs >= 100 && server.requestTimeoutMs >= 100
                   && server.idleTimeoutMs >= 100 && server.clientTimeoutMs >= 1000,
               input);
    FUZZ_CHECK(server.maxClients >= 1 && server.publishQueue >= 1 && server.resumeBufferSize >= 0
                   && server.streamThreads >= 0 && server.streamThreads <= 64,
               input);
    FUZZ_CHECK(server.publishUrl.isEmpty() || server.publishUrl.isValid(), input);
    return 0;
}
