#pragma once

#include <QString>

#include <optional>

namespace quotecast {

// Durations and sizes as people write them on a command line: `15s`, `500ms`, `256KiB`.
// A bare number is in the base unit (milliseconds, bytes), so values written before units
// existed keep their meaning.
namespace quantity {

enum class Unit {
    Count, // a bare whole number only
    Milliseconds, // ms, s, min, h
    Bytes, // B; KiB, MiB, GiB (also K, M, G, as in GNU coreutils); kB, MB, GB (powers of 1000)
};

// `text` read in `unit`: digits with an optional fraction and suffix (`1.5s`, `0.5MiB`), units
// case-insensitive, spaces allowed around the suffix. nullopt when the text is not such a
// number, has an unknown suffix, is not a whole number of the base unit (`0.5ms`), or does not
// fit a qint64.
std::optional<qint64> parse(QStringView text, Unit unit);

// `value` (>= 0) in the largest unit that divides it exactly: 5000 ms → `5s`, 262144 bytes →
// `256KiB`, 1500 ms → `1500ms`. Counts are printed bare. parse(format(v, u), u) == v.
QString format(qint64 value, Unit unit);

} // namespace quantity
} // namespace quotecast
