#pragma once

#include <QBitArray>
#include <QString>

namespace quotecast {

// The modules of a QR code for some text, e.g. the server's LAN URL, so a phone can open it
// without typing. A plain value: it holds no libqrencode state and paints nothing; a widget
// draws it. A default-constructed code, or one whose text could not be encoded, is null.
class QrCode
{
public:
    QrCode() = default;

    // Encodes `text` as UTF-8 at error-correction level M (enough for a clean screen), in the
    // smallest version that fits. Empty text, or text too long for a QR code, gives a null code.
    static QrCode encode(const QString &text);

    bool isNull() const { return m_size == 0; }
    int size() const { return m_size; } // modules per side, 0 when null

    // x is the column and y the row, from the top-left. Anything outside the symbol is light,
    // as the quiet zone around it must be.
    bool isDark(int x, int y) const;

    friend bool operator==(const QrCode &a, const QrCode &b)
    {
        return a.m_size == b.m_size && a.m_modules == b.m_modules;
    }
    friend bool operator!=(const QrCode &a, const QrCode &b) { return !(a == b); }

private:
    int m_size = 0;
    QBitArray m_modules; // row by row, true for dark
};

} // namespace quotecast
