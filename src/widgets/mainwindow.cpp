#include <widgets/mainwindow.h>

#include "ui_mainwindow.h"
#include <feed/marketsimulator.h>
#include <feed/markettime.h>
#include <preferences/preferences.h>
#include <widgets/accessiblenotifier.h>
#include <widgets/addsymboldialog.h>
#include <widgets/cardgridnavigator.h>
#include <widgets/pricecard.h>
#include <widgets/pricedialog.h>
#include <widgets/pricemodeldialog.h>
#include <widgets/replayactions.h>
#include <widgets/shockdialog.h>

#include <QAccessible>
#include <QClipboard>
#include <QCloseEvent>
#include <QDate>
#include <QDesktopServices>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>

namespace quotecast {

MainWindow::MainWindow(MarketSimulator *market, const QList<Quote> &recentTicks,
                       Preferences *preferences, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_market(market)
    , m_ownPreferences(preferences ? nullptr : std::make_unique<Preferences>())
    , m_preferences(preferences ? preferences : m_ownPreferences.get())
    , m_shockLabel(new QLabel(tr("Shock under way"), this))
    , m_clientsLabel(new QLabel(this))
    , m_publisherLabel(new QLabel(this))
{
    m_ui->setupUi(this);
    // NOLINTNEXTLINE(cppcoreguidelines-prefer-member-initializer): it needs the form's grid
    m_navigator = new CardGridNavigator(m_ui->cardsLayout, m_ui->cardsScrollArea, this);
    connect(m_ui->actionGoToPrices, &QAction::triggered, this, &MainWindow::focusCards);

    // A resumed history fills the sparklines, each card shown once (10,000 ticks one by one
    // took 110 ms); a symbol's last tick is its latest quote.
    QHash<QString, QList<Quote>> resumed;
    for (const Quote &tick : recentTicks)
        resumed[tick.symbol].append(tick);
    for (const Quote &quote : market->quotes()) {
        const QList<Quote> ticks = resumed.value(quote.symbol);
        addCard(quote.symbol)->setQuotes(ticks.isEmpty() ? QList<Quote> { quote } : ticks);
    }
    placeCards(market->symbols());
    connect(market, &MarketSimulator::statusChanged, this, [this](const FeedStatus &status) {
        showSymbols(status.symbols);
        showFeedState(status);
    });
    connect(market, &MarketSimulator::quoteUpdated, this, [this](const Quote &quote) {
        if (PriceCard *card = m_cards.value(quote.symbol))
            card->setQuote(quote);
    });

    // The feed: the button and the menu share one action and its shortcut.
    connect(m_ui->startStopButton, &QPushButton::clicked, m_ui->actionStartStop, &QAction::trigger);
    connect(m_ui->actionStartStop, &QAction::triggered, market,
            [market] { market->setRunning(!market->isRunning()); });

    m_ui->intervalSpinBox->setValue(market->intervalMs() / 1000.0);
    connect(m_ui->intervalSpinBox, &QDoubleSpinBox::valueChanged, market,
            [market](double seconds) { market->setIntervalMs(qRound(seconds * 1000)); });
    connect(market, &MarketSimulator::intervalMsChanged, this,
            [this](int ms) { m_ui->intervalSpinBox->setValue(ms / 1000.0); });
    connect(m_ui->actionFaster, &QAction::triggered, m_ui->intervalSpinBox,
            &QDoubleSpinBox::stepDown);
    connect(m_ui->actionSlower, &QAction::triggered, m_ui->intervalSpinBox,
            &QDoubleSpinBox::stepUp);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionExportCsv, &QAction::triggered, this, [this] {
        const QString suggested
            = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            + QStringLiteral("/quotecast-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Ticks as CSV"),
                                                          suggested, tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            emit exportRequested(path);
    });
    setHistoryAvailable(false);
    // NOLINTNEXTLINE(cppcoreguidelines-prefer-member-initializer): it needs the form's actions
    m_replayActions = new ReplayActions(market, this, m_ui->actionReplayPrices,
                                        m_ui->actionReplayPricesLoop, m_ui->actionSimulatedPrices);
    connect(m_replayActions, &ReplayActions::requested, this, &MainWindow::replayRequested);

    // Shaping the market: each dialog asks the market itself.
    connect(m_ui->actionAddSymbol, &QAction::triggered, this,
            [this] { openDialog(new AddSymbolDialog(m_market, this)); });
    connect(m_ui->actionPriceModel, &QAction::triggered, this,
            [this] { openDialog(new PriceModelDialog(m_market, this)); });
    connect(m_ui->actionShock, &QAction::triggered, this,
            [this] { openDialog(new ShockDialog(m_market, this)); });
    m_shockLabel->setObjectName(QStringLiteral("shockLabel"));
    m_shockLabel->setVisible(market->isShocking());
    connect(market, &MarketSimulator::shockingChanged, m_shockLabel, &QLabel::setVisible);

    // Sharing the page.
    connect(m_ui->addressCombo, &QComboBox::currentIndexChanged, this, &MainWindow::showServerUrl);
    m_ui->urlLabel->installEventFilter(this);
    connect(m_ui->copyUrlButton, &QPushButton::clicked, m_ui->actionCopyUrl, &QAction::trigger);
    connect(m_ui->actionCopyUrl, &QAction::triggered, this, &MainWindow::copyServerUrl);
    connect(m_ui->actionOpenInBrowser, &QAction::triggered, this,
            [this] { QDesktopServices::openUrl(serverUrl()); });
    setServerUrls({});

    m_clientsLabel->setObjectName(QStringLiteral("clientsLabel"));
    m_publisherLabel->setObjectName(QStringLiteral("publisherLabel"));
    m_publisherLabel->hide(); // until there is something to say (--publish)
    statusBar()->addPermanentWidget(m_shockLabel);
    statusBar()->addPermanentWidget(m_publisherLabel);
    statusBar()->addPermanentWidget(m_clientsLabel);
    setClientCount(0);
    showFeedState(market->status());

    restoreGeometry(m_preferences->windowGeometry());
}

MainWindow::~MainWindow() = default;

QUrl MainWindow::serverUrl() const
{
    return m_ui->addressCombo->currentData().toUrl();
}

void MainWindow::setServerUrls(const QList<QUrl> &urls)
{
    const QString remembered = m_preferences->windowAddress();
    QSignalBlocker blocker(m_ui->addressCombo);
    m_ui->addressCombo->clear();
    for (const QUrl &url : urls) {
        m_ui->addressCombo->addItem(url.host(), url);
        if (url.host() == remembered)
            m_ui->addressCombo->setCurrentIndex(m_ui->addressCombo->count() - 1);
    }
    m_ui->addressCombo->setVisible(urls.size() > 1);
    m_ui->addressLabel->setVisible(urls.size() > 1);
    showServerUrl();
}

void MainWindow::showServerUrl()
{
    const QUrl url = serverUrl();
    const QString text = url.toString().toHtmlEscaped();
    m_ui->qrCode->setUrl(url);
    m_ui->urlLabel->setText(url.isEmpty() ? QString()
                                          : QStringLiteral("<a href=\"%1\">%1</a>").arg(text));
    m_ui->phoneBox->setEnabled(!url.isEmpty());
    m_ui->actionCopyUrl->setEnabled(!url.isEmpty());
    m_ui->actionOpenInBrowser->setEnabled(!url.isEmpty());
    if (m_ui->addressCombo->count() > 1)
        m_preferences->setWindowAddress(url.host());
}

void MainWindow::copyServerUrl()
{
    const QString url = serverUrl().toString();
    QGuiApplication::clipboard()->setText(url);
    statusBar()->showMessage(tr("Copied %1").arg(url), 4000);
}

void MainWindow::setHistoryAvailable(bool available)
{
    m_ui->actionExportCsv->setEnabled(available);
    m_ui->actionExportCsv->setStatusTip(available ? QString()
                                                  : tr("No tick history is kept (--in-memory)"));
}

void MainWindow::showExportResult(const QString &path, qint64 ticks, const QString &error)
{
    if (error.isEmpty())
        statusBar()->showMessage(tr("Exported %n tick(s) to %1", nullptr, int(ticks)).arg(path));
    else
        statusBar()->showMessage(tr("Could not export to %1: %2").arg(path, error));
}

void MainWindow::setPublisherStatus(const PublisherStatus &status)
{
    QString text = status.connected ? tr("nchan: relaying")
                                    : tr("nchan: not reachable (%1)").arg(status.lastError);
    if (status.queued > 0)
        text += u' ' + tr("· %n waiting", nullptr, status.queued);
    if (status.dropped > 0)
        text += u' ' + tr("· %n dropped", nullptr, int(qMin<quint64>(status.dropped, INT_MAX)));
    m_publisherLabel->setText(text);
    m_publisherLabel->show();
}

void MainWindow::showReplayRefused(const QStringList &sources, bool loop, const QString &error,
                                   const QString &fileWithoutSymbol)
{
    m_replayActions->showRefusal(sources, loop, error, fileWithoutSymbol);
}

void MainWindow::setClientCount(int count)
{
    m_clientsLabel->setText(tr("%n browser(s) connected", nullptr, count));
}

PriceCard *MainWindow::addCard(const QString &symbol)
{
    auto *card = new PriceCard(symbol, this);
    m_cards.insert(symbol, card);
    connect(card, &PriceCard::setPriceRequested, this,
            [this, symbol] { openDialog(new PriceDialog(m_market, symbol, this)); });
    connect(card, &PriceCard::removeRequested, this, &MainWindow::removeSymbol);
    card->setReplaying(m_replaying);
    m_navigator->watch(card);
    return card;
}

void MainWindow::showSymbols(const QStringList &symbols)
{
    if (symbols == m_symbols)
        return;
    // A focused card that goes hands the focus to the card then in its place, else to the new
    // last, as on the page; hide() would pass it along the Tab chain, past the last card to the
    // phone panel.
    auto *focused = qobject_cast<PriceCard *>(focusWidget());
    const qsizetype focusAt
        = focused && !symbols.contains(focused->symbol()) ? placedCards().indexOf(focused) : -1;
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (symbols.contains(it.key())) {
            ++it;
            continue;
        }
        // Deleted once back in the event loop: the removal may come from within its own events.
        m_ui->cardsLayout->removeWidget(*it);
        (*it)->hide();
        (*it)->deleteLater();
        it = m_cards.erase(it);
    }
    // A new symbol's first tick came before the status that names it.
    for (const Quote &quote : m_market->quotes()) {
        if (symbols.contains(quote.symbol) && !m_cards.contains(quote.symbol))
            addCard(quote.symbol)->setQuote(quote);
    }
    placeCards(symbols);
    const QList<PriceCard *> placed = placedCards();
    if (focusAt >= 0 && !placed.isEmpty()) {
        PriceCard *heir = placed.at(qMin(focusAt, placed.size() - 1));
        heir->setFocus(Qt::OtherFocusReason);
        m_ui->cardsScrollArea->ensureWidgetVisible(heir);
    }
}

