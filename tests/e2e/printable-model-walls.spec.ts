import { expect, test } from "./fixtures";

const shots = process.env.SHOTS_DIR;

test("a real printable model gets an instant FDM price and its thin regions are shown", async ({
  signInAs,
}) => {
  // A 225,000-triangle boat: analysing it takes seconds, and much longer on a busy machine.
  test.setTimeout(300_000);
  const page = await signInAs("buyer");
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/meshes/3dbenchy.3mf");
  const row = page.getByTestId("upload-row").filter({ hasText: "3dbenchy.3mf" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 240_000 });
  await row.getByRole("link", { name: "See price and options" }).click();

  // FDM: priced at once (no manual quote), with a wall warning that states the thin area.
  await page.getByRole("radio", { name: /FDM/ }).check();
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await expect(page.getByTestId("unit-price")).toContainText("€");
  await expect(page.getByTestId("cannot-make")).toHaveCount(0);
  const findings = page.getByRole("region", { name: /Manufacturability for FDM/ });
  const wall = findings.getByRole("button", { name: /is thinner than 0\.8 mm/ });
  await expect(wall).toContainText("Warning");
  await expect(wall).toContainText(/\d+ mm² of the surface/);

  // The heat map, switched on from the keyboard, with its legend in millimetres.
  const viewer = page.getByTestId("part-viewer");
  await expect(viewer).toHaveAttribute("data-status", "ready", { timeout: 60_000 });
  const toggle = page.getByRole("button", { name: "Wall thickness" });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(viewer).toHaveAttribute("data-heat-map", "on");
  const legend = page.getByRole("figure", { name: "Wall thickness colours" });
  await expect(legend).toContainText("Wall thickness, mm");
  await expect(legend).toContainText("≥ 3");

  // Clicking the finding marks its thin region on the heat map.
  await expect(viewer).toHaveAttribute("data-marked-triangles", "0");
  await wall.click();
  await expect(wall).toHaveAttribute("aria-pressed", "true");
  await expect(viewer).not.toHaveAttribute("data-marked-triangles", "0");
  const marked = Number(await viewer.getAttribute("data-marked-triangles"));
  expect(marked).toBeGreaterThan(10);
  if (shots) {
    const model = viewer.locator("xpath=..");
    await page.screenshot({ path: `${shots}/part-fdm-thickness-1280.png`, fullPage: true });
    await model.screenshot({ path: `${shots}/viewer-thickness-1280.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(legend).toBeVisible();
    await page.screenshot({ path: `${shots}/part-fdm-thickness-390.png`, fullPage: true });
    await model.screenshot({ path: `${shots}/viewer-thickness-390.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // Off again: the usual colours; every finding (the wall, the overhangs) and the selected one marked.
  await toggle.click();
  await expect(viewer).toHaveAttribute("data-heat-map", "off");
  await expect(legend).toHaveCount(0);
  await expect
    .poll(async () => Number(await viewer.getAttribute("data-marked-triangles")))
    .toBeGreaterThanOrEqual(marked);
});
