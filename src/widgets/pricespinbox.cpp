#include <widgets/pricespinbox.h>

#include <feed/symbol.h>

namespace quotecast {

PriceSpinBox::PriceSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setDecimals(2);
    setRange(0.01, double(symbol::MaxGivenPriceCents) / 100.0);
    setSingleStep(1.0);
    setAccelerated(true);
    setCents(100'00);
}

qint64 PriceSpinBox::cents() const
{
    return qRound64(value() * 100.0);
}

void PriceSpinBox::setCents(qint64 cents)
{
    setValue(double(cents) / 100.0);
}

} // namespace quotecast
