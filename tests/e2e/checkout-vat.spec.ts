import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const shots = process.env.SHOTS_DIR;
const euros = async (page: Page, testId: string) =>
  Number(((await page.getByTestId(testId).textContent()) ?? "").replace(/[^\d.]/g, ""));

async function putPlateInCart(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 120_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
}

test("checkout shows net, VAT with its reason and gross before ordering, and refuses ATU1234", async ({
  signInAs,
}) => {
  // Analysing the uploaded plate takes seconds, and much longer on a busy machine.
  test.setTimeout(240_000);
  const page = await signInAs("buyer");
  await putPlateInCart(page);
  await page.goto("/checkout");
  const billing = page.getByRole("group", { name: "Billing address" });
  const rate = page.getByTestId("checkout-vat-rate");

  // The demo company: German VAT ID, delivery in Germany.
  await expect(rate).toHaveText("19 % German VAT");
  const net = await euros(page, "checkout-net");
  expect(net).toBeGreaterThan(0);
  expect(await euros(page, "checkout-vat")).toBeCloseTo(net * 0.19, 2);
  expect(await euros(page, "checkout-gross")).toBeCloseTo(net * 1.19, 2);
  if (shots) await page.screenshot({ path: `${shots}/checkout-1280-german-vat.png`, fullPage: true });

  // The bug seen: ATU1234 gave 0 % and an intra-community invoice. Now the summary and the order refuse it.
  const refusal = "ATU1234 is not a valid Austrian VAT ID: ATU followed by 8 digits.";
  await page.getByLabel("VAT number (optional)").fill("ATU1234");
  await billing.getByLabel("Country").selectOption("AT");
  await expect(page.getByTestId("checkout-vat-refusal")).toHaveText(refusal);
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.locator(".field-error").filter({ hasText: refusal })).toBeVisible();
  await expect(page).toHaveURL("/checkout");
  await expect(page.getByLabel("VAT number (optional)")).toHaveValue("ATU1234");

  // A valid Austrian ID the (fake) VIES confirms, delivered to Austria: reverse charge.
  await page.getByLabel("VAT number (optional)").fill("ATU12345675");
  await page.getByLabel("VAT number (optional)").blur();
  await expect(rate).toHaveText("0 % reverse charge");
  await expect(page.getByTestId("checkout-vat-reason")).toContainText("ATU12345675 confirmed by VIES");
  expect(await euros(page, "checkout-vat")).toBe(0);
  expect(await euros(page, "checkout-gross")).toBe(net);
  if (shots) await page.screenshot({ path: `${shots}/checkout-1280-reverse-charge.png`, fullPage: true });

  // VIES knows this French ID not (tests/fakes/vies, FAKE_VIES_NOT_VALID in playwright.config.ts).
  await page.getByLabel("VAT number (optional)").fill("FR32123456789");
  await page.getByLabel("VAT number (optional)").blur();
  await expect(page.getByTestId("checkout-vat-refusal")).toContainText(
    "says FR32123456789 is not a valid VAT ID",
  );

  // Delivery outside the EU: export.
  await page.getByLabel("VAT number (optional)").fill("");
  await billing.getByLabel("Country").selectOption("CH");
  await expect(rate).toHaveText("0 % export");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("checkout-totals")).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/checkout-390-export.png`, fullPage: true });
  await page.getByLabel("VAT number (optional)").fill("ATU1234");
  await page.getByLabel("VAT number (optional)").blur();
  await expect(page.getByTestId("checkout-vat-refusal")).toHaveText(refusal);
  if (shots) await page.screenshot({ path: `${shots}/checkout-390-refused.png`, fullPage: true });
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "VAT ID" })).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/account-390.png`, fullPage: true });

  // The journeys after this one start from an empty cart.
  await page.goto("/cart");
  await page.getByRole("button", { name: "Remove synth_plate_4thru_1blind.step" }).click();
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
});
