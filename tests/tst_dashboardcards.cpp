#include "dashboardsettings.h"
#include "wcag.h"
#include <feed/marketsimulator.h>
#include <feed/pricetrail.h>
#include <feed/symbol.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>
#include <widgets/sparklinewidget.h>

#include <QApplication>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace quotecast;

// The window's price cards, rendered offscreen and driven through their market: one per symbol,
// tinted green or red by a tick (on the rendered pixels), neutral again, their sparkline and
// tooltip, their colours under a dark palette, and the market's most symbols in a window of
// ordinary size.
class TestDashboardCards : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsOneCardPerSymbol();
    void tickTintsItsCard_data();
    void tickTintsItsCard();
    void unchangedPriceTurnsTheCardNeutralAgain();
    void sparklineShowsTheBoundedTrailAndTooltipTheDay();
    void followsADarkPaletteAndKeepsTrendsReadable();
    void mostSymbolsScrollInANormalWindow();

private:
    // Ticks a seeded market until a symbol moves in the wanted direction; nullopt when none
    // does within 1000 ticks.
    static std::optional<Quote> tickUntil(MarketSimulator &market, int direction);
};

std::optional<Quote> TestDashboardCards::tickUntil(MarketSimulator &market, int direction)
{
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    for (int i = 0; i < 1000; ++i) {
        market.tick();
        const Quote quote = ticks.takeLast().first().value<Quote>();
        if ((direction > 0 && quote.changeCents > 0) || (direction < 0 && quote.changeCents < 0))
            return quote;
    }
    return std::nullopt;
}

void TestDashboardCards::initTestCase()
{
    useThrowAwaySettings();
}

void TestDashboardCards::init()
{
    QSettings().clear();
}

void TestDashboardCards::showsOneCardPerSymbol()
{
    MarketSimulator market;
    MainWindow window(&market);
    for (const Quote &quote : market.quotes()) {
        PriceCard *card = window.card(quote.symbol);
        QVERIFY2(card, qPrintable(quote.symbol));
        QCOMPARE(card->priceText(), QLocale().toString(quote.priceCents / 100.0, 'f', 2));
        QCOMPARE(card->trend(), PriceCard::Trend::Flat);
    }
}

void TestDashboardCards::tickTintsItsCard_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<PriceCard::Trend>("trend");
    QTest::addRow("up tick turns green") << 1 << PriceCard::Trend::Up;
    QTest::addRow("down tick turns red") << -1 << PriceCard::Trend::Down;
}

void TestDashboardCards::tickTintsItsCard()
{
    QFETCH(int, direction);
    QFETCH(PriceCard::Trend, trend);
    MarketSimulator market;
    market.setSeed(2024);
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const std::optional<Quote> moved = tickUntil(market, direction);
    QVERIFY2(moved, "no symbol moved that way in 1000 ticks");
    const Quote &quote = *moved;
    PriceCard *card = window.card(quote.symbol);
    QCOMPARE(card->trend(), trend);
    QCOMPARE(card->priceText(), QLocale().toString(quote.priceCents / 100.0, 'f', 2));
    QVERIFY2(card->changeText().startsWith(direction > 0 ? u'+' : u'\u2212'),
             qPrintable(card->changeText()));

    // What the user sees: the card's pixels are green (or red), not just a property.
    const QImage image = card->grab().toImage();
    const QColor pixel = image.pixelColor(image.width() - 6, image.height() / 2);
    if (direction > 0)
        QVERIFY2(pixel.green() > pixel.red() + 60, qPrintable(pixel.name()));
    else
        QVERIFY2(pixel.red() > pixel.green() + 60, qPrintable(pixel.name()));
}

