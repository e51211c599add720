import type { Page } from "@playwright/test";
import { expect, signIn } from "./fixtures";

// The demo buyer orders the plate by invoice, and a partner waits for its offer: shared by the journeys
// through the partner portal (supplier-portal.spec.ts, supplier-colleagues.spec.ts).

/** Signs in as the demo buyer and orders the plate, milled in aluminium, by invoice; returns the order. */
export async function orderPlateByInvoice(
  page: Page,
  quantity: number,
): Promise<{ number: string; url: string }> {
  await signIn(page, "anna.buyer@acme.example");
  await expect(page).toHaveURL("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await page.getByRole("spinbutton", { name: "Quantity" }).fill(String(quantity));
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
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  return { number, url: page.url().replace(/\?.*$/, "") };
}

/** The supplier's inbox row of an order, reloading until matching (a background job) has offered it. */
export async function offerRowIn(page: Page, orderNumber: string) {
  const row = page.getByTestId("offer-row").filter({ hasText: orderNumber });
  await expect(async () => {
    await page.goto("/supplier");
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  return row;
}
