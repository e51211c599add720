import { camt053Statement } from "../fixtures/camt053-statement";
import { demoUsers, expect, finishSignUp, signIn, test } from "./fixtures";

// Issue 18, journey 1: a brand-new visitor uploads the plate, signs up, confirms the e-mail through the
// outbox, orders by prepayment (bank transfer), sees where to pay; operations upload a CAMT.053 statement
// with the payment; the order is paid and its line offered to a partner.
test.setTimeout(180_000);

test("a new company's first order, paid in advance by bank transfer and matched from a CAMT.053 statement", async ({
  page,
  browser,
}) => {
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" });
  // The first analysis of a fresh server starts its worker threads: generous on a loaded machine.
  await expect(row.getByTestId("first-price")).toBeVisible({ timeout: 90_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("link", { name: "Create an account to order" }).click();

  const email = `paula.prepay.${Date.now()}@example.com`;
  await page.getByLabel("Company").fill("Vorkasse Maschinenbau GmbH");
  await page.getByLabel("Your name").fill("Paula Prepay");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, browser, email, "a-long-enough-password");

  // Back on the part, now the new company's. Milling in aluminium: the seeded partners make it.
  await expect(page.getByRole("heading", { name: "synth_plate_4thru_1blind.step" })).toBeVisible();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
  await page.getByRole("link", { name: "Check out" }).click();

  const billing = page.getByRole("group", { name: "Billing address" });
  await billing.getByLabel("Street and number").fill("Hafenstraße 12");
  await billing.getByLabel("Postal code").fill("20457");
  await billing.getByLabel("City").fill("Hamburg");
  // A new company has no invoice terms: prepayment is open to it from its first order.
  await page.getByRole("radio", { name: /Bank transfer in advance/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  const orderUrl = page.url().replace(/\?.*$/, "");
  const orderId = orderUrl.split("/").at(-1)!;
  await expect(page.getByTestId("order-status")).toHaveText("Waits for payment");
  const box = page.getByTestId("bank-transfer");
  await expect(box).toContainText("DE89 3704 0044 0532 0130 00");
  await expect(box).toContainText("COBADEFFXXX");
  await expect(box).toContainText("Demo Bank");
  await expect(box.getByRole("img", { name: /Payment QR code/ })).toBeVisible();
  const reference = (await box.getByTestId("payment-reference").textContent())!.trim();
  expect(reference).toMatch(/^RF\d{2}( \d{1,4})+$/);
  const amountCents = Number(await box.getByTestId("amount-missing").getAttribute("data-cents"));
  expect(amountCents).toBeGreaterThan(0);
  const proForma = await page.request.get(`/api/v1/orders/${orderId}/documents/pro-forma.pdf`);
  expect(proForma.headers()["content-type"]).toBe("application/pdf");

  // Operations upload the day's statement: the buyer's transfer, with the reference among other words.
  const ops = await browser.newContext();
  try {
    const opsPage = await ops.newPage();
    await signIn(opsPage, demoUsers.operations);
    await opsPage.goto("/ops/payments/bank-statements");
    await expect(opsPage.getByRole("row").filter({ hasText: reference })).toBeVisible();
    await opsPage.getByLabel("Bank statement").setInputFiles({
      name: "statement-2026-12-07.xml",
      mimeType: "application/xml",
      buffer: Buffer.from(
        camt053Statement([
          {
            amountCents,
            remittance: `Bestellung ${reference} Vorkasse Maschinenbau`,
            bankReference: `E2E-${Date.now()}`,
            payerName: "Vorkasse Maschinenbau GmbH",
          },
          {
            amountCents: 1_250,
            direction: "DBIT",
            remittance: "Kontoführung",
            bankReference: `E2E-FEE-${Date.now()}`,
          },
        ]),
      ),
    });
    await opsPage.getByRole("button", { name: "Upload and match" }).click();
    await expect(opsPage.getByText(/1 new incoming payment \(1 paid in full\)/)).toBeVisible();
    await expect(opsPage.getByRole("row").filter({ hasText: reference })).toHaveCount(0);

    // The order is paid and its line offered to a partner (matching is a background job).
    await expect(async () => {
      await opsPage.goto(`/ops/orders/${orderId}`);
      await expect(
        opsPage.getByRole("region", { name: "Offers per line" }).getByText("Waiting for an answer"),
      ).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  } finally {
    await ops.close();
  }

  await page.goto(orderUrl);
  await expect(page.getByTestId("order-status")).toHaveText("Confirmed");
  await expect(page.getByTestId("bank-transfer")).toHaveCount(0);
  await expect(page.getByTestId("payments")).toContainText("Bank transfer");
  await expect(page.getByRole("link", { name: /Invoice INV-\d{4}-\d{6} \(PDF\), paid/ })).toBeVisible();
  await expect(page.getByTestId("timeline").first().locator("li.done")).toHaveCount(2);
});
