#pragma once

#include <feed/quote.h>

#include <QString>

class QSqlQuery;

namespace quotecast {

// The `ticks` table as TickStore writes it and TickStore and TickReader read it, in one place.
namespace TickRows {

// The columns that make a Quote, in the order tickFrom() reads them.
inline constexpr char Columns[] = "symbol, price_cents, change_cents, ts, seq";
// The Quote in the current row of a query that selected Columns.
Quote tickFrom(const QSqlQuery &query);
// Closes and forgets a named QSqlDatabase connection; nothing if `connection` is empty.
void closeConnection(const QString &connection);

} // namespace TickRows
} // namespace quotecast
