import { offersOf, type OrderOffer } from "./e2e-database";
import { expect, signIn, signOut, test } from "./fixtures";

// The best supplier rejects a milling order and the matcher gives it to the next; after a phone call
// operations offer it to the first supplier again from the order page: the second supplier's offer is
// withdrawn, the history tells the story, and the first supplier accepts.
test.setTimeout(150_000);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("operations re-offer a line to a partner that rejected it, and the history shows every step", async ({
  page,
}) => {
  await signIn(page, "anna.buyer@acme.example");
  await expect(page).toHaveURL("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const upload = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(upload.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await upload.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("3");
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  const orderNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
  await signOut(page);

  // Whoever the matcher ranks first (earlier journeys shape the suppliers' records) gets the offer.
  const [first] = await offersOf(orderNumber, (offers) => offers.length >= 1);
  await signIn(page, "olga.ops@instant-quote.example");
  const history = page.getByTestId("order-history");
  await page.goto(`/ops/orders/${orderId}`);
  await expect(history).toContainText(new RegExp(`Offered to ${escape(first!.supplierName)} for €`));
  await signOut(page);

  // The supplier's inbox, reloaded until the offer (made by a background job or by operations) is there.
  const openOffer = async (supplier: OrderOffer) => {
    await signIn(page, supplier.email);
    await expect(async () => {
      await page.goto("/supplier");
      await expect(page.getByTestId("offer-row").filter({ hasText: orderNumber })).toBeVisible({
        timeout: 1_000,
      });
    }).toPass({ timeout: 20_000 });
    await page
      .getByTestId("offer-row")
      .filter({ hasText: orderNumber })
      .getByRole("link", { name: "synth_plate_4thru_1blind.step" })
      .click();
  };
  await openOffer(first!);
  await page
    .getByLabel("Reason for rejecting")
    .selectOption({ label: "No capacity before the delivery date" });
  await page.getByRole("button", { name: "Reject the job" }).click();
  await expect(page.getByText("Rejected. The job goes to another partner")).toBeVisible();
  await signOut(page);

  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto("/ops");
  await expect(page).toHaveURL("/ops/exceptions");
  await expect(page.getByRole("heading", { level: 1, name: "Exceptions" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Exception counts" })).toContainText("unmatched lines");

  // The matcher offers the line to the next supplier in the background.
  const [, second] = await offersOf(orderNumber, (offers) => offers.length >= 2);
  expect(second!.supplierName).not.toBe(first!.supplierName);
  await page.goto(`/ops/orders/${orderId}`);
  await expect(history).toContainText(`Offered to ${second!.supplierName} for €`);
  await expect(history).toContainText(
    new RegExp(`Offered to ${escape(first!.supplierName)} for €[\\d.,]+: rejected`),
  );
  await expect(history).toContainText("No capacity before the delivery date");

  // After a phone call, operations offer it to the first supplier again.
  const choice = page.getByLabel("Offer to partner");
  await choice.selectOption(
    (await choice.locator("option", { hasText: first!.supplierName }).getAttribute("value"))!,
  );
  await page.getByRole("button", { name: "Offer the line" }).click();
  await expect(page.getByText("The line is offered to the partner you chose")).toBeVisible();
  const offers = page.locator("section[aria-labelledby=offers-heading] table");
  await expect(offers.locator("tr").filter({ hasText: second!.supplierName })).toContainText(
    `Re-offered by operations to ${first!.supplierName}`,
  );
  await expect(offers.locator("tr").filter({ hasText: "Olga Brandt" })).toContainText(
    "Waiting for an answer",
  );
  await expect(history).toContainText(`Matcher (operations): chose ${first!.supplierName}`);
  await signOut(page);

  await openOffer(first!);
  await page.getByRole("button", { name: "Accept the job" }).click();
  await expect(page.getByText("Accepted: the job is yours.")).toBeVisible();
});

// Issue 21 (operations): a partner's capacity change reads as a sentence in its audit log; the matching
// decisions show each factor of every ranked partner's score and one line for the partners that do not
// offer the process; a line nobody can take says why on the exceptions board, where an operator takes it
// on and writes a note every operator sees.
test("operations read score factors, audit sentences and why a line is unmatched, and take it on with a note", async ({
  page,
}) => {
  const shots = process.env.OPS_SHOTS_DIR;
  // Müller's milling hours go to 120 h, then 100 h, and back to what they were at the end.
  await signIn(page, "partner@mueller-cnc.example");
  await page.goto("/supplier/profile");
  const hours = page.getByLabel("Machine hours per week for CNC milling");
  const originalHours = await hours.inputValue();
  const saveHours = async (value: string) => {
    await hours.fill(value);
    await page.getByRole("button", { name: "Save processes" }).click();
    await expect(page.getByText("Processes and capacity saved.")).toBeVisible();
  };
  await saveHours("120");
  await saveHours("100");
  await signOut(page);

  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto("/ops/suppliers/seed_company_mueller");
  const log = page.locator("section[aria-labelledby=log-heading]");
  await expect(log.getByTestId("audit-log-entry").first()).toContainText(
    "Weekly capacity for CNC milling changed from 120 h to 100 h.",
  );
  await expect(log).not.toContainText(/to: \d|supplier\.processes|CNC_MILLING/);
  if (shots) await log.screenshot({ path: `${shots}/supplier-audit-log.png` });
  await signOut(page);

  // The buyer orders a plate made in France, where no milling partner produces.
  await signIn(page, "anna.buyer@acme.example");
  await expect(page).toHaveURL("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const upload = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(upload.getByTestId("first-price")).toContainText(/from €/, { timeout: 90_000 });
  await upload.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByLabel("Made in").selectOption({ label: "France" });
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  const orderNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  await signOut(page);

  await signIn(page, "olga.ops@instant-quote.example");
  const row = page.getByTestId("exception-row").filter({ hasText: orderNumber });
  await expect(async () => {
    await page.goto("/ops/exceptions");
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText("No partner offering CNC milling produces in France.");
  await expect(row.getByTestId("exception-follow-up")).toContainText("Nobody yet");
  await row.getByText("Take it on or add a note").click();
  await row.getByLabel("Owner").selectOption({ label: "Olga Brandt (me)" });
  const note = "Asked Rossi whether their Lyon site can take it; call Anna on Tuesday.";
  await row.getByLabel("Note for operations").fill(note);
  await row.getByRole("button", { name: "Save owner and note" }).click();
  await expect(row.getByText("Owner and note saved.")).toBeVisible();
  await page.reload();
  await expect(row.getByTestId("exception-follow-up")).toContainText("Olga Brandt");
  await expect(row.getByTestId("exception-follow-up")).toContainText(note);
  if (shots) {
    await page.screenshot({ path: `${shots}/exceptions-desktop.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 900 });
    await row.screenshot({ path: `${shots}/exceptions-row-phone.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // The decision: each factor of each ranked partner, and one line for the partners without the process.
  await page.goto("/ops/matching");
  const decision = page.getByTestId("match-decision").filter({ hasText: orderNumber }).first();
  await decision.locator("summary").first().click();
  await expect(decision.getByTestId("not-offering-process")).toContainText(
    /\d+ partners? do(es)? not offer CNC milling/,
  );
  await expect(decision.getByTestId("skipped-summary")).toContainText(
    /Produces in another country than the order asks: \d+ partners/,
  );
  const ranked = page
    .getByTestId("match-decision")
    .filter({ has: page.getByTestId("ranked-candidate") })
    .first();
  await ranked.locator("summary").first().click();
  const candidate = ranked.getByTestId("ranked-candidate").first();
  await expect(candidate.getByTestId("factor-onTimeDelivery")).toContainText(/0\.\d\d × [\d.]+ = \+0\.\d{3}/);
  await expect(candidate.getByTestId("factor-distance")).toContainText(/km|location unknown/);
  await expect(candidate.getByTestId("factor-cost")).toContainText(/€[\d,.]+/);
  if (shots) {
    await ranked.screenshot({ path: `${shots}/matching-factors.png` });
    await page.setViewportSize({ width: 390, height: 900 });
    await candidate.screenshot({ path: `${shots}/matching-factors-phone.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await signOut(page);

  await signIn(page, "partner@mueller-cnc.example");
  await page.goto("/supplier/profile");
  await saveHours(originalHours);
});
