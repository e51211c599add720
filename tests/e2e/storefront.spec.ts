import type { Page } from "@playwright/test";
import { wordsBrokenAcrossLines } from "./words-broken-across-lines";
import { catalogueCodeIn } from "../../lib/catalogue/catalogue-code-in";
import { expect, finishSignUp, signIn, test } from "./fixtures";

// The buyer's journey through the storefront in the browser: upload, 3D view, live price, cart,
// checkout by invoice, the order with its timeline; a broken file; a visitor's parts after sign-up.
const fixture = (name: string) => `tests/fixtures/cad/${name}`;

async function uploadOnHome(page: Page, ...names: string[]) {
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles(names.map(fixture));
}

async function centsOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute("data-cents"));
}

/** Waits until the price shown answers the options shown (no request in flight). */
async function settledPrice(page: Page): Promise<number> {
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  return centsOf(page, "unit-price");
}

test("a buyer uploads the plate, sees the 3D view and a live price, and orders it by invoice", async ({
  page,
}) => {
  await signIn(page, "anna.buyer@acme.example");
  await expect(page).toHaveURL("/");
  await uploadOnHome(page, "synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" });
  await expect(row.getByTestId("first-price")).toContainText(/from €[\d,.]+ per part/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();

  await expect(page.getByRole("heading", { name: "synth_plate_4thru_1blind.step" })).toBeVisible();
  await expect(page.getByTestId("part-size")).toHaveText("100.0 × 60.0 × 10.0 mm");
  await expect(page.getByText("5 holes", { exact: true })).toBeVisible();
  await expect(page.getByTestId("part-viewer")).toHaveAttribute("data-status", /ready|no-webgl/);

  // Milling in aluminium, so the test does not depend on which process happens to be cheapest.
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  const single = await settledPrice(page);
  expect(single).toBeGreaterThan(0);
  // The chosen card prices the chosen aluminium, and a cheaper process compares with it (decision 0122),
  // not with milling's cheapest material.
  const unitPriceText = (await page.getByTestId("unit-price").textContent())!.trim();
  await expect(page.getByTestId("process-price-cnc_milling")).toHaveText(
    new RegExp(`^${unitPriceText.replace(/[.$]/g, "\\$&")}/pc`),
  );
  await expect(page.getByTestId("process-price-fdm")).toHaveText(/^from €/);
  await expect(page.getByTestId("process-change-fdm")).toContainText("instead of Aluminium 6061-T6;");

  await page.getByRole("spinbutton", { name: "Quantity" }).fill("50");
  await expect.poll(() => settledPrice(page)).toBeLessThan(single);
  const atFifty = await settledPrice(page);
  const standardDate = await page.getByTestId("delivery-date").textContent();

  // A later day in the calendar is cheaper than the standard date.
  await page.getByRole("group", { name: "Delivery dates and prices" }).getByRole("button").last().click();
  await expect(page.getByTestId("delivery-date")).not.toHaveText(standardDate ?? "");
  await expect.poll(() => settledPrice(page)).toBeLessThan(atFifty);
  const chosenDate = await page.getByTestId("delivery-date").textContent();
  const frozenUnit = await settledPrice(page);

  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
  const item = page.getByTestId("cart-item").filter({ hasText: "synth_plate_4thru_1blind.step" });
  await expect(item).toContainText("50");
  await expect(item).toContainText(chosenDate ?? "");
  // Users see names, never codes: the finish reads "As machined (Ra 3.2 µm)", not "as-machined".
  await expect(item).toContainText("As machined");
  expect(catalogueCodeIn((await item.textContent()) ?? "")).toBeUndefined();

  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("VAT number (optional)").fill("DE 812 345 673");
  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  const orderNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  const timeline = page.getByTestId("timeline").first();
  await expect(timeline.locator("li.done")).toHaveCount(2); // ordered, confirmed with the invoice
  await expect(timeline).toContainText("Placed with a manufacturing partner");
  // Step labels wrap whole words beside the order's summary (1280 px) and on a phone (390 px).
  const viewport = page.viewportSize()!;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await wordsBrokenAcrossLines(timeline.locator("li > span")), `${width} px`).toEqual([]);
  }
  await page.setViewportSize(viewport);
  const documents = await page.request.get(
    (await page.getByRole("link", { name: /Invoice INV-/ }).getAttribute("href"))!,
  );
  expect(documents.headers()["content-type"]).toBe("application/pdf");
  expect((await documents.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.getByRole("link", { name: "Orders", exact: true }).click();
  const orderRow = page.getByTestId("order-row").filter({ hasText: orderNumber });
  await expect(orderRow).toContainText("Confirmed");
  await orderRow.getByRole("link", { name: orderNumber }).click();
  await expect(page.getByText(`${(frozenUnit / 100).toFixed(2)} per part`)).toBeVisible();
});

test("a broken file gets its own message and the other file is still priced", async ({ page }) => {
  await uploadOnHome(page, "truncated_binary_plate.stl", "synth_cube20.step");
  const broken = page.getByTestId("upload-row").filter({ hasText: "truncated_binary_plate.stl" });
  await expect(broken).toContainText("Could not be read", { timeout: 30_000 });
  await expect(broken.locator(".field-error")).toContainText(/truncated|export/i);
  const good = page.getByTestId("upload-row").filter({ hasText: "synth_cube20.step" });
  await expect(good.getByTestId("first-price")).toBeVisible({ timeout: 30_000 });
});

test("a visitor's parts survive signing up", async ({ page, browser }) => {
  await uploadOnHome(page, "synth_cube20.step");
  await expect(page.getByTestId("first-price")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "See price and options" }).click();
  await expect(page.getByTestId("unit-price")).toBeVisible();
  await page.getByRole("link", { name: "Create an account to order" }).click();

  await page.getByLabel("Company").fill("Visitor Werkstatt GmbH");
  await page.getByLabel("Your name").fill("Vera Visitor");
  const email = `vera.${Date.now()}@example.com`;
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, browser, email, "a-long-enough-password");

  // Back on the part, now the company's: it can be ordered.
  await expect(page.getByRole("heading", { name: "synth_cube20.step" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Your company's recent parts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "synth_cube20.step" })).toBeVisible();
});
