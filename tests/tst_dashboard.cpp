#include "localhub.h"
#include "sseclient.h"
#include "wcag.h"
#include <feed/marketsimulator.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>

#include "recordedfeed.h"
#include <widgets/qrcodewidget.h>
#include <widgets/sparklinewidget.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGuiApplication>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <optional>

using namespace quotecast;

// The real window, rendered offscreen, driven through its market and its controls.
class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void showsOneCardPerSymbol();
    void tickTintsItsCard_data();
    void tickTintsItsCard();
    void unchangedPriceTurnsTheCardNeutralAgain();
    void startStopButtonControlsTheModel();
    void intervalControlSetsTheModel();
    void clientCountFollowsConnections();
    void showsTheServerUrlAsALinkAndQrCode();
    void severalAddressesCanBePickedAndTheChoiceIsRemembered();
    void copyUrlPutsItOnTheClipboard();
    void keyboardShortcutsDriveTheFeed();
    void sparklineShowsTheBoundedTrailAndTooltipTheDay();
    void remembersItsGeometry();
    void followsADarkPaletteAndKeepsTrendsReadable();
    void appIconRendersFromTheResources();
    void storedHistoryFillsTheSparklines();
    void exportIsOfferedWithAHistoryAndReportsItsResult();
    void showsHowRelayingToNchanGoes();

private:
    // Ticks a seeded market until a symbol moves in the wanted direction; nullopt when none
    // does within 1000 ticks.
    static std::optional<Quote> tickUntil(MarketSimulator &market, int direction);
};

std::optional<Quote> TestDashboard::tickUntil(MarketSimulator &market, int direction)
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

void TestDashboard::initTestCase()
{
    // Settings go to a throw-away test location, never the user's own.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("quotecast-tests"));
}

void TestDashboard::init()
{
    QSettings().clear();
}

void TestDashboard::showsOneCardPerSymbol()
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

void TestDashboard::tickTintsItsCard_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<PriceCard::Trend>("trend");
    QTest::addRow("up tick turns green") << 1 << PriceCard::Trend::Up;
    QTest::addRow("down tick turns red") << -1 << PriceCard::Trend::Down;
}

void TestDashboard::tickTintsItsCard()
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

void TestDashboard::unchangedPriceTurnsTheCardNeutralAgain()
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

void TestDashboard::startStopButtonControlsTheModel()
{
    MarketSimulator market;
    market.start();
    MainWindow window(&market);
    window.show();
    auto *button = window.findChild<QPushButton *>(QStringLiteral("startStopButton"));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("Stop"));

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!market.isRunning());
    QCOMPARE(button->text(), QStringLiteral("Start"));
    QVERIFY(window.windowTitle().contains(u"paused"));

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(market.isRunning());
    QCOMPARE(button->text(), QStringLiteral("Stop"));
    QVERIFY(window.windowTitle().contains(u"live"));

    // Stopping from elsewhere (the market) is reflected too.
    market.stop();
    QCOMPARE(button->text(), QStringLiteral("Start"));
}

void TestDashboard::intervalControlSetsTheModel()
{
    MarketSimulator market;
    MainWindow window(&market);
    auto *spinBox = window.findChild<QDoubleSpinBox *>(QStringLiteral("intervalSpinBox"));
    QVERIFY(spinBox);
    QCOMPARE(spinBox->value(), 2.0);
    spinBox->setValue(0.5);
    QCOMPARE(market.intervalMs(), 500);
    market.setIntervalMs(3000);
    QCOMPARE(spinBox->value(), 3.0);
}

void TestDashboard::clientCountFollowsConnections()
{
    MarketSimulator market;
    const auto hub = startLocalHub(market);
    QVERIFY(hub);
    MainWindow window(&market);
    connect(hub.get(), &StreamHub::clientCountChanged, &window, &MainWindow::setClientCount);
    auto *label = window.findChild<QLabel *>(QStringLiteral("clientsLabel"));
    QVERIFY(label);
    QVERIFY2(label->text().startsWith(u"0 "), qPrintable(label->text()));

    auto first = std::make_unique<SseClient>();
    SseClient second;
    first->open(hub->serverPort());
    second.open(hub->serverPort());
    QTRY_VERIFY2(label->text().startsWith(u"2 "), qPrintable(label->text()));
    first.reset();
    QTRY_VERIFY2(label->text().startsWith(u"1 "), qPrintable(label->text()));
}

