#include <widgets/cardgridnavigator.h>

#include <QGridLayout>
#include <QKeyEvent>
#include <QScrollArea>

namespace quotecast {

CardGridNavigator::CardGridNavigator(QGridLayout *grid, QScrollArea *scrollArea, QObject *parent)
    : QObject(parent)
    , m_grid(grid)
    , m_scrollArea(scrollArea)
{ }

void CardGridNavigator::watch(QWidget *widget)
{
    widget->removeEventFilter(this);
    widget->installEventFilter(this);
}

QList<QWidget *> CardGridNavigator::widgetsInOrder() const
{
    QList<QWidget *> widgets;
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        for (int column = 0; column < m_grid->columnCount(); ++column) {
            if (const QLayoutItem *item = m_grid->itemAtPosition(row, column);
                item && item->widget())
                widgets.append(item->widget());
        }
    }
    return widgets;
}

QWidget *CardGridNavigator::target(int row, int column, int key) const
{
    const auto at = [this](int r, int c) -> QWidget * {
        const QLayoutItem *item = m_grid->itemAtPosition(r, c);
        return item ? item->widget() : nullptr;
    };
    const QList<QWidget *> widgets = widgetsInOrder();
    const qsizetype index = widgets.indexOf(at(row, column));
    switch (key) {
    case Qt::Key_Left:
        return index > 0 ? widgets.at(index - 1) : nullptr;
    case Qt::Key_Right:
        return index + 1 < widgets.size() ? widgets.at(index + 1) : nullptr;
    case Qt::Key_Up:
        return row > 0 ? at(row - 1, column) : nullptr;
    case Qt::Key_Down: {
        if (QWidget *below = at(row + 1, column))
            return below;
        // A short last row: its last widget, if it is below this one's row.
        QWidget *last = widgets.isEmpty() ? nullptr : widgets.constLast();
        int lastRow = 0, lastColumn = 0, rowSpan = 0, columnSpan = 0;
        if (last)
            m_grid->getItemPosition(m_grid->indexOf(last), &lastRow, &lastColumn, &rowSpan,
                                    &columnSpan);
        return last && lastRow > row ? last : nullptr;
    }
    case Qt::Key_Home:
        return widgets.isEmpty() ? nullptr : widgets.constFirst();
    case Qt::Key_End:
        return widgets.isEmpty() ? nullptr : widgets.constLast();
    default:
        return nullptr;
    }
}

bool CardGridNavigator::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto *keyEvent = static_cast<QKeyEvent *>(event);
    const int key = keyEvent->key();
    const bool ours = key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up
        || key == Qt::Key_Down || key == Qt::Key_Home || key == Qt::Key_End;
    // Ctrl+Up and Ctrl+Down are the window's (faster, slower); the keypad's arrows are arrows.
    if (!ours || (keyEvent->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return QObject::eventFilter(watched, event);
    auto *widget = qobject_cast<QWidget *>(watched);
    const int index = widget ? m_grid->indexOf(widget) : -1;
    if (index < 0)
        return QObject::eventFilter(watched, event);
    int row = 0, column = 0, rowSpan = 0, columnSpan = 0;
    m_grid->getItemPosition(index, &row, &column, &rowSpan, &columnSpan);
    if (QWidget *next = target(row, column, key)) {
        next->setFocus(Qt::OtherFocusReason);
        if (m_scrollArea)
            m_scrollArea->ensureWidgetVisible(next);
    }
    return true; // at an edge the key does nothing, rather than scroll the area under the card
}

} // namespace quotecast
