#include "dashboarddialogs.h"
#include "dashboardsettings.h"
#include <feed/marketsimulator.h>
#include <feed/symbol.h>
#include <widgets/addsymboldialog.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>
#include <widgets/pricedialog.h>

#include <QApplication>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace quotecast;
using namespace dashboarddialogs;

// The window shaping its market's symbols, rendered offscreen and driven as a person would
// (shortcuts, typing, the cards' context menu by keyboard, double-click): cards following the
// symbol list, adding a symbol (and the market's refusals shown in the dialog), removing one,
// setting a price. How prices move (the model, shocks): tst_dashboardmodel.
class TestDashboardMarket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cardsFollowTheMarketsSymbols();
    void addSymbolDialogAddsACard();
    void addSymbolDialogShowsTheMarketsRefusal_data();
    void addSymbolDialogShowsTheMarketsRefusal();
    void cardMenuRemovesTheSymbol();
    void removingTheLastSymbolIsRefused();
    void priceDialogTicksTheSymbol_data();
    void priceDialogTicksTheSymbol();

private:
    // The window's cards by their place in the grid, row by row.
    static QStringList cardsInGridOrder(const MainWindow &window);
    // The window's cards as Tab goes through them, from the interval to the phone panel.
    static QStringList cardsInTabOrder(const MainWindow &window);
    // Opens `card`'s context menu with Shift+F10 and picks the entry of `mnemonic`.
    static void pickFromCardMenu(PriceCard *card, Qt::Key mnemonic);
};

QStringList TestDashboardMarket::cardsInGridOrder(const MainWindow &window)
{
    const auto *grid = window.findChild<QGridLayout *>(QStringLiteral("cardsLayout"));
    QStringList symbols;
    for (int row = 0; row < grid->rowCount(); ++row) {
        for (int column = 0; column < grid->columnCount(); ++column) {
            if (const QLayoutItem *item = grid->itemAtPosition(row, column))
                symbols.append(qobject_cast<PriceCard *>(item->widget())->symbol());
        }
    }
    return symbols;
}

QStringList TestDashboardMarket::cardsInTabOrder(const MainWindow &window)
{
    auto *start = window.findChild<QWidget *>(QStringLiteral("intervalSpinBox"));
    auto *phonePanel = window.findChild<QWidget *>(QStringLiteral("phoneBox"));
    QStringList symbols;
    for (QWidget *widget = start->nextInFocusChain();
         widget != start && widget != phonePanel && !phonePanel->isAncestorOf(widget);
         widget = widget->nextInFocusChain()) {
        if (const auto *card = qobject_cast<PriceCard *>(widget))
            symbols.append(card->symbol());
    }
    return symbols;
}

void TestDashboardMarket::pickFromCardMenu(PriceCard *card, Qt::Key mnemonic)
{
    card->setFocus();
    QTest::keyClick(card, Qt::Key_F10, Qt::ShiftModifier);
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QVERIFY2(menu, "Shift+F10 opened no menu");
    QTest::keyClick(menu, mnemonic);
}

void TestDashboardMarket::initTestCase()
{
    useThrowAwaySettings();
}

void TestDashboardMarket::init()
{
    QSettings().clear();
}

void TestDashboardMarket::cleanup()
{
    dashboarddialogs::closeLeftovers();
}

