// How the app page loads: two requests after the page before its first screen (its script and
// the wasm), every file fetched once on a first visit (the preload is the one the glue uses,
// the service worker precaches from the HTTP cache), the first screen's styles inline, so the
// app is never shown unstyled and no stylesheet blocks its first paint.
// The page is served here by a counting server of its own (same headers as scripts/serve.mjs),
// because requests a service worker answers from the HTTP cache never reach the network.
import { expect, test } from "@playwright/test";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const dist = resolve("dist");
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

/** Serves dist/ on loopback and counts the requests per path. */
async function countingServer() {
  const counts = new Map();
  const firstAsked = new Map();
  const server = createServer((request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname));
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (!firstAsked.has(path)) firstAsked.set(path, Date.now());
    if (path.endsWith("/")) path += "index.html";
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": types[extname(file)] ?? "application/octet-stream",
      "content-length": statSync(file).size,
      "cache-control": "no-cache",
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** When `path` was first asked for (ms since the epoch), if it was. */
    firstAsked: (path) => firstAsked.get(path),
    count: (pattern) => [...counts].filter(([path]) => pattern.test(path)).reduce((sum, [, n]) => sum + n, 0),
    close: () => new Promise((done) => server.close(done)),
  };
}

test("a first visit downloads the wasm and the page's script once each and before its first screen no chunk but the welcome's; the worker is installed after it shows and precaches the chunks once", async ({ browser }) => {
  const served = await countingServer();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const warnings = [];
    page.on("console", (message) => {
      if (/preload/i.test(message.text())) warnings.push(message.text());
    });
    // What the page itself asks for before its first screen: the main module, and on a first
    // visit the welcome's chunks (the reducer's and the views' chunks follow the first screen).
    const fetchedByPage = [];
    page.on("request", (request) => fetchedByPage.push({ path: new URL(request.url()).pathname, at: Date.now() }));
    await page.goto(served.url);
    await expect(page.getByRole("heading", { name: "Welcome to Afterview" })).toBeVisible();
    const shownAt = await page.evaluate(
      () => performance.timeOrigin + performance.getEntriesByName("afterview-ready")[0].startTime,
    );
    const wasmBeforeShown = fetchedByPage
      .filter(({ path, at }) => path.endsWith(".wasm") && at < Math.floor(shownAt))
      .map(({ path }) => path);
    // The main module, the welcome's own chunk, and chunks of code it shares with other parts.
    expect(wasmBeforeShown.filter((path) => /^\/afterview-[0-9a-f]+\.wasm$/.test(path))).toHaveLength(1);
    expect(wasmBeforeShown.filter((path) => /^\/afterview-split_onboarding-[0-9a-f]+\.wasm$/.test(path))).toHaveLength(1);
    const others = wasmBeforeShown.filter((path) => /^\/afterview-split_/.test(path) && !path.includes("split_onboarding"));
    expect(others, "no other part's chunk (reducer, views) before the welcome").toEqual([]);
    // The worker is active once its precache is complete.
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Its install (which downloads everything) waited for the first screen, and for the views
    // the page preloads after it: the page never asks for a file the worker already took.
    expect(served.firstAsked("/sw.js")).toBeGreaterThanOrEqual(Math.floor(shownAt));
    const preloadedAt = await page.evaluate(
      () => performance.timeOrigin + performance.getEntriesByName("afterview-preloaded")[0].startTime,
    );
    expect(served.firstAsked("/sw.js")).toBeGreaterThanOrEqual(Math.floor(preloadedAt));
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names.find((name) => name.startsWith("afterview-")));
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    expect(cached.some((path) => path.endsWith(".wasm"))).toBe(true);
    expect(served.count(/^\/afterview-[0-9a-f]+\.wasm$/)).toBe(1);
    // The view chunks are precached by the worker, each downloaded once.
    const chunks = cached.filter((path) => /^\/afterview-(split|chunk)_\w+-[0-9a-f]+\.wasm$/.test(path));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(served.count(new RegExp(`^${chunk}$`)), chunk).toBe(1);
    expect(served.count(/\.wasm$/)).toBe(1 + chunks.length);
    expect(served.count(/^\/afterview-app-[0-9a-f]+\.js$/)).toBe(1);
    // The glue alone and the first screen's sheet are the embed's: the page has both inside.
    expect(served.count(/^\/afterview-[0-9a-f]+\.(js|css)$/)).toBe(0);
    // A preload the page did not use (wrong "as" or credentials mode) is reported on the console.
    expect(warnings).toEqual([]);
  } finally {
    await context.close();
    await served.close();
  }
});

test("a returning visit fetches the page, its script and the main module alone before Today shows", async ({ browser }) => {
  const served = await countingServer();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // Stored data before the app's first load: a returning visitor's.
    await page.addInitScript(() => localStorage.setItem("afterview:data", JSON.stringify({
      format: "afterview", schema_version: 5, saved_at: "2026-11-19T08:00:00Z",
      data: { settings: { name: "Ada Lovelace", onboarded: true }, processes: [] },
    })));
    const fetchedByPage = [];
    page.on("request", (request) => fetchedByPage.push({ path: new URL(request.url()).pathname, at: Date.now() }));
    await page.goto(served.url);
    await expect(page.getByTestId("empty-state")).toBeVisible();
    const shownAt = await page.evaluate(
      () => performance.timeOrigin + performance.getEntriesByName("afterview-ready")[0].startTime,
    );
    const beforeShown = fetchedByPage
      .filter(({ path, at }) => at < Math.floor(shownAt) && path !== "/favicon.svg")
      .map(({ path }) => path)
      .sort();
    expect(beforeShown).toEqual([
      "/",
      expect.stringMatching(/^\/afterview-[0-9a-f]+\.wasm$/),
      expect.stringMatching(/^\/afterview-app-[0-9a-f]+\.js$/),
    ]);
  } finally {
    await context.close();
    await served.close();
  }
});

