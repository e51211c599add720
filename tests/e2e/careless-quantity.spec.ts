import { expect, test } from "./fixtures";
import { signUpNewCompany } from "./new-company";

// Walk6: a careless buyer typed 0, then 1e9, as the quantity, read the field's error or not, and pressed
// "Add to cart": the cart got the last valid quantity (1) instead. The price panel now says so and keeps
// both buttons shut until the quantity is one we take.
test("a quantity that cannot be ordered keeps the part out of the cart until it is corrected", async ({
  page,
  browser,
}) => {
  // A company of its own: the part it leaves in the cart is in no other journey's way.
  await signUpNewCompany(page, browser, "Careless");
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" });
  await row.getByRole("link", { name: "See price and options" }).click({ timeout: 30_000 });
  const price = page.getByRole("region", { name: "Price", exact: true });
  await expect(price).toHaveAttribute("aria-busy", "false");
  const quantity = page.getByRole("spinbutton", { name: "Quantity" });
  const addToCart = page.getByRole("button", { name: "Add to cart" });
  const quoteDocument = page.getByRole("button", { name: "Quote as PDF or link" });

  for (const typed of ["0", "1e9", "100001"]) {
    await quantity.fill(typed);
    await expect(page.getByTestId("quantity-not-priced")).toContainText("The price shown is for 1");
    await expect(addToCart).toBeDisabled();
    await expect(quoteDocument).toBeDisabled();
  }

  await quantity.fill("7");
  await expect(page.getByTestId("quantity-not-priced")).toBeHidden();
  await expect(price).toContainText("for 7");
  await expect(price).toHaveAttribute("aria-busy", "false");
  await addToCart.click();
  await expect(page).toHaveURL("/cart");
  const line = page.getByRole("row").filter({ hasText: "synth_plate_4thru_1blind.step" });
  await expect(line.getByRole("cell").nth(2)).toHaveText(/^7\b/);
});
