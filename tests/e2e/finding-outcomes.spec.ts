import { expect, signIn, test } from "./fixtures";

// A finding's badge says what it means for the price: a modelled thread is quoted by an engineer, a
// block on a lathe cannot be made at all (the buyer should choose another process), a thin wall warns.
test("each finding's badge says whether the part cannot be made, goes to an engineer or only warns", async ({
  page,
}) => {
  test.slow(); // two uploads and their analyses on a shared machine
  await signIn(page, "anna.buyer@acme.example");
  await page.goto("/");
  await page
    .getByTestId("part-file-input")
    .setInputFiles([
      "tests/fixtures/cad/build123d_m6x12_countersunk_screw.step",
      "tests/fixtures/cad/synth_block_2pockets_bottomslot.step",
    ]);
  const screwRow = page
    .getByTestId("upload-row")
    .filter({ hasText: "build123d_m6x12_countersunk_screw.step" });
  const blockRow = page.getByTestId("upload-row").filter({ hasText: "synth_block_2pockets_bottomslot.step" });
  await expect(blockRow.getByTestId("first-price")).toContainText(/from €/, { timeout: 60_000 });
  await expect(screwRow.getByTestId("first-price")).toContainText(/from €/, { timeout: 60_000 });
  const blockUrl = await blockRow.getByRole("link", { name: "See price and options" }).getAttribute("href");

  await screwRow.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC turning/ }).check();
  const screwFindings = page.getByRole("region", { name: /Manufacturability for CNC turning/ });
  const thread = screwFindings.getByRole("button", { name: /modelled thread/ });
  await expect(thread).toContainText("Engineer quote");
  await expect(thread).not.toContainText("Cannot make");
  const shots = process.env.SHOTS_DIR;
  if (shots) {
    await thread.click();
    await page.screenshot({ path: `${shots}/finding-engineer-quote-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/finding-engineer-quote-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  await page.goto(blockUrl!);
  await page.getByRole("radio", { name: /CNC turning/ }).check();
  const blockFindings = page.getByRole("region", { name: /Manufacturability for CNC turning/ });
  const notRound = blockFindings.getByRole("button").filter({ hasText: "Cannot make" });
  await expect(notRound).toHaveCount(1);
  await expect(blockFindings.getByText("Engineer quote")).toHaveCount(0);
});
