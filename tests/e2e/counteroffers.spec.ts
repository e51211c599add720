import type { Page } from "@playwright/test";
import { workingDayAfter } from "../fixtures/working-day-after";
import { emailedLink, expect, signIn, signOut, test } from "./fixtures";
import { putPlateInCart } from "./new-company";
import { supplierHoldingOfferOf } from "./e2e-database";
import { formatIsoDay } from "../../lib/dates/format-day";

// Issue 21: the partner (Müller, first for milled aluminium) answers an offer with a counteroffer: 10 %
// more and a week later. The price stays within the platform's margin, the later date is the buyer's to
// accept: the buyer follows the e-mail's link, sees the deadline and what happens after it, and accepts.
// The job is then the partner's at its price (the counteroffer was its binding answer, docs/decisions/0039),
// the buyer's line is accepted with the new date and the old price, and operations see the counteroffer.
// A counteroffer counts neither as rejection nor acceptance, so Müller's ranking is unchanged for others.
test.setTimeout(150_000);

const shotsDir = process.env.COUNTEROFFER_SHOTS_DIR;
/** Screenshots at desktop and phone width, only when asked for (COUNTEROFFER_SHOTS_DIR). */
async function shoot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  const size = page.viewportSize()!;
  await page.screenshot({ path: `${shotsDir}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shotsDir}/${name}-390.png`, fullPage: true });
  await page.setViewportSize(size);
}

/** At phone width the page does not scroll sideways: everything fits the screen's 390 px. */
async function expectFitsPhoneWidth(page: Page): Promise<void> {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
      message: "the page is wider than a 390 px phone screen",
    })
    .toBeLessThanOrEqual(390);
  await page.setViewportSize(size);
}

