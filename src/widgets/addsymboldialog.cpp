#include <widgets/addsymboldialog.h>

#include "ui_addsymboldialog.h"
#include <feed/marketsimulator.h>

#include <QPushButton>

namespace quotecast {

AddSymbolDialog::AddSymbolDialog(MarketSimulator *market, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddSymbolDialog>())
    , m_market(market)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();

    // Symbols are upper case: typing "nvda" is no mistake.
    connect(m_ui->symbolEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        const int cursor = m_ui->symbolEdit->cursorPosition();
        m_ui->symbolEdit->setText(text.toUpper());
        m_ui->symbolEdit->setCursorPosition(cursor);
    });
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_ui->symbolEdit, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AddSymbolDialog::accept);
}

AddSymbolDialog::~AddSymbolDialog() = default;

void AddSymbolDialog::accept()
{
    QString error;
    if (!m_market->addSymbol(m_ui->symbolEdit->text(), m_ui->priceSpinBox->cents(), &error)) {
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->show();
        m_ui->symbolEdit->setFocus();
        m_ui->symbolEdit->selectAll();
        return;
    }
    QDialog::accept();
}

} // namespace quotecast
