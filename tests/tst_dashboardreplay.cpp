#include "dashboarddialogs.h"
#include "dashboardsettings.h"
#include "localhub.h"
#include "pricefiles.h"
#include <app/dashboard.h>
#include <feed/markettime.h>
#include <replay/pricereplay.h>
#include <widgets/mainwindow.h>
#include <widgets/pricecard.h>

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace quotecast;
using namespace dashboarddialogs;

// File → Replay Prices… in the real window on the app's own pipeline (createDashboard,
// FeedPipeline::startReplay), rendered offscreen and driven as a person would: the file dialog
// (Qt's own, not the desktop's), the symbol asked for a file whose name gives none, the reader's
// refusals shown with the market untouched, the controls off while the replay plays and on again
// after Back to Simulated Prices, the title's dates and each card's date.
class TestDashboardReplay : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void replayMenuPlaysTheChosenFiles_data();
    void replayMenuPlaysTheChosenFiles();
    void refusedFilesLeaveTheFeedAsItWas_data();
    void refusedFilesLeaveTheFeedAsItWas();
    void fileNamedWithoutSymbolIsAskedForIt();
    void controlsAreOffWhileReplaying();
    void replayFailureIsShown();

private:
    // The app's window on a pipeline of its own, shown and active; null on failure.
    bool openWindow();
    QString write(const QString &name, const QByteArray &content);
    // Picks `names` of the temporary folder in the file dialog that `keys` opened, as a person
    // types them, and opens them.
    void replay(const QKeySequence &keys, const QStringList &names);
    MarketSimulator *market() const { return m_pipeline->simulator(); }
    QStringList cardSymbols() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FeedPipeline> m_pipeline;
    std::unique_ptr<MainWindow> m_window;
};

namespace {

using pricefiles::StooqMsft;
using pricefiles::YahooAapl;
constexpr int Rows = 6; // of the two files
const QKeySequence ReplayKeys(Qt::CTRL | Qt::Key_R);
const QKeySequence ReplayLoopKeys(Qt::CTRL | Qt::SHIFT | Qt::Key_R);

QAction *action(const MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

} // namespace

void TestDashboardReplay::initTestCase()
{
    useThrowAwaySettings();
    // Qt's file dialog, which the test can drive, whatever the desktop offers.
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
}

void TestDashboardReplay::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDashboardReplay::cleanup()
{
    closeLeftovers();
    m_window.reset();
    m_pipeline.reset();
}

bool TestDashboardReplay::openWindow()
{
    m_pipeline = startLocalPipeline();
    if (!m_pipeline)
        return false;
    m_window = createDashboard(*m_pipeline);
    m_window->show();
    return QTest::qWaitForWindowActive(m_window.get());
}

QString TestDashboardReplay::write(const QString &name, const QByteArray &content)
{
    QFile file(m_dir->filePath(name));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size())
        return {};
    return file.fileName();
}

void TestDashboardReplay::replay(const QKeySequence &keys, const QStringList &names)
{
    QTest::keySequence(m_window.get(), keys);
    QPointer<QFileDialog> dialog = opened<QFileDialog>();
    QVERIFY2(dialog, qPrintable(keys.toString() + QStringLiteral(" opened no file dialog")));
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFiles);
    dialog->setDirectory(m_dir->path());
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    name->setText(u'"' + names.join(QStringLiteral("\" \"")) + u'"');
    QPushButton *open = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
    QTRY_VERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    // Deleted once closed; the offscreen platform then leaves no window active.
    QTRY_VERIFY(!dialog);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

QStringList TestDashboardReplay::cardSymbols() const
{
    QStringList symbols;
    for (const QString &symbol : market()->symbols()) {
        if (m_window->card(symbol))
            symbols.append(symbol);
    }
    return symbols;
}

void TestDashboardReplay::replayMenuPlaysTheChosenFiles_data()
{
    QTest::addColumn<QKeySequence>("keys");
    QTest::addColumn<bool>("loop");
    QTest::addRow("Replay Prices") << ReplayKeys << false;
    QTest::addRow("Replay Prices in a Loop") << ReplayLoopKeys << true;
}

