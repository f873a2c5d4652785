// Durations and sizes as the command line reads them (quantity::parse) and prints them
// (quantity::format, in --help and errors). Input: a unit byte (its value modulo 3: plain,
// milliseconds, bytes), then the text, e.g. `\x01` `1.5s`.
#include "fuzztarget.h"

#include <app/quantity.h>

#include <array>
#include <cstring>
#include <limits>

using namespace quotecast;
using quantity::Unit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray input = fuzz::bytes(data, size);
    const Unit unit = std::array { Unit::Plain, Unit::Milliseconds, Unit::Bytes }[data[0] % 3];
    const QString text = QString::fromUtf8(input.mid(1));

    // What format prints, parse reads back as the same value (quantity.h): always below 10^15,
    // above when the text has at most 15 digits (a unit divides it), else nullopt, never
    // another value.
    const auto checkRoundTrip = [&](qint64 value) {
        const QString printed = quantity::format(value, unit);
        const std::optional<qint64> back = quantity::parse(printed, unit);
        FUZZ_CHECK(back == value || (!back && value >= 1'000'000'000'000'000),
                   input + " -> " + printed.toUtf8());
    };
    // The text read, and the text's first 8 bytes as a value, made >= 0 (and below 10^15).
    if (const std::optional<qint64> value = quantity::parse(text, unit)) {
        FUZZ_CHECK(*value >= 0, input);
        checkRoundTrip(*value);
    }
    if (size >= 9) {
        qint64 value = 0;
        std::memcpy(&value, data + 1, sizeof value);
        value &= std::numeric_limits<qint64>::max();
        checkRoundTrip(value);
        checkRoundTrip(value % 1'000'000'000'000'000);
    }
    return 0;
}
