import { test as base, expect, type Browser, type Page } from "@playwright/test";

export const demoPassword = "quote-demo-2026";
export const demoUsers = {
  buyer: "anna.buyer@acme.example",
  supplier: "partner@mueller-cnc.example",
  operations: "olga.ops@instant-quote.example",
} as const;

/**
 * Fills and sends the sign-in form without waiting for its outcome: for attempts that are meant to fail
 * (a wrong password, a locked account), which then read the refusal.
 */
export async function submitSignIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in and returns only once the session is there: the header's account menu shows "Sign out". A
 * journey that went on at once (page.goto right after the click) could cancel the sign-in's navigation
 * and run as a visitor.
 */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await submitSignIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 20_000 });
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/**
 * A link from the newest e-mail to an address, read from the outbox (no SMTP in these runs), which in
 * production only operations may open: an operations user signs in in a browser of its own.
 */
export async function emailedLink(browser: Browser, to: string, path: RegExp): Promise<string> {
  const context = await browser.newContext();
  try {
    const ops = await context.newPage();
    await signIn(ops, demoUsers.operations);
    await ops.goto("/dev/outbox");
    const text = await ops.getByTestId("outbox-email").filter({ hasText: to }).first().innerText();
    const link = path.exec(text)?.[0];
    if (!link) throw new Error(`No link like ${String(path)} in the e-mail to ${to}:\n${text}`);
    return link;
  } finally {
    await context.close();
  }
}

/**
 * Follows the sign-up e-mail's link in this browser and finishes signing up (a buyer, or a supplier) with
 * the password chosen on the form.
 */
export async function finishSignUp(
  page: Page,
  browser: Browser,
  email: string,
  password: string,
): Promise<void> {
  await expect(page.getByRole("status")).toContainText(`the message to ${email} is printed in the console`);
  await page.goto(await emailedLink(browser, email, /\/sign-up\/confirm\/[A-Za-z0-9_-]+/));
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /Finish sign-up|Send application/ }).click();
}

/**
 * Drops a fixture file on the buyer's home page (signed in as `email`), waits for its first price and
 * opens its part page with the 3D view ready; returns the upload row.
 */
export async function uploadAndOpenPart(page: Page, email: string, fixture: string, firstPrice: RegExp) {
  await signIn(page, email);
  await page.goto("/");
  await page.getByTestId("part-file-input").setInputFiles(`tests/fixtures/cad/${fixture}`);
  const row = page.getByTestId("upload-row").filter({ hasText: fixture });
  await expect(row.getByTestId("first-price")).toContainText(firstPrice, { timeout: 60_000 });
  await row.getByRole("link", { name: "See price and options" }).click();
  await expect(page.getByTestId("part-viewer")).toHaveAttribute("data-status", /ready|no-webgl/);
  return row;
}

/** A page already signed in as one of the demo users; signs out again when the test ends. */
export const test = base.extend<{ signInAs: (who: keyof typeof demoUsers) => Promise<Page> }>({
  signInAs: async ({ page }, use) => {
    let signedIn = false;
    await use(async (who) => {
      await signIn(page, demoUsers[who]);
      signedIn = true;
      return page;
    });
    if (signedIn && (await page.getByRole("button", { name: "Sign out" }).isVisible())) {
      await page.getByRole("button", { name: "Sign out" }).click();
    }
  },
});

export { expect };
