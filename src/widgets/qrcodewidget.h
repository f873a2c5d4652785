#pragma once

#include <widgets/qrcode.h>

#include <QWidget>

class QUrl;

namespace quotecast {

// Shows a QR code, e.g. of the server's URL, for a phone's camera: square modules of a whole
// number of pixels, black on white whatever the theme, inside the 4-module quiet zone that
// scanners need. Shows nothing while the text is empty or too long to encode.
class QrCodeWidget : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)

public:
    static constexpr int QuietZoneModules = 4;

    explicit QrCodeWidget(QWidget *parent = nullptr);

    QString text() const { return m_text; }
    const QrCode &code() const { return m_code; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

public slots:
    void setText(const QString &text);
    // Encodes the URL fully percent-encoded, which every scanner reads the same way.
    void setUrl(const QUrl &url);

signals:
    void textChanged(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // Modules per side including the quiet zone.
    int modulesWithQuietZone() const;

    QString m_text;
    QrCode m_code;
};

} // namespace quotecast
