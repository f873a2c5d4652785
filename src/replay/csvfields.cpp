#include <replay/csvfields.h>

#include <QDateTime>

namespace quotecast::csvfields {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// `text[from, from + count)` as a number when all digits.
std::optional<int> digits(QByteArrayView text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        if (!isDigit(text[i]))
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// Days from 1970-01-01 to a Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

int daysInMonth(int year, int month)
{
    static constexpr int Days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : Days[month - 1];
}

} // namespace

qsizetype split(QByteArrayView line, qsizetype maxFields, std::vector<QByteArrayView> *fields)
{
    fields->clear();
    qsizetype count = 0;
    qsizetype start = 0;
    bool quoted = false;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i < line.size() && (line[i] != ',' || quoted)) {
            if (line[i] == '"')
                quoted = !quoted;
            continue;
        }
        if (count++ < maxFields) {
            QByteArrayView field = line.sliced(start, i - start);
            while (!field.isEmpty() && (field.front() == ' ' || field.front() == '\t'))
                field = field.sliced(1);
            while (!field.isEmpty() && (field.back() == ' ' || field.back() == '\t'))
                field.chop(1);
            if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
                field = field.sliced(1, field.size() - 2);
            fields->push_back(field);
        }
        start = i + 1;
    }
    return count;
}

CentsResult cents(QByteArrayView text, qint64 maxCents, qint64 *cents)
{
    qsizetype i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        negative = text[i++] == '-';
    // Past this many dollars the price is out of range whatever follows: stop counting, so a
    // thousand digits cannot overflow.
    const qint64 dollarCap = maxCents / 100 + 1;
    qint64 dollars = 0;
    bool huge = false;
    int digitCount = 0;
    for (; i < text.size() && isDigit(text[i]); ++i, ++digitCount) {
        if (!huge) {
            dollars = dollars * 10 + (text[i] - '0');
            huge = dollars > dollarCap;
        }
    }
    int decimals[3] = { 0, 0, 0 }; // tenths, hundredths, and the digit that rounds
    if (i < text.size() && text[i] == '.') {
        for (int place = 0; ++i < text.size() && isDigit(text[i]); ++place, ++digitCount) {
            if (place < 3)
                decimals[place] = text[i] - '0';
        }
    }
    if (digitCount == 0 || i != text.size())
        return CentsResult::NotANumber;
    if (negative || huge)
        return CentsResult::OutOfRange;
    // The third decimal decides: 5 or more is at least half a cent (the digits after it only
    // add to that), so rounding up is half away from zero for a positive price.
    const qint64 value
        = dollars * 100 + decimals[0] * 10 + decimals[1] + (decimals[2] >= 5 ? 1 : 0);
    if (value < 1 || value > maxCents)
        return CentsResult::OutOfRange;
    *cents = value;
    return CentsResult::Ok;
}

std::optional<qint64> dateMs(QByteArrayView text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const std::optional<int> year = digits(text, 0, 4);
    const std::optional<int> month = digits(text, 5, 2);
    const std::optional<int> day = digits(text, 8, 2);
    if (!year || !month || !day || *year < 1 || *month < 1 || *month > 12 || *day < 1
        || *day > daysInMonth(*year, *month))
        return std::nullopt;
    return daysFromCivil(*year, *month, *day) * 24 * 3600 * 1000;
}

std::optional<qint64> utcTimeMs(QByteArrayView text)
{
    // 2026-11-30T11:56:30.123Z
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':'
        || text.back() != 'Z')
        return std::nullopt;
    const std::optional<qint64> date = dateMs(text.first(10));
    const std::optional<int> hours = digits(text, 11, 2);
    const std::optional<int> minutes = digits(text, 14, 2);
    const std::optional<int> seconds = digits(text, 17, 2);
    if (!date || !hours || !minutes || !seconds || *hours > 23 || *minutes > 59 || *seconds > 59)
        return std::nullopt;
    int milliseconds = 0;
    const QByteArrayView fraction = text.sliced(19).chopped(1); // between the seconds and Z
    if (!fraction.isEmpty()) {
        if (fraction.size() < 2 || fraction.size() > 10 || fraction[0] != '.')
            return std::nullopt;
        const std::optional<int> value = digits(fraction, 1, fraction.size() - 1);
        if (!value)
            return std::nullopt;
        for (qsizetype k = 1; k < 4; ++k) // milliseconds: the first three digits, padded
            milliseconds = milliseconds * 10 + (k < fraction.size() ? fraction[k] - '0' : 0);
    }
    return *date + ((*hours * 60 + *minutes) * 60 + *seconds) * qint64(1000) + milliseconds;
}

QString timeText(qint64 timeMs, bool dateOnly)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
    return dateOnly ? time.date().toString(Qt::ISODate) : time.toString(Qt::ISODateWithMs);
}

bool isText(QByteArrayView bytes)
{
    return !bytes.contains('\0') && bytes.isValidUtf8();
}

QString quoted(QByteArrayView text)
{
    constexpr qsizetype MaxShown = 40;
    QString shown = QString::fromUtf8(text);
    if (shown.size() > MaxShown) {
        const bool splitsPair = shown.at(MaxShown - 1).isHighSurrogate();
        shown = shown.left(MaxShown - (splitsPair ? 1 : 0)) + QChar(0x2026); // …
    }
    return u'"' + shown + u'"';
}

} // namespace quotecast::csvfields
