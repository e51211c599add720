import { expect, signIn, test } from "./fixtures";

// Issue 20: the part page says how the chosen additive process builds the part, and the viewer shows it
// turned onto a build plate with the faces needing support marked.
test("the part page says which way up each additive process prints the part and shows it as printed", async ({
  page,
}, testInfo) => {
  test.slow(); // an upload, an analysis and five processes priced on a shared machine
  await signIn(page, "anna.buyer@acme.example");
  await page.goto("/");
  await page
    .getByTestId("part-file-input")
    .setInputFiles("tests/fixtures/cad/synth_block_2pockets_bottomslot.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_block_2pockets_bottomslot.step" });
  await expect(row.getByTestId("first-price")).toContainText(/from €[\d,.]+ per part/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await expect(page.getByTestId("part-viewer")).toHaveAttribute("data-status", /ready|no-webgl/);

  // SLA stands the 80 × 50 × 25 mm block on its side: fewest supported spots (its slot's ceiling as drawn
  // would be supported all over).
  await page.getByRole("radio", { name: /SLA/ }).check();
  await expect(page.getByTestId("printed-orientation")).toHaveText(
    /^Printed with \+X up, 80 mm tall, supports under \d[\d,]* mm²\.$/,
  );
  // FDM prints it as drawn (decision 0124): the slot's 5 mm columns are 4 cm³ of support, on its side 15.
  await page.getByRole("radio", { name: /FDM/ }).check();
  await expect(page.getByTestId("printed-orientation")).toHaveText(
    /^Printed with \+Z up \(as drawn\), 25 mm tall, supports under \d[\d,]* mm²\.$/,
  );
  // Powder beds need no supports: lowest, as drawn.
  await page.getByRole("radio", { name: /SLS/ }).check();
  await expect(page.getByTestId("printed-orientation")).toHaveText(
    "Built with +Z up (as drawn), 25 mm tall, no supports (nested in the powder bed).",
  );
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await expect(page.getByTestId("printed-orientation")).toHaveCount(0);
  await expect(page.getByTestId("as-printed")).toHaveCount(0);

  await page.getByRole("radio", { name: /FDM/ }).check();
  const asPrinted = page.getByTestId("as-printed");
  await expect(asPrinted).toHaveAttribute("aria-pressed", "false");
  await asPrinted.click();
  await expect(asPrinted).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText("needs support (as printed)")).toBeVisible();
  const shots = process.env.ORIENTATION_SHOTS_DIR;
  if (shots) {
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}/part-page-fdm-as-printed-${testInfo.project.name}-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}/part-page-fdm-as-printed-390.png`, fullPage: true });
  }
});
