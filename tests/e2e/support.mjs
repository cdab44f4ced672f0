// Shared steps for the end-to-end tests: fixed clock, fresh storage, onboarding, adding an interview.
import { expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";

/** Thursday 19 November 2026, 18:30 in Paris: the interview below ended at 15:00 the same day. */
export const NOW = new Date("2026-11-19T18:30:00+01:00");

export async function openFresh(page, url = "./") {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.clock.setFixedTime(NOW);
  await page.goto(url);
  await expect(page.locator(".av-app")).toBeVisible();
  return errors;
}

export async function onboard(page, name = "Ada Lovelace", { sample = false } = {}) {
  await page.getByLabel("Your name").fill(name);
  const box = page.getByLabel("Add an example interview to explore");
  if ((await box.isChecked()) !== sample) await box.click();
  await page.getByRole("button", { name: "Get started" }).click();
}

export async function addInterview(page) {
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: "Add interview" }).click();
  await page.getByLabel("Company *").fill("Acme Robotics");
  await page.getByLabel("Role *").fill("Backend Engineer");
  await page.locator("#av-round-0-kind").selectOption("Technical");
  await page.locator("#av-round-0-date").fill("2026-11-19");
  await page.locator("#av-round-0-start").fill("14:00");
  await page.locator("#av-round-0-end").fill("15:00");
  await page.locator("#av-round-0-person-0-name").fill("Dana Whitfield");
  await page.locator("#av-round-0-person-0-email").fill("dana.whitfield@acme.example");
  await page.locator("#av-round-0-person-0-discussed").fill("the message queue redesign and how the team tests failover");
  await page.getByRole("button", { name: "Add interviewer" }).click();
  await page.locator("#av-round-0-person-1-name").fill("Sam Ortiz");
  await page.locator("#av-round-0-person-1-email").fill("sam.ortiz@acme.example");
  await page.locator("#av-round-0-person-1-discussed").fill("the on-call rotation and the migration to Rust services");
  await page.getByRole("button", { name: "Save interview" }).click();
  await expect(page.locator("#av-process-title")).toHaveText("Acme Robotics — Backend Engineer");
}

export async function expectNoAxeViolations(page, what) {
  const results = await new AxeBuilder({ page }).include(".av-app").analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `accessibility violations on ${what}`).toEqual([]);
}

export async function screenshot(page, name) {
  mkdirSync("target/e2e/screens", { recursive: true });
  // Transient notifications would cover the content: close them as a user would.
  const toastClose = page.getByRole("button", { name: "Dismiss this message" });
  if (await toastClose.count()) await toastClose.click();
  await page.screenshot({ path: `target/e2e/screens/${name}.png`, fullPage: true });
}
