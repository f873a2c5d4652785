#include <widgets/pricemodeldialog.h>

#include "ui_pricemodeldialog.h"
#include <feed/marketsimulator.h>

namespace quotecast {

namespace {
// PriceModel counts in parts per million of the price, the dialog in percent.
constexpr double PpmPerPercent = 10'000;

double percent(int ppm)
{
    return ppm / PpmPerPercent;
}

int ppm(double percent)
{
    return qRound(percent * PpmPerPercent);
}
} // namespace

PriceModelDialog::PriceModelDialog(MarketSimulator *market, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PriceModelDialog>())
    , m_market(market)
{
    m_ui->setupUi(this);
    m_ui->volatilitySpinBox->setRange(percent(PriceModel::MinVolatilityPpm),
                                      percent(PriceModel::MaxVolatilityPpm));
    m_ui->driftSpinBox->setRange(-percent(PriceModel::MaxDriftPpm),
                                 percent(PriceModel::MaxDriftPpm));

    const PriceModel current = market->priceModel();
    m_other = current.kind == PriceModel::Kind::Gbm ? PriceModel::uniform() : PriceModel::gbm();
    showModel(current);
    connect(m_ui->gbmRadio, &QRadioButton::toggled, this, [this] {
        const PriceModel next = m_other;
        m_other = typed(next.kind == PriceModel::Kind::Gbm ? PriceModel::Kind::Uniform
                                                           : PriceModel::Kind::Gbm);
        showModel(next);
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PriceModelDialog::accept);
}

PriceModelDialog::~PriceModelDialog() = default;

PriceModel PriceModelDialog::model() const
{
    return typed(m_ui->gbmRadio->isChecked() ? PriceModel::Kind::Gbm : PriceModel::Kind::Uniform);
}

PriceModel PriceModelDialog::typed(PriceModel::Kind kind) const
{
    const int volatility = ppm(m_ui->volatilitySpinBox->value());
    return kind == PriceModel::Kind::Gbm
        ? PriceModel::gbm(volatility, ppm(m_ui->driftSpinBox->value()))
        : PriceModel::uniform(volatility);
}

void PriceModelDialog::showModel(const PriceModel &model)
{
    const bool gbm = model.kind == PriceModel::Kind::Gbm;
    {
        const QSignalBlocker blocker(m_ui->gbmRadio);
        (gbm ? m_ui->gbmRadio : m_ui->uniformRadio)->setChecked(true);
    }
    m_ui->volatilitySpinBox->setValue(percent(model.volatilityPpm));
    m_ui->driftSpinBox->setValue(percent(model.driftPpm));
    // Drift is gbm's alone.
    m_ui->driftLabel->setEnabled(gbm);
    m_ui->driftSpinBox->setEnabled(gbm);
}

void PriceModelDialog::accept()
{
    m_market->setPriceModel(model());
    QDialog::accept();
}

} // namespace quotecast
