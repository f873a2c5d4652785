#include "dashboardsettings.h"
#include "recordedfeed.h"
#include <feed/marketsimulator.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>
#include <widgets/sparklinewidget.h>

#include <QAction>
#include <QSettings>
#include <QStatusBar>
#include <QTest>

using namespace quotecast;

// The window with a stored tick history, rendered offscreen: the sparklines filled from it, and
// the CSV export offered and its result reported.
class TestDashboardHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void storedHistoryFillsTheSparklines();
    void exportIsOfferedWithAHistoryAndReportsItsResult();
};

void TestDashboardHistory::initTestCase()
{
    useThrowAwaySettings();
}

void TestDashboardHistory::init()
{
    QSettings().clear();
}

void TestDashboardHistory::storedHistoryFillsTheSparklines()
{
    // What main.cpp does with a stored history: the market continues from it, the window gets the
    // ticks.
    MarketSimulator earlier;
    earlier.setSeed(3);
    const QList<Quote> ticks = tickAndRecord(earlier, 40);
    MarketSimulator market;
    market.continueFrom(earlier.quotes(), ticks.constLast().seq);
    MainWindow window(&market, ticks);
    for (const Quote &latest : market.quotes()) {
        QList<qint64> expected;
        for (const Quote &tick : std::as_const(ticks)) {
            if (tick.symbol == latest.symbol)
                expected.append(tick.priceCents);
        }
        const PriceCard *card = window.card(latest.symbol);
        QCOMPARE(card->sparkline()->prices(), expected);
        QCOMPARE(card->priceText(), QLocale().toString(latest.priceCents / 100.0, 'f', 2));
    }
}

void TestDashboardHistory::exportIsOfferedWithAHistoryAndReportsItsResult()
{
    MarketSimulator market;
    MainWindow window(&market);
    auto *exportCsv = window.findChild<QAction *>(QStringLiteral("actionExportCsv"));
    QVERIFY(exportCsv);
    QVERIFY(!exportCsv->isEnabled()); // until main.cpp says a history is kept
    window.setHistoryAvailable(true);
    QVERIFY(exportCsv->isEnabled());
    QCOMPARE(exportCsv->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));

    window.showExportResult(QStringLiteral("/tmp/t.csv"), 1234, QString());
    QVERIFY2(window.statusBar()->currentMessage().contains(u"1234")
                 && window.statusBar()->currentMessage().contains(u"/tmp/t.csv"),
             qPrintable(window.statusBar()->currentMessage()));
    window.showExportResult(QStringLiteral("/tmp/t.csv"), 0, QStringLiteral("Disk full"));
    QVERIFY2(window.statusBar()->currentMessage().contains(u"Disk full"),
             qPrintable(window.statusBar()->currentMessage()));
}

QTEST_MAIN(TestDashboardHistory)
#include "tst_dashboardhistory.moc"
