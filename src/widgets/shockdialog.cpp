#include <widgets/shockdialog.h>

#include "ui_shockdialog.h"
#include <feed/marketsimulator.h>

namespace quotecast {

ShockDialog::ShockDialog(MarketSimulator *market, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ShockDialog>())
    , m_market(market)
{
    m_ui->setupUi(this);
    m_ui->errorLabel->hide();
    // The item's data is the Shock's symbol: empty for all of them.
    m_ui->symbolCombo->addItem(tr("All symbols"), QString());
    for (const QString &symbol : market->symbols())
        m_ui->symbolCombo->addItem(symbol, symbol);
    m_ui->percentSpinBox->setRange(Shock::MinPercent, Shock::MaxPercent);
    m_ui->percentSpinBox->setValue(DefaultPercent);
    m_ui->ticksSpinBox->setRange(1, Shock::MaxTicks);
    m_ui->ticksSpinBox->setValue(DefaultTicks);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ShockDialog::accept);
}

ShockDialog::~ShockDialog() = default;

void ShockDialog::accept()
{
    const Shock shock { m_ui->symbolCombo->currentData().toString(), m_ui->percentSpinBox->value(),
                        m_ui->ticksSpinBox->value() };
    QString error;
    if (!m_market->startShock(shock, &error)) {
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}

} // namespace quotecast
