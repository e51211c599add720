import { expect, test } from "@playwright/test";

// Issue 16, item 8, over HTTP: names from the URL that are members of every object ("constructor",
// "__proto__") find nothing in the app's lookup tables.

test("an order document named `constructor` is not found, and the real one still is", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("anna.buyer@acme.example");
  await page.getByLabel("Password").fill("quote-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/orders");
  const href = await page.locator('a[href^="/orders/"]').first().getAttribute("href");
  const orderId = href!.split("/")[2]!.split("?")[0]!;

  for (const name of ["constructor", "__proto__", "toString"]) {
    const response = await page.request.get(`/api/v1/orders/${orderId}/documents/${name}`);
    expect(response.status(), name).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  }
  const confirmation = await page.request.get(`/api/v1/orders/${orderId}/documents/confirmation.pdf`);
  expect(confirmation.status()).toBe(200);
  expect(confirmation.headers()["content-type"]).toBe("application/pdf");
  await page.getByRole("button", { name: "Sign out" }).click();
});
