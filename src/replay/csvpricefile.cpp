#include <replay/boundedlinereader.h>
#include <replay/csvfields.h>
#include <replay/csvpricefile.h>

#include <QFileInfo>

#include <limits>

namespace quotecast {

namespace {

// Columns are looked for among the header's first fields only: no format has more.
constexpr qsizetype MaxHeaderFields = 256;
constexpr qint64 NoTime = std::numeric_limits<qint64>::min();
// The spellings of the symbols an export read for one symbol skips, remembered so that their
// rows are not normalized one by one (beyond these, they are).
constexpr qsizetype MaxOtherSymbols = 64;

qsizetype columnOf(const QList<QByteArray> &header, const char *name)
{
    return header.indexOf(QByteArray(name));
}

} // namespace

CsvPriceFile::CsvPriceFile(const QString &path, const QString &symbol)
    : m_path(path)
    , m_symbol(symbol)
    , m_file(path)
{ }

CsvPriceFile::~CsvPriceFile() = default;

CsvPriceFile::Result CsvPriceFile::fail(const QString &what)
{
    m_failed = true;
    m_error = tr("%1: %2").arg(m_path, what);
    return Result::Error;
}

CsvPriceFile::Result CsvPriceFile::failOnLine(const QString &what)
{
    m_failed = true;
    m_error = tr("%1, line %2: %3").arg(m_path).arg(m_reader->lineNumber()).arg(what);
    return Result::Error;
}

bool CsvPriceFile::open()
{
    // A replay reads its files twice (the check, then the play) and again for each loop: a
    // pipe or a device would give nothing the second time, or never end the first. Asked
    // before opening, since opening a FIFO waits for a writer, and signals do not end the wait.
    const QFileInfo info(m_path);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        fail(tr("is not a regular file (a pipe or a device): a replay reads its files more than "
                "once"));
        return false;
    }
    // Unbuffered: the reader reads in chunks of its own, so Qt's buffer would only copy them.
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        fail(tr("cannot be opened: %1").arg(m_file.errorString()));
        return false;
    }
    m_reader = std::make_unique<BoundedLineReader>(&m_file);
    if (!readHeader())
        return false;
    if (m_format == Format::QuotecastExport)
        return true;
    if (m_symbol.isEmpty()) {
        // Stooq's aapl_us_d.csv and aapl.us.txt, Yahoo Finance's AAPL.csv.
        const QString name = QFileInfo(m_path).fileName();
        qsizetype end = name.size();
        for (const QChar stop : { u'.', u'_' })
            end = qMin(end, name.indexOf(stop) < 0 ? end : name.indexOf(stop));
        m_symbol = symbol::normalized(QStringView(name).left(end));
        if (m_symbol.isEmpty()) {
            m_lacksSymbol = true;
            fail(tr("the file name does not start with a symbol (a letter, then up to 9 letters, "
                    "digits or dots): give it as SYMBOL=path, like AAPL=%1")
                     .arg(m_path));
            return false;
        }
    }
    m_symbols.push_back({ QByteArray(), 0, NoTime, 0 });
    m_symbolNames = { m_symbol };
    return true;
}

bool CsvPriceFile::nextLine(QByteArrayView *line)
{
    for (;;) {
        switch (m_reader->readLine(line)) {
        case BoundedLineReader::Status::End:
            return false;
        case BoundedLineReader::Status::TooLong:
            failOnLine(
                tr("the line is longer than %1 KiB").arg(BoundedLineReader::MaxLineBytes / 1024));
            return false;
        case BoundedLineReader::Status::ReadError:
            failOnLine(tr("cannot be read: %1").arg(m_file.errorString()));
            return false;
        case BoundedLineReader::Status::Line:
            break;
        }
        if (m_reader->lineNumber() == 1 && line->startsWith("\xEF\xBB\xBF"))
            *line = line->sliced(3); // the UTF-8 byte order mark some editors write
        if (!csvfields::isText(*line)) {
            failOnLine(tr("not a text file (a NUL byte, or bytes that are not UTF-8)"));
            return false;
        }
        if (!line->trimmed().isEmpty())
            return true;
    }
}

