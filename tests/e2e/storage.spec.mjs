// Nothing a job seeker records is lost: every storage failure is provoked for real and must
// show its message and keep the data; two tabs merge; a backup restores into a fresh profile.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { addInterview, onboard, openFresh } from "./support.mjs";

const KEY = "afterview:data";

test("unreadable stored data is set aside, offered for download, and never overwritten", async ({ page }) => {
  await openFresh(page);
  await page.evaluate((key) => localStorage.setItem(key, '{"format":"afterview","schema_version":2,"data":{"processes":[{"id":'), KEY);
  await page.reload();
  const banner = page.getByTestId("banner-quarantine");
  await expect(banner).toBeVisible();
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":quarantine:")).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual(['{"format":"afterview","schema_version":2,"data":{"processes":[{"id":']);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("banner-quarantine-download").click()]);
  expect(readFileSync(await download.path(), "utf8")).toContain('"processes":[{"id":');
  // The app still works, starting empty, and the copy set aside survives new saves.
  await onboard(page);
  await addInterview(page);
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(":quarantine:")).length);
  expect(after).toBe(1);
});

test("data from a newer version opens read-only and is never written", async ({ page }) => {
  await openFresh(page);
  const newer = JSON.stringify({ format: "afterview", schema_version: 99, saved_at: "2026-11-19T10:00:00+01:00", data: { settings: { name: "Future", onboarded: true }, processes: [] } });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, newer]);
  await page.reload();
  await expect(page.getByTestId("banner-read-only")).toBeVisible();
  await page.getByRole("button", { name: /Theme:/ }).click();
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
});

test("a full storage keeps working in memory, warns, and offers an export", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  // Fill the origin's quota with other data, as a busy host page might.
  await page.evaluate(() => {
    let size = 256 * 1024;
    for (let i = 0; size >= 1 && i < 10000; i++) {
      try { localStorage.setItem(`host-fill-${i}`, "x".repeat(size)); } catch { size = Math.floor(size / 2); }
    }
  });
  await addInterview(page);
  await expect(page.getByTestId("banner-storage-full")).toBeVisible();
  // The interview is still there in this session, and can be exported.
  await page.getByRole("button", { name: "Today", exact: true }).click();
  await expect(page.locator('[data-kind="thank-you"]')).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("banner-storage-full").getByRole("button", { name: /backup/i }).click(),
  ]);
  const backup = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(backup.data.processes.map((p) => p.company)).toEqual(["Acme Robotics"]);
});

test("in a sandboxed frame with no storage the app runs for the visit and says so", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-19T18:30:00+01:00"));
  await page.route("**/sandboxed.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><title>Sandboxed</title></head><body>
      <iframe title="Afterview" src="index.html" sandbox="allow-scripts allow-forms" style="width:900px;height:800px"></iframe></body></html>`,
  }));
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("./sandboxed.html");
  const frame = page.frameLocator("iframe");
  await expect(frame.getByTestId("banner-storage-unavailable")).toBeVisible();
  await frame.getByLabel("Your name").fill("Ada Lovelace");
  await frame.getByRole("button", { name: "Get started" }).click();
  await expect(frame.locator('[data-kind="thank-you"]')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test("two tabs editing different interviews both keep their edits", async ({ context }) => {
  const first = await context.newPage();
  await openFresh(first);
  await onboard(first);
  await addInterview(first);
  const second = await context.newPage();
  await second.clock.setFixedTime(new Date("2026-11-19T18:30:00+01:00"));
  await second.goto("./");
  await expect(second.locator('[data-kind="thank-you"]')).toHaveCount(2);

  // Tab one logs a reply; tab two, holding the older copy, marks a thank-you done.
  await first.getByLabel("What happened", { exact: true }).selectOption({ label: "They replied" });
  await first.getByRole("button", { name: "Add to timeline" }).click();
  await second.locator('[data-kind="thank-you"] .av-row-toggle').first().click();
  await second.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Mark done" }).click();
  await second.getByRole("button", { name: "Save as done" }).click();

  for (const page of [first, second]) {
    await page.getByRole("button", { name: "Interviews", exact: true }).click();
    await page.getByRole("button", { name: "Acme Robotics — Backend Engineer" }).click();
    await expect(page.getByTestId("timeline")).toContainText("They replied");
    await expect(page.getByTestId("timeline")).toContainText("Sent: Thank-you note");
  }
  const stored = await first.evaluate((key) => JSON.parse(localStorage.getItem(key)).data.processes[0].events.length, KEY);
  expect(stored).toBe(2);
});

test("a backup exported here and imported into a fresh profile gives identical data", async ({ page, browser }) => {
  await openFresh(page);
  await onboard(page, "Ada Lovelace", { sample: true });
  await addInterview(page);
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-backup").click()]);
  const file = await download.path();
  const original = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).data, KEY);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await openFresh(other);
    await other.getByRole("button", { name: "Skip" }).click();
    await other.getByRole("button", { name: "Settings", exact: true }).click();
    await other.getByLabel("Import backup").setInputFiles(file);
    await expect(other.getByTestId("import-backup-preview")).toContainText("2");
    await other.getByText("Replace: make this browser's data exactly the file's").click();
    await other.getByTestId("import-backup-confirm").click();
    await expect(other.getByTestId("import-backup-preview")).toHaveCount(0);
    const imported = await other.evaluate((key) => JSON.parse(localStorage.getItem(key)).data, KEY);
    expect(imported.processes).toEqual(original.processes);
    expect(imported.settings).toEqual(original.settings);
  } finally {
    await fresh.close();
  }
});

test("the backup reminder can be put off for the visit, comes back on the next, and a backup download ends it", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-19T10:00:00+01:00"));
  await openFresh(page);
  const stored = JSON.stringify({
    format: "afterview", schema_version: 5, saved_at: "2026-11-19T08:00:00+01:00",
    data: {
      settings: { name: "Ana Sousa", onboarded: true },
      last_export_at: "2026-09-01T09:00:00+02:00",
      processes: [{ id: 1, company: "Lumen Analytics", role: "Data engineer", rounds: [], events: [], revision: 1 }],
    },
  });
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, stored]);
  await page.reload();
  const banner = page.getByTestId("banner-backup-reminder");
  await expect(banner).toContainText("more than 30 days old");
  await page.getByTestId("banner-reminder-later").click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(banner).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("banner-reminder-download").click()]);
  const backup = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(backup.data.processes[0].company).toBe("Lumen Analytics");
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("toast")).toContainText("Backup saved as");
});
