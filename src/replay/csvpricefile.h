#pragma once

#include <feed/symbol.h>
#include <replay/replayrow.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace quotecast {

class BoundedLineReader;

// One CSV file of prices, read a row at a time (memory does not grow with the file). Its
// format comes from its header line (case and spaces ignored, a UTF-8 BOM and CRLF allowed;
// other columns are ignored, in any order):
//   Yahoo Finance    Date,Open,High,Low,Close,Adj Close,Volume  the Close column (not Adj Close);
//                    a row whose Close is `null` (a day without prices) is skipped
//   Stooq            Date,Open,High,Low,Close[,Volume]           the Close column
//   quotecast export seq,time,symbol,price,change               (TickStore::exportCsv)
// Dates are `YYYY-MM-DD`, a day's midnight UTC; the export's times are UTC ISO 8601 as
// `2026-11-30T11:56:30.123Z`. Prices are dollars with any number of decimals, read as cents
// (csvfields::cents), from 1 to MaxPriceCents. Rows go oldest first: in Yahoo Finance and
// Stooq files each row's date is at or after the one before; in an export each symbol's.
//
// Every row is checked whenever it is read. The first read to the end also learns what the
// file holds (its symbols, rows); a later read that finds the file otherwise (rows or symbols
// that were not there) fails with FileChanged rather than play what was not checked. The file
// stays open from open() to the end, so a file replaced by another (a new download saved over
// it) is still read as it was.
//
// Errors are translated sentences naming the file as given, the line, and what is wrong:
// `prices.csv, line 12: the Close column is not a number: "abc"`.
class CsvPriceFile
{
    Q_DECLARE_TR_FUNCTIONS(quotecast::CsvPriceFile)

public:
    enum class Format { YahooFinance, Stooq, QuotecastExport };
    // The highest price read, as the market takes a price from a person (symbol.h); a price
    // past it is refused, also in an export whose feed walked past it.
    static constexpr qint64 MaxPriceCents = symbol::MaxGivenPriceCents;
    // The most symbols one export may hold (the market's most).
    static constexpr int MaxSymbols = symbol::MaxCount;

    // `path` as the user gave it (it names the file in messages). `symbol`: for Yahoo Finance
    // and Stooq, the symbol of its rows (empty: from the file name, up to its first `.` or
    // `_`, `aapl_us_d.csv` → AAPL); for an export, the only symbol to read (empty: all).
    // It must be empty or a symbol as symbol::normalized gives it.
    CsvPriceFile(const QString &path, const QString &symbol);
    ~CsvPriceFile();
    CsvPriceFile(const CsvPriceFile &) = delete;
    CsvPriceFile &operator=(const CsvPriceFile &) = delete;

    // Opens the file and reads its header; false with errorString() when it cannot be opened,
    // is empty, binary, has no known header, or its name gives no symbol.
    bool open();
    // Whether open() failed only because the file's name gives no symbol (its header is good):
    // a person may name the symbol instead (SYMBOL=path).
    bool lacksSymbol() const { return m_lacksSymbol; }
    QString path() const { return m_path; }
    Format format() const { return m_format; }
    // The rows' symbol (Yahoo Finance, Stooq), or the export's only symbol read; empty for an
    // export read whole. Known after open().
    QString symbol() const { return m_symbol; }

    enum class Result { Row, End, Error };
    // The next row into `row`; End after the last one, Error with errorString() (the file
    // stays failed until rewind()). A file without any row is an error at its first End.
    Result next(ReplayRow *row);
    // Back to the first row (the header is read again): false with errorString().
    bool rewind();
    QString errorString() const { return m_error; }

    // What the first read to the end learnt: whether it got there, its symbols in the order
    // they first appear (an export's; otherwise symbol()), and its rows.
    bool isChecked() const { return m_checked; }
    const QList<QString> &symbols() const { return m_symbolNames; }
    qint64 rowCount() const { return m_rowCount; }

private:
    struct SymbolState
    {
        QByteArray raw; // as the file writes it
        qsizetype index; // into m_symbolNames
        qint64 lastTimeMs;
        qint64 lastLine;
    };

    bool readHeader();
    // Reads the next line that is not blank: false at the end or on an error (m_error).
    bool nextLine(QByteArrayView *line);
    Result parseRow(QByteArrayView line, ReplayRow *row);
    // The state of the export's symbol written `raw`: nullptr when it is filtered out or on an
    // error.
    SymbolState *exportSymbol(QByteArrayView raw, bool *filtered);
    Result fail(const QString &what);
    Result failOnLine(const QString &what);

    QString m_path;
    QString m_symbol;
    QFile m_file;
    std::unique_ptr<BoundedLineReader> m_reader;
    Format m_format = Format::Stooq;
    qsizetype m_timeColumn = -1; // Date or time
    qsizetype m_priceColumn = -1; // Close or price
    qsizetype m_symbolColumn = -1; // the export's
    std::vector<QByteArrayView> m_fields; // the row's, reused
    std::vector<SymbolState> m_symbols; // last time per symbol; at most MaxSymbols + 1
    QList<QString> m_symbolNames;
    QList<QByteArray> m_otherSymbols; // skipped by the filter; at most a few dozen
    qint64 m_rows = 0; // rows read since the start
    qint64 m_rowCount = 0; // rows of the whole file, once checked
    bool m_checked = false;
    bool m_failed = false;
    bool m_lacksSymbol = false;
    QString m_error;
};

} // namespace quotecast
