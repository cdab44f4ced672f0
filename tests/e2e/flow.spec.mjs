// The main flow, tried as a new user would: onboarding, adding an interview with two
// interviewers, the thank-you actions and their dates, a draft edited and proofread, copied,
// marked done, a reload, and a rejection logged.
import { expect, test } from "@playwright/test";
import { addInterview, onboard, openFresh } from "./support.mjs";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a new user plans, drafts, copies and completes a thank-you note", async ({ page }) => {
  const errors = await openFresh(page);

  // First visit: onboarding asks for the name.
  await expect(page.getByRole("heading", { name: /welcome/i })).toBeVisible();
  await onboard(page);

  // A failed submit names the missing fields and keeps what was typed.
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Add interview" }).click();
  await page.getByLabel("Role *").fill("Backend Engineer");
  await page.locator("#av-round-0-end").fill("13:00");
  await page.locator("#av-round-0-start").fill("14:00");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-company-error")).toHaveText("Enter the company's name.");
  await expect(page.locator("#av-round-0-end-error")).toHaveText("The end must be after the start.");
  await expect(page.getByLabel("Company *")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Role *")).toHaveValue("Backend Engineer");
  await page.getByRole("button", { name: "Cancel" }).click();

  await addInterview(page);

  // Both interviewers get a thank-you note, due the evening of the interview (rule T1).
  await page.getByRole("button", { name: "Today", exact: true }).click();
  const thanks = page.locator('[data-kind="thank-you"]');
  await expect(thanks).toHaveCount(2);
  for (const card of await thanks.all()) {
    await expect(card).toHaveAttribute("data-due", "2026-11-19");
    await expect(card).toHaveAttribute("data-rule", /T1/);
  }
  await expect(page.locator('[data-kind="status-inquiry"]')).toHaveAttribute("data-due", "2026-11-26");

  // "Why this date?" explains the rule in words and names it.
  const dana = thanks.filter({ hasText: "Dana Whitfield" });
  // Rows are compact: the window and the "why" are on expand.
  await dana.locator(".av-row-toggle").click();
  await dana.getByText("Why this date?").click();
  await expect(dana.locator(".av-why p").first()).toContainText("15:00");
  await expect(dana.locator(".av-rule")).toContainText("T1");

  // The draft is personal, and proofreading follows the user's edits.
  await dana.getByRole("button", { name: "Open draft" }).click();
  const body = page.locator("#av-draft-body");
  await expect(body).toHaveValue(/Dana/);
  await expect(body).toHaveValue(/queue/);
  await expect(page.locator(".av-finding")).toHaveCount(0);
  const original = await body.inputValue();
  await body.fill(original.replace(/^(.*\n)/, "$1I'm gonna keep thinking about it.\n"));
  await expect(page.locator('.av-finding[data-check="slang"]')).toBeVisible();
  await body.fill((await body.inputValue()).replace("gonna", "going to"));
  await expect(page.locator('.av-finding[data-check="slang"]')).toHaveCount(0);

  // Copy puts the subject and the edited body on the clipboard.
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByTestId("copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^Subject: /);
  expect(copied).toContain("going to keep thinking about it");

  // The mail link carries the same text.
  const href = await page.getByRole("link", { name: "Open in mail app" }).getAttribute("href");
  expect(href).toMatch(/^mailto:dana\.whitfield@acme\.example\?subject=/);

  // Marking it done removes it from Today and logs it.
  await page.getByRole("button", { name: "Mark done" }).last().click();
  await expect(page.locator('[data-kind="thank-you"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="thank-you"]')).toContainText("Sam Ortiz");

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.locator('[data-kind="thank-you"]')).toHaveCount(1);
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Acme Robotics — Backend Engineer" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Sent: Thank-you note by email (Dana Whitfield)");

  // A rejection closes the process and asks for a gracious reply (rule T12).
  await page.getByLabel("What happened", { exact: true }).selectOption({ label: "They turned me down" });
  await page.getByRole("button", { name: "Add to timeline" }).click();
  await expect(page.getByTestId("process-status")).toHaveText("Rejected");
  await expect(page.locator('[data-kind="rejection-reply"]')).toHaveCount(1);
  await expect(page.locator('[data-kind="thank-you"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("snoozing keeps the action inside its window and dismissing hides it", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await addInterview(page);
  await page.getByRole("button", { name: "Today", exact: true }).click();
  const inquiry = page.locator('[data-kind="status-inquiry"]');
  await inquiry.locator(".av-row-toggle").click();
  await inquiry.getByRole("button", { name: "Snooze" }).click();
  const date = inquiry.getByLabel("Remind me on");
  await date.fill("2026-12-30");
  await inquiry.getByRole("button", { name: "Snooze" }).last().click();
  await expect(inquiry.locator(".av-error")).toContainText("Pick a day");
  await date.fill("2026-12-01");
  await inquiry.getByRole("button", { name: "Snooze" }).last().click();
  // Snoozed past next week, it moves to the collapsed "Later" group.
  await page.locator('[data-group="later"]').getByRole("button", { name: /^Show/ }).click();
  await expect(page.locator('[data-kind="status-inquiry"]')).toHaveAttribute("data-due", "2026-12-01");
  if ((await page.locator('[data-kind="status-inquiry"]').getAttribute("data-expanded")) !== "true") {
    await page.locator('[data-kind="status-inquiry"] .av-row-toggle').click();
  }
  await page.locator('[data-kind="status-inquiry"]').getByRole("button", { name: "Dismiss" }).click();
  await expect(page.locator('[data-kind="status-inquiry"]')).toHaveCount(0);
});

test("deleting an interview can be undone", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await addInterview(page);
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("No interviews yet.")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.locator("#av-process-title")).toHaveText("Acme Robotics — Backend Engineer");
});

test("the clipboard being denied falls back to selecting the text", async ({ page, context }) => {
  await context.clearPermissions();
  await openFresh(page);
  await onboard(page);
  await addInterview(page);
  await page.getByRole("button", { name: "Today", exact: true }).click();
  await page.locator('[data-kind="thank-you"]').first().getByRole("button", { name: "Open draft" }).click();
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
  });
  await page.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(page.getByTestId("copy-fallback")).toBeVisible();
  const selected = await page.evaluate(() => {
    const area = document.querySelector("#av-draft-body");
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });
  expect(selected.length).toBeGreaterThan(50);
});

test("text typed into a draft is still there after closing and reopening it", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await addInterview(page);
  await page.getByRole("button", { name: "Today", exact: true }).click();
  const card = page.locator('[data-kind="thank-you"]').filter({ hasText: "Sam Ortiz" });
  await card.getByRole("button", { name: "Open draft" }).click();
  const body = page.locator("#av-draft-body");
  await body.fill("Dear Sam,\n\nA line I wrote myself about the on-call rotation.\n\nBest regards,\nAda Lovelace");
  await page.keyboard.press("Escape");
  await expect(body).toHaveCount(0);
  await card.getByRole("button", { name: "Open draft" }).click();
  await expect(page.locator("#av-draft-body")).toHaveValue(/A line I wrote myself/);
  await page.getByRole("button", { name: "Undo my edits" }).click();
  await expect(page.locator("#av-draft-body")).not.toHaveValue(/A line I wrote myself/);
});
