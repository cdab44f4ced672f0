// Today with realistic data: three processes and fifty, at phone and desktop widths.
// The recipient rule in the browser (the recruiter receives the inquiry), the groups and the
// "Missed" fold, the survey chart readable at 320 px, toasts that never cover a control,
// bulk actions, and the number of DOM elements Today renders for fifty processes.
import { expect, test } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { screenshot } from "./support.mjs";

/** Thursday 19 November 2026, 18:30 in Paris. */
const NOW = new Date("2026-11-19T18:30:00+01:00");
const KEY = "afterview:data";

const at = (day, time) => `${day}T${time}:00+01:00`;
const slug = (name) => name.normalize("NFD").replace(/[^A-Za-z ]/g, "").toLowerCase().replace(/ /g, ".");

/** Builds one process; ids of rounds, people and events come from one counter per process. */
function build(id, company, role, plan) {
  let next = 1;
  const ids = {};
  const person = ([name, title, discussed = ""]) => {
    const pid = next++;
    ids[name] = pid;
    return { id: pid, name, title, email: `${slug(name)}@${slug(company).replace(/\./g, "")}.example`, linkedin: "", discussed, invited_call: false, spoke_by_phone: false };
  };
  const rounds = plan.rounds.map(([kind, day, start, end, people, notes = ""]) => ({
    id: next++, kind, format: "video", start: at(day, start), end: at(day, end), interviewers: people.map(person), notes,
  }));
  const contacts = (plan.contacts || []).map(([role, name, title]) => {
    const pid = next++;
    ids[name] = pid;
    return { id: pid, role, name, title, email: `${slug(name)}@${slug(company).replace(/\./g, "")}.example`, phone: "", linkedin: "", invited_call: false, spoke_by_phone: false };
  });
  const events = (plan.events || []).map((make) => ({ id: next++, ...make(ids, rounds) }));
  return { id, company, role, pace: "fast-moving", status: "active", rounds, contacts, events, notes: plan.notes || "", revision: 1, updated_at: at("2026-11-19", "08:00") };
}

const thanked = (name, day, roundIndex = 0) => (ids, rounds) => ({ at: at(day, "16:00"), round: rounds[roundIndex].id, type: "message-sent", message: "thank-you", channel: "email", to: ids[name] });

function threeProcesses() {
  return [
    build(1, "Contoso", "Platform engineer", {
      contacts: [["recruiter", "Inès Duarte", "Talent acquisition partner"]],
      rounds: [["panel", "2026-11-16", "10:00", "11:30", [
        ["Zoë Martin", "Head of platform", "how the platform team splits on-call between regions"],
        ["Jörg Feldmann", "Senior site reliability engineer", "the migration of the build farm to spot instances"],
      ], "I forgot to mention the incident review process I set up last year."]],
      events: [
        thanked("Zoë Martin", "2026-11-16"),
        thanked("Jörg Feldmann", "2026-11-16"),
        (ids) => ({ at: at("2026-11-17", "10:15"), type: "reply-received", from: ids["Inès Duarte"], note: "Inès said the team meets on Friday to compare candidates." }),
      ],
      notes: "Hybrid role, two days a week in the Lyon office.",
    }),
    build(2, "Fabrikam", "Data engineer", {
      rounds: [
        ["technical", "2026-11-19", "14:00", "15:00", [
          ["Łukasz Nowak", "Staff data engineer", "the late-arriving events problem in their streaming jobs"],
          ["Siobhán O'Connor", "Engineering manager", "how the team runs its quarterly planning"],
        ]],
        ["final", "2026-11-24", "14:00", "15:30", [
          ["Amélie Girard", "VP Engineering"],
          ["Kenji Watanabe", "Principal engineer"],
        ]],
      ],
    }),
    build(3, "Northwind Traders", "Product analyst", {
      rounds: [
        ["hr", "2026-11-10", "09:30", "10:00", [["Renée Lefèvre", "HR business partner", "the salary band and the start date"]]],
        ["panel", "2026-11-20", "14:00", "15:00", [
          ["François Dubois", "Director of analytics"],
          ["Mei Chen", "Senior product analyst"],
          ["Ömer Yılmaz", "Product manager"],
        ]],
      ],
      events: [
        thanked("Renée Lefèvre", "2026-11-10"),
        (ids, rounds) => ({ at: at("2026-11-18", "11:00"), round: rounds[0].id, type: "documents-requested", what: "Two references and a short work sample", deadline: "2026-11-23", by: ids["Renée Lefèvre"] }),
      ],
    }),
  ];
}

