import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { e2eDatabase } from "../security/e2e-database";
import { pdfText } from "../fixtures/pdf-text";
import { expect, test } from "./fixtures";

// Issue 18 (i18-docs): a buyer downloads a quote PDF for the part shown and shares it by link, which
// works without an account until the quote expires; a buyer ships to a saved address with a PO number.
test.setTimeout(120_000);

const plate = "synth_plate_4thru_1blind.step";

/** Uploads the plate and opens its part page priced for milling in aluminium. */
async function openMilledPlate(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles(`tests/fixtures/cad/${plate}`);
  const row = page.getByTestId("upload-row").filter({ hasText: plate }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
}

test("a buyer downloads the quote PDF from the part page and shares it by a link that expires with the quote", async ({
  signInAs,
  browser,
}) => {
  const page = await signInAs("buyer");
  await openMilledPlate(page);
  const shownTotal = await page.getByTestId("total-price").innerText();
  await page.getByRole("button", { name: "Quote as PDF or link" }).click();
  await expect(page).toHaveURL(/\/quotes\/[^/]+$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Quote QT-\d{4}-\d{6}$/);
  const number = (await heading.innerText()).replace("Quote ", "");
  await expect(page.getByTestId("quote-total")).toHaveText(shownTotal);

  await page.getByLabel("Your purchase order (optional)").fill("PO-E2E-18");
  await page.getByLabel("Cost centre (optional)").fill("CC 42");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const text = pdfText(await readFile((await download.path())!));
  for (const expected of [
    `Quote ${number}`,
    plate,
    "CNC milling",
    "Your purchase order: PO-E2E-18",
    "Cost centre: CC 42",
  ])
    expect(text).toContain(expected);

  await page.getByRole("button", { name: "Make a share link" }).click();
  const link = await page.getByTestId("share-link").inputValue();
  expect(link).toMatch(/\/shared-quotes\/[A-Za-z0-9_-]{43}$/);
  const token = link.split("/").at(-1)!;

  // Someone without an account opens it.
  const stranger = await browser.newContext();
  try {
    const visitor = await stranger.newPage();
    await visitor.goto(`/shared-quotes/${token}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(`Quote ${number}`);
    await expect(visitor.getByText(plate)).toBeVisible();
    const sharedDownload = visitor.waitForEvent("download");
    await visitor.getByRole("link", { name: "Download PDF" }).click();
    expect((await sharedDownload).suggestedFilename()).toBe(`${number}.pdf`);

    // A wrong link shows nothing.
    const wrong = await visitor.goto(
      `/shared-quotes/${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`,
    );
    expect(wrong?.status()).toBe(404);
    await expect(visitor.getByText(plate)).toHaveCount(0);

    // Once the quote has expired, the link says so and how to get a new one, and nothing else.
    const db = e2eDatabase();
    try {
      await db.quote.updateMany({
        where: { documentNumber: number },
        data: { validUntil: new Date(Date.now() - 60_000) },
      });
    } finally {
      await db.$disconnect();
    }
    await visitor.goto(`/shared-quotes/${token}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("This quote has expired");
    await expect(visitor.getByText(/ask the person who sent you the link/)).toBeVisible();
    await expect(visitor.getByText(plate)).toHaveCount(0);
    await expect(visitor.getByText(number)).toHaveCount(0);
    expect((await visitor.request.get(`/api/v1/shared-quotes/${token}/pdf`)).status()).toBe(404);
  } finally {
    await stranger.close();
  }
});

test("a buyer picks a saved shipping address at checkout and the order carries it with the PO number", async ({
  signInAs,
}) => {
  const page = await signInAs("buyer");
  await openMilledPlate(page);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
  await page.getByRole("link", { name: "Check out" }).click();

  await page
    .getByLabel("Ship to a saved address")
    .selectOption({ label: "Assembly plant · Goods in, hall 3, Hallbergmoos" });
  const shipping = page.getByRole("group", { name: "Shipping address" });
  await expect(shipping.getByLabel("Street and number")).toHaveValue("Lilienthalstraße 12");
  await expect(shipping.getByLabel("City")).toHaveValue("Hallbergmoos");
  await expect(page.getByRole("checkbox", { name: "Ship to the billing address" })).not.toBeChecked();
  await page.getByLabel("Purchase-order number").fill("PO-E2E-CHECKOUT");
  await page.getByLabel("Cost centre").fill("4711");
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Lilienthalstraße 12, 85399 Hallbergmoos, Germany/)).toBeVisible();
  await expect(page.getByTestId("purchase-order-number")).toHaveText("PO-E2E-CHECKOUT");
  await expect(page.getByTestId("cost-centre")).toHaveText("4711");

  // Leaves the demo data as the other journeys expect it: no open order.
  await page.getByText("Cancel this order").click();
  await page.getByLabel("Why do you cancel?").fill("End-to-end test order");
  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText(/Cancelled/);
});
