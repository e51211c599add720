import { demoUsers, expect, signIn, test } from "./fixtures";

// The journeys' signIn once returned right after clicking "Sign in": a journey that went on at once
// (build-orientation.spec.ts opened "/" next) could cancel the sign-in and run as a visitor.
test("signIn returns only once the session is there, so the next page is a signed-in one", async ({
  page,
}) => {
  await signIn(page, demoUsers.buyer);
  // Read at once, without waiting: the header must already show the signed-in user.
  expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
  await page.goto("/cart");
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
});