void TestDashboardCards::unchangedPriceTurnsTheCardNeutralAgain()
{
    QWidget parent;
    PriceCard card(QStringLiteral("AAPL"), &parent);
    parent.show();
    const QColor neutral = card.palette().color(QPalette::Window);
    card.setQuote({ QStringLiteral("AAPL"), 171'00, 1'00, 1, 1 });
    QCOMPARE(card.trend(), PriceCard::Trend::Up);
    QVERIFY(card.palette().color(QPalette::Window) != neutral);
    card.setQuote({ QStringLiteral("AAPL"), 171'00, 0, 2, 2 });
    QCOMPARE(card.trend(), PriceCard::Trend::Flat);
    QCOMPARE(card.palette().color(QPalette::Window), neutral);
    QCOMPARE(card.changeText(), QStringLiteral("0.00 (0.00 %)"));
}

void TestDashboardCards::sparklineShowsTheBoundedTrailAndTooltipTheDay()
{
    MarketSimulator market({ { QStringLiteral("AAPL"), 170'00 } });
    market.setSeed(5);
    MainWindow window(&market);
    const PriceCard *card = window.card(QStringLiteral("AAPL"));
    qint64 high = 170'00, low = 170'00;
    QList<qint64> prices { 170'00 };
    connect(&market, &MarketSimulator::quoteUpdated, this, [&](const Quote &quote) {
        high = qMax(high, quote.priceCents);
        low = qMin(low, quote.priceCents);
        prices.append(quote.priceCents);
    });
    for (int i = 0; i < 10; ++i)
        market.tick();
    QCOMPARE(card->sparkline()->prices(), prices);
    for (int i = 0; i < 200; ++i)
        market.tick();
    QCOMPARE(card->sparkline()->prices(), prices.mid(prices.size() - PriceTrail::DefaultCapacity));

    const QLocale locale;
    const QString tip = card->toolTip();
    QVERIFY2(tip.contains(locale.toString(170.0, 'f', 2)), qPrintable(tip));
    QVERIFY2(tip.contains(locale.toString(high / 100.0, 'f', 2)), qPrintable(tip));
    QVERIFY2(tip.contains(locale.toString(low / 100.0, 'f', 2)), qPrintable(tip));
    QVERIFY(high > low);
}

void TestDashboardCards::followsADarkPaletteAndKeepsTrendsReadable()
{
    const QPalette original = QApplication::palette();
    // The next tests get the light palette back, also when this one fails.
    const auto restore = qScopeGuard([&original] { QApplication::setPalette(original); });
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x20, 0x23, 0x27));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
    QApplication::setPalette(dark);
    MarketSimulator market;
    MainWindow window(&market);
    window.show();
    const Quote opening = market.quotes().constFirst();
    PriceCard *card = window.card(opening.symbol);
    QVERIFY(card);
    // A flat card takes the system's colours, not hard-coded light ones.
    QCOMPARE(card->palette().color(QPalette::Window), dark.color(QPalette::Window));
    QCOMPARE(card->palette().color(QPalette::WindowText), dark.color(QPalette::WindowText));
    // Green and red cards keep readable text (WCAG AA for large text: 3; we ask 4.5).
    for (const qint64 change : { 1'00, -1'00 }) {
        card->setQuote({ opening.symbol, opening.priceCents + change, change, 1, 1 });
        const QPalette tinted = card->palette();
        QVERIFY2(Wcag::contrast(tinted.color(QPalette::Window), tinted.color(QPalette::WindowText))
                     >= 4.5,
                 qPrintable(tinted.color(QPalette::Window).name()));
    }
}

// symbol::MaxCount cards scroll in a window of 1040 × 600; Tab brings the next card into view.
void TestDashboardCards::mostSymbolsScrollInANormalWindow()
{
    QList<MarketSimulator::Opening> openings;
    for (int i = 0; i < symbol::MaxCount; ++i)
        openings.append({ QStringLiteral("S%1").arg(i), 10'00 });
    MarketSimulator market(openings);
    MainWindow window(&market);
    window.resize(1040, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY2(window.height() <= 600, qPrintable(QString::number(window.height())));
    PriceCard *last = window.card(openings.constLast().symbol);
    QVERIFY2(last->visibleRegion().isEmpty(), "the last card is in view without scrolling");

    window.card(openings.at(openings.size() - 2).symbol)->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), last);
    QTRY_VERIFY2(!last->visibleRegion().isEmpty(), "Tab left the focused card out of view");
}

QTEST_MAIN(TestDashboardCards)
#include "tst_dashboardcards.moc"
