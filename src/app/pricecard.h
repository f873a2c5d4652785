#pragma once

#include "quote.h"

#include <QFrame>

class QLabel;

namespace quotecast {

// One symbol on the dashboard: large price, signed change and percent, tinted green
// after a rise and red after a fall, like the cards of the web page.
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

public slots:
    void setQuote(const quotecast::Quote &quote);

signals:
    void trendChanged(quotecast::PriceCard::Trend trend);

private:
    void applyTrendColours();

    const QString m_symbol;
    Trend m_trend = Trend::Flat;
    QLabel *m_symbolLabel;
    QLabel *m_priceLabel;
    QLabel *m_changeLabel;
};

} // namespace quotecast
