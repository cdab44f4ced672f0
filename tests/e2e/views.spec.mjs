// Every view: no accessibility violations (axe-core), screenshots at phone and desktop widths in
// light and dark, and the main flow driven by keyboard alone.
import { expect, test } from "@playwright/test";
import { addInterview, expectNoAxeViolations, onboard, openFresh, screenshot } from "./support.mjs";

const views = [
  ["onboarding", async () => {}],
  ["today", async (page) => page.getByRole("button", { name: "Today", exact: true }).click()],
  ["interviews", async (page) => page.getByRole("button", { name: "Interviews", exact: true }).click()],
  ["process", async (page) => {
    await page.getByRole("button", { name: "Interviews", exact: true }).click();
    await page.getByRole("button", { name: /Northwind Studio/ }).click();
  }],
  ["form", async (page) => {
    await page.getByRole("button", { name: "Interviews", exact: true }).click();
    await page.getByRole("button", { name: "Add interview" }).click();
  }],
  ["settings", async (page) => page.getByRole("button", { name: "Settings", exact: true }).click()],
  ["draft", async (page) => {
    await page.getByRole("button", { name: "Today", exact: true }).click();
    await page.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Open draft" }).click();
  }],
];

for (const scheme of ["light", "dark"]) {
  for (const width of [360, 1280]) {
    test(`views at ${width}px in ${scheme}: accessible and captured`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      const errors = await openFresh(page);
      for (const [name, open] of views) {
        if (name === "today") await onboard(page, "Ada Lovelace", { sample: true });
        await open(page);
        await expect(page.locator(".av-app")).toBeVisible();
        // Nothing may overflow the widget sideways at phone width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} overflows at ${width}px`).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page, `${name} (${width}px, ${scheme})`);
        await screenshot(page, `${name}-${width}-${scheme}`);
        if (name === "draft") await page.getByRole("button", { name: "Close the draft" }).click();
      }
      expect(errors).toEqual([]);
    });
  }
}

test("the main flow works from the keyboard alone", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await addInterview(page);
  // Back to Today by keyboard: focus the nav button and press Enter.
  await page.getByRole("button", { name: "Today", exact: true }).focus();
  await page.keyboard.press("Enter");
  const firstDraft = page.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Open draft" });
  // Tab until the first "Open draft" button has focus.
  for (let i = 0; i < 40 && !(await firstDraft.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(firstDraft).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#av-draft-title")).toBeFocused();
  // Escape closes the panel.
  await page.keyboard.press("Escape");
  await expect(page.locator("#av-draft-title")).toHaveCount(0);
  // Mark done by keyboard: expand the row, then its "Mark done".
  await page.locator('[data-kind="thank-you"] .av-row-toggle').first().focus();
  await page.keyboard.press("Enter");
  const done = page.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Mark done" });
  await done.focus();
  await page.keyboard.press("Enter");
  const save = page.getByRole("button", { name: "Save as done" });
  for (let i = 0; i < 12 && !(await save.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator('[data-kind="thank-you"]')).toHaveCount(1);
  // A visible focus ring is drawn on focused controls.
  await page.getByRole("button", { name: "Interviews", exact: true }).focus();
  const outline = await page.getByRole("button", { name: "Interviews", exact: true }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
});
