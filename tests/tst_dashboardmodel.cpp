#include "dashboarddialogs.h"
#include "dashboardsettings.h"
#include <feed/marketsimulator.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>
#include <widgets/pricemodeldialog.h>
#include <widgets/shockdialog.h>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPointer>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>

using namespace quotecast;
using namespace dashboarddialogs;

namespace quotecast {
// What QCOMPARE prints of a model that differs: "gbm 3000 ppm, drift -50 ppm".
char *toString(const PriceModel &model)
{
    return QTest::toString(QStringLiteral("%1 %2 ppm, drift %3 ppm")
                               .arg(model.name())
                               .arg(model.volatilityPpm)
                               .arg(model.driftPpm));
}
} // namespace quotecast

// The window choosing how its market's prices move, rendered offscreen and driven as a person
// would (shortcuts, clicks, typing): the price model dialog, starting from the market's model
// and setting it; the shock dialog, and the status bar while a shock lasts.
class TestDashboardModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void priceModelDialogStartsFromTheMarketsModel();
    void priceModelDialogSetsTheModel_data();
    void priceModelDialogSetsTheModel();
    void shockDialogStartsAShockShownWhileItLasts();

private:
    // Clicks a radio button's circle: its middle may lie past its text, where clicks miss.
    static void clickRadio(QDialog *dialog, const QString &name);
};

void TestDashboardModel::clickRadio(QDialog *dialog, const QString &name)
{
    auto *radio = dialog->findChild<QRadioButton *>(name);
    QStyleOptionButton option;
    option.initFrom(radio);
    const QRect circle = radio->style()->subElementRect(QStyle::SE_RadioButtonIndicator, &option);
    QTest::mouseClick(radio, Qt::LeftButton, {}, circle.center());
}

void TestDashboardModel::initTestCase()
{
    useThrowAwaySettings();
}

void TestDashboardModel::init()
{
    QSettings().clear();
}

void TestDashboardModel::cleanup()
{
    closeLeftovers();
}

void TestDashboardModel::priceModelDialogStartsFromTheMarketsModel()
{
    MarketSimulator market;
    market.setPriceModel(PriceModel::gbm(3000, -50));
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier);
    auto *dialog = opened<PriceModelDialog>();
    QVERIFY2(dialog, "Ctrl+M opened no Price Model dialog");
    QCOMPARE(dialog->model(), market.priceModel());
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("gbmRadio"))->isChecked());
    QCOMPARE(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("volatilitySpinBox"))->value(),
             0.3);
    auto *drift = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("driftSpinBox"));
    QCOMPARE(drift->value(), -0.005);
    QVERIFY(drift->isEnabled());
    // The other model shows its own defaults, with no drift; back again, what was there.
    clickRadio(dialog, QStringLiteral("uniformRadio"));
    QCOMPARE(dialog->model(), PriceModel::uniform());
    QVERIFY(!drift->isEnabled());
    clickRadio(dialog, QStringLiteral("gbmRadio"));
    QCOMPARE(dialog->model(), market.priceModel());
}

void TestDashboardModel::priceModelDialogSetsTheModel_data()
{
    QTest::addColumn<PriceModel>("from");
    QTest::addColumn<QString>("radio");
    QTest::addColumn<double>("volatilityPercent");
    QTest::addColumn<double>("driftPercent");
    QTest::addColumn<PriceModel>("expected");
    QTest::addRow("uniform to gbm") << PriceModel::uniform() << QStringLiteral("gbmRadio") << 1.25
                                    << 0.0125 << PriceModel::gbm(12'500, 125);
    QTest::addRow("gbm to uniform") << PriceModel::gbm() << QStringLiteral("uniformRadio") << 0.0001
                                    << 0.0 << PriceModel::uniform(PriceModel::MinVolatilityPpm);
    QTest::addRow("uniform, wider")
        << PriceModel::uniform() << QStringLiteral("uniformRadio") << 20.0 << 0.0
        << PriceModel::uniform(PriceModel::MaxVolatilityPpm);
}

void TestDashboardModel::priceModelDialogSetsTheModel()
{
    QFETCH(PriceModel, from);
    QFETCH(QString, radio);
    QFETCH(double, volatilityPercent);
    QFETCH(double, driftPercent);
    QFETCH(PriceModel, expected);
    MarketSimulator market;
    market.setPriceModel(from);
    MainWindow window(&market);
    window.show();
    QSignalSpy changes(&market, &MarketSimulator::priceModelChanged);

    window.findChild<QAction *>(QStringLiteral("actionPriceModel"))->trigger();
    QPointer<PriceModelDialog> dialog = opened<PriceModelDialog>();
    QVERIFY(dialog);
    clickRadio(dialog, radio);
    typeValue(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("volatilitySpinBox")),
              volatilityPercent, 4);
    auto *drift = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("driftSpinBox"));
    if (drift->isEnabled())
        typeValue(drift, driftPercent, 4);
    clickOk(dialog);

    QTRY_VERIFY(!dialog);
    QCOMPARE(market.priceModel(), expected);
    QCOMPARE(changes.size(), 1);
}

void TestDashboardModel::shockDialogStartsAShockShownWhileItLasts()
{
    MarketSimulator market;
    market.setSeed(17);
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const auto *shockLabel = window.findChild<QLabel *>(QStringLiteral("shockLabel"));
    QVERIFY(!shockLabel->isVisible());
    const Quote before = market.quotes().at(1);
    constexpr int ticks = 3;

    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QPointer<ShockDialog> dialog = opened<ShockDialog>();
    QVERIFY2(dialog, "Ctrl+K opened no Shock dialog");
    auto *percent = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("percentSpinBox"));
    QCOMPARE(percent->value(), ShockDialog::DefaultPercent);
    auto *symbols = dialog->findChild<QComboBox *>(QStringLiteral("symbolCombo"));
    QCOMPARE(symbols->count(), market.symbols().size() + 1); // "All symbols" first
    symbols->setFocus();
    QTest::keyClick(symbols, Qt::Key_Down);
    QTest::keyClick(symbols, Qt::Key_Down);
    QCOMPARE(symbols->currentText(), before.symbol);
    typeValue(dialog->findChild<QSpinBox *>(QStringLiteral("ticksSpinBox")), ticks, 0);
    clickOk(dialog);

    QTRY_VERIFY(!dialog);
    QVERIFY(market.isShocking());
    QVERIFY(shockLabel->isVisible());
    QCOMPARE(shockLabel->text(), QStringLiteral("Shock under way"));
    for (int i = 0; i < ticks; ++i)
        market.tick();
    QVERIFY(!market.isShocking());
    QVERIFY(!shockLabel->isVisible());
    QCOMPARE(window.card(before.symbol)->priceText(),
             QLocale().toString(qRound64(before.priceCents * 0.9) / 100.0, 'f', 2));
}

QTEST_MAIN(TestDashboardModel)
#include "tst_dashboardmodel.moc"
