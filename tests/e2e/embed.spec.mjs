// The widget's two ways of use: embedded on a blog page we do not control (shadow DOM, lazy
// loading, strict CSP, no layout shift, no third-party requests) and offline (service worker,
// and the single downloadable file opened from disk).
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { NOW, screenshot } from "./support.mjs";

const widgetStyles = ["font-family", "font-size", "line-height", "box-sizing", "color", "padding-top", "border-radius", "letter-spacing"];

/** Computed styles of a few widget parts, read inside a shadow root or the light DOM. */
async function styleOf(page, hostSelector) {
  return page.evaluate(({ hostSelector, props }) => {
    const host = document.querySelector(hostSelector);
    const scope = host.shadowRoot ?? host;
    const pick = (selector) => {
      const element = scope.querySelector(selector);
      if (!element) return null;
      const style = getComputedStyle(element);
      return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
    };
    return { app: pick(".av-app"), button: pick(".av-btn-primary"), input: pick("input"), heading: pick("h2") };
  }, { hostSelector, props: widgetStyles });
}

test("on a hostile blog page the widget looks like the app and leaves the page alone", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.clock.setFixedTime(NOW);
  const violations = [];
  page.on("pageerror", (error) => violations.push(error.message));

  // The app page's look, for comparison.
  await page.goto("./");
  await expect(page.getByRole("heading", { name: /welcome/i })).toBeVisible();
  const reference = await styleOf(page, "#afterview");

  await page.goto("./blog.html");
  const hostStyles = () => page.evaluate(() => ["#blog-title", "#first-paragraph", "#after-widget", "body"].map((selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return [selector, style.fontFamily, style.fontSize, style.lineHeight, style.color, style.boxSizing, style.margin];
  }));
  const before = await hostStyles();
  await page.locator("afterview-widget").scrollIntoViewIfNeeded();
  const widget = page.locator("afterview-widget");
  await expect(widget.getByRole("heading", { name: /welcome/i })).toBeVisible();
  const embedded = await styleOf(page, "afterview-widget");
  expect(embedded).toEqual(reference);
  expect(await hostStyles()).toEqual(before);
  await widget.screenshot({ path: "target/e2e/screens/blog-widget.png" });
  await screenshot(page, "blog-page");
  expect(violations).toEqual([]);
});

test("two widgets with different namespaces keep separate data", async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await page.route("**/two-widgets.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><title>Two widgets</title>
      <script type="module" src="afterview-embed.js"></script></head><body>
      <afterview-widget id="one" namespace="alpha" load="eager" height="700px"></afterview-widget>
      <afterview-widget id="two" namespace="beta" load="eager" height="700px"></afterview-widget></body></html>`,
  }));
  await page.goto("./two-widgets.html");
  const one = page.locator("#one");
  const two = page.locator("#two");
  await one.getByLabel("Your name").fill("Alpha User");
  await one.getByRole("button", { name: "Get started" }).click();
  await expect(one.getByRole("heading", { name: /welcome/i })).toHaveCount(0);
  await expect(two.getByRole("heading", { name: /welcome/i })).toBeVisible();
  await page.reload();
  await expect(one.getByRole("heading", { name: /welcome/i })).toHaveCount(0);
  await expect(two.getByRole("heading", { name: /welcome/i })).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  expect(keys).toEqual(["afterview:alpha:data"]);
});

test("a page with a strict Content-Security-Policy runs the widget without violations", async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await page.route("**/strict.html", (route) => route.fulfill({
    contentType: "text/html",
    headers: { "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'" },
    body: `<!doctype html><html lang="en"><head><title>Strict</title>
      <script type="module" src="afterview-embed.js"></script></head><body>
      <afterview-widget load="eager"></afterview-widget></body></html>`,
  }));
  const problems = [];
  page.on("console", (message) => { if (/Content Security Policy|Refused/i.test(message.text())) problems.push(message.text()); });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto("./strict.html");
  const widget = page.locator("afterview-widget");
  await expect(widget.getByRole("heading", { name: /welcome/i })).toBeVisible();
  // A view loaded on first use comes from the widget's own origin, under the same policy.
  await widget.getByRole("button", { name: "Skip" }).click();
  await widget.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(widget.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(problems).toEqual([]);
});

test("below the fold nothing heavy loads until scrolled, no third-party request is made, and nothing shifts", async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.setFixedTime(NOW);
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("./blog.html");
  await page.waitForLoadState("load");
  await expect(page.locator("afterview-widget")).toHaveCSS("height", "640px");
  expect(requests.filter((url) => url.endsWith(".wasm"))).toEqual([]);

  await page.locator("afterview-widget").scrollIntoViewIfNeeded();
  await expect(page.locator("afterview-widget").getByRole("heading", { name: /welcome/i })).toBeVisible();
  // The main module first; the reducer's and the views' chunks only follow the first screen.
  const wasm = requests.filter((url) => url.endsWith(".wasm"));
  expect(wasm[0]).toMatch(/\/afterview-[0-9a-f]+\.wasm$/);
  const chunk = /\/afterview-(split|chunk)_\w+-[0-9a-f]+\.wasm$/;
  for (const url of wasm.slice(1)) expect(url).toMatch(chunk);
  const origin = new URL(baseURL).origin;
  expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
  expect(await page.evaluate(() => window.__shift)).toBe(0);

  // Using the widget makes no further request but for the app's own code chunks.
  const loaded = requests.length;
  const widget = page.locator("afterview-widget");
  await widget.getByLabel("Your name").fill("Ada Lovelace");
  await widget.getByRole("button", { name: "Get started" }).click();
  await expect(widget.locator('[data-kind="thank-you"]')).toHaveCount(2);
  expect(requests.slice(loaded).filter((url) => !chunk.test(url))).toEqual([]);
  expect(await page.evaluate(() => window.__shift)).toBe(0);
});

test("load=click waits for the click", async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await page.route("**/click.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><title>Click</title>
      <script type="module" src="afterview-embed.js"></script></head><body>
      <afterview-widget load="click"></afterview-widget></body></html>`,
  }));
  const wasm = [];
  page.on("request", (request) => { if (request.url().endsWith(".wasm")) wasm.push(request.url()); });
  await page.goto("./click.html");
  await page.waitForLoadState("load");
  const launch = page.getByRole("button", { name: "Plan my interview follow-ups" });
  await expect(launch).toBeVisible();
  expect(wasm).toEqual([]);
  await launch.click();
  await expect(page.locator("afterview-widget").getByRole("heading", { name: /welcome/i })).toBeVisible();
  // The main module, then only the app's own chunks (they follow the first screen).
  expect(wasm[0]).toMatch(/\/afterview-[0-9a-f]+\.wasm$/);
  for (const url of wasm.slice(1)) expect(url).toMatch(/\/afterview-(split|chunk)_\w+-[0-9a-f]+\.wasm$/);
});

