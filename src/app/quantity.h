#pragma once

#include <QString>

#include <optional>

namespace quotecast {

// Durations and sizes as people write them on a command line: `15s`, `500ms`, `256KiB`.
// A bare number is in the base unit (milliseconds, bytes), so values written before units
// existed keep their meaning.
namespace quantity {

enum class Unit {
    Plain, // a whole number without a unit (a count, a port)
    Milliseconds, // ms, s, min, h
    Bytes, // B, KiB, MiB, GiB (K, M, G are read as the same)
};

// `text` read in `unit`: up to 15 digits, with up to 3 decimals when a unit follows (`1.5s`,
// `0.5MiB`); units case-insensitive, spaces allowed around them. nullopt when the text is not
// such a number, has an unknown unit (`2m`, `256kB`), is not a whole number of the base unit
// (`0.5ms`), or the value passes 2^63 - 1.
std::optional<qint64> parse(QStringView text, Unit unit);

// `value` (>= 0) in the largest unit that divides it exactly: 5000 ms → `5s`, 262144 bytes →
// `256KiB`, 1500 ms → `1500ms`, 0 → `0ms`. Plain numbers are printed as they are.
// parse(format(v, u), u) == v for every v below 10^15; a larger v may print more digits than
// parse reads (`1000000000000001ms`), and then reads back as nullopt, never as another value.
QString format(qint64 value, Unit unit);

} // namespace quantity
} // namespace quotecast
