import { hashPassword } from "../../lib/auth/password-hash";
import { expect, signIn, signOut, submitSignIn, test } from "../e2e/fixtures";
import { freeFailures } from "../../lib/auth/sign-in-rate-limit";
import { e2eDatabase } from "./e2e-database";

test("the owner's browser still signs in while guesses from elsewhere slow the account down (issue 16, item 2)", async ({
  page,
  browser,
}) => {
  const email = `owner.${Date.now()}@example.com`;
  const password = "the-owners-password";
  const db = e2eDatabase();
  const attacker = await browser.newContext();
  try {
    await db.user.create({
      data: {
        companyId: "seed_company_acme",
        email,
        name: "Otto Owner",
        role: "BUYER_ENGINEER",
        passwordHash: await hashPassword(password),
      },
    });
    // The owner signed in in this browser before: it keeps a device cookie.
    await signIn(page, email, password);
    await signOut(page);

    const attackerPage = await attacker.newPage();
    for (let guess = 0; guess < freeFailures.account; guess++) {
      await submitSignIn(attackerPage, email, `guess-${guess}`);
      await expect(attackerPage.getByRole("main").getByRole("alert")).toHaveText(
        "The e-mail address or password is not correct.",
      );
    }
    // The account is slowed down for everyone without the device cookie, even with the right password…
    await submitSignIn(attackerPage, email, password);
    await expect(attackerPage.getByRole("main").getByRole("alert")).toContainText("Too many failed attempts");
    await expect(attackerPage.getByRole("main").getByRole("alert")).toContainText("Wait");

    // …but not for the owner's browser.
    await signIn(page, email, password);
    expect(await db.outboxEmail.count({ where: { toAddress: email } })).toBe(1);
  } finally {
    await attacker.close();
    await db.$disconnect();
  }
});
