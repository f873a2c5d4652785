#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

// The pieces of a CSV line of prices, read from its bytes exactly: no double, no locale.
namespace quotecast::csvfields {

// The first `maxFields` fields of `line` into `fields` (cleared first; they point into
// `line`), each trimmed of spaces and tabs and of the double quotes around it. A comma
// between double quotes belongs to its field; `""` inside one is left as it is. Returns how
// many fields the line has in all.
qsizetype split(QByteArrayView line, qsizetype maxFields, std::vector<QByteArrayView> *fields);

enum class CentsResult { Ok, NotANumber, OutOfRange };
// A price in dollars, `185.639999` or `+12` or `.5`, as whole cents rounded half away from
// zero from all its decimals (read digit by digit, exactly). OutOfRange for a number below 1
// cent once rounded (zero, negative) or above `maxCents`; NotANumber for anything else
// (empty, exponents, a second dot, letters, `null`).
CentsResult cents(QByteArrayView text, qint64 maxCents, qint64 *cents);

// `YYYY-MM-DD` (years 0001 to 9999, a day that exists, Gregorian) as its midnight UTC in
// milliseconds since the Unix epoch.
std::optional<qint64> dateMs(QByteArrayView text);

// `YYYY-MM-DDThh:mm:ss`, optionally `.` and 1 to 9 digits (past milliseconds cut), then `Z`,
// as Qt writes UTC in Qt::ISODateWithMs: milliseconds since the Unix epoch.
std::optional<qint64> utcTimeMs(QByteArrayView text);

// A time as such functions read it, for messages: `2024-01-05`, or
// `2026-11-30T11:56:30.123Z` when `dateOnly` is false.
QString timeText(qint64 timeMs, bool dateOnly);

// Whether `bytes` are UTF-8 (as QByteArrayView::isValidUtf8 checks: RFC 3629) and
// without a NUL byte: what a text file holds.
bool isText(QByteArrayView bytes);

// `text` in double quotes for a message, cut to its first 40 characters (then `…`). `text`
// must be UTF-8 (isText).
QString quoted(QByteArrayView text);

} // namespace quotecast::csvfields
