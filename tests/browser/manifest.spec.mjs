// Installable (issue 13): a web app manifest linked from the page, served as
// application/manifest+json, whose icons load as PNG images of the sizes it declares.
"use strict";

import { test, expect, get } from "./fixtures.mjs";
import http from "node:http";

// GET as bytes.
function getBytes(url) {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, (response) => {
      const chunks = [];
      response.on("data", (chunk) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

// Width and height from a PNG's header (signature, then the IHDR chunk); null if not a PNG.
function pngSize(bytes) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString("latin1", 12, 16) !== "IHDR")
    return null;
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test("the manifest is linked, served as application/manifest+json, valid, and its icons load", async ({ page, quotecast }) => {
  const server = await quotecast.start({ seed: 51, interval: 500 });
  await page.goto(server.url);
  const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.href ?? null);
  expect(href, '<link rel="manifest">').not.toBeNull();
  expect(new URL(href).origin).toBe(server.origin);

  const response = await get(href);
  expect(response.status).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^application\/manifest\+json(;|$)/);
  const manifest = JSON.parse(response.body);
  for (const key of ["name", "short_name", "start_url"])
    expect(typeof manifest[key] === "string" && manifest[key] !== "", key).toBe(true);
  expect(manifest.display).toBe("standalone");
  expect(new URL(manifest.start_url, href).origin).toBe(server.origin);
  expect(Array.isArray(manifest.icons) && manifest.icons.length > 0, "icons").toBe(true);

  // Every icon is a PNG of each size it declares; phones ask for 192 and 512 (and a maskable 512).
  const sizes = [];
  for (const icon of manifest.icons) {
    const url = new URL(icon.src, href).href;
    const image = await getBytes(url);
    expect(image.status, url).toBe(200);
    expect(image.headers["content-type"], url).toMatch(/^image\/png/);
    const declared = String(icon.sizes).split(/\s+/);
    expect(declared, `${url} declares one size`).toHaveLength(1);
    expect(pngSize(image.body), url).toBe(declared[0]);
    for (const purpose of String(icon.purpose ?? "any").split(/\s+/)) sizes.push(`${declared[0]} ${purpose}`);
  }
  expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));

  // iOS reads its home-screen icon from the page instead.
  const touch = await page.evaluate(() => document.querySelector('link[rel="apple-touch-icon"]')?.href ?? null);
  expect(touch, '<link rel="apple-touch-icon">').not.toBeNull();
  const touchIcon = await getBytes(touch);
  expect(touchIcon.headers["content-type"]).toMatch(/^image\/png/);
  expect(pngSize(touchIcon.body)).toBe("180x180");

  // And Chromium itself takes the manifest (its own parser, under the page's CSP).
  const cdp = await page.context().newCDPSession(page);
  const { errors, data } = await cdp.send("Page.getAppManifest");
  expect(errors.filter((e) => e.critical), JSON.stringify(errors)).toEqual([]);
  expect(data, "the manifest Chromium fetched").toBeTruthy();
});
