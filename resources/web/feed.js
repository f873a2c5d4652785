// quotecast live page: the feed. One stream per browser, shared by all its tabs: the leader tab
// (election.js: a Web Lock, or over plain http a claim on a BroadcastChannel) holds the
// EventSource (feedstream.js) and relays every event (ticks in batches) and its state over a
// BroadcastChannel (feedchannel.js); the other tabs (followers) listen. Without
// BroadcastChannel every tab has its own stream (solo). A watchdog (feedwatchdog.js) declares
// the stream dead when nothing arrives for twice the heartbeat interval. Dispatches "quote",
// "status", "state" and "role" events.
"use strict";

// Part of the lock's and channel's name: tabs of a page that relays otherwise do not share.
const RelayVersion = 2;

class SharedFeed extends EventTarget {
  #key;
  #channel = null;
  #election = null;
  #role = null; // leader, follower or solo, once started
  #stream;
  #watchdog;
  #state = { state: "connecting", since: Date.now(), lastDataAt: null };
  #status = null;
  #running = true;
  #ticks = new FeedTicks();
  #synced = false; // a follower waits for the leader's state before it shows relayed ticks
  #early = []; // relays before the first sync; null once shown
  #earlyTimer = 0;
  #earlyIds = null; // ids shown from relays before the sync came (then it adds only the others)
  #leaderState = null; // the state the leader tab last relayed
  // Another tab has been heard on the channel. Until then the leader relays nothing: a tab
  // that comes later says hello first and gets every recent tick in the sync that answers it.
  #peers = false;

  constructor(query = location.search) {
    super();
    const params = new URLSearchParams(query); // the page's stream query, e.g. symbols=
    params.delete("lastEventId");
    params.sort();
    this.#key = `quotecast/${RelayVersion}:stream?${params}`;
    // The state follows the stream's first event (quotecast's is its status), not its opening:
    // there the last stream's `running` may be out of date (the feed stopped or started while
    // the page was away), and "paused" taken back at once by "live" is a screen reader's news.
    this.#stream = new FeedStream(params, {
      quote: (id, quote) => {
        this.#sawData();
        if (quote) this.#accept(id, quote);
      },
      status: (status) => {
        if (status) this.#acceptStatus(status); // its `running` decides, before #sawData would
        this.#sawData();
      },
      heartbeat: () => {
        this.#sawData();
        this.#post({ type: "heartbeat" });
      },
      failed: () => {
        if (navigator.onLine !== false) this.#setState("reconnecting");
      },
      reopen: () => this.#open(),
    });
    this.#watchdog = new FeedWatchdog((retryDue) => this.#silent(retryDue));
  }

  get role() { return this.#role; }
  get state() { return this.#state.state; }
  get lastEventId() { return this.#ticks.lastId; }
  get lastDataAt() { return this.#watchdog.lastDataAt || null; }
  get heartbeatMs() { return this.#watchdog.heartbeatMs; }

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
    this.#channel = new FeedChannel(this.#key, (message) => this.#onRelay(message));
    addEventListener("pagehide", () => this.#channel.relay()); // the ticks of a closing leader tab
    this.#setRole("follower");
    this.#post({ type: "hello" });
    this.#election.addEventListener("lead", () => this.#lead());
    this.#election.addEventListener("follow", () => this.#demote());
    // A follower asks whether this leader lives: this tab's timers may be throttled (hidden),
    // the follower's not, so check the stream now.
    this.#election.addEventListener("ping", () => this.#watchdog.check());
    this.#election.start();
    this.#watchdog.arm();
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
    this.#stream.resetBackoff();
    this.#open(); // resumes from this tab's last id, so no tick is lost and none twice
  }

  // Another tab leads now (it stole the lock, or won over this one after a freeze): no stream
  // here, and no pending reopen either; ask the leader for its state.
  #demote() {
    this.#stream.close();
    this.#channel.relay();
    this.#setRole("follower");
    this.#post({ type: "hello" });
  }

  // --- the stream (leader and solo tabs) ---------------------------------------------------

  #open() {
    this.#stream.cancelReopen();
    if (this.#role === "follower") return; // the leader tab holds the stream
    this.#stream.open(this.#ticks.lastId);
    this.#watchdog.attempted();
    this.#watchdog.arm();
  }

  #sawData() {
    this.#watchdog.sawData();
    this.#stream.resetBackoff();
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
    this.#watchdog.heartbeatMs = ms;
  }

  #acceptStatus(status) {
    this.#status = status;
    if (Array.isArray(status.symbols)) this.#ticks.keepSymbols(status.symbols.map(String));
    if (typeof status.running === "boolean") this.#running = status.running;
    if (Number.isFinite(status.heartbeatMs) && status.heartbeatMs > 0) {
      this.#watchdog.heartbeatMs = status.heartbeatMs;
    }
    if (this.#role !== "follower") this.#post({ type: "status", status });
    this.dispatchEvent(new CustomEvent("status", { detail: status }));
    if (this.#role !== "follower") this.#setState(this.#running ? "live" : "paused");
  }

  // A repeat (feedticks.js) is dropped. `relay`: false for what came over the channel.
  #accept(id, quote, relay = true) {
    if (this.#ticks.isRepeat(id, quote)) return;
    this.#take(id, quote, relay);
  }

  #take(id, quote, relay) {
    this.#ticks.remember(id, quote);
    if (id && this.#earlyIds) this.#earlyIds.add(id);
    if (relay && this.#peers && this.#role !== "follower" && this.#channel) this.#channel.relayLater(id, quote);
    this.dispatchEvent(new CustomEvent("quote", { detail: quote }));
  }

  // Relayed ticks are not relayed again, even by a tab that has just become the leader (its
  // predecessor's last relays would otherwise bounce between the two).
  #acceptAll(quotes) {
    if (Array.isArray(quotes)) for (const { id, quote } of quotes) this.#accept(id, quote, false);
  }

  // Nothing came for twice the heartbeat (feedwatchdog.js). When a new attempt is due, a
  // follower asks the leader tab (an unanswered ping makes the election take over); a tab
  // that holds the stream opens it again.
  #silent(retryDue) {
    if (navigator.onLine !== false) this.#setState("reconnecting");
    if (!retryDue) return;
    if (this.#role === "follower") this.#election.suspect();
    else this.#stream.reopen();
  }

  // --- offline, online, visible ------------------------------------------------------------

  // Said at once, and the stream dropped (prices from it are not live), but not given up: a new
  // one at once, then the usual backoff. quotecast on this machine answers without a network.
  #goOffline() {
    this.#setState("offline");
    if (this.#role === "follower") return;
    this.#stream.resetBackoff();
    this.#stream.reopen();
  }

  #wake() {
    if (this.#role === "follower") {
      if (this.#state.state !== "live") this.#post({ type: "hello" }); // the leader's state, now
      return;
    }
    if (!this.#stream.isOpen || this.#state.state === "offline") {
      this.#stream.resetBackoff();
      this.#setState(navigator.onLine === false ? "offline" : "reconnecting");
      this.#open();
    } else {
      this.#watchdog.check(); // timers are throttled in hidden tabs
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

  #post(message) {
    if (this.#channel) this.#channel.post(message);
  }

  #syncMessage() {
    return {
      type: "sync",
      status: this.#status,
      quotes: this.#ticks.forNewTab(),
      lastDataAt: this.#watchdog.lastDataAt,
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
    this.#watchdog.sawData();
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
    if (message.lastDataAt) this.#watchdog.sawData(Math.max(this.#watchdog.lastDataAt, message.lastDataAt));
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
