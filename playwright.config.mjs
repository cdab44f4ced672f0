// End-to-end tests of the release build in Debian's headless Chromium.
// scripts/test.sh serves dist/ on loopback and passes its address in AFTERVIEW_URL.
import { defineConfig } from "@playwright/test";
import { execSync } from "node:child_process";

const chromium = process.env.CHROMIUM_BIN || execSync("command -v chromium", { shell: "/bin/bash" }).toString().trim();

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: /.*\.spec\.mjs$/,
  outputDir: "target/e2e/results",
  timeout: 60_000,
  globalTimeout: 20 * 60_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  maxFailures: 1,
  reporter: [["list"], ["json", { outputFile: "target/e2e/report.json" }]],
  use: {
    baseURL: process.env.AFTERVIEW_URL || "http://127.0.0.1:8080/",
    browserName: "chromium",
    // A fixed zone and locale so the planned dates the tests expect do not depend on the machine.
    timezoneId: "Europe/Paris",
    locale: "en-GB",
    headless: true,
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
      ],
    },
  },
});
