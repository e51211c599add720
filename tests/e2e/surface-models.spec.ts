import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { demoUsers, expect, signIn, signOut, test } from "./fixtures";

// Surfaces-only CAD files (issue 20, decision 0038): an IGES of 146 loose surfaces is sewn into a solid
// and priced with the "sewn from" notice; one with an end face missing cannot close, and its upload row
// offers the manual quote request, which carries the file to operations.
test.setTimeout(180_000);
const shots = process.env.SHOTS_DIR;

async function shoot(page: Page, name: string) {
  if (!shots) return;
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("a surfaces-only IGES that sews is priced and says it was sewn", async ({ page }) => {
  const fileName = "surfaces_tiled_cube40.igs";
  await signIn(page, demoUsers.buyer);
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles(`tests/fixtures/cad/${fileName}`);
  const row = page.getByTestId("upload-row").filter({ hasText: fileName }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 120_000 });
  await shoot(page, "upload-row-sewn");
  await row.getByRole("link", { name: "See price and options" }).click();
  await expect(page.getByRole("heading", { name: fileName })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Sewn from 146 surfaces/)).toBeVisible();
  await shoot(page, "part-page-sewn");
});

test("surfaces that do not close offer the manual quote request, which carries the file", async ({
  page,
}) => {
  const fileName = "surfaces_box_open_end.igs";
  await signIn(page, demoUsers.buyer);
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles(`tests/fixtures/cad/${fileName}`);
  const row = page.getByTestId("upload-row").filter({ hasText: fileName }).first();
  await expect(row).toContainText("Surfaces do not close", { timeout: 120_000 });
  await expect(row).toContainText("4 open edges (60 mm in all)");
  await expect(row).toContainText("about 10 mm across");
  await shoot(page, "upload-row-open-surfaces");
  await row.getByRole("link", { name: "Request a quote for this file" }).click();
  await expect(page.getByText("The surfaces do not close into a solid.")).toBeVisible();
  await page.getByLabel("Process").selectOption({ label: "CNC milling" });
  await page.getByLabel("Quantity").fill("3");
  const notes = "The end plate is welded on later; please quote the open box as drawn.";
  await page.getByLabel("Notes for the engineer").fill(notes);
  await shoot(page, "part-page-open-surfaces");
  await page.getByRole("button", { name: "Request a quote" }).click();
  await expect(page.getByText(/Thank you: an engineer prices this part/)).toBeVisible({ timeout: 30_000 });
  await signOut(page);

  await signIn(page, demoUsers.operations);
  await page.goto("/ops/quotes");
  await page
    .getByTestId("quote-request-row")
    .filter({ hasText: fileName })
    .last()
    .getByRole("link", { name: fileName })
    .click();
  await expect(page.getByText(notes)).toBeVisible();
  await expect(page.getByTestId("engine-reasons")).toContainText("4 open edges");
  const download = await page.getByRole("link", { name: "CAD file (IGES)" }).getAttribute("href");
  const file = await page.request.get(download!);
  expect(Buffer.from(await file.body())).toEqual(readFileSync(`tests/fixtures/cad/${fileName}`));
  await shoot(page, "ops-request-open-surfaces");
});
