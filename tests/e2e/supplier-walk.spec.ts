import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { supplierHoldingOfferOf } from "./e2e-database";
import { expect, signIn, signOut, test } from "./fixtures";
import { offerRowIn, orderPlateByInvoice } from "./order-plate";
import { wordsBrokenAcrossLines } from "./words-broken-across-lines";

// Found on a new partner's walk (walk 7): on a phone the offer's facts left the values a sliver beside
// their labels; the answered offers did not say their order; and a job whose CAD file was gone from
// storage still offered its download, which the browser saved as "cad.json" with the page unchanged.
test.setTimeout(150_000);

const plate = "tests/fixtures/cad/synth_plate_4thru_1blind.step";
/** Where the app keeps the plate (content-addressed, lib/storage): the e2e app's STORAGE_LOCAL_DIR. */
function storedPlatePath(): string {
  const sha256 = createHash("sha256").update(readFileSync(plate)).digest("hex");
  return path.join(process.env.E2E_STORAGE_DIR ?? ".data/e2e-files", "sha256", sha256.slice(0, 2), sha256);
}

test("a partner reads an offer on a phone and a job whose CAD file is gone says so", async ({ page }) => {
  const order = await orderPlateByInvoice(page, 3);
  await signOut(page);
  await signIn(page, await supplierHoldingOfferOf(order.number));

  await page.setViewportSize({ width: 390, height: 844 });
  const row = await offerRowIn(page, order.number);
  await row.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  await expect(page.getByTestId("offer-price")).toContainText("€");
  const facts = page.locator("dl dd");
  await expect(facts.filter({ hasText: order.number })).toBeVisible();
  expect(await wordsBrokenAcrossLines(facts)).toEqual([]);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Accept the job" }).click();
  await expect(page.getByText("Accepted: the job is yours.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Download CAD file/ })).toBeVisible();
  // The answered offers name their order: the same part on two orders read as two identical rows.
  await page.goto("/supplier");
  await expect(page.locator("tr", { hasText: "Accepted" }).filter({ hasText: order.number })).toBeVisible();
  await page.goBack();

  // The file goes missing from storage (a lost disk, a bad restore); the plate is shared by other
  // journeys' orders, so it is put back afterwards.
  const stored = storedPlatePath();
  const aside = `${stored}.aside`;
  await fs.rename(stored, aside);
  try {
    await page.reload();
    await expect(page.getByTestId("cad-file-missing")).toContainText(
      "The CAD file of this job is missing from our storage. Our operations team has been told",
    );
    await expect(page.getByRole("link", { name: /Download CAD file/ })).toHaveCount(0);
  } finally {
    await fs.rename(aside, stored);
  }
});