const COMPANIES = ["Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Wingtip Toys", "Adventure Works", "Litware", "Proseware", "Lucerne Publishing", "Margie's Travel",
  "Coho Winery", "Alpine Ski House", "Blue Yonder Airlines", "Fourth Coffee", "Graphic Design Institute", "Humongous Insurance", "Trey Research", "Wide World Importers", "Woodgrove Bank", "Bellows College",
  "Café Lumière", "Brasserie Étoile", "Müller & Söhne", "Ørsted Labs", "São Paulo Analytics"];
const ROLES = ["Backend engineer", "Data analyst", "Product designer", "Site reliability engineer"];
const PEOPLE = [["Zoë Martin", "Head of platform"], ["Jörg Feldmann", "Senior engineer"], ["Łukasz Nowak", "Staff engineer"], ["Siobhán O'Connor", "Engineering manager"],
  ["Amélie Girard", "VP Engineering"], ["Kenji Watanabe", "Principal engineer"], ["François Dubois", "Director of analytics"], ["Mei Chen", "Senior product analyst"],
  ["Ömer Yılmaz", "Product manager"], ["Renée Lefèvre", "Engineer"], ["Nuño Álvarez", "Tech lead"], ["Aoife Ní Bhriain", "Designer"]];
const RECRUITERS = [["Inès Duarte", "Talent acquisition partner"], ["Björn Åberg", "Recruiter"], ["Chloé Bernard", "HR business partner"], ["Dário Gonçalves", "Technical recruiter"]];
const NOTES = ["We talked about how releases are rolled back when a metric drops.", "They asked for an example of a disagreement I resolved with a product manager.",
  "The team is moving from a monolith to a handful of services over the next year.", "I should send the link to the conference talk I mentioned."];

function day(offset) {
  const date = new Date(Date.UTC(2026, 10, 19 + offset));
  return date.toISOString().slice(0, 10);
}

/** Fifty processes: interviews from six weeks ago to next week, half with a recruiter recorded. */
function fiftyProcesses() {
  const list = [];
  for (let i = 0; i < 50; i++) {
    const company = COMPANIES[i % COMPANIES.length] + (i >= COMPANIES.length ? " Europe" : "");
    const lastOffset = -42 + ((i * 11) % 51); // -42 .. +8 days
    const roundsWanted = 1 + (i % 3);
    const rounds = [];
    for (let r = roundsWanted - 1; r >= 0; r--) {
      const offset = lastOffset - r * 7;
      const date = new Date(Date.UTC(2026, 10, 19 + offset));
      const weekday = date.getUTCDay();
      const shifted = weekday === 0 ? offset + 1 : weekday === 6 ? offset + 2 : offset;
      const people = [0, 1, 2].slice(0, 1 + ((i + r) % 3)).map((k) => PEOPLE[(i + r * 3 + k) % PEOPLE.length]);
      const kind = ["phone-screen", "technical", "panel"][r % 3];
      rounds.push([kind, day(shifted), "10:00", "11:00", people.map(([n, t]) => [n, t, NOTES[(i + r) % NOTES.length]]), NOTES[(i + 1) % NOTES.length]]);
    }
    const events = [];
    // Two processes in three logged their thank-you notes for the first round.
    if (i % 3 !== 0) {
      const [name] = rounds[0][4][0];
      events.push((ids, built) => ({ at: at(rounds[0][1], "16:00"), round: built[0].id, type: "message-sent", message: "thank-you", channel: "email", to: ids[name] }));
    }
    const contacts = i % 2 === 0 ? [["recruiter", ...RECRUITERS[i % RECRUITERS.length]]] : [];
    if (i % 4 === 0) {
      events.push((ids) => ({ at: at(day(Math.min(lastOffset + 1, 0)), "09:00"), type: "reply-received", from: ids[RECRUITERS[i % RECRUITERS.length][0]], note: "They will come back to me after the hiring committee." }));
    }
    list.push(build(i + 1, company, ROLES[i % ROLES.length], { rounds, contacts, events, notes: NOTES[i % NOTES.length] }));
  }
  return list;
}

