#pragma once

#include <feed/pricetrail.h>
#include <feed/quote.h>

#include <QFrame>

class QLabel;
class QMenu;

namespace quotecast {

class AccessibleNotifier;
class SparklineWidget;

// One symbol on the dashboard: large price, signed change and percent, a sparkline of
// the last prices with the day's open, high and low in its tooltip, tinted green after
// a rise and red after a fall, like the cards of the web page. Its context menu (the mouse, the
// Menu key or Shift+F10 when it has focus) and a double-click on the price ask to set the price or
// remove the symbol: the card only says so, the window asks the market. While the market replays
// recorded prices, it shows each price's date and offers neither.
// For the keyboard and assistive technology (issue 19): it takes focus, shown by a ring in the
// palette's Highlight colour; PriceCardAccessible reads it as one group (accessibleSummary,
// accessibleDetails), kept current at each tick but told to a screen reader at most once a
// second (AccessibleNotifier). Its price font follows the application's font.
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
    // The shown price's date (marketTimeText) while replaying; empty otherwise.
    QString dateText() const;
    bool isReplaying() const { return m_replaying; }
    const SparklineWidget *sparkline() const { return m_sparkline; }
    // The shown price and the day's low and high, in cents: 0 until the first quote.
    bool hasPrice() const { return !m_trail.isEmpty(); }
    qint64 priceCents() const { return m_priceCents; }
    qint64 lowCents() const { return m_trail.lowCents(); }
    qint64 highCents() const { return m_trail.highCents(); }
    // What a screen reader says of the card, in the application's language and locale:
    // "AAPL, 174.31 dollars, up 0.75, 0.43 percent".
    QString accessibleSummary() const;
    // The day's open, high and low; while replaying, first the price's date.
    QString accessibleDetails() const;

    QSize minimumSizeHint() const override;

public slots:
    void setQuote(const quotecast::Quote &quote);
    // Several of the symbol's quotes at once, oldest first (a resumed history): all go
    // into the trail, the last one is shown.
    void setQuotes(const QList<quotecast::Quote> &quotes);
    // Whether the market replays recorded prices: the card then shows each price's date
    // (Quote::marketTimeMs), and its menu's Set Price and Remove are off, saying why.
    void setReplaying(bool replaying);

signals:
    void trendChanged(quotecast::PriceCard::Trend trend);
    // The person asked to set this symbol's price (context menu, double-click on the price).
    void setPriceRequested(const QString &symbol);
    // The person asked to remove this symbol (context menu).
    void removeRequested(const QString &symbol);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyTrendColours();
    void applyPriceFont();
    void showTrail();
    void showDate();

    const QString m_symbol;
    Trend m_trend = Trend::Flat;
    PriceTrail m_trail;
    qint64 m_priceCents = 0; // the shown price's
    qint64 m_changeCents = 0;
    qint64 m_marketTimeMs = 0;
    bool m_replaying = false;
    QLabel *m_symbolLabel;
    QLabel *m_priceLabel;
    QLabel *m_dateLabel;
    QLabel *m_changeLabel;
    SparklineWidget *m_sparkline;
    QMenu *m_menu;
    QAction *m_setPriceAction;
    QAction *m_removeAction;
    AccessibleNotifier *m_notifier;
};

} // namespace quotecast
