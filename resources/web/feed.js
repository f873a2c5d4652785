// quotecast live page: the feed. One stream per browser, shared by all its tabs: the leader tab
// (election.js: a Web Lock, or over plain http a claim on a BroadcastChannel) holds the
// EventSource and relays every event (ticks in batches) and its state over a BroadcastChannel;
// the other tabs (followers) listen. Without BroadcastChannel every tab has its own stream
// (solo). A watchdog declares the stream dead when nothing arrives for twice the heartbeat
// interval. Dispatches "quote", "status", "state" and "role" events.
"use strict";

// Until the status or /api/quotes says the period: quotecast before heartbeatMs pinged every 15 s.
const DefaultHeartbeatMs = 15000;
const MaxBackoffMs = 10000;
const RecentKept = 300; // ticks a new tab gets from the leader, besides each symbol's latest
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
  #election = null;
  #role = null; // leader, follower or solo, once started
  #source = null;
  #state = { state: "connecting", since: Date.now(), lastDataAt: null };
  #status = null;
  #running = true;
  #heartbeatMs = DefaultHeartbeatMs;
  #last = { id: null, seq: -Infinity, ts: -Infinity }; // the newest tick with an id
  #latest = new Map(); // symbol -> {n, id, quote}: what a new tab needs to fill its cards
  #recent = []; // the newest ticks, a ring (the tick's number picks its slot), so that a new
  // tab's sparklines miss none
  #accepted = 0;
  #lastDataAt = 0; // data of any kind: tick, status, heartbeat (0: none yet)
  #startedAt = Date.now();
  #attemptAt = 0; // the last (re)open, or a follower's last suspicion: paces the next one
  #failures = 0;
  #watchdog = 0;
  #retry = 0;
  #synced = false; // a follower waits for the leader's state before it shows relayed ticks
  #early = []; // relays before the first sync; null once shown
  #earlyTimer = 0;
  #earlyIds = null; // ids shown from relays before the sync came (then it adds only the others)
  #leaderState = null; // the state the leader tab last relayed
  #outbox = []; // ticks not relayed yet, oldest first
  #relayedAt = -Infinity;
  #relayTimer = 0;
  // Another tab has been heard on the channel. Until then the leader relays nothing: a tab
  // that comes later says hello first and gets every recent tick in the sync that answers it.
  #peers = false;

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
    this.#election = Election.create(this.#key);
    if (!this.#election) {
      this.#setRole("solo");
      this.#open();
      return this;
    }
    this.#channel = new BroadcastChannel(this.#key);
    this.#channel.onmessage = (event) => this.#onRelay(event.data);
    addEventListener("pagehide", () => this.#relay()); // the ticks of a closing leader tab
    this.#setRole("follower");
    this.#post({ type: "hello" });
    this.#election.addEventListener("lead", () => this.#lead());
    this.#election.addEventListener("follow", () => this.#demote());
    // A follower asks whether this leader lives: this tab's timers may be throttled (hidden),
    // the follower's not, so check the stream now.
    this.#election.addEventListener("ping", () => this.#checkWatchdog());
    this.#election.start();
    this.#armWatchdog();
    return this;
  }

  // --- leader and follower --------------------------------------------------------------

  #lead() {
    this.#flushEarly();
    this.#synced = true;
    this.#earlyIds = null;
    this.#setRole("leader");
    // Not the state it copied as a follower: live only once its own stream brings data.
    this.#setState("connecting");
    this.#post(this.#syncMessage()); // followers still waiting get what this tab knows
    this.#failures = 0;
    this.#open(); // resumes from this tab's last id, so no tick is lost and none twice
  }

  // Another tab leads now (it stole the lock, or won over this one after a freeze): no stream
  // here, and no pending reopen either; ask the leader for its state.
  #demote() {
    this.#closeSource();
    clearTimeout(this.#retry);
    this.#retry = 0;
    this.#relay();
    this.#setRole("follower");
    this.#post({ type: "hello" });
  }

  // --- the stream (leader and solo tabs) ---------------------------------------------------

  #url() {
    const params = new URLSearchParams(this.#params);
    if (this.#last.id) params.set("lastEventId", this.#last.id);
    const query = params.toString();
    return query ? `stream?${query}` : "stream";
  }

  #open() {
    clearTimeout(this.#retry);
    this.#retry = 0;
    if (this.#role === "follower") return; // the leader tab holds the stream
    this.#closeSource();
    // Offline or not, try: quotecast on localhost answers a laptop whose Wi-Fi is off.
    const source = new EventSource(this.#url());
    this.#source = source;
    this.#attemptAt = Date.now();
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
      if (source !== this.#source) return;
      if (navigator.onLine !== false) this.#setState("reconnecting");
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
    const state = this.#state.state;
    if (state === "reconnecting" || state === "connecting" || state === "offline") {
      if (this.#role !== "follower") this.#setState(this.#running ? "live" : "paused");
    }
  }

  // The heartbeat's period from elsewhere (GET /api/quotes) while no status has said it: the
  // nchan relay replays only its newest messages, which may hold no status.
  useHeartbeatMs(ms) {
    if (this.#status && Number.isFinite(this.#status.heartbeatMs)) return;
    if (!Number.isFinite(ms) || ms <= 0) return;
    this.#heartbeatMs = ms;
    this.#armWatchdog();
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

  // A tick with an id is a repeat (a resumed stream, a new leader that resumed from an older
  // id, a predecessor's late relay) when neither its seq nor its time is above the last one's.
  // The quote's own seq and ts, not the id: the nchan relay's ids are its own. A restarted
  // in-memory feed counts from 1 again, but later. Snapshot events without an id pass; the
  // cards compare their time and seq themselves. `relay`: false for what came over the channel.
  #accept(id, quote, relay = true) {
    if (id && quote.seq <= this.#last.seq && quote.ts <= this.#last.ts) return;
    this.#take(id, quote, relay);
  }

  #take(id, quote, relay) {
    if (id) {
      const { seq, ts } = quote;
      const last = this.#last;
      if (!(seq <= last.seq && ts <= last.ts)) {
        last.id = id;
        if (Number.isFinite(seq) && Number.isFinite(ts)) {
          last.seq = seq;
          last.ts = ts;
        }
      }
      if (this.#earlyIds) this.#earlyIds.add(id);
    }
    const entry = { n: ++this.#accepted, id, quote };
    if (typeof quote.symbol === "string") this.#latest.set(quote.symbol, entry);
    this.#recent[entry.n % RecentKept] = entry;
    if (relay && this.#peers && this.#role !== "follower" && this.#channel) this.#relayLater(id, quote);
    this.dispatchEvent(new CustomEvent("quote", { detail: quote }));
  }

  // Relayed ticks are not relayed again, even by a tab that has just become the leader (its
  // predecessor's last relays would otherwise bounce between the two).
  #acceptAll(quotes) {
    if (Array.isArray(quotes)) for (const { id, quote } of quotes) this.#accept(id, quote, false);
  }

  // --- the watchdog ------------------------------------------------------------------------

  // "Dead" is judged from the last data alone: a stream just (re)opened onto a hung server is
  // not live. The last attempt only paces the next one. One timer, re-armed when it fires,
  // rather than once per tick.
  #armWatchdog() {
    clearTimeout(this.#watchdog);
    const limit = 2 * this.#heartbeatMs;
    const dataAt = this.#lastDataAt || this.#startedAt;
    const due = Date.now() - dataAt < limit ? dataAt + limit : Math.max(dataAt, this.#attemptAt) + limit;
    this.#watchdog = setTimeout(() => this.#checkWatchdog(), Math.max(due - Date.now(), 0) + 10);
  }

  #checkWatchdog() {
    const limit = 2 * this.#heartbeatMs;
    const now = Date.now();
    if (now - (this.#lastDataAt || this.#startedAt) < limit) return this.#armWatchdog();
    if (navigator.onLine !== false) this.#setState("reconnecting");
    if (now - this.#attemptAt >= limit) {
      this.#attemptAt = now;
      // A follower asks the leader tab; an unanswered ping makes the election take over.
      if (this.#role === "follower") this.#election.suspect();
      else this.#reopen();
    }
    this.#armWatchdog();
  }

  // --- offline, online, visible ------------------------------------------------------------

  // Said at once, and the stream dropped (prices from it are not live), but not given up: a new
  // one at once, then the usual backoff. quotecast on this machine answers without a network.
  #goOffline() {
    this.#setState("offline");
    if (this.#role === "follower") return;
    this.#failures = 0;
    this.#reopen();
  }

  #wake() {
    if (this.#role === "follower") {
      if (this.#state.state !== "live") this.#post({ type: "hello" }); // the leader's state, now
      return;
    }
    const open = this.#source && this.#source.readyState === EventSource.OPEN;
    if (!open || this.#state.state === "offline") {
      this.#failures = 0;
      this.#setState(navigator.onLine === false ? "offline" : "reconnecting");
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
    const entries = new Set([...this.#latest.values(), ...this.#recent.filter(Boolean)]);
    return {
      type: "sync",
      status: this.#status,
      quotes: [...entries].sort((a, b) => a.n - b.n).map(({ id, quote }) => ({ id, quote })),
      lastDataAt: this.#lastDataAt,
      state: this.#state.state,
    };
  }

  #onRelay(message) {
    this.#peers = true;
    if (!message || typeof message !== "object") return;
    if (this.#role === "leader") {
      if (message.type === "hello") return this.#post(this.#syncMessage());
      // A leader that has just taken over still gets its predecessor's last relays; relays
      // from another leader that still believes it leads also mean a split brain.
      if (message.type === "quotes") this.#acceptAll(message.quotes);
      this.#election.rival();
      return;
    }
    if (this.#role !== "follower") return;
    if (message.type === "sync") return this.#onSync(message);
    if (this.#early) {
      this.#early.push(message); // the sync that answers this tab's hello covers these
      if (!this.#earlyTimer) this.#earlyTimer = setTimeout(() => this.#flushEarly(), 1000);
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
      case "state": // the shared stream's state, even offline (the leader may reach localhost)
        this.#leaderState = message.state;
        this.#setState(message.state);
        return;
      default:
    }
  }

  // Relayed data counts for the watchdog as it does for the leader, and the leader lives.
  #heard() {
    this.#lastDataAt = Date.now();
    this.#election.heardLeader();
    const lead = this.#leaderState;
    if (lead && lead !== this.#state.state) this.#setState(lead);
  }

  // The leader's answer to a hello (this tab's, or another new tab's) and its first word.
  // A tab that has followed the relay already has every tick: only the state is news to it.
  // The first sync is authoritative, however late: it holds every tick the relays before it
  // held (dropped unseen), and those of them already shown (after a second's wait) are skipped,
  // not the older quotes of the symbols that have not ticked since. It also means the sender
  // leads: a follower that was about to take over from a silent leader does not.
  #onSync(message) {
    this.#election.heardLeader();
    const status = message.status;
    if (status && JSON.stringify(status) !== JSON.stringify(this.#status)) this.#acceptStatus(status);
    if (!this.#synced) {
      this.#synced = true;
      clearTimeout(this.#earlyTimer);
      this.#early = null;
      const shown = this.#earlyIds || new Set();
      this.#earlyIds = null;
      for (const { id, quote } of message.quotes || []) if (!shown.has(id)) this.#take(id, quote, false);
    }
    if (message.lastDataAt) this.#lastDataAt = Math.max(this.#lastDataAt, message.lastDataAt);
    if (message.state) this.#leaderState = message.state;
    if (message.state) this.#setState(message.state);
  }

  // No sync within a second (a busy leader): the relays are shown meanwhile.
  #flushEarly() {
    clearTimeout(this.#earlyTimer);
    const early = this.#early;
    this.#early = null;
    if (!early) return;
    if (!this.#synced) this.#earlyIds = new Set();
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
