import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";

// Issue 24 (i24-exports, decision 0062): the exports as their users reach them. A buyer downloads the
// orders CSV from the orders page and subscribes to a secret calendar address, which a calendar app reads
// without signing in and which stops working once revoked; operations download the DATEV batch.

test("a buyer downloads the orders CSV and gets a secret calendar address that revoking ends", async ({
  signInAs,
}) => {
  const page = await signInAs("buyer");
  await page.goto("/orders");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all orders as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("orders.csv");
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toContain("order_number,placed_on,placed_by");

  await page.getByRole("link", { name: "Delivery dates in your calendar" }).click();
  await expect(page.getByRole("heading", { name: "Your calendar" })).toBeVisible();
  await page.getByRole("button", { name: /Create calendar address|Replace the address/ }).click();
  const address = page.getByLabel(/Your calendar address/);
  await expect(address).toHaveValue(/\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = new URL(await address.inputValue());

  // A calendar app has no session: a fresh request context reads the feed by its address alone.
  const feed = await page.context().browser()!.newContext();
  try {
    const response = await feed.request.get(url.pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    expect(await response.text()).toContain("BEGIN:VCALENDAR");

    await page.reload();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Revoke the address" }).click();
    // The card goes back to offering a new address.
    await expect(page.getByText("You have no calendar address yet.")).toBeVisible();
    expect((await feed.request.get(url.pathname)).status()).toBe(404);
  } finally {
    await feed.close();
  }
});

test("operations download the DATEV posting batch of a period", async ({ signInAs }) => {
  const page = await signInAs("operations");
  await page.goto("/ops/exports");
  await expect(page.getByRole("heading", { name: "Exports" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download DATEV file" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^EXTF_Buchungsstapel_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const text = readFileSync((await download.path())!, "latin1");
  expect(text.split("\r\n")[0]).toMatch(/^"EXTF";700;21;"Buchungsstapel";13;/);
  expect(text.split("\r\n")[1]!.split(";")).toHaveLength(125);
});

test("operations see a refused period on the exports page, with the days they typed", async ({
  signInAs,
}) => {
  const page = await signInAs("operations");
  await page.goto("/ops/exports");
  const datev = page.getByRole("region", { name: "Invoices and credit notes for DATEV" });
  await datev.getByLabel("From").fill("2026-11-30");
  await datev.getByLabel("To").fill("2026-11-01");
  await datev.getByRole("button", { name: "Download DATEV file" }).click();

  // The page itself answers, not the file route's JSON: the refusal on the DATEV form, the days kept.
  await expect(page.getByRole("heading", { name: "Exports" })).toBeVisible();
  await expect(datev.getByRole("alert")).toHaveText("The period ends before it starts: swap the two days.");
  await expect(datev.getByLabel("From")).toHaveValue("2026-11-30");
  await expect(datev.getByLabel("To")).toHaveValue("2026-11-01");
  await expect(datev.getByLabel("From")).toHaveAttribute("aria-invalid", "true");
  // The orders form keeps its own period and shows no refusal.
  const orders = page.getByRole("region", { name: "Orders" });
  await expect(orders.getByRole("alert")).toHaveCount(0);

  // Swapped, the same form downloads the file.
  await datev.getByLabel("From").fill("2026-11-01");
  await datev.getByLabel("To").fill("2026-11-30");
  const downloading = page.waitForEvent("download");
  await datev.getByRole("button", { name: "Download DATEV file" }).click();
  expect((await downloading).suggestedFilename()).toBe("EXTF_Buchungsstapel_2026-11-01_2026-11-30.csv");
});
