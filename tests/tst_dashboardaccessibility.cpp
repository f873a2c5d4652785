#include "dashboardsettings.h"
#include <app/translations.h>
#include <feed/marketsimulator.h>
#include <widgets/accessiblenotifier.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>

#include <QAccessible>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace quotecast;

namespace {
// What assistive technology was told, as it was at that moment.
struct Told
{
    QAccessible::Event type;
    QObject *object;
    qint64 atNs; // since the test started
    QString name; // the object's accessible name then
    QVariant value; // of a ValueChanged
};
QList<Told> told;
QElapsedTimer stopwatch;

void record(QAccessibleEvent *event)
{
    QAccessibleInterface *iface = event->accessibleInterface();
    told.append({ event->type(), event->object(), stopwatch.nsecsElapsed(),
                  iface ? iface->text(QAccessible::Name) : QString(),
                  event->type() == QAccessible::ValueChanged
                      ? static_cast<QAccessibleValueChangeEvent *>(event)->value()
                      : QVariant() });
}

QList<Told> toldOf(const QObject *object, QAccessible::Event type)
{
    QList<Told> found;
    for (const Told &event : std::as_const(told)) {
        if (event.object == object && event.type == type)
            found.append(event);
    }
    return found;
}
} // namespace

// The window's cards and state for assistive technology (issue 19), offscreen: each card's
// accessible name, description and value through QAccessible, following ticks; what a screen
// reader is told of them, at most once a second per card whatever the feed's pace; the feed's
// state told once per change; French. Qt's offscreen platform never turns accessibility on, so
// what is told is seen through AccessibleNotifier's observer, which sees every event it sends.
class TestDashboardAccessibility : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyCardReadsItsSymbolPriceAndDay();
    void cardNameFollowsATick_data();
    void cardNameFollowsATick();
    void ticksAreToldAtMostOnceASecondPerCard();
    void firstTellIsThePrice();
    void cardLabelsTellNothingOfATick();
    void feedStateIsToldOncePerChange();
    void cardMenuOpensAsAnAccessibleAction();
    void frenchNames();
    void dollarAgreesWithThePrice_data();
    void dollarAgreesWithThePrice();

private:
    static std::optional<Quote> tickUntil(MarketSimulator &market, int direction);
};

std::optional<Quote> TestDashboardAccessibility::tickUntil(MarketSimulator &market, int direction)
{
    QSignalSpy ticks(&market, &MarketSimulator::quoteUpdated);
    for (int i = 0; i < 1000; ++i) {
        market.tick();
        const Quote quote = ticks.takeLast().first().value<Quote>();
        if (quote.changeCents * direction > 0)
            return quote;
    }
    return std::nullopt;
}

void TestDashboardAccessibility::initTestCase()
{
    useThrowAwaySettings();
    stopwatch.start();
}

void TestDashboardAccessibility::init()
{
    QSettings().clear();
    told.clear();
    AccessibleNotifier::setObserver(record);
}

void TestDashboardAccessibility::cleanup()
{
    AccessibleNotifier::setObserver(nullptr);
    QLocale::setDefault(QLocale::c());
}

void TestDashboardAccessibility::everyCardReadsItsSymbolPriceAndDay()
{
    MarketSimulator market;
    MainWindow window(&market);
    const QList<Quote> quotes = market.quotes();
    QVERIFY(!quotes.isEmpty());
    for (const Quote &quote : quotes) {
        PriceCard *card = window.card(quote.symbol);
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(card);
        QVERIFY2(iface, qPrintable(quote.symbol));
        const QString name = iface->text(QAccessible::Name);
        QCOMPARE(name,
                 QStringLiteral("%1, %2 dollars, unchanged").arg(quote.symbol, card->priceText()));
        QCOMPARE(iface->role(), QAccessible::Grouping);
        QVERIFY(iface->state().focusable);
        const QString description = iface->text(QAccessible::Description);
        QVERIFY2(description.startsWith(QStringLiteral("Open %1").arg(card->priceText())),
                 qPrintable(description));
        // The price as a number, between the day's low and high.
        QCOMPARE(iface->valueInterface()->currentValue().toDouble(),
                 double(quote.priceCents) / 100.0);
        // Its labels and sparkline draw what the name says: a reader hears the card once.
        QCOMPARE(iface->childCount(), 0);
    }
}

