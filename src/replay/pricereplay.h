#pragma once

#include <feed/symbol.h>
#include <replay/replayrow.h>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace quotecast {

class CsvPriceFile;

// Real prices to play: CSV files (CsvPriceFile says which formats) merged into one stream of
// rows by time. open() checks every file whole before anything is played, reading each once
// as it will be played (constant memory, whatever the size); next() then reads the rows again
// as they are asked for. Rows of several files are interleaved by time, oldest first; at equal
// times the file given first goes first, and within a file the rows keep the file's order.
// At the end next() says so; rewind() starts again from the first rows (the market loops so).
//
// Errors are translated sentences for the person who gave the files, naming the file as
// given, the line and what is wrong: `prices.csv, line 12: the Close column is not a number:
// "abc"`. A file that changes under a replay (rows or symbols that the check did not see, a
// malformed row, a read error) stops it with such an error: nothing unchecked is played.
//
// Not thread-safe: it lives in one thread, the market's.
class PriceReplay
{
    Q_DECLARE_TR_FUNCTIONS(quotecast::PriceReplay)

public:
    struct Symbol
    {
        QString name; // as symbol::normalized gives it
        qint64 firstPriceCents; // its first row's price: 1 to symbol::MaxGivenPriceCents
        qint64 firstTimeMs; // its first row's time (ReplayRow::timeMs)
    };
    // At most this many files, and this many symbols in all (the market's most).
    static constexpr int MaxFiles = symbol::MaxCount;
    static constexpr int MaxSymbols = symbol::MaxCount;

    PriceReplay();
    ~PriceReplay();
    PriceReplay(const PriceReplay &) = delete;
    PriceReplay &operator=(const PriceReplay &) = delete;
    PriceReplay(PriceReplay &&) noexcept;
    PriceReplay &operator=(PriceReplay &&) noexcept;

    // Opens `sources` (each a path, or `SYMBOL=path` to name the file's symbol; for an export,
    // to play only that symbol's rows) and checks them whole. A path with a `=` before its
    // first `/` is read as `SYMBOL=path`: write `./a=b.csv` for such a file. True when they can
    // be played: the replay then stands before its first row. False with `error` (and nothing
    // kept) for: no source or more than MaxFiles; a source's symbol that is not one; a file
    // that cannot be opened or read, is empty, binary, has a line longer than 64 KiB, an
    // unknown header, a column missing, a bad date, time or number, a price out of range,
    // rows not oldest first, no rows; a symbol given by two files; more than MaxSymbols.
    bool open(const QStringList &sources, QString *error);
    bool isOpen() const { return !m_files.empty(); }
    // After open() failed: the source it refused only because its file's name gives no symbol
    // (CsvPriceFile::lacksSymbol), so that a window can ask for the symbol; empty otherwise.
    QString sourceWithoutSymbol() const { return m_sourceWithoutSymbol; }

    // What the check found, once open: the symbols in the order the replay first plays them,
    // with their first prices and times; the earliest and the latest time of any row
    // (ReplayRow::timeMs); whether every row is a date without a time (no export among the files);
    // and how many rows one pass plays.
    const QList<Symbol> &symbols() const { return m_symbols; }
    qint64 firstTimeMs() const { return m_firstTimeMs; }
    qint64 lastTimeMs() const { return m_lastTimeMs; }
    bool datesOnly() const { return m_datesOnly; }
    qint64 rowCount() const { return m_rowCount; }

    // The next row, oldest first; std::nullopt at the end (atEnd()) or on an error
    // (errorString(); the replay stays stopped, and only open() checks the files anew).
    std::optional<ReplayRow> next();
    // The rows next() gave since the start or the last rewind (0 to rowCount()).
    qint64 position() const { return m_position; }
    bool atEnd() const { return m_atEnd; }
    QString errorString() const { return m_error; }
    // Back before the first row; false (and stopped, errorString()) when a file cannot be read
    // from its start again or has changed its header.
    bool rewind();

private:
    enum class Pass { Check, Play };
    // The next row of the merge; during the check, learns what the files hold.
    std::optional<ReplayRow> merge(Pass pass);
    // Checks that `row`, played from `file`, is of a symbol no other file gives, and notes a
    // symbol's first row: false (stopped) otherwise.
    bool learn(size_t file, const ReplayRow &row);
    std::optional<ReplayRow> stop(const QString &error);

    std::vector<std::unique_ptr<CsvPriceFile>> m_files;
    // Each file's next row, read ahead for the merge (empty: to be read, or the file ended).
    std::vector<std::optional<ReplayRow>> m_heads;
    std::vector<bool> m_ended;
    struct Owner
    {
        size_t file; // which file gives the symbol
        bool played; // whether the check played a row of it yet
    };
    QHash<QString, Owner> m_owners;
    QList<Symbol> m_symbols;
    qint64 m_firstTimeMs = 0;
    qint64 m_lastTimeMs = 0;
    bool m_datesOnly = true;
    qint64 m_rowCount = 0;
    qint64 m_position = 0;
    bool m_atEnd = false;
    QString m_error;
    QString m_sourceWithoutSymbol;
};

} // namespace quotecast
