import { expect, signIn, test } from "./fixtures";

// Issue 19, point 3 (decision 0029): the buyer pays by SEPA Direct Debit on Stripe's page; the session
// completes unpaid, so the order page says "payment processing" (never "went through") and nothing is
// placed; the bank refuses the debit, the page says so and the buyer pays again by card.
test.setTimeout(180_000);

const shots = process.env.SHOTS_DIR;

test("a direct debit waits as 'payment processing', fails at the bank, and the buyer pays again by card", async ({
  page,
}) => {
  await signIn(page, "anna.buyer@acme.example");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("3");
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

  // Stripe's page offers the direct debit besides the card; the bank will refuse this test IBAN.
  await expect(page).toHaveURL(/localhost:\d+\/pay\/cs_test_/);
  const stripeUrl = new URL(page.url());
  const sessionId = stripeUrl.pathname.split("/").at(-1)!;
  await page.getByRole("radio", { name: "SEPA Direct Debit" }).check();
  await page.getByLabel("IBAN (SEPA Direct Debit)").fill("DE62 3704 0044 0532 0130 01");
  await page.getByLabel("Account holder (SEPA Direct Debit)").fill("Acme Robotics GmbH");
  await page.getByRole("button", { name: /^Pay €/ }).click();

  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment=returned/);
  const processing = page.getByTestId("payment-processing");
  await expect(processing).toBeVisible({ timeout: 20_000 });
  await expect(processing).toContainText("Payment processing");
  await expect(processing).toContainText("has not confirmed your payment");
  await expect(page.getByText(/went through/)).toHaveCount(0);
  await expect(page.getByTestId("order-status")).toHaveText("Waits for payment");
  await expect(page.getByRole("button", { name: /^Pay / })).toHaveCount(0);
  await expect(page.getByTestId("payments")).toContainText("processing at your bank, not yet paid");
  if (shots) {
    await page.screenshot({ path: `${shots}/order-payment-processing-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/order-payment-processing-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // Days later the bank refuses the debit (the fake's control stands in for the bank).
  const settled = await page.request.post(`${stripeUrl.origin}/_fake/settle-checkout-payment`, {
    data: { sessionId },
  });
  expect(settled.ok()).toBe(true);
  const orderUrl = page.url().replace(/\?.*$/, "");
  await expect(async () => {
    await page.goto(orderUrl);
    await expect(page.getByTestId("payment-failed")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("payment-failed")).toContainText("did not go through");
  await expect(page.getByTestId("payment-processing")).toHaveCount(0);
  if (shots) {
    await page.screenshot({ path: `${shots}/order-payment-failed-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/order-payment-failed-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // Paying again opens a new session, paid by card this time.
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page).toHaveURL(/localhost:\d+\/pay\/cs_test_/);
  expect(page.url()).not.toContain(sessionId);
  await page.getByRole("button", { name: /^Pay €/ }).click();
  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment=returned/);
  await expect(page.getByTestId("order-status")).toHaveText(/Confirmed|In production/, { timeout: 20_000 });
});