QList<PriceCard *> MainWindow::placedCards() const
{
    QList<PriceCard *> placed;
    for (const QString &symbol : m_symbols) {
        if (PriceCard *card = m_cards.value(symbol))
            placed.append(card);
    }
    return placed;
}

void MainWindow::placeCards(const QStringList &symbols)
{
    constexpr int columns = 4;
    for (PriceCard *card : std::as_const(m_cards))
        m_ui->cardsLayout->removeWidget(card);
    // Tab goes through the cards in the grid's order, between the controls and the phone panel.
    QWidget *previous = m_ui->intervalSpinBox;
    int placed = 0;
    for (const QString &symbol : symbols) {
        PriceCard *card = m_cards.value(symbol);
        if (!card)
            continue;
        m_ui->cardsLayout->addWidget(card, placed / columns, placed % columns);
        ++placed;
        setTabOrder(previous, card);
        previous = card;
    }
    m_symbols = symbols;
}

void MainWindow::focusCards()
{
    for (const QString &symbol : std::as_const(m_symbols)) {
        if (PriceCard *card = m_cards.value(symbol)) {
            card->setFocus(Qt::ShortcutFocusReason);
            m_ui->cardsScrollArea->ensureWidgetVisible(card);
            return;
        }
    }
}

void MainWindow::removeSymbol(const QString &symbol)
{
    QString error;
    if (m_market->removeSymbol(symbol, &error))
        return;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Remove %1").arg(symbol), error,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("removeRefusedBox"));
    openDialog(box);
}

