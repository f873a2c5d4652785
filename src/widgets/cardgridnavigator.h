#pragma once

#include <QObject>

class QGridLayout;
class QScrollArea;
class QWidget;

namespace quotecast {

// The arrow keys between the widgets of a grid, as in a spreadsheet or a file manager's icon
// view: Left and Right go to the previous and next widget in the grid's order (row by row,
// across the ends of rows), Up and Down to the one above and below (Down on the row before a
// short last row goes to the last widget), Home and End to the first and last. Nothing wraps
// around: at the first widget Left stays. The widget reached gets the focus and is scrolled
// into view. Tab and Shift+Tab are the focus chain's (the window sets it in the grid's order).
class CardGridNavigator : public QObject
{
    Q_OBJECT

public:
    // `grid` and `scrollArea` (which shows it; may be null) must outlive the navigator.
    CardGridNavigator(QGridLayout *grid, QScrollArea *scrollArea, QObject *parent = nullptr);

    // Moves from `widget` (in the grid) on those keys; watching a widget twice is harmless.
    void watch(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The widget `key` leads to from the one at `row`, `column`; null to stay.
    QWidget *target(int row, int column, int key) const;
    QList<QWidget *> widgetsInOrder() const;

    QGridLayout *const m_grid;
    QScrollArea *const m_scrollArea;
};

} // namespace quotecast