function envelope(processes) {
  // Schema 2 on purpose: the current build migrates it, and an older build reads it too.
  return JSON.stringify({
    format: "afterview", schema_version: 2, saved_at: at("2026-11-19", "08:00"),
    data: { settings: { name: "Ada Lovelace", onboarded: true, time_zone: { type: "device" } }, settings_revision: 1, processes, last_export_at: at("2026-11-18", "09:00") },
  });
}

async function openWith(page, processes) {
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.clock.setFixedTime(NOW);
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }
  }, [KEY, envelope(processes)]);
  await page.goto("./");
  await expect(page.locator(".av-app")).toBeVisible();
  return errors;
}

/** Every visible text node inside the app, with its computed font size. */
async function smallestText(page, selector) {
  return page.evaluate((sel) => {
    let smallest = Infinity;
    for (const root of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || !node.parentElement) continue;
        const box = node.parentElement.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        smallest = Math.min(smallest, parseFloat(getComputedStyle(node.parentElement).fontSize));
      }
    }
    return smallest;
  }, selector);
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const width of [360, 1280]) {
  test(`three processes at ${width}px: honest groups, the recruiter receives the inquiry`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const errors = await openWith(page, threeProcesses());

    // Interviews to come, in words, at the top.
    const upcoming = page.getByTestId("upcoming-interviews");
    await expect(upcoming).toContainText("Tomorrow 14:00, panel at Northwind Traders with 3 people");
    await expect(upcoming).toContainText("Tue 14:00, final interview at Fabrikam with 2 people");

    // Today's thank-you notes for this afternoon's interview, one compact line each.
    const today = page.locator('[data-group="today"]');
    await expect(today.locator('[data-kind="thank-you"]')).toHaveCount(2);
    await expect(today.locator('[data-kind="thank-you"]').first()).toContainText("due now");
    for (const row of await page.locator(".av-row").all()) {
      await expect(row.locator(".av-row-primary")).toHaveCount(1);
      await expect(row.locator(".av-row-details")).toHaveCount(0);
    }

    // The status inquiry goes to the recruiter who wrote last, not to the head of platform.
    const inquiry = page.locator('[data-kind="status-inquiry"][data-process="1"]');
    await expect(inquiry).toContainText("to Inès Duarte");
    await expect(inquiry.locator(".av-row-due")).toHaveText("Tue 09:00");
    await expect(inquiry.locator("xpath=ancestor::section")).toHaveAttribute("data-group", "next-7-days");
    await inquiry.locator(".av-row-toggle").click();
    await expect(inquiry.getByTestId("recipient")).toHaveText("Inès Duarte, your recruiter, who last wrote on Tue 17 Nov");
    // The survey chart appears once, only where an inquiry is expanded, with today marked.
    await expect(page.getByTestId("timing-chart")).toHaveCount(1);
    await expect(inquiry.locator(".av-hbar-current")).toContainText("today, day 2");
    await screenshot(page, `today-3-${width}-inquiry-open`);
    await inquiry.locator(".av-row-toggle").click();
    await expect(page.getByTestId("timing-chart")).toHaveCount(0);

    // The documents the HR partner asked for are due by their deadline, addressed to her.
    const documents = page.locator('[data-kind="send-documents"]');
    await expect(documents).toContainText("to Renée Lefèvre");
    await expect(documents.locator(".av-row-due")).toHaveText("open, due Mon 23 Nov");

    await screenshot(page, `today-3-${width}`);

    // Select both notes and mark them done together; the toast sits in the page flow.
    for (const box of await today.locator('[data-kind="thank-you"] .av-row-check').all()) await box.check();
    await expect(page.getByTestId("bulk-bar")).toContainText("2 selected");
    await page.getByRole("button", { name: "Mark selected done" }).click();
    await expect(today.locator('[data-kind="thank-you"]')).toHaveCount(0);
    const toast = page.getByTestId("toast");
    await expect(toast).toContainText("Marked 2 actions done.");
    await expect(page.locator('[role="status"][aria-live="polite"]')).toHaveText("Marked 2 actions done.");
    const toastBox = await toast.boundingBox();
    for (const control of await page.locator(".av-main button, .av-main input, .av-header button").all()) {
      const box = await control.boundingBox();
      if (box) expect(overlaps(toastBox, box), "the toast covers a control").toBe(false);
    }
    expect(errors).toEqual([]);
  });
}

