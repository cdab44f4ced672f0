// Nothing a person types is lost: logged notes, two tabs editing one interview, settings left
// without saving, and undo for dismissing or removing.
import { expect, test } from "@playwright/test";
import { addInterview, onboard, openFresh } from "./support.mjs";

async function openProcess(page) {
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Acme Robotics — Backend Engineer" }).click();
  await expect(page.locator("#av-process-title")).toBeVisible();
}

test("a logged note reaches the timeline and the update draft", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await addInterview(page);

  // "Who" starts unset: a plain reply is not attributed to anyone.
  await page.locator("#av-log-kind").selectOption("reply");
  await expect(page.locator("#av-log-person")).toHaveValue("");
  await page.locator("#av-log-note").fill("Short call, they are still interviewing.");
  await page.getByRole("button", { name: "Add to timeline" }).click();
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("They replied — Short call, they are still interviewing.");
  await expect(timeline).not.toContainText("They replied (");

  // The news typed with an update request is what the update draft says.
  await page.locator("#av-log-kind").selectOption("update-requested");
  await expect(page.getByLabel("Your news (used in the update draft)")).toBeVisible();
  await page.getByLabel("Your news (used in the update draft)").fill("I finished the AWS data engineering certificate");
  await page.getByRole("button", { name: "Add to timeline" }).click();
  await expect(timeline).toContainText("I finished the AWS data engineering certificate");
  const update = page.locator('[data-kind="send-update"]').first();
  await update.getByRole("button", { name: "Open draft" }).click();
  await expect(page.locator("#av-draft-body")).toHaveValue(/AWS data engineering certificate/);

  // Stored, not only shown.
  await page.reload();
  await openProcess(page);
  await expect(page.getByTestId("timeline")).toContainText("Short call, they are still interviewing.");
});

test("a date that does not exist is named as such in the log form", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await addInterview(page);
  await page.locator("#av-log-kind").selectOption("decision-date");
  const date = page.locator("#av-log-date");
  const unreadable = () => date.evaluate((input) => input.validity.badInput);
  // 31 February: the browser keeps it as "bad input" with an empty value. The part order
  // follows the browser's language, so try day-first and month-first.
  for (const keys of ["31022027", "02312027"]) {
    await date.fill("");
    await date.blur();
    await date.focus();
    await page.keyboard.type(keys);
    if (await unreadable()) break;
  }
  expect(await unreadable()).toBe(true);
  await page.getByRole("button", { name: "Add to timeline" }).click();
  await expect(page.locator("#av-log-date-error")).toHaveText("That date does not exist; check the day and month.");
  await expect(page.getByTestId("timeline")).toHaveCount(0);
});

test("two tabs editing one interview keep both edits, and a conflict shows both values", async ({ context }) => {
  const tabA = await context.newPage();
  await openFresh(tabA);
  await onboard(tabA);
  await addInterview(tabA);
  const tabB = await context.newPage();
  await openFresh(tabB);
  await openProcess(tabB);

  await tabA.getByRole("button", { name: "Edit", exact: true }).click();
  await tabB.getByRole("button", { name: "Edit", exact: true }).click();
  await tabA.getByLabel("Notes", { exact: true }).fill("Second round likely in December.");
  await tabA.getByRole("button", { name: "Save changes" }).click();
  await expect(tabA.locator("#av-process-title")).toBeVisible();

  // Tab B saw the storage event but its form still shows what it opened with.
  await tabB.getByLabel("Role *").fill("Senior Backend Engineer");
  await tabB.getByRole("button", { name: "Save changes" }).click();
  await expect(tabB.locator("#av-process-title")).toHaveText("Acme Robotics — Senior Backend Engineer");
  await tabB.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(tabB.getByLabel("Notes", { exact: true })).toHaveValue("Second round likely in December.");
  await tabB.getByRole("button", { name: "Cancel" }).click();

  // Both change the notes: B's save stops and shows both values.
  await tabA.getByRole("button", { name: "Edit", exact: true }).click();
  await tabB.getByRole("button", { name: "Edit", exact: true }).click();
  await tabA.getByLabel("Notes", { exact: true }).fill("Notes from the first tab");
  await tabA.getByRole("button", { name: "Save changes" }).click();
  await expect(tabA.locator("#av-process-title")).toBeVisible();
  await tabB.getByLabel("Notes", { exact: true }).fill("Notes from the second tab");
  await tabB.getByRole("button", { name: "Save changes" }).click();
  const conflict = tabB.getByTestId("save-conflict");
  await expect(conflict).toContainText("Notes: the other tab saved “Notes from the first tab”; you typed “Notes from the second tab”.");
  await conflict.getByRole("button", { name: "Save with my values" }).click();
  await expect(tabB.locator("#av-process-title")).toBeVisible();
  await tabB.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(tabB.getByLabel("Notes", { exact: true })).toHaveValue("Notes from the second tab");
});

