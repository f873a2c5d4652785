#include "mainwindow.h"

#include "pricecard.h"
#include "stockmodel.h"
#include "ui_mainwindow.h"

#include <QLabel>

namespace quotecast {

MainWindow::MainWindow(StockModel *model, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_model(model)
    , m_urlLabel(new QLabel(this))
    , m_clientsLabel(new QLabel(this))
{
    m_ui->setupUi(this);

    constexpr int columns = 4;
    const QList<Quote> quotes = model->quotes();
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        auto *card = new PriceCard(quotes[i].symbol, this);
        card->setQuote(quotes[i]);
        m_ui->cardsLayout->addWidget(card, int(i / columns), int(i % columns));
        m_cards.insert(quotes[i].symbol, card);
    }
    connect(model, &StockModel::quoteUpdated, this, [this](const Quote &quote) {
        if (PriceCard *card = m_cards.value(quote.symbol))
            card->setQuote(quote);
    });

    connect(m_ui->startStopButton, &QPushButton::clicked, model,
            [model] { model->setRunning(!model->isRunning()); });
    connect(model, &StockModel::runningChanged, this, &MainWindow::showRunning);
    showRunning(model->isRunning());

    m_ui->intervalSpinBox->setValue(model->intervalMs() / 1000.0);
    connect(m_ui->intervalSpinBox, &QDoubleSpinBox::valueChanged, model,
            [model](double seconds) { model->setIntervalMs(qRound(seconds * 1000)); });
    connect(model, &StockModel::intervalMsChanged, this,
            [this](int ms) { m_ui->intervalSpinBox->setValue(ms / 1000.0); });

    m_urlLabel->setObjectName(QStringLiteral("urlLabel"));
    m_clientsLabel->setObjectName(QStringLiteral("clientsLabel"));
    m_urlLabel->setTextFormat(Qt::RichText);
    m_urlLabel->setOpenExternalLinks(true); // opens the default browser
    m_urlLabel->setTextInteractionFlags(Qt::TextBrowserInteraction);
    statusBar()->addWidget(m_urlLabel, 1);
    statusBar()->addPermanentWidget(m_clientsLabel);
    setClientCount(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::setServerUrl(const QUrl &url)
{
    const QString text = url.toString();
    m_urlLabel->setText(tr("Open on any device on this network: <a href=\"%1\">%2</a>")
                            .arg(text.toHtmlEscaped(), text.toHtmlEscaped()));
    m_urlLabel->setToolTip(tr("Opens the live page in your browser"));
}

void MainWindow::setClientCount(int count)
{
    // English plurals until the translations (with numerus forms) arrive.
    m_clientsLabel->setText(count == 1 ? tr("1 browser connected")
                                       : tr("%1 browsers connected").arg(count));
}

void MainWindow::showRunning(bool running)
{
    m_ui->startStopButton->setText(running ? tr("Stop") : tr("Start"));
    m_ui->feedStateLabel->setText(running ? tr("● live") : tr("❚❚ paused"));
    setWindowTitle(running ? tr("quotecast — live") : tr("quotecast — paused"));
}

} // namespace quotecast
