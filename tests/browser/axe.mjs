// axe-core (Deque's accessibility engine, npm axe-core, pinned by package-lock.json) run on a
// page as it is: WCAG 2.1 A and AA rules. It is injected through Playwright's evaluate (the
// DevTools protocol), which the page's Content-Security-Policy does not govern, so the page is
// tested with its own CSP in force.
"use strict";

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

// The violations of `page`, each as "rule: what is wrong (the elements)"; [] when none.
export async function axeViolations(page, tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: "tag", values } }), tags);
  return violations.map((violation) =>
    `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}
