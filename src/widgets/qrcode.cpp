#include <widgets/qrcode.h>

#include <qrencode.h>

#include <memory>

namespace quotecast {

QrCode QrCode::encode(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.isEmpty())
        return {};

    // 8-bit hint, case-sensitive: UTF-8 goes in as bytes, while runs of digits or upper-case
    // letters may still use the denser modes. QRcode_encodeString stops at a NUL, so text
    // holding one is encoded as raw bytes instead of silently cut short.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        utf8.contains('\0') ? QRcode_encodeData(
            int(utf8.size()), reinterpret_cast<const unsigned char *>(utf8.constData()), 0,
            QR_ECLEVEL_M)
                            : QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
        &QRcode_free);
    if (!qr || qr->width <= 0)
        return {};

    QrCode code;
    code.m_size = qr->width;
    code.m_modules.resize(qr->width * qr->width);
    // libqrencode packs several flags per module; only the lowest bit says dark.
    for (int i = 0; i < code.m_modules.size(); ++i)
        code.m_modules.setBit(i, qr->data[i] & 1);
    return code;
}

bool QrCode::isDark(int x, int y) const
{
    if (x < 0 || y < 0 || x >= m_size || y >= m_size)
        return false;
    return m_modules.testBit(y * m_size + x);
}

} // namespace quotecast
