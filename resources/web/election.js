// quotecast live page: which tab leads. The tabs of one page (one key) elect one leader tab,
// which holds the stream; the others follow it. Two ways, one interface:
// - Web Locks: the leader holds a lock for its life; the browser hands it to the next tab in
//   the queue when the leader closes. `navigator.locks` exists only in secure contexts (HTTPS,
//   localhost), and quotecast is mostly opened over plain http on a LAN address, so:
// - BroadcastChannel alone (available everywhere): a tab that finds no leader claims with a
//   rank; the best claim heard within a short window wins and announces itself.
// Liveness never comes from the leader's timers: a hidden tab's timers are throttled to once a
// second, and after 5 minutes hidden to once a minute, while its message events are delivered
// at once. So a leader answers in event handlers (who, ping, claim), and a follower whose feed
// hears nothing (no relayed tick or heartbeat) calls suspect(): a ping that nobody answers
// within PongWaitMs means the leader is gone or frozen.
// Events: "lead" (this tab now leads), "follow" (it no longer does), "ping" (a follower asked
// this leader whether it lives: its own watchdog may be late, being throttled).
"use strict";

const PongWaitMs = 2000; // a leader that does not answer a ping this fast is gone or frozen
const ClaimWindowMs = 250; // to hear a leader, or a better claim (up to 1 s in a hidden tab)

class Election extends EventTarget {
  // Null where tabs cannot talk to each other at all: then each tab is on its own (solo).
  static create(key) {
    if (typeof BroadcastChannel !== "function") return null;
    return navigator.locks ? new LockElection(key) : new ChannelElection(key);
  }

  leading = false;
  #pongTimer = 0;

  constructor(key) {
    super();
    this.key = key;
    this.channel = new BroadcastChannel(`${key}/election`);
    this.channel.onmessage = (event) => {
      if (event.data && typeof event.data === "object") this.onMessage(event.data);
    };
  }

  // The feed heard nothing from the leader for too long: ask it, and take over if it is silent.
  suspect() {
    if (this.leading || this.#pongTimer) return;
    this.post({ type: "ping" });
    this.#pongTimer = setTimeout(() => {
      this.#pongTimer = 0;
      if (!this.leading) this.takeOver();
    }, PongWaitMs);
  }

  // Any word from a leader: it lives (also cancels another follower's pending takeover once a
  // new leader announces itself, so that two followers do not both take over).
  heardLeader() {
    clearTimeout(this.#pongTimer);
    this.#pongTimer = 0;
  }

  post(message) {
    this.channel.postMessage(message);
  }

  setLeading(leading) {
    if (leading === this.leading) return;
    this.leading = leading;
    if (leading) this.heardLeader();
    this.dispatchEvent(new Event(leading ? "lead" : "follow"));
  }

  // The feed of this leader tab heard another leader's relays (split brain). The lock settles
  // it by itself; the channel election announces this tab, and the worse-ranked steps down.
  rival() {}

  // A follower's ping; the answer is in the subclass (the announcement).
  onPing() {
    this.dispatchEvent(new Event("ping"));
  }
}

// The lock is held for the tab's lifetime; the browser frees it when the tab closes, and the
// next tab in the queue gets it at once. `steal` takes it from a leader that stopped answering;
// that leader's request fails, and it follows (at once, or when it wakes).
class LockElection extends Election {
  #ticket = 0;
  #queued = null; // aborts this tab's place in the lock's queue
  #release = null; // ends the held lock

  start() {
    this.#request(false);
    return this;
  }

  takeOver() {
    this.#request(true);
  }

