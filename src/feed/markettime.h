#pragma once

#include <QString>

namespace quotecast {

// A replayed price's market time (Quote::marketTimeMs, ms since the epoch, UTC) as the stream
// and the window write it: ISO 8601, the date alone for a daily close (`2024-03-01`, a
// midnight), else to the millisecond (`2026-11-30T11:56:30.123Z`). Empty for 0 (simulated).
QString marketTimeText(qint64 marketTimeMs);

} // namespace quotecast
