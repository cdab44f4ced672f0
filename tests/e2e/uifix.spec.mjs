// Defects found by using the app as a new user would: sandboxed frames, impossible dates,
// focus after each step, the draft dialog's focus trap, the page theme, narrow screens, the
// icon, wording in the interview list, plurals, the page heading and the onboarding menu.
import { expect, test } from "@playwright/test";
import { NOW, addInterview, onboard, openFresh } from "./support.mjs";

/** What has focus, described so a failing test says where it went. */
const focused = (page) => page.evaluate(() => {
  const element = document.activeElement;
  return {
    tag: element?.tagName.toLowerCase(),
    id: element?.id ?? "",
    text: (element?.textContent ?? "").trim().slice(0, 60),
    inDialog: Boolean(element?.closest("dialog[open]")),
    // Past the dialog's last control, focus may leave the page for the browser's own toolbar
    // (the document loses focus); it must never reach the page behind the dialog.
    behindDialog: document.hasFocus() && !element?.closest("dialog[open]"),
  };
});

test("in a frame sandboxed without allow-forms, onboarding and saving an interview work", async ({ page, baseURL }) => {
  await page.clock.setFixedTime(NOW);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/sandbox-host.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><title>Host</title></head><body>
      <iframe title="Afterview" src="${new URL("./", baseURL)}" sandbox="allow-scripts allow-same-origin"
        style="width: 1000px; height: 1400px; border: 0"></iframe></body></html>`,
  }));
  await page.goto("./sandbox-host.html");
  const frame = page.frameLocator("iframe");
  await expect(frame.locator(".av-app")).toBeVisible();
  await onboard(frame);
  await expect(frame.getByRole("heading", { name: /welcome/i })).toHaveCount(0);
  await addInterview(frame);
  expect(errors).toEqual([]);
});

test("Enter in a single-line field still saves, in onboarding and in the log form", async ({ page }) => {
  await openFresh(page);
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Your name").press("Enter");
  await expect(page.getByRole("heading", { name: /welcome/i })).toHaveCount(0);
  await addInterview(page);
  await page.locator("#av-log-note").fill("They said the team decides next week");
  await page.locator("#av-log-note").press("Enter");
  await expect(page.getByTestId("timeline").locator("li")).not.toHaveCount(0);

  // In Settings, Enter in the holiday field adds the day and does not save the form...
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByRole("button", { name: "Dismiss this message" }).click();
  await page.locator("#av-set-holiday").fill("2026-12-24");
  await page.locator("#av-set-holiday").press("Enter");
  await expect(page.getByRole("list", { name: "Days off" })).toContainText("Thu 24 Dec 2026");
  await expect(page.locator(".av-toast")).toHaveCount(0);
  // ...while Enter in the name field saves it.
  await page.getByTestId("settings-form").getByLabel("Name", { exact: true }).fill("Ada King");
  await page.getByTestId("settings-form").getByLabel("Name", { exact: true }).press("Enter");
  await expect(page.locator(".av-toast")).toContainText("Settings saved.");
});

test("an impossible date (31/02) is named as a day that does not exist, and stays typed", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Add interview" }).click();
  await page.getByLabel("Company *").fill("Acme Robotics");
  await page.getByLabel("Role *").fill("Backend Engineer");
  const date = page.locator("#av-round-0-date");
  const unreadable = () => date.evaluate((input) => input.validity.badInput);
  // The field's part order follows the browser's language (day or month first); each part
  // moves on to the next by itself. Type 31 February in whichever order the field takes.
  for (const keys of ["31022026", "02312026"]) {
    // Empty, and focused afresh so typing starts in the first part.
    await date.fill("");
    await date.blur();
    await date.focus();
    await page.keyboard.type(keys);
    if (await unreadable()) break;
  }
  expect(await unreadable()).toBe(true);
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-round-0-date-error")).toContainText("does not exist");
  // Nothing typed was wiped by the re-render.
  expect(await unreadable()).toBe(true);

  // Emptied on purpose, the field asks for a day as before.
  await date.fill("");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-round-0-date-error")).toHaveText("Enter the day of this round.");
});

test("focus lands on the new view's heading, and a failed save brings the first problem into view", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await openFresh(page);
  await onboard(page);
  expect(await focused(page)).toMatchObject({ tag: "h2", text: expect.stringMatching(/^Today/) });

  // A view fetched on first use is drawn, and takes focus, once its chunk has arrived.
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await expect.poll(() => focused(page)).toMatchObject({ tag: "h2", text: expect.stringMatching(/^Interviews/) });
  await page.getByRole("button", { name: "Add interview" }).click();
  await expect.poll(() => focused(page)).toMatchObject({ tag: "h2", text: "Add an interview" });

  const save = page.getByRole("button", { name: "Save interview" });
  await save.scrollIntoViewIfNeeded();
  await save.click();
  expect(await focused(page)).toMatchObject({ id: "av-company" });
  await expect(page.getByLabel("Company *")).toBeInViewport();
  await expect(page.locator("#av-company-error")).toBeInViewport();

  // Back at the button, nothing covers it.
  await save.scrollIntoViewIfNeeded();
  const covered = await save.evaluate((button) => {
    const box = button.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !button.contains(top);
  });
  expect(covered).toBe(false);
});

test("the draft dialog keeps Tab inside and gives focus back to its opener", async ({ page }) => {
  await openFresh(page);
  await onboard(page, "Ada Lovelace", { sample: true });
  const opener = page.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Open draft" });
  await opener.click();
  await expect(page.locator("#av-draft-title")).toBeFocused();
  for (let step = 0; step < 25; step += 1) {
    await page.keyboard.press("Tab");
    expect(await focused(page), `after ${step + 1} Tab presses`).toMatchObject({ behindDialog: false });
  }
  for (let step = 0; step < 5; step += 1) {
    await page.keyboard.press("Shift+Tab");
    expect(await focused(page), `after ${step + 1} Shift+Tab presses`).toMatchObject({ behindDialog: false });
  }
  await page.keyboard.press("Escape");
  await expect(page.locator("#av-draft-title")).toHaveCount(0);
  await expect(opener).toBeFocused();

  await opener.click();
  await page.getByRole("button", { name: "Close the draft" }).click();
  await expect(page.locator("#av-draft-title")).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test("in the embedded widget too, the draft dialog gives focus back to its opener", async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await page.route("**/widget-host.html", (route) => route.fulfill({
    contentType: "text/html",
    body: `<!doctype html><html lang="en"><head><title>Widget</title>
      <script type="module" src="afterview-embed.js"></script></head><body>
      <afterview-widget load="eager" height="900px"></afterview-widget></body></html>`,
  }));
  await page.goto("./widget-host.html");
  const widget = page.locator("afterview-widget");
  await onboard(widget, "Ada Lovelace", { sample: true });
  const opener = widget.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Open draft" });
  await opener.click();
  await expect(widget.locator("dialog[open]")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(widget.locator("dialog")).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test("the dark theme on a light system darkens the whole page, not only the app", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
  await openFresh(page);
  await onboard(page);
  await page.getByRole("button", { name: /Change theme/ }).click();
  await expect(page.locator(".av-app")).toHaveAttribute("data-theme", "dark");
  const colours = await page.evaluate(() => ({
    page: getComputedStyle(document.documentElement).backgroundColor,
    scheme: getComputedStyle(document.documentElement).colorScheme,
    app: getComputedStyle(document.querySelector(".av-app")).backgroundColor,
  }));
  expect(colours.page).toBe(colours.app);
  expect(colours.scheme).toBe("dark");
});

test("at 320px nothing sticks out of the page or of any card, even a long unbroken company name", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await openFresh(page);
  await onboard(page, "Ada Lovelace", { sample: true });
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Add interview" }).click();
  const longName = "Internationalegesellschaftfuerzusammenarbeitundentwicklungsprojekte";
  await page.getByLabel("Company *").fill(longName);
  await page.getByLabel("Role *").fill("Analyst");
  await page.locator("#av-round-0-start").fill("09:00");
  await page.locator("#av-round-0-end").fill("10:00");
  await page.locator("#av-round-0-person-0-name").fill("Kim Park");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-process-title")).toContainText(longName);

  const overflow = () => page.evaluate(() => {
    const found = [];
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) found.push(`page ${page.scrollWidth} > ${page.clientWidth}`);
    for (const card of document.querySelectorAll(".av-card, .av-section")) {
      if (card.scrollWidth > card.clientWidth) {
        found.push(`${card.className} "${card.textContent.trim().slice(0, 30)}" ${card.scrollWidth} > ${card.clientWidth}`);
      }
    }
    return found;
  });
  expect(await overflow(), "process page").toEqual([]);
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await expect(page.locator("#av-interviews-title")).toBeVisible();
  expect(await overflow(), "interview list").toEqual([]);
  await page.getByRole("button", { name: "Today", exact: true }).click();
  expect(await overflow(), "today").toEqual([]);
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByTestId("data-panel")).toBeVisible();
  expect(await overflow(), "settings").toEqual([]);
});

test("the page has an icon: no request fails on load, and the single-file build carries it inline", async ({ page, request }) => {
  const failed = [];
  page.on("response", (response) => { if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`); });
  page.on("requestfailed", (failure) => failed.push(`failed ${failure.url()}`));
  await openFresh(page);
  await page.waitForLoadState("networkidle");
  expect(failed).toEqual([]);
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  const icon = await request.get(new URL(href, page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("<svg");

  const single = await request.get("afterview.html");
  expect(await single.text()).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
});