test("the survey chart keeps text at 11 px or more on a 320 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openWith(page, threeProcesses());
  const inquiry = page.locator('[data-kind="status-inquiry"][data-process="1"]');
  await inquiry.locator(".av-row-toggle").click();
  await expect(page.getByTestId("timing-chart")).toBeVisible();
  expect(await smallestText(page, '[data-testid="timing-chart"]')).toBeGreaterThanOrEqual(11);
  expect(await smallestText(page, ".av-today")).toBeGreaterThanOrEqual(11);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, "today-3-320-chart");
});

test("a recruiter added in the form receives the inquiry", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const [contoso] = threeProcesses();
  contoso.contacts = [];
  contoso.events = contoso.events.filter((event) => event.type !== "reply-received");
  await openWith(page, [contoso]);
  const inquiry = page.locator('[data-kind="status-inquiry"]');
  // Nobody recorded: the most senior interviewer, whatever the order they were typed in.
  await expect(inquiry).toContainText("to Zoë Martin");
  await page.getByRole("button", { name: "Interviews", exact: true }).click();
  await page.getByRole("button", { name: /Contoso/ }).click();
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Add contact" }).click();
  await page.locator("#av-contact-0-name").fill("Inès Duarte");
  await page.locator("#av-contact-0-title").fill("Talent acquisition partner");
  await page.locator("#av-contact-0-email").fill("ines.duarte@contoso.example");
  await page.getByRole("button", { name: "Save changes" }).click();
  // The process page shows who handles it, and where inquiries go.
  const people = page.getByTestId("process-contacts");
  await expect(people).toContainText("Inès Duarte (Talent acquisition partner)");
  await expect(people).toContainText("ines.duarte@contoso.example");
  await expect(people).toContainText("your point of contact: Inès Duarte");
  await page.getByRole("button", { name: "Today", exact: true }).click();
  await expect(page.locator('[data-kind="status-inquiry"]')).toContainText("to Inès Duarte");
});

// Fifty processes: enough that the frame and Today are drawn in tasks of their own.
test("from its first paint to Today the widget is never blank, and the frame shows with Today, not before it", async ({ page }) => {
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }
    // What each frame shows, sampled before it is painted, up to the frame after the first
    // screen's mark.
    window.__shown = [];
    let readyBefore = false;
    const sample = () => {
      const host = document.getElementById("afterview");
      const app = host?.querySelector(".av-app");
      const laidOut = !!app && getComputedStyle(app).display !== "none";
      // The page's inline styles make the header a flex row.
      const header = app?.querySelector(".av-header");
      const styled = !!header && getComputedStyle(header).display === "flex";
      window.__shown.push({
        loading: !!host?.querySelector(".afterview-loading"),
        app: laidOut && styled,
        unstyled: laidOut && !styled,
        todayInApp: !!app?.querySelector(".av-today"),
      });
      if (readyBefore) return;
      readyBefore = performance.getEntriesByName("afterview-ready").length > 0;
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  }, [KEY, envelope(fiftyProcesses())]);
  await page.goto("./");
  await expect(page.locator(".av-today")).toBeVisible();
  const shown = await page.evaluate(() => window.__shown);
  // From the first frame with the loading line on, every frame shows it or the styled app.
  const from = shown.findIndex((frame) => frame.loading);
  expect(from).toBeGreaterThanOrEqual(0);
  const blank = shown.slice(from).filter((frame) => !frame.loading && !frame.app && !frame.unstyled);
  expect(blank).toEqual([]);
  expect(shown.filter((frame) => frame.unstyled)).toEqual([]);
  // The first frame that shows the app shows Today in it: header and Today are laid out once.
  const firstApp = shown.find((frame) => frame.app);
  expect(firstApp?.todayInApp).toBe(true);
  await expect(page.locator(".afterview-loading")).toHaveCount(0);
});

