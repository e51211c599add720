import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoUsers, signIn, signOut } from "../e2e/fixtures";

// The key pages as pictures at 1280 and 390 px, so a change to the styling (such as moving globals.css
// into CSS Modules) shows as a difference in pixels. They run first, on the fresh demo data, in one
// sequence: the buyer orders the plate, the supplier sees the offer, operations see the order. What
// changes from run to run (dates, order numbers, prices of days in the calendar, the WebGL canvas) is
// masked; the rest of each page is compared pixel by pixel.
test.describe.configure({ mode: "serial" });
// Full-page pictures of long pages take seconds each on two shared cores.
test.setTimeout(180_000);

const desktop = { width: 1280, height: 800 };
/** CSS that keeps date-dependent blocks at one size while pictured (their content is masked). */
const steadyLayout = path.resolve("tests/screenshots/steady-layout.css");
const phone = { width: 390, height: 844 };

/** Text that names today or this run: days, moments, order, invoice and offer numbers, ids. */
const changingText = [
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/,
  /\b\d{1,2}:\d{2}\b/,
  /\bQ-\d{4}-\d{6}\b/,
  /\b(INV|CN|SB|PO|MQ)-\d{4}-\d+/,
  /\bc[a-z0-9]{20,}\b/,
  /\b(ago|today|tomorrow|yesterday)\b/i,
  /\bworking (day|hour)s?\b/,
];

function changing(page: Page, extra: Locator[]): Locator[] {
  return [...changingText.map((pattern) => page.getByText(pattern)), ...extra];
}

/** Both widths of the page now shown: one page load, two pictures. */
async function snapBothWidths(page: Page, name: string, mask: Locator[] = []): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const options = { fullPage: true, mask: changing(page, mask), stylePath: steadyLayout };
  await expect(page).toHaveScreenshot(`${name}-1280.png`, options);
  await page.setViewportSize(phone);
  await expect(page).toHaveScreenshot(`${name}-390.png`, options);
  await page.setViewportSize(desktop);
}

let orderPath = "";

test.use({ viewport: desktop });

test("sign-in", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await snapBothWidths(page, "sign-in");
});

test("the buyer's home, part, cart, checkout, order and orders", async ({ page }) => {
  await signIn(page, demoUsers.buyer);
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await snapBothWidths(page, "home");

  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" });
  // Analysis is a background job: on busy shared cores it may take a minute.
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 90_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await expect(page.getByTestId("part-viewer")).toHaveAttribute("data-status", /ready|no-webgl/);
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  // The calendar's days and their prices follow today's date; the canvas is SwiftShader's drawing.
  await snapBothWidths(page, "part", [
    page.getByTestId("part-viewer"),
    page.getByRole("group", { name: /delivery/i }),
    page.getByTestId("delivery-date"),
  ]);

  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
  await expect(page.getByTestId("cart-item")).toHaveCount(1);
  await snapBothWidths(page, "cart");

  await page.getByRole("link", { name: "Check out" }).click();
  await expect(page.getByRole("button", { name: "Place order" })).toBeVisible();
  await snapBothWidths(page, "checkout");

  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible();
  orderPath = new URL(page.url()).pathname;
  // Placing with a supplier is a background job: the page is pictured once it is done.
  await expect(async () => {
    await page.goto(orderPath);
    await expect(page.getByTestId("order-status")).toHaveText("Confirmed", { timeout: 1_000 });
    await expect(page.getByTestId("timeline").first().locator("li.done")).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await snapBothWidths(page, "order");

  await page.goto("/orders");
  await expect(page.getByTestId("order-row")).toHaveCount(1);
  await snapBothWidths(page, "orders");
  await signOut(page);
});

test("the supplier portal: offers and profile", async ({ page }) => {
  expect(orderPath, "the buyer's test placed the order").not.toBe("");
  await signIn(page, demoUsers.supplier);
  await expect(async () => {
    await page.goto("/supplier");
    await expect(page.getByTestId("offer-row")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await snapBothWidths(page, "supplier-offers");

  await page.goto("/supplier/profile");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await snapBothWidths(page, "supplier-profile");
  await signOut(page);
});

test("the operations console: exceptions and the order", async ({ page }) => {
  expect(orderPath, "the buyer's test placed the order").not.toBe("");
  await signIn(page, demoUsers.operations);
  await page.goto("/ops/exceptions");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await snapBothWidths(page, "ops-exceptions");

  await page.goto(orderPath.replace("/orders/", "/ops/orders/"));
  await expect(page.getByTestId("order-status")).toBeVisible();
  await snapBothWidths(page, "ops-order");
  await signOut(page);
});

test("the operations console: partners and settings", async ({ page }) => {
  await signIn(page, demoUsers.operations);
  await page.goto("/ops/suppliers");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await snapBothWidths(page, "ops-suppliers");

  await page.goto("/ops/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await snapBothWidths(page, "ops-settings");
  await signOut(page);
});
