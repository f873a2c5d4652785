#pragma once

#include <QAbstractSpinBox>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLocale>
#include <QPushButton>
#include <QTest>

// Driving the window's dialogs as a person would, for the dashboard's tests (tst_dashboardmarket,
// tst_dashboardmodel): the window opens them window-modal, so the one an action opened is the
// application's active modal widget.
namespace dashboarddialogs {

// The dialog of type `Dialog` that an action opened; null when none is open.
template<typename Dialog> Dialog *opened()
{
    return qobject_cast<Dialog *>(QApplication::activeModalWidget());
}

inline void clickOk(QDialog *dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

// Replaces a spin box's text as a person types it, in the locale's format.
inline void typeValue(QAbstractSpinBox *spinBox, double value, int decimals)
{
    spinBox->selectAll();
    QTest::keyClicks(spinBox, QLocale().toString(value, 'f', decimals));
}

// A failed test may leave its dialog open; the next one must not find it (call in cleanup()).
inline void closeLeftovers()
{
    while (QWidget *dialog = QApplication::activeModalWidget())
        delete dialog;
}

} // namespace dashboarddialogs
