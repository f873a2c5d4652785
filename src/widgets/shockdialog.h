#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class ShockDialog;
}

namespace quotecast {

class MarketSimulator;

// Scripts a shock for a demonstration: all symbols or one, a total move in percent
// (Shock::MinPercent..MaxPercent, by default a crash of −10 %) over a number of ticks
// (1..Shock::MaxTicks, by default 20), started on OK. The market's refusal (the symbol went
// meanwhile) is shown in the dialog, which stays open.
class ShockDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr double DefaultPercent = -10;
    static constexpr int DefaultTicks = 20;

    // `market` must outlive the dialog.
    explicit ShockDialog(MarketSimulator *market, QWidget *parent = nullptr);
    ~ShockDialog() override;

public slots:
    void accept() override;

private:
    std::unique_ptr<Ui::ShockDialog> m_ui;
    MarketSimulator *const m_market;
};

} // namespace quotecast
