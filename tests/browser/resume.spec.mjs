// Resume through the query string (issue 13): GET /stream?lastEventId=<id> is the
// Last-Event-ID header under another name, which a new EventSource can send; the header wins
// when both are given (a browser's own reconnection of a stream opened with ?lastEventId=old).
// Read with Node's http client, on a feed held still (--paused, after a history of ticks) so
// that two streams can be compared byte for byte after their `retry:`, which is per client.
"use strict";

import { test, expect, apiQuotes, fillHistory, readStream, parseEvents } from "./fixtures.mjs";

test("?lastEventId= replays exactly like Last-Event-ID, and the header wins over it", async ({ quotecast }) => {
  const historyFile = quotecast.historyFile();
  await fillHistory(quotecast, { seed: 31, interval: 10, historyFile },
    (api) => Math.max(...api.quotes.map((q) => q.seq)) >= 60);
  // No heartbeat while reading: the streams hold only what the resume sends.
  const server = await quotecast.start({ seed: 31, paused: true, historyFile, heartbeat: 600_000 });
  const { quotes } = await apiQuotes(server);
  const latest = Math.max(...quotes.map((q) => q.seq));
  const aapl = quotes.find((q) => q.symbol === "AAPL").seq;

  // The run's name, from the id that the snapshot's last event carries.
  const snapshot = parseEvents(await readStream(`${server.origin}/stream`, {
    done: (text) => /\nid: \S+-\d+\n/.test(text) && text.endsWith("\n\n"),
  }));
  const run = snapshot.find((e) => e.id).id.replace(/-\d+$/, "");
  const idOf = (seq) => `${run}-${seq}`;

  // A stream until the event with id `last` (the newest tick it should send), after `retry:`.
  const read = async (query, headers, last) => {
    const text = await readStream(`${server.origin}/stream${query}`, {
      headers, done: (t) => t.includes(`\nid: ${last}\n`) && t.endsWith("\n\n"),
    });
    expect(text.startsWith("retry: "), text).toBe(true);
    return text.slice(text.indexOf("\n\n") + 2);
  };
  const from = latest - 20;
  const header = await read("", { "Last-Event-ID": idOf(from) }, idOf(latest));
  // The header's replay is the ticks after `from`, once each, in order: a resume, not a snapshot.
  const replayed = parseEvents(header).filter((e) => e.event === undefined).map((e) => JSON.parse(e.data).seq);
  expect(replayed).toEqual(Array.from({ length: 20 }, (_, i) => from + 1 + i));

  expect(await read(`?lastEventId=${encodeURIComponent(idOf(from))}`, {}, idOf(latest)), "query = header").toBe(header);
  expect(await read(`?lastEventId=${encodeURIComponent(idOf(from + 10))}`, { "Last-Event-ID": idOf(from) }, idOf(latest)),
    "the header wins over the query").toBe(header);
  const later = await read("", { "Last-Event-ID": idOf(from + 10) }, idOf(latest));
  expect(await read(`?lastEventId=${encodeURIComponent(idOf(from))}`, { "Last-Event-ID": idOf(from + 10) }, idOf(latest)),
    "the header wins, the other way round").toBe(later);

  // With the filter, in either order of the parameters.
  const fromAapl = Math.min(from, aapl - 1); // at least AAPL's newest tick to replay
  const filtered = await read("?symbols=AAPL", { "Last-Event-ID": idOf(fromAapl) }, idOf(aapl));
  expect(await read(`?symbols=AAPL&lastEventId=${idOf(fromAapl)}`, {}, idOf(aapl))).toBe(filtered);
  expect(await read(`?lastEventId=${idOf(fromAapl)}&symbols=aapl`, {}, idOf(aapl))).toBe(filtered);

  // An id it cannot resume from gets the snapshot, either way.
  const unknown = await read("", { "Last-Event-ID": "nope-3" }, idOf(latest));
  expect(parseEvents(unknown).filter((e) => e.event === undefined)).toHaveLength(quotes.length);
  expect(await read("?lastEventId=nope-3", {}, idOf(latest))).toBe(unknown);
});
