import { demoUsers, expect, signIn, signOut, test } from "./fixtures";
import { formatIsoDay } from "../../lib/dates/format-day";

// A part the engine will not price (tolerances tighter than ISO 2768-f): the buyer asks for a quote,
// operations price it from the part, its findings and the engine's suggestion, and the buyer orders it.
const fileName = "synth_cube20.step";

test("operations answer a manual quote that the buyer then orders by invoice", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demoUsers.buyer);
  await expect(page).toHaveURL("/");
  await page.getByTestId("part-file-input").setInputFiles(`tests/fixtures/cad/${fileName}`);
  const row = page.getByTestId("upload-row").filter({ hasText: fileName });
  await expect(row.getByTestId("first-price")).toBeVisible({ timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await expect(page.getByRole("heading", { name: fileName })).toBeVisible();
  const partUrl = page.url();

  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await page.getByRole("spinbutton", { name: "Quantity" }).fill("4");
  await page.getByLabel("Tolerance").selectOption("tighter");
  await expect(page.getByText("This part needs a quote from an engineer")).toBeVisible();
  await page.getByLabel("Notes for the engineer").fill("Bores H7, flatness 0.01 mm over the top face.");
  await page.getByRole("button", { name: "Request a quote" }).click();
  await expect(page.getByText(/Thank you: an engineer prices this part/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("manual-quote")).toContainText("Waiting for our engineers");
  await signOut(page);

  await signIn(page, demoUsers.operations);
  await page.goto("/ops/quotes");
  const request = page
    .getByTestId("quote-request-row")
    .filter({ hasText: fileName })
    .filter({ hasText: "Waiting for a price" })
    .last();
  await expect(request).toContainText("Acme");
  await request.getByRole("link", { name: fileName }).click();

  await expect(page.getByRole("heading", { name: fileName })).toBeVisible();
  await expect(page.getByTestId("part-viewer")).toHaveAttribute("data-status", /ready|no-webgl/);
  await expect(page.getByTestId("request-part-size")).toHaveText("20.0 × 20.0 × 20.0 mm");
  await expect(page.getByTestId("engine-reasons")).toContainText("tighter than ISO 2768-f");
  await expect(page.getByTestId("suggestion")).toContainText("per part");
  await expect(page.getByText("Bores H7, flatness 0.01 mm over the top face.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /findings for CNC milling/ })).toBeVisible();

  await page.getByLabel("Buyer's price per part in €").fill("250.00");
  await page.getByLabel("Partner's cost per part in €").fill("260");
  await page.getByRole("button", { name: "Send the quote to the buyer" }).click();
  await expect(page.getByText("The partner's cost must be below the buyer's price")).toBeVisible();
  await expect(page.getByLabel("Buyer's price per part in €")).toHaveValue("250.00");
  await page.getByLabel("Partner's cost per part in €").fill("180");
  const deliveryDate = await page.getByLabel("Delivery date").inputValue();
  expect(deliveryDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel("Note to the buyer (optional)").fill("Bores reamed to H7; every part measured.");
  await page.getByRole("button", { name: "Send the quote to the buyer" }).click();
  await expect(page.getByText(/The quote is sent/)).toBeVisible();
  await expect(page.getByTestId("request-status")).toHaveText("Quoted");
  await expect(page.getByTestId("answered-quote")).toContainText("€1,000.00");
  await signOut(page);

  await signIn(page, demoUsers.buyer);
  await page.goto(partUrl);
  const card = page.getByTestId("manual-quote").filter({ hasText: "Quote from our engineers" });
  await expect(card.getByTestId("manual-unit-price")).toHaveText("€250.00");
  await expect(card).toContainText("€1,000.00");
  await expect(card).toContainText("Bores reamed to H7; every part measured.");
  await card.getByRole("button", { name: "Add to cart" }).click();

  await expect(page).toHaveURL("/cart");
  const item = page.getByTestId("cart-item").filter({ hasText: fileName });
  await expect(item).toContainText("€1,000.00");
  await expect(item).toContainText(formatIsoDay(deliveryDate));
  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("checkbox", { name: /I accept the terms of business/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByText(/Thank you: order Q-\d{4}-\d{6} is placed/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("250.00 per part")).toBeVisible();

  await page.goto(partUrl);
  await expect(
    page.getByTestId("manual-quote").filter({ hasText: "Quote from our engineers" }),
  ).toContainText("Ordered");
});
