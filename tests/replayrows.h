#pragma once

#include <replay/replayrow.h>

#include <QDateTime>
#include <QList>
#include <QTest>

#include <optional>

using ReplayRows = QList<quotecast::ReplayRow>;

namespace quotecast {
// For QCOMPARE's message when replayed rows differ (found by argument-dependent lookup).
inline char *toString(const ReplayRow &row)
{
    return QTest::toString(
        QStringLiteral("%1 %2 cents at %3%4")
            .arg(row.symbol)
            .arg(row.priceCents)
            .arg(QDateTime::fromMSecsSinceEpoch(row.timeMs, Qt::UTC).toString(Qt::ISODateWithMs))
            .arg(row.dateOnly ? QStringLiteral(" (date)") : QString()));
}
inline char *toString(const std::optional<ReplayRow> &row)
{
    return row ? toString(*row) : qstrdup("no row");
}
} // namespace quotecast