/** Serves a copy of dist/ from a temporary folder on loopback (so a test can change "the build"). */
async function serveCopy() {
  const folder = mkdtempSync(join(tmpdir(), "afterview-dist-"));
  cpSync("dist", folder, { recursive: true });
  const server = spawn(process.execPath, ["scripts/serve.mjs", "--root", folder, "--port", "0", "--max-seconds", "120"]);
  const url = await new Promise((resolveUrl, reject) => {
    server.stdout.on("data", (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk.toString());
      if (match) resolveUrl(match[0]);
    });
    server.on("exit", () => reject(new Error("test server exited")));
  });
  return { folder, url, stop: () => { server.kill(); rmSync(folder, { recursive: true, force: true }); } };
}

test("after one visit the app works offline, and a new build is picked up after the prompt", async ({ browser }) => {
  const served = await serveCopy();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await page.goto(served.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByRole("button", { name: "Get started" }).click();
    await expect(page.locator('[data-kind="thank-you"]')).toHaveCount(2);

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('[data-kind="thank-you"]')).toHaveCount(2);
    // Views that load on first use open offline too: the worker precached their chunks.
    await page.getByRole("button", { name: "Interviews", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Interviews", level: 2 })).toBeVisible();
    await page.getByRole("button", { name: "Settings", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
    await expect(page.getByText("could not be loaded")).toHaveCount(0);
    await page.getByRole("button", { name: "Today", exact: true }).click();
    await context.setOffline(false);

    // A new build: the page's script comes under a new name, which the page and the service
    // worker refer to.
    const oldBuild = await page.evaluate(() => document.documentElement.dataset.afterviewBuild);
    const at = (file) => join(served.folder, file);
    const script = readFileSync(at("index.html"), "utf8").match(/src="(afterview-app-[0-9a-f]+\.js)"/)[1];
    const nextScript = script.replace(/-[0-9a-f]+\.js$/, "-0123456789.js");
    writeFileSync(at(nextScript), readFileSync(at(script), "utf8").replaceAll(oldBuild, "next-build"));
    for (const file of ["sw.js", "index.html"]) {
      writeFileSync(at(file), readFileSync(at(file), "utf8").replaceAll(oldBuild, "next-build").replaceAll(script, nextScript));
    }
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
    const prompt = page.getByRole("button", { name: "Reload to update" });
    await expect(prompt).toBeVisible();
    await Promise.all([page.waitForEvent("load"), prompt.click()]);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.afterviewBuild)).toBe("next-build");
    await expect(page.locator('[data-kind="thank-you"]')).toHaveCount(2);
  } finally {
    await context.close();
    served.stop();
  }
});

test("the single-file build works from disk, and its data persists", async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  const file = `file://${resolve("dist/afterview.html")}`;
  await page.goto(file);
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Add an example interview to explore").uncheck();
  await page.getByRole("button", { name: "Get started" }).click();
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Add interview" }).click();
  await page.getByLabel("Company *").fill("Offline Ltd");
  await page.getByLabel("Role *").fill("Analyst");
  await page.locator("#av-round-0-date").fill("2026-11-19");
  await page.locator("#av-round-0-start").fill("14:00");
  await page.locator("#av-round-0-end").fill("15:00");
  await page.locator("#av-round-0-person-0-name").fill("Kim Lee");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-process-title")).toHaveText("Offline Ltd — Analyst");
  await page.reload();
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await expect(page.getByRole("button", { name: "Offline Ltd — Analyst" })).toBeVisible();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 2 })).toBeVisible();
  expect(requests.filter((url) => !url.startsWith("file://") && !url.startsWith("data:"))).toEqual([]);
});
