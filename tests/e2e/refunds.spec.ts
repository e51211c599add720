import type { Page } from "@playwright/test";
import { expect, signIn, signOut, test } from "./fixtures";

// Issue 19, point 2, end to end against the fake Stripe (whose refunds wait as `pending` until settled):
// operations refund part of a card order; buyer and operations see it on its way, not done; the card
// refund fails; operations see why and what to do, the buyer is never told it went through; operations
// transfer it by bank and record it; the buyer then reads it as done.
test.setTimeout(180_000);

const stripeUrl = `http://localhost:${Number(process.env.E2E_STRIPE_PORT ?? 12111)}`;
const shots = process.env.REFUND_SHOTS_DIR;

/** Desktop (1280) and phone (390) screenshots of the current page, when REFUND_SHOTS_DIR is set. */
async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const [width, label] of [
    [1280, "desktop"],
    [390, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${shots}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a card refund stays 'on its way' until Stripe answers; a failed one goes to operations, who refund by bank", async ({
  page,
  request,
}) => {
  // The buyer orders the plate and pays by card on Stripe's page.
  await signIn(page, "anna.buyer@acme.example");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("4");
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
  await page.getByRole("radio", { name: /Card/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/pay\/cs_test_/);
  await page.getByRole("button", { name: /^Pay €/ }).click();
  await expect(page.getByTestId("order-status")).toHaveText(/Confirmed|In production/, { timeout: 20_000 });
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  const orderUrl = page.url().replace(/\?.*$/, "");
  const orderId = orderUrl.split("/").at(-1)!;
  await signOut(page);

  // Operations refund 25 € of it; the refund job sends it and Stripe answers `pending`.
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto(`/ops/orders/${orderId}`);
  await page.getByLabel("Amount in €, VAT included").fill("25.00");
  await page.locator("#refund-reason").fill("Goodwill for the late delivery");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  const waitingRow = page.getByTestId("waiting-refund-row").filter({ hasText: number });
  await expect(async () => {
    await page.goto("/ops/payments");
    await expect(waitingRow).toContainText("the card issuer has not answered yet", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("heading", { name: "Refunds to act on" }).scrollIntoViewIfNeeded();
  await shoot(page, "ops-payments-refund-pending");
  await page.goto(`/ops/orders/${orderId}`);
  await expect(page.getByText("On its way (not done yet)")).toBeVisible();
  await shoot(page, "ops-order-refund-pending");
  await signOut(page);

  // The buyer reads it as on its way, not done.
  await signIn(page, "anna.buyer@acme.example");
  await page.goto(orderUrl);
  await expect(page.getByTestId("refund")).toContainText("€25.00: on its way to your card, not there yet");
  await shoot(page, "buyer-order-refund-pending");
  await signOut(page);

  // The card issuer refuses it: Stripe fails the refund (refund.updated and refund.failed).
  const state = (await (await request.get(`${stripeUrl}/_fake/state`)).json()) as {
    refunds: { id: string; metadata: Record<string, string> }[];
  };
  const stripeRefund = state.refunds.find((refund) => refund.metadata.orderId === orderId)!;
  const settled = await request.post(`${stripeUrl}/_fake/refunds/${stripeRefund.id}/settle`, {
    data: { status: "failed", failureReason: "expired_or_canceled_card" },
  });
  expect(settled.status()).toBe(200);

  await signIn(page, "olga.ops@instant-quote.example");
  const failedRow = page.getByTestId("failed-refund-row").filter({ hasText: number });
  await expect(async () => {
    await page.goto("/ops/payments");
    await expect(failedRow).toContainText("The card has expired or was cancelled", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // A card that is gone is not worth another try: only the bank transfer is offered.
  await expect(failedRow.getByRole("button", { name: /Try the card again/ })).toHaveCount(0);
  await page.getByRole("heading", { name: "Refunds to act on" }).scrollIntoViewIfNeeded();
  await shoot(page, "ops-payments-refund-failed");
  await signOut(page);

  await signIn(page, "anna.buyer@acme.example");
  await page.goto(orderUrl);
  await expect(page.getByTestId("refund")).toContainText("your card could not take it");
  await expect(page.getByText("back on your card")).toHaveCount(0);
  await shoot(page, "buyer-order-refund-failed");
  await signOut(page);

  // Operations transfer the money by bank and record it; the buyer reads it as done.
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto("/ops/payments");
  await failedRow.getByLabel(/Bank transfer reference/).fill("SEPA 2026-12-05 Acme refund");
  await failedRow.getByRole("button", { name: /Refunded by bank transfer/ }).click();
  await expect(page.getByText("The bank transfer is recorded")).toBeVisible();
  await expect(failedRow).toHaveCount(0);
  await page.getByRole("button", { name: "Run the check now" }).click();
  await expect(page.getByText("No differences")).toBeVisible();
  await signOut(page);

  await signIn(page, "anna.buyer@acme.example");
  await page.goto(orderUrl);
  await expect(page.getByTestId("refund")).toHaveText("Refund €25.00: transferred to your bank account");
  await expect(page.getByRole("link", { name: /Credit note CN-\d{4}-\d{6}/ })).toBeVisible();
});
