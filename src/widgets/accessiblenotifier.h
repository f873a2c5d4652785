#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariant>

class QAccessibleEvent;
class QWidget;

namespace quotecast {

// Tells assistive technology (a screen reader: Orca over AT-SPI, NVDA, VoiceOver) that a
// widget's accessible name, description or value changed, at most once per interval: a card
// that ticks ten times a second would otherwise have a reader speak nothing but prices. The
// first change after a quiet interval is told at once, later ones once the interval is over,
// with the latest text only; what did not change since it was last told is not told again.
// Qt's offscreen platform never turns accessibility on (QAccessible::isActive() stays false, so
// QAccessible::installUpdateHandler sees nothing): an observer (setObserver) sees each event
// sent through notify() whether or not an assistive technology listens.
class AccessibleNotifier : public QObject
{
    Q_OBJECT

public:
    // One second: the (19) "at most once a second per card".
    static constexpr int DefaultIntervalMs = 1000;

    // `widget` owns the notifier; `intervalMs` >= 0 (0: every change is told at once).
    explicit AccessibleNotifier(QWidget *widget, int intervalMs = DefaultIntervalMs);

    // The widget's accessible text or value changed (as its QAccessibleInterface now says).
    void textChanged();

    // Sends `event` to assistive technology and to the observer, if any.
    static void notify(QAccessibleEvent *event);
    // Whether anything listens: an active assistive technology (QAccessible::isActive()) or an
    // observer.
    static bool isListening();
    using Observer = void (*)(QAccessibleEvent *event);
    // Sees every event of notify(), until replaced (nullptr: none); returns the previous one.
    static Observer setObserver(Observer observer);

private:
    void tell();

    QWidget *const m_widget;
    const int m_intervalMs;
    QElapsedTimer m_sinceTold; // since the last tell ended; invalid until first told
    QTimer m_pending; // precise: a coarse timer may end up to 5 % early
    QString m_toldName;
    QString m_toldDescription;
    QVariant m_toldValue;
};

} // namespace quotecast
