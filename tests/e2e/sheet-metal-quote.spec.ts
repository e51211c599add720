import { expect, signIn, test, uploadAndOpenPart } from "./fixtures";

const euros = (text: string | null) => Number((text ?? "").replace(/[^\d,]/g, "").replace(",", "."));

// Issue 23: a bent bracket is priced as sheet metal, cheaper than milling, with its flat pattern shown
// beside the 3D view. The bracket is built with OpenCascade (tests/fixtures/cad/construct-bent-bracket.ts).
test("a bent bracket is priced as sheet metal, cheaper than milling, with its flat pattern shown", async ({
  page,
}) => {
  test.slow(); // an upload, an analysis and nine processes priced on a shared machine
  await uploadAndOpenPart(
    page,
    "anna.buyer@acme.example",
    "constructed_bent_bracket_2mm.step",
    /from €[\d,.]+ per part/,
  );

  // The comparison lists sheet metal (the bracket has a bend) but not laser cutting (flat parts only).
  const sheetPrice = page.getByTestId("process-price-sheet_metal");
  await expect(sheetPrice).toHaveText(/€[\d,.]+\/pc/);
  await expect(page.getByTestId("process-price-laser_cutting")).toHaveCount(0);
  const millingPrice = page.getByTestId("process-price-cnc_milling");
  await expect(millingPrice).toHaveText(/€[\d,.]+\/pc/);
  expect(euros(await sheetPrice.textContent())).toBeLessThan(euros(await millingPrice.textContent()));

  // The flat pattern: 2 mm sheet, the unfolded blank 100 mm wide, one bend line drawn dashed with its legend.
  const flat = page.getByTestId("flat-pattern");
  await expect(flat).toContainText(
    /2 mm sheet · blank 13\d(\.\d)? × 100 mm · 1 bend · [\d.]+ m of cut, 4 pierces/,
  );
  await expect(
    flat.getByRole("img", { name: /Flat pattern: blank .* with 3 cut-outs and 1 bend lines/ }),
  ).toBeVisible();
  await expect(flat.getByText(/▲ bend up|▼ bend down/).first()).toBeVisible();

  // Chosen, sheet metal prices in DC01 with its bending line in the breakdown.
  await page.getByRole("radio", { name: /Sheet metal/ }).check();
  await page.getByLabel("Material").selectOption("DC01");
  await expect(page.getByText(/Bending 1 bend/)).toBeVisible();

  const shots = process.env.SHEET_METAL_SHOTS_DIR;
  if (shots) {
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}/part-page-sheet-metal-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}/part-page-sheet-metal-390.png`, fullPage: true });
    // Operations' sheet-metal settings (read only here).
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.context().clearCookies();
    await signIn(page, "olga.ops@instant-quote.example");
    await page.goto("/ops/settings");
    const section = page.locator("section", {
      has: page.getByRole("heading", { name: "Sheet metal and laser cutting" }),
    });
    await section.screenshot({ path: `${shots}/ops-settings-sheet-metal-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await section.screenshot({ path: `${shots}/ops-settings-sheet-metal-390.png` });
  }
});
