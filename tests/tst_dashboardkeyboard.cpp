#include "dashboardsettings.h"
#include "wcag.h"
#include <feed/marketsimulator.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QScopeGuard>
#include <QSettings>
#include <QTest>

using namespace quotecast;

// The window with the keyboard alone (issue 19), offscreen: Tab and Shift+Tab through every
// control and card in the layout's order, the arrow keys between the cards of the grid, Ctrl+G
// to the cards; the focused card's ring, on its pixels, in light and dark palettes; and a large
// application font that enlarges the prices without clipping them.
class TestDashboardKeyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void tabFollowsTheLayout();
    void arrowKeysMoveInTheGrid_data();
    void arrowKeysMoveInTheGrid();
    void arrowKeysScrollAndLeaveShortcutsAlone();
    void removedCardHandsOnItsFocus_data();
    void removedCardHandsOnItsFocus();
    void focusRingIsVisible_data();
    void focusRingIsVisible();
    void largeFontDoesNotClipPrices();

private:
    // Six symbols, so that the grid of four columns has a short second row: A B C D / E F.
    static QList<MarketSimulator::Opening> sixSymbols();
    static QString focusName();
};

QList<MarketSimulator::Opening> TestDashboardKeyboard::sixSymbols()
{
    QList<MarketSimulator::Opening> openings;
    for (const char *symbol : { "A", "B", "C", "D", "E", "F" })
        openings.append({ QString::fromLatin1(symbol), 100'00 });
    return openings;
}

QString TestDashboardKeyboard::focusName()
{
    const QWidget *widget = QApplication::focusWidget();
    return widget ? widget->objectName() : QStringLiteral("(none)");
}

void TestDashboardKeyboard::initTestCase()
{
    useThrowAwaySettings();
}

void TestDashboardKeyboard::init()
{
    QSettings().clear();
}

void TestDashboardKeyboard::tabFollowsTheLayout()
{
    MarketSimulator market(sixSymbols());
    MainWindow window(&market);
    // Two addresses: the panel shows its list of them.
    window.setServerUrls({ QUrl(QStringLiteral("http://192.0.2.1:8080/")),
                           QUrl(QStringLiteral("http://198.51.100.1:8080/")) });
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QStringList expected { QStringLiteral("startStopButton"), QStringLiteral("intervalSpinBox") };
    for (const MarketSimulator::Opening &opening : sixSymbols())
        expected.append(QStringLiteral("card_") + opening.symbol);
    expected << QStringLiteral("urlLabel") << QStringLiteral("addressCombo")
             << QStringLiteral("copyUrlButton");

    window.findChild<QWidget *>(expected.constFirst())->setFocus();
    QStringList forward { focusName() };
    const auto *link = window.findChild<QLabel *>(QStringLiteral("urlLabel"));
    for (qsizetype i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        forward.append(focusName());
        // The link itself, at once: no stop on a label that shows no focus.
        if (QApplication::focusWidget() == link)
            QCOMPARE(link->selectedText(), window.serverUrl().toString());
    }
    QCOMPARE(forward, expected);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(focusName(), expected.constFirst()); // round again

    QStringList backward;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
        backward.prepend(focusName());
        if (QApplication::focusWidget() == link)
            QCOMPARE(link->selectedText(), window.serverUrl().toString());
    }
    QCOMPARE(backward, expected);

    // Ctrl+G: from anywhere to the first card.
    QTest::keyClick(&window, Qt::Key_G, Qt::ControlModifier);
    QCOMPARE(focusName(), QStringLiteral("card_A"));
    // Alt+A, the address list's label.
    QTest::keyClick(&window, Qt::Key_A, Qt::AltModifier);
    QCOMPARE(focusName(), QStringLiteral("addressCombo"));
}

void TestDashboardKeyboard::arrowKeysMoveInTheGrid_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("to");
    QTest::addRow("right along a row") << "A" << int(Qt::Key_Right) << "B";
    QTest::addRow("right across the end of a row") << "D" << int(Qt::Key_Right) << "E";
    QTest::addRow("left across the start of a row") << "E" << int(Qt::Key_Left) << "D";
    QTest::addRow("left at the first stays") << "A" << int(Qt::Key_Left) << "A";
    QTest::addRow("right at the last stays") << "F" << int(Qt::Key_Right) << "F";
    QTest::addRow("down a column") << "B" << int(Qt::Key_Down) << "F";
    QTest::addRow("down over a short row: its last") << "D" << int(Qt::Key_Down) << "F";
    QTest::addRow("down on the last row stays") << "E" << int(Qt::Key_Down) << "E";
    QTest::addRow("up a column") << "F" << int(Qt::Key_Up) << "B";
    QTest::addRow("up on the first row stays") << "C" << int(Qt::Key_Up) << "C";
    QTest::addRow("home") << "F" << int(Qt::Key_Home) << "A";
    QTest::addRow("end") << "B" << int(Qt::Key_End) << "F";
}