test("fifty processes open without a pile of stale thank-you notes", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 900 });
  const errors = await openWith(page, fiftyProcesses());
  await expect(page.locator(".av-today")).toBeVisible();
  const elements = await page.evaluate(() => document.querySelectorAll("*").length);
  mkdirSync("target/e2e", { recursive: true });
  writeFileSync("target/e2e/today-dom.json", JSON.stringify({ processes: 50, elements }, null, 2));
  console.log(`Today with 50 processes: ${elements} DOM elements`);
  expect(elements).toBeLessThan(300);

  // Missed courtesies are folded into one collapsed line that says what to do instead.
  const missed = page.getByTestId("missed");
  await expect(missed.locator("summary")).toContainText(/Missed: \d+ thank-you notes?/);
  await missed.locator("summary").click();
  await expect(missed).toContainText("next message");
  // No thank-you note listed is more than a few days past its window.
  for (const label of await page.locator('[data-kind="thank-you"] .av-row-due').allTextContents()) {
    const days = Number((label.match(/^(\d+) days overdue/) || [0, 0])[1]);
    expect(days, label).toBeLessThanOrEqual(4);
  }
  // What stays overdue is what is still worth doing: at most one follow-up per process.
  const overdueKinds = await page.locator('[data-group="overdue"] .av-row').evaluateAll((rows) =>
    rows.map((row) => `${row.dataset.process}:${row.dataset.kind}`));
  console.log(`Overdue with 50 processes: ${overdueKinds.length} shown of ${await page.locator('[data-group="overdue"] .av-count').textContent()}`);
  const followUps = overdueKinds.filter((entry) => /inquiry|move-on/.test(entry));
  expect(new Set(followUps.map((entry) => entry.split(":")[0])).size).toBe(followUps.length);
  await missed.locator("summary").click();
  await screenshot(page, "today-50-360");
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, "today-50-1280");
  expect(errors).toEqual([]);
});

test("reminders are offered in context, never asked for at load", async ({ page, context }) => {
  await context.grantPermissions(["notifications"]);
  await page.addInitScript(() => {
    window.__asked = 0;
    window.__shown = [];
    const Real = window.Notification;
    class Spy { constructor(title, options) { window.__shown.push(title); } }
    Spy.permission = "default";
    Spy.requestPermission = async () => { window.__asked++; Spy.permission = "granted"; return "granted"; };
    Object.defineProperty(window, "Notification", { value: Spy, configurable: true });
    void Real;
  });
  await openWith(page, threeProcesses());
  await expect(page.getByTestId("reminder-offer")).toBeVisible();
  expect(await page.evaluate(() => window.__asked)).toBe(0);
  await page.getByRole("button", { name: "Turn on reminders" }).click();
  await expect(page.getByTestId("reminder-offer")).toHaveCount(0);
  expect(await page.evaluate(() => window.__asked)).toBe(1);
  expect(await page.evaluate(() => localStorage.getItem("afterview:reminders"))).toBe("on");
  // Nothing is shown for what was already due when the page opened.
  expect(await page.evaluate(() => window.__shown.length)).toBe(0);
});

test("an action that comes due while the page is open sends one reminder and updates the badge", async ({ page }) => {
  await page.addInitScript(() => {
    window.__shown = [];
    window.__badge = [];
    class Spy { constructor(title, options) { window.__shown.push(`${title}: ${options.body}`); } }
    Spy.permission = "default";
    Spy.requestPermission = async () => { Spy.permission = "granted"; return "granted"; };
    Object.defineProperty(window, "Notification", { value: Spy, configurable: true });
    navigator.setAppBadge = async (count) => { window.__badge.push(count); };
    navigator.clearAppBadge = async () => { window.__badge.push(0); };
  });
  const fabrikam = threeProcesses()[1];
  await page.clock.install({ time: new Date("2026-11-19T15:30:00+01:00") });
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }
  }, [KEY, envelope([fabrikam])]);
  await page.goto("./");
  // The interview ended at 15:00: the notes open at 17:00, so nothing is due yet.
  await expect(page.locator('[data-group="today"] [data-kind="thank-you"]').first()).toContainText("from 17:00");
  // The badge is set by an effect after the first paint: wait for it rather than race it.
  await expect.poll(() => page.evaluate(() => window.__badge.at(-1))).toBe(0);
  await page.getByRole("button", { name: "Turn on reminders" }).click();
  await expect(page.getByTestId("reminder-offer")).toHaveCount(0);
  await page.clock.runFor(2 * 60 * 60 * 1000);
  // 17:30: the window is open, the recommended moment is 18:00.
  await expect(page.locator('[data-group="today"] [data-kind="thank-you"]').first()).toContainText("due 18:00");
  await expect.poll(() => page.evaluate(() => window.__shown)).toEqual(["2 follow-ups are due: Thank-you note · Fabrikam"]);
  await expect.poll(() => page.evaluate(() => window.__badge.at(-1))).toBe(2);
});
