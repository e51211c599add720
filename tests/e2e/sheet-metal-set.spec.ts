import { expect, test, uploadAndOpenPart } from "./fixtures";

// Decision 0116: a file of a flat plate and a bent bracket shows each part's process, its findings and
// its own flat pattern; sheet metal prices the set, bending the bracket only. Built with OpenCascade
// (tests/fixtures/cad/construct-mixed-sheet-sets.ts).
test("a flat plate and a bent bracket in one file show each part's process, findings and flat pattern", async ({
  page,
}) => {
  test.slow(); // an upload, an analysis and nine processes priced on a shared machine
  await uploadAndOpenPart(
    page,
    "anna.buyer@acme.example",
    "constructed_set_plate_and_bracket_2mm.step",
    /from €[\d,.]+/,
  );

  await page.getByRole("radio", { name: /Sheet metal/ }).check();
  const parts = page.getByTestId("separate-part");
  await expect(parts).toHaveCount(2);
  await expect(parts.nth(0)).toContainText("Part 1 of 2: Laser cut (flat)");
  await expect(parts.nth(0).getByRole("img", { name: /Flat pattern: blank 120 by 80 mm/ })).toBeVisible();
  await expect(parts.nth(1)).toContainText("Part 2 of 2: Laser cut and bent (1 bend)");
  await expect(parts.nth(1)).toContainText(/1 finding for Sheet metal/);
  await expect(parts.nth(1).getByRole("img", { name: /Flat pattern: .* 1 bend lines/ })).toBeVisible();
  // The findings list names the part each finding concerns; a click marks its faces.
  await expect(
    page.getByRole("button", { name: /^Warning Part 2 of 2 \(.*\): A hole is 2 mm from a bend/ }),
  ).toBeVisible();
  await expect(page.getByText("Bending 1 bend on part 2 of 2 (the other is laser cut only)")).toBeVisible();

  const shots = process.env.SHEET_METAL_SHOTS_DIR;
  if (shots) {
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}/part-page-sheet-set-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}/part-page-sheet-set-390.png`, fullPage: true });
  }
});
