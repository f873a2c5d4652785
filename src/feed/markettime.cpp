#include <feed/markettime.h>

#include <QDateTime>

namespace quotecast {

QString marketTimeText(qint64 marketTimeMs)
{
    if (marketTimeMs == 0)
        return {};
    constexpr qint64 DayMs = 24 * 3600 * 1000;
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(marketTimeMs, Qt::UTC);
    return marketTimeMs % DayMs == 0 ? time.date().toString(Qt::ISODate)
                                     : time.toString(Qt::ISODateWithMs);
}

} // namespace quotecast
