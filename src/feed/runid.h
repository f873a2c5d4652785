#pragma once

#include <QByteArray>

namespace quotecast {

// A new run id: the name of a sequence of ticks (the `<run>` of the event ids
// `<run>-<seq>`, docs/protocol.md), kept with a stored history so that ids stay the same
// across restarts. Unique across restarts and machines; base-36 digits, never '-', which
// ends it in an id.
QByteArray newRunId();

} // namespace quotecast
