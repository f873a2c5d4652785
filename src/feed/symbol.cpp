#include <feed/symbol.h>

#include <QRegularExpression>

namespace quotecast::symbol {

QString normalized(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z][A-Z0-9.]{0,9}$"));
    const QString symbol = text.trimmed().toString().toUpper();
    return pattern.match(symbol).hasMatch() ? symbol : QString();
}

} // namespace quotecast::symbol