const cents = (text: string) => Math.round(Number(text.replace(/[^\d.]/g, "")) * 100);
const euros = (value: number) =>
  `€${(value / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
// A later delivery day that is a working day for whichever demo partner holds the offer (decision 0080).
const demoSupplierRegions = [
  { countryCode: "DE", region: "Baden-Württemberg" },
  { countryCode: "IT", region: "Lombardia" },
  { countryCode: "PL", region: "Dolnośląskie" },
  { countryCode: "DE", region: "Berlin" },
  { countryCode: "DE", region: "Hamburg" },
  { countryCode: "NL", region: "Noord-Brabant" },
  { countryCode: "DE", region: "Sachsen" },
];
const plusDays = (isoDay: string, days: number) => workingDayAfter(isoDay, days, demoSupplierRegions);

test("a partner counteroffers 10 % more and a later date, the buyer accepts, the job is the partner's at the new terms", async ({
  page,
  browser,
}) => {
  await signIn(page, "anna.buyer@acme.example");
  await expect(page).toHaveURL("/", { timeout: 20_000 });
  await putPlateInCart(page);
  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  const orderNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  const orderPath = new URL(page.url()).pathname;
  const buyerPrice = (await page
    .locator("section", { hasText: "synth_plate_4thru_1blind.step" })
    .first()
    .locator("strong.amount")
    .textContent())!;
  await signOut(page);

  // The partner counters: +10 % on the offered price, a week after the buyer's date.
  await signIn(page, "partner@mueller-cnc.example");
  const row = page.getByTestId("offer-row").filter({ hasText: orderNumber });
  await expect(async () => {
    await page.goto("/supplier");
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await row.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  const offeredCents = cents((await page.getByTestId("offer-price").textContent())!);
  const askedCents = Math.round(offeredCents * 1.1);
  await page.getByText("Propose another price or date instead").click();
  const form = page.getByRole("form", { name: "Counteroffer" });
  const buyerDate = await form.getByLabel("Delivery to the buyer by").inputValue();
  const laterDate = plusDays(buyerDate, 7);
  await form.getByLabel("Your price for the whole job (€)").fill((askedCents / 100).toFixed(2));
  await form.getByLabel("Delivery to the buyer by").fill(laterDate);
  await form
    .getByLabel("Note to our operations team (optional)")
    .fill("Our 5-axis machine is booked until then.");
  await shoot(page, "partner-counteroffer-form");
  await form.getByRole("button", { name: "Send the counteroffer" }).click();
  await expect(page.getByText("Counteroffer sent to the buyer.")).toBeVisible();
  const status = page.getByTestId("counteroffer-status");
  await expect(status).toContainText(euros(askedCents));
  await expect(status).toContainText(/\d{2}:\d{2} CES?T/);
  await shoot(page, "partner-counteroffer-sent");
  await signOut(page);

  // The buyer follows the e-mail's link to the order page and accepts the later date.
  await signIn(page, "anna.buyer@acme.example");
  const link = await emailedLink(
    browser,
    "anna.buyer@acme.example",
    /\/orders\/[A-Za-z0-9]+#counteroffer-[A-Za-z0-9]+/,
  );
  expect(link.startsWith(orderPath)).toBe(true);
  await page.goto(link);
  const decision = page.getByRole("region", { name: "The partner proposes a later delivery date" });
  await expect(decision).toContainText(
    `can deliver by ${formatIsoDay(laterDate)} instead of ${formatIsoDay(buyerDate)}`,
  );
  await expect(decision).toContainText("Your price stays the same.");
  await expect(decision).toContainText(
    /Please decide by .+ \d{2}:\d{2} CES?T\. If you do not, it is declined automatically/,
  );
  // The buyer never sees the partner's price.
  await expect(page.getByText(euros(askedCents))).toHaveCount(0);
  await shoot(page, "buyer-counteroffer-decision");
  await decision.getByRole("button", { name: "Accept the new date" }).click();
  // The decided counteroffer replaces the form with its outcome.
  await expect(page.getByTestId("counteroffer-outcome")).toContainText("You accepted it.");
  await page.reload();
  const line = page.locator("section", { hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(line).toContainText(`delivery by ${formatIsoDay(laterDate)}`);
  await expect(line.locator("strong.amount")).toHaveText(buyerPrice);
  await expect(line.getByTestId("counteroffer-outcome")).toContainText("You accepted it.");
  await expect(line.getByTestId("timeline")).toContainText("Placed with a manufacturing partner");
  // The partner has the job: no cancel form, but the way to ask operations instead.
  await expect(page.getByText("Cancel this order")).toHaveCount(0);
  await expect(page.getByTestId("cancel-closed")).toContainText("write to operations");
  await shoot(page, "buyer-counteroffer-accepted");
  await signOut(page);

  // The partner has the job at its price and the new date, and is told so.
  await signIn(page, "partner@mueller-cnc.example");
  await page.goto("/supplier");
  const answered = page
    .getByRole("row")
    .filter({ hasText: "synth_plate_4thru_1blind.step" })
    .filter({ hasText: "at your counteroffer" });
  await expect(answered.first()).toContainText("Accepted");
  const jobLink = await emailedLink(browser, "partner@mueller-cnc.example", /\/supplier\/jobs\/[A-Za-z0-9]+/);
  await page.goto(jobLink);
  await expect(page.getByText(orderNumber)).toBeVisible();
  await expect(page.getByText(euros(askedCents)).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Download CAD/ })).toBeVisible();
  await signOut(page);

  // Operations see the counteroffer on the order.
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto(`/ops/orders/${orderPath.split("/").at(-1)}`);
  const counter = page.getByTestId("counteroffer-row");
  await expect(counter).toContainText("Präzisionsteile Müller GmbH");
  await expect(counter).toContainText("Accepted");
  await expect(counter).toContainText(euros(offeredCents));
  await expect(counter).toContainText(euros(askedCents));
  await expect(counter).toContainText(`${formatIsoDay(laterDate)} instead of ${formatIsoDay(buyerDate)}`);
  await expect(counter).toContainText("Our 5-axis machine is booked until then.");
  await shoot(page, "ops-counteroffers");
});

// Issue 21 (docs/decisions/0047): a price beyond the platform's margin rule is the buyer's to accept. The
// partner holding the card order's offer (whichever the matcher chose) counters +20 %, which leaves the
// platform under its 10 % margin; the buyer sees old and new price and the difference, pays it on Stripe's
// page, and only then is the job the partner's, at its new price. Operations see the payment and the
// supplementary invoice. Nothing here changes a partner's score (a counteroffer counts in none of it).
test("a partner counteroffers 20 % more, beyond the margin: the buyer pays the difference by card and the partner gets the job", async ({
  page,
  browser,
}) => {
  await signIn(page, "anna.buyer@acme.example");
  await putPlateInCart(page);
  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByRole("radio", { name: /Card/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/localhost:\d+\/pay\/cs_test_/);
  await page.getByRole("button", { name: /^Pay €/ }).click();
  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment=returned/);
  await expect(page.getByTestId("order-status")).toHaveText(/Confirmed|In production/, { timeout: 20_000 });
  const orderNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  const orderPath = new URL(page.url()).pathname;
  const plateLine = () => page.locator("section", { hasText: "synth_plate_4thru_1blind.step" }).first();
  const buyerPriceCents = cents((await plateLine().locator("strong.amount").textContent())!);
  await signOut(page);

  // The partner holding the offer counters +20 %, same date.
  const supplierEmail = await supplierHoldingOfferOf(orderNumber);
  await signIn(page, supplierEmail);
  const row = page.getByTestId("offer-row").filter({ hasText: orderNumber });
  await expect(async () => {
    await page.goto("/supplier");
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await row.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  const offeredCents = cents((await page.getByTestId("offer-price").textContent())!);
  const askedCents = Math.round(offeredCents * 1.2);
  await page.getByText("Propose another price or date instead").click();
  const form = page.getByRole("form", { name: "Counteroffer" });
  await form.getByLabel("Your price for the whole job (€)").fill((askedCents / 100).toFixed(2));
  await form.getByRole("button", { name: "Send the counteroffer" }).click();
  await expect(page.getByText("Counteroffer sent to the buyer.")).toBeVisible();
  await signOut(page);

  // The buyer follows the e-mail's link: old and new price, the difference, the deadline; pays by card.
  await signIn(page, "anna.buyer@acme.example");
  const link = await emailedLink(
    browser,
    "anna.buyer@acme.example",
    /\/orders\/[A-Za-z0-9]+#counteroffer-[A-Za-z0-9]+/,
  );
  expect(link.startsWith(orderPath)).toBe(true);
  await page.goto(link);
  const decision = page.getByRole("region", { name: "The partner asks a higher price" });
  const buyerNetCents = Math.ceil((askedCents * 100) / 90);
  const differenceNet = buyerNetCents - buyerPriceCents;
  const differenceGross = differenceNet + Math.round(differenceNet * 0.19);
  const prices = decision.getByTestId("counteroffer-prices");
  await expect(prices.getByRole("row", { name: /Your price so far/ })).toContainText(euros(buyerPriceCents));
  await expect(prices.getByRole("row", { name: /New price/ })).toContainText(euros(buyerNetCents));
  await expect(prices.getByRole("row", { name: /Difference/ })).toContainText(euros(differenceGross));
  await expect(decision).toContainText(
    /Please decide by .+ \d{2}:\d{2} CES?T\. If you do not, it is declined automatically/,
  );
  // The partner's own price stays between the partner and the platform.
  await expect(page.getByText(euros(askedCents))).toHaveCount(0);
  await shoot(page, "buyer-counteroffer-price-decision");
  await expectFitsPhoneWidth(page);
  await decision.getByRole("button", { name: `Pay ${euros(differenceGross)} and accept` }).click();
  await expect(page).toHaveURL(/localhost:\d+\/pay\/cs_test_/);
  await expect(page.getByText("Price difference")).toBeVisible();
  await page.getByRole("button", { name: `Pay ${euros(differenceGross)}` }).click();
  await expect(page).toHaveURL(/\/orders\/[^/?]+\?payment=returned/);
  const outcome = plateLine().getByTestId("counteroffer-outcome");
  await expect(outcome).toContainText("You accepted it.", { timeout: 60_000 });
  await expect(
    outcome.getByRole("link", { name: /Supplementary invoice INV-\d{4}-\d{6} \(PDF\)/ }),
  ).toBeVisible();
  await expect(outcome).toContainText(", paid.");
  await expect(plateLine().locator("strong.amount")).toHaveText(euros(buyerNetCents));
  await expect(plateLine().getByTestId("timeline")).toContainText("Placed with a manufacturing partner");
  await shoot(page, "buyer-counteroffer-price-paid");
  await expectFitsPhoneWidth(page);
  await signOut(page);

  // The partner has the job at its new price.
  await signIn(page, supplierEmail);
  await page.goto("/supplier");
  const answered = page
    .getByRole("row")
    .filter({ hasText: "synth_plate_4thru_1blind.step" })
    .filter({ hasText: "at your counteroffer" })
    .filter({ hasText: euros(askedCents) });
  await expect(answered.first()).toContainText("Accepted");
  const jobLink = await emailedLink(browser, supplierEmail, /\/supplier\/jobs\/[A-Za-z0-9]+/);
  await page.goto(jobLink);
  await expect(page.getByText(orderNumber)).toBeVisible();
  await expect(page.getByText(euros(askedCents)).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Download CAD/ })).toBeVisible();
  await signOut(page);

  // Operations see the buyer's new price, the card payment and the supplementary invoice.
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto(`/ops/orders/${orderPath.split("/").at(-1)}`);
  const counter = page.getByTestId("counteroffer-row");
  await expect(counter).toContainText("Accepted");
  await expect(counter).toContainText(euros(askedCents));
  const buyerPrice = counter.getByTestId("counteroffer-buyer-price");
  await expect(buyerPrice).toContainText(`${euros(buyerNetCents)} net instead of ${euros(buyerPriceCents)}`);
  await expect(buyerPrice).toContainText("paid by card");
  await expect(buyerPrice).toContainText(/supplementary invoice INV-\d{4}-\d{6}/);
  await shoot(page, "ops-counteroffer-price");
});
