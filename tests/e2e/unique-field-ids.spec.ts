import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// Every id on a page is unique, and every label names a field of its own form: pages with several forms
// (the partner's profile with its machine, laser and certificate forms; a job's shipping and quality
// forms; operations' supplier, settings, team and quote pages) once shared ids such as `kind` and `name`,
// so a label pointed at another form's field and a screen reader read the wrong one.

/** The page's duplicate ids and its labels that point at nothing or at another form's field. */
async function idProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]"))
      counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    for (const [id, count] of counts) if (count > 1) problems.push(`id "${id}" is used ${count} times`);
    for (const label of document.querySelectorAll("label[for]")) {
      const target = document.getElementById(label.getAttribute("for")!);
      if (!target) problems.push(`label "${label.textContent}" points at no field`);
      else if (label.closest("form") !== target.closest("form"))
        problems.push(`label "${label.textContent}" points at a field of another form`);
    }
    return problems;
  });
}

async function expectUniqueIds(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  expect({ path, problems: await idProblems(page) }).toEqual({ path, problems: [] });
}

test("a partner's pages have unique ids and labels of their own forms", async ({ page }) => {
  // Nowak cuts and bends sheet, so its profile shows the laser and press-brake form beside the machine
  // and certificate forms (each with a "Make and model", the sheet form's and the certificate's "kind").
  await signIn(page, "partner@nowak-cnc.example");
  for (const path of ["/supplier/profile", "/supplier/team", "/supplier/capacity", "/supplier/payouts"])
    await expectUniqueIds(page, path);
});

test("operations' pages have unique ids and labels of their own forms", async ({ signInAs }) => {
  test.setTimeout(90_000);
  const page = await signInAs("operations");
  for (const path of [
    "/ops/suppliers/seed_company_mueller",
    "/ops/suppliers/seed_company_schmidt",
    "/ops/settings",
    "/ops/team",
    "/ops/exports",
    "/ops/legal",
    "/ops/payments",
    "/ops/payments/bank-statements",
    "/ops/exceptions",
  ])
    await expectUniqueIds(page, path);
});

test("the buyer's pages have unique ids and labels of their own forms", async ({ signInAs }) => {
  const page = await signInAs("buyer");
  for (const path of ["/account", "/team", "/cart", "/orders"]) await expectUniqueIds(page, path);
});
