#include "dashboardsettings.h"
#include <feed/marketsimulator.h>
#include <widgets/mainwindow.h>

#include <QDoubleSpinBox>
#include <QIcon>
#include <QPushButton>
#include <QSettings>
#include <QTest>

using namespace quotecast;

// The window's own controls, rendered offscreen and driven through its market: Start/Stop,
// the interval, the keyboard shortcuts; and the window itself: its geometry remembered, its icon.
class TestDashboardControls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void startStopButtonControlsTheMarket();
    void intervalControlSetsTheMarket();
    void keyboardShortcutsDriveTheFeed();
    void remembersItsGeometry();
    void appIconRendersFromTheResources();
};

void TestDashboardControls::initTestCase()
{
    useThrowAwaySettings();
}

void TestDashboardControls::init()
{
    QSettings().clear();
}

void TestDashboardControls::startStopButtonControlsTheMarket()
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

void TestDashboardControls::intervalControlSetsTheMarket()
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

void TestDashboardControls::keyboardShortcutsDriveTheFeed()
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

void TestDashboardControls::remembersItsGeometry()
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

void TestDashboardControls::appIconRendersFromTheResources()
{
    // The SVG of the desktop entry, through Qt's SVG plugin (a dependency of the .deb).
    const QIcon icon(QStringLiteral(":/icons/io.github.quotecast.Quotecast.svg"));
    const QImage image = icon.pixmap(64).toImage();
    QCOMPARE(image.size(), QSize(64, 64));
    QVERIFY(image.pixelColor(32, 32).alpha() > 0);
}

QTEST_MAIN(TestDashboardControls)
#include "tst_dashboardcontrols.moc"
