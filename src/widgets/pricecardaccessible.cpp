#include <widgets/pricecardaccessible.h>

#include <widgets/pricecard.h>

#include <QContextMenuEvent>
#include <QCoreApplication>

namespace quotecast {

namespace {
QAccessibleInterface *createForCard(const QString &className, QObject *object)
{
    if (className == QLatin1String(PriceCard::staticMetaObject.className()))
        return new PriceCardAccessible(static_cast<PriceCard *>(object));
    return nullptr;
}

QVariant dollars(qint64 cents)
{
    return double(cents) / 100.0;
}
} // namespace

PriceCardAccessible::PriceCardAccessible(PriceCard *card)
    : QAccessibleWidget(card, QAccessible::Grouping)
{ }

void PriceCardAccessible::install()
{
    static const bool installed = [] {
        QAccessible::installFactory(createForCard);
        return true;
    }();
    Q_UNUSED(installed)
}

PriceCard *PriceCardAccessible::card() const
{
    return static_cast<PriceCard *>(widget());
}

void *PriceCardAccessible::interface_cast(QAccessible::InterfaceType type)
{
    if (type == QAccessible::ValueInterface)
        return static_cast<QAccessibleValueInterface *>(this);
    return QAccessibleWidget::interface_cast(type);
}

QString PriceCardAccessible::text(QAccessible::Text type) const
{
    switch (type) {
    case QAccessible::Name:
        return card()->accessibleSummary();
    case QAccessible::Description:
        return card()->accessibleDetails();
    case QAccessible::Value:
        return card()->priceText();
    default:
        return QAccessibleWidget::text(type);
    }
}

QStringList PriceCardAccessible::actionNames() const
{
    QStringList names = QAccessibleWidget::actionNames();
    names.append(showMenuAction());
    return names;
}

void PriceCardAccessible::doAction(const QString &actionName)
{
    if (actionName != showMenuAction()) {
        QAccessibleWidget::doAction(actionName);
        return;
    }
    // As the Menu key does: the menu at the card's centre.
    const QPoint centre = card()->rect().center();
    QContextMenuEvent event(QContextMenuEvent::Keyboard, centre, card()->mapToGlobal(centre));
    QCoreApplication::sendEvent(card(), &event);
}

QVariant PriceCardAccessible::currentValue() const
{
    return card()->hasPrice() ? dollars(card()->priceCents()) : QVariant();
}

QVariant PriceCardAccessible::maximumValue() const
{
    return card()->hasPrice() ? dollars(card()->highCents()) : QVariant();
}

QVariant PriceCardAccessible::minimumValue() const
{
    return card()->hasPrice() ? dollars(card()->lowCents()) : QVariant();
}

QVariant PriceCardAccessible::minimumStepSize() const
{
    constexpr qint64 OneCent = 1; // the smallest move of a price
    return dollars(OneCent);
}

} // namespace quotecast
