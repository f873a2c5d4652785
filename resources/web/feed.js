// quotecast live page: the feed. One stream per browser, shared by all its tabs: the tab that
// holds a Web Lock (the leader tab) holds the EventSource and relays every event (ticks in
// batches) and its state over a BroadcastChannel; the other tabs (followers) listen. Without
// either API every tab has its own stream (solo). A watchdog declares the stream dead when
// nothing arrives for twice the heartbeat interval. Dispatches "quote", "status", "state" and
// "role" events.
"use strict";

const DefaultHeartbeatMs = 15000; // a server without heartbeatMs sends a `: ping` every 15 s
const MaxBackoffMs = 10000;
const RecentKept = 300; // ticks a new tab gets from the leader, besides each symbol's latest
const PongWaitMs = 2000; // a leader tab that does not answer this fast is gone or frozen
// The leader relays ticks at most this often, in one message, oldest first: each message is a
// structured clone and a trip through the browser process, whether or not another tab listens
// (at 100 ticks/s, one message per tick cost the leader more than all its drawing).
const RelayEveryMs = 100;
// Part of the lock's and channel's name: tabs of a page that relays otherwise do not share.
const RelayVersion = 2;

class SharedFeed extends EventTarget {
  #params; // the page's stream query (e.g. symbols=), without lastEventId
  #key;
  #channel = null;
  #role = null; // leader, follower or solo, once started
  #source = null;
  #state = { state: "connecting", since: Date.now(), lastDataAt: null };
  #status = null;
  #running = true;
  #heartbeatMs = DefaultHeartbeatMs;
  #last = { id: null, run: null, seq: -1 };
  #latest = new Map(); // symbol -> {n, id, quote}: what a new tab needs to fill its cards
  #recent = []; // the newest ticks, so that a new tab's sparklines miss none
  #accepted = 0;
  #lastDataAt = 0; // data of any kind: tick, status, heartbeat (0: none yet)
  #openedAt = 0;
  #failures = 0;
  #watchdog = 0;
  #retry = 0;
  #synced = false; // a follower waits for the leader's state before it shows relayed ticks
  #early = [];
  #pongTimer = 0;
  #leaderState = null; // the state the leader tab last relayed
  #lockTicket = 0;
  #queued = null; // aborts this tab's place in the lock's queue
  #outbox = []; // ticks not relayed yet, oldest first
  #relayedAt = -Infinity;
  #relayTimer = 0;

  constructor(query = location.search) {
    super();
    this.#params = new URLSearchParams(query);
    this.#params.delete("lastEventId");
    this.#params.sort();
    this.#key = `quotecast/${RelayVersion}:stream?${this.#params}`;
  }

