import { expect, signIn, signInAndWait, signOut, test } from "./fixtures";

// The best supplier rejects a milling order and the matcher gives it to the next; after a phone call
// operations offer it to the first supplier again from the order page: the second supplier's offer is
// withdrawn, the history tells the story, and the first supplier accepts.
test.setTimeout(150_000);

const supplierEmails: Record<string, string> = {
  "Präzisionsteile Müller GmbH": "partner@mueller-cnc.example",
  "Fresatura Rossi S.r.l.": "partner@rossi-fresatura.example",
  "Nowak Toczenie i Frezowanie Sp. z o.o.": "partner@nowak-cnc.example",
  "MetalPrint Eindhoven B.V.": "partner@metalprint-eindhoven.example",
  "Werkstatt Schmidt Rapid": "partner@schmidt-rapid.example",
};

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
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible();
  const orderNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  const orderId = new URL(page.url()).pathname.split("/").at(-1)!;
  await signOut(page);

  // Whoever the matcher ranks first (earlier journeys shape the suppliers' records) gets the offer.
  await signInAndWait(page, "olga.ops@instant-quote.example");
  const history = page.getByTestId("order-history");
  const offeredSuppliers = async () =>
    [...((await history.textContent()) ?? "").matchAll(/Offered to (.+?) for €/g)].map((match) => match[1]!);
  let first = "";
  await expect(async () => {
    await page.goto(`/ops/orders/${orderId}`);
    first = (await offeredSuppliers())[0] ?? "";
    expect(first).not.toBe("");
  }).toPass({ timeout: 20_000 });
  await signOut(page);

  // The supplier's inbox, reloaded until the offer (made by a background job or by operations) is there.
  const openOffer = async (supplier: string) => {
    await signInAndWait(page, supplierEmails[supplier]!);
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
  await openOffer(first);
  await page
    .getByLabel("Reason for rejecting")
    .selectOption({ label: "No capacity before the delivery date" });
  await page.getByRole("button", { name: "Reject the job" }).click();
  await expect(page.getByText("Rejected. The job goes to another partner")).toBeVisible();
  await signOut(page);

  await signInAndWait(page, "olga.ops@instant-quote.example");
  await page.goto("/ops");
  await expect(page).toHaveURL("/ops/exceptions");
  await expect(page.getByRole("heading", { level: 1, name: "Exceptions" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Exception counts" })).toContainText("unmatched lines");

  // The matcher offers the line to the next supplier in the background.
  let second = "";
  await expect(async () => {
    await page.goto(`/ops/orders/${orderId}`);
    second = (await offeredSuppliers())[1] ?? "";
    expect(second).not.toBe("");
  }).toPass({ timeout: 20_000 });
  expect(second).not.toBe(first);
  await expect(history).toContainText(new RegExp(`Offered to ${escape(first)} for €[\\d.,]+: rejected`));
  await expect(history).toContainText("No capacity before the delivery date");

  // After a phone call, operations offer it to the first supplier again.
  const choice = page.getByLabel("Offer to partner");
  await choice.selectOption((await choice.locator("option", { hasText: first }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Offer the line" }).click();
  await expect(page.getByText("The line is offered to the partner you chose")).toBeVisible();
  const offers = page.locator("section[aria-labelledby=offers-heading] table");
  await expect(offers.locator("tr").filter({ hasText: second })).toContainText(
    `Re-offered by operations to ${first}`,
  );
  await expect(offers.locator("tr").filter({ hasText: "Olga Brandt" })).toContainText(
    "Waiting for an answer",
  );
  await expect(history).toContainText(`Matcher (operations): chose ${first}`);
  await signOut(page);

  await openOffer(first);
  await page.getByRole("button", { name: "Accept the job" }).click();
  await expect(page.getByText("Accepted: the job is yours.")).toBeVisible();
});
