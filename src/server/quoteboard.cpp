#include <server/quoteboard.h>

#include <algorithm>

#include <server/sse/sseevent.h>

#include <QJsonObject>

namespace quotecast {

void QuoteBoard::reset(const QList<Quote> &latest, const QList<Quote> &recentTicks)
{
    m_quotes = latest;
    m_trails = QList<PriceTrail>(latest.size());
    for (const Quote &tick : recentTicks) {
        if (const qsizetype i = indexOf(tick.symbol); i >= 0)
            m_trails[i].add(tick);
    }
    for (qsizetype i = 0; i < latest.size(); ++i) {
        if (m_trails[i].isEmpty())
            m_trails[i].add(latest[i]);
    }
}

void QuoteBoard::update(const Quote &quote)
{
    qsizetype i = indexOf(quote.symbol);
    if (i < 0) {
        i = m_quotes.size();
        m_quotes.append(quote);
        m_trails.append(PriceTrail());
    }
    m_quotes[i] = quote;
    m_trails[i].add(quote);
}

void QuoteBoard::followSymbols(const QStringList &symbols, const QList<Quote> &openings)
{
    QList<Quote> quotes;
    QList<PriceTrail> trails;
    for (const QString &symbol : symbols) {
        if (const qsizetype i = indexOf(symbol); i >= 0) {
            quotes.append(m_quotes[i]);
            trails.append(m_trails[i]);
            continue;
        }
        const auto opening = std::find_if(openings.cbegin(), openings.cend(),
                                          [&](const Quote &q) { return q.symbol == symbol; });
        if (opening != openings.cend()) {
            quotes.append(*opening);
            trails.append(PriceTrail());
            trails.last().add(*opening);
        }
    }
    m_quotes = std::move(quotes);
    m_trails = std::move(trails);
}

qsizetype QuoteBoard::indexOf(const QString &symbol) const
{
    for (qsizetype i = 0; i < m_quotes.size(); ++i) {
        if (m_quotes[i].symbol == symbol)
            return i;
    }
    return -1;
}

QJsonArray QuoteBoard::toJson() const
{
    QJsonArray array;
    for (qsizetype i = 0; i < m_quotes.size(); ++i) {
        const PriceTrail &trail = m_trails[i];
        QJsonArray recent;
        for (qint64 cents : trail.pricesCents())
            recent.append(toCurrencyUnits(cents));
        QJsonObject object = SseEvent::quoteObject(m_quotes[i]);
        object.insert(QStringLiteral("open"), toCurrencyUnits(trail.openCents()));
        object.insert(QStringLiteral("high"), toCurrencyUnits(trail.highCents()));
        object.insert(QStringLiteral("low"), toCurrencyUnits(trail.lowCents()));
        object.insert(QStringLiteral("recent"), recent);
        array.append(object);
    }
    return array;
}

} // namespace quotecast
