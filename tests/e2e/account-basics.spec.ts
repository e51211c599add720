import { emailedLink, expect, signIn, test } from "./fixtures";
import { signUpNewCompany } from "./new-company";

// Each journey signs up, reads the outbox as operations in a second browser and hashes passwords (Argon2).
test.setTimeout(120_000);

test("a buyer who forgot the password resets it from the e-mailed link and signs in with the new one", async ({
  page,
  browser,
}) => {
  const email = `forgetful.${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await expect(
    page.getByRole("main").getByRole("link", { name: "privacy notice", exact: true }),
  ).toHaveAttribute("href", "/privacy");
  await signUpNewCompany(page, browser, "Vergesslich", {
    email,
    password: "the-first-password",
    personName: "Fritz Vergesslich",
  });
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL("/forgot-password");
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${email} has an account`);

  // An address without an account gets the same answer.
  await page.getByLabel("E-mail").fill(`nobody.${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("has an account, a link to choose a new password");

  const link = await emailedLink(browser, email, /\/reset-password\/[A-Za-z0-9_-]+/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Use at least 10 characters for the password.")).toBeVisible();
  await page.getByLabel("New password").fill("the-second-password");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  // The link worked once.
  await page.goto(link);
  await expect(page.getByText(/This link is used or expired/)).toBeVisible();

  await signIn(page, email, "the-second-password");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Password" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
});

test("a signed-in buyer changes the password on the account page; the other browser is signed out", async ({
  page,
  browser,
}) => {
  const email = `changer.${Date.now()}@example.com`;
  await signUpNewCompany(page, browser, "Wechsel", {
    email,
    password: "the-first-password",
    personName: "Wera Wechsel",
  });

  const otherContext = await browser.newContext();
  try {
    const other = await otherContext.newPage();
    await signIn(other, email, "the-first-password");

    await page.goto("/account");
    await page.getByLabel("Current password").fill("the-first-password");
    await page.getByLabel("New password").fill("the-second-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toContainText(
      "You stay signed in here; 1 other sign-in was ended.",
    );

    await page.reload();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await other.reload();
    await expect(other.getByRole("link", { name: "Sign in" })).toBeVisible();
  } finally {
    await otherContext.close();
  }
  await page.getByRole("button", { name: "Sign out" }).click();
});

test("checkout refuses an order without the terms tick, and names the versions", async ({ signInAs }) => {
  const page = await signInAs("buyer");
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles("tests/fixtures/cad/synth_plate_4thru_1blind.step");
  const row = page.getByTestId("upload-row").filter({ hasText: "synth_plate_4thru_1blind.step" }).first();
  await expect(row.getByTestId("first-price")).toContainText(/from €/, { timeout: 30_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await page.getByRole("radio", { name: /CNC milling/ }).check();
  await expect(page.getByRole("region", { name: "Price", exact: true })).toHaveAttribute(
    "aria-busy",
    "false",
  );
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page).toHaveURL("/cart");
  await page.getByRole("link", { name: "Check out" }).click();

  const tick = page.getByRole("checkbox", {
    name: "I accept the terms of business (version 1) and have read the privacy notice (version 1).",
  });
  await expect(tick).not.toBeChecked();
  await expect(
    page.getByRole("main").getByRole("link", { name: "terms of business", exact: true }),
  ).toHaveAttribute("href", "/terms?version=1");
  await page.getByLabel("Street and number").fill("Industriestraße 7");
  await page.getByLabel("Postal code").fill("80331");
  await page.getByLabel("City").fill("München");
  await page.getByRole("radio", { name: /Invoice/ }).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(
    page.getByText("Tick that you accept the terms of business and have read the privacy notice."),
  ).toBeVisible();
  await expect(page).toHaveURL("/checkout");
  await expect(page.getByLabel("City")).toHaveValue("München");

  await page.goto("/cart");
  await page.getByRole("button", { name: "Remove synth_plate_4thru_1blind.step" }).click();
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
});

test("the footer links the imprint, terms and privacy notice on every page", async ({ page }) => {
  for (const path of ["/", "/sign-in"]) {
    await page.goto(path);
    const legal = page.getByRole("navigation", { name: "Legal" });
    await expect(legal.getByRole("link", { name: "Imprint" })).toHaveAttribute("href", "/imprint");
    await expect(legal.getByRole("link", { name: "Terms of business" })).toHaveAttribute("href", "/terms");
    await expect(legal.getByRole("link", { name: "Privacy notice" })).toHaveAttribute("href", "/privacy");
  }
  await page.getByRole("navigation", { name: "Legal" }).getByRole("link", { name: "Imprint" }).click();
  await expect(page.getByRole("heading", { name: "Imprint (Impressum)" })).toBeVisible();
  await expect(page.getByText("Instant Quote GmbH")).toBeVisible();
  await expect(page.getByText("HRB 000000 B, Amtsgericht Berlin-Charlottenburg")).toBeVisible();
  await page.goto("/terms");
  await expect(page.getByText("Version 1, published")).toBeVisible();
  await expect(page.getByText(/^DEMO TEXT/)).toBeVisible();
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { name: "Privacy notice (demo)" })).toBeVisible();
});
