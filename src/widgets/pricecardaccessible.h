#pragma once

#include <QAccessibleWidget>

namespace quotecast {

class PriceCard;

// What assistive technology gets of a PriceCard: one focusable group whose name reads the
// symbol, the price and its move ("AAPL, 174.31 dollars, up 0.75, 0.43 percent"), whose
// description gives the day's open, high and low (and a replayed price's date), and whose
// value is the price in dollars between the day's low and high. Its labels and sparkline only
// draw what the name says, so it has no children: a reader hears each card once. Its actions
// focus it and open its menu (Set Price, Remove). install() makes Qt use it for every card.
class PriceCardAccessible : public QAccessibleWidget, public QAccessibleValueInterface
{
public:
    explicit PriceCardAccessible(PriceCard *card);

    // Registers the factory with QAccessible, once however often it is called.
    static void install();

    void *interface_cast(QAccessible::InterfaceType type) override;
    QString text(QAccessible::Text type) const override;
    int childCount() const override { return 0; }
    QAccessibleInterface *child(int) const override { return nullptr; }
    int indexOfChild(const QAccessibleInterface *) const override { return -1; }
    QAccessibleInterface *childAt(int, int) const override { return nullptr; }

    QStringList actionNames() const override;
    void doAction(const QString &actionName) override;

    // The price in dollars (a double: assistive technology's values are numbers); the day's low
    // and high bound it. Read-only: setCurrentValue does nothing.
    QVariant currentValue() const override;
    void setCurrentValue(const QVariant &) override { }
    QVariant maximumValue() const override;
    QVariant minimumValue() const override;
    QVariant minimumStepSize() const override;

private:
    PriceCard *card() const;
};

} // namespace quotecast
