#pragma once

#include <feed/pricemodel.h>

#include <QDialog>

#include <memory>

namespace Ui {
class PriceModelDialog;
}

namespace quotecast {

class MarketSimulator;

// Chooses how the market's ticks move prices: uniform or geometric Brownian motion, with the
// volatility (and gbm's drift) in percent per tick, within PriceModel's ranges. It starts from
// the market's model; switching between the two keeps what was typed for each. OK sets the model.
class PriceModelDialog : public QDialog
{
    Q_OBJECT

public:
    // `market` must outlive the dialog.
    explicit PriceModelDialog(MarketSimulator *market, QWidget *parent = nullptr);
    ~PriceModelDialog() override;

    // The model as the dialog shows it.
    PriceModel model() const;

public slots:
    void accept() override;

private:
    // The model of `kind` with the parameters as typed.
    PriceModel typed(PriceModel::Kind kind) const;
    void showModel(const PriceModel &model);

    std::unique_ptr<Ui::PriceModelDialog> m_ui;
    MarketSimulator *const m_market;
    // The parameters of the model not shown, kept while the other one is.
    PriceModel m_other;
};

} // namespace quotecast
