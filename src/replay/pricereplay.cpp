#include <replay/csvpricefile.h>
#include <replay/pricereplay.h>

namespace quotecast {

PriceReplay::PriceReplay() = default;
PriceReplay::~PriceReplay() = default;
PriceReplay::PriceReplay(PriceReplay &&) noexcept = default;
PriceReplay &PriceReplay::operator=(PriceReplay &&) noexcept = default;

bool PriceReplay::open(const QStringList &sources, QString *error)
{
    *this = PriceReplay();
    const auto refuse = [&](const QString &why) {
        *error = why;
        *this = PriceReplay();
        return false;
    };
    if (sources.isEmpty())
        return refuse(tr("no price file given"));
    if (sources.size() > MaxFiles)
        return refuse(tr("more than %1 price files").arg(MaxFiles));

    for (const QString &source : sources) {
        // SYMBOL=path; a `=` in a folder's name is part of the path.
        const qsizetype equals = source.indexOf(u'=');
        qsizetype slash = source.indexOf(u'/');
        if (const qsizetype backslash = source.indexOf(u'\\'); backslash >= 0)
            slash = slash < 0 ? backslash : qMin(slash, backslash);
        QString symbol;
        QString path = source;
        if (equals >= 0 && (slash < 0 || equals < slash)) {
            symbol = symbol::normalized(QStringView(source).left(equals));
            path = source.mid(equals + 1);
            if (symbol.isEmpty())
                return refuse(tr("%1: \"%2\" is not a symbol (a letter, then up to 9 letters, "
                                 "digits or dots)")
                                  .arg(source, source.left(equals)));
            if (path.isEmpty())
                return refuse(tr("%1: no file after the =").arg(source));
        }
        auto file = std::make_unique<CsvPriceFile>(path, symbol);
        if (!file->open()) {
            refuse(file->errorString());
            if (file->lacksSymbol())
                m_sourceWithoutSymbol = source;
            return false;
        }
        // A file of one symbol gives it from the start; an export read whole, as it plays.
        if (!file->symbol().isEmpty()) {
            const auto owner = m_owners.constFind(file->symbol());
            if (owner != m_owners.cend())
                return refuse(tr("%1: %2 is also given by %3")
                                  .arg(path, file->symbol(), m_files.at(owner->file)->path()));
            if (m_owners.size() == MaxSymbols)
                return refuse(tr("more than %1 symbols, the market's most").arg(MaxSymbols));
            m_owners.insert(file->symbol(), { m_files.size(), false });
        }
        m_datesOnly = m_datesOnly && file->format() != CsvPriceFile::Format::QuotecastExport;
        m_files.push_back(std::move(file));
    }
    m_heads.resize(m_files.size());
    m_ended.resize(m_files.size());

    // The check: the whole merge, once.
    bool first = true;
    while (const std::optional<ReplayRow> row = merge(Pass::Check)) {
        m_firstTimeMs = first ? row->timeMs : qMin(m_firstTimeMs, row->timeMs);
        m_lastTimeMs = first ? row->timeMs : qMax(m_lastTimeMs, row->timeMs);
        first = false;
        ++m_rowCount;
    }
    if (!m_error.isEmpty())
        return refuse(m_error);
    if (!rewind())
        return refuse(m_error);
    return true;
}

std::optional<ReplayRow> PriceReplay::merge(Pass pass)
{
    std::optional<size_t> oldest;
    for (size_t i = 0; i < m_files.size(); ++i) {
        if (!m_heads[i] && !m_ended[i]) {
            ReplayRow row;
            switch (m_files[i]->next(&row)) {
            case CsvPriceFile::Result::Row:
                m_heads[i] = std::move(row);
                break;
            case CsvPriceFile::Result::End:
                m_ended[i] = true;
                break;
            case CsvPriceFile::Result::Error:
                return stop(m_files[i]->errorString());
            }
        }
        // Strictly older: at equal times the file given first goes first.
        if (m_heads[i] && (!oldest || m_heads[i]->timeMs < m_heads[*oldest]->timeMs))
            oldest = i;
    }
    if (!oldest)
        return std::nullopt;
    std::optional<ReplayRow> row = std::exchange(m_heads[*oldest], std::nullopt);
    if (pass == Pass::Check && !learn(*oldest, *row))
        return std::nullopt;
    return row;
}

bool PriceReplay::learn(size_t file, const ReplayRow &row)
{
    auto owner = m_owners.find(row.symbol);
    if (owner == m_owners.end()) {
        if (m_owners.size() == MaxSymbols) {
            stop(tr("%1: more than %2 symbols in all, the market's most")
                     .arg(m_files[file]->path())
                     .arg(MaxSymbols));
            return false;
        }
        owner = m_owners.insert(row.symbol, { file, false });
    } else if (owner->file != file) {
        stop(tr("%1: %2 is also given by %3")
                 .arg(m_files[file]->path(), row.symbol, m_files[owner->file]->path()));
        return false;
    }
    if (!owner->played) {
        owner->played = true;
        m_symbols.append({ row.symbol, row.priceCents, row.timeMs });
    }
    return true;
}

std::optional<ReplayRow> PriceReplay::next()
{
    if (!isOpen() || !m_error.isEmpty() || m_atEnd)
        return std::nullopt;
    std::optional<ReplayRow> row = merge(Pass::Play);
    if (row)
        ++m_position;
    else if (m_error.isEmpty())
        m_atEnd = true;
    return row;
}

bool PriceReplay::rewind()
{
    if (!isOpen() || !m_error.isEmpty())
        return false;
    for (size_t i = 0; i < m_files.size(); ++i) {
        if (!m_files[i]->rewind()) {
            stop(m_files[i]->errorString());
            return false;
        }
        m_heads[i].reset();
        m_ended[i] = false;
    }
    m_position = 0;
    m_atEnd = false;
    return true;
}

std::optional<ReplayRow> PriceReplay::stop(const QString &error)
{
    m_error = error;
    m_atEnd = false;
    return std::nullopt;
}

} // namespace quotecast
