import type { Page } from "@playwright/test";
import { expect, signIn, signOut, test } from "./fixtures";
import { supplierHoldingOfferOf } from "./e2e-database";
import { acceptOfferOf, orderPlateWithDocuments } from "./quality-job";

// Issue 21 (i21-quality): the buyer asks for a certificate of conformity at checkout; the partner sees it
// on the offer, cannot ship before uploading it, uploads it and ships the four plates in two parcels with
// two carriers; the buyer sees both parcels with their tracking links and downloads the certificate;
// operations see it too.
test.setTimeout(180_000);

/** With SHOTS_DIR set, the page at desktop and phone width, for looking at it (not a baseline). */
async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await page.screenshot({ path: `${dir}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${dir}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const certificate = {
  name: "coc-plates.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n% certificate of conformity\n%%EOF\n"),
};

test("a partner uploads a certificate and ships in two parcels; the buyer tracks both and downloads it", async ({
  page,
}) => {
  await signIn(page, "anna.buyer@acme.example");
  const order = await orderPlateWithDocuments(page, 4, ["Certificate of conformity"]);
  await signOut(page);

  // The demo partner ranks first on a fresh database; an earlier journey's rejection may change that.
  const supplier = await supplierHoldingOfferOf(order.number);
  await signIn(page, supplier);
  const row = page.getByTestId("offer-row").filter({ hasText: order.number });
  await expect(async () => {
    await page.goto("/supplier");
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  // The partner knows before accepting.
  await expect(page.getByTestId("required-quality-documents")).toContainText("Certificate of conformity");
  await shoot(page, "partner-offer");
  await acceptOfferOf(page, order.number);
  await page.getByRole("button", { name: "Mark in production" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("In production");

  // Shipping before the certificate is refused, saying what is missing.
  const ship = page.locator("form").filter({ has: page.getByRole("button", { name: "Ship this parcel" }) });
  await ship.getByLabel("Carrier").selectOption("DHL");
  await ship.getByLabel("Tracking number").fill("JJD000390007827346");
  await ship.getByLabel(/Parts in this parcel/).fill("1");
  await ship.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(
    page.getByText("The order asks for the certificate of conformity: upload it before shipping."),
  ).toBeVisible();

  await shoot(page, "partner-job-refused");
  const upload = page.locator("form").filter({ has: page.getByRole("button", { name: "Upload document" }) });
  await upload.getByLabel("Document").selectOption("CERTIFICATE_OF_CONFORMITY");
  await upload.getByLabel(/^File/).setInputFiles(certificate);
  await upload.getByRole("button", { name: "Upload document" }).click();
  await expect(
    page.getByText(/Certificate of conformity “coc-plates.pdf” is kept with the job/),
  ).toBeVisible();
  // The partner downloads its own upload from its job page (decision 0048); the order's route stays closed.
  const ownDownloadPromise = page.waitForEvent("download");
  await page.getByTestId("quality-document").getByRole("link", { name: "coc-plates.pdf" }).click();
  const ownDownload = await ownDownloadPromise;
  expect(ownDownload.suggestedFilename()).toBe("coc-plates.pdf");
  const supplierDocumentUrl = ownDownload.url();
  expect(supplierDocumentUrl).toContain("/api/v1/supplier/jobs/");
  expect((await (await page.request.get(supplierDocumentUrl)).body()).subarray(0, 5).toString()).toBe(
    "%PDF-",
  );

  // A wrong UPS number is refused with what UPS numbers look like; what was typed stays.
  await ship.getByLabel("Carrier").selectOption("UPS");
  await ship.getByLabel("Tracking number").fill("1Z999AA1012345678");
  await ship.getByLabel(/Parts in this parcel/).fill("1");
  await ship.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(ship.getByText(/This is not a UPS tracking number/)).toBeVisible();
  await expect(ship.getByLabel("Tracking number")).toHaveValue("1Z999AA1012345678");

  await ship.getByLabel("Carrier").selectOption("DHL");
  await ship.getByLabel("Tracking number").fill("JJD000390007827346");
  await ship.getByLabel(/Parts in this parcel/).fill("1");
  await ship.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(page.getByText("Parcel recorded (1 part shipped so far)")).toBeVisible();
  await expect(page.getByTestId("job-status")).toHaveText("In production");

  await expect(ship.getByLabel(/Parts in this parcel \(3 left to ship\)/)).toBeVisible();
  await ship.getByLabel("Carrier").selectOption("UPS");
  await ship.getByLabel("Tracking number").fill("1Z999AA10123456784");
  await ship.getByLabel(/Parts in this parcel/).fill("3");
  await ship.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(page.getByText("Marked as shipped; the buyer has the tracking number.")).toBeVisible();
  await expect(page.getByTestId("job-status")).toHaveText("Shipped");
  await expect(page.getByTestId("shipment")).toHaveCount(2);
  await shoot(page, "partner-job-shipped");
  await signOut(page);

  await signIn(page, "anna.buyer@acme.example");
  await page.goto(order.url);
  const parcels = page.getByTestId("shipment");
  await expect(parcels).toHaveCount(2);
  await expect(parcels.nth(0).getByRole("link", { name: "track JJD000390007827346" })).toHaveAttribute(
    "href",
    "https://www.dhl.com/de-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=JJD000390007827346",
  );
  await expect(parcels.nth(1).getByRole("link", { name: "track 1Z999AA10123456784" })).toHaveAttribute(
    "href",
    "https://www.ups.com/track?loc=en_DE&tracknum=1Z999AA10123456784",
  );
  await expect(page.getByText("Parcels (4 of 4 parts shipped)")).toBeVisible();
  await shoot(page, "buyer-order");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "coc-plates.pdf" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("coc-plates.pdf");
  const documentUrl = download.url();
  expect((await (await page.request.get(documentUrl)).body()).subarray(0, 5).toString()).toBe("%PDF-");
  // The partner's own route is the partner's only.
  expect([403, 404]).toContain((await page.request.get(supplierDocumentUrl)).status());
  await signOut(page);

  // Partners never download from the order's route (not even the one that uploaded); operations do.
  await signIn(page, supplier);
  expect([403, 404]).toContain((await page.request.get(documentUrl)).status());
  await signOut(page);
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto(`/ops/orders/${order.url.split("/").at(-1)}`);
  await expect(page.getByRole("heading", { name: "Quality documents and parcels" })).toBeVisible();
  await expect(page.getByRole("link", { name: "coc-plates.pdf" })).toBeVisible();
  await page.getByRole("heading", { name: "Quality documents and parcels" }).scrollIntoViewIfNeeded();
  await shoot(page, "ops-order");
  expect((await page.request.get(documentUrl)).status()).toBe(200);
});
