import { offersOf } from "./e2e-database";
import { expect, signIn, signOut, test } from "./fixtures";
import { offerRowIn, orderPlateByInvoice } from "./order-plate";

// An order goes to the best supplier (on a fresh database Müller: audited, mills aluminium, nearest to the
// Munich buyer; earlier journeys may change the ranking, so the journey asks who got it), who rejects it;
// the next one gets it, accepts, downloads the CAD file and ships; the buyer sees the tracking number. The
// first cannot see the second one's job or its file.
test.setTimeout(150_000);

test("a rejected order goes to the next partner, who accepts, downloads the file and ships it", async ({
  page,
}) => {
  const order = await orderPlateByInvoice(page, 5);
  await signOut(page);

  const [first] = await offersOf(order.number, (offers) => offers.length >= 1);
  await signIn(page, first!.email);
  const firstRow = await offerRowIn(page, order.number);
  await expect(firstRow).toContainText("CNC milling · Aluminium 6061-T6");
  await firstRow.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  await expect(page.getByTestId("offer-price")).toContainText("€");
  await expect(page.getByRole("link", { name: /Download CAD/ })).toHaveCount(0);
  const offerUrl = new URL(page.url()).pathname;
  const previewUrl = `/api/v1/supplier/offers/${offerUrl.split("/").at(-1)}/display-mesh`;
  expect((await page.request.get(previewUrl)).status()).toBe(200);
  await page
    .getByLabel("Reason for rejecting")
    .selectOption({ label: "No capacity before the delivery date" });
  await page.getByRole("button", { name: "Reject the job" }).click();
  await expect(page.getByText("Rejected. The job goes to another partner")).toBeVisible();
  await expect(page.getByTestId("offer-row").filter({ hasText: order.number })).toHaveCount(0);
  // The rejected offer is lost: neither its page nor its 3D preview is the first supplier's any more (issue 16, item 14).
  expect((await page.goto(offerUrl))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This offer is not open" })).toBeVisible();
  await expect(page.getByText("synth_plate_4thru_1blind.step")).toHaveCount(0);
  expect((await page.request.get(previewUrl)).status()).toBe(404);
  await signOut(page);

  const [, second] = await offersOf(order.number, (offers) => offers.length >= 2);
  await signIn(page, second!.email);
  const secondRow = await offerRowIn(page, order.number);
  await secondRow.getByRole("link", { name: "synth_plate_4thru_1blind.step" }).click();
  await page.getByRole("button", { name: "Accept the job" }).click();
  await expect(page.getByText("Accepted: the job is yours.")).toBeVisible();
  const jobUrl = page.url().replace(/\?.*$/, "");
  // The back button shows the offer as it was; accepting it again opens the job instead of an error.
  await page.goBack();
  await page.getByRole("button", { name: "Accept the job" }).click();
  await expect(page).toHaveURL(new RegExp(`^${jobUrl}`));
  await expect(page.getByText("Accepted: the job is yours.")).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download CAD file/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("synth_plate_4thru_1blind.step");
  const fileUrl = download.url();
  const cad = await page.request.get(fileUrl);
  expect((await cad.body()).subarray(0, 12).toString()).toBe("ISO-10303-21");

  await page.getByRole("button", { name: "Mark in production" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("In production");
  await page.getByLabel("Carrier").selectOption("DHL");
  await page.getByLabel("Tracking number").fill("JJD0001234567");
  await page.getByRole("button", { name: "Ship this parcel" }).click();
  await expect(page.getByText("Marked as shipped; the buyer has the tracking number.")).toBeVisible();
  await expect(page.getByTestId("job-status")).toHaveText("Shipped");
  await signOut(page);

  // The first supplier does not see the second one's job, nor its file.
  await signIn(page, first!.email);
  expect((await page.goto(jobUrl))!.status()).toBe(404);
  const foreignFile = await page.request.get(fileUrl);
  expect(foreignFile.status()).toBe(404);
  await signOut(page);

  await signIn(page, "anna.buyer@acme.example");
  await page.goto(order.url);
  const timeline = page.getByTestId("timeline").first();
  await expect(timeline).toContainText("JJD0001234567");
  await expect(timeline).toContainText("DHL");

  await signOut(page);

  // Operations see why the line went where it went.
  await signIn(page, "olga.ops@instant-quote.example");
  await page.goto("/ops/matching");
  const secondDecision = page
    .getByTestId("match-decision")
    .filter({ hasText: second!.supplierName })
    .filter({ hasText: order.number });
  await secondDecision.first().locator("summary").first().click();
  await expect(secondDecision.first()).toContainText(
    `${first!.supplierName}: had this line's offer already (rejected)`,
  );
});
