import type { Browser, Page } from "@playwright/test";
import { supplierHoldingOfferOf } from "./e2e-database";
import { demoUsers, expect, signIn } from "./fixtures";

// Issue 21 (i21-quality): an order of the demo buyer asking for quality documents, accepted by a
// partner and in production, for the journeys that upload documents and ship parcels. The demo partner
// (Müller: audited, mills aluminium, nearest to the Munich buyer) ranks first on a fresh database, but
// after an earlier journey's rejection another aluminium mill (Rossi) may, so the job is accepted by
// whichever partner the matcher chose.

/** The buyer orders `quantity` milled plates by invoice, ticking `documents` at checkout; the order's number and URL. */
export async function orderPlateWithDocuments(
  page: Page,
  quantity: number,
  documents: string[],
): Promise<{ number: string; url: string }> {
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 90_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await page.getByRole("spinbutton", { name: "Quantity" }).fill(String(quantity));
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
    { timeout: 30_000 },
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
  await page.getByRole("link", { name: "Check out" }).click();
  const billing = page.getByRole("group", { name: "Billing address" });
  await billing.getByLabel("Street and number").fill("Industriestraße 7");
  await billing.getByLabel("Postal code").fill("80331");
  await billing.getByLabel("City").fill("München");
  for (const document of documents) await page.getByRole("checkbox", { name: document }).check();
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  return { number, url: page.url().replace(/\?.*$/, "") };
}

/** The partner opens the order's offer (reloading until the matcher has sent it), sees what it asks for, accepts. */
export async function acceptOfferOf(page: Page, orderNumber: string): Promise<string> {
  const row = page.getByTestId("offer-row").filter({ hasText: orderNumber });
  await expect(async () => {
    await page.goto("/supplier");
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  await page.getByRole("button", { name: "Accept the job" }).click();
  await expect(page.getByText("Accepted: the job is yours.")).toBeVisible();
  return page.url().replace(/\?.*$/, "");
}

/** A partner's job in production and the e-mail of the partner's admin who accepted it. */
export interface SupplierJob {
  url: string;
  supplierEmail: string;
}

/** A job in production whose order asks for a certificate of conformity, once per caller; its URL and partner. */
export async function jobInProductionAskingForCertificate(browser: Browser): Promise<SupplierJob> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, demoUsers.buyer);
    const order = await orderPlateWithDocuments(page, 2, ["Certificate of conformity"]);
    await context.clearCookies();
    const supplierEmail = await supplierHoldingOfferOf(order.number);
    await signIn(page, supplierEmail);
    const url = await acceptOfferOf(page, order.number);
    await page.getByRole("button", { name: "Mark in production" }).click();
    await expect(page.getByTestId("job-status")).toHaveText("In production");
    return { url, supplierEmail };
  } finally {
    await context.close();
  }
}