void MainWindow::openDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_preferences->setWindowGeometry(saveGeometry());
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Tab and Shift+Tab land on the link's label, which shows no focus, and only the next one on
    // its link (QLabel's way): a Tab passed on selects its one link at once (Enter opens it), and
    // Shift+Tab from there leaves it, as Tab does.
    if (watched == m_ui->urlLabel && event->type() == QEvent::FocusIn) {
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason) {
            QKeyEvent tab(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier);
            QCoreApplication::sendEvent(m_ui->urlLabel, &tab);
        }
    } else if (watched == m_ui->urlLabel && event->type() == QEvent::KeyPress
               && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Backtab) {
        focusNextPrevChild(false);
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showFeedState(const FeedStatus &status)
{
    const bool running = status.running;
    m_ui->startStopButton->setText(running ? tr("Stop") : tr("Start"));
    m_ui->actionStartStop->setText(running ? tr("&Stop") : tr("&Start"));
    if (!status.isReplay()) {
        m_ui->feedStateLabel->setText(running ? tr("● live") : tr("❚❚ paused"));
        setWindowTitle(running ? tr("quotecast — live") : tr("quotecast — paused"));
        announceFeedState(running ? tr("Feed live") : tr("Feed paused"));
    } else {
        // ISO dates, as the page and the cards show them.
        const QString from = marketTimeText(status.replayFromMs);
        const QString to = marketTimeText(status.replayToMs);
        const QString dates = from == to ? from : tr("%1 – %2").arg(from, to);
        m_ui->feedStateLabel->setText(running ? tr("▶ replay") : tr("❚❚ paused"));
        setWindowTitle(running ? tr("quotecast — replay of %1, playing").arg(dates)
                               : tr("quotecast — replay of %1, paused").arg(dates));
        announceFeedState(running ? tr("Replaying recorded prices") : tr("Replay paused"));
    }

    // The recorded prices are the market's: it would refuse these changes.
    if (status.isReplay() == m_replaying)
        return;
    m_replaying = status.isReplay();
    const QString why = m_replaying
        ? tr("Not while replaying recorded prices: File → Back to Simulated Prices first")
        : QString();
    for (QAction *action : { m_ui->actionAddSymbol, m_ui->actionShock }) {
        action->setEnabled(!m_replaying);
        action->setStatusTip(why);
    }
    for (PriceCard *card : std::as_const(m_cards))
        card->setReplaying(m_replaying);
}

void MainWindow::announceFeedState(const QString &spoken)
{
    QLabel *label = m_ui->feedStateLabel;
    const QString before = label->accessibleName();
    if (spoken == before)
        return; // a status that changed the symbols or the interval, not the state
    // The label's ● and ❚❚ are for the eye; a reader says the words (and Qt tells it the new name).
    label->setAccessibleName(spoken);
    if (before.isEmpty())
        return; // the window's first state: nothing changed
    // Qt 6.4 has no announcement for assistive technology (QAccessibleAnnouncementEvent is 6.8's):
    // an alert on the label is the nearest. AT-SPI (Orca) ignores it and gets the name change;
    // on Windows Qt plays the system's alert sound for it, whether a reader runs or not, so it
    // goes only to an active one (or the tests' observer), not at each Start and Stop of
    // everyone. The title says the state too, which readers read on demand.
    if (!AccessibleNotifier::isListening())
        return;
    QAccessibleEvent alert(label, QAccessible::Alert);
    AccessibleNotifier::notify(&alert);
}

} // namespace quotecast
