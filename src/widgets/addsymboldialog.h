#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AddSymbolDialog;
}

namespace quotecast {

class MarketSimulator;

// Asks for a new symbol (typed in upper case) and its opening price, and adds it to the market
// on OK. When the market refuses (a bad name, a symbol it has, a full market), its sentence is
// shown in the dialog, which stays open so that the person can correct it.
class AddSymbolDialog : public QDialog
{
    Q_OBJECT

public:
    // `market` must outlive the dialog.
    explicit AddSymbolDialog(MarketSimulator *market, QWidget *parent = nullptr);
    ~AddSymbolDialog() override;

public slots:
    void accept() override;

private:
    std::unique_ptr<Ui::AddSymbolDialog> m_ui;
    MarketSimulator *const m_market;
};

} // namespace quotecast
