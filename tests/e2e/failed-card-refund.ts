import type { Browser } from "@playwright/test";
import { expect, signIn, signOut } from "./fixtures";

const stripeUrl = `http://localhost:${Number(process.env.E2E_STRIPE_PORT ?? 12111)}`;

/**
 * A card order of the demo buyer, paid on the fake Stripe's page, with a 10 € refund by operations that
 * the card issuer refused (`failed`, expired card), in a browser of its own. Returns the order number once
 * the failure shows under "Refunds to act on".
 */
export async function failedCardRefund(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, "anna.buyer@acme.example");
    await page
      .getByTestId("part-file-input")
      .setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
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
    const billing = page.getByRole("group", { name: "Billing address" });
    await billing.getByLabel("Street and number").fill("Industriestraße 7");
    await billing.getByLabel("Postal code").fill("80331");
    await billing.getByLabel("City").fill("München");
    await page.getByRole("radio", { name: /Card/ }).check();
    await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
    await page.getByRole("button", { name: "Place order" }).click();
    await page.getByRole("button", { name: /^Pay €/ }).click();
    await expect(page.getByTestId("order-status")).toHaveText(/Confirmed|In production/, { timeout: 20_000 });
    const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
    const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
    await signOut(page);

    await signIn(page, "olga.ops@instant-quote.example");
    await page.goto(`/ops/orders/${orderId}`);
    await page.getByLabel("Amount in €, VAT included").fill("10.00");
    await page.locator("#refund-reason").fill("Goodwill (form test)");
    await page.getByRole("button", { name: "Refund", exact: true }).click();
    let stripeRefundId: string | undefined;
    await expect(async () => {
      const state = (await (await page.request.get(`${stripeUrl}/_fake/state`)).json()) as {
        refunds: { id: string; metadata: Record<string, string> }[];
      };
      stripeRefundId = state.refunds.find((refund) => refund.metadata.orderId === orderId)?.id;
      expect(stripeRefundId).toBeDefined();
    }).toPass({ timeout: 30_000 });
    const settled = await page.request.post(`${stripeUrl}/_fake/refunds/${stripeRefundId}/settle`, {
      data: { status: "failed", failureReason: "expired_or_canceled_card" },
    });
    expect(settled.status()).toBe(200);
    await expect(async () => {
      await page.goto("/ops/payments");
      await expect(page.getByTestId("failed-refund-row").filter({ hasText: number })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 30_000 });
    return number;
  } finally {
    await context.close();
  }
}
