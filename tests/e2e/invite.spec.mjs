// Importing an interview without typing it: a calendar invitation dropped on the import
// screen, or the announcing email pasted, fills the form; once saved, every interviewer gets
// a thank-you action due the evening of the interview.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, onboard, openFresh } from "./support.mjs";

const ME = "ada.lovelace@mailbox.example";

// The shape Google Calendar sends: CRLF lines, a folded attendee, an IANA TZID (resolved
// through the browser's Intl), the user among the attendees.
const ICS = [
  "BEGIN:VCALENDAR",
  "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
  "VERSION:2.0",
  "METHOD:REQUEST",
  "BEGIN:VEVENT",
  "DTSTART;TZID=Europe/Paris:20261119T140000",
  "DTEND;TZID=Europe/Paris:20261119T150000",
  "DTSTAMP:20261112T091500Z",
  "ORGANIZER;CN=Dana Whitfield:mailto:dana.whitfield@acme-robotics.example",
  "UID:acme-backend-technical-1@google.com",
  "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;CN=Dana Whitfield:mailto:dana.whitfield@acme-robotics.example",
  "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=Sam",
  "  Ortiz:mailto:sam.ortiz@acme-robotics.example",
  `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;CN=Ada Lovelace:mailto:${ME}`,
  "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij",
  "SEQUENCE:0",
  "STATUS:CONFIRMED",
  "SUMMARY:Backend Engineer interview - Acme Robotics",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

const EMAIL = `From: Rita Gomez <rita.gomez@acme-robotics.example>
Date: Mon, 16 Nov 2026 10:00:00 +0100
Subject: Backend Engineer interview at Acme Robotics

Hi Ada,

Your technical interview is confirmed for Thursday 19 November, 14:00-15:00 CET.
You'll meet Dana Whitfield (Engineering Manager) and Sam Ortiz (Staff Engineer).
Zoom: https://acme.zoom.us/j/81234567890

Best,
Rita Gomez
`;

async function setMyEmail(page) {
  await page.getByRole("button", { name: "Settings", exact: true }).click();
  await page.getByLabel("Email", { exact: true }).fill(ME);
  await page.getByTestId("settings-save").click();
}

async function openImport(page) {
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Import invitation" }).click();
  await expect(page.getByRole("heading", { name: "Import an invitation" })).toBeVisible();
}

/** Continues to the form, checks what it holds, saves, and checks the planned thank-yous. */
async function confirmAndCheckPlan(page, checkForm = async () => {}) {
  await page.getByRole("button", { name: "Continue to the form" }).click();
  await checkForm();
  await expect(page.getByLabel("Company *")).toHaveValue("Acme Robotics");
  await expect(page.getByLabel("Role *")).toHaveValue("Backend Engineer");
  await expect(page.locator("#av-round-0-date")).toHaveValue("2026-11-19");
  await expect(page.locator("#av-round-0-start")).toHaveValue("14:00");
  await expect(page.locator("#av-round-0-end")).toHaveValue("15:00");
  await expect(page.locator("#av-round-0-person-0-name")).toHaveValue("Dana Whitfield");
  await expect(page.locator("#av-round-0-person-1-name")).toHaveValue("Sam Ortiz");
  await expect(page.locator("#av-round-0-person-2-name")).toHaveCount(0);
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-process-title")).toHaveText("Acme Robotics — Backend Engineer");

  await page.getByRole("button", { name: "Today", exact: true }).click();
  const thanks = page.locator('[data-kind="thank-you"]');
  await expect(thanks).toHaveCount(2);
  for (const card of await thanks.all()) {
    await expect(card).toHaveAttribute("data-due", "2026-11-19");
    await expect(card).toHaveAttribute("data-rule", /T1/);
  }
  for (const name of ["Dana Whitfield", "Sam Ortiz"]) {
    const card = thanks.filter({ hasText: name });
    await expect(card).toHaveCount(1);
    // Rows are compact: the window and the "why" are on expand.
    await card.locator(".av-row-toggle").click();
    await card.getByText("Why this date?").click();
    await expect(card.locator(".av-why p").first()).toContainText("15:00");
  }
}

test("a dropped calendar invitation becomes an interview with its thank-you notes", async ({ page }) => {
  const errors = await openFresh(page);
  await onboard(page);
  await setMyEmail(page);
  await openImport(page);
  await expectNoAxeViolations(page, "the import screen");

  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "invite.ics", { type: "text/calendar" }));
    return transfer;
  }, ICS);
  await page.dispatchEvent('[data-testid="invite-drop"]', "drop", { dataTransfer });

  const found = page.getByRole("list", { name: "Found" });
  await expect(found).toContainText("Company: Acme Robotics");
  await expect(found).toContainText("People: Dana Whitfield, Sam Ortiz");
  await expect(found).toContainText("Format: video (meeting link)");
  await expect(page.getByText("Nothing is saved until you save the form.")).toBeVisible();
  await expectNoAxeViolations(page, "what the import found");
  await confirmAndCheckPlan(page);
  expect(errors).toEqual([]);
});

test("a pasted email becomes the same interview", async ({ page }) => {
  const errors = await openFresh(page);
  await onboard(page);
  await setMyEmail(page);
  await openImport(page);

  await page.getByLabel(/Or paste the invitation/).fill(EMAIL);
  await page.getByRole("button", { name: "Read the text" }).click();
  const found = page.getByRole("list", { name: "Found" });
  await expect(found).toContainText("People: Dana Whitfield, Sam Ortiz");
  // The writer is no interviewer: she is kept as the recruiter, where inquiries go.
  await expect(found).toContainText("Sender: Rita Gomez, kept as the recruiter of this process.");
  await confirmAndCheckPlan(page, async () => {
    await expect(page.locator("#av-contact-0-name")).toHaveValue("Rita Gomez");
    await expect(page.locator("#av-contact-0-email")).toHaveValue("rita.gomez@acme-robotics.example");
  });
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Acme Robotics — Backend Engineer" }).click();
  await expect(page.getByText(/your point of contact: Rita Gomez/)).toBeVisible();
  expect(errors).toEqual([]);
});

test("a file that is not an invitation is refused with a reason and nothing is saved", async ({ page }) => {
  const errors = await openFresh(page);
  await onboard(page);
  await openImport(page);
  await page.locator("#av-invite-file").setInputFiles({
    name: "photo.ics",
    mimeType: "text/calendar",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]),
  });
  await expect(page.getByRole("alert")).toContainText("not text");
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await expect(page.locator("#av-process-title")).toHaveCount(0);
  expect(errors).toEqual([]);
});
