#pragma once

#include <feed/pricetrail.h>
#include <feed/quote.h>

#include <QFrame>

class QLabel;

namespace quotecast {

class SparklineWidget;

// One symbol on the dashboard: large price, signed change and percent, a sparkline of
// the last prices with the day's open, high and low in its tooltip, tinted green after
// a rise and red after a fall, like the cards of the web page.
class PriceCard : public QFrame
{
    Q_OBJECT
    Q_PROPERTY(Trend trend READ trend NOTIFY trendChanged)

public:
    enum class Trend { Flat, Up, Down };
    Q_ENUM(Trend)

    explicit PriceCard(const QString &symbol, QWidget *parent = nullptr);

    QString symbol() const { return m_symbol; }
    Trend trend() const { return m_trend; }
    QString priceText() const;
    QString changeText() const;
    const SparklineWidget *sparkline() const { return m_sparkline; }

public slots:
    void setQuote(const quotecast::Quote &quote);
    // Several of the symbol's quotes at once, oldest first (a resumed history): all go
    // into the trail, the last one is shown.
    void setQuotes(const QList<quotecast::Quote> &quotes);

signals:
    void trendChanged(quotecast::PriceCard::Trend trend);

private:
    void applyTrendColours();
    void showTrail();

    const QString m_symbol;
    Trend m_trend = Trend::Flat;
    PriceTrail m_trail;
    QLabel *m_symbolLabel;
    QLabel *m_priceLabel;
    QLabel *m_changeLabel;
    SparklineWidget *m_sparkline;
};

} // namespace quotecast
