#include "localhub.h"
#include "mainwindow.h"
#include "pricecard.h"
#include "sseclient.h"
#include "stockmodel.h"

#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace quotecast;

// The real window, rendered offscreen, driven through its model and its controls.
class TestDashboard : public QObject
{
    Q_OBJECT

private slots:
    void showsOneCardPerSymbol();
    void tickTintsItsCard_data();
    void tickTintsItsCard();
    void unchangedPriceTurnsTheCardNeutralAgain();
    void startStopButtonControlsTheModel();
    void intervalControlSetsTheModel();
    void clientCountFollowsConnections();
    void showsTheServerUrlAsALink();

private:
    // Ticks a seeded model until `symbol` moves in the wanted direction.
    static Quote tickUntil(StockModel &model, int direction);
};

Quote TestDashboard::tickUntil(StockModel &model, int direction)
{
    QSignalSpy ticks(&model, &StockModel::quoteUpdated);
    for (int i = 0; i < 1000; ++i) {
        model.tick();
        const Quote quote = ticks.takeLast().first().value<Quote>();
        if ((direction > 0 && quote.changeCents > 0) || (direction < 0 && quote.changeCents < 0))
            return quote;
    }
    return {};
}

void TestDashboard::showsOneCardPerSymbol()
{
    StockModel model;
    MainWindow window(&model);
    for (const Quote &quote : model.quotes()) {
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
    StockModel model;
    model.setSeed(2024);
    MainWindow window(&model);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const Quote quote = tickUntil(model, direction);
    QVERIFY(!quote.symbol.isEmpty());
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
    StockModel model;
    model.start();
    MainWindow window(&model);
    window.show();
    auto *button = window.findChild<QPushButton *>(QStringLiteral("startStopButton"));
    QVERIFY(button);
    QCOMPARE(button->text(), QStringLiteral("Stop"));

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!model.isRunning());
    QCOMPARE(button->text(), QStringLiteral("Start"));
    QVERIFY(window.windowTitle().contains(u"paused"));

    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(model.isRunning());
    QCOMPARE(button->text(), QStringLiteral("Stop"));
    QVERIFY(window.windowTitle().contains(u"live"));

    // Stopping from elsewhere (the model) is reflected too.
    model.stop();
    QCOMPARE(button->text(), QStringLiteral("Start"));
}

void TestDashboard::intervalControlSetsTheModel()
{
    StockModel model;
    MainWindow window(&model);
    auto *spinBox = window.findChild<QDoubleSpinBox *>(QStringLiteral("intervalSpinBox"));
    QVERIFY(spinBox);
    QCOMPARE(spinBox->value(), 2.0);
    spinBox->setValue(0.5);
    QCOMPARE(model.intervalMs(), 500);
    model.setIntervalMs(3000);
    QCOMPARE(spinBox->value(), 3.0);
}

void TestDashboard::clientCountFollowsConnections()
{
    StockModel model;
    const auto hub = startLocalHub(model);
    QVERIFY(hub);
    MainWindow window(&model);
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

void TestDashboard::showsTheServerUrlAsALink()
{
    StockModel model;
    MainWindow window(&model);
    window.setServerUrl(QUrl(QStringLiteral("http://192.0.2.7:8080/")));
    auto *label = window.findChild<QLabel *>(QStringLiteral("urlLabel"));
    QVERIFY(label);
    QVERIFY(label->openExternalLinks());
    QVERIFY2(label->text().contains(u"<a href=\"http://192.0.2.7:8080/\">"),
             qPrintable(label->text()));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
