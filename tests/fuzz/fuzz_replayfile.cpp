// Price files to replay (Yahoo Finance, Stooq, quotecast's export), well formed or not:
// PriceReplay opens them (the check pass) and, when it accepts them, plays every row, then
// starts again and loops. Input: the first file (`AAPL.csv`), then optionally a second one
// (`ticks.csv`) after a line `--quotecast-fuzz-part--`, given as `SYMBOL=path` when the input's
// second part starts with `SYMBOL=` on a line of its own.
#include "fuzztarget.h"

#include <replay/pricereplay.h>

#include <QFile>
#include <QHash>

#include <algorithm>
#include <limits>
#include <optional>

using namespace quotecast;

namespace {

// What every row the replay gives must be: in range, of a symbol it announced, within the times
// it announced, each symbol's rows oldest first and, when all are dates, all of them.
void checkRow(const PriceReplay &replay, const ReplayRow &row, QHash<QString, qint64> *lastTimes,
              qint64 *lastTime, const QByteArray &input)
{
    FUZZ_CHECK(row.priceCents >= 1 && row.priceCents <= symbol::MaxGivenPriceCents, input);
    FUZZ_CHECK(row.timeMs >= replay.firstTimeMs() && row.timeMs <= replay.lastTimeMs(), input);
    FUZZ_CHECK(std::any_of(replay.symbols().cbegin(), replay.symbols().cend(),
                           [&](const PriceReplay::Symbol &s) { return s.name == row.symbol; }),
               input);
    FUZZ_CHECK(symbol::normalized(row.symbol) == row.symbol, input);
    const auto last = lastTimes->constFind(row.symbol);
    FUZZ_CHECK(last == lastTimes->cend() || *last <= row.timeMs, input);
    lastTimes->insert(row.symbol, row.timeMs);
    FUZZ_CHECK(!replay.datesOnly() || *lastTime <= row.timeMs, input);
    FUZZ_CHECK(row.dateOnly == replay.datesOnly() || !replay.datesOnly(), input);
    *lastTime = row.timeMs;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::ensureApplication();
    static const QString first = fuzz::scratchDir() + QStringLiteral("/AAPL.csv");
    static const QString second = fuzz::scratchDir() + QStringLiteral("/ticks.csv");
    const QByteArray input = fuzz::bytes(data, size);
    const QList<QByteArray> parts = fuzz::split(input, "\n--quotecast-fuzz-part--\n", 2);
    fuzz::writeFile(first, parts.at(0));
    QStringList sources = { first };
    if (parts.size() > 1) {
        QByteArray content = parts.at(1);
        QString source = second;
        if (content.startsWith("SYMBOL=")) { // the symbol on the first line, the file after it
            const qsizetype end = content.indexOf('\n');
            source = QString::fromUtf8(content.mid(7, end < 0 ? -1 : end - 7)) + u'=' + second;
            content = end < 0 ? QByteArray() : content.mid(end + 1);
        }
        fuzz::writeFile(second, content);
        sources.append(source);
    }

    PriceReplay replay;
    QString error;
    if (!replay.open(sources, &error)) {
        FUZZ_CHECK(!error.isEmpty() && !replay.isOpen(), input);
        return 0;
    }
    FUZZ_CHECK(error.isEmpty() && replay.rowCount() >= 1, input);
    FUZZ_CHECK(!replay.symbols().isEmpty() && replay.symbols().size() <= PriceReplay::MaxSymbols,
               input);
    FUZZ_CHECK(replay.firstTimeMs() <= replay.lastTimeMs(), input);
    QHash<QString, qint64> lastTimes;
    qint64 lastTime = std::numeric_limits<qint64>::min();
    std::optional<ReplayRow> firstRow;
    qint64 played = 0;
    while (const std::optional<ReplayRow> row = replay.next()) {
        checkRow(replay, *row, &lastTimes, &lastTime, input);
        if (!firstRow) {
            firstRow = row;
            FUZZ_CHECK(row->symbol == replay.symbols().constFirst().name
                           && row->priceCents == replay.symbols().constFirst().firstPriceCents,
                       input);
        }
        ++played;
    }
    // The files did not change: the play is the check's, to the end.
    FUZZ_CHECK(replay.atEnd() && replay.errorString().isEmpty(), input);
    FUZZ_CHECK(played == replay.rowCount() && replay.position() == played, input);
    // Rewound (the market's loop), it plays from the first row again.
    FUZZ_CHECK(replay.rewind(), input);
    FUZZ_CHECK(replay.next() == firstRow && replay.position() == 1, input);
    return 0;
}
