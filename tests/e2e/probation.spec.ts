import type { Page } from "@playwright/test";
import { expect, signIn, signOut, test } from "./fixtures";
import { orderPlateByInvoice } from "./order-plate";

// Issue 21: an approval with conditions puts a partner on probation, and the matcher keeps jobs above its
// value limit from it. Operations re-audit Müller (the partner that ranks first for milled plates), pass
// it with a failed sample part and a €50 job limit; the buyer's €150 plate goes to another partner and
// never reaches Müller. Operations then lift the probation, so the journeys after this one find Müller as
// it was. An operations journey: it runs after the journeys that expect Müller ranked first.
test.setTimeout(240_000);

/** With SHOTS_DIR set, the page at desktop and phone width, for looking at it (not a baseline). */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${dir}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const sampleReport = {
  name: "mueller-sample-part.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n% Sample part: 11 of 12 dimensions within ISO 2768-m\n%%EOF\n"),
};

test("a partner on probation never receives an offer above its job value limit", async ({ page }) => {
  await signIn(page, "olga.ops@instant-quote.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await page.getByRole("link", { name: "Präzisionsteile Müller GmbH" }).first().click();
  await expect(page.getByRole("heading", { name: "Präzisionsteile Müller GmbH", level: 1 })).toBeVisible();
  const supplierPage = page.url();

  await page.getByLabel("Why").selectOption("Renewal");
  await page.getByRole("button", { name: "Open a new audit" }).click();
  await expect(page.getByRole("button", { name: "Save checklist" })).toBeVisible();
  for (const item of [
    "Capabilities verified on site or by video",
    "Machines as declared",
    "Quality management and certificates valid",
    "IT security for customer CAD files",
    "Sample part measured and accepted",
  ]) {
    const check = page.getByRole("group", { name: item });
    await check.getByRole("radio", { name: item.startsWith("Sample") ? "Failed" : "Passed" }).check();
    await check.getByLabel("How verified").selectOption({ label: "By video call" });
    if (item.startsWith("Sample"))
      await check.getByLabel("Note").fill("Bore 0.05 mm over tolerance; a second sample is due.");
  }
  await page.getByRole("button", { name: "Save checklist" }).click();
  await expect(page.getByText(/Checklist saved/)).toBeVisible();
  await page.getByLabel("What it shows").fill("Sample part measurement report");
  await page.getByLabel("Evidence file").setInputFiles(sampleReport);
  await page.getByRole("button", { name: "Keep as evidence" }).click();
  await expect(page.getByText("“mueller-sample-part.pdf” is kept with the audit.")).toBeVisible();

  await page.getByRole("radio", { name: "Approve with conditions" }).check();
  await page
    .getByLabel("Conditions (for an approval with conditions)")
    .fill("Send a second sample part with the bore within tolerance.");
  await page.getByLabel("Largest job value (€)").fill("50");
  await page.getByLabel("Open jobs at most").fill("");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await expect(page.getByTestId("supplier-status")).toHaveText("Active");
  const probation = page.getByRole("region", { name: /Probation/ });
  await expect(probation).toContainText("€50");
  await signOut(page);

  // The buyer orders the plate (about €150): the matcher passes Müller over.
  const order = await orderPlateByInvoice(page, 1);
  await signOut(page);
  await signIn(page, "olga.ops@instant-quote.example");
  const orderId = order.url.split("/").pop()!;
  const offers = page.getByRole("region", { name: "Offers per line" });
  await expect(async () => {
    await page.goto(`/ops/orders/${orderId}`);
    await expect(offers.getByText("Waiting for an answer")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const offered = offers.getByRole("row").filter({ hasText: "Waiting for an answer" });
  await expect(offered).toHaveCount(1);
  await expect(offered).not.toContainText("Müller");
  await expect(page.getByRole("main")).toContainText(/On probation/);
  await signOut(page);

  await signIn(page, "partner@mueller-cnc.example");
  await page.goto("/supplier");
  await expect(page.getByRole("heading", { name: "Offers", level: 1 })).toBeVisible();
  await expect(page.getByTestId("offer-row").filter({ hasText: order.number })).toHaveCount(0);
  // The partner sees its probation in the portal, not only in the e-mail (decision 0048).
  const banner = page.getByTestId("probation-notice");
  await expect(banner).toContainText("You are on probation");
  await expect(banner).toContainText("worth up to €50.00 each");
  await shoot(page, "partner-offers-probation");
  await banner.getByRole("link", { name: "The conditions and what lifts the probation" }).click();
  const section = page.getByRole("region", { name: "Probation" });
  await expect(section).toContainText("€50.00 per job");
  await expect(section).toContainText("Send a second sample part with the bore within tolerance.");
  await expect(section).toContainText("Operations lift the probation once");
  await shoot(page, "partner-profile-probation");
  await signOut(page);

  // Operations lift the probation: Müller takes jobs of any value again.
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto(supplierPage);
  await page
    .getByLabel("Why the conditions are met")
    .fill("Second sample part measured: all within tolerance.");
  await page.getByRole("button", { name: "Lift the probation" }).click();
  await expect(page.getByText(/is off probation/)).toBeVisible();
  await signOut(page);
  await signIn(page, "partner@mueller-cnc.example");
  await page.goto("/supplier");
  await expect(page.getByRole("heading", { name: "Offers", level: 1 })).toBeVisible();
  await expect(page.getByTestId("probation-notice")).toHaveCount(0);
});
