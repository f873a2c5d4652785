#include <widgets/accessiblenotifier.h>

#include <QAccessible>
#include <QScopeGuard>
#include <QWidget>

namespace quotecast {

namespace {
AccessibleNotifier::Observer observer = nullptr;
} // namespace

AccessibleNotifier::AccessibleNotifier(QWidget *widget, int intervalMs)
    : QObject(widget)
    , m_widget(widget)
    , m_intervalMs(qMax(0, intervalMs))
{
    m_pending.setSingleShot(true);
    // A coarse timer (Qt's default) may fire up to 5 % early: two tells 959 ms apart were seen.
    m_pending.setTimerType(Qt::PreciseTimer);
    connect(&m_pending, &QTimer::timeout, this, &AccessibleNotifier::tell);
}

void AccessibleNotifier::textChanged()
{
    if (m_pending.isActive() || !isListening())
        return; // the latest text goes at the interval's end; or nobody would hear it
    const qint64 since = m_sinceTold.isValid() ? m_sinceTold.elapsed() : m_intervalMs;
    if (since >= m_intervalMs)
        tell();
    else
        m_pending.start(int(m_intervalMs - since));
}

void AccessibleNotifier::tell()
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(m_widget);
    if (!iface)
        return;
    // The interval counts from the end of this tell, so that the next one starts at least an
    // interval after the last event of this one has gone out.
    const auto restart = qScopeGuard([this] { m_sinceTold.start(); });
    const QString name = iface->text(QAccessible::Name);
    if (name != m_toldName) {
        m_toldName = name;
        QAccessibleEvent event(m_widget, QAccessible::NameChanged);
        notify(&event);
    }
    const QString description = iface->text(QAccessible::Description);
    if (description != m_toldDescription) {
        m_toldDescription = description;
        QAccessibleEvent event(m_widget, QAccessible::DescriptionChanged);
        notify(&event);
    }
    if (const QAccessibleValueInterface *value = iface->valueInterface()) {
        const QVariant current = value->currentValue();
        if (current != m_toldValue) {
            m_toldValue = current;
            QAccessibleValueChangeEvent event(m_widget, current);
            notify(&event);
        }
    }
}

void AccessibleNotifier::notify(QAccessibleEvent *event)
{
    if (observer)
        observer(event);
    QAccessible::updateAccessibility(event);
}

bool AccessibleNotifier::isListening()
{
    return observer || QAccessible::isActive();
}

AccessibleNotifier::Observer AccessibleNotifier::setObserver(Observer newObserver)
{
    const Observer previous = observer;
    observer = newObserver;
    return previous;
}

} // namespace quotecast
