// Time zones: a named zone picked in Settings (an unknown name is refused), an interview
// typed in the zone it happened in, and the thank-you note due at the right time in the
// user's zone. The browser itself runs in Europe/Paris.
import { expect, test } from "@playwright/test";
import { onboard, openFresh } from "./support.mjs";

test("a zone picked in Settings and a round in another zone give the right thank-you times", async ({ page }) => {
  const errors = await openFresh(page);
  await onboard(page);

  // Settings: the device zone is named, and the list offers the browser's zones.
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  const zone = page.getByLabel("Time zone", { exact: true });
  await expect(zone).toHaveValue("Device zone (Europe/Paris)");
  await expect(page.locator("#av-set-zone-now")).toHaveText("Now UTC+01:00");
  expect(await page.locator("#av-set-zone-list option").count()).toBeGreaterThan(300);
  await expect(page.locator('#av-set-zone-list option[value="America/New_York"]')).toHaveCount(1);

  // A misspelt zone gets a message and is not saved.
  await zone.fill("America/New_Yrok");
  await zone.press("Tab");
  await expect(page.locator("#av-set-zone-error")).toContainText("America/New_Yrok");
  await expect(zone).toHaveAttribute("aria-invalid", "true");
  const saved = () => page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(":data"));
    return JSON.parse(localStorage.getItem(key)).data.settings.time_zone;
  });
  expect(await saved()).toEqual({ type: "device" });

  // Typed in any case, the zone is taken in the browser's spelling and saved.
  await zone.fill("america/new_york");
  await zone.press("Tab");
  await expect(page.locator("#av-set-zone-error")).toHaveCount(0);
  await expect(page.locator("#av-set-zone-now")).toHaveText("Now UTC-05:00");
  await expect.poll(saved).toEqual({ type: "named", name: "America/New_York" });

  // An interview in London, typed in London time: 10:00 to 11:00 is 05:00 to 06:00 in New York.
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Add interview" }).click();
  await expect(page.locator("#av-round-0-zone")).toHaveAttribute("placeholder", "Your zone: America/New_York");
  await page.getByLabel("Company *").fill("Harbour Freight Systems");
  await page.getByLabel("Role *").fill("Backend developer");
  await page.locator("#av-round-0-date").fill("2026-11-19");
  await page.locator("#av-round-0-start").fill("10:00");
  await page.locator("#av-round-0-end").fill("11:00");
  await page.locator("#av-round-0-person-0-name").fill("Tomasz Wilk");
  await page.locator("#av-round-0-person-0-email").fill("tomasz@harbour.example");

  // A zone that does not exist is refused on the field; the form keeps everything.
  await page.locator("#av-round-0-zone").fill("Europe/Londres");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-round-0-zone-error")).toContainText("Europe/Londres");
  await expect(page.getByLabel("Company *")).toHaveValue("Harbour Freight Systems");

  await page.locator("#av-round-0-zone").fill("Europe/London");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-process-title")).toHaveText("Harbour Freight Systems — Backend developer");
  // The process page says where the time was arranged and what it is at home.
  await expect(page.getByText("Thu 19 Nov, 10:00–11:00 Europe/London time (05:00–06:00 your time)")).toBeVisible();

  // Editing shows the round in its own zone, with the times as typed.
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(page.locator("#av-round-0-zone")).toHaveValue("Europe/London");
  await expect(page.locator("#av-round-0-start")).toHaveValue("10:00");
  await page.getByRole("button", { name: "Cancel" }).click();

  // The thank-you window opens two hours after the round (08:00 in New York) and closes a
  // day after it ended.
  await page.getByRole("button", { name: "Today", exact: true }).click();
  const thanks = page.locator('[data-kind="thank-you"]');
  await expect(thanks).toHaveCount(1);
  await expect(thanks).toHaveAttribute("data-due", "2026-11-19");
  await thanks.locator(".av-row-toggle").click();
  await expect(thanks.locator(".av-action-meta").last()).toContainText("window Thu 19 Nov, 08:00 to Fri 20 Nov, 06:00");

  // The stored round keeps its zone and its own offset.
  const round = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.endsWith(":data"));
    return JSON.parse(localStorage.getItem(key)).data.processes[0].rounds[0];
  });
  expect(round.zone).toBe("Europe/London");
  expect(round.start).toBe("2026-11-19T10:00:00Z");

  expect(errors).toEqual([]);
});
