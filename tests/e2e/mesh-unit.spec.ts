import { expect, test } from "./fixtures";

// An STL carries no unit. A block drawn in inches (2 × 1.5 × 0.5 in) reads as a 2 mm speck: the part page
// says it looks drawn in inches, with the size in each unit; the buyer switches the unit beside the size
// and the stored file is measured and priced again, without a new upload (docs/decisions/0037).
const fileName = "units_block_drawn_in_inches.stl";

test("a part drawn in inches: the notice says so, switching to inches gives the new size and price", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles(`tests/fixtures/cad/${fileName}`);
  const row = page.getByTestId("upload-row").filter({ hasText: fileName });
  await expect(row.getByTestId("first-price")).toBeVisible({ timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await expect(page.getByRole("heading", { name: fileName })).toBeVisible();

  await expect(page.getByTestId("part-size")).toHaveText("2.0 × 1.5 × 0.5 mm");
  await expect(
    page.getByText(/which suggests it was drawn in inches: then it is 50\.8 × 38\.1 × 12\.7 mm/),
  ).toBeVisible();
  await page.getByRole("radio", { name: /FDM/ }).check();
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  // The unit price: one piece's total is floored by the small-order surcharge for both sizes.
  const priceBefore = page.getByTestId("unit-price");
  const centsBefore = (await priceBefore.count()) > 0 ? await priceBefore.getAttribute("data-cents") : null;

  const unitForm = page.getByRole("form", { name: "Unit of the file" });
  await unitForm.getByLabel("Drawn in").selectOption("inch");
  await unitForm.getByRole("button", { name: "Re-measure" }).click();

  await expect(page.getByTestId("part-size")).toHaveText("50.8 × 38.1 × 12.7 mm", { timeout: 60_000 });
  await expect(page.getByText(/measured in inches, as chosen/)).toBeVisible();
  await expect(page.getByRole("form", { name: "Unit of the file" }).getByLabel("Drawn in")).toHaveValue(
    "inch",
  );
  await page.getByRole("radio", { name: /FDM/ }).check();
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  const priceAfter = page.getByTestId("unit-price");
  await expect(priceAfter).toBeVisible();
  const centsAfter = Number(await priceAfter.getAttribute("data-cents"));
  expect(centsAfter).toBeGreaterThan(0);
  // Priced again from the new analysis (the 2 mm speck and the 51 mm block differ in price).
  if (centsBefore !== null) expect(centsAfter).not.toBe(Number(centsBefore));

  // The unit is kept on the part: the page reads it again in inches.
  await page.reload();
  await expect(page.getByTestId("part-size")).toHaveText("50.8 × 38.1 × 12.7 mm");
});
