#pragma once

#include <feed/feedstatus.h>
#include <feed/quote.h>
#include <relay/publisherstatus.h>

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QUrl>

#include <memory>

class QDialog;
class QLabel;

namespace Ui {
class MainWindow;
}

namespace quotecast {

class CardGridNavigator;
class PriceCard;
class MarketSimulator;
class Preferences;
class ReplayActions;

// The dashboard: one PriceCard per symbol, following the market's symbol list, feed controls
// bound to the market (buttons, menus and shortcuts; dialogs to add a symbol, set a price,
// choose the price model and start a shock; a card's menu to remove its symbol), the File menu's
// replay of recorded prices (ReplayActions: while it plays, the title says of which dates, the
// cards show each price's date, and the controls that change the market are off), a panel with
// a QR code of the server's URL for phones, and a status bar with the number of connected
// browsers and whether a shock is under way.
// For the keyboard and screen readers (issue 19): Tab goes through the controls, the cards and
// the phone panel in the layout's order, the arrow keys between the cards (CardGridNavigator),
// Feed → Go to Prices (Ctrl+G) to the cards; each change of the feed's state (live, paused, a
// replay playing or paused) is told to assistive technology once, in words.
// Presentation only: it reacts to the market's signals and calls its slots. It
// remembers its geometry and the chosen address in Preferences.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `recentTicks`, oldest first, fill the cards' sparklines when the feed resumes a history.
    // `preferences` must outlive the window; without, it uses the application's settings.
    explicit MainWindow(MarketSimulator *market, const QList<Quote> &recentTicks = {},
                        Preferences *preferences = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    PriceCard *card(const QString &symbol) const { return m_cards.value(symbol); }
    // The page's URL as shown: in the QR code, the link and what Copy URL copies.
    QUrl serverUrl() const;

public slots:
    // Where phones and browsers can reach the server, one URL per LAN address. With
    // several, the user picks one; the last one picked is shown first next time.
    void setServerUrls(const QList<QUrl> &urls);
    void setClientCount(int count);
    void copyServerUrl();
    // Whether a tick history is kept, and so can be exported.
    void setHistoryAvailable(bool available);
    void showExportResult(const QString &path, qint64 ticks, const QString &error);
    // With --publish: how relaying the feed to nchan goes.
    void setPublisherStatus(const quotecast::PublisherStatus &status);
    // The files of replayRequested cannot be replayed: ReplayActions::showRefusal.
    void showReplayRefused(const QStringList &sources, bool loop, const QString &error,
                           const QString &fileWithoutSymbol);

signals:
    // The user chose where to export the tick history as CSV.
    void exportRequested(const QString &path);
    // The user asked to replay `sources` (paths, or SYMBOL=path) instead of simulated prices,
    // with `loop` to start again at the end. The window opens no file: whoever does answers a
    // refusal with showReplayRefused().
    void replayRequested(const QStringList &sources, bool loop);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The title, the feed's state and what may be changed: running or not, replaying or not.
    void showFeedState(const quotecast::FeedStatus &status);
    // `spoken` is the state in words for assistive technology: told when it changes.
    void announceFeedState(const QString &spoken);
    void focusCards();
    void showServerUrl();
    PriceCard *addCard(const QString &symbol);
    // Cards for `symbols`, in that order: those of other symbols go, new ones show their quote.
    void showSymbols(const QStringList &symbols);
    void placeCards(const QStringList &symbols);
    // The cards in the grid's order.
    QList<PriceCard *> placedCards() const;
    void removeSymbol(const QString &symbol);
    // Window-modal, deleted once closed.
    void openDialog(QDialog *dialog);

    std::unique_ptr<Ui::MainWindow> m_ui;
    MarketSimulator *const m_market;
    std::unique_ptr<Preferences> m_ownPreferences; // unless given some
    Preferences *const m_preferences;
    QHash<QString, PriceCard *> m_cards;
    QStringList m_symbols; // the cards' order
    ReplayActions *m_replayActions;
    CardGridNavigator *m_navigator;
    bool m_replaying = false;
    QLabel *m_shockLabel;
    QLabel *m_clientsLabel;
    QLabel *m_publisherLabel;
};

} // namespace quotecast
