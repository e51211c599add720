import { expect, signIn, test } from "./fixtures";

// Issue 23: a DXF drawing of a flat part is uploaded like a model, shown as its flat pattern (no 3D view),
// given a sheet thickness by the buyer and priced as laser cutting, without a new upload.
test("a DXF drawing is priced as laser cutting in 3 mm steel chosen on the part page", async ({ page }) => {
  test.slow(); // an upload and its analysis on a shared machine
  await signIn(page, "anna.buyer@acme.example");
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/laser_plate_160x90.dxf");
  const row = page.getByTestId("upload-row").filter({ hasText: "laser_plate_160x90.dxf" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €[\d,.]+ per part/, { timeout: 60_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  // The part page prices every process first: slow on a loaded machine.
  await expect(page).toHaveURL(/\/parts\//, { timeout: 30_000 });

  // A drawing: its outline at the default 2 mm, no 3D view, laser cutting the only process.
  const flat = page.getByTestId("flat-pattern");
  await expect(flat).toContainText(/2 mm sheet · blank 160 × 90 mm · 0 bends · [\d.]+ m of cut, 4 pierces/);
  await expect(page.getByTestId("part-viewer")).toHaveCount(0);
  await expect(page.getByTestId("process-price-laser_cutting")).toHaveText(/€[\d,.]+\/pc/);
  await expect(page.getByTestId("process-price-cnc_milling")).toHaveCount(0);

  // The buyer chooses 3 mm: the stored outline is priced again at once.
  const thickness = page.getByRole("form", { name: "Sheet thickness of the drawing" });
  await thickness.getByLabel("Thickness (mm)").fill("3");
  await thickness.getByRole("button", { name: "Price at this thickness" }).click();
  await expect(flat).toContainText(/3 mm sheet · blank 160 × 90 mm/);
  await expect(page.getByLabel("Thickness (mm)")).toHaveValue("3");

  // In steel S235JR: a price as laser cutting, its material line at 3 mm and the laser's line.
  await page.getByRole("radio", { name: /Laser cutting/ }).check();
  await page.getByLabel("Material").selectOption("S235JR");
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await expect(page.getByText(/S235JR.*3 mm: blank 160 × 90 mm/)).toBeVisible();
  await expect(page.getByText(/Laser cutting [\d.]+ m at [\d.]+ m\/min, 4 pierces/)).toBeVisible();
  await expect(page.getByTestId("process-price-laser_cutting")).toHaveText(/€[\d,.]+\/pc/);

  const shots = process.env.DXF_SHOTS_DIR;
  if (shots) {
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}/part-page-dxf-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}/part-page-dxf-390.png`, fullPage: true });
  }
});
