#include <widgets/sparklinewidget.h>

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace quotecast {

SparklineWidget::SparklineWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_TransparentForMouseEvents); // the card's tooltip shows through
}

void SparklineWidget::setPrices(const QList<qint64> &pricesCents)
{
    m_prices = pricesCents;
    update();
}

void SparklineWidget::paintEvent(QPaintEvent *)
{
    if (m_prices.size() < 2)
        return;
    // Plain variables, not structured bindings: C++17 lets no lambda capture those (GCC allows
    // it, clang does not).
    const auto extremes = std::minmax_element(m_prices.cbegin(), m_prices.cend());
    const qint64 low = *extremes.first;
    const double range = double(qMax<qint64>(*extremes.second - low, 1));
    const double dotRadius = 2.5;
    const QRectF area = QRectF(rect()).adjusted(dotRadius, dotRadius, -dotRadius, -dotRadius);
    const double step = area.width() / double(m_prices.size() - 1);
    const auto point = [&](qsizetype i) {
        return QPointF(area.left() + double(i) * step,
                       area.bottom() - double(m_prices[i] - low) / range * area.height());
    };

    QPainterPath line(point(0));
    for (qsizetype i = 1; i < m_prices.size(); ++i)
        line.lineTo(point(i));
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor ink = palette().color(foregroundRole());
    painter.setPen(QPen(ink, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(line);
    painter.setPen(Qt::NoPen);
    painter.setBrush(ink);
    painter.drawEllipse(point(m_prices.size() - 1), dotRadius, dotRadius);
}

} // namespace quotecast