  resign() {
    if (this.#queued) this.#queued.abort();
    if (this.#release) this.#release();
    this.setLeading(false);
  }

  #request(steal) {
    const ticket = ++this.#ticket;
    if (this.#queued) this.#queued.abort(); // a steal replaces this tab's place in the queue
    this.#queued = steal ? null : new AbortController();
    const options = steal ? { steal: true } : { signal: this.#queued.signal };
    navigator.locks
      .request(this.key, options, () => new Promise((resolve) => {
        this.#release = resolve;
        this.post({ type: "leader" });
        this.setLeading(true);
      }))
      .then(() => { // resigned
        if (ticket === this.#ticket) this.#release = null;
      })
      .catch(() => {
        if (ticket !== this.#ticket) return; // an aborted place in the queue
        // Another tab stole the lock: follow it, and queue for the lock again.
        this.#release = null;
        this.setLeading(false);
        this.#request(false);
      });
  }

  onMessage(message) {
    if (message.type === "leader") return this.heardLeader();
    if (message.type === "ping" && this.leading) {
      this.post({ type: "leader" });
      this.onPing();
    }
  }
}

// Without Web Locks. Each claim has a rank: [term, start time, random], the higher term first,
// then the older tab. A term is one more than the highest this tab has heard, so a leader that
// wakes from a freeze (an older term) yields to the one elected meanwhile.
class ChannelElection extends Election {
  #rank = null; // this tab's claim or leadership, while it has one
  #term = 0;
  #startedAt = Date.now();
  #timer = 0; // the claim window, or the wait for a leader
  #resigned = false;

  start() {
    this.#resigned = false;
    addEventListener("pagehide", () => this.resign());
    addEventListener("pageshow", (event) => { if (event.persisted) this.#ask(); });
    this.#ask();
    return this;
  }

  takeOver() {
    this.#claim();
  }

  // A leader that goes (pagehide) says so: the others claim at once, without a ping.
  resign() {
    clearTimeout(this.#timer);
    this.#resigned = true;
    if (this.leading) this.post({ type: "resign" });
    this.#rank = null;
    this.setLeading(false);
  }

  // A leader that wakes from a freeze may not get the messages sent meanwhile, but its relays
  // reach the leader elected meanwhile, which then announces itself (in an event handler).
  rival() {
    if (this.leading) this.post({ type: "leader", rank: this.#rank });
  }

  // A new tab asks who leads; no answer within the window, it claims.
  #ask() {
    this.#resigned = false;
    this.post({ type: "who" });
    this.#wait(() => this.#claim());
  }

  #wait(then, ms = ClaimWindowMs) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(then, ms);
  }

  #claim() {
    if (this.leading || this.#resigned) return;
    this.#rank = [this.#term + 1, this.#startedAt, Math.random()];
    this.post({ type: "claim", rank: this.#rank });
    this.#wait(() => {
      this.#term = this.#rank[0];
      this.post({ type: "leader", rank: this.#rank });
      this.setLeading(true);
    });
  }

  // A claim heard while waiting: wait for its announcement (twice the window), else claim.
  #standBack() {
    this.#rank = null;
    this.#wait(() => this.#claim(), 2 * ClaimWindowMs);
  }

  onMessage(message) {
    if (this.#resigned) return;
    const rank = Array.isArray(message.rank) ? message.rank : null;
    if (rank) this.#term = Math.max(this.#term, Number(rank[0]) || 0);
    switch (message.type) {
      case "who":
      case "ping":
      case "claim":
        if (this.leading) {
          this.post({ type: "leader", rank: this.#rank }); // a live leader: claimants stand back
          if (message.type === "ping") this.onPing();
        } else if (message.type === "claim" && rank) {
          // A better claim, or one while this tab has none: wait for its announcement.
          if (!this.#rank || better(rank, this.#rank)) this.#standBack();
        }
        return;
      case "leader":
        if (this.leading && rank && better(this.#rank, rank)) {
          this.post({ type: "leader", rank: this.#rank }); // split brain: the other steps down
          return;
        }
        // A leader lives: follow it (a leader with a worse rank steps down at once).
        clearTimeout(this.#timer);
        this.#rank = null;
        this.heardLeader();
        this.setLeading(false);
        return;
      case "resign":
        if (!this.leading) this.#claim();
        return;
      default:
    }
  }
}

function better(a, b) {
  if (a[0] !== b[0]) return a[0] > b[0];
  if (a[1] !== b[1]) return a[1] < b[1];
  return a[2] < b[2];
}
