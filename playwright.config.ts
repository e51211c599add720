import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// The local fake of Stripe's API (tests/fakes/stripe): the app pays, refunds and transfers against it.
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? 12111);
const stripeWebhookSecret = "whsec_end_to_end_tests";
// The Connect endpoint's own secret: the fake signs events about partners' accounts with it.
const stripeConnectWebhookSecret = "whsec_end_to_end_tests_connect";
// The local fake of VIES (tests/fakes/vies), which confirms EU VAT IDs: it confirms every ID but these.
const viesPort = Number(process.env.E2E_VIES_PORT ?? 12303);
const e2eViesNotValid = "FR32123456789";
// Under the system temp folder, which the unprivileged PostgreSQL user can reach wherever the clone lives.
const postgresPort = Number(process.env.E2E_POSTGRES_PORT ?? 54349);
// Named by port, so runs side by side (two work trees) do not share a data directory.
const postgresDir = path.join(os.tmpdir(), `instant-quote-e2e-postgres-${postgresPort}`);

// Debian's Chromium (apt-get install chromium): Playwright's own browser download cannot reach its servers here.
// The flags keep Chromium from calling home, which this closed network refuses.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // WebGL for the 3D viewer without a GPU: SwiftShader, which Chromium only enables when asked.
  "--enable-unsafe-swiftshader",
];

const operationsJourneys = [
  "**/exceptions.spec.ts",
  "**/manual-quotes.spec.ts",
  // Files a complaint the matcher's ranking remembers: after the journeys that expect Müller ranked first.
  "**/payout-after-complaint-window.spec.ts",
  "**/vetting-suppliers.spec.ts",
  // Puts Müller on probation and lifts it again: after the journeys that expect Müller ranked first.
  "**/probation.spec.ts",
];

export default defineConfig({
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  // The operations journeys change the suppliers' records and statuses (a rejection, an approval, a
  // suspension), which moves rankings; they run after the journeys that expect the seeded network.
  projects: [
    {
      // The key pages as pictures (tests/screenshots): first, on the fresh demo data, so what they show
      // does not depend on which journeys ran before. Baselines are Debian Chromium's (*-linux.png).
      name: "screenshots",
      testDir: "tests/screenshots",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      expect: {
        timeout: 30_000,
        toHaveScreenshot: { maxDiffPixelRatio: 0.002, animations: "disabled", caret: "hide" },
      },
    },
    {
      name: "desktop",
      testDir: "tests/e2e",
      testIgnore: operationsJourneys,
      dependencies: ["screenshots"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      name: "operations",
      testMatch: operationsJourneys,
      testDir: "tests/e2e",
      dependencies: ["desktop"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    {
      // Attacks over HTTP (tests/security/*.spec.ts): the permission table as every role, headers, body
      // limits. Last, because it signs in as every role and sends hostile requests.
      name: "security",
      testDir: "tests/security",
      testMatch: "**/*.spec.ts",
      dependencies: ["operations"],
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
  ],
  webServer: [
    {
      // tsx itself, not npx: npx does not pass SIGTERM on.
      command: "tsx tests/fakes/stripe/serve-fake-stripe.ts",
      url: `http://localhost:${stripePort}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        FAKE_STRIPE_PORT: String(stripePort),
        FAKE_STRIPE_WEBHOOK_URL: `http://localhost:${port}/api/webhooks/stripe`,
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        FAKE_STRIPE_CONNECT_WEBHOOK_URL: `http://localhost:${port}/api/webhooks/stripe-connect`,
        STRIPE_CONNECT_WEBHOOK_SECRET: stripeConnectWebhookSecret,
      },
    },
    {
      command: "tsx tests/fakes/vies/serve-fake-vies.ts",
      url: `http://localhost:${viesPort}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: { FAKE_VIES_PORT: String(viesPort), FAKE_VIES_NOT_VALID: e2eViesNotValid },
    },
    {
      // The production build (npm run test:e2e builds first) on a fresh embedded database with the demo data.
      command: `rm -rf ${postgresDir} ${postgresDir}.password .data/e2e-files && tsx scripts/start.ts`,
      url: `http://localhost:${port}/api/v1/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      // SIGTERM lets the app stop the web server, the worker and PostgreSQL in order.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      stdout: "pipe",
      env: {
        PORT: String(port),
        DATABASE_URL: "",
        EMBEDDED_POSTGRES_DIR: postgresDir,
        EMBEDDED_POSTGRES_PORT: String(postgresPort),
        STORAGE_LOCAL_DIR: ".data/e2e-files",
        AUTH_SECRET: "end-to-end-tests-secret-end-to-end-tests-secret",
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        STRIPE_SECRET_KEY: "sk_test_end_to_end_tests",
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        STRIPE_CONNECT_WEBHOOK_SECRET: stripeConnectWebhookSecret,
        STRIPE_API_URL: `http://localhost:${stripePort}`,
        // Checkout also offers SEPA Direct Debit, a delayed method (tests/e2e/delayed-payment.spec.ts);
        // the card stays the hosted page's default, so the card journeys are unchanged.
        STRIPE_CHECKOUT_PAYMENT_METHODS: "card,sepa_debit",
        VIES_URL: `http://localhost:${viesPort}/taxation_customs/vies/rest-api/check-vat-number`,
        // Issue 24 (decision 0061): the journeys' webhook receivers listen on localhost, which production refuses.
        WEBHOOK_ALLOW_PRIVATE_URLS: "true",
        WEBHOOK_RETRY_BASE_SECONDS: "2",
        // Every journey signs up from localhost, and a failing journey's retry signs up again: far more
        // than a real network's 10 an hour (the limit itself is tested in tests/security).
        SIGN_UPS_PER_ADDRESS_PER_HOUR: "1000",
        // The security journeys send hostile requests without keys from localhost, faster than any client.
        API_UNKEYED_REQUESTS_PER_MINUTE: "1000",
      },
    },
  ],
});
