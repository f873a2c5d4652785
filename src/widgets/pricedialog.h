#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class PriceDialog;
}

namespace quotecast {

class MarketSimulator;

// Asks for a symbol's next price, starting from its current one, and sets it on OK: the market
// ticks the symbol at that price at once. The market's refusal (the symbol went meanwhile) is
// shown in the dialog, which stays open.
class PriceDialog : public QDialog
{
    Q_OBJECT

public:
    // `market` must outlive the dialog.
    PriceDialog(MarketSimulator *market, const QString &symbol, QWidget *parent = nullptr);
    ~PriceDialog() override;

public slots:
    void accept() override;

private:
    std::unique_ptr<Ui::PriceDialog> m_ui;
    MarketSimulator *const m_market;
    const QString m_symbol;
};

} // namespace quotecast