test("an interview deleted in another tab keeps the open form and its text", async ({ context }) => {
  const tabA = await context.newPage();
  await openFresh(tabA);
  await onboard(tabA);
  await addInterview(tabA);
  const tabB = await context.newPage();
  await openFresh(tabB);
  await openProcess(tabB);
  await tabB.getByRole("button", { name: "Edit", exact: true }).click();
  await tabB.getByLabel("Notes", { exact: true }).fill("Typed before the other tab deleted it.");

  await tabA.getByRole("button", { name: "Delete", exact: true }).click();
  await tabA.getByRole("button", { name: "Yes, delete" }).click();

  await expect(tabB.getByTestId("form-vanished")).toBeVisible();
  await expect(tabB.getByLabel("Notes", { exact: true })).toHaveValue("Typed before the other tab deleted it.");
  await tabB.getByRole("button", { name: "Save changes" }).click();
  await expect(tabB.locator("#av-process-title")).toHaveText("Acme Robotics — Backend Engineer");
  await expect(tabB.locator(".av-app")).toContainText("saved as a new interview");
});

test("settings are saved as they are made, and text needing a fix survives leaving the page", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("Name", { exact: true }).fill("Inês Carvalho-Álvarez");
  await page.getByLabel("Phone", { exact: true }).fill("+351 912 345 678");
  await page.getByLabel("Email", { exact: true }).fill("ines at example");
  // Leave without pressing Save.
  await page.getByRole("button", { name: "Today", exact: true }).click();
  await page.reload();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Inês Carvalho-Álvarez");
  await expect(page.getByLabel("Phone", { exact: true })).toHaveValue("+351 912 345 678");

  // The invalid address is not saved, but its text and message are there when coming back.
  await page.getByLabel("Email", { exact: true }).fill("ines at example");
  await page.getByRole("button", { name: "Today", exact: true }).click();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("ines at example");
  await expect(page.locator("#av-set-email-error")).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill("ines@example.com");
  await page.getByLabel("Email", { exact: true }).blur();
  await expect(page.locator("#av-set-email-error")).toHaveCount(0);
  await page.reload();
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("ines@example.com");
});

test("removing a timeline entry and dismissing an action can be undone", async ({ page }) => {
  await openFresh(page);
  await onboard(page);
  await addInterview(page);
  await page.locator("#av-log-kind").selectOption("rejection");
  await page.getByRole("button", { name: "Add to timeline" }).click();
  await expect(page.getByTestId("process-status")).toHaveText("Rejected");
  await page.getByRole("button", { name: "Remove 'Turned down' from the timeline" }).click();
  await expect(page.getByTestId("process-status")).toHaveText("Active");
  await page.getByTestId("undo").click();
  await expect(page.getByTestId("process-status")).toHaveText("Rejected");
  await expect(page.getByTestId("timeline")).toContainText("Turned down");
  await page.getByRole("button", { name: "Remove 'Turned down' from the timeline" }).click();

  const thanks = page.locator('[data-kind="thank-you"]');
  await expect(thanks).toHaveCount(2);
  const dismiss = thanks.first().getByRole("button", { name: /Dismiss/ });
  if (!(await dismiss.isVisible())) await thanks.first().locator("summary, [aria-expanded]").first().click();
  await thanks.first().getByRole("button", { name: /Dismiss/ }).click();
  await expect(thanks).toHaveCount(1);
  await page.getByTestId("undo").click();
  await expect(thanks).toHaveCount(2);
});
