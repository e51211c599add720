import { expect, signIn, signOut, test } from "./fixtures";

// Money end to end against the local fake of Stripe: the supplier connects its Stripe account, the buyer
// pays by card on the fake's checkout page, the signed webhook marks the order paid, the supplier ships,
// the buyer confirms delivery and that there is no complaint, and the supplier's payout is transferred and
// shows in its portal and in operations' ledger.
test.setTimeout(180_000);

test("a card order is paid through Stripe, shipped, confirmed, and the partner is paid", async ({ page }) => {
  // The supplier sets up payouts on Stripe's onboarding page.
  await signIn(page, "partner@mueller-cnc.example");
  await page.goto("/supplier/payouts");
  await page.getByRole("button", { name: "Connect with Stripe" }).click();
  await expect(page).toHaveURL(/\/connect\/onboarding\/acct_/);
  await page.getByRole("button", { name: "Agree and submit" }).click();
  await expect(page).toHaveURL(/\/supplier\/payouts\?stripe=return/);
  await expect(page.getByText("Payouts go to your Stripe account")).toBeVisible();
  await signOut(page);

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
  await expect(page.getByText("synth_plate_4thru_1blind.step")).toBeVisible();
  await page.getByRole("button", { name: /^Pay €/ }).click();

  // Back on the order page, which waits for the webhook rather than trusting the redirect.
  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment=returned/);
  await expect(page.getByTestId("order-status")).toHaveText(/Confirmed|In production/, { timeout: 20_000 });
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  const orderUrl = page.url().replace(/\?.*$/, "");
  await expect(page.getByTestId("payments")).toContainText("Card payment");
  await expect(page.getByRole("link", { name: /Invoice INV-\d{4}-\d{6} \(PDF\), paid/ })).toBeVisible();
  await signOut(page);

  // Matching (a background job) offers it to Müller, who accepts and ships.
  await signIn(page, "partner@mueller-cnc.example");
  const offer = page.getByTestId("offer-row").filter({ hasText: number });
  await expect(async () => {
    await page.goto("/supplier");
    await expect(offer).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await offer.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  await page.getByRole("button", { name: "Accept the job" }).click();
  await expect(page.getByText("Accepted: the job is yours.")).toBeVisible();
  await page.getByRole("button", { name: "Mark in production" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("In production");
  await page.getByLabel("Carrier").selectOption("UPS");
  await page.getByLabel("Tracking number").fill("1Z999AA10123456784");
  await page.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Shipped");
  await signOut(page);

  // The buyer confirms the parts arrived.
  await signIn(page, "anna.buyer@acme.example");
  await page.goto(orderUrl);
  await page.getByRole("button", { name: "Parts arrived: confirm delivery" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Delivered");
  await expect(page.getByRole("button", { name: "Parts arrived: confirm delivery" })).toHaveCount(0);
  // The partner is paid when the complaint window closes, or now: the buyer gives the window up.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "All in order: no complaint" }).click();
  await expect(
    page.getByText(/You confirmed no complaint on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} CES?T/),
  ).toBeVisible();
  await signOut(page);

  // The supplier sees its self-billing invoice and the payout transferred to its Stripe account.
  await signIn(page, "partner@mueller-cnc.example");
  const payoutRow = page.getByTestId("payout-row").filter({ hasText: number });
  await expect(async () => {
    await page.goto("/supplier/payouts");
    await expect(payoutRow).toContainText("Paid", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(payoutRow).toContainText(/SB-\d{4}-\d{6}/);
  await signOut(page);

  // Operations see the order's ledger balance: charged = supplier + margin + VAT.
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto("/ops/payments");
  const ledgerRow = page.getByTestId("ledger-row").filter({ hasText: number });
  await expect(ledgerRow).toBeVisible();
  await ledgerRow.getByRole("link", { name: number }).click();
  await expect(page.getByTestId("ledger-balance")).toContainText(
    /Buyer charged €[\d,.]+ = partner €[\d,.]+ \+ margin/,
  );
  await page.goto("/ops/payments");
  await page.getByRole("button", { name: "Run the check now" }).click();
  await expect(page.getByText("No differences")).toBeVisible();
});

test("the webhook endpoint refuses a request without Stripe's signature", async ({ request }) => {
  const event = {
    id: "evt_forged",
    type: "checkout.session.completed",
    data: { object: { id: "cs_forged" } },
  };
  const unsigned = await request.post("/api/webhooks/stripe", { data: event });
  expect(unsigned.status()).toBe(400);
  const forged = await request.post("/api/webhooks/stripe", {
    data: event,
    headers: { "stripe-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` },
  });
  expect(forged.status()).toBe(400);
  expect((await forged.json()).error.message).toMatch(/signature/);
});