// The files' symbols replace the cards, each card shows its price's date, the title the
// replay's dates; at the end the feed stops, or with the loop plays the first row again.
void TestDashboardReplay::replayMenuPlaysTheChosenFiles()
{
    QFETCH(QKeySequence, keys);
    QFETCH(bool, loop);
    QVERIFY(!write(QStringLiteral("AAPL.csv"), YahooAapl).isEmpty());
    QVERIFY(!write(QStringLiteral("msft_us_d.csv"), StooqMsft).isEmpty());
    QVERIFY(openWindow());

    replay(keys, { QStringLiteral("AAPL.csv"), QStringLiteral("msft_us_d.csv") });
    QVERIFY(market()->isReplaying());
    const QStringList files = { QStringLiteral("AAPL"), QStringLiteral("MSFT") };
    QCOMPARE(market()->symbols(), files);
    QCOMPARE(cardSymbols(), files);
    QTRY_VERIFY(!m_window->card(QStringLiteral("GOOG")));
    QVERIFY2(m_window->windowTitle().contains(u"replay of 2024-01-02 – 2024-01-05"),
             qPrintable(m_window->windowTitle()));

    QSignalSpy ticks(market(), &MarketSimulator::quoteUpdated);
    market()->tick(); // the first row
    QCOMPARE(m_window->card(QStringLiteral("AAPL"))->priceText(),
             QLocale().toString(185.64, 'f', 2));
    QCOMPARE(m_window->card(QStringLiteral("AAPL"))->dateText(), QStringLiteral("2024-01-02"));
    for (int row = 1; row < Rows; ++row)
        market()->tick();
    QCOMPARE(ticks.size(), Rows);
    QCOMPARE(m_window->card(QStringLiteral("AAPL"))->dateText(), QStringLiteral("2024-01-04"));
    QCOMPARE(m_window->card(QStringLiteral("MSFT"))->dateText(), QStringLiteral("2024-01-05"));

    market()->setIntervalMs(MarketSimulator::MaxIntervalMs); // only the test ticks
    market()->start();
    market()->tick();
    QCOMPARE(market()->isRunning(), loop);
    QCOMPARE(ticks.size(), loop ? Rows + 1 : Rows);
    QCOMPARE(m_window->card(QStringLiteral("AAPL"))->dateText(),
             loop ? QStringLiteral("2024-01-02") : QStringLiteral("2024-01-04"));
    QVERIFY2(m_window->windowTitle().contains(loop ? u"playing" : u"paused"),
             qPrintable(m_window->windowTitle()));
}

void TestDashboardReplay::refusedFilesLeaveTheFeedAsItWas_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addRow("a bad number") << YahooAapl + "2024-01-05,181.99,182.76,180.17,abc,1,1\n";
    QTest::addRow("an unknown header") << QByteArray("Day,Price\n2024-01-02,185.64\n");
    QTest::addRow("dates out of order") << StooqMsft + "2024-01-04,1,1,1,368.0,1\n";
    QTest::addRow("empty") << QByteArray();
}

// The reader's message (the file, the line, what is wrong) in a box; the market, its cards and
// its controls as they were, though a well-formed file came with the bad one.
void TestDashboardReplay::refusedFilesLeaveTheFeedAsItWas()
{
    QFETCH(QByteArray, content);
    const QString good = write(QStringLiteral("AAPL.csv"), YahooAapl);
    const QString bad = write(QStringLiteral("MSFT.csv"), content);
    QVERIFY(!good.isEmpty() && !bad.isEmpty());
    QVERIFY(openWindow());
    const QList<Quote> before = market()->quotes();
    QSignalSpy requests(m_window.get(), &MainWindow::replayRequested);

    replay(ReplayKeys, { QStringLiteral("AAPL.csv"), QStringLiteral("MSFT.csv") });
    QCOMPARE(requests.size(), 1);
    QString expected; // what the reader says of the files the dialog gave
    QVERIFY(!PriceReplay().open(requests.first().first().toStringList(), &expected));
    QVERIFY2(expected.startsWith(bad), qPrintable(expected));
    auto *box = opened<QMessageBox>();
    QVERIFY2(box, "no message for the refusal");
    QCOMPARE(box->informativeText(), expected);
    QVERIFY(!market()->isReplaying());
    QCOMPARE(market()->quotes(), before);
    QCOMPARE(cardSymbols(), market()->symbols());
    QVERIFY(action(*m_window, "actionAddSymbol")->isEnabled());
    QVERIFY(!action(*m_window, "actionSimulatedPrices")->isEnabled());
    QVERIFY(m_window->windowTitle().contains(u"paused"));
}