test("the views' stylesheet comes after the first screen, and a view is drawn with its styles", async ({ page }) => {
  const sheets = [];
  page.on("request", (request) => {
    if (request.url().endsWith(".css")) sheets.push({ path: new URL(request.url()).pathname, at: Date.now() });
  });
  await page.addInitScript(() => localStorage.setItem("afterview:data", JSON.stringify({
    format: "afterview", schema_version: 5, saved_at: "2026-11-19T08:00:00Z",
    data: { settings: { name: "Ada Lovelace", onboarded: true }, processes: [] },
  })));
  await page.goto("./");
  await expect(page.getByTestId("empty-state")).toBeVisible();
  const shownAt = await page.evaluate(
    () => performance.timeOrigin + performance.getEntriesByName("afterview-ready")[0].startTime,
  );
  // The first screen's styles are inline in the page: no sheet of its own.
  expect(sheets.filter(({ path }) => /^\/afterview-[0-9a-f]+\.css$/.test(path))).toEqual([]);
  expect(sheets.filter(({ path, at }) => path.endsWith("-views.css") && at < Math.floor(shownAt))).toEqual([]);
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
  // Attached next to the page's inline styles, once, and applied: the settings page is a grid.
  expect(await page.locator("link[data-av-views]").count()).toBe(1);
  expect(await page.locator(".av-settings").first().evaluate((node) => getComputedStyle(node).display)).toBe("grid");
  expect(await page.locator(".av-field").first().evaluate((node) => getComputedStyle(node).display)).toBe("grid");
});

test("the page carries the first screen's styles and one script: nothing blocks its first paint, and the app is styled from its first frame", async ({ page }) => {
  const html = await (await page.request.get("./")).text();
  expect(html).not.toMatch(/<link rel="stylesheet"/);
  expect(html).toMatch(/<script type="module" src="afterview-app-[0-9a-f]+\.js"><\/script>/);
  expect(html).toMatch(/<link rel="preload" href="afterview-[0-9a-f]+\.wasm" as="fetch"/);
  expect(html).toMatch(/<style data-av-views="afterview-[0-9a-f]+-views\.css">\.av-app\{/);
  // No inline script: a strict policy on the page only has to allow its styles.
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  // The first screen's sheet is the embed's; the page never asks for it (the welcome of a first
  // visit does attach the views' sheet).
  const sheets = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/afterview-[0-9a-f]+\.css$/.test(path)) sheets.push(path);
  });
  // Each frame until the app appears: the header's layout when the app is first laid out.
  await page.addInitScript(() => {
    window.__firstAppFrame = null;
    const sample = () => {
      const header = document.querySelector("#afterview .av-app .av-header");
      const app = header?.closest(".av-app");
      if (app && getComputedStyle(app).display !== "none") {
        window.__firstAppFrame = getComputedStyle(header).display;
        return;
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.goto("./");
  await expect(page.locator(".av-header")).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.__firstAppFrame)).toBe("flex");
  expect(sheets).toEqual([]);
});

test.describe("without a service worker", () => {
  // A worker would answer from its precache, out of reach of the route that fails the fetch.
  test.use({ serviceWorkers: "block" });

test("a view whose chunk cannot be fetched says so, loses nothing and opens on retry", async ({ page }) => {
  // Nothing preloaded yet and the settings chunk unreachable, as when offline before a first visit
  // ever cached it.
  let blocked = true;
  await page.route(/afterview-split_settings-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto("./");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Get started" }).click();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const failure = page.getByRole("alert").filter({ hasText: "could not be loaded" });
  await expect(failure).toBeVisible();
  // The rest of the app still works, and the data is intact.
  await page.getByRole("button", { name: "Today", exact: true }).click();
  await expect(page.locator('[data-kind="thank-you"]').first()).toBeVisible();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  // Still unreachable when opened again: the message comes back rather than a blank view.
  await expect(failure).toBeVisible();
  blocked = false;
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada Lovelace");
});

test("a change made while the reducer's chunk cannot be fetched says so, waits and is applied on retry", async ({ page }) => {
  let blocked = true;
  await page.route(/afterview-split_reducer-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto("./");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Get started" }).click();
  const failure = page.getByRole("alert").filter({ hasText: "could not load the part that applies your changes" });
  await expect(failure).toBeVisible();
  blocked = false;
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(failure).toBeHidden();
  // The click made before is applied: onboarding is over and the name is kept.
  await expect(page.getByRole("heading", { name: "Today", level: 2 })).toBeVisible();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ada Lovelace");
});

test("a draft whose chunk cannot be fetched says so over the page and opens on retry", async ({ page }) => {
  let blocked = true;
  await page.route(/afterview-split_draft-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await page.goto("./");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByRole("button", { name: "Get started" }).click();
  await page.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Open draft" }).click();
  const failure = page.getByRole("alert").filter({ hasText: "could not be loaded" });
  await expect(failure).toBeVisible();
  // It floats in view at the bottom of the screen, not somewhere below the list.
  const box = await failure.boundingBox();
  const viewport = page.viewportSize();
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  blocked = false;
  await failure.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
});
});