bool CsvPriceFile::readHeader()
{
    QByteArrayView line;
    if (!nextLine(&line)) {
        if (!m_failed)
            fail(tr("the file is empty"));
        return false;
    }
    csvfields::split(line, MaxHeaderFields, &m_fields);
    QList<QByteArray> header;
    for (const QByteArrayView field : m_fields)
        header.append(field.toByteArray().toLower());
    const qsizetype date = columnOf(header, "date");
    const qsizetype close = columnOf(header, "close");
    const qsizetype time = columnOf(header, "time");
    const qsizetype symbol = columnOf(header, "symbol");
    const qsizetype price = columnOf(header, "price");
    const auto missing = [&](const char *column) {
        failOnLine(tr("the header has no %1 column").arg(QLatin1String(column)));
        return false;
    };
    if (date >= 0 || close >= 0) {
        if (date < 0)
            return missing("Date");
        if (close < 0)
            return missing("Close");
        // Stooq's intraday files (Date,Time,...): read as daily, every row would be midnight.
        if (time >= 0) {
            failOnLine(tr("the header has a Time column: intraday prices are not supported, only "
                          "daily closes"));
            return false;
        }
        m_format = columnOf(header, "adj close") >= 0 ? Format::YahooFinance : Format::Stooq;
        m_timeColumn = date;
        m_priceColumn = close;
    } else if (time >= 0 || symbol >= 0 || price >= 0) {
        if (time < 0)
            return missing("time");
        if (symbol < 0)
            return missing("symbol");
        if (price < 0)
            return missing("price");
        m_format = Format::QuotecastExport;
        m_timeColumn = time;
        m_priceColumn = price;
        m_symbolColumn = symbol;
    } else {
        failOnLine(tr("unknown header %1; the known formats are Yahoo Finance "
                      "(Date,Open,High,Low,Close,Adj Close,Volume), Stooq "
                      "(Date,Open,High,Low,Close,Volume) and quotecast's export "
                      "(seq,time,symbol,price,change)")
                       .arg(csvfields::quoted(line)));
        return false;
    }
    return true;
}

CsvPriceFile::Result CsvPriceFile::next(ReplayRow *row)
{
    if (m_failed)
        return Result::Error;
    QByteArrayView line;
    while (nextLine(&line)) {
        const Result result = parseRow(line, row);
        if (result == Result::End)
            continue; // a row without a price, or of another symbol
        if (result == Result::Row && m_checked && m_rows == m_rowCount)
            return failOnLine(tr("the file changed since it was checked: it has more rows"));
        if (result == Result::Row)
            ++m_rows;
        return result;
    }
    if (m_failed)
        return Result::Error;
    if (!m_checked) {
        if (m_rows == 0 && m_format == Format::QuotecastExport && !m_symbol.isEmpty())
            return fail(tr("no prices of %1").arg(m_symbol));
        if (m_rows == 0)
            return fail(tr("no prices after the header"));
        m_checked = true;
        m_rowCount = m_rows;
    } else if (m_rows != m_rowCount) {
        return fail(tr("the file changed since it was checked: it has fewer rows"));
    }
    return Result::End;
}