test("the interview list speaks plainly: next step by its name, a future round as the upcoming interview", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await addInterview(page);
  // A second interview, booked for next week.
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Add interview" }).click();
  await page.getByLabel("Company *").fill("Globex");
  await page.getByLabel("Role *").fill("Data Engineer");
  await page.locator("#av-round-0-date").fill("2026-11-24");
  await page.locator("#av-round-0-start").fill("10:00");
  await page.locator("#av-round-0-end").fill("11:00");
  await page.locator("#av-round-0-person-0-name").fill("Lee Chen");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-process-title")).toHaveText("Globex — Data Engineer");
  await page.getByRole("button", { name: "Interviews", exact: true }).click();

  const globex = page.locator("li.av-card", { hasText: "Globex" }).locator(".av-action-meta");
  await expect(globex).toContainText("Upcoming interview Tue 24 Nov, 10:00");
  await expect(globex).not.toContainText("Last round");
  await expect(globex).toContainText("1 round");
  const acme = page.locator("li.av-card", { hasText: "Acme Robotics" }).locator(".av-action-meta");
  await expect(acme).toContainText("Last round Thu 19 Nov · 1 round");
  // The next step reads as its label does elsewhere ("Thank-you note"), not lower-cased.
  await expect(acme).toContainText(/Next: [A-Z]/);
  await expect(page.locator(".av-app")).not.toContainText("(s)");
});

