#include <widgets/qrcodewidget.h>

#include <QPainter>
#include <QUrl>

#include <cmath>

namespace quotecast {

namespace {
// Pixels per module: the preferred size is easy to scan from across a desk; below the
// minimum a phone camera struggles.
constexpr int PreferredModulePixels = 6;
constexpr int MinimumModulePixels = 2;
// Sized for a version 3 code (29 modules), a typical LAN URL, while there is none.
constexpr int PlaceholderModules = 29;
} // namespace

QrCodeWidget::QrCodeWidget(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("QR code"));
}

void QrCodeWidget::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_code = QrCode::encode(text);
    if (m_code.isNull()) {
        setAccessibleName(tr("QR code"));
        setAccessibleDescription(QString());
    } else {
        setAccessibleName(tr("QR code of %1").arg(text));
        setAccessibleDescription(tr("Scan it with a phone's camera to open %1").arg(text));
    }
    updateGeometry(); // a longer text needs more modules
    update();
    emit textChanged(m_text);
}

void QrCodeWidget::setUrl(const QUrl &url)
{
    setText(url.isEmpty() ? QString() : url.toString(QUrl::FullyEncoded));
}

int QrCodeWidget::modulesWithQuietZone() const
{
    const int modules = m_code.isNull() ? PlaceholderModules : m_code.size();
    return modules + 2 * QuietZoneModules;
}

QSize QrCodeWidget::sizeHint() const
{
    const int side = modulesWithQuietZone() * PreferredModulePixels;
    return { side, side };
}

QSize QrCodeWidget::minimumSizeHint() const
{
    const int side = modulesWithQuietZone() * MinimumModulePixels;
    return { side, side };
}

void QrCodeWidget::paintEvent(QPaintEvent *)
{
    if (m_code.isNull())
        return;

    // Work in device pixels so that each module is a whole number of them even at a
    // fractional scale factor: blurred module edges are what makes codes hard to scan.
    QPainter painter(this);
    const qreal dpr = devicePixelRatioF();
    painter.scale(1 / dpr, 1 / dpr);
    // A child widget's origin may fall between device pixels; start on one.
    const QTransform toDevice = painter.deviceTransform();
    painter.translate(std::round(toDevice.dx()) - toDevice.dx(),
                      std::round(toDevice.dy()) - toDevice.dy());
    painter.setRenderHint(QPainter::Antialiasing, false);
    const int width = int(std::floor(this->width() * dpr));
    const int height = int(std::floor(this->height() * dpr));

    const int modules = modulesWithQuietZone();
    const int modulePixels = qMin(width, height) / modules;
    if (modulePixels < 1)
        return; // too small to be read; better nothing than a smudge
    const int side = modules * modulePixels;
    const int left = (width - side) / 2;
    const int top = (height - side) / 2;

    // Black on white even in a dark theme: scanners look for dark modules on light.
    painter.fillRect(left, top, side, side, Qt::white);
    const int codeLeft = left + QuietZoneModules * modulePixels;
    const int codeTop = top + QuietZoneModules * modulePixels;
    for (int y = 0; y < m_code.size(); ++y) {
        // One rectangle per run of dark modules in a row.
        for (int x = 0; x < m_code.size();) {
            if (!m_code.isDark(x, y)) {
                ++x;
                continue;
            }
            const int runStart = x;
            while (x < m_code.size() && m_code.isDark(x, y))
                ++x;
            painter.fillRect(codeLeft + runStart * modulePixels, codeTop + y * modulePixels,
                             (x - runStart) * modulePixels, modulePixels, Qt::black);
        }
    }
}

} // namespace quotecast
