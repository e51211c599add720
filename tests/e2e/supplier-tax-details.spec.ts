import { expect, signIn, test } from "./fixtures";

// A partner keeps the tax details its self-billing invoices (Gutschriften) must name (§ 14 (4) UStG):
// Müller (Germany) its tax number as the tax office's letter has it, with its state; Rossi (Italy) its VAT
// ID, which the VIES fake confirms (and refuses FR32123456789, as playwright.config.ts sets it up).
const shots = process.env.SHOTS_DIR;

test("a German partner enters its tax number: a wrong one is refused with what to type, the right one is kept in ELSTER's form", async ({
  page,
}) => {
  await signIn(page, "partner@mueller-cnc.example");
  await page.goto("/supplier/profile#tax-details");
  const card = page.locator("#tax-details");
  await expect(card.getByRole("heading", { name: "Tax details" })).toBeVisible();
  await expect(card.getByRole("status")).toContainText("Complete: your invoices show 19 % German VAT");

  await card.getByLabel("Tax number (Steuernummer)").fill("93815/08153");
  await card.getByLabel("State of your tax office").selectOption({ label: "Baden-Württemberg" });
  await card.getByRole("button", { name: "Save tax details" }).click();
  await expect(card.getByRole("alert").filter({ hasText: "check digit does not match" })).toBeVisible();
  await expect(card.getByLabel("Tax number (Steuernummer)")).toHaveValue("93815/08153");
  if (shots) await page.screenshot({ path: `${shots}/tax-details-1280-refused.png`, fullPage: true });

  await card.getByLabel("Tax number (Steuernummer)").fill("93815/08152");
  await card.getByRole("button", { name: "Save tax details" }).click();
  await expect(card.getByText("Tax details saved. Your self-billing invoices will show them.")).toBeVisible();
  await page.reload();
  await expect(page.locator("#tax-details").getByLabel("Tax number (Steuernummer)")).toHaveValue(
    "2893081508152",
  );
  await expect(page.locator("#tax-details").getByLabel("VAT ID (USt-IdNr.)")).toHaveValue("DE145238764");
  if (shots) {
    await page.locator("#tax-details").screenshot({ path: `${shots}/tax-details-1280-saved.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("#tax-details").screenshot({ path: `${shots}/tax-details-390-saved.png` });
  }
});

test("a partner in Italy gives its VAT ID: VIES refusing it is shown, a confirmed one means reverse charge", async ({
  page,
}) => {
  await signIn(page, "partner@rossi-fresatura.example");
  await page.goto("/supplier/profile#tax-details");
  const card = page.locator("#tax-details");
  await expect(card.getByLabel("Tax number (Steuernummer)")).toHaveCount(0);

  await card.getByLabel("VAT ID").fill("FR32123456789");
  await card.getByRole("button", { name: "Save tax details" }).click();
  await expect(
    card.getByRole("alert").filter({ hasText: "says FR32123456789 is not a valid VAT ID" }),
  ).toBeVisible();
  await expect(card.getByLabel("VAT ID")).toHaveValue("FR32123456789");

  await card.getByLabel("VAT ID").fill("IT 027 436 901 54");
  await card.getByRole("button", { name: "Save tax details" }).click();
  await expect(card.getByText("Tax details saved. Your self-billing invoices will show them.")).toBeVisible();
  await page.reload();
  const saved = page.locator("#tax-details");
  await expect(saved.getByLabel("VAT ID")).toHaveValue("IT02743690154");
  await expect(saved.getByRole("status")).toContainText(
    "no German VAT: intra-community supply, reverse charge",
  );
  await expect(saved.getByRole("status")).toContainText("VIES confirmed IT02743690154");
  if (shots) {
    await page.setViewportSize({ width: 390, height: 844 });
    await saved.screenshot({ path: `${shots}/tax-details-390-italy.png` });
  }
});

test("operations see a partner's tax details, VIES's answer and whether its invoices can be issued", async ({
  page,
}) => {
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto("/ops/suppliers/seed_company_mueller");
  const facts = page.getByRole("region", { name: "Application" });
  await expect(facts.getByText("2893081508152")).toBeVisible();
  await expect(facts.getByText(/ready \(Umsatzsteuer \/ VAT 19 %\)/)).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/ops-supplier-1280.png` });
  await page.goto("/ops/suppliers/seed_company_schmidt");
  await expect(page.getByText(/payouts wait: the partner has entered neither a German VAT ID/)).toBeVisible();
  await expect(page.getByText(/Profile → Tax details/)).toHaveCount(0);
  if (shots) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/ops-supplier-390-missing.png`, fullPage: true });
  }
});
