#pragma once

#include <QByteArray>

namespace quotecast {

// A new run id: the name of a sequence of ticks (the `<run>` of the event ids
// `<run>-<seq>`, docs/protocol.md), kept with a stored history so that ids stay the same
// across restarts. Unique across restarts and machines; base-36 digits, never '-', which
// ends it in an id.
QByteArray newRunId();

// Whether `id` has the shape newRunId() gives: 1 to 32 base-36 digits, lower case. What a
// stored history names itself must be one before it goes out on the streams' `id:` lines,
// which end at a line break and which a NUL makes a browser ignore (WHATWG HTML §9.2.6).
bool isRunId(const QByteArray &id);

} // namespace quotecast
