#include <widgets/replayactions.h>

#include <feed/marketsimulator.h>

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QStandardPaths>

namespace quotecast {

ReplayActions::ReplayActions(MarketSimulator *market, QWidget *window, QAction *replay,
                             QAction *replayLoop, QAction *simulated)
    : QObject(window)
    , m_window(window)
    , m_folder(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
{
    connect(replay, &QAction::triggered, this, [this] { chooseFiles(false); });
    connect(replayLoop, &QAction::triggered, this, [this] { chooseFiles(true); });
    connect(simulated, &QAction::triggered, market, &MarketSimulator::stopReplay);
    simulated->setEnabled(market->isReplaying());
    connect(market, &MarketSimulator::statusChanged, simulated,
            [simulated](const FeedStatus &status) { simulated->setEnabled(status.isReplay()); });
    connect(market, &MarketSimulator::replayFailed, this, [this](const QString &error) {
        showError(QStringLiteral("replayFailedBox"),
                  tr("The replay stopped: a file changed or cannot be read any more."), error);
    });
}

void ReplayActions::chooseFiles(bool loop)
{
    auto *dialog
        = new QFileDialog(m_window, loop ? tr("Replay Prices in a Loop") : tr("Replay Prices"),
                          m_folder, tr("CSV files (*.csv *.txt)"));
    dialog->setObjectName(QStringLiteral("replayFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Once it is closed, so that a refusal's message is not behind it.
    connect(dialog, &QDialog::accepted, this, [this, dialog, loop] {
        const QStringList files = dialog->selectedFiles();
        if (files.isEmpty())
            return;
        m_folder = QFileInfo(files.constFirst()).absolutePath();
        emit requested(files, loop);
    });
    dialog->open();
}

void ReplayActions::showRefusal(const QStringList &sources, bool loop, const QString &error,
                                const QString &fileWithoutSymbol)
{
    if (!fileWithoutSymbol.isEmpty() && sources.contains(fileWithoutSymbol))
        askSymbol(sources, loop, fileWithoutSymbol);
    else
        showError(QStringLiteral("replayRefusedBox"),
                  tr("These prices cannot be replayed; the market goes on as it was."), error);
}

// The reader would ask for SYMBOL=path, which a person in a file dialog cannot type.
void ReplayActions::askSymbol(const QStringList &sources, bool loop, const QString &file)
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("replaySymbolDialog"));
    dialog->setWindowTitle(tr("Symbol of %1").arg(QFileInfo(file).fileName()));
    dialog->setLabelText(tr("The name of %1 does not start with a symbol.\n"
                            "Which symbol are its prices of?")
                             .arg(QFileInfo(file).fileName()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, sources, loop, file](const QString &symbol) {
                QStringList named = sources;
                named.replace(named.indexOf(file), symbol.trimmed().toUpper() + u'=' + file);
                emit requested(named, loop);
            });
    dialog->open();
}

void ReplayActions::showError(const QString &objectName, const QString &text, const QString &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Replay Prices"), text, QMessageBox::Ok,
                                m_window);
    box->setObjectName(objectName);
    box->setInformativeText(error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace quotecast
