// The release build mounts, greets a first-time visitor, and keeps what they enter across a reload.
import { expect, test } from "@playwright/test";
import { onboard, openFresh, screenshot } from "./support.mjs";

test("a first visit mounts the app and shows onboarding", async ({ page }) => {
  const errors = await openFresh(page);
  await expect(page.locator(".av-brand")).toContainText("Afterview");
  await expect(page.getByRole("heading", { name: /welcome/i })).toBeVisible();
  await expect(page.locator(".afterview-loading")).toHaveCount(0);
  await screenshot(page, "first-visit");
  expect(errors).toEqual([]);
});

test("what the user enters survives a reload through localStorage", async ({ page }) => {
  await openFresh(page);
  await onboard(page, "Grace Hopper", { sample: true });
  await expect(page.locator('[data-kind="thank-you"]').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: /welcome/i })).toHaveCount(0);
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Grace Hopper");
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("afterview:data")));
  expect(stored.schema_version).toBe(5);
  expect(stored.data.settings.name).toBe("Grace Hopper");
  expect(stored.data.processes).toHaveLength(1);
});
