import { expect, signIn, signOut, test } from "./fixtures";
import { orderPlateByInvoice } from "./order-plate";

// Walk 10 (decision 0127): a buyer rings operations about an order; the console had no list of orders and
// no search, so an order not on the exceptions or payments lists could not be opened.
test.setTimeout(120_000);

test("operations find an order by its number from the main navigation, keyboard only", async ({ page }) => {
  const order = await orderPlateByInvoice(page, 2);
  await signOut(page);
  await signIn(page, "olga.ops@instant-quote.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await expect(page.getByTestId("ops-order-row").filter({ hasText: order.number })).toBeVisible();

  const search = page.getByRole("searchbox", { name: "Find an order" });
  await search.fill("no such order 4711");
  await search.press("Enter");
  await expect(page.getByTestId("order-search-summary")).toContainText(
    "No order matches “no such order 4711”",
  );

  await search.fill(` ${order.number.toLowerCase()} `);
  await search.press("Enter");
  await expect(page.getByRole("heading", { name: `Order ${order.number}`, level: 1 })).toBeVisible();
});
