// quotecast live page: its words in English and French, and the browser's choice between them.
// Loaded before app.js (both deferred, so they run in document order).
"use strict";

const messages = {
  en: {
    title: "quotecast — live quotes",
    cardsLabel: "Live prices",
    footerLead: "Prices are simulated. Updates arrive as Server-Sent Events from",
    footerLeadReplay: "Recorded prices, replayed. Updates arrive as Server-Sent Events from",
    state: {
      connecting: "connecting",
      live: "live",
      paused: "paused",
      ended: "replay ended", // instead of paused, once a replay has played its last price
      reconnecting: "reconnecting",
      offline: "offline",
    },
    replayOf: (dates) => `replay of ${dates}`,
    replayEnded: (dates) => `(${dates})`,
    every: (seconds) => `every ${seconds} s`,
    updated: (time) => `updated ${time}`,
    noDataSince: (time) => `no data since ${time}`,
    // The day so far, a line on each card.
    day: { open: "Open", high: "High", low: "Low" },
    // A card's accessible name, what a screen reader says of it: "AAPL, 174.31 dollars, up 0.75,
    // 0.43 percent". The currency's word by the price's plural category (Intl.PluralRules).
    dollars: { one: "dollar", other: "dollars" },
    moved: {
      up: (amount, percent) => `up ${amount}, ${percent} percent`,
      down: (amount, percent) => `down ${amount}, ${percent} percent`,
      flat: () => "unchanged",
    },
    noPrice: "no price yet",
  },
  fr: {
    title: "quotecast — cours en direct",
    cardsLabel: "Cours en direct",
    footerLead: "Les cours sont simulés. Les mises à jour arrivent en Server-Sent Events depuis",
    footerLeadReplay:
      "Cours réels enregistrés, rediffusés. Les mises à jour arrivent en Server-Sent Events depuis",
    state: {
      connecting: "connexion",
      live: "en direct",
      paused: "en pause",
      ended: "rediffusion terminée",
      reconnecting: "reconnexion",
      offline: "hors ligne",
    },
    replayOf: (dates) => `rediffusion\u00A0: ${dates}`,
    replayEnded: (dates) => `(${dates})`,
    every: (seconds) => `toutes les ${seconds} s`,
    updated: (time) => `mis à jour à ${time}`,
    noDataSince: (time) => `aucune donnée depuis ${time}`,
    day: { open: "Ouverture", high: "Plus haut", low: "Plus bas" },
    dollars: { one: "dollar", other: "dollars" },
    moved: {
      up: (amount, percent) => `en hausse de ${amount}, soit ${percent} pour cent`,
      down: (amount, percent) => `en baisse de ${amount}, soit ${percent} pour cent`,
      flat: () => "inchangé",
    },
    noPrice: "pas encore de cours",
  },
};

// The first of the browser's languages that the page speaks, else English. `locale` keeps the
// region (en-GB writes 24-hour times, fr-CH its own grouping) for Intl; `lang` picks the words.
function chooseLanguage(preferred) {
  for (const tag of preferred || []) {
    const lang = String(tag).split("-")[0].toLowerCase();
    if (Object.hasOwn(messages, lang)) return { lang, locale: isLocale(tag) ? String(tag) : lang };
  }
  return { lang: "en", locale: "en" };
}

function isLocale(tag) {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false; // Intl would throw on it too
  }
}
