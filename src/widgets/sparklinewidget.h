#pragma once

#include <QList>
#include <QWidget>

namespace quotecast {

// A small line chart of recent prices, scaled to their own range, drawn in the text
// colour of its palette so that it reads on a tinted card and in dark mode alike.
class SparklineWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SparklineWidget(QWidget *parent = nullptr);

    void setPrices(const QList<qint64> &pricesCents);
    const QList<qint64> &prices() const { return m_prices; }

    QSize sizeHint() const override { return { 160, 36 }; }
    QSize minimumSizeHint() const override { return { 60, 24 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<qint64> m_prices;
};

} // namespace quotecast
