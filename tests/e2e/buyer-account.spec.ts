import { expect, finishSignUp, signIn, submitSignIn, test } from "./fixtures";

test("a buyer signs up, confirms by the e-mailed link, signs out and signs in again", async ({
  page,
  browser,
}) => {
  const email = `erika.${Date.now()}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("Company").fill("Mustermann Maschinenbau GmbH");
  await page.getByLabel("Country").selectOption("AT");
  await page.getByLabel("Your name").fill("Erika Mustermann");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await finishSignUp(page, browser, email, "a-long-enough-password");

  await expect(
    page
      .getByRole("banner")
      .getByText("Erika Mustermann, Buyer admin · Mustermann Maschinenbau GmbH", { exact: true }),
  ).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, email, "a-long-enough-password");
  await expect(page).toHaveURL("/");
  await expect(
    page
      .getByRole("banner")
      .getByText("Erika Mustermann, Buyer admin · Mustermann Maschinenbau GmbH", { exact: true }),
  ).toBeVisible();
});

test("sign-up explains what is wrong with each field and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Company").fill("Acme Two");
  await page.getByLabel("Your name").fill("Ben");
  await page.getByLabel("Work e-mail").fill("anna.buyer@acme.example");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters for the password.")).toBeVisible();
  await expect(page.getByLabel("Company")).toHaveValue("Acme Two");

  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  // The same answer as for a new address: the form does not tell who has an account (the owner is e-mailed).
  // (The journeys run without SMTP, so the answer says where the message is instead of "check your e-mail".)
  await expect(page.getByRole("status")).toHaveText(
    "This installation sends no e-mail yet (no SMTP server is set up): the message to anna.buyer@acme.example is printed in the console where the server runs, and operations see it at /dev/outbox. Open the link in it to finish, in this browser to keep the parts you uploaded here.",
  );
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  await submitSignIn(page, "ben.engineer@acme.example", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The e-mail address or password is not correct.",
  );
  await submitSignIn(page, "nobody@acme.example", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "The e-mail address or password is not correct.",
  );
});
