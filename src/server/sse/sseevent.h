#pragma once

#include <feed/feedstatus.h>
#include <feed/quote.h>

#include <QByteArray>
#include <QJsonObject>

namespace quotecast {

// The wire format of docs/protocol.md, as pure functions: each returns one
// complete event block (ending in a blank line), ready to be written to any number of
// clients. Encoding happens once per event; the bytes are shared.
namespace SseEvent {

// The JSON object of a quote: {"symbol","price","change","ts","seq"}, money in currency
// units; `seq` is the tick's number in the feed (0 for an opening price); and, for a replayed
// price, "date": when it was the market's (marketTimeText).
QJsonObject quoteObject(const Quote &quote);
// The same, encoded compactly (one line).
QByteArray quoteJson(const Quote &quote);
// An unnamed event (EventSource.onmessage) carrying a quote, with an `id:` line when
// `id` is not empty.
QByteArray quote(const Quote &quote, const QByteArray &id);
// The same from the quote's JSON (quoteJson()), when it is also needed on its own.
QByteArray quote(const QByteArray &json, const QByteArray &id);
// The JSON of the feed's status: {"running","intervalMs","heartbeatMs","symbols"}, and while
// the market replays recorded prices "replay": {"from","to"} (marketTimeText), on one line. `heartbeatMs` (ms) is how often the server sends heartbeat(), so that a client can
// tell a quiet stream from a dead one.
QByteArray statusJson(const FeedStatus &status, int heartbeatMs);
// `event: status` with that JSON.
QByteArray status(const FeedStatus &status, int heartbeatMs);
// `retry: <ms>`: how long a browser waits before reconnecting.
QByteArray retry(int milliseconds);
// `event: heartbeat` with empty data: keeps idle connections alive through proxies and,
// unlike a comment, reaches EventSource listeners, so a page notices a stream that went
// silent. It has no id, so it never moves a client's Last-Event-ID.
QByteArray heartbeat();
// `<run>-<seq>`, the contract's event id.
QByteArray eventId(const QByteArray &runId, quint64 seq);

} // namespace SseEvent
} // namespace quotecast
