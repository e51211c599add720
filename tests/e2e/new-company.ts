import type { Browser, Page } from "@playwright/test";
import { expect, finishSignUp } from "./fixtures";

// A brand-new buyer company for the journeys that need one without the demo data's history.

/**
 * Signs a new buyer company up in this browser, through the confirmation e-mail; returns its name and
 * e-mail. `tag` names the company; the rest may be given (a journey that signs in again needs them).
 */
export async function signUpNewCompany(
  page: Page,
  browser: Browser,
  tag: string,
  given: { email?: string; password?: string; personName?: string } = {},
) {
  const stamp = Date.now();
  const company = `${tag} ${stamp} GmbH`;
  const email = given.email ?? `buyer.${stamp}@${tag.toLowerCase().replace(/\W+/g, "-")}.example`;
  await page.goto("/sign-up");
  await page.getByLabel("Company").fill(company);
  await page.getByLabel("Your name").fill(given.personName ?? "Nina Neu");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill(given.password ?? "a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, browser, email, given.password ?? "a-long-enough-password");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return { company, email };
}

/** Uploads the plate on the home page and adds it, milled in aluminium, to the cart. */
export async function putPlateInCart(page: Page) {
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await page.getByLabel("Material").selectOption({ label: "Aluminium 6061-T6" });
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
}