  get role() { return this.#role; }
  get state() { return this.#state.state; }
  get lastEventId() { return this.#last.id; }
  get lastDataAt() { return this.#lastDataAt || null; }
  get heartbeatMs() { return this.#heartbeatMs; }

  start() {
    addEventListener("offline", () => this.#goOffline());
    addEventListener("online", () => this.#wake());
    document.addEventListener("visibilitychange", () => { if (!document.hidden) this.#wake(); });
    if (!navigator.locks || typeof BroadcastChannel !== "function") {
      this.#setRole("solo");
      this.#open();
      return this;
    }
    this.#channel = new BroadcastChannel(this.#key);
    this.#channel.onmessage = (event) => this.#onRelay(event.data);
    addEventListener("pagehide", () => this.#relay()); // the ticks of a closing leader tab
    this.#setRole("follower");
    this.#post({ type: "hello" });
    this.#requestLock(false);
    this.#armWatchdog();
    return this;
  }

  // --- leader election -------------------------------------------------------------------

  // The lock is held for the tab's lifetime; the browser frees it when the tab closes, and
  // the next tab in the queue gets it at once. `steal` takes it from a leader that stopped.
  #requestLock(steal) {
    const ticket = ++this.#lockTicket;
    if (this.#queued) this.#queued.abort(); // a steal replaces this tab's place in the queue
    this.#queued = steal ? null : new AbortController();
    const options = steal ? { steal: true } : { signal: this.#queued.signal };
    navigator.locks
      .request(this.#key, options, () => {
        this.#lead();
        return new Promise(() => {}); // held until the tab goes
      })
      .catch(() => {
        if (ticket !== this.#lockTicket) return; // an aborted place in the queue
        // Another tab stole the lock from this one: follow it, and queue for the lock again.
        this.#closeSource();
        this.#relay();
        this.#setRole("follower");
        this.#requestLock(false);
      });
  }

  #lead() {
    this.#flushEarly();
    this.#setRole("leader");
    this.#post(this.#syncMessage()); // followers still waiting get what this tab knows
    this.#failures = 0;
    this.#open(); // resumes from this tab's last id, so no tick is lost and none twice
  }

  // --- the stream (leader and solo tabs) ---------------------------------------------------

  #url() {
    const params = new URLSearchParams(this.#params);
    if (this.#last.id) params.set("lastEventId", this.#last.id);
    const query = params.toString();
    return query ? `stream?${query}` : "stream";
  }

  #open() {
    this.#closeSource();
    clearTimeout(this.#retry);
    this.#retry = 0;
    if (navigator.onLine === false) return this.#goOffline();
    const source = new EventSource(this.#url());
    this.#source = source;
    this.#openedAt = Date.now();
    this.#armWatchdog();
    let previousId = ""; // EventSource repeats the last id on events that carry none
    source.onopen = () => this.#setState(this.#running ? "live" : "paused");
    source.onmessage = (event) => {
      const id = event.lastEventId !== previousId ? event.lastEventId : null;
      previousId = event.lastEventId;
      const quote = parse(event.data);
      this.#sawData();
      if (quote) this.#accept(id, quote);
    };
    source.addEventListener("status", (event) => {
      const status = parse(event.data);
      this.#sawData();
      if (status) this.#acceptStatus(status);
    });
    source.addEventListener("heartbeat", () => {
      this.#sawData();
      this.#post({ type: "heartbeat" });
    });
    source.onerror = () => {
      if (source !== this.#source || navigator.onLine === false) return;
      this.#setState("reconnecting");
      // While CONNECTING the browser retries by itself (sending Last-Event-ID); once CLOSED
      // (an HTTP error answer) it gives up, so open a new one.
      if (source.readyState === EventSource.CLOSED) this.#reopen();
    };
  }

  #closeSource() {
    if (this.#source) this.#source.close();
    this.#source = null;
  }

  // At once after a first failure; after repeated ones, a growing delay with jitter so that
  // many browsers do not come back in step.
  #reopen() {
    this.#closeSource();
    this.#failures += 1;
    clearTimeout(this.#retry);
    if (this.#failures <= 1) return this.#open();
    const delay = Math.min(500 * 2 ** (this.#failures - 2), MaxBackoffMs) * (0.5 + Math.random());
    this.#retry = setTimeout(() => this.#open(), delay);
  }

  #sawData() {
    this.#lastDataAt = Date.now();
    this.#failures = 0;
    if (this.#state.state === "reconnecting" || this.#state.state === "connecting") {
      if (this.#role !== "follower") this.#setState(this.#running ? "live" : "paused");
    }
  }

  #acceptStatus(status) {
    this.#status = status;
    if (typeof status.running === "boolean") this.#running = status.running;
    if (Number.isFinite(status.heartbeatMs) && status.heartbeatMs > 0) {
      this.#heartbeatMs = status.heartbeatMs;
      this.#armWatchdog();
    }
    if (this.#role !== "follower") this.#post({ type: "status", status });
    this.dispatchEvent(new CustomEvent("status", { detail: status }));
    if (this.#role !== "follower") this.#setState(this.#running ? "live" : "paused");
  }

  // A tick with an id whose seq is not above the last one seen in the same run is a repeat
  // (a resumed stream, or a new leader that resumed from an older id). Snapshot events
  // without an id pass; the cards compare their time and seq themselves.
  #accept(id, quote) {
    if (id) {
      const dash = id.lastIndexOf("-");
      const run = id.slice(0, dash);
      const seq = Number(id.slice(dash + 1));
      if (run === this.#last.run && seq <= this.#last.seq) return;
      this.#last = { id, run, seq };
    }
    const entry = { n: ++this.#accepted, id, quote };
    if (typeof quote.symbol === "string") this.#latest.set(quote.symbol, entry);
    this.#recent.push(entry);
    if (this.#recent.length > RecentKept) this.#recent.shift();
    if (this.#role !== "follower" && this.#channel) this.#relayLater(id, quote);
    this.dispatchEvent(new CustomEvent("quote", { detail: quote }));
  }

  #acceptAll(quotes) {
    if (Array.isArray(quotes)) for (const { id, quote } of quotes) this.#accept(id, quote);
  }

  // --- the watchdog ------------------------------------------------------------------------

  // One timer, re-armed only when it fires, rather than once per tick.
  #armWatchdog() {
    clearTimeout(this.#watchdog);
    const limit = 2 * this.#heartbeatMs;
    const since = Math.max(this.#lastDataAt, this.#openedAt);
    const left = since ? since + limit - Date.now() : limit;
    this.#watchdog = setTimeout(() => this.#checkWatchdog(), Math.max(left, 0) + 10);
  }

  #checkWatchdog() {
    const since = Math.max(this.#lastDataAt, this.#openedAt);
    if (since && Date.now() - since < 2 * this.#heartbeatMs) return this.#armWatchdog();
    if (navigator.onLine !== false) {
      this.#setState("reconnecting");
      if (this.#role === "follower") this.#pingLeader();
      else this.#reopen();
    }
    this.#openedAt = Date.now(); // the next check counts from this attempt
    this.#armWatchdog();
  }

  // A follower that hears nothing asks the leader; no answer means the leader tab is gone or
  // frozen without freeing its lock, so take the lock over.
  #pingLeader() {
    if (this.#pongTimer) return;
    this.#post({ type: "ping" });
    this.#pongTimer = setTimeout(() => {
      this.#pongTimer = 0;
      if (this.#role === "follower") this.#requestLock(true);
    }, PongWaitMs);
  }

  // --- offline, online, visible ------------------------------------------------------------

  #goOffline() {
    clearTimeout(this.#retry);
    this.#closeSource(); // prices from a stream the browser calls offline are not live
    this.#setState("offline");
  }

  #wake() {
    if (navigator.onLine === false) return;
    if (this.#role === "follower") {
      if (this.#state.state === "offline") this.#setState("reconnecting");
      if (this.#state.state !== "live") this.#post({ type: "hello" }); // the leader's state, now
      return;
    }
    const open = this.#source && this.#source.readyState === EventSource.OPEN;
    if (!open || this.#state.state === "offline") {
      this.#failures = 0;
      this.#setState("reconnecting");
      this.#open();
    } else {
      this.#checkWatchdog(); // timers are throttled in hidden tabs
    }
  }

  // --- state and role ----------------------------------------------------------------------

  #setState(state) {
    if (state === this.#state.state) return;
    this.#state = { state, since: Date.now(), lastDataAt: this.lastDataAt };
    if (this.#role !== "follower") this.#post({ type: "state", ...this.#state });
    this.dispatchEvent(new CustomEvent("state", { detail: { ...this.#state } }));
  }

  #setRole(role) {
    if (role === this.#role) return;
    this.#role = role;
    this.dispatchEvent(new CustomEvent("role", { detail: { role } }));
  }

  // --- the BroadcastChannel ----------------------------------------------------------------

  // Any other message goes after the ticks that came before it.
  #post(message) {
    if (!this.#channel) return;
    this.#relay();
    this.#channel.postMessage(message);
  }

  // A tick that comes after a quiet RelayEveryMs goes at once; faster ones wait for the next
  // tick past that time, or the timer, whichever is first (a hidden tab's timers are slow).
  #relayLater(id, quote) {
    this.#outbox.push({ id, quote });
    const wait = this.#relayedAt + RelayEveryMs - performance.now();
    if (wait <= 0) this.#relay();
    else if (!this.#relayTimer) this.#relayTimer = setTimeout(() => this.#relay(), wait);
  }

  #relay() {
    clearTimeout(this.#relayTimer);
    this.#relayTimer = 0;
    if (this.#outbox.length === 0) return;
    const quotes = this.#outbox;
    this.#outbox = [];
    this.#relayedAt = performance.now();
    this.#channel.postMessage({ type: "quotes", quotes });
  }

  #syncMessage() {
    const entries = new Set([...this.#latest.values(), ...this.#recent]);
    return {
      type: "sync",
      status: this.#status,
      quotes: [...entries].sort((a, b) => a.n - b.n).map(({ id, quote }) => ({ id, quote })),
      lastEventId: this.#last.id,
      lastDataAt: this.#lastDataAt,
      state: this.#state.state,
    };
  }

  #onRelay(message) {
    if (!message || typeof message !== "object") return;
    if (this.#role === "leader") {
      if (message.type === "hello") this.#post(this.#syncMessage());
      if (message.type === "ping") {
        this.#checkWatchdog(); // this tab's timers may be throttled (hidden), the follower's not
        this.#post({ type: "pong" });
      }
      // A leader that has just taken over still gets its predecessor's last relays.
      if (message.type === "quotes") this.#acceptAll(message.quotes);
      return;
    }
    if (this.#role !== "follower") return;
    if (message.type === "sync") return this.#onSync(message);
    if (!this.#synced) {
      this.#early.push(message); // the sync that answers this tab's hello covers these
      if (this.#early.length === 1) setTimeout(() => this.#flushEarly(), 1000);
      return;
    }
    this.#follow(message);
  }

  #follow(message) {
    switch (message.type) {
      case "quotes":
        this.#heard();
        return this.#acceptAll(message.quotes);
      case "status":
        this.#heard();
        return this.#acceptStatus(message.status);
      case "heartbeat":
        return this.#heard();
      case "pong": // the leader lives, though the server may not: no data, no takeover
        clearTimeout(this.#pongTimer);
        this.#pongTimer = 0;
        return;
      case "state":
        this.#leaderState = message.state;
        if (navigator.onLine !== false) this.#setState(message.state);
        return;
      default:
    }
  }

  // Relayed data counts for the watchdog as it does for the leader.
  #heard() {
    this.#lastDataAt = Date.now();
    clearTimeout(this.#pongTimer);
    this.#pongTimer = 0;
    const lead = this.#leaderState;
    if (lead && lead !== this.#state.state && navigator.onLine !== false) this.#setState(lead);
  }

  // The leader's answer to a hello (this tab's, or another new tab's) and its first word.
  // A tab that has followed the relay already has every tick: only the state is news to it.
  #onSync(message) {
    const status = message.status;
    if (status && JSON.stringify(status) !== JSON.stringify(this.#status)) this.#acceptStatus(status);
    if (!this.#synced) for (const { id, quote } of message.quotes || []) this.#accept(id, quote);
    if (message.lastDataAt) this.#lastDataAt = Math.max(this.#lastDataAt, message.lastDataAt);
    if (message.state) this.#leaderState = message.state;
    if (navigator.onLine !== false && message.state) this.#setState(message.state);
    this.#flushEarly();
  }

  #flushEarly() {
    if (this.#synced) return;
    this.#synced = true;
    const early = this.#early;
    this.#early = [];
    early.forEach((message) => this.#follow(message));
  }
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return null; // a malformed event is ignored, not fatal
  }
}
