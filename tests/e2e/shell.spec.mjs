// The app mounts from the release build and keeps what the user types across a reload.
import { expect, test } from "@playwright/test";

test("the app mounts and shows its empty state", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("./");
  await expect(page.getByRole("heading", { name: "Afterview" })).toBeVisible();
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await page.screenshot({ path: "target/e2e/shell.png" });
  expect(errors).toEqual([]);
});

test("a value typed survives a reload through localStorage", async ({ page }) => {
  await page.goto("./");
  await page.getByLabel("Your name").fill("Ada Example");
  await page.reload();
  await expect(page.getByLabel("Your name")).toHaveValue("Ada Example");
});