void TestDashboard::showsTheServerUrlAsALinkAndQrCode()
{
    MarketSimulator market;
    MainWindow window(&market);
    const QUrl url(QStringLiteral("http://192.0.2.7:8080/"));
    window.setServerUrls({ url });
    auto *label = window.findChild<QLabel *>(QStringLiteral("urlLabel"));
    QVERIFY(label);
    QVERIFY(label->openExternalLinks());
    QVERIFY2(label->text().contains(u"<a href=\"http://192.0.2.7:8080/\">"),
             qPrintable(label->text()));
    auto *qrCode = window.findChild<QrCodeWidget *>();
    QVERIFY(qrCode);
    QCOMPARE(qrCode->text(), url.toString());
    // One address: nothing to pick.
    QVERIFY(window.findChild<QComboBox *>(QStringLiteral("addressCombo"))->isHidden());
}

void TestDashboard::severalAddressesCanBePickedAndTheChoiceIsRemembered()
{
    MarketSimulator market;
    const QList<QUrl> urls { QUrl(QStringLiteral("http://192.0.2.7:8080/")),
                             QUrl(QStringLiteral("http://198.51.100.4:8080/")),
                             QUrl(QStringLiteral("http://[2001:db8::5]:8080/")) };
    {
        MainWindow window(&market);
        window.setServerUrls(urls);
        auto *combo = window.findChild<QComboBox *>(QStringLiteral("addressCombo"));
        QVERIFY(!combo->isHidden());
        QCOMPARE(combo->count(), 3);
        QCOMPARE(window.serverUrl(), urls[0]);
        combo->setCurrentIndex(2);
        QCOMPARE(window.serverUrl(), urls[2]);
        QCOMPARE(window.findChild<QrCodeWidget *>()->text(),
                 QStringLiteral("http://[2001:db8::5]:8080/"));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("urlLabel"))
                    ->text()
                    .contains(u"2001:db8::5"));
    }
    MainWindow next(&market);
    next.setServerUrls(urls);
    QCOMPARE(next.serverUrl(), urls[2]);
}

void TestDashboard::copyUrlPutsItOnTheClipboard()
{
    MarketSimulator market;
    MainWindow window(&market);
    window.setServerUrls({ QUrl(QStringLiteral("http://192.0.2.7:8080/")) });
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("copyUrlButton")),
                      Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("http://192.0.2.7:8080/"));
}

void TestDashboard::keyboardShortcutsDriveTheFeed()
{
    MarketSimulator market;
    market.start();
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTest::keyClick(&window, Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(!market.isRunning());
    QVERIFY(window.windowTitle().contains(u"paused"));
    QTest::keyClick(&window, Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(market.isRunning());
    QVERIFY(window.windowTitle().contains(u"live"));

    QCOMPARE(market.intervalMs(), 2000);
    QTest::keyClick(&window, Qt::Key_Up, Qt::ControlModifier);
    QCOMPARE(market.intervalMs(), 1500);
    QTest::keyClick(&window, Qt::Key_Down, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_Down, Qt::ControlModifier);
    QCOMPARE(market.intervalMs(), 2500);

    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QVERIFY(!window.isVisible());
}

void TestDashboard::sparklineShowsTheBoundedTrailAndTooltipTheDay()
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

void TestDashboard::remembersItsGeometry()
{
    MarketSimulator market;
    QSize size;
    {
        MainWindow window(&market);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(window.size() + QSize(123, 45));
        size = window.size();
        window.close();
    }
    MainWindow next(&market);
    next.show();
    QVERIFY(QTest::qWaitForWindowExposed(&next));
    QCOMPARE(next.size(), size);
}

void TestDashboard::followsADarkPaletteAndKeepsTrendsReadable()
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

void TestDashboard::appIconRendersFromTheResources()
{
    // The SVG of the desktop entry, through Qt's SVG plugin (a dependency of the .deb).
    const QIcon icon(QStringLiteral(":/icons/io.github.quotecast.Quotecast.svg"));
    const QImage image = icon.pixmap(64).toImage();
    QCOMPARE(image.size(), QSize(64, 64));
    QVERIFY(image.pixelColor(32, 32).alpha() > 0);
}

void TestDashboard::storedHistoryFillsTheSparklines()
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

void TestDashboard::exportIsOfferedWithAHistoryAndReportsItsResult()
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

void TestDashboard::showsHowRelayingToNchanGoes()
{
    MarketSimulator market;
    MainWindow window(&market);
    window.show();
    auto *label = window.findChild<QLabel *>(QStringLiteral("publisherLabel"));
    QVERIFY(label);
    QVERIFY(!label->isVisible()); // nothing to say without --publish
    window.setPublisherStatus({ false, 12, 40, 3, QStringLiteral("Connection refused") });
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().contains(u"Connection refused") && label->text().contains(u"12")
                 && label->text().contains(u"3"),
             qPrintable(label->text()));
    window.setPublisherStatus({ true, 0, 52, 3, QString() });
    QVERIFY2(!label->text().contains(u"Connection refused") && !label->text().contains(u"12"),
             qPrintable(label->text()));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