void TestDashboardAccessibility::cardNameFollowsATick_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<QString>("move");
    QTest::addRow("a rise") << 1 << QStringLiteral("up");
    QTest::addRow("a fall") << -1 << QStringLiteral("down");
}

void TestDashboardAccessibility::cardNameFollowsATick()
{
    QFETCH(int, direction);
    QFETCH(QString, move);
    MarketSimulator market;
    market.setSeed(19);
    MainWindow window(&market);
    const std::optional<Quote> moved = tickUntil(market, direction);
    QVERIFY2(moved, "no symbol moved that way in 1000 ticks");
    PriceCard *card = window.card(moved->symbol);
    const QLocale locale;
    const qint64 previous = moved->priceCents - moved->changeCents;
    const QString expected
        = QStringLiteral("%1, %2 dollars, %3 %4, %5 percent")
              .arg(moved->symbol, locale.toString(double(moved->priceCents) / 100.0, 'f', 2), move,
                   locale.toString(double(qAbs(moved->changeCents)) / 100.0, 'f', 2),
                   locale.toString(qAbs(100.0 * double(moved->changeCents) / double(previous)), 'f',
                                   2));
    QCOMPARE(QAccessible::queryAccessibleInterface(card)->text(QAccessible::Name), expected);
}

// Ticks every 20 ms through the event loop, on two symbols, for over two seconds: each card
// tells its name, value and description at most once a second, counted from the window's first
// tell on (the first at once, the latest at the second's end), and what it told last is its last
// price. The ticks are spread out so that the pending tell fires between them: a shorter interval
// or an early timer shows as a gap under a second.
void TestDashboardAccessibility::ticksAreToldAtMostOnceASecondPerCard()
{
    MarketSimulator market(
        { { QStringLiteral("AAPL"), 170'00 }, { QStringLiteral("MSFT"), 400'00 } });
    market.setSeed(50);
    market.setIntervalMs(20);
    MainWindow window(&market);
    QList<PriceCard *> cards;
    for (const QString &symbol : market.symbols())
        cards.append(window.card(symbol));
    const auto toldThrice = [&cards] {
        return std::all_of(cards.cbegin(), cards.cend(), [](const PriceCard *card) {
            return toldOf(card, QAccessible::ValueChanged).size() >= 3;
        });
    };
    market.start();
    // The first at once, then one a second: three take over two seconds of ticks.
    QTRY_VERIFY_WITH_TIMEOUT(toldThrice(), 10'000);
    market.stop();

    for (const Quote &last : market.quotes()) {
        PriceCard *card = window.card(last.symbol);
        // The latest value reaches the reader once the second is over.
        QTRY_VERIFY2(toldOf(card, QAccessible::ValueChanged).constLast().value
                         == QVariant(double(last.priceCents) / 100.0),
                     qPrintable(last.symbol));
        QTRY_COMPARE(toldOf(card, QAccessible::NameChanged).constLast().name,
                     card->accessibleSummary());
        for (const QAccessible::Event type :
             { QAccessible::NameChanged, QAccessible::DescriptionChanged,
               QAccessible::ValueChanged }) {
            const QList<Told> events = toldOf(card, type);
            if (type != QAccessible::DescriptionChanged) // the day's range may not have moved
                QVERIFY2(events.size() >= 2, qPrintable(last.symbol));
            for (qsizetype i = 1; i < events.size(); ++i) {
                const qint64 gapMs = (events[i].atNs - events[i - 1].atNs) / 1'000'000;
                QVERIFY2(gapMs >= AccessibleNotifier::DefaultIntervalMs,
                         qPrintable(QStringLiteral("%1, event %2: %3 ms after the one before")
                                        .arg(last.symbol)
                                        .arg(int(type))
                                        .arg(gapMs)));
            }
        }
    }
}

// A new window tells each card's price at once: not first that it has none, which took the
// once-a-second slot and had the price wait a second.
void TestDashboardAccessibility::firstTellIsThePrice()
{
    MarketSimulator market;
    MainWindow window(&market);
    for (const Quote &quote : market.quotes()) {
        PriceCard *card = window.card(quote.symbol);
        const QList<Told> names = toldOf(card, QAccessible::NameChanged);
        QVERIFY2(!names.isEmpty(), qPrintable(quote.symbol));
        QCOMPARE(names.constFirst().name, card->accessibleSummary());
        QVERIFY(!toldOf(card, QAccessible::ValueChanged).isEmpty());
    }
}

// Nothing of a tick is told from a card's labels: QLabel::setText (Qt 6.4) tells assistive
// technology that a label's name changed unless the label has an accessible name of its own, and
// these labels are no children of the card's group. Offscreen that event cannot be seen
// (QAccessible::isActive() stays false, and Qt gives an update handler nothing then), so this
// checks Qt's condition: every label whose text a tick or a replay changes has a fixed name.
void TestDashboardAccessibility::cardLabelsTellNothingOfATick()
{
    MarketSimulator market({ { QStringLiteral("AAPL"), 170'00 } });
    market.setSeed(1);
    MainWindow window(&market);
    PriceCard *card = window.card(QStringLiteral("AAPL"));
    const QList<QLabel *> labels = card->findChildren<QLabel *>();
    QVERIFY(!labels.isEmpty());
    QHash<QLabel *, QString> texts;
    QHash<QLabel *, QString> names;
    for (QLabel *label : labels) {
        texts.insert(label, label->text());
        names.insert(label, label->accessibleName());
    }
    for (int i = 0; i < 5; ++i)
        market.tick();
    card->setReplaying(true); // the price's date shows
    card->setQuote({ QStringLiteral("AAPL"), 171'00, 1'00, 1, 1, 1'700'000'000'000 });
    card->setQuote({ QStringLiteral("AAPL"), 170'50, -50, 2, 2, 1'700'086'400'000 });
    int changed = 0;
    for (QLabel *label : labels) {
        if (label->text() == texts.value(label))
            continue;
        ++changed;
        QVERIFY2(!label->accessibleName().isEmpty(), qPrintable(label->objectName()));
        QCOMPARE(label->accessibleName(), names.value(label));
    }
    QCOMPARE(changed, 3); // the price, its change and its date
}

// Live, paused, a replay: told once when the state changes, never for a tick or for a status
// that changes the interval or the symbols.
void TestDashboardAccessibility::feedStateIsToldOncePerChange()
{
    MarketSimulator market;
    MainWindow window(&market);
    auto *label = window.findChild<QLabel *>(QStringLiteral("feedStateLabel"));
    QVERIFY(label);
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(label);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Feed paused"));
    const auto alerts = [label] { return toldOf(label, QAccessible::Alert).size(); };

    for (int i = 0; i < 20; ++i)
        market.tick();
    market.setIntervalMs(500);
    QString error;
    QVERIFY2(market.addSymbol(QStringLiteral("NEW"), 10'00, &error), qPrintable(error));
    QCOMPARE(alerts(), 0);

    market.start();
    QCOMPARE(alerts(), 1);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Feed live"));
    for (int i = 0; i < 20; ++i)
        market.tick();
    market.setIntervalMs(1000);
    QCOMPARE(alerts(), 1);

    market.stop();
    market.stop();
    QCOMPARE(alerts(), 2);
    QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Feed paused"));
}

// A reader's "show menu" action on a card opens the menu the Menu key opens.
void TestDashboardAccessibility::cardMenuOpensAsAnAccessibleAction()
{
    MarketSimulator market;
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PriceCard *card = window.card(market.symbols().constFirst());
    QAccessibleActionInterface *actions
        = QAccessible::queryAccessibleInterface(card)->actionInterface();
    QVERIFY(actions);
    QVERIFY(actions->actionNames().contains(QAccessibleActionInterface::showMenuAction()));
    auto *menu = card->findChild<QMenu *>();
    QVERIFY(menu && !menu->isVisible());
    actions->doAction(QAccessibleActionInterface::showMenuAction());
    QTRY_VERIFY(menu->isVisible());
    menu->close();
}

void TestDashboardAccessibility::frenchNames()
{
    const QLocale french(QLocale::French, QLocale::France);
    QLocale::setDefault(french);
    const Translations translations(french);
    QCOMPARE(translations.language(), QStringLiteral("fr"));
    MarketSimulator market({ { QStringLiteral("GOOG"), 1500'00 } });
    MainWindow window(&market);
    PriceCard *card = window.card(QStringLiteral("GOOG"));
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(card);
    QCOMPARE(iface->text(QAccessible::Name),
             QStringLiteral("GOOG, 1\u202f500,00 dollars, inchangé"));
    card->setQuote({ QStringLiteral("GOOG"), 1515'00, 15'00, 1, 1 });
    QCOMPARE(
        iface->text(QAccessible::Name),
        QStringLiteral("GOOG, 1\u202f515,00 dollars, en hausse de 15,00, soit 1,00 pour cent"));
    card->setQuote({ QStringLiteral("GOOG"), 1500'00, -15'00, 2, 2 });
    QCOMPARE(
        iface->text(QAccessible::Name),
        QStringLiteral("GOOG, 1\u202f500,00 dollars, en baisse de 15,00, soit 0,99 pour cent"));
    QVERIFY2(iface->text(QAccessible::Description).startsWith(u"Ouverture 1\u202f500,00"),
             qPrintable(iface->text(QAccessible::Description)));
    // The page's words for a card without a price.
    QCOMPARE(PriceCard(QStringLiteral("IBM")).accessibleSummary(),
             QStringLiteral("IBM, pas encore de cours"));

    auto *label = window.findChild<QLabel *>(QStringLiteral("feedStateLabel"));
    QCOMPARE(QAccessible::queryAccessibleInterface(label)->text(QAccessible::Name),
             QStringLiteral("Flux en pause"));
    market.start();
    QCOMPARE(QAccessible::queryAccessibleInterface(label)->text(QAccessible::Name),
             QStringLiteral("Flux en direct"));
    market.stop();
}

void TestDashboardAccessibility::dollarAgreesWithThePrice_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("name");
    // As the page says it (Intl.PluralRules with two decimals): English always "dollars",
    // French "dollar" below 2.
    QTest::addRow("en 0.99") << "en" << qint64(99) << "X, 0.99 dollars, unchanged";
    QTest::addRow("en 1.00") << "en" << qint64(1'00) << "X, 1.00 dollars, unchanged";
    QTest::addRow("en 1.50") << "en" << qint64(1'50) << "X, 1.50 dollars, unchanged";
    QTest::addRow("en 2.00") << "en" << qint64(2'00) << "X, 2.00 dollars, unchanged";
    QTest::addRow("fr 0,99") << "fr" << qint64(99) << "X, 0,99 dollar, inchangé";
    QTest::addRow("fr 1,50") << "fr" << qint64(1'50) << "X, 1,50 dollar, inchangé";
    QTest::addRow("fr 2,00") << "fr" << qint64(2'00) << "X, 2,00 dollars, inchangé";
    QTest::addRow("fr 1 500,00") << "fr" << qint64(1500'00) << "X, 1\u202f500,00 dollars, inchangé";
}

void TestDashboardAccessibility::dollarAgreesWithThePrice()
{
    QFETCH(QString, language);
    QFETCH(qint64, cents);
    QFETCH(QString, name);
    const QLocale locale(language == u"fr" ? QLocale::French : QLocale::English,
                         language == u"fr" ? QLocale::France : QLocale::UnitedStates);
    QLocale::setDefault(locale);
    const Translations translations(locale);
    QCOMPARE(translations.language(), language);
    PriceCard card(QStringLiteral("X"));
    card.setQuote({ QStringLiteral("X"), cents, 0, 1, 1 });
    QCOMPARE(card.accessibleSummary(), name);
}

QTEST_MAIN(TestDashboardAccessibility)
#include "tst_dashboardaccessibility.moc"