// "2024 download.csv" names no symbol: the window asks for one and plays it as AAPL=path.
// An export, named as the window names it, needs none: it names its symbols in its rows.
void TestDashboardReplay::fileNamedWithoutSymbolIsAskedForIt()
{
    QVERIFY(!write(QStringLiteral("2024 download.csv"), YahooAapl).isEmpty());
    QVERIFY(!write(QStringLiteral("quotecast-2026-11-30.csv"),
                   "seq,time,symbol,price,change\n"
                   "1,2026-11-30T11:56:30.123Z,TSLA,250.00,0.00\n")
                 .isEmpty());
    QVERIFY(openWindow());

    replay(ReplayKeys,
           { QStringLiteral("2024 download.csv"), QStringLiteral("quotecast-2026-11-30.csv") });
    QPointer<QInputDialog> dialog = opened<QInputDialog>();
    QVERIFY2(dialog, "no symbol asked for");
    QVERIFY2(dialog->labelText().contains(u"2024 download.csv"), qPrintable(dialog->labelText()));
    QVERIFY(!market()->isReplaying());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(), QStringLiteral("aapl"));
    clickOk(dialog);

    QTRY_VERIFY(market()->isReplaying());
    QVERIFY2(!opened<QDialog>(), "another dialog opened");
    const QStringList symbols = { QStringLiteral("AAPL"), QStringLiteral("TSLA") };
    QCOMPARE(market()->symbols(), symbols);
    QCOMPARE(cardSymbols(), symbols);
    for (int row = 0; row < 4; ++row) // AAPL's 3 rows, then TSLA's
        market()->tick();
    QCOMPARE(m_window->card(QStringLiteral("TSLA"))->dateText(),
             QStringLiteral("2026-11-30T11:56:30.123Z"));
}

// Adding a symbol, a shock, setting a price and removing a symbol are off while the replay
// plays, each saying why; Back to Simulated Prices (the File menu, by keyboard) turns them on.
void TestDashboardReplay::controlsAreOffWhileReplaying()
{
    QVERIFY(!write(QStringLiteral("AAPL.csv"), YahooAapl).isEmpty());
    QVERIFY(openWindow());
    QVERIFY(!action(*m_window, "actionSimulatedPrices")->isEnabled());
    replay(ReplayKeys, { QStringLiteral("AAPL.csv") });
    QVERIFY(market()->isReplaying());
    PriceCard *card = m_window->card(QStringLiteral("AAPL"));
    QVERIFY(card);
    QList<QAction *> changes
        = { action(*m_window, "actionAddSymbol"), action(*m_window, "actionShock"),
            card->findChild<QAction *>(QStringLiteral("setPriceAction")),
            card->findChild<QAction *>(QStringLiteral("removeAction")) };
    for (const QAction *change : std::as_const(changes)) {
        QVERIFY2(!change->isEnabled(), qPrintable(change->text()));
        QVERIFY2(change->statusTip().contains(u"Back to Simulated Prices"),
                 qPrintable(change->statusTip()));
    }
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QTest::mouseDClick(card->findChild<QLabel *>(QStringLiteral("priceLabel")), Qt::LeftButton);
    QVERIFY2(!opened<QDialog>(), "a dialog opened to change the replayed market");
    market()->tick(); // the first row
    QCOMPARE(card->dateText(), QStringLiteral("2024-01-02"));

    auto *fileMenu = m_window->findChild<QMenu *>(QStringLiteral("fileMenu"));
    fileMenu->popup(m_window->mapToGlobal(QPoint(0, 0)));
    QTRY_VERIFY(fileMenu->isVisible());
    QTest::keyClick(fileMenu, Qt::Key_B); // &Back to Simulated Prices
    QVERIFY(!market()->isReplaying());
    QVERIFY(!action(*m_window, "actionSimulatedPrices")->isEnabled());
    for (const QAction *change : std::as_const(changes)) {
        QVERIFY2(change->isEnabled(), qPrintable(change->text()));
        QVERIFY(change->statusTip().isEmpty());
    }
    QCOMPARE(card->dateText(), QString());
    QCOMPARE(card->priceText(), QLocale().toString(185.64, 'f', 2));
    QVERIFY2(m_window->windowTitle().endsWith(u"paused"), qPrintable(m_window->windowTitle()));
}

// A file changed in place once it was played: Start plays it again, which finds the change.
void TestDashboardReplay::replayFailureIsShown()
{
    QVERIFY(!write(QStringLiteral("AAPL.csv"), YahooAapl).isEmpty());
    QVERIFY(openWindow());
    replay(ReplayKeys, { QStringLiteral("AAPL.csv") });
    QSignalSpy failures(market(), &MarketSimulator::replayFailed);
    market()->setIntervalMs(MarketSimulator::MinIntervalMs);
    market()->start();
    QTRY_VERIFY(!market()->isRunning()); // at the end
    QVERIFY(!write(QStringLiteral("AAPL.csv"), "Day,Price\n2024-01-02,185.64\n").isEmpty());

    QTest::keyClick(m_window.get(), Qt::Key_Space, Qt::ControlModifier);
    QCOMPARE(failures.size(), 1);
    auto *box = opened<QMessageBox>();
    QVERIFY2(box, "no message for the failure");
    QCOMPARE(box->informativeText(), failures.first().first().toString());
    QVERIFY(!market()->isRunning());
}

QTEST_MAIN(TestDashboardReplay)
#include "tst_dashboardreplay.moc"
