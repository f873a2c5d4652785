#pragma once

#include <QHash>
#include <QMainWindow>
#include <QUrl>

#include <memory>

class QLabel;

namespace Ui {
class MainWindow;
}

namespace quotecast {

class PriceCard;
class StockModel;

// The dashboard: one PriceCard per symbol, feed controls bound to the model, and a
// status bar with the server's LAN URL and the number of connected browsers.
// Presentation only: it reacts to the model's signals and calls its slots.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(StockModel *model, QWidget *parent = nullptr);
    ~MainWindow() override;

    PriceCard *card(const QString &symbol) const { return m_cards.value(symbol); }

public slots:
    void setServerUrl(const QUrl &url);
    void setClientCount(int count);

private:
    void showRunning(bool running);

    std::unique_ptr<Ui::MainWindow> m_ui;
    StockModel *const m_model;
    QHash<QString, PriceCard *> m_cards;
    QLabel *m_urlLabel;
    QLabel *m_clientsLabel;
};

} // namespace quotecast
