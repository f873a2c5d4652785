// The page's cards as the accessibility tests read them (accessibility.spec.mjs): a page opened
// live with every card priced, where the focus is and its ring, what spills out of a card.
"use strict";

import { expect, until } from "./fixtures.mjs";

export async function openLive(page, server, state = "live") {
  await page.goto(server.url);
  await expect(page.locator("body")).toHaveAttribute("data-feed", state, { timeout: 20_000 });
  await until(() => page.evaluate(() => {
    const prices = Array.from(document.querySelectorAll(".card .price"), (price) => price.textContent);
    return prices.length > 0 && !prices.includes("—");
  }), { message: "every card priced" });
}

// The symbols of the cards, in the page's order.
export const cardOrder = (page) => page.locator(".card").evaluateAll((cards) => cards.map((card) => card.dataset.symbol));

// How many cards the grid's first row holds, as the page lays them out.
export const gridColumns = (page) => page.evaluate(() => {
  const cards = Array.from(document.querySelectorAll(".card"));
  return cards.filter((card) => card.offsetTop === cards[0].offsetTop).length;
});

// Where the focused card is, and whether its ring shows: the outline's style and its contrast
// with the page's background (WCAG's 3 for a focus indicator, computed in the page).
export const focusOf = (page) => page.evaluate(() => {
  const card = document.activeElement;
  const rect = card.getBoundingClientRect();
  const rgb = (css) => (/^rgba?\((\d+), (\d+), (\d+)/.exec(css) || []).slice(1).map(Number);
  const luminance = (css) => {
    const channels = rgb(css).map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  };
  const style = getComputedStyle(card);
  const [ring, page] = [luminance(style.outlineColor), luminance(getComputedStyle(document.body).backgroundColor)];
  return {
    symbol: card.dataset.symbol ?? null,
    left: rect.left + scrollX, // on the page, wherever it is scrolled to
    top: rect.top + scrollY,
    inView: rect.top >= 0 && rect.bottom <= innerHeight,
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
      ? (Math.max(ring, page) + 0.05) / (Math.min(ring, page) + 0.05) : 0,
  };
});

// Nothing of a card spills out of it: a price on one line, every text within its box.
export const clipped = (page) => page.evaluate(() => {
  const problems = [];
  if (document.documentElement.scrollWidth > innerWidth)
    problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${innerWidth})`);
  for (const card of document.querySelectorAll(".card")) {
    const box = card.getBoundingClientRect();
    for (const part of card.querySelectorAll(".symbol, .price, .change, .date, .day dt, .day dd")) {
      if (!part.checkVisibility()) continue;
      const rect = part.getBoundingClientRect();
      if (part.scrollWidth > part.clientWidth || rect.left < box.left || rect.right > box.right)
        problems.push(`${card.dataset.symbol} ${part.localName}.${part.className}: "${part.textContent}" is clipped`);
    }
    const price = card.querySelector(".price");
    const range = document.createRange();
    range.selectNodeContents(price);
    if (new Set(Array.from(range.getClientRects(), (line) => Math.round(line.top))).size > 1)
      problems.push(`${card.dataset.symbol}'s price "${price.textContent}" is broken over lines`);
  }
  return problems;
});
