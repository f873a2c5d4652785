#include "dashboardsettings.h"
#include <feed/marketsimulator.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>

#include <QGridLayout>
#include <QPointer>
#include <QSettings>
#include <QTest>

using namespace quotecast;

// The window shaping its market, rendered offscreen: cards following the symbol list.
class TestDashboardMarket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cardsFollowTheMarketsSymbols();

private:
    // The window's cards by their place in the grid, row by row.
    static QStringList cardsInGridOrder(const MainWindow &window);
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

void TestDashboardMarket::initTestCase()
{
    useThrowAwaySettings();
}

void TestDashboardMarket::init()
{
    QSettings().clear();
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
}

QTEST_MAIN(TestDashboardMarket)
#include "tst_dashboardmarket.moc"