void TestDashboardKeyboard::arrowKeysMoveInTheGrid()
{
    QFETCH(QString, from);
    QFETCH(int, key);
    QFETCH(QString, to);
    MarketSimulator market(sixSymbols());
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.card(from)->setFocus();
    QTest::keyClick(window.card(from), Qt::Key(key));
    QCOMPARE(focusName(), QStringLiteral("card_") + to);
}

// In a window of 50 cards, End brings the last into view; Ctrl+Down on a card is still the
// window's Slower, not a move.
void TestDashboardKeyboard::arrowKeysScrollAndLeaveShortcutsAlone()
{
    QList<MarketSimulator::Opening> openings;
    for (int i = 0; i < 50; ++i)
        openings.append({ QStringLiteral("S%1").arg(i), 10'00 });
    MarketSimulator market(openings);
    MainWindow window(&market);
    window.resize(1040, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    PriceCard *first = window.card(QStringLiteral("S0"));
    PriceCard *last = window.card(QStringLiteral("S49"));
    QVERIFY(last->visibleRegion().isEmpty());
    first->setFocus();
    QTest::keyClick(first, Qt::Key_End);
    QCOMPARE(QApplication::focusWidget(), last);
    QTRY_VERIFY2(!last->visibleRegion().isEmpty(), "End left the last card out of view");
    QTest::keyClick(last, Qt::Key_Up);
    QCOMPARE(focusName(), QStringLiteral("card_S45"));

    const int interval = market.intervalMs();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down, Qt::ControlModifier);
    QVERIFY(market.intervalMs() > interval);
    QCOMPARE(focusName(), QStringLiteral("card_S45"));
}

void TestDashboardKeyboard::removedCardHandsOnItsFocus_data()
{
    QTest::addColumn<QString>("focused");
    QTest::addColumn<QString>("removed");
    QTest::addColumn<QString>("then");
    QTest::addRow("a focused card: the next") << "B"
                                              << "B"
                                              << "C";
    QTest::addRow("the focused last: the new last") << "F"
                                                    << "F"
                                                    << "E";
    QTest::addRow("another card: the focus stays") << "F"
                                                   << "A"
                                                   << "F";
}

// A focused card removed from its menu hands the focus to the card in its place, or to the new
// last card, as the page does: not along the Tab chain to the phone panel.
void TestDashboardKeyboard::removedCardHandsOnItsFocus()
{
    QFETCH(QString, focused);
    QFETCH(QString, removed);
    QFETCH(QString, then);
    MarketSimulator market(sixSymbols());
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.card(focused)->setFocus();
    QCOMPARE(focusName(), QStringLiteral("card_") + focused);
    auto *remove = window.card(removed)->findChild<QAction *>(QStringLiteral("removeAction"));
    QVERIFY(remove);
    remove->trigger();
    QVERIFY(!market.symbols().contains(removed));
    QCOMPARE(focusName(), QStringLiteral("card_") + then);
}

void TestDashboardKeyboard::focusRingIsVisible_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<qint64>("changeCents");
    for (const bool dark : { false, true }) {
        const char *palette = dark ? "dark" : "light";
        QTest::addRow("%s, flat card", palette) << dark << qint64(0);
        QTest::addRow("%s, green card", palette) << dark << qint64(1'00);
        QTest::addRow("%s, red card", palette) << dark << qint64(-1'00);
    }
}

// The focused card's edge is the palette's Highlight, with a line of the text colour inside
// it that contrasts with the card's fill (WCAG 2.1 non-text contrast: 3).
void TestDashboardKeyboard::focusRingIsVisible()
{
    QFETCH(bool, dark);
    QFETCH(qint64, changeCents);
    const QPalette original = QApplication::palette();
    const auto restore = qScopeGuard([&original] { QApplication::setPalette(original); });
    if (dark) {
        QPalette palette = original;
        palette.setColor(QPalette::Window, QColor(0x20, 0x23, 0x27));
        palette.setColor(QPalette::WindowText, QColor(0xe8, 0xea, 0xed));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        QApplication::setPalette(palette);
    }
    MarketSimulator market(sixSymbols());
    MainWindow window(&market);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    PriceCard *card = window.card(QStringLiteral("B"));
    card->setQuote({ QStringLiteral("B"), 100'00 + changeCents, changeCents, 1, 1 });
    window.card(QStringLiteral("A"))->setFocus();
    QTRY_VERIFY(!card->hasFocus());
    const QImage without = card->grab().toImage();
    card->setFocus();
    QTRY_VERIFY(card->hasFocus());
    const QImage with = card->grab().toImage();
    QCOMPARE(with.size(), without.size());

    // Every pixel of the edge's band changed; the band is Highlight, the line inside the text's.
    const QPalette palette = card->palette();
    const QColor fill = without.pixelColor(without.width() / 2, 6);
    int changed = 0;
    for (int x = 0; x < with.width(); ++x) {
        for (const int y : { 0, 1, 2, with.height() - 3, with.height() - 2, with.height() - 1 })
            changed += with.pixel(x, y) != without.pixel(x, y);
    }
    QVERIFY2(changed >= 6 * with.width() * 9 / 10, qPrintable(QString::number(changed)));
    QCOMPARE(with.pixelColor(1, with.height() / 2), palette.color(QPalette::Highlight));
    const QColor line = with.pixelColor(3, with.height() / 2);
    QCOMPARE(line, palette.color(QPalette::WindowText));
    QVERIFY2(Wcag::contrast(line, fill) >= 3,
             qPrintable(line.name() + QStringLiteral(" on ") + fill.name()));
}

// At twice the application's font (a desktop's large text), every label of every card shows
// its whole text, and the price is twice as large again.
void TestDashboardKeyboard::largeFontDoesNotClipPrices()
{
    MarketSimulator market({ { QStringLiteral("BRK.A"), 1'234'567'89 },
                             { QStringLiteral("AAPL"), 170'00 },
                             { QStringLiteral("X"), 1 } });
    MainWindow window(&market);
    window.resize(1040, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QFont original = QApplication::font();
    const auto restore = qScopeGuard([&original] { QApplication::setFont(original); });
    QFont large = original;
    large.setPointSizeF(original.pointSizeF() * 2);
    QApplication::setFont(large);

    for (const QString &symbol : market.symbols()) {
        PriceCard *card = window.card(symbol);
        auto *price = card->findChild<QLabel *>(QStringLiteral("priceLabel"));
        // The font reaches the widgets through posted events.
        QTRY_VERIFY(price->font().pointSizeF() >= 2 * large.pointSizeF());
        QTRY_VERIFY(card->rect().contains(price->geometry()));
        for (const QLabel *label : card->findChildren<QLabel *>()) {
            if (!label->isVisibleTo(card) || label->text().isEmpty())
                continue;
            const QFontMetrics metrics(label->font());
            const QRect text = metrics.boundingRect(label->text());
            QTRY_VERIFY2(text.width() <= label->contentsRect().width()
                             && metrics.height() <= label->contentsRect().height()
                             && card->rect().contains(label->geometry()),
                         qPrintable(QStringLiteral("%1 %2: %3 in %4 wide")
                                        .arg(symbol, label->objectName(), label->text())
                                        .arg(label->contentsRect().width())));
        }
    }
}

QTEST_MAIN(TestDashboardKeyboard)
#include "tst_dashboardkeyboard.moc"