test("counts are written with real plurals in the draft and the form", async ({ page }) => {
  await openFresh(page);
  await onboard(page, "Ada Lovelace", { sample: true });
  await page.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Open draft" }).click();
  const body = page.locator("#av-draft-body");
  await body.fill(`${await body.inputValue()}\nI'm gonna follow up soon.`);
  await expect(page.locator(".av-finding")).not.toHaveCount(0);
  const findings = await page.locator(".av-finding").count();
  await expect(page.locator("#av-findings-title")).toContainText(
    `Proofreading: ${findings} ${findings === 1 ? "finding" : "findings"}`,
  );
  await expect(page.locator("dialog")).not.toContainText("(s)");
  await page.getByRole("button", { name: "Close the draft" }).click();

  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Add interview" }).click();
  await page.getByLabel("Role *").fill("Analyst");
  await page.locator("#av-round-0-start").fill("09:00");
  await page.locator("#av-round-0-end").fill("10:00");
  await page.locator("#av-round-0-person-0-name").fill("Kim Park");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please fix" })).toHaveText(
    "Please fix the 1 highlighted field below. Everything you typed is kept.",
  );
});

test("the page has one level-one heading, and the menu says why it waits during onboarding", async ({ page }) => {
  await openFresh(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Afterview");
  const settings = page.getByRole("button", { name: "Settings", exact: true });
  await expect(settings).toBeDisabled();
  await expect(page.locator("#av-nav-hint")).toBeVisible();
  await expect(settings).toHaveAccessibleDescription(/Get started or Skip/);
  await onboard(page);
  await expect(page.locator("#av-nav-hint")).toHaveCount(0);
  await settings.click();
  await expect(page.getByTestId("data-panel")).toBeVisible();
});
