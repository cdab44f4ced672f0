// Stored text is kept exactly as the browser holds it: a copy set aside is byte for byte the
// original (lone surrogates included), made once per content, under a key that was free.
import { expect, test } from "@playwright/test";
import { addInterview, onboard, openFresh } from "./support.mjs";

const KEY = "afterview:data";

/** Quarantined copies as [key, equals the text built by `make`] pairs, compared in the page
 *  (a lone surrogate would not survive the trip to the test runner). */
async function copies(page, make) {
  return page.evaluate((source) => {
    const original = new Function(`return ${source}`)();
    return Object.keys(localStorage)
      .filter((k) => k.startsWith("afterview:quarantine:"))
      .sort()
      .map((k) => [k, localStorage.getItem(k) === original]);
  }, make);
}

// Text cut inside an emoji: a high surrogate with no low one, so not even JSON.
const CUT = String.raw`'{"format":"afterview","schema_version":2,"data":{"settings":{"name":"Ana \uD83D'`;
// A readable document whose name holds a lone surrogate: Rust can only read it as U+FFFD.
const DAMAGED = String.raw`'{"format":"afterview","schema_version":2,"saved_at":"2026-11-19T10:00:00+01:00","data":{"settings":{"name":"Ana \uD83D","onboarded":true},"processes":[]}}'`;

test("text cut inside an emoji is set aside exactly, once, under a free key", async ({ page }) => {
  await openFresh(page);
  // Something else already sits under the key this moment would give: it must survive.
  const occupied = "afterview:quarantine:20261119T173000.000Z";
  await page.evaluate(([key, occupiedKey, source]) => {
    localStorage.setItem(occupiedKey, "an older copy");
    localStorage.setItem(key, new Function(`return ${source}`)());
  }, [KEY, occupied, CUT]);
  expect(await page.evaluate((source) => new Function(`return ${source}`)().isWellFormed(), CUT)).toBe(false);

  await page.reload();
  await expect(page.getByTestId("banner-quarantine")).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), occupied)).toBe("an older copy");
  const first = await copies(page, CUT);
  expect(first).toEqual([
    [occupied, false],
    [`${occupied}-2`, true],
  ]);

  // Two more loads of the same unreadable text make no further copy.
  await page.reload();
  await expect(page.getByTestId("banner-quarantine")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("banner-quarantine")).toBeVisible();
  expect(await copies(page, CUT)).toEqual(first);
});

test("readable data with a damaged character keeps an exact copy before any save", async ({ page }) => {
  await openFresh(page);
  await page.evaluate(([key, source]) => localStorage.setItem(key, new Function(`return ${source}`)()), [KEY, DAMAGED]);
  await page.reload();
  await expect(page.locator(".av-app")).toBeVisible();
  const first = await copies(page, DAMAGED);
  expect(first.map(([, same]) => same)).toEqual([true]);
  await page.reload();
  await expect(page.locator(".av-app")).toBeVisible();
  await page.reload();
  await expect(page.locator(".av-app")).toBeVisible();
  expect(await copies(page, DAMAGED)).toEqual(first);
});

test("restoring into a fresh browser keeps the backup's settings, whichever mode", async ({ page, browser }) => {
  await openFresh(page);
  await onboard(page, "Ada Lovelace");
  await addInterview(page);
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-backup").click()]);
  const file = await download.path();

  for (const mode of ["default", "Merge"]) {
    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await openFresh(other);
      await other.getByRole("button", { name: "Skip" }).click();
      await other.getByRole("button", { name: "Settings", exact: true }).click();
      await other.getByLabel("Import backup").setInputFiles(file);
      const preview = other.getByTestId("import-backup-preview");
      await expect(preview).toBeVisible();
      // Nothing here to keep: Replace is offered first.
      await expect(other.locator('input[name="av-import-mode"][value="replace"]')).toBeChecked();
      if (mode === "Merge") await other.getByText("Merge: add what is new").click();
      await other.getByTestId("import-backup-confirm").click();
      await expect(preview).toHaveCount(0);
      const settings = await other.evaluate((key) => JSON.parse(localStorage.getItem(key)).data.settings, KEY);
      expect(settings.name, mode).toBe("Ada Lovelace");
      expect(settings.onboarded).toBe(true);
    } finally {
      await fresh.close();
    }
  }
});
