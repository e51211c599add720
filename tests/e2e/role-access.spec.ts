import { expect, finishSignUp, test } from "./fixtures";

test("an operations user signs in and sees the partner list", async ({ signInAs }) => {
  const page = await signInAs("operations");
  await expect(page).toHaveURL("/ops/exceptions");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await expect(page.getByRole("heading", { name: "Partners", level: 1 })).toBeVisible();
  const rows = page.locator("table.suppliers tr");
  await expect(rows).toHaveCount(8); // header + 7 suppliers
  await expect(page.getByRole("row", { name: /Werkstatt Schmidt Rapid/ })).toContainText("Awaiting audit");
  await expect(page.getByRole("row", { name: /Präzisionsteile Müller GmbH/ })).toContainText("Active");
});

test("a buyer who opens /ops is refused", async ({ signInAs }) => {
  const page = await signInAs("buyer");
  const response = await page.goto("/ops/suppliers");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByText("Werkstatt Schmidt Rapid")).toHaveCount(0);

  const api = await page.request.get("/api/v1/ops/suppliers");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");
});

test("a supplier cannot open the operations console and lands in its portal", async ({ signInAs }) => {
  const page = await signInAs("supplier");
  await expect(page).toHaveURL("/supplier");
  await expect(page.getByRole("heading", { name: "Offers", level: 1 })).toBeVisible();
  await expect(page.getByText("Präzisionsteile Müller GmbH")).toBeVisible();
  expect((await page.goto("/ops"))?.status()).toBe(403);
});

test("a visitor who opens a protected page is sent to sign in and returned afterwards", async ({ page }) => {
  await page.goto("/ops/suppliers");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fops%2Fsuppliers/);
  await page.getByLabel("E-mail").fill("olga.ops@instant-quote.example");
  await page.getByLabel("Password").fill("quote-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/ops/suppliers");
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
});

test("a manufacturer applies, confirms by the e-mailed link and waits for the audit", async ({
  page,
  browser,
}) => {
  await page.goto("/partners/apply");
  await page.getByLabel("Company").fill("Fräserei Beispiel KG");
  await page.getByLabel("City of production").fill("Chemnitz");
  await page.getByLabel("CNC milling").check();
  await page.getByLabel("References").fill("Brackets for a Chemnitz machine builder since 2019.");
  await page.getByLabel("Your name").fill("Uwe Beispiel");
  const email = `uwe.${Date.now()}@example.com`;
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Apply" }).click();
  await finishSignUp(page, browser, email, "a-long-enough-password");
  await expect(page).toHaveURL("/supplier");
  await expect(page.getByRole("status")).toContainText("schedule the audit");
});

test("an operations user creates an operations account for a colleague, who can sign in", async ({
  signInAs,
  browser,
}) => {
  const page = await signInAs("operations");
  const email = `paul.${Date.now()}@instant-quote.example`;
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Name").fill("Paul Prüfer");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Initial password").fill("initial-password-1");
  await page.getByRole("button", { name: "Create operations account" }).click();
  await expect(page.getByRole("status")).toContainText(`Paul Prüfer can now sign in with ${email}`);
  await expect(page.getByRole("row", { name: new RegExp(email) })).toBeVisible();

  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto("/sign-in");
  await colleague.getByLabel("E-mail").fill(email);
  await colleague.getByLabel("Password").fill("initial-password-1");
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague).toHaveURL("/ops/exceptions");
});
