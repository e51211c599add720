import { expect, signIn, signOut, test } from "./fixtures";

// Operations audit the pending supplier (Werkstatt Schmidt Rapid, Leipzig: CNC milling and FDM) and approve
// it; then they suspend Additiv Berlin, the only other FDM supplier, whose open offer moves on to Schmidt.
// It runs in the "operations" project, after the journeys that expect Schmidt to wait for its audit.
test.setTimeout(180_000);

const samplePartReport = {
  name: "schmidt-sample-part.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n% Sample part: 12 of 12 dimensions within ISO 2768-m\n%%EOF\n"),
};

test("operations approve an audited partner, which then gets the offer of a suspended one", async ({
  page,
  browser,
}) => {
  // The buyer orders 30 printed plates in PLA, by invoice: Additiv Berlin gets the offer.
  await signIn(page, "anna.buyer@acme.example");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /^FDM/ }).check();
  await page.getByLabel("Material").selectOption({ label: "PLA filament" });
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("30");
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
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("Order ", "");
  await signOut(page);

  await signIn(page, "partner@additiv-berlin.example");
  await expect(async () => {
    await page.goto("/supplier");
    await expect(page.getByTestId("offer-row").filter({ hasText: number })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await signOut(page);

  // Operations audit Schmidt: checklist, evidence, approval.
  await signIn(page, "olga.ops@instant-quote.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await expect(
    page.locator("table.suppliers").getByRole("row", { name: /Werkstatt Schmidt Rapid/ }),
  ).toContainText("Awaiting audit");
  await page.getByRole("link", { name: "Audit Werkstatt Schmidt Rapid" }).click();
  await expect(page.getByRole("heading", { name: "Werkstatt Schmidt Rapid", level: 1 })).toBeVisible();
  await expect(page.getByTestId("supplier-status")).toHaveText("Awaiting audit");

  // Approving before anything is checked is refused with what is missing.
  await page.getByRole("radio", { name: "Approve", exact: true }).check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not every check has passed" })).toBeVisible();

  for (const item of [
    "Capabilities verified on site or by video",
    "Machines as declared",
    "Quality management and certificates valid",
    "IT security for customer CAD files",
    "Sample part measured and accepted",
  ]) {
    const check = page.getByRole("group", { name: item });
    await check.getByRole("radio", { name: "Passed" }).check();
    await check.getByLabel("How verified").selectOption({ label: "By video call" });
  }
  // A colleague saves the checklist meanwhile: the save is refused, their entry is shown beside the
  // form, what was typed stays, and saving again keeps it.
  const colleague = await browser.newPage({ baseURL: new URL(page.url()).origin });
  await signIn(colleague, "olga.ops@instant-quote.example");
  await colleague.goto(page.url());
  const machines = colleague.getByRole("group", { name: "Machines as declared" });
  await machines.getByRole("radio", { name: "Failed" }).check();
  await machines.getByLabel("How verified").selectOption({ label: "From documents" });
  await machines.getByLabel("Note").fill("Second mill not on the invoice list");
  await colleague.getByRole("button", { name: "Save checklist" }).click();
  await expect(colleague.getByText("Checklist saved (1 item changed).")).toBeVisible();
  await colleague.close();

  await page.getByRole("button", { name: "Save checklist" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "changed this audit after you opened" }),
  ).toBeVisible();
  await expect(page.getByRole("group", { name: "Machines as declared" })).toContainText(
    "Saved meanwhile by Olga Brandt: Failed · From documents · “Second mill not on the invoice list”",
  );
  await expect(
    page.getByRole("group", { name: "Machines as declared" }).getByRole("radio", { name: "Passed" }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Save checklist" }).click();
  await expect(page.getByText("Checklist saved (5 items changed).")).toBeVisible();
  await expect(page.getByText(/Saved meanwhile by/)).toHaveCount(0);

  await page.getByLabel("What it shows").fill("Sample part measurement report");
  await page.getByLabel("Evidence file").setInputFiles(samplePartReport);
  await page.getByRole("button", { name: "Keep as evidence" }).click();
  await expect(page.getByText("“schmidt-sample-part.pdf” is kept with the audit.")).toBeVisible();
  await expect(page.getByRole("link", { name: "schmidt-sample-part.pdf" })).toBeVisible();

  await page.getByRole("radio", { name: "Approve", exact: true }).check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The audit is approved" })).toBeVisible();
  await expect(page.getByTestId("supplier-status")).toHaveText("Active");
  const log = page.getByRole("region", { name: "Audit log" });
  await expect(log).toContainText("Decided the audit: approved");
  await expect(log).toContainText("Olga Brandt");

  // Suspending Additiv Berlin withdraws its open offer.
  await page.getByRole("link", { name: "← Partners" }).click();
  await page.getByRole("link", { name: "Additiv Berlin GmbH" }).first().click();
  await page
    .getByLabel("Reason for the suspension")
    .fill("Two late deliveries in a row; we talk it over first.");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Suspend the partner" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 open offer was withdrawn" })).toBeVisible();
  await expect(page.getByTestId("supplier-status")).toHaveText("Suspended");
  await signOut(page);

  // The offer has moved on to the newly approved supplier.
  await signIn(page, "partner@schmidt-rapid.example");
  await expect(async () => {
    await page.goto("/supplier");
    await expect(page.getByTestId("offer-row").filter({ hasText: number })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await signOut(page);

  // Additiv Berlin sees its suspension and the withdrawn offer.
  await signIn(page, "partner@additiv-berlin.example");
  await expect(page.getByText("Two late deliveries in a row; we talk it over first.")).toBeVisible();
});
