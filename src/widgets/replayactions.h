#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QWidget;

namespace quotecast {

class MarketSimulator;

// The window's File → Replay Prices…, Replay Prices in a Loop… and Back to Simulated Prices:
// the person picks CSV files (a window-modal QFileDialog), and the window asks for them to be
// replayed (`requested`); whoever opens files (the dashboard's wiring, FeedPipeline) answers a
// refusal with showRefusal(). A file whose name gives no symbol is asked for its symbol, then
// tried again as `SYMBOL=path`; any other refusal, and a replay that fails while it plays, is
// shown in a message box. Back to Simulated Prices is on only while the market replays.
// Presentation only: it opens no file and does not link the replay reader.
class ReplayActions : public QObject
{
    Q_OBJECT

public:
    // The actions are the window's (its File menu); `window` parents the dialogs.
    ReplayActions(MarketSimulator *market, QWidget *window, QAction *replay, QAction *replayLoop,
                  QAction *simulated);

    // `sources` (as `requested` gave them) cannot be replayed: `error` says why (the file, the
    // line, what is wrong). `fileWithoutSymbol`, one of `sources` when that is the reason, is
    // asked for its symbol and the replay requested again; otherwise the error is shown.
    void showRefusal(const QStringList &sources, bool loop, const QString &error,
                     const QString &fileWithoutSymbol);

signals:
    // The person asked to replay `sources` (paths, or `SYMBOL=path`), with `loop` to start
    // again at the end.
    void requested(const QStringList &sources, bool loop);

private:
    void chooseFiles(bool loop);
    void askSymbol(const QStringList &sources, bool loop, const QString &file);
    void showError(const QString &objectName, const QString &text, const QString &error);

    QWidget *const m_window;
    QString m_folder; // where the last files were picked
};

} // namespace quotecast
