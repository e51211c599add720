import { expect, test } from "@playwright/test";
import { demoUsers, signIn } from "../e2e/fixtures";

// Issue 16, item 8, over HTTP: names from the URL that are members of every object ("constructor",
// "__proto__") find nothing in the app's lookup tables.

test("an order document named `constructor` is not found, and the real one still is", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, demoUsers.buyer);
  // An order of Anna's: the plate, milled, by invoice.
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/order Q-\d{4}-\d{6} is placed/)).toBeVisible();
  const orderId = new URL(page.url()).pathname.split("/")[2]!;

  for (const name of ["constructor", "__proto__", "toString"]) {
    const response = await page.request.get(`/api/v1/orders/${orderId}/documents/${name}`);
    expect(response.status(), name).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  }
  const confirmation = await page.request.get(`/api/v1/orders/${orderId}/documents/confirmation.pdf`);
  expect(confirmation.status()).toBe(200);
  expect(confirmation.headers()["content-type"]).toBe("application/pdf");
  await page.getByRole("button", { name: "Sign out" }).click();
});

test("a settings form posted with `__proto__.companyId` and `constructor.prototype.x` fields leaves the server working", async ({
  page,
}) => {
  await signIn(page, demoUsers.operations);
  await page.goto("/ops/settings");
  const terms = page.locator("form", { has: page.getByRole("button", { name: "Save the terms" }) });
  await terms.getByLabel("Days to pay an invoice").fill("21");
  await terms.getByLabel("Reason for the change").fill("probe with hostile field names");
  await terms.evaluate((form) => {
    for (const name of ["__proto__.companyId", "constructor.prototype.x", "__proto__"]) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = "seed_company_acme";
      form.append(input);
    }
  });
  await terms.getByRole("button", { name: "Save the terms" }).click();
  // Saved while the hostile fields are ignored, or refused as a whole (the permission wrapper refuses such
  // names before any action runs): either way nothing reached Object.prototype on the server.
  await expect(terms.locator('[role="status"], [role="alert"]').first()).toBeVisible();

  // Every page and a plain save still work, for this user and for others.
  await page.goto("/ops/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const again = page.locator("form", { has: page.getByRole("button", { name: "Save the terms" }) });
  // A value neither the seed (30) nor the probe (21) set, so the save changes something either way.
  await again.getByLabel("Days to pay an invoice").fill("28");
  await again.getByLabel("Reason for the change").fill("a plain save after the probe");
  await again.getByRole("button", { name: "Save the terms" }).click();
  await expect(again.getByText(/Saved: Payment terms .*→ 28 days/)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  const visitor = await page.request.get("/api/v1/health");
  expect(visitor.status()).toBe(200);
  const home = await page.request.get("/");
  expect(home.status()).toBe(200);
});