void TestDashboardMarket::cardsFollowTheMarketsSymbols()
{
    MarketSimulator market;
    MainWindow window(&market);
    window.show();
    QCOMPARE(cardsInGridOrder(window), market.symbols());
    QPointer<PriceCard> removed = window.card(market.symbols().at(1));

    QString error;
    QVERIFY2(market.removeSymbol(market.symbols().at(1), &error), qPrintable(error));
    QVERIFY2(market.addSymbol(QStringLiteral("TSLA"), 250'00, &error), qPrintable(error));
    QCOMPARE(cardsInGridOrder(window), market.symbols());
    QVERIFY(!window.card(removed->symbol()));
    QTRY_VERIFY(!removed);
    PriceCard *added = window.card(QStringLiteral("TSLA"));
    QVERIFY(added);
    QCOMPARE(added->priceText(), QLocale().toString(250.0, 'f', 2));
    QTRY_VERIFY(added->isVisible());
    QCOMPARE(cardsInTabOrder(window), market.symbols());
}

void TestDashboardMarket::addSymbolDialogAddsACard()
{
    MarketSimulator market;
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);

    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QPointer<AddSymbolDialog> dialog = opened<AddSymbolDialog>();
    QVERIFY2(dialog, "Ctrl+N opened no Add Symbol dialog");
    auto *symbolEdit = dialog->findChild<QLineEdit *>(QStringLiteral("symbolEdit"));
    QTest::keyClicks(symbolEdit, QStringLiteral("nvda"));
    QCOMPARE(symbolEdit->text(), QStringLiteral("NVDA"));
    typeValue(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("priceSpinBox")), 450.25, 2);
    clickOk(dialog);

    QTRY_VERIFY(!dialog);
    QCOMPARE(market.symbols().constLast(), QStringLiteral("NVDA"));
    QCOMPARE(ticks.size(), 1);
    QCOMPARE(ticks.first().first().value<Quote>().priceCents, 450'25);
    PriceCard *card = window.card(QStringLiteral("NVDA"));
    QVERIFY2(card, "no card for the added symbol");
    QCOMPARE(card->priceText(), QLocale().toString(450.25, 'f', 2));
    QCOMPARE(cardsInGridOrder(window), market.symbols());
}

void TestDashboardMarket::addSymbolDialogShowsTheMarketsRefusal_data()
{
    QTest::addColumn<int>("symbolCount");
    QTest::addColumn<QString>("typed");
    QTest::addRow("not a symbol") << 4 << QStringLiteral("1ABC");
    QTest::addRow("one the market has") << 4 << QStringLiteral("msft");
    QTest::addRow("a full market") << symbol::MaxCount << QStringLiteral("NEW");
}

void TestDashboardMarket::addSymbolDialogShowsTheMarketsRefusal()
{
    QFETCH(int, symbolCount);
    QFETCH(QString, typed);
    QList<MarketSimulator::Opening> openings = MarketSimulator::defaultOpenings();
    for (int i = int(openings.size()); i < symbolCount; ++i)
        openings.append({ QStringLiteral("S%1").arg(i), 10'00 });
    openings = openings.mid(0, symbolCount);
    MarketSimulator market(openings);
    // What the market answers, as the dialog must show it.
    QString expected;
    QVERIFY(!MarketSimulator(openings).addSymbol(typed.toUpper(), 100'00, &expected));
    MainWindow window(&market);
    window.show();

    window.findChild<QAction *>(QStringLiteral("actionAddSymbol"))->trigger();
    QPointer<AddSymbolDialog> dialog = opened<AddSymbolDialog>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("symbolEdit")), typed);
    clickOk(dialog);

    const auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QCOMPARE(error->text(), expected);
    QVERIFY(error->isVisible());
    QCoreApplication::processEvents();
    QVERIFY2(dialog && dialog->isVisible(), "the dialog closed on a refusal");
    QCOMPARE(cardsInGridOrder(window), market.symbols());
    QCOMPARE(market.symbols().size(), symbolCount);
}

void TestDashboardMarket::cardMenuRemovesTheSymbol()
{
    MarketSimulator market;
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const QString symbol = market.symbols().at(2);
    QPointer<PriceCard> card = window.card(symbol);

    pickFromCardMenu(card, Qt::Key_R); // &Remove
    QVERIFY(!market.symbols().contains(symbol));
    QVERIFY(!window.card(symbol));
    QTRY_VERIFY(!card);
    QCOMPARE(cardsInGridOrder(window), market.symbols());
}

void TestDashboardMarket::removingTheLastSymbolIsRefused()
{
    MarketSimulator market({ { QStringLiteral("AAPL"), 170'00 } });
    QString expected;
    QVERIFY(!MarketSimulator({ { QStringLiteral("AAPL"), 170'00 } })
                 .removeSymbol(QStringLiteral("AAPL"), &expected));
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    pickFromCardMenu(window.card(QStringLiteral("AAPL")), Qt::Key_R);
    auto *box = opened<QMessageBox>();
    QVERIFY2(box, "no message for the refusal");
    QCOMPARE(box->text(), expected);
    QCOMPARE(market.symbols(), QStringList { QStringLiteral("AAPL") });
    QVERIFY(window.card(QStringLiteral("AAPL")));
}

void TestDashboardMarket::priceDialogTicksTheSymbol_data()
{
    QTest::addColumn<bool>("fromMenu");
    QTest::addRow("double-click on the price") << false;
    QTest::addRow("card menu") << true;
}

void TestDashboardMarket::priceDialogTicksTheSymbol()
{
    QFETCH(bool, fromMenu);
    MarketSimulator market;
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const Quote before = market.quotes().at(1);
    PriceCard *card = window.card(before.symbol);
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);

    if (fromMenu)
        pickFromCardMenu(card, Qt::Key_P); // Set &Price…
    else
        QTest::mouseDClick(card->findChild<QLabel *>(QStringLiteral("priceLabel")), Qt::LeftButton);
    QPointer<PriceDialog> dialog = opened<PriceDialog>();
    QVERIFY2(dialog, "no price dialog");
    QVERIFY2(dialog->windowTitle().contains(before.symbol), qPrintable(dialog->windowTitle()));
    auto *price = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("priceSpinBox"));
    QCOMPARE(price->value(), before.priceCents / 100.0);
    typeValue(price, 99.99, 2);
    clickOk(dialog);

    QTRY_VERIFY(!dialog);
    QCOMPARE(ticks.size(), 1);
    const Quote tick = ticks.first().first().value<Quote>();
    QCOMPARE(tick.symbol, before.symbol);
    QCOMPARE(tick.priceCents, 99'99);
    QCOMPARE(tick.changeCents, 99'99 - before.priceCents);
    QCOMPARE(tick.seq, before.seq + 1);
    QCOMPARE(card->priceText(), QLocale().toString(99.99, 'f', 2));
    QCOMPARE(card->trend(), PriceCard::Trend::Down);
}

QTEST_MAIN(TestDashboardMarket)
#include "tst_dashboardmarket.moc"
