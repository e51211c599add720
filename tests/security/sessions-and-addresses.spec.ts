import { demoUsers, expect, signIn, signOut, submitSignIn, test } from "../e2e/fixtures";
import { e2eDatabase } from "./e2e-database";

test("a session cookie copied before signing out is refused after it (issue 16, item 4)", async ({
  page,
  browser,
}) => {
  await signIn(page, demoUsers.buyer);
  const stolen = await page.context().cookies();
  expect(stolen.some((cookie) => cookie.name.includes("session-token"))).toBe(true);
  await signOut(page);

  const thief = await browser.newContext();
  try {
    await thief.addCookies(stolen);
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/orders");
    await expect(thiefPage).toHaveURL(/\/sign-in\?callbackUrl=%2Forders/);
    expect((await thief.request.get("/api/v1/me")).status()).toBe(401);
    // Auth.js's own session endpoint agrees: no session.
    expect(await (await thief.request.get("/api/auth/session")).json()).toBeNull();
  } finally {
    await thief.close();
  }
});

test("signing out in one browser leaves the same user's other browser signed in", async ({
  page,
  browser,
}) => {
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await signIn(otherPage, demoUsers.buyer);
    await signIn(page, demoUsers.buyer);
    await signOut(page);
    expect((await other.request.get("/api/v1/me")).status()).toBe(200);
  } finally {
    await other.close();
  }
});

test("a forged X-Forwarded-For or client-address header does not change the address recorded (issue 16, item 3)", async ({
  browser,
}) => {
  const email = `forged.${Date.now()}@example.com`;
  const context = await browser.newContext({
    extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.23", "X-Client-Address": "198.51.100.24" },
  });
  const db = e2eDatabase();
  try {
    const page = await context.newPage();
    await submitSignIn(page, email, "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
    const attempts = await db.signInAttempt.findMany({ where: { email }, select: { ipAddress: true } });
    // The test's browser talks to the server over loopback: that is the address, whatever the headers say.
    expect(attempts.map((attempt) => attempt.ipAddress)).toEqual([
      expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
    ]);
  } finally {
    await context.close();
    await db.$disconnect();
  }
});
