#include <widgets/pricedialog.h>

#include "ui_pricedialog.h"
#include <feed/marketsimulator.h>

namespace quotecast {

PriceDialog::PriceDialog(MarketSimulator *market, const QString &symbol, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PriceDialog>())
    , m_market(market)
    , m_symbol(symbol)
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Set Price of %1").arg(symbol));
    m_ui->explanationLabel->setText(
        tr("The next tick of %1 is this price, with its change from the last one.").arg(symbol));
    m_ui->errorLabel->hide();
    for (const Quote &quote : market->quotes()) {
        if (quote.symbol == symbol)
            m_ui->priceSpinBox->setCents(quote.priceCents);
    }
    m_ui->priceSpinBox->selectAll();
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PriceDialog::accept);
}

PriceDialog::~PriceDialog() = default;

void PriceDialog::accept()
{
    QString error;
    if (!m_market->setPrice(m_symbol, m_ui->priceSpinBox->cents(), &error)) {
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}

} // namespace quotecast