CsvPriceFile::Result CsvPriceFile::parseRow(QByteArrayView line, ReplayRow *row)
{
    const bool isExport = m_format == Format::QuotecastExport;
    const qsizetype needed = qMax(qMax(m_timeColumn, m_priceColumn), m_symbolColumn) + 1;
    const qsizetype count = csvfields::split(line, needed, &m_fields);
    // The columns by the names their format gives them.
    const auto timeName = [&] { return QLatin1String(isExport ? "time" : "Date"); };
    const auto priceName = [&] { return QLatin1String(isExport ? "price" : "Close"); };
    if (count < needed) {
        const QLatin1String column = count <= m_timeColumn ? timeName()
            : count <= m_priceColumn                       ? priceName()
                                                           : QLatin1String("symbol");
        return failOnLine(tr("the %1 column is missing").arg(column));
    }
    const QByteArrayView timeText = m_fields[size_t(m_timeColumn)];
    const QByteArrayView priceText = m_fields[size_t(m_priceColumn)];
    if (!isExport && priceText.compare("null", Qt::CaseInsensitive) == 0)
        return Result::End; // Yahoo Finance's day without prices

    SymbolState *state = m_symbols.empty() ? nullptr : &m_symbols.front();
    bool filtered = false;
    if (isExport) {
        state = exportSymbol(m_fields[size_t(m_symbolColumn)], &filtered);
        if (!state && !filtered)
            return Result::Error;
    }
    const std::optional<qint64> time
        = isExport ? csvfields::utcTimeMs(timeText) : csvfields::dateMs(timeText);
    if (!time && isExport)
        return failOnLine(tr("the time column is not a UTC time like 2026-11-30T11:56:30.123Z: %1")
                              .arg(csvfields::quoted(timeText)));
    if (!time)
        return failOnLine(tr("the Date column is not a date like 2024-01-31: %1")
                              .arg(csvfields::quoted(timeText)));
    qint64 cents = 0;
    switch (csvfields::cents(priceText, MaxPriceCents, &cents)) {
    case csvfields::CentsResult::Ok:
        break;
    case csvfields::CentsResult::NotANumber:
        return failOnLine(
            tr("the %1 column is not a number: %2").arg(priceName(), csvfields::quoted(priceText)));
    case csvfields::CentsResult::OutOfRange:
        return failOnLine(tr("the %1 column is out of range (0.01 to %2): %3")
                              .arg(priceName(), QString::number(MaxPriceCents / 100),
                                   csvfields::quoted(priceText)));
    }
    if (filtered)
        return Result::End;

    if (*time < state->lastTimeMs) {
        const QString now = csvfields::timeText(*time, !isExport);
        const QString before = csvfields::timeText(state->lastTimeMs, !isExport);
        if (isExport)
            return failOnLine(tr("%1 at %2 comes before its row of line %3 at %4: each "
                                 "symbol's rows must be oldest first")
                                  .arg(m_symbolNames.at(state->index), now)
                                  .arg(state->lastLine)
                                  .arg(before));
        return failOnLine(tr("%1 comes before %2 of line %3: the rows must be oldest first")
                              .arg(now, before)
                              .arg(state->lastLine));
    }
    state->lastTimeMs = *time;
    state->lastLine = m_reader->lineNumber();
    row->symbol = m_symbolNames.at(state->index);
    row->priceCents = cents;
    row->timeMs = *time;
    row->dateOnly = !isExport;
    return Result::Row;
}

CsvPriceFile::SymbolState *CsvPriceFile::exportSymbol(QByteArrayView raw, bool *filtered)
{
    // Exports write each symbol one way: the bytes find it without normalizing each row.
    for (SymbolState &state : m_symbols) {
        if (state.raw == raw)
            return &state;
    }
    if (m_otherSymbols.contains(raw)) {
        *filtered = true;
        return nullptr;
    }
    const QString name = symbol::normalized(QString::fromUtf8(raw));
    if (name.isEmpty()) {
        failOnLine(tr("the symbol column is not a symbol: %1").arg(csvfields::quoted(raw)));
        return nullptr;
    }
    if (!m_symbol.isEmpty() && name != m_symbol) {
        if (m_otherSymbols.size() < MaxOtherSymbols)
            m_otherSymbols.append(raw.toByteArray());
        *filtered = true;
        return nullptr;
    }
    const qsizetype index = m_symbolNames.indexOf(name);
    if (index >= 0) { // written another way (`aapl`): normalized on each of its rows
        for (SymbolState &state : m_symbols) {
            if (state.index == index)
                return &state;
        }
    }
    if (m_checked) {
        failOnLine(tr("the file changed since it was checked: %1 was not in it").arg(name));
        return nullptr;
    }
    if (m_symbolNames.size() == MaxSymbols) {
        failOnLine(tr("more than %1 symbols, the market's most").arg(MaxSymbols));
        return nullptr;
    }
    m_symbolNames.append(name);
    m_symbols.push_back({ raw.toByteArray(), m_symbolNames.size() - 1, NoTime, 0 });
    return &m_symbols.back();
}

bool CsvPriceFile::rewind()
{
    const Format format = m_format;
    const qsizetype columns[] = { m_timeColumn, m_priceColumn, m_symbolColumn };
    m_failed = false;
    m_error.clear();
    m_rows = 0;
    for (SymbolState &state : m_symbols)
        state.lastTimeMs = NoTime;
    if (!m_reader || !m_reader->rewind()) {
        fail(tr("cannot be read again: %1").arg(m_file.errorString()));
        return false;
    }
    if (!readHeader())
        return false;
    if (format != m_format || columns[0] != m_timeColumn || columns[1] != m_priceColumn
        || columns[2] != m_symbolColumn) {
        failOnLine(tr("the file changed since it was checked: its header differs"));
        return false;
    }
    return true;
}

} // namespace quotecast
