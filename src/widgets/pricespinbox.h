#pragma once

#include <QDoubleSpinBox>

namespace quotecast {

// A price a person gives (a new symbol's opening price, a price to set): in the locale's format
// with two decimals, from 0.01 to symbol::MaxGivenPriceCents (1,000,000.00), the market's limits.
class PriceSpinBox : public QDoubleSpinBox
{
    Q_OBJECT

public:
    explicit PriceSpinBox(QWidget *parent = nullptr);

    qint64 cents() const;
    // Clamped to the range above.
    void setCents(qint64 cents);
};

} // namespace quotecast
